#!/usr/bin/env bash
# test_gate_neg.sh -- the negative check of the gate-level lockstep: the HX8K netlist with one LUT
# bit of resp_fault_o cleared (fpga/mutate_netlist.py, make fpga-gate-neg) must NOT pass.
#   fpga/test_gate_neg.sh GATE_MUT_DIR
# Runs the same random lockstep as test_gate.sh's first step; passes when it exits 1 with a
# LOCKSTEP MISMATCH report (the harness's mismatch exit), fails when the mutant survives.
set -uo pipefail
dir=${1:-}
[[ -n $dir ]] || { echo "usage: test_gate_neg.sh GATE_MUT_DIR"; exit 2; }
out=$("$dir/test_lockstep" -P -n 1500 1 2 2>&1)
rc=$?
echo "$out" | grep -m1 -A3 'LOCKSTEP MISMATCH'
if [[ $rc -eq 1 ]] && grep -q 'LOCKSTEP MISMATCH' <<<"$out"; then
  echo "test_gate_neg: the mutated netlist is caught (exit 1, mismatch reported)"
  exit 0
fi
echo "test_gate_neg: FAILED: the mutated netlist was not caught (exit $rc)"
echo "$out" | tail -n 3
exit 1
