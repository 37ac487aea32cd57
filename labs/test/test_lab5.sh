#!/usr/bin/env bash
# test_lab5.sh -- lab 5 (labs/05-rtl-bug): the handout of one variant is rtl/ with exactly
# the one mutant of its key applied, as scripts/mutate-rtl.py --diff prints it, away from the
# documented bugs, and caught by the run its bug report names (which the clean RTL passes);
# the same seed makes it again byte for byte.  The grader (check.sh) passes the reference (the
# repository's own file for that variant) with the right answers, and fails, with the right
# questions marked, the handed-out file, a fix of the wrong module, a fix that does not
# verilate and wrong answers; bad input exits 2.
# Cost: one Verilator build (the variant's); the reference is graded on the repository's own
# build (LAB5_CLEAN_VL, as `make check` does for a file equal to rtl/).  LAB5_TEST_FULL=1 adds
# a reference with an edited comment, verilated afresh (one more build).
#   BUILD=build LAB5_OBJS=... LAB5_CLEAN_VL=build/verilator LAB5_CLEAN_MMULAB=build/mmulab \
#     bash labs/test/test_lab5.sh [SEED]
set -uo pipefail
: "${BUILD:=build}" "${LAB5_OBJS:?set LAB5_OBJS (make test exports it, labs/labs.mk)}"
: "${LAB5_CLEAN_VL:?set LAB5_CLEAN_VL (the build of rtl/ with FST tracing)}" "${LAB5_CLEAN_MMULAB:?}"
export BUILD LAB5_OBJS LAB5_CLEAN_VL LAB5_CLEAN_MMULAB
seed=${1:-4}
fails=0
ok() { echo "ok: $*"; }
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }
t=$BUILD/lab5-test
rm -rf "$t" && mkdir -p "$t" || exit 1
log=$t/log
grade() { bash labs/05-rtl-bug/check.sh "$@" >"$log" 2>&1; echo $?; }
has() { grep -qE -- "$1" "$log"; }
files=$(sed 's://.*::' rtl/sim.f rtl/core.f)

# ---- the handout
if ! bash labs/05-rtl-bug/handout.sh "$seed" >"$log" 2>&1; then bad "handout $seed"; cat "$log"; exit 1; fi
out=$BUILD/lab5/$seed key=$BUILD/lab5/keys/$seed.key
kv() { sed -n "s/^$1 //p" "$key"; }
k=$(kv k) kfile=$(kv file) step=$(kv step)
read -r l1 l2 <<<"$(kv lines)"
# which files differ from rtl/, and which lines (GNU diff, not the handout's own record)
changed=$(for f in $files; do cmp -s "$f" "$out/rtl/${f##*/}" || echo "${f##*/}"; done)
newlines=$(diff --unchanged-line-format= --old-line-format= --new-line-format='%dn
' "rtl/$kfile" "$out/rtl/$kfile" | tr '\n' ' ')
if [[ $changed == "$kfile" && -n $newlines && ${newlines%% *} == "$l1" ]]; then
  ok "handout: only $kfile differs from rtl/ (lines $newlines), as the key says (mutant $k, lines $l1-$l2)"
else bad "handout: files '$changed', lines '$newlines', key: $kfile $l1-$l2"; fi
# the change is mutant K of mutate-rtl.py --diff, as plain text (no selector)
# shellcheck disable=SC2086
if diff <(python3 scripts/mutate-rtl.py --max 0 --diff "$k" $files | grep -E '^[-+][^-+]') \
        <(diff -U1 "rtl/$kfile" "$out/rtl/$kfile" | grep -E '^[-+][^-+]') >/dev/null &&
   ! grep -rq mut_sel_i "$out/rtl"; then
  ok "handout: the change is mutate-rtl.py --diff $k, plain text, no mut_sel_i"
else bad "handout: the change is not mutant $k's diff"; fi
# shellcheck disable=SC2086
if ! python3 scripts/mutate-rtl.py --max 0 --apply 99999 --out "$t/none" $files >/dev/null 2>"$t/err" &&
   grep -q 'no mutant 99999' "$t/err" && [[ ! -e $t/none ]]; then ok "mutate-rtl.py --apply: an unknown K is an error, nothing written"
else bad "mutate-rtl.py --apply 99999"; fi
# not at a documented bug: the original lines it changes match none of near-bugs.tsv's places
orig=$(diff --unchanged-line-format= --new-line-format= --old-line-format='%L' "rtl/$kfile" "$out/rtl/$kfile")
hit=$(awk -F'\t' -v f="$kfile" '!/^#/ && $2 == f { print $3 }' labs/05-rtl-bug/near-bugs.tsv |
      while read -r re; do grep -E -- "$re" <<<"$orig"; done)
if [[ -z $hit ]]; then ok "handout: the changed line is at none of docs/rtl-bugs.md's places"
else bad "handout: the mutant changes a documented bug's line: $hit"; fi
# the bug report's run fails on the variant and passes on rtl/
# shellcheck disable=SC2086
"$out/test_lockstep" $step >"$t/variant.txt" 2>&1
rc=$?
# shellcheck disable=SC2086
if [[ $rc != 0 ]] && grep -q '^LOCKSTEP MISMATCH' "$t/variant.txt" && "$LAB5_CLEAN_VL/test_lockstep" $step >/dev/null 2>&1 &&
   grep -qF "./test_lockstep $step" "$out/BUG-REPORT.txt" &&
   grep -qF "$(grep -m1 '^LOCKSTEP MISMATCH' "$t/variant.txt")" "$out/BUG-REPORT.txt"; then
  ok "handout: test_lockstep $step fails on the variant ($(grep -m1 '^LOCKSTEP' "$t/variant.txt")), passes on rtl/"
else bad "handout: the bug report's run '$step' (exit $rc)"; fi
# determinism: made again from nothing (the build is reused), the same variant byte for byte
cp "$key" "$t/key1" && cp -r "$out/rtl" "$t/rtl1" && cp "$out/BUG-REPORT.txt" "$t/report1" || exit 1
rm -rf "$out" "$key"
if bash labs/05-rtl-bug/handout.sh "$seed" >"$log" 2>&1 && cmp -s "$key" "$t/key1" &&
   diff -r "$t/rtl1" "$out/rtl" >/dev/null && cmp -s "$t/report1" "$out/BUG-REPORT.txt"; then
  ok "handout: seed $seed made again: the same key, rtl/ and bug report"
else bad "handout: seed $seed made again differs"; fi
# shellcheck disable=SC2086
if ! cmp -s <(python3 labs/05-rtl-bug/variant.py candidates "$seed" $files) \
            <(python3 labs/05-rtl-bug/variant.py candidates $((seed + 1)) $files); then
  ok "variant.py: seeds $seed and $((seed + 1)) try the candidates in different orders"
else bad "variant.py: seeds $seed and $((seed + 1)) give the same order"; fi

# ---- the grader
printf 'file %s\nline %s   # the wrong expression\n' "$kfile" "$l1" > "$t/right.txt"
rc=$(grade "rtl/$kfile" "$seed" "$t/right.txt")
if [[ $rc == 0 ]] && has '^score: 6/6 -- all correct$'; then ok "reference rtl/$kfile and the right answers: 6/6"
else bad "reference: exit $rc"; cat "$log"; fi

wrongstep='^q4 +WRONG'
[[ $step == -d* ]] && wrongstep="^q3 +WRONG .*| +hint: -d ${step#-d } "
rc=$(grade "$out/rtl/$kfile" "$seed" "$t/right.txt")
if [[ $rc == 1 ]] && has '^q1 +ok' && has '^q2 +ok' && has "$wrongstep" && has '^q6 +ok'; then
  ok "the handed-out $kfile: verilates, fails the lockstep ($step's question WRONG)"
else bad "the handed-out file: exit $rc"; cat "$log"; fi

other=mmu_lru.sv
[[ $kfile == "$other" ]] && other=mmu_ptw.sv
rc=$(grade "rtl/$other" "$seed")
if [[ $rc == 1 ]] && has "^q1 +WRONG .*the module with the bug" && has "^ +hint: ${other%.sv}.sv is not where the bug is" &&
   has "$wrongstep" && has '^q6 +missing'; then
  ok "a fix of the wrong module ($other): q1 WRONG, the lockstep still fails, q6 missing"
else bad "wrong module: exit $rc"; cat "$log"; fi

sed '0,/^endmodule/s//  wire broken = ;\nendmodule/' "rtl/$kfile" > "$t/$kfile"
rc=$(grade "$t/$kfile" "$seed")
if [[ $rc == 1 ]] && has '^q1 +ok' && has '^q2 +WRONG' && has '^score: 1/2 \(nothing else can run\)$'; then
  ok "a fix that does not parse: q2 WRONG, nothing else runs"
else bad "a fix that does not parse: exit $rc"; cat "$log"; fi

# answers: another line, another file, nothing; then bad input
printf 'file %s\nline %s\n' "$kfile" $((l2 + 3)) > "$t/line.txt"
printf 'file %s\nline %s\n' "$other" "$l1" > "$t/file.txt"
rc=$(grade "rtl/$kfile" "$seed" "$t/line.txt")
if [[ $rc == 1 ]] && has '^q6 +WRONG' && has '^ +hint: right file; line' && has '^score: 5/6$'; then ok "answers: a wrong line is q6 WRONG, 5/6"
else bad "answers, a wrong line: exit $rc"; cat "$log"; fi
rc=$(grade "rtl/$kfile" "$seed" "$t/file.txt")
if [[ $rc == 1 ]] && has "^ +hint: the bug is not in $other" ; then ok "answers: a wrong file is q6 WRONG"
else bad "answers, a wrong file: exit $rc"; cat "$log"; fi
rc=$(grade "rtl/$kfile" "$seed" labs/05-rtl-bug/starter/answers.txt)
if [[ $rc == 1 ]] && has '^q6 +missing'; then ok "answers: the starter (all comments) is q6 missing"
else bad "answers, the starter: exit $rc"; cat "$log"; fi
printf 'file %s\nline twelve\n' "$kfile" > "$t/bad.txt"
rc=$(grade "rtl/$kfile" "$seed" "$t/bad.txt")
if [[ $rc == 2 ]] && has "$t/bad.txt:2: expected a line number after 'line', got 'twelve'"; then ok "answers: a bad line exits 2 with file:line"
else bad "answers, a bad line: exit $rc"; cat "$log"; fi
printf '// nothing here\n' > "$t/empty.sv"
rc=$(grade "$t/empty.sv" "$seed")
if [[ $rc == 2 ]] && has "$t/empty.sv: expected a 'module NAME' line naming one of the RTL modules"; then ok "a file without a module: exit 2"
else bad "a file without a module: exit $rc"; cat "$log"; fi
rc=$(grade "rtl/$kfile" x)
if [[ $rc == 2 ]] && has "SEED: expected a number"; then ok "a bad seed: exit 2"; else bad "a bad seed: exit $rc"; fi

if [[ ${LAB5_TEST_FULL:-0} == 1 ]]; then
  { echo "// fixed (lab 5 test)"; cat "rtl/$kfile"; } > "$t/fixed-$kfile"
  rc=$(grade "$t/fixed-$kfile" "$seed" "$t/right.txt")
  if [[ $rc == 0 ]] && has '^score: 6/6 -- all correct$' && ! grep -q 'byte for byte' "$BUILD/lab5/$seed/grade/build.log"; then
    ok "reference with a comment added, verilated afresh: 6/6"
  else bad "reference, verilated afresh: exit $rc"; cat "$log"; fi
fi
echo "lab 5: $fails failed"
((fails == 0))
