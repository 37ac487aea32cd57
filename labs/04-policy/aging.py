#!/usr/bin/env python3
"""aging.py -- lab 4's rules (labs/04-policy/README.md) as a second implementation, apart
from any C: the aging policy on a reference string, page faults counted cold misses included.

  aging.py FRAMES PAGE...        print the number of page faults
  aging.py -v FRAMES PAGE...     also one line per reference (the handout's table)
  aging.py --string SEED         print variant SEED's reference string and frames (the checker's)

The rules: frames are filled in index order 0, 1, 2...; each frame has an 8-bit counter,
0 when a page is loaded; the page's reference bit (the PTE's A bit) is set by every access,
the loading one too. When a page faults and every frame is in use, the OS ticks first: for
each frame, counter = counter >> 1 | A << 7, then A = 0; the victim is the frame with the
smallest counter, the lowest frame index on a tie. Hits change nothing but the A bit.
"""
import sys


def aging(refs, nframes, verbose=False):
    page = [None] * nframes
    age = [0] * nframes
    ref = [0] * nframes
    faults = 0
    for p in refs:
        if p in page:
            ref[page.index(p)] = 1
            if verbose:
                print(("%-3s hit  %s" % (p, state(page, age, ref))).rstrip())
            continue
        faults += 1
        if None in page:
            f = page.index(None)
            note = "free frame %d" % f
        else:
            for i in range(nframes):
                age[i] = age[i] >> 1 | ref[i] << 7
                ref[i] = 0
            f = min(range(nframes), key=lambda i: (age[i], i))
            note = "tick %s -> evict %s from frame %d" % (counters(age), page[f], f)
        page[f], age[f], ref[f] = p, 0, 1
        if verbose:
            print("%-3s F    %s   %s" % (p, state(page, age, ref), note))
    return faults


def counters(age):
    return " ".join("%02x" % a for a in age)


def state(page, age, ref):
    return " ".join("-" if p is None else "%s:%02x%s" % (p, a, "*" if r else " ")
                    for p, a, r in zip(page, age, ref))


def variant(seed):
    """Variant SEED's string: 16..20 references to pages 1..7, 3 or 4 frames (a 64-bit LCG,
    so the shell grader and this file agree without sharing code with the C)."""
    x = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    out = []

    def nxt():
        nonlocal x
        x = (x * 6364136223846793005 + 1442695040888963407) % 2**64
        return x >> 33
    n = 16 + nxt() % 5
    frames = 3 + nxt() % 2
    prev = 0
    while len(out) < n:
        p = 1 + nxt() % 7
        if p != prev:
            out.append(p)
            prev = p
    return frames, out


def main(argv):
    if len(argv) == 2 and argv[0] == "--string":
        frames, refs = variant(int(argv[1]))
        print(frames, " ".join(map(str, refs)))
        return 0
    verbose = bool(argv) and argv[0] == "-v"
    if verbose:
        argv = argv[1:]
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    print(aging([int(a) for a in argv[1:]], int(argv[0]), verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
