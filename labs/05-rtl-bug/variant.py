#!/usr/bin/env python3
"""variant.py -- lab 5's candidate mutants, in the order a variant seed tries them.

Usage: variant.py candidates SEED FILE.sv...   (FILE.sv: the RTL file list, rtl/sim.f + core.f)

Every mutant of scripts/mutate-rtl.py over FILE.sv (all of them: --max 0, so the numbering
K is mutate-rtl.py's with --max 0) that
  - is elaborated by the default configuration (the one the lab is built and graded in:
    scripts/run-mutants.py's ELAB table), and
  - changes no line that labs/05-rtl-bug/near-bugs.tsv names: the places of the ten
    deliberate bugs of docs/rtl-bugs.md, whose answers the student can read there,
is printed as a row "K<TAB>file<TAB>first line<TAB>last line<TAB>module<TAB>operator<TAB>
original<TAB>mutated", shuffled by random.Random(SEED).  The handout (handout.sh) applies
them in this order and keeps the first that a quick lockstep kills.  Deterministic: the same
rtl/ and SEED give the same rows.
"""
import importlib.util
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, os.path.join(ROOT, path))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def read_rules(path):
    """near-bugs.tsv: (bug, file, compiled regex) per line; '#' comments."""
    rules = []
    with open(path) as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip() or line.startswith("#"):
                continue
            f = line.rstrip("\n").split("\t")
            if len(f) < 3:
                sys.exit(f"variant.py: {path}:{n}: expected 'bug<TAB>file<TAB>regex<TAB>why', got {line!r}")
            rules.append((f[0], f[1], re.compile(f[2])))
    return rules


def candidates(seed, files):
    mut = load("mutate_rtl", "scripts/mutate-rtl.py")
    elab = load("run_mutants", "scripts/run-mutants.py").ELAB["default"]
    rules = read_rules(os.path.join(HERE, "near-bugs.tsv"))
    used = set()
    _, chosen = mut.build(files, 1, 0)
    rows = []
    for c, p in chosen:
        if p["gen"] and p["gen"] not in elab.get(p["module"], set()):
            continue
        n = p["node"]
        first = c.src.count("\n", 0, n.start) + 1
        last = c.src.count("\n", 0, n.end) + 1
        lines = c.src.split("\n")[first - 1:last]
        near = [r for r in rules if r[1] == c.fname and any(r[2].search(t) for t in lines)]
        used.update((r[0], r[1], r[2].pattern) for r in near)
        if near:
            continue
        rows.append("\t".join([str(p["k"]), c.fname, str(first), str(last), p["module"], p["op"],
                               " ".join(p["orig"].split()), " ".join(p["new"].split())]))
    stale = [r for r in rules if (r[0], r[1], r[2].pattern) not in used]
    if stale:   # a rule that matches nothing protects nothing: rtl/ changed, update the file
        for r in stale:
            print(f"variant.py: near-bugs.tsv: bug {r[0]} rule /{r[2].pattern}/ matches no mutant "
                  f"of {r[1]}", file=sys.stderr)
        sys.exit(3)
    random.Random(seed).shuffle(rows)
    return rows


def main(argv):
    if len(argv) < 4 or argv[1] != "candidates":
        sys.exit(__doc__.split("\n\n")[1])
    if not re.fullmatch(r"[1-9][0-9]{0,8}", argv[2]):
        print(f"variant.py: seed: expected a number 1..999999999, got '{argv[2]}'", file=sys.stderr)
        return 2
    sys.stdout.write("".join(r + "\n" for r in candidates(int(argv[2]), argv[3:])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
