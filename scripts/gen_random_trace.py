#!/usr/bin/env python3
"""gen_random_trace.py -- a random constrained trace for lockstep regressions.

Many processes, each with code (X), a heap (R/W) and a stack (R/W near the
top of the user half), drawn with locality: most accesses near the last
one, some anywhere in the region, some to a fresh page, so the run has TLB
hits and misses, page faults, eviction, swap and, with few frames, OOM
kills.  Deterministic: its own xorshift64* generator, not Python's random,
so a seed gives the same trace on every Python.

usage: gen_random_trace.py SEED [ACCESSES [PROCS [MODE]]]   (MODE sv39|sv48)
"""
import sys


class Rng:
    def __init__(self, seed):
        self.s = (seed * 0x9E3779B97F4A7C15 + 1) & (2**64 - 1) or 1

    def next(self):
        s = self.s
        s ^= s >> 12
        s ^= (s << 25) & (2**64 - 1)
        s ^= s >> 27
        self.s = s
        return (s * 0x2545F4914F6CDD1D) & (2**64 - 1)

    def below(self, n):
        return self.next() % n


def main():
    seed = int(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    procs = int(sys.argv[3]) if len(sys.argv) > 3 else 8
    mode = sys.argv[4] if len(sys.argv) > 4 else "sv39"
    top = (1 << 38) if mode == "sv39" else (1 << 47)   # start of the upper half's mirror
    rng = Rng(seed)
    regions = []   # per process: (base, pages, ops)
    for p in range(procs):
        code = (0x400000 + rng.below(16) * 0x200000, 8 + rng.below(24), "X")
        heap = (0x10000000 + rng.below(64) * 0x400000, 16 + rng.below(96), "RW")
        stack = (top - (1 + rng.below(4)) * 0x1000000, 4 + rng.below(12), "RW")
        regions.append([code, heap, stack])
    last = [[r[0] for r in regions[p]] for p in range(procs)]
    print(f"# random trace: seed {seed}, {n} accesses, {procs} processes, {mode}")
    print("# made by scripts/gen_random_trace.py; regenerate, do not edit")
    pid = 0
    for _ in range(n):
        if rng.below(100) < 3:
            pid = rng.below(procs)                       # context switch
        k = rng.below(3)
        base, pages, ops = regions[pid][k]
        roll = rng.below(100)
        if roll < 70:                                    # near the last access
            va = last[pid][k] + (rng.below(512) - 256) * 8
            va = min(max(va, base), base + pages * 4096 - 8)
        else:                                            # anywhere in the region
            va = base + rng.below(pages) * 4096 + rng.below(512) * 8
        last[pid][k] = va
        op = "X" if ops == "X" else ("W" if rng.below(100) < 40 else "R")
        print(f"{op} 0x{va:x} 8 {pid}")


if __name__ == "__main__":
    main()
