#!/usr/bin/env bash
# test_systemc.sh -- the SystemC harness and the TLM-2.0 MMU against mmulab itself.
#   tb/systemc/test/test_systemc.sh MMULAB MMULAB_BUGS MMULAB_SC MMULAB_SC_BUGS TLM_EXAMPLE TRACE OUTDIR
# 1. mmulab-sc (the RTL as a SystemC module, stepped by sc_start) prints byte for byte the
#    report of mmulab (the plain Verilated RTL) on TRACE and on two random traces, text and
#    --json, and the same translate sheets; a deliberate-bug mismatch gives the same report,
#    the same GTKWave file and an FST with the same values under TOP.mmu_top; --deep too.
# 2. tlm_example (the C model behind a TLM socket, the data through a TLM memory) prints
#    byte for byte the report of `mmulab --model-only` on the same traces.
# 3. Bad input: the same message and exit status as mmulab.
# SystemC's banner goes to stderr, which is not compared.  Prints one line per check.
set -uo pipefail

mmulab=$1 mmulab_bugs=$2 sc=$3 sc_bugs=$4 tlm=$5 trace=$6 out=$7
here=$(dirname "$0")
fails=0
rm -rf "$out" && mkdir -p "$out" || exit 1

# same NAME CMD_A -- CMD_B: the stdout and exit status of two commands agree
same() {
  local name=$1 a=() b=() ra rb
  shift
  while [[ $1 != -- ]]; do a+=("$1"); shift; done
  shift
  b=("$@")
  "${a[@]}" > "$out/a.txt" 2>/dev/null; ra=$?
  "${b[@]}" > "$out/b.txt" 2>/dev/null; rb=$?
  if [[ $ra -ne $rb ]] || ! cmp -s "$out/a.txt" "$out/b.txt"; then
    echo "FAIL $name: exit $ra vs $rb"; diff "$out/a.txt" "$out/b.txt" | head -n 10
    fails=$((fails + 1)); return 1
  fi
  echo "ok   $name ($(wc -l < "$out/a.txt") lines, exit $ra)"
}

python3 scripts/gen_random_trace.py 1 8000 8 > "$out/random1.trace" &&
  python3 scripts/gen_random_trace.py 2 8000 12 > "$out/random2.trace" || exit 1

# ---- 1. the lockstep harness ----
same "sc-run: $trace" "$mmulab" "$trace" -- "$sc" "$trace"
grep -qE '^lockstep: [1-9][0-9]* cycles compared, 0 mismatches$' "$out/b.txt" ||
  { echo "FAIL sc-run: no clean lockstep line"; fails=$((fails + 1)); }
same "sc --json --mode sv48 --ad svade --policy clock" "$mmulab" --json --mode sv48 --ad svade --policy clock "$trace" -- \
  "$sc" --json --mode sv48 --ad svade --policy clock "$trace"
same "sc random1 --frames 96" "$mmulab" --frames 96 "$out/random1.trace" -- "$sc" --frames 96 "$out/random1.trace"
same "sc random2 --json --frames 48 --swap 48 --rand-reset 11" \
  "$mmulab" --json --frames 48 --swap 48 --rand-reset 11 "$out/random2.trace" -- \
  "$sc" --json --frames 48 --swap 48 --rand-reset 11 "$out/random2.trace"
same "sc --deep" "$mmulab" --deep "$trace" -- "$sc" --deep "$trace"
same "sc translate sv39_pages.scn" "$mmulab" translate traces/scenarios/sv39_pages.scn -- \
  "$sc" translate traces/scenarios/sv39_pages.scn
same "sc translate --random 4" "$mmulab" translate --random 4 -- "$sc" translate --random 4

# A mismatch: RTL bug 3 (a TLB hit across ASIDs).  Both write their files under the same
# prefix (the report names it), one after the other.
mm=$out/mismatch
"$mmulab_bugs" --rtl-bug 3 --mismatch-out "$mm" "$trace" > "$out/mm-ref.txt" 2>/dev/null
rc_ref=$?
mv "$mm.fst" "$out/ref.fst" 2>/dev/null && mv "$mm.gtkw" "$out/ref.gtkw" 2>/dev/null
"$sc_bugs" --rtl-bug 3 --mismatch-out "$mm" "$trace" > "$out/mm-sc.txt" 2>/dev/null
rc_sc=$?
if [[ $rc_ref -ne 1 || $rc_sc -ne 1 ]] || ! cmp -s "$out/mm-ref.txt" "$out/mm-sc.txt" ||
   ! grep -v mmu_model "$out/ref.gtkw" | cmp -s - "$mm.gtkw"; then   # no model scope here (docs/systemc.md)
  echo "FAIL mismatch report: exit $rc_ref vs $rc_sc"; diff "$out/mm-ref.txt" "$out/mm-sc.txt" | head -n 10
  fails=$((fails + 1))
else
  fst2vcd "$out/ref.fst" 2>/dev/null > "$out/ref.vcd" && fst2vcd "$mm.fst" 2>/dev/null > "$out/sc.vcd" &&
    "$here/vcd_values.py" "$out/ref.vcd" > "$out/ref.val" && "$here/vcd_values.py" "$out/sc.vcd" > "$out/sc.val"
  missing=0
  while read -r name; do   # every signal of the GTKWave file is in the SystemC FST
    grep -q " ${name%%[[]*} " "$out/sc.val" || { echo "not in the SystemC FST: $name"; missing=1; }
  done < <(grep '^TOP\.' "$mm.gtkw")
  if [[ ! -s $out/ref.val ]] || ! cmp -s "$out/ref.val" "$out/sc.val" || ((missing)); then
    echo "FAIL mismatch waveform: values under TOP.mmu_top differ or signals missing"
    diff "$out/ref.val" "$out/sc.val" | head -n 5
    fails=$((fails + 1))
  else
    echo "ok   mismatch at $(sed -n 's/^LOCKSTEP MISMATCH at cycle \([0-9]*\).*/cycle \1/p' "$out/mm-sc.txt"):" \
      "same report and GTKWave file, FST with the same $(wc -l < "$out/sc.val") value changes"
  fi
fi
same "sc --deep --rtl-bug 5 (TLB compare)" "$mmulab_bugs" --deep --rtl-bug 5 --mismatch-out "$out/d" \
  tb/test/bug-traces/bug5.trace -- "$sc_bugs" --deep --rtl-bug 5 --mismatch-out "$out/d" tb/test/bug-traces/bug5.trace

# ---- 2. the TLM example ----
same "tlm_example: $trace" "$mmulab" --model-only "$trace" -- "$tlm" "$trace"
same "tlm_example random1 --json --frames 96" "$mmulab" --model-only --json --frames 96 "$out/random1.trace" -- \
  "$tlm" --json --frames 96 "$out/random1.trace"
same "tlm_example random2 --policy clock --frames 48 --swap 48" \
  "$mmulab" --model-only --policy clock --frames 48 --swap 48 "$out/random2.trace" -- \
  "$tlm" --policy clock --frames 48 --swap 48 "$out/random2.trace"
# the transactions really went through the sockets: one per MMU response, the completed
# loads and stores through the memory
"$tlm" "$trace" 2> "$out/tlm.err" > "$out/tlm.txt"
resp=$(sed -n 's/^AMAT .* over \([0-9]*\) MMU responses.*/\1/p' "$out/tlm.txt")
loads=$(sed -n 's/^data check: \([0-9]*\) loads.*/\1/p' "$out/tlm.txt")
if grep -qE "^tlm_example: $resp transactions through the TLM MMU, $loads memory reads, [1-9][0-9]* writes" "$out/tlm.err"; then
  echo "ok   tlm_example: $resp transactions, $loads memory reads"
else
  echo "FAIL tlm_example: expected $resp transactions and $loads reads: $(grep '^tlm_example' "$out/tlm.err")"
  fails=$((fails + 1))
fi

# ---- 3. bad input ----
printf 'R 0x1000\nQ 0x2000\n' > "$out/bad.trace"
same "sc: bad trace line" "$mmulab" "$out/bad.trace" -- "$sc" "$out/bad.trace"
"$tlm" "$out/bad.trace" > /dev/null 2> "$out/bad.err"
rc=$?
if [[ $rc -eq 2 ]] && grep -q "bad.trace:2" "$out/bad.err"; then
  echo "ok   tlm_example: bad trace line: exit 2, $(grep -m1 'bad.trace:2' "$out/bad.err")"
else
  echo "FAIL tlm_example: bad trace: exit $rc"; fails=$((fails + 1))
fi
same "sc: --rtl-bug without the bug build" "$mmulab" --rtl-bug 3 "$trace" -- "$sc" --rtl-bug 3 "$trace"

((fails == 0)) && echo "systemc: all checks passed" || echo "systemc: $fails checks failed"
((fails == 0))
