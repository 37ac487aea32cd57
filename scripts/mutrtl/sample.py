"""mutrtl/sample.py -- which mutants of scripts/mutate-rtl.py: the numbering, the seeded sample,
--keep, and the copy with every chosen mutant behind mut_sel_i (or one mutant alone).
"""
import random
import sys

from .parser import parse_file

SEL = "mut_sel_i"
SELW = 16


def render(ctx, node, numbered, only):
    """The text of node with every selected mutation point of it and its children wrapped."""
    out, pos = [], node.start
    for kid in sorted(node.kids, key=lambda k: k.start):
        if kid.start < pos:
            continue
        out.append(ctx.src[pos:kid.start])
        out.append(render(ctx, kid, numbered, only))
        pos = kid.end
    out.append(ctx.src[pos:node.end])
    text = "".join(out)
    for k, new in reversed(numbered.get(id(node), [])):
        if only is None or k in only:
            text = f"(({SEL} == {SELW}'d{k}) ? ({new}) : ({text}))"
    return text


def collect_roots(points):
    """The outermost nodes holding points (each mutated expression is inside one root)."""
    nodes = {}
    for p in points:
        nodes[id(p["node"])] = p["node"]
    # every node reachable from another node is not a root
    inner = set()

    def walk(n, top):
        for k in n.kids:
            inner.add(id(k))
            walk(k, False)
    for n in nodes.values():
        walk(n, True)
    roots = [n for i, n in nodes.items() if i not in inner]
    roots.sort(key=lambda n: (n.start, -n.end))
    out, last_end = [], -1
    for n in roots:                # nested roots (a node inside a point's node): keep outer
        if n.start >= last_end:
            out.append(n)
            last_end = n.end
    return out


def signature(c, p):
    """file, operator, original, mutated: how mutants.tsv and --keep files name a mutant."""
    return (c.fname, p["op"], " ".join(p["orig"].split()), " ".join(p["new"].split()))


def select(all_points, seed, max_n, keep=()):
    """A seeded sample of max_n points (0: all), plus the first point of each signature in
    keep that the draw missed (so a fixed list, tb/mutants/smoke.txt, is always there)."""
    idx = list(range(len(all_points)))
    if max_n and max_n < len(idx):
        chosen = set(random.Random(seed).sample(idx, max_n))
        for key in keep:
            hits = [i for i, (c, p) in enumerate(all_points) if signature(c, p) == key]
            if not hits:   # a kept mutant that no longer exists is an error, not a skip
                sys.exit("mutate-rtl: --keep: no mutant " + "\t".join(key))
            if len(hits) > 1:   # else which one runs depends on the seeded draw
                sys.exit("mutate-rtl: --keep: %d mutants have the signature %s (expected one: "
                         "choose a text that occurs once)" % (len(hits), "\t".join(key)))
            if not chosen.intersection(hits):
                chosen.add(hits[0])
        idx = sorted(chosen)
    return [all_points[i] for i in idx]


def read_keep(path):
    if not path:
        return []
    out = []
    for line in open(path):
        if line.strip() and not line.startswith("#"):
            out.append(tuple(line.rstrip("\n").split("\t")))
    return out


def build(files, seed, max_n, keep=()):
    ctxs = [parse_file(f) for f in files]
    flat = [(c, p) for c in ctxs for p in c.points]
    chosen = select(flat, seed, max_n, keep)
    for k, (c, p) in enumerate(chosen, 1):
        p["k"] = k
    return ctxs, chosen


def write_file(ctx, chosen_here, only, with_port=True):
    numbered = {}
    for p in chosen_here:
        numbered.setdefault(id(p["node"]), []).append((p["k"], p["new"]))
    # roots over every chosen point of this file
    roots = collect_roots(chosen_here)
    edits = [(r.start, r.end, render(ctx, r, numbered, only)) for r in roots]
    if with_port:
        for pos in ctx.port_opens:
            edits.append((pos, pos, f"\n  input  logic [{SELW-1}:0] {SEL},   // mutant (scripts/mutate-rtl.py), 0 none"))
        for pos in ctx.inst_opens:
            edits.append((pos, pos, f"\n    .{SEL} ({SEL}),"))
    edits.sort(key=lambda e: e[0])
    out, pos = [], 0
    for a, b, text in edits:
        out.append(ctx.src[pos:a])
        out.append(text)
        pos = b
    out.append(ctx.src[pos:])
    return "".join(out)


def single(ctx, p):
    """ctx's source with mutant p alone applied (for --diff)."""
    n = p["node"]
    new = p["new"]
    # an operator swap in a chain: `a && b && c` with the first && swapped is simulated as
    # ((a) || (b)) && c, the whole point replaced; plain text needs the parentheses to say so
    if " -> " in p["op"] and not p["op"].startswith("reduction"):
        new = f"({new})"
    return ctx.src[:n.start] + new + ctx.src[n.end:]


