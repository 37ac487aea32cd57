#!/usr/bin/env python3
"""pnr_seeds.py -- place and route one configuration with several nextpnr seeds, keep the best.

usage: fpga/pnr_seeds.py OUT_PREFIX JSON PCF "SEEDS" -- NEXTPNR_ARGS...
Runs `NEXTPNR_ARGS --json JSON --pcf PCF --seed S --asc OUT_PREFIX.sS.asc --report
OUT_PREFIX.sS.pnr.json --log OUT_PREFIX.sS.pnr.log -q` for every seed S of SEEDS (two at a time:
the machine's cores), reads each report's post-route Fmax, copies the fastest placement (the
lowest seed among equals) to OUT_PREFIX.asc, .pnr.json and .pnr.log, and writes
OUT_PREFIX.seeds.json: every seed's Fmax and the one kept.  nextpnr is deterministic for a
seed, so the same netlist and SEEDS give the same choice and the same bitstream.  Placement is
a search: the seed moves Fmax by several MHz on the same netlist (docs/fpga.md, "Measured"),
so make fpga reports every seed's result beside the one it keeps.
"""
import concurrent.futures
import json
import os
import shutil
import subprocess
import sys


def die(msg):
    print("pnr_seeds.py: " + msg, file=sys.stderr)
    sys.exit(1)


def run_seed(prefix, json_in, pcf, seed, args):
    out = f"{prefix}.s{seed}"
    cmd = args + ["--json", json_in, "--pcf", pcf, "--seed", str(seed), "--asc", out + ".asc",
                  "--report", out + ".pnr.json", "--log", out + ".pnr.log", "-q"]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if p.returncode != 0:
        die(f"seed {seed}: {' '.join(cmd)} exited {p.returncode}:\n"
            + p.stdout.decode(errors="replace"))
    try:
        rep = json.load(open(out + ".pnr.json", encoding="utf-8"))
        fmax = min(v["achieved"] for v in rep["fmax"].values())
    except (OSError, ValueError, KeyError) as e:
        die(f"{out}.pnr.json: expected nextpnr's report with an fmax entry ({e})")
    return seed, fmax


def main():
    argv = sys.argv[1:]
    if len(argv) < 6 or argv[4] != "--":
        die('usage: pnr_seeds.py OUT_PREFIX JSON PCF "SEEDS" -- NEXTPNR_ARGS...')
    prefix, json_in, pcf, seeds_arg, args = argv[0], argv[1], argv[2], argv[3], argv[5:]
    try:
        seeds = [int(s) for s in seeds_arg.split()]
    except ValueError:
        die(f"SEEDS: expected whole numbers separated by spaces, got '{seeds_arg}'")
    if not seeds or len(set(seeds)) != len(seeds):
        die(f"SEEDS: expected one or more distinct seeds, got '{seeds_arg}'")
    with concurrent.futures.ThreadPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as ex:
        results = list(ex.map(lambda s: run_seed(prefix, json_in, pcf, s, args), seeds))
    best_seed, best = results[0]
    for seed, fmax in results[1:]:
        if fmax > best:
            best_seed, best = seed, fmax
    for ext in ("asc", "pnr.json", "pnr.log"):
        shutil.copyfile(f"{prefix}.s{best_seed}.{ext}", f"{prefix}.{ext}")
    with open(prefix + ".seeds.json", "w", encoding="utf-8") as f:
        json.dump({"seeds": {str(s): round(m, 2) for s, m in results}, "kept": best_seed}, f,
                  indent=2, sort_keys=True)
        f.write("\n")
    spread = ", ".join(f"seed {s} {m:.2f}" for s, m in results)
    print(f"pnr_seeds: {os.path.basename(prefix)}: {spread} MHz; kept seed {best_seed}")


if __name__ == "__main__":
    main()
