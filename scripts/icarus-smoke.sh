#!/bin/sh
# icarus-smoke.sh -- compile rtl/ with Icarus Verilog and run tb/icarus/mmu_smoke_tb.sv.
# Passes when the testbench prints PASS (one Sv39 walk from DRAM, then a TLB hit in L1).
# Run from anywhere; needs iverilog/vvp (Icarus 11).
set -eu
cd "$(dirname "$0")/.."
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
iverilog -g2012 -I rtl -s mmu_smoke_tb -o "$TMP/smoke.vvp" tb/icarus/mmu_smoke_tb.sv \
  $(sed 's://.*::' rtl/sim.f rtl/core.f)
vvp -n "$TMP/smoke.vvp" | tee "$TMP/out.txt"
grep -q '^PASS' "$TMP/out.txt"
