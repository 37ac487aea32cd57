#!/usr/bin/env python3
"""mutate_netlist.py -- one deliberate bug in a synth_ice40 netlist, for the negative check.

usage: fpga/mutate_netlist.py IN.v OUT.v NET
       fpga/mutate_netlist.py IN.v OUT.v --ram-read-off
Finds the SB_LUT4 whose output is NET (a port bit such as resp_fault_o: port names survive
synthesis, internal names need not) in IN.v (yosys write_verilog -noattr) and clears every bit
of its LUT_INIT that is 1 for an input combination its constant inputs allow: one cell changed,
and NET is 0 whatever its inputs (for resp_fault_o: the core never reports a fault).  Clearing
one bit was the first rule (the lowest, then the highest such bit), but which input combination
a fault takes is the synthesizer's choice: the lowest bit was never shown on the first netlist,
the highest not on the netlist after the LRU change (docs/fpga.md), and the lockstep rightly
passed both.  Writes OUT.v and prints the cell and both LUT_INIT values.
--ram-read-off: the first SB_RAM40_4K instead gets RCLKE tied to 0, so it is never read and
its RDATA stays at its initial 0: the block-RAM TLB's netlist (hx8k-ram) with one of its RAM
cells cut off (which 16 bits of a row that is, is the synthesizer's choice).
docs/fpga.md, "The negative check".
"""
import re
import sys

LUT = re.compile(r"SB_LUT4 #\(\s*\.LUT_INIT\(16'h([0-9a-fA-F]+)\)\s*\) (\S+) \((.*?)\);", re.S)
PIN = re.compile(r"\.(I[0-3]|O)\(([^()]*)\)")
RAM = re.compile(r"SB_RAM40_4K #\((?:[^;]*?)\n\s*\)\s+(\S+)\s+\((.*?)\);", re.S)
RCLKE = re.compile(r"\.RCLKE\(([^()]*)\)")


def die(msg):
    print("mutate_netlist.py: " + msg, file=sys.stderr)
    sys.exit(1)


def main():
    if len(sys.argv) != 4:
        die("usage: mutate_netlist.py IN.v OUT.v NET")
    src, dst, net = sys.argv[1:]
    try:
        text = open(src, encoding="utf-8").read()
    except OSError as e:
        die(f"{src}: {e.strerror}")
    if net == "--ram-read-off":
        ram_read_off(src, dst, text)
        return
    for m in LUT.finditer(text):
        pins = dict(PIN.findall(m.group(3)))
        if pins.get("O", "").strip() != net:
            continue
        init = int(m.group(1), 16)
        const = {k: v.strip() for k, v in pins.items() if k != "O" and v.strip() in ("1'h0", "1'h1")}
        new = init
        for idx in range(16):
            bits = {f"I{i}": (idx >> i) & 1 for i in range(4)}
            if any(bits[k] != (v == "1'h1") for k, v in const.items()):
                continue   # a combination the tied inputs never show
            new &= ~(1 << idx)
        if new != init:
            start, end = m.span(1)
            out = text[:start] + f"{new:04x}" + text[end:]
            open(dst, "w", encoding="utf-8").write(out)
            print(f"mutate_netlist: {m.group(2)} (drives {net}): LUT_INIT 16'h{init:04x} -> "
                  f"16'h{new:04x} (every reachable 1 bit cleared: {net} stuck at 0)")
            return
        die(f"{src}: the LUT driving {net} has no reachable 1 bit")
    die(f"{src}: expected an SB_LUT4 with .O({net}) (yosys write_verilog -noattr output)")


def ram_read_off(src, dst, text):
    m = RAM.search(text)
    if not m:
        die(f"{src}: expected an SB_RAM40_4K cell (yosys write_verilog -noattr output)")
    e = RCLKE.search(m.group(2))
    if not e:
        die(f"{src}: the SB_RAM40_4K {m.group(1)} has no RCLKE connection")
    start, end = m.start(2) + e.start(1), m.start(2) + e.end(1)
    open(dst, "w", encoding="utf-8").write(text[:start] + "1'h0" + text[end:])
    print(f"mutate_netlist: {m.group(1)}: RCLKE {e.group(1).strip()} -> 1'h0 (never read)")


if __name__ == "__main__":
    main()
