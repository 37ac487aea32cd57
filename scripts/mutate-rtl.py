#!/usr/bin/env python3
"""mutate-rtl.py -- every mutant of rtl/*.sv in ONE copy, each behind a run-time selector.

Usage: mutate-rtl.py [--seed S] [--max N] [--keep FILE] [--exclude K,K..] [--lint CMD] --out DIR FILE.sv...
       mutate-rtl.py --diff K [--seed S] [--max N] FILE.sv...   (unified diff of mutant K alone)
       mutate-rtl.py --list [--seed S] [--max N] FILE.sv...     (the mutant table on stdout)
       mutate-rtl.py --apply K --out DIR [--seed S] [--max N] FILE.sv...
                     (mutant K alone, as plain text: DIR holds every FILE, byte-identical but
                      the one K mutates, no mut_sel_i; its row of the table on stdout; lab 5)

Each FILE.sv is parsed (a small Verilog-2005/SV subset: the one rtl/ is written in) and every
mutation point of an expression that is evaluated at run time gets a number K >= 1.  DIR/FILE.sv
is the file with every such expression e replaced by ((mut_sel_i == 16'dK) ? e' : e), and an
input `mut_sel_i[15:0]` added to every module and connected in every instance, so one
Verilator build runs any mutant: mut_sel_i = 0 is the original RTL.  DIR/mutants.tsv lists
K, file, line, module, generate block, operator, original and mutated text.

Operators (docs/mutants.md): binary operator swaps (== !=, < <=, > >=, && ||, & |, ^ |, + -),
unary ~ ! - dropped, reduction & | swapped, constants +1 / -1 (1-bit: flipped; '0 <-> '1),
part/bit selects with literal bounds shifted down (and up when the declared width allows),
if and ?: conditions negated and stuck at 0 and at 1.

Never mutated: comments, declarations (widths), parameters and localparams, generate-if
conditions, instance parameter lists, case labels, for-loop headers, replication counts, cast
widths, $functions, `ifdef FORMAL code, the right-hand sides of non-blocking assignments
(flop reset values and q <= d), and assigns to unused_* signals (lint sinks).
Deterministic: the numbering follows the files and their text; --max N keeps a sample of N
mutants drawn with random.Random(seed) (default: all), plus those --keep names.
"""
import argparse
import difflib
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True   # no __pycache__ in scripts/mutrtl/
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mutrtl.parser import parse_file  # noqa: E402,F401  (variant.py, prove-mutants.py use these)
from mutrtl.sample import SEL, SELW, build, read_keep, select, signature, single, write_file  # noqa: E402,F401


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--max", type=int, default=0, help="keep a seeded sample of N mutants (0: all)")
    ap.add_argument("--keep", help="a file of mutant signatures (file, operator, original, "
                    "mutated, TAB-separated) always in the sample")
    ap.add_argument("--out", help="write the mutated copy and mutants.tsv here")
    ap.add_argument("--exclude", default="", help="K,K,..: leave these points unmutated (invalid ones)")
    ap.add_argument("--diff", type=int, help="print the unified diff of mutant K")
    ap.add_argument("--lint", action="append", default=[],
                    help="a command (the files are appended) that must accept the copy; mutants "
                         "that make it fail are left out and listed in invalid.txt (repeatable)")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--apply", type=int, help="with --out: write mutant K alone as plain text")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    ctxs, chosen = build(a.files, a.seed, a.max, read_keep(a.keep))
    if a.diff is not None:
        for c, p in chosen:
            if p["k"] == a.diff:
                path = [f for f in a.files if os.path.basename(f) == c.fname][0]
                sys.stdout.writelines(difflib.unified_diff(
                    c.src.splitlines(True), single(c, p).splitlines(True),
                    f"a/{path}", f"b/{path}", n=1))
                return 0
        sys.exit(f"mutate-rtl: no mutant {a.diff} (1..{len(chosen)})")
    rows = []
    if a.apply is not None:
        if not a.out:
            ap.error("--apply needs --out")
        hit = [(c, p) for c, p in chosen if p["k"] == a.apply]
        if not hit:
            sys.exit(f"mutate-rtl: no mutant {a.apply} (1..{len(chosen)})")
        os.makedirs(a.out, exist_ok=True)
        for c, f in zip(ctxs, a.files):
            text = single(c, hit[0][1]) if c is hit[0][0] else c.src
            with open(os.path.join(a.out, os.path.basename(f)), "w") as fh:
                fh.write(text)
            for inc in c.includes:
                shutil.copyfile(os.path.join(os.path.dirname(f), inc), os.path.join(a.out, inc))
    for c, p in chosen:
        rows.append("\t".join([str(p["k"]), c.fname, str(p["line"]), p["module"], p["gen"] or "-",
                               p["op"], " ".join(p["orig"].split()), " ".join(p["new"].split())]))
    header = "k\tfile\tline\tmodule\tgenerate\toperator\toriginal\tmutated\n"
    if a.list:
        sys.stdout.write(header + "\n".join(rows) + "\n")
        return 0
    if a.apply is not None:
        sys.stdout.write(header + rows[[p["k"] for _, p in chosen].index(a.apply)] + "\n")
        return 0
    if not a.out:
        ap.error("one of --out, --diff, --list")
    excl = {int(x) for x in a.exclude.split(",") if x}
    only = {p["k"] for _, p in chosen} - excl
    os.makedirs(a.out, exist_ok=True)

    def write_all(d, keep):
        for c, f in zip(ctxs, a.files):
            for inc in c.includes:
                shutil.copyfile(os.path.join(os.path.dirname(f), inc), os.path.join(d, inc))
            here = [p for cc, p in chosen if cc is c]
            with open(os.path.join(d, os.path.basename(f)), "w") as fh:
                fh.write(write_file(c, here, keep))
        return [os.path.join(d, os.path.basename(f)) for f in a.files]

    invalid = []
    if a.lint:
        # a mutant that does not elaborate is "invalid": found by bisection, left out
        cmds = [shlex.split(x) for x in a.lint]

        def lint_ok(keep):
            with tempfile.TemporaryDirectory(prefix="mutate-rtl") as d:
                files = write_all(d, keep)
                return all(subprocess.run(c + files, stdout=subprocess.DEVNULL,
                                          stderr=subprocess.DEVNULL).returncode == 0 for c in cmds)

        def bad(ks):
            if lint_ok(set(ks)):
                return []
            if len(ks) == 1:
                return ks
            h = len(ks) // 2
            return bad(ks[:h]) + bad(ks[h:])
        if not lint_ok(only):
            if not lint_ok(set()):
                sys.exit("mutate-rtl: the unmutated copy does not pass the --lint command")
            invalid = bad(sorted(only))
            only -= set(invalid)
            if not lint_ok(only):
                sys.exit("mutate-rtl: mutants that elaborate alone fail together; give --exclude")
    write_all(a.out, only)
    for c, f in zip(ctxs, a.files):   # `include "x.svh": beside the copy, as beside rtl/
        for inc in c.includes:
            shutil.copyfile(os.path.join(os.path.dirname(f), inc), os.path.join(a.out, inc))
    with open(os.path.join(a.out, "invalid.txt"), "w") as fh:
        fh.write("".join(f"{k}\n" for k in sorted(set(invalid) | excl)))
    with open(os.path.join(a.out, "mutants.tsv"), "w") as fh:
        fh.write(header + "\n".join(rows) + "\n")
    with open(os.path.join(a.out, "args.txt"), "w") as fh:   # to number the same way again
        fh.write(" ".join(["--seed", str(a.seed), "--max", str(a.max)]
                          + (["--keep", a.keep] if a.keep else []) + a.files) + "\n")
    print(f"mutate-rtl: {len(chosen)} mutants of {len(a.files)} files in {a.out}"
          + (f" ({len(excl)} excluded)" if excl else "")
          + (f", {len(invalid)} invalid (do not elaborate): {invalid}" if invalid else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
