#!/usr/bin/env bash
# test_gate.sh -- the gate-level lockstep: mmu_top with the synth_ice40 netlist of mmu_core
# (make fpga-gate) against the C model, ports only (a netlist has no TLB names to deep-compare).
#   fpga/test_gate.sh GATE_DIR MMULAB_GATE TRACE [full]
# Random requests (seeds 1 2, random reset 3, memory stalls 6), the directed scenarios that run
# on any TLB (ppn-high, same-level; the others need the default 32-entry TLB), then TRACE
# through mmulab with the netlist's configuration (GATE_DIR/mmulab.opts), without and with
# memory stalls (docs/timing-contract.md 2b); "full" adds Sv48/Svade runs.
# Every run must end "... cycles compared, 0 mismatches"; exits non-zero otherwise.
set -uo pipefail
dir=${1:-} mmulab=${2:-} trace=${3:-} full=${4:-}
[[ -n $dir && -n $mmulab && -n $trace ]] || { echo "usage: test_gate.sh GATE_DIR MMULAB_GATE TRACE [full]"; exit 2; }
ok() {   # ok CMD...: the last line of CMD must report 0 mismatches
  local out
  out=$("$@" 2>&1 | tail -n 1)
  echo "$out"
  [[ $out =~ lockstep:.*[1-9][0-9]*\ cycles\ compared,\ 0\ mismatches$ ]] || {
    echo "test_gate: FAILED: $*"; return 1; }
}
read -ra opts < "$dir/mmulab.opts" || { echo "test_gate: no $dir/mmulab.opts"; exit 1; }
ok "$dir/test_lockstep" -P -n 1500 1 2 &&
  ok "$dir/test_lockstep" -P -n 500 -r 3 &&
  ok "$dir/test_lockstep" -P -S 300 -n 1000 6 &&
  ok "$dir/test_lockstep" -P -d ppn-high && ok "$dir/test_lockstep" -P -d same-level &&
  ok "$mmulab" "${opts[@]}" "$trace" &&
  ok "$mmulab" "${opts[@]}" --mem-stall 30 --seed 4 "$trace" || exit 1
if [[ $full == full ]]; then
  ok "$dir/test_lockstep" -P -X -n 3000 4 5 &&
    ok "$mmulab" "${opts[@]}" --mode sv48 --ad svade --policy clock "$trace" || exit 1
fi
echo "test_gate: gate-level netlist in lockstep, 0 mismatches"
