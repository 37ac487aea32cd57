#!/bin/sh
# fpga/proto/measure.sh -- synthesize, place and route mmu_core with the block-RAM TLB
# (rtl/mmu_tlb_ram.sv: TlbRam 1, LookupCycles 2) of a given shape inside the UART top on the
# HX8K, as fpga/fpga.mk does for hx8k-ram, and print LCs, RAM blocks and Fmax for nextpnr seeds
# 1 2 3.  A measurement of shapes make fpga does not build (docs/fpga.md), in a scratch directory.
# usage: sh fpga/proto/measure.sh [ENTRIES WAYS]   (from the repository root; default 64 4)
set -eu
entries=${1:-64}
ways=${2:-4}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cells=$(yosys-config --datdir 2>/dev/null || echo /usr/share/yosys)/ice40/cells_sim.v
srcs=$(sed 's://.*::' rtl/core.f | tr '\n' ' ')
here=$(pwd)
yosys -q -l "$tmp/core.log" -p "read_verilog -Irtl -sv $srcs; \
  chparam -set TlbEntries $entries -set TlbWays $ways -set LookupCycles 2 -set TlbRam 1 mmu_core; \
  synth_ice40 -top mmu_core; tee -q -o $tmp/core.stat stat; write_verilog -noattr $tmp/core.v"
grep -E 'SB_LUT4|SB_RAM40_4K|SB_CARRY' "$tmp/core.stat" | sed 's/^ */core: /'
cd "$tmp"
yosys -q -p "read_verilog -lib $cells; read_verilog core.v; \
  read_verilog -sv $here/fpga/mmu_uart_top.sv $here/fpga/mmu_uart_rx.sv $here/fpga/mmu_uart_tx.sv; \
  synth_ice40 -top mmu_uart_top -json top.json"
for s in 1 2 3; do
  nextpnr-ice40 --hx8k --package ct256 --json top.json --pcf "$here/fpga/hx8k-breakout.pcf" \
    --freq 60 --seed "$s" --timing-allow-fail --asc top.asc --log pnr.log -q 2>/dev/null
  lc=$(grep 'ICESTORM_LC:' pnr.log | tail -n 1 | awk '{print $3 $4}')
  ram=$(grep 'ICESTORM_RAM:' pnr.log | tail -n 1 | awk '{print $3 $4}')
  f=$(grep 'Max frequency for clock' pnr.log | tail -n 1 | sed 's/.*: \([0-9.]*\) MHz.*/\1/')
  echo "hx8k, TLB $entries entries / $ways ways (block RAM), seed $s: LCs $lc, RAM $ram, Fmax $f MHz"
done
