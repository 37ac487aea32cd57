#!/usr/bin/env python3
"""Lab 3's answers by the handout's formulas (not by mmulab): reads a sheet
of `mmulab check 3 --sheet --seed N` on stdin, prints its answers file."""
import re
import sys

text = sys.stdin.read()
tlb = int(re.search(r"TLB has (\d+) entries", text).group(1))
rounds, ka = map(int, re.search(r"Trace A: (\d+) rounds; each round loads one word of each of (\d+)", text).groups())
kb = int(re.search(r"Trace B: the same with (\d+) pages", text).group(1))
ws = int(re.search(r"map a (\d+) MiB", text).group(1))
assert ka <= tlb < kb
ans = [4 * tlb, 2048 * tlb, 2 * ka, rounds * kb + kb,
       1 + 4,              # TLB hit, data in L1 (docs/timing-contract.md)
       1 + 3 * 4 + 4,      # TLB miss, three PTEs and the data from L1
       ws * 256, ws // 2]
for i, a in enumerate(ans):
    print("q%d %s" % (i + 1, a))
