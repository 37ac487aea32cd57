#!/bin/sh
# test_uart.sh -- Icarus simulation of the UART board top (fpga/mmu_uart_top.sv with rtl/core.f)
# against the host testbench fpga/mmu_uart_tb.sv; passes when it prints PASS (docs/fpga.md).
# First the board top's own lint (verilator -Wall, as scripts/lint-rtl.sh does for rtl/).
# Run from anywhere; needs verilator and iverilog/vvp (Icarus 11).
set -eu
cd "$(dirname "$0")/.."
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
TOP="fpga/mmu_uart_top.sv fpga/mmu_uart_rx.sv fpga/mmu_uart_tx.sv"
# shellcheck disable=SC2086
verilator --lint-only -Wall --no-timing -Irtl --top-module mmu_uart_top $TOP $(sed 's://.*::' rtl/core.f)
iverilog -g2012 -I rtl -s mmu_uart_tb -o "$TMP/uart.vvp" fpga/mmu_uart_tb.sv fpga/mmu_uart_top.sv \
  fpga/mmu_uart_rx.sv fpga/mmu_uart_tx.sv $(sed 's://.*::' rtl/core.f)
vvp -n "$TMP/uart.vvp" | tee "$TMP/out.txt"
grep -q '^PASS' "$TMP/out.txt"
# again with the core's LookupCycles = 2, as make fpga synthesizes it (fpga/fpga.mk)
printf 'module lk2_cfg;\n  defparam mmu_uart_tb.dut.u_core.LookupCycles = 2;\nendmodule\n' > "$TMP/lk2.sv"
iverilog -g2012 -I rtl -s mmu_uart_tb -s lk2_cfg -o "$TMP/uart2.vvp" fpga/mmu_uart_tb.sv "$TMP/lk2.sv" \
  fpga/mmu_uart_top.sv fpga/mmu_uart_rx.sv fpga/mmu_uart_tx.sv $(sed 's://.*::' rtl/core.f)
vvp -n "$TMP/uart2.vvp" | tee "$TMP/out2.txt"
grep -q '^PASS' "$TMP/out2.txt"
