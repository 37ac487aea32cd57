#!/usr/bin/env python3
"""report.py -- the table of make fpga: LCs, RAM blocks, Fmax per configuration.

usage: fpga/report.py FPGA_DIR FREQ_MHZ [LOOKUP_CYCLES] CFG...
Reads FPGA_DIR/top-CFG.pnr.json (nextpnr-ice40 --report of the placement kept),
FPGA_DIR/top-CFG.seeds.json (every seed's Fmax, fpga/pnr_seeds.py) and FPGA_DIR/core-CFG.stat
(yosys stat of mmu_core alone), prints one table and writes FPGA_DIR/report.json; "12MHz" says whether the
bitstream meets the boards' 12 MHz clock, which the UART board top runs from. The issue's target,
HX8K with a 16-entry TLB at <= 80 % of LCs and >= 60 MHz, is judged on the hx8k row; "TLB" is
entries (entries/ways for the block-RAM TLB of hx8k-ram); "LK" is the
core's LookupCycles (docs/timing-contract.md 2a).
"""
import json
import re
import sys


def die(msg):
    print("report.py: " + msg, file=sys.stderr)
    sys.exit(1)


def core_cells(path):
    """LUT4, flip-flop, carry and RAM cell counts of yosys stat's output."""
    cells = {"lut4": 0, "dff": 0, "carry": 0, "ram": 0}
    try:
        text = open(path, encoding="utf-8").read()
    except OSError as e:
        die(f"{path}: {e.strerror}")
    for name, n in re.findall(r"^\s+(SB_\w+)\s+(\d+)\s*$", text, re.M):
        if name == "SB_LUT4":
            cells["lut4"] += int(n)
        elif name.startswith("SB_DFF"):
            cells["dff"] += int(n)
        elif name == "SB_CARRY":
            cells["carry"] += int(n)
        elif name.startswith("SB_RAM"):
            cells["ram"] += int(n)
    if not cells["lut4"]:
        die(f"{path}: no SB_LUT4 line (expected yosys stat after synth_ice40)")
    return cells


def pnr(path):
    try:
        rep = json.load(open(path, encoding="utf-8"))
    except (OSError, ValueError) as e:
        die(f"{path}: {e}")
    util = rep.get("utilization", {})
    try:
        lc = util["ICESTORM_LC"]
        ram = util["ICESTORM_RAM"]
    except KeyError:
        die(f"{path}: expected utilization.ICESTORM_LC and .ICESTORM_RAM (nextpnr --report)")
    fmax = [v["achieved"] for v in rep.get("fmax", {}).values()]
    if not fmax:
        die(f"{path}: expected an fmax entry (nextpnr --report)")
    return lc, ram, min(fmax)


def seeds(path):
    """{seed: Fmax} and the seed kept, of pnr_seeds.py's file."""
    try:
        rep = json.load(open(path, encoding="utf-8"))
        return {int(k): float(v) for k, v in rep["seeds"].items()}, int(rep["kept"])
    except (OSError, ValueError, KeyError, TypeError) as e:
        die(f"{path}: expected pnr_seeds.py's seeds and kept ({e})")


def main():
    if len(sys.argv) < 4:
        die("usage: report.py FPGA_DIR FREQ_MHZ [LOOKUP_CYCLES] CFG...")
    d, freq, cfgs = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
    lookup = 1   # the core's LookupCycles (fpga/fpga.mk FPGA_LOOKUP_CYCLES), 1 when not given
    if cfgs[0].isdigit():
        lookup, cfgs = int(cfgs[0]), cfgs[1:]
    rows = []
    for c in cfgs:
        core = core_cells(f"{d}/core-{c}.stat")
        lc, ram, fmax = pnr(f"{d}/top-{c}.pnr.json")
        by_seed, kept = seeds(f"{d}/top-{c}.seeds.json")
        if abs(by_seed.get(kept, -1.0) - fmax) > 0.01:
            die(f"{d}/top-{c}.seeds.json: seed {kept}'s Fmax is not top-{c}.pnr.json's {fmax:.2f}")
        row = {
            "config": c,
            "tlb_entries": {"hx8k": 16, "up5k": 8, "hx8k-ram": 64}.get(c),
            "tlb_ways": {"hx8k": 16, "up5k": 8, "hx8k-ram": 4}.get(c),
            "tlb_ram": c.endswith("-ram"),   # the block-RAM TLB (TlbRam 1, fpga/fpga.mk)
            "lookup_cycles": lookup,
            "lc_used": lc["used"], "lc_available": lc["available"],
            "lc_percent": round(100.0 * lc["used"] / lc["available"], 1),
            "ram_used": ram["used"], "ram_available": ram["available"],
            "fmax_mhz": round(fmax, 2), "constraint_mhz": freq,
            "seed": kept, "fmax_mhz_by_seed": {str(k): v for k, v in sorted(by_seed.items())},
            "core_lut4": core["lut4"], "core_dff": core["dff"], "core_carry": core["carry"],
            "bitstream": f"{d}/top-{c}.bin",
            # the board top runs from the boards' 12 MHz oscillator (UART 115200 baud)
            "board_clock_mhz": 12.0, "board_clock_met": fmax >= 12.0,
        }
        if c == "hx8k":
            row["target"] = "<= 80 % LCs at >= 60 MHz"
            row["target_met"] = row["lc_percent"] <= 80.0 and fmax >= 60.0
        rows.append(row)
    print(f"{'config':<8} {'TLB':>5} {'LK':>3} {'LCs (whole top)':>22} {'RAM':>7} {'Fmax MHz':>9} "
          f"{'seed':>4} {'core LUT4/DFF/CARRY':>20}  12MHz  target   Fmax of every seed")
    for r in rows:
        lcs = f"{r['lc_used']}/{r['lc_available']} ({r['lc_percent']}%)"
        tgt = "" if "target_met" not in r else ("met" if r["target_met"] else "NOT met")
        core = f"{r['core_lut4']}/{r['core_dff']}/{r['core_carry']}"
        tlb = f"{r['tlb_entries']}" + (f"/{r['tlb_ways']}" if r["tlb_ram"] else "")
        print(f"{r['config']:<8} {tlb:>5} {r['lookup_cycles']:>3} {lcs:>22} "
              f"{str(r['ram_used']) + '/' + str(r['ram_available']):>7} {r['fmax_mhz']:>9.2f} "
              f"{r['seed']:>4} {core:>20}  {'ok' if r['board_clock_met'] else 'NO':>5}  {tgt:<7}  "
              + " ".join(f"{v:.2f}" for v in r["fmax_mhz_by_seed"].values()))   # seed order
    with open(f"{d}/report.json", "w", encoding="utf-8") as f:
        json.dump({"constraint_mhz": freq, "configs": rows}, f, indent=2, sort_keys=True)
        f.write("\n")
    print(f"report.py: wrote {d}/report.json")


if __name__ == "__main__":
    main()
