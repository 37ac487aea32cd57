#!/usr/bin/env bash
# handout.sh -- lab 5's variant SEED: a copy of rtl/ with ONE mutant of scripts/mutate-rtl.py
# applied as plain text, built, with the student's bug report.
#   labs/05-rtl-bug/handout.sh SEED      (make lab5-handout SEED=S runs it with the env set)
# Writes, for the student, $BUILD/lab5/SEED/: rtl/ (the mutated copy), test_lockstep and
# mmulab (built over it), traces/default.trace, BUG-REPORT.txt (the failing lockstep run and
# its first mismatch).  Writes, for the TA and the checker only, $BUILD/lab5/keys/SEED.key
# (the mutant: number, file, lines, module, text; the failing step).  The mutant is the first
# of variant.py's candidates for SEED (eligible: default configuration, not at a documented
# bug) that the quick lockstep (lib.sh) kills; a survivor is skipped.  Deterministic: the same
# rtl/ and SEED give the same variant.  A key already made from the same rtl/ is reused.
# Exit 0 with the key written, 2 for a bad SEED, 3 when no candidate could be built or killed.
set -uo pipefail
here=$(dirname "$0")
# shellcheck source=labs/05-rtl-bug/lib.sh
. "$here/lib.sh"
seed=${1:-}
if [[ ! $seed =~ ^[1-9][0-9]{0,8}$ ]]; then
  echo "lab 5 handout: SEED: expected a number 1..999999999, got '$seed'" >&2; exit 2
fi
out=$lab5/$seed key=$lab5/keys/$seed.key
files=$(sed 's://.*::' rtl/sim.f rtl/core.f)
# what decides the variant: rtl/ and the selection code
stamp=$( { rtl_hash rtl; cat scripts/mutate-rtl.py "$here/variant.py" "$here/near-bugs.tsv" "$here/lib.sh"; } |
         sha1sum | cut -c1-16)
if [[ -s $key && -d $out/rtl ]] && grep -qx "stamp $stamp" "$key"; then
  echo "lab 5: variant $seed is in $out (made before from this rtl/)"; exit 0
fi
mkdir -p "$lab5/keys" || exit 3
rm -f "$key"
# shellcheck disable=SC2086  # the file list
python3 "$here/variant.py" candidates "$seed" $files > "$lab5/keys/$seed.candidates" || exit 3
tries=0
while IFS=$'\t' read -r k file l1 l2 module op orig new; do
  tries=$((tries + 1))
  ((tries > 8)) && break
  rm -rf "$out" && mkdir -p "$out" || exit 3
  # shellcheck disable=SC2086
  python3 scripts/mutate-rtl.py --max 0 --apply "$k" --out "$out/rtl" $files >/dev/null || exit 3
  if ! vl_build "$out/rtl" "$out/build.log" </dev/null; then
    echo "lab 5: mutant $k ($file:$l1 $op) does not build; next candidate" >&2; continue
  fi
  step=""
  while read -r args; do
    # shellcheck disable=SC2086
    if ! passes "$out/report.txt" $args </dev/null; then step=$args; break; fi
  done < <(lab5_quick)
  if [[ -z $step ]]; then
    echo "lab 5: mutant $k ($file:$l1 $op) survives the quick lockstep; next candidate" >&2; continue
  fi
  cp "$VL/test_lockstep" "$MM" "$out/" && mkdir -p "$out/traces" && cp traces/default.trace "$out/traces/" || exit 3
  printf '%s\n' "stamp $stamp" "seed $seed" "k $k" "file $file" "module $module" "lines $l1 $l2" \
    "operator $op" "original $orig" "mutated $new" "step $step" "first $(first "$out/report.txt")" > "$key"
  {
    echo "Bug report, lab 5 variant $seed"
    echo
    echo "The MMU in rtl/ beside this file fails the lockstep against the C model:"
    echo
    echo "  ./test_lockstep $step"
    echo
    sed -n '/^LOCKSTEP MISMATCH/,/^first:/p' "$out/report.txt"
    echo
    echo "Waveform: ./test_lockstep $step -w bug.fst, then gtkwave bug.gtkw (opens on the failing cycle)."
  } > "$out/BUG-REPORT.txt"
  rm -f "$out/report.txt" "$out/build.log"
  echo "lab 5: variant $seed in $out (bug report: $out/BUG-REPORT.txt; key: $key)"
  exit 0
done < "$lab5/keys/$seed.candidates"
echo "lab 5: no candidate of seed $seed could be built and killed in $((tries > 8 ? 8 : tries)) tries" >&2
exit 3
