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
