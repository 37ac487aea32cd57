#!/bin/sh
# fpga/proto/measure.sh -- synthesize, place and route mmu_core with the block-RAM TLB prototype
# (fpga/proto/mmu_tlb_ram.sv) inside the UART top on the HX8K, as fpga/fpga.mk does for hx8k,
# and print LCs, RAM blocks and Fmax for nextpnr seeds 1 2 3.  A measurement, not a build of
# the project: mmu_core's mmu_tlb instance is swapped in a scratch copy of rtl/ (docs/fpga.md).
# usage: sh fpga/proto/measure.sh [ENTRIES WAYS]   (from the repository root; default 16 4)
set -eu
entries=${1:-16}
ways=${2:-4}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r rtl "$tmp/rtl"
cp fpga/proto/mmu_tlb_ram.sv "$tmp/rtl/"
python3 - "$tmp/rtl/mmu_core.sv" <<'PY'
import re, sys
p = sys.argv[1]
s = open(p).read()
a = s.index("  mmu_tlb #(")
b = s.index("  );\n", a) + 5
blk = s[a:b].replace("mmu_tlb #(", "mmu_tlb_ram #(")
blk = blk.replace(".Seed (Seed),\n    .LookupCycles (LookupCycles)", ".Seed (Seed)")
for port in ("sf_has_va_i", "sf_vpn_i", "sf_has_asid_i", "sf_asid_i"):
    blk = re.sub(r"    \." + port + r"\s*\([^)]*\),\n", "", blk)
open(p, "w").write(s[:a] + blk + s[b:])
PY
cells=$(yosys-config --datdir 2>/dev/null || echo /usr/share/yosys)/ice40/cells_sim.v
srcs=$(sed 's://.*::' rtl/core.f | sed 's:rtl/mmu_tlb.sv:rtl/mmu_tlb_ram.sv:' | tr '\n' ' ')
here=$(pwd)
cd "$tmp"
yosys -q -l core.log -p "read_verilog -Irtl -sv $srcs; \
  chparam -set TlbEntries $entries -set TlbWays $ways -set LookupCycles 2 mmu_core; \
  synth_ice40 -top mmu_core; tee -q -o core.stat stat; write_verilog -noattr core.v"
grep -E 'SB_LUT4|SB_RAM40_4K|SB_CARRY' core.stat | sed 's/^ */core: /'
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
