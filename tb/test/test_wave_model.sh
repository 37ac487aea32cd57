#!/usr/bin/env bash
# test_wave_model.sh -- a mismatch's waveform shows the C model beside the RTL (docs/lockstep.md,
# "When they differ"): for each front end that replays a mismatch -- the trace runner, translate
# mode and the lockstep driver -- the FST has scope TOP.mmu_model whose ports at the failing
# cycle read the report's model values, differing from TOP.mmu_top's, agree with the RTL at
# every sample before it, and change at the RTL's edges; the GTKWave file lists mismatch and
# the differing ports (RTL, then model) first (tb/test/wave_model_check.py checks all that).
# A second run gives a byte-identical FST and GTKWave file.
# Usage: test_wave_model.sh MMULAB_BUGS LOCKSTEP_BUGS   (build/mmulab-bugs and
#        build/verilator-bugs/test_lockstep: RTL_BUGS=1, RTL_TRACE=1)
# Prints "N passed, M failed"; exit 0 only when nothing failed.
set -uo pipefail

MM=${1:?usage: test_wave_model.sh MMULAB_BUGS LOCKSTEP_BUGS}
LS=${2:?usage: test_wave_model.sh MMULAB_BUGS LOCKSTEP_BUGS}
cd "$(dirname "$0")/../.." || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; [[ -n ${2:-} ]] && printf '     %s\n' "$2"; }

# check NAME PREFIX FIRST: the report $tmp/PREFIX.txt and its PREFIX.fst, PREFIX.gtkw; FIRST is the
# port the report's first row must name (docs/rtl-bugs.md).
check() {
  local name=$1 pre=$tmp/$2 first=$3 row msg
  row=$(sed -n '/^  port  *RTL  *model/{n;p;q}' "$pre.txt" | awk '{print $1}')
  if [[ $row != "$first" ]]; then bad "$name" "first port '$row', wanted $first"; return; fi
  if [[ ! -s $pre.fst || ! -s $pre.gtkw ]]; then bad "$name" "no $pre.fst or $pre.gtkw"; return; fi
  if ! fst2vcd "$pre.fst" >"$pre.vcd" 2>/dev/null ||
     ! tb/systemc/test/vcd_values.py --scope TOP.mmu_ "$pre.vcd" >"$pre.val"; then
    bad "$name" "cannot read $pre.fst"; return
  fi
  if msg=$(python3 tb/test/wave_model_check.py "$pre.txt" "$pre.val" "$pre.gtkw"); then ok "$name: ${msg#ok }"
  else bad "$name" "$(head -n 3 <<<"$msg" | tr '\n' ' ')"; fi
}

# the trace runner: bug 3, a TLB hit across ASIDs (mem_we_o, mem_addr_o, mem_wdata_o differ)
"$MM" --rtl-bug 3 --mismatch-out "$tmp/trace" traces/default.trace >"$tmp/trace.txt" 2>&1
check "mmulab-bugs --rtl-bug 3 traces/default.trace" trace mem_we_o
# the same run again: the same FST and GTKWave file, byte for byte
cp "$tmp/trace.fst" "$tmp/first.fst" && cp "$tmp/trace.gtkw" "$tmp/first.gtkw"
"$MM" --rtl-bug 3 --mismatch-out "$tmp/trace" traces/default.trace >/dev/null 2>&1
if cmp -s "$tmp/first.fst" "$tmp/trace.fst" && cmp -s "$tmp/first.gtkw" "$tmp/trace.gtkw"; then
  ok "a second run: byte-identical FST and GTKWave file"
else bad "a second run" "the FST or the GTKWave file differs"; fi

# translate mode: bug 7, a misaligned 2 MiB leaf (the model faults, the RTL maps)
"$MM" translate --rtl-bug 7 --mismatch-out "$tmp/scn" tb/test/bug-scenarios/bug7.scn >"$tmp/scn.txt" 2>&1
check "mmulab-bugs translate --rtl-bug 7 bug7.scn" scn resp_valid_o

# the lockstep driver: bug 9, an sfence on the refill edge (test_lockstep -w replays the run)
"$LS" -P -b 9 -d refill-sfence -w "$tmp/drv.fst" >"$tmp/drv.txt" 2>&1
check "test_lockstep -b 9 -d refill-sfence -w" drv mem_addr_o

echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
