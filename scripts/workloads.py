#!/usr/bin/env python3
"""workloads.py -- run recorded workload traces through mmulab in lockstep.

One row per trace: accesses, TLB hit rate, walks, page faults, AMAT, MMU
cycles compared, mismatches and speed.  Exit 1 if any run fails, is not in
lockstep or has a mismatch.  `make workloads` records the traces first
(docs/workloads.md).

  scripts/workloads.py MMULAB TRACE.gz...
"""
import json
import os
import subprocess
import sys
import time


def main(argv):
    if len(argv) < 3:
        sys.exit("usage: workloads.py MMULAB TRACE.gz...")
    mmulab, traces = argv[1], argv[2:]
    cols = "{:<14} {:>9} {:>8} {:>7} {:>7} {:>7} {:>11} {:>10} {:>9} {:>11}"
    print(cols.format("workload", "accesses", "TLB hit", "walks", "faults", "AMAT",
                      "MMU cycles", "mismatches", "acc/s", "cycles/s"))
    failed = []
    for t in traces:
        name = os.path.basename(t).split(".")[0]
        start = time.monotonic()
        run = subprocess.run([mmulab, "--json", t], capture_output=True, text=True)
        secs = max(time.monotonic() - start, 1e-9)
        if run.returncode != 0:
            print(f"{name}: exit {run.returncode}: {mmulab} {t}\n{run.stdout[-2000:]}{run.stderr[-2000:]}")
            failed.append(name)
            continue
        j = json.loads(run.stdout)
        tlb = j["tlb_hits"] + j["tlb_misses"]
        print(cols.format(name, j["accesses"], f"{100.0 * j['tlb_hits'] / max(tlb, 1):.2f}%",
                          j["walks"], j["page_faults"], f"{j['amat']:.2f}",
                          j["lockstep_cycles_compared"], j["lockstep_mismatches"],
                          f"{j['accesses'] / secs:.0f}", f"{j['mmu_cycles'] / secs:.0f}"))
        if not j["lockstep"] or j["lockstep_mismatches"] or j["lockstep_cycles_compared"] != j["mmu_cycles"]:
            failed.append(name)
    if failed:
        print("workloads: FAILED: " + " ".join(failed))
        return 1
    print(f"workloads: {len(traces)} traces in lockstep, 0 mismatches")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
