#!/bin/sh
# lint-rtl.sh -- every RTL check that needs no simulation: Verilator -Wall lint (default and
# small parameters), an Icarus -g2012 compile, Yosys read + proc + check -assert, and a
# Yosys sat proof of the TLB's FORMAL properties; a check that rtl/ holds no bug logic; then
# the same lint, compile and read of the deliberate bugs: a copy of rtl/ with
# tb/mutants/bugs.patch applied, +define+MMULAB_BUGS (docs/rtl-bugs.md).
# Run from anywhere; exits non-zero on the first failing tool.
set -eu
cd "$(dirname "$0")/.."
SRCS=$(sed 's://.*::' rtl/sim.f rtl/core.f)   # the RTL file list (rtl/core.f)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

echo "lint-rtl: verilator --lint-only -Wall (default parameters)"
verilator --lint-only -Wall --no-timing -Irtl --top-module mmu_top $SRCS
echo "lint-rtl: verilator --lint-only -Wall (small: TLB 8x2 PLRU, random caches, L1 latency 2, LookupCycles 2)"
verilator --lint-only -Wall --no-timing -Irtl --top-module mmu_top -GLookupCycles=2 -GTlbEntries=8 -GTlbWays=2 \
  -GTlbPolicy=1 -GL1Size=256 -GL1Ways=2 -GL1Lat=2 -GL2Size=1024 -GL2Ways=4 -GL2Lat=3 \
  -GL3Size=3072 -GL3Ways=3 -GL3Lat=5 -GDramLat=7 -GCachePolicy=2 $SRCS
echo "lint-rtl: verilator --lint-only -Wall (TLB 12x3 random, cache ways 1)"
verilator --lint-only -Wall --no-timing -Irtl --top-module mmu_top -GTlbEntries=12 -GTlbWays=3 \
  -GTlbPolicy=2 -GL1Ways=1 -GL2Ways=1 -GL3Ways=1 -GCachePolicy=1 $SRCS
echo "lint-rtl: verilator --lint-only -Wall (block-RAM TLB: TlbRam 1, 64x4 and 8x8 PLRU, LookupCycles 2)"
verilator --lint-only -Wall --no-timing -Irtl --top-module mmu_top -GTlbRam=1 -GLookupCycles=2 \
  -GTlbEntries=64 -GTlbWays=4 $SRCS
verilator --lint-only -Wall --no-timing -Irtl --top-module mmu_top -GTlbRam=1 -GLookupCycles=2 \
  -GTlbEntries=8 -GTlbWays=8 -GTlbPolicy=1 $SRCS
echo "lint-rtl: TlbRam 1 with LookupCycles 1 does not elaborate"
if verilator --lint-only --no-timing -Irtl --top-module mmu_top -GTlbRam=1 $SRCS >"$TMP/ram1.log" 2>&1 ||
    ! grep -q mmu_tlb_ram_needs_lookup_cycles_2 "$TMP/ram1.log"; then
  cat "$TMP/ram1.log"
  exit 1
fi
echo "lint-rtl: iverilog -g2012 (and TlbRam 1 64x4)"
iverilog -g2012 -I rtl -s mmu_top -Pmmu_top.TlbRam=1 -Pmmu_top.LookupCycles=2 -Pmmu_top.TlbEntries=64 \
  -Pmmu_top.TlbWays=4 -o "$TMP/mmu_top_ram.vvp" $SRCS
iverilog -g2012 -I rtl -s mmu_top -o "$TMP/mmu_top.vvp" $SRCS
echo "lint-rtl: yosys read_verilog -sv; hierarchy; proc; check -assert"
# shellcheck disable=SC2086
if ! yosys -q -p "read_verilog -Irtl -sv $(echo $SRCS); hierarchy -check -top mmu_top; proc; check -assert" \
    >"$TMP/yosys.log" 2>&1; then
  cat "$TMP/yosys.log"
  exit 1
fi
echo "lint-rtl: yosys sat: mmu_tlb FORMAL properties (8 entries, 2 ways, any state)"
if ! yosys -q -p "read_verilog -Irtl -formal -sv rtl/mmu_tlb.sv rtl/mmu_lru.sv; \
    chparam -set Entries 8 -set Ways 2 mmu_tlb; prep -top mmu_tlb; flatten; memory; opt -fast; \
    async2sync; sat -prove-asserts -verify -seq 1 mmu_tlb" >"$TMP/sat.log" 2>&1; then
  cat "$TMP/sat.log"
  exit 1
fi
echo "lint-rtl: rtl/ has no bug logic (no MMULAB_BUGS, no bug_i: the bugs are tb/mutants/bugs.patch)"
if grep -n -i -e 'MMULAB_BUGS' -e 'bug_i' $SRCS; then
  echo "lint-rtl: bug logic in rtl/"
  exit 1
fi
mkdir "$TMP/bugs"
cp $SRCS rtl/mmu_defaults.svh "$TMP/bugs/"
patch -s -p1 -d "$TMP/bugs" < tb/mutants/bugs.patch
BSRCS=$(for f in $SRCS; do printf '%s ' "$TMP/bugs/${f##*/}"; done)
echo "lint-rtl: verilator --lint-only -Wall +define+MMULAB_BUGS on rtl/ + bugs.patch (default, small, 12x3)"
verilator --lint-only -Wall --no-timing -I"$TMP/bugs" --top-module mmu_top +define+MMULAB_BUGS $BSRCS
verilator --lint-only -Wall --no-timing -I"$TMP/bugs" --top-module mmu_top +define+MMULAB_BUGS -GLookupCycles=2 -GTlbEntries=8 \
  -GTlbWays=2 -GTlbPolicy=1 -GL1Size=256 -GL1Ways=2 -GL1Lat=2 -GL2Size=1024 -GL2Ways=4 -GL2Lat=3 \
  -GL3Size=3072 -GL3Ways=3 -GL3Lat=5 -GDramLat=7 -GCachePolicy=2 $BSRCS
verilator --lint-only -Wall --no-timing -I"$TMP/bugs" --top-module mmu_top +define+MMULAB_BUGS -GTlbEntries=12 \
  -GTlbWays=3 -GTlbPolicy=2 -GL1Ways=1 -GL2Ways=1 -GL3Ways=1 -GCachePolicy=1 $BSRCS
echo "lint-rtl: iverilog -g2012 -DMMULAB_BUGS (bugs.patch)"
iverilog -g2012 -I "$TMP/bugs" -DMMULAB_BUGS -s mmu_top -o "$TMP/mmu_top_bugs.vvp" $BSRCS
echo "lint-rtl: yosys read_verilog -sv -DMMULAB_BUGS (bugs.patch); hierarchy; proc; check -assert"
if ! yosys -q -p "read_verilog -I$TMP/bugs -sv -DMMULAB_BUGS $BSRCS; hierarchy -check -top mmu_top; proc; check -assert" \
    >"$TMP/yosys_bugs.log" 2>&1; then
  cat "$TMP/yosys_bugs.log"
  exit 1
fi
echo "lint-rtl: all passed"
