#!/usr/bin/env python3
"""A second, independent implementation of the lab 2 policies (textbook
definitions, labs/02-replacement/README.md): reads a sheet of
`mmulab check 2 --sheet --seed N` on stdin, prints its answers file."""
import re
import sys


def fifo(refs, n):
    mem, faults = [], 0
    for p in refs:
        if p not in mem:
            faults += 1
            if len(mem) == n:
                mem.pop(0)
            mem.append(p)
    return faults


def lru(refs, n):
    mem, faults = [], 0
    for p in refs:
        if p in mem:
            mem.remove(p)
        else:
            faults += 1
            if len(mem) == n:
                mem.pop(0)
        mem.append(p)
    return faults


def clock(refs, n):
    page, ref, hand, faults = [None] * n, [0] * n, 0, 0
    for p in refs:
        if p in page:
            ref[page.index(p)] = 1
            continue
        faults += 1
        if None in page:                   # free frames are used in order 0, 1, ...
            f = page.index(None)
        else:
            while ref[hand]:
                ref[hand] = 0
                hand = (hand + 1) % n
            f, hand = hand, (hand + 1) % n
        page[f], ref[f] = p, 1
    return faults


def opt(refs, n):
    mem, faults = [], 0
    for i, p in enumerate(refs):
        if p in mem:
            continue
        faults += 1
        if len(mem) == n:
            def nxt(q):
                rest = refs[i + 1:]
                return rest.index(q) if q in rest else len(refs)
            mem.remove(max(mem, key=nxt))
        mem.append(p)
    return faults


def main():
    text = sys.stdin.read()
    refs = [int(x) for x in re.search(r"pages 1\.\.6\): ([0-9 ]+)", text).group(1).split()]
    n = int(re.search(r"# frames: (\d+)", text).group(1))
    belady = [int(x) for x in re.search(r"# Belady's string: ([0-9 ]+)", text).group(1).split()]
    f0, f1 = fifo(refs, n), fifo(refs, n + 1)
    ans = [fifo(refs, n), lru(refs, n), clock(refs, n), opt(refs, n), fifo(belady, 3), fifo(belady, 4),
           "yes" if f1 > f0 else "no", f1]
    for i, a in enumerate(ans):
        print("q%d %s" % (i + 1, a))


main()
