#!/usr/bin/env bash
# check.sh -- lab 6's grader: verilate the student's mmu_ptw.sv in place of rtl/mmu_ptw.sv in
# a COPY of rtl/ (build/lab6/rtl), then grade by lockstep against the C model: random
# requests (seeds 1-3 and two from SEED), random initial flop values, the directed
# scenarios of tb/verilator/drv_directed.c, and mmulab on the shipped traces.
#   labs/06-ptw/check.sh FILE [SEED]      (make check LAB=6 FILE=... runs it with these set:)
# Env: BUILD (build), LAB6_OBJS (mmulab's C objects, to link an mmulab over this RTL), CXX.
# Prints one line per question (ok / WRONG + hint / missing) and a score; exit 0 only when
# every question passes, 1 when some fail, 2 when FILE cannot be read.
set -uo pipefail
file=${1:?usage: check.sh FILE [SEED]}
seed=${2:-1}
: "${BUILD:=build}" "${CXX:=g++}" "${MAKE:=make}"
dir=$BUILD/lab6
if [[ ! -r $file ]]; then echo "lab 6: cannot open '$file'" >&2; exit 2; fi
if ! grep -q '^module mmu_ptw' "$file"; then
  echo "lab 6: $file: expected a 'module mmu_ptw (' line (the starter's ports), got none" >&2; exit 2
fi
right=0 total=0
q() {   # q KEY LABEL OK HINT
  total=$((total + 1))
  if [[ $3 == 1 ]]; then right=$((right + 1)); printf '%-5s ok       1/1  %s\n' "$1" "$2"
  else printf '%-5s WRONG    0/1  %s\n' "$1" "$2"; [[ -n $4 ]] && printf '      hint: %s\n' "$4"; fi
}
echo "lab 6: the page-table walker's decision in Verilog, variant --seed $seed, file $file"
mkdir -p "$dir/rtl" || exit 3
for f in rtl/*.sv rtl/*.svh; do cmp -s "$f" "$dir/rtl/$(basename "$f")" || cp "$f" "$dir/rtl/"; done
cmp -s "$file" "$dir/rtl/mmu_ptw.sv" || cp "$file" "$dir/rtl/mmu_ptw.sv"
srcs=$(sed 's://.*::' rtl/sim.f rtl/core.f | xargs -n1 basename)   # the RTL file list (rtl/core.f)
vl=$dir/vl
log=$dir/build.log
if "$MAKE" --no-print-directory -f tb/verilator/verilator.mk VL_DIR="$vl" RTL_TRACE=1 \
     RTL_SRCS="$(for s in $srcs; do printf '%s ' "$dir/rtl/$s"; done)" RTL_INCS="$dir/rtl/mmu_defaults.svh" \
     "$vl/test_lockstep" "$vl/rtl_dut.o" >"$log" 2>&1; then
  q q1 "verilates (verilator -Wall) with the rest of rtl/" 1 ""
else
  q q1 "verilates (verilator -Wall) with the rest of rtl/" 0 "see $log: $(grep -m1 -E '%(Error|Warning)' "$log")"
  echo "score: $right/$total (nothing else can run)"; exit 1
fi
ls=$vl/test_lockstep
first() {   # the first differing port of a failing run, as a hint
  awk '/^LOCKSTEP MISMATCH at cycle/ { c = $5 }
       /^  port +RTL +model/ { getline; printf "cycle %s: %s is %s in the RTL, %s in the model", c, $1, $2, $3; exit }' "$1"
}
s2=$((seed * 7 + 11)) s3=$((seed * 13 + 5))
"$ls" -n 2000 1 2 3 "$s2" >"$dir/random.log" 2>&1
q q2 "random lockstep, seeds 1 2 3 $s2 (2000 requests each)" $(( $? == 0 )) "$(first "$dir/random.log") -- $dir/random.log has the report; $vl/test_lockstep -n 2000 -w w.fst SEED replays one seed"
"$ls" -n 1000 -r 4 "$s3" >"$dir/reset.log" 2>&1
q q3 "random lockstep from random initial flops, seeds 4 $s3" $(( $? == 0 )) "$(first "$dir/reset.log")"
n=4
for d in walk svadu misaligned-clean misaligned nonleaf hit-cause ad-cas; do
  "$ls" -d "$d" -w "$dir/$d.fst" >"$dir/$d.log" 2>&1
  q "q$n" "directed scenario $d" $(( $? == 0 )) "$(first "$dir/$d.log") -- $dir/$d.log, waveform $dir/$d.fst"
  n=$((n + 1))
done
if [[ -n ${LAB6_OBJS:-} ]]; then
  # shellcheck disable=SC2086  # word lists
  if $CXX $LAB6_OBJS "$vl/rtl_dut.o" "$vl/obj/Vmmu_top__ALL.a" "$vl"/obj/verilated{,_dpi,_threads,_fst_c}.o \
       -lz -lpthread -o "$dir/mmulab" 2>"$dir/link.log"; then
    python3 scripts/gen_random_trace.py "$s2" > "$dir/hidden.trace" || exit 3
    for t in traces/default.trace "$dir/hidden.trace"; do
      "$dir/mmulab" --mismatch-out "$dir/mismatch" "$t" >"$dir/trace.log" 2>&1
      q "q$n" "mmulab $t in lockstep" $(( $? == 0 )) "$(first "$dir/trace.log") -- $dir/trace.log; gtkwave $dir/mismatch.gtkw"
      n=$((n + 1))
    done
  else
    q "q$n" "mmulab links over this RTL" 0 "see $dir/link.log"
  fi
fi
echo "score: $right/$total$([[ $right == "$total" ]] && echo ' -- all correct')"
((right == total))
