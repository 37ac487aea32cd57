#!/usr/bin/env python3
"""vcd_values.py -- the value changes of a VCD, by full signal name, to compare two dumps.

  vcd_values.py [--scope PREFIX] FILE.vcd   prints "time name value" lines, sorted

Signal ids and the order of declarations differ between two writers of the same design
(the Verilated C++ model and its SystemC flavour, which also dumps the top-level ports
under TOP only in the C++ one); the values of the signals under one scope must not.  Only
names starting with PREFIX (default TOP.mmu_top.) are printed.  A bad file: a message
naming the file and line, exit 2.
"""
import sys


def main(argv):
    scope_prefix = "TOP.mmu_top."
    args = argv[1:]
    if len(args) == 3 and args[0] == "--scope":
        scope_prefix, args = args[1], args[2:]
    if len(args) != 1:
        sys.stderr.write("usage: vcd_values.py [--scope PREFIX] FILE.vcd\n")
        return 2
    path = args[0]
    scope, names, out, time = [], {}, [], 0
    in_defs = True
    with open(path, encoding="ascii", errors="replace") as f:
        for n, line in enumerate(f, 1):
            w = line.split()
            if not w:
                continue
            if in_defs:
                if w[0] == "$scope":
                    scope.append(w[2])
                elif w[0] == "$upscope":
                    scope.pop()
                elif w[0] == "$var":
                    if len(w) < 6:
                        sys.stderr.write(f"{path}:{n}: expected '$var TYPE WIDTH ID NAME ... $end'\n")
                        return 2
                    full = ".".join(scope + [w[4]])
                    if full.startswith(scope_prefix):
                        names.setdefault(w[3], []).append(full)
                elif w[0] == "$enddefinitions":
                    in_defs = False
                continue
            tok = w[0]
            if tok.startswith("#"):
                time = int(tok[1:])
            elif tok[0] in "bBrR":
                if len(w) != 2:
                    sys.stderr.write(f"{path}:{n}: expected 'bVALUE ID'\n")
                    return 2
                for name in names.get(w[1], ()):
                    out.append((time, name, tok[1:].lstrip("0") or "0"))
            elif tok[0] in "01xzXZ":
                for name in names.get(tok[1:], ()):
                    out.append((time, name, tok[0]))
    for t, name, v in sorted(out):
        print(t, name, v)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
