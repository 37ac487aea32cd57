#!/usr/bin/env python3
"""mutate-rtl.py -- every mutant of rtl/*.sv in ONE copy, each behind a run-time selector.

Usage: mutate-rtl.py [--seed S] [--max N] [--keep FILE] [--exclude K,K..] [--lint CMD] --out DIR FILE.sv...
       mutate-rtl.py --diff K [--seed S] [--max N] FILE.sv...   (unified diff of mutant K alone)
       mutate-rtl.py --list [--seed S] [--max N] FILE.sv...     (the mutant table on stdout)

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
import random
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

SEL = "mut_sel_i"
SELW = 16

# ---------------------------------------------------------------- tokens
TOK_RE = re.compile(r"""
  (?P<ws>\s+)
 |(?P<lcom>//[^\n]*)
 |(?P<bcom>/\*.*?\*/)
 |(?P<str>"[^"\n]*")
 |(?P<dir>`[A-Za-z_]\w*)
 |(?P<num>\d[\d_]*\s*'[sS]?[bBoOdDhH]\s*[0-9a-fA-FxXzZ?_]+|'[sS]?[bBoOdDhH]\s*[0-9a-fA-FxXzZ?_]+|'[01xXzZ](?![\w(])|\d[\d_]*(?:\.\d+)?)
 |(?P<sys>\$[A-Za-z_]\w*)
 |(?P<id>[A-Za-z_][\w$]*)
 |(?P<op><<<|>>>|===|!==|==|!=|<=|>=|&&|\|\||<<|>>|~&|~\||~\^|\^~|\+:|-:|\*\*|\+\+|--|[-+*/%<>!~&|^?:;,.()\[\]{}#@='])
""", re.X | re.S)


class Tok:
    __slots__ = ("kind", "text", "start", "end", "line")

    def __init__(self, kind, text, start, end, line):
        self.kind, self.text, self.start, self.end, self.line = kind, text, start, end, line

    def __repr__(self):
        return f"{self.kind}:{self.text}@{self.line}"


def tokenize(src, fname):
    toks, pos, line = [], 0, 1
    while pos < len(src):
        m = TOK_RE.match(src, pos)
        if not m:
            sys.exit(f"mutate-rtl: {fname}:{line}: cannot read {src[pos:pos+20]!r}")
        kind = m.lastgroup
        text = m.group(kind)
        if kind not in ("ws", "lcom", "bcom"):
            toks.append(Tok(kind, text, m.start(), m.end(), line))
        line += text.count("\n")
        pos = m.end()
    toks.append(Tok("eof", "", len(src), len(src), line))
    return toks


# Build-variant switches the mutated copy is never verilated with (fpga/fpga.mk's gate build
# defines MMU_GATE): their `ifdef branch is read as absent, the `else branch as the code, so a
# directive inside a statement (mmu_top's instance header) does not reach the parser.
OFF_DEFINES = {"MMU_GATE"}


def drop_off_branches(toks):
    out, stack = [], []            # stack: [is_off, skipping] per open `ifdef/`ifndef
    i = 0
    while i < len(toks):
        t = toks[i]
        skipping = any(off and skip for off, skip in stack)
        if t.kind == "dir" and t.text in ("`ifdef", "`ifndef"):
            name = toks[i + 1].text
            if name in OFF_DEFINES:
                stack.append([True, t.text == "`ifdef"])
                i += 2
                continue
            stack.append([False, False])
        elif t.kind == "dir" and t.text == "`else" and stack and stack[-1][0]:
            stack[-1][1] = not stack[-1][1]
            i += 1
            continue
        elif t.kind == "dir" and t.text == "`endif" and stack:
            if stack.pop()[0]:
                i += 1
                continue
        if not skipping:
            out.append(t)
        i += 1
    return out


# ---------------------------------------------------------------- expressions
class Node:
    """An expression with its source span [start, end) and its mutations."""
    __slots__ = ("start", "end", "kids", "muts", "line")

    def __init__(self, start, end, line, kids=()):
        self.start, self.end, self.line, self.kids, self.muts = start, end, line, list(kids), []


BINOPS = [  # lowest precedence first
    ["||"], ["&&"], ["|"], ["^", "~^", "^~"], ["&"], ["==", "!=", "===", "!=="],
    ["<", "<=", ">", ">="], ["<<", ">>", "<<<", ">>>"], ["+", "-"], ["*", "/", "%"], ["**"],
]
SWAP = {"==": "!=", "!=": "==", "<": "<=", "<=": "<", ">": ">=", ">=": ">", "&&": "||",
        "||": "&&", "&": "|", "|": "&", "^": "|", "+": "-", "-": "+"}
UNARY = {"!", "~", "-", "+", "&", "|", "^", "~&", "~|", "~^", "^~"}
RED_SWAP = {"&": "|", "|": "&", "~|": "|", "~&": "&"}


class Ctx:
    """Per file: the source, the declared widths and the mutation list being built."""

    def __init__(self, src, fname, widths):
        self.src, self.fname, self.widths = src, fname, widths
        self.points = []          # (node, mutated text, operator, original text)
        self.module = "?"
        self.gen = []             # generate block labels around the current position

    def text(self, a, b):
        return self.src[a:b]

    def add(self, node, new, op):
        self.points.append(dict(node=node, new=new, op=op, module=self.module,
                                gen=".".join(self.gen), line=node.line,
                                orig=self.text(node.start, node.end)))


class Parser:
    def __init__(self, toks, ctx):
        self.t, self.i, self.c = toks, 0, ctx

    # -- token helpers
    def peek(self, k=0):
        return self.t[min(self.i + k, len(self.t) - 1)]

    def next(self):
        tok = self.t[self.i]
        self.i += 1
        return tok

    def at(self, text):
        return self.peek().text == text

    def expect(self, text):
        tok = self.next()
        if tok.text != text:
            sys.exit(f"mutate-rtl: {self.c.fname}:{tok.line}: expected '{text}', found '{tok.text}'")
        return tok

    def skip_balanced(self, open_, close):
        """At open_: skip to just after the matching close."""
        depth = 0
        while True:
            tok = self.next()
            if tok.kind == "eof":
                sys.exit(f"mutate-rtl: {self.c.fname}: unbalanced '{open_}'")
            if tok.text == open_:
                depth += 1
            elif tok.text == close:
                depth -= 1
                if depth == 0:
                    return tok

    def skip_to(self, text):
        """Skip through the next `text` at bracket depth 0 (inclusive)."""
        depth = 0
        while True:
            tok = self.next()
            if tok.kind == "eof":
                sys.exit(f"mutate-rtl: {self.c.fname}: no '{text}'")
            if tok.text in "([{":
                depth += 1
            elif tok.text in ")]}":
                depth -= 1
            elif tok.text == text and depth == 0:
                return tok

    # -- expressions (precedence climbing); mutate=False parses without recording points
    def expr(self, mutate=True):
        cond = self.binary(0, mutate)
        if self.at("?"):
            self.next()
            a = self.expr(mutate)
            self.expect(":")
            b = self.expr(mutate)
            if mutate:
                self.cond_muts(cond)
            n = Node(cond.start, b.end, cond.line, [cond, a, b])
            return n
        return cond

    def cond_muts(self, cond):
        t = self.c.text(cond.start, cond.end)
        self.c.add(cond, f"!({t})", "cond-negate")
        self.c.add(cond, "1'b0", "cond-stuck-0")
        self.c.add(cond, "1'b1", "cond-stuck-1")

    def binary(self, level, mutate):
        if level == len(BINOPS):
            return self.unary(mutate)
        lhs = self.binary(level + 1, mutate)
        while self.peek().kind == "op" and self.peek().text in BINOPS[level]:
            op = self.next()
            rhs = self.binary(level + 1, mutate)
            n = Node(lhs.start, rhs.end, op.line, [lhs, rhs])
            if mutate and op.text in SWAP:
                # operands parenthesised: the new operator may bind tighter (a || b || c)
                new = (f"({self.c.text(lhs.start, lhs.end)}) {SWAP[op.text]} "
                       f"({self.c.text(rhs.start, rhs.end)})")
                self.c.add(n, new, f"{op.text} -> {SWAP[op.text]}")
            lhs = n
        return lhs

    def unary(self, mutate):
        tok = self.peek()
        if tok.kind == "op" and tok.text in UNARY:
            self.next()
            operand = self.unary(mutate)
            n = Node(tok.start, operand.end, tok.line, [operand])
            if mutate:
                inner = self.c.text(operand.start, operand.end)
                if tok.text in ("!", "~", "-"):
                    self.c.add(n, inner, f"{tok.text} dropped")
                if tok.text in RED_SWAP:
                    self.c.add(n, RED_SWAP[tok.text] + inner, f"reduction {tok.text} -> {RED_SWAP[tok.text]}")
            return n
        return self.primary(mutate)

    def primary(self, mutate):
        tok = self.next()
        if tok.kind == "num":
            # a cast: 32'(x), 2'(k) -- the size is not an operand
            if self.at("'") and self.peek(1).text == "(":
                self.next()
                return self.paren_cast(tok, mutate)
            n = Node(tok.start, tok.end, tok.line)
            if mutate:
                for new, op in const_muts(tok.text):
                    self.c.add(n, new, op)
            return self.selects(n, mutate)
        if tok.kind == "sys":            # $clog2(...), $signed: constant or not worth it
            if self.at("("):
                self.skip_balanced("(", ")")
            return Node(tok.start, self.t[self.i - 1].end, tok.line)
        if tok.kind == "id":
            if self.at("'") and self.peek(1).text == "(":     # WayW'(x)
                self.next()
                return self.paren_cast(tok, mutate)
            if self.at("("):                                  # function call
                self.next()
                kids = []
                while not self.at(")"):
                    kids.append(self.expr(mutate))
                    if self.at(","):
                        self.next()
                end = self.expect(")")
                return Node(tok.start, end.end, tok.line, kids)
            n = Node(tok.start, tok.end, tok.line)
            return self.selects(n, mutate, tok.text)
        if tok.text == "(":
            e = self.expr(mutate)
            end = self.expect(")")
            n = Node(tok.start, end.end, tok.line, [e])
            return self.selects(n, mutate)
        if tok.text == "{":
            kids = []
            # replication {N{...}}: the count is constant
            save = self.i
            if self.peek().kind in ("num", "id") and self.peek(1).text == "{":
                self.next()
                self.next()
                while not self.at("}"):
                    kids.append(self.expr(mutate))
                    if self.at(","):
                        self.next()
                self.expect("}")
                end = self.expect("}")
                return Node(tok.start, end.end, tok.line, kids)
            self.i = save
            while not self.at("}"):
                kids.append(self.expr(mutate))
                if self.at(","):
                    self.next()
            end = self.expect("}")
            return self.selects(Node(tok.start, end.end, tok.line, kids), mutate)
        sys.exit(f"mutate-rtl: {self.c.fname}:{tok.line}: unexpected '{tok.text}' in an expression")

    def paren_cast(self, size_tok, mutate):
        self.expect("(")
        e = self.expr(mutate)
        end = self.expect(")")
        return Node(size_tok.start, end.end, size_tok.line, [e])

    def selects(self, n, mutate, name=None):
        """[i], [a:b], [b +: w] after a primary; literal bounds give range shifts."""
        while self.at("["):
            lb = self.next()
            # decide by the tokens: literal-only selects are shifted, others are expressions
            j = self.i
            depth, toks = 0, []
            while True:
                tk = self.t[j]
                if tk.text == "[":
                    depth += 1
                elif tk.text == "]":
                    if depth == 0:
                        break
                    depth -= 1
                toks.append(tk)
                j += 1
            lit = [tk.text for tk in toks]
            if len(lit) == 3 and lit[1] == ":" and re.fullmatch(r"\d+", lit[0]) and re.fullmatch(r"\d+", lit[2]):
                hi, lo = int(lit[0]), int(lit[2])
                self.i = j + 1
                whole = Node(n.start, self.t[j].end, lb.line, [n])
                if mutate and hi >= lo:
                    base = self.c.text(n.start, lb.start)
                    if lo >= 1:
                        self.c.add(whole, f"{base}[{hi-1}:{lo-1}]", "range down")
                    w = self.c.widths.get(name) if name else None
                    if w is not None and hi + 1 < w:
                        self.c.add(whole, f"{base}[{hi+1}:{lo+1}]", "range up")
                n = whole
                continue
            if len(lit) == 1 and re.fullmatch(r"\d+", lit[0]):
                b = int(lit[0])
                self.i = j + 1
                whole = Node(n.start, self.t[j].end, lb.line, [n])
                if mutate:
                    base = self.c.text(n.start, lb.start)
                    if b >= 1:
                        self.c.add(whole, f"{base}[{b-1}]", "bit down")
                    w = self.c.widths.get(name) if name else None
                    if w is not None and b + 1 < w:
                        self.c.add(whole, f"{base}[{b+1}]", "bit up")
                n = whole
                continue
            # an index or a part select with expressions: the bounds of a [a:b] or the width
            # of a +: must stay constant, an index may be mutated
            kids = []
            if ":" in lit or "+:" in lit or "-:" in lit:
                if "+:" in lit or "-:" in lit:
                    kids.append(self.expr(mutate))
                    self.next()                  # +: / -:
                    self.expr(mutate=False)
                else:
                    self.expr(mutate=False)
                    self.expect(":")
                    self.expr(mutate=False)
            else:
                kids.append(self.expr(mutate))
            end = self.expect("]")
            n = Node(n.start, end.end, lb.line, [n] + kids)
        return n

    # -- statements
    def statement(self, clocked):
        tok = self.peek()
        if tok.text == "begin":
            self.next()
            if self.at(":"):
                self.next()
                self.next()
            while not self.at("end"):
                self.statement(clocked)
            self.next()
            return
        if tok.text == "if":
            self.next()
            self.expect("(")
            cond = self.expr()
            self.expect(")")
            self.cond_muts(cond)
            self.statement(clocked)
            if self.at("else"):
                self.next()
                self.statement(clocked)
            return
        if tok.text == "case":
            self.next()
            self.expect("(")
            self.expr(mutate=False)
            self.expect(")")
            while not self.at("endcase"):
                if self.at("default"):
                    self.next()
                    if self.at(":"):
                        self.next()
                else:
                    while True:                  # labels: constants, not mutated
                        self.expr(mutate=False)
                        if self.at(","):
                            self.next()
                            continue
                        break
                    self.expect(":")
                self.statement(clocked)
            self.next()
            return
        if tok.text == "for":
            self.next()
            self.skip_balanced("(", ")")
            self.statement(clocked)
            return
        if tok.text == ";":
            self.next()
            return
        # LHS = expr ; / LHS <= expr ;
        self.lvalue()
        op = self.next()
        if op.text not in ("=", "<="):
            sys.exit(f"mutate-rtl: {self.c.fname}:{op.line}: expected = or <=, found '{op.text}'")
        self.expr(mutate=(op.text == "="))
        self.expect(";")

    def lvalue(self):
        tok = self.next()
        if tok.text == "{":
            self.i -= 1
            self.skip_balanced("{", "}")
            return
        while self.at("["):
            self.skip_balanced("[", "]")
        if self.at("."):
            self.next()
            self.next()
            self.lvalue_tail()

    def lvalue_tail(self):
        while self.at("["):
            self.skip_balanced("[", "]")

    # -- module items
    def items(self, until):
        """Module items up to one of `until` (not consumed)."""
        while self.peek().text not in until:
            tok = self.peek()
            if tok.kind == "eof":
                return
            self.item()

    def item(self):
        tok = self.peek()
        t = tok.text
        if tok.kind == "dir":
            self.next()
            if t == "`ifdef" or t == "`ifndef":
                name = self.next().text
                if name == "FORMAL":           # assertion-only code: skipped whole
                    depth = 1
                    while depth:
                        d = self.next()
                        if d.text in ("`ifdef", "`ifndef"):
                            depth += 1
                        elif d.text == "`endif":
                            depth -= 1
            elif t == "`default_nettype":
                self.next()
            elif t == "`include":
                self.c.includes.append(self.next().text.strip('"'))
            return
        if t == "module":
            self.next()
            self.c.module = self.next().text
            if self.at("#"):
                self.next()
                self.skip_balanced("(", ")")
            lp = self.expect("(")
            self.c.port_opens.append(lp.end)
            self.ports()
            self.expect(";")
            return
        if t == "endmodule":
            self.next()
            self.c.module = "?"
            return
        if t in ("localparam", "parameter", "logic", "wire", "reg", "integer", "genvar", "input",
                 "output", "int", "bit"):
            self.declaration()
            return
        if t == "function":
            self.next()
            self.skip_to(";")
            while not self.at("endfunction"):
                if self.peek().text in ("logic", "integer", "input", "output", "int", "reg"):
                    self.skip_to(";")
                else:
                    self.statement(clocked=False)
            self.next()
            return
        if t == "assign":
            self.next()
            lhs = self.peek().text
            self.lvalue()
            self.expect("=")
            self.expr(mutate=not lhs.startswith("unused"))
            self.expect(";")
            return
        if t in ("always", "always_comb", "always_ff"):
            self.next()
            clocked = False
            if self.at("@"):
                self.next()
                if self.at("("):
                    j = self.i
                    self.skip_balanced("(", ")")
                    clocked = any(x.text in ("posedge", "negedge") for x in self.t[j:self.i])
                else:
                    self.next()
            self.statement(clocked)
            return
        if t == "if":                          # generate if: the condition is constant
            self.next()
            self.skip_balanced("(", ")")
            self.gen_block()
            while self.at("else"):
                self.next()
                if self.at("if"):
                    self.next()
                    self.skip_balanced("(", ")")
                self.gen_block()
            return
        if t == ";":
            self.next()
            return
        if tok.kind == "id":                   # an instance: module [#(...)] name ( .p (e), ... );
            self.next()
            if self.at("#"):
                self.next()
                self.skip_balanced("(", ")")
            self.next()                        # instance name
            lp = self.expect("(")
            self.c.inst_opens.append(lp.end)
            while not self.at(")"):
                self.expect(".")
                self.next()
                self.expect("(")
                if not self.at(")"):
                    self.expr()
                self.expect(")")
                if self.at(","):
                    self.next()
            self.expect(")")
            self.expect(";")
            return
        sys.exit(f"mutate-rtl: {self.c.fname}:{tok.line}: cannot parse a module item at '{t}'")

    def gen_block(self):
        if self.at("begin"):
            self.next()
            label = ""
            if self.at(":"):
                self.next()
                label = self.next().text
            self.c.gen.append(label)
            self.items({"end"})
            self.next()
            self.c.gen.pop()
        else:
            self.item()

    def ports(self):
        """ANSI port list up to its ')' (not consumed); records declared widths."""
        depth = 0
        while True:
            tok = self.peek()
            if tok.text == "(":
                depth += 1
            elif tok.text == ")":
                if depth == 0:
                    break
                depth -= 1
            self.next()
        self.next()

    def declaration(self):
        self.skip_to(";")


def const_muts(text):
    """Mutations of one literal: (new text, operator)."""
    t = text.replace(" ", "")
    m = re.fullmatch(r"(\d+)'([sS]?)([bBoOdDhH])([0-9a-fA-F_]+)", t)
    if m:
        w, s, base, digits = int(m.group(1)), m.group(2), m.group(3).lower(), m.group(4).replace("_", "")
        v = int(digits, {"b": 2, "o": 8, "d": 10, "h": 16}[base])
        mask = (1 << w) - 1
        fmt = {"b": "b", "o": "o", "d": "d", "h": "x"}[base]

        def lit(x):
            return f"{w}'{s}{m.group(3)}{format(x & mask, fmt)}"
        if w == 1:
            return [(lit(v ^ 1), "const flip")]
        return [(lit(v + 1), "const +1"), (lit(v - 1), "const -1")]
    if t in ("'0", "'1"):
        return [("'1" if t == "'0" else "'0", "const flip")]
    if re.fullmatch(r"\d+", t.replace("_", "")):
        v = int(t.replace("_", ""))
        out = [(str(v + 1), "const +1")]
        if v >= 1:
            out.append((str(v - 1), "const -1"))
        return out
    return []


WIDTH_RE = re.compile(r"\b(?:input|output)?\s*(?:logic|wire|reg)\s*\[(\d+):0\]\s*([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)")


def declared_widths(src):
    """name -> width for the vectors declared with a literal [N:0] (range-up mutations)."""
    w = {}
    clean = re.sub(r"//[^\n]*|/\*.*?\*/", "", src, flags=re.S)
    for m in WIDTH_RE.finditer(clean):
        for name in re.split(r"\s*,\s*", m.group(2)):
            w[name] = int(m.group(1)) + 1
    return w


# ---------------------------------------------------------------- rendering
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


def parse_file(path):
    src = open(path).read()
    ctx = Ctx(src, os.path.basename(path), declared_widths(src))
    ctx.port_opens, ctx.inst_opens, ctx.includes = [], [], []
    p = Parser(drop_off_branches(tokenize(src, ctx.fname)), ctx)
    p.items(set())
    return ctx


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
    return ctx.src[:n.start] + p["new"] + ctx.src[n.end:]


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
    for c, p in chosen:
        rows.append("\t".join([str(p["k"]), c.fname, str(p["line"]), p["module"], p["gen"] or "-",
                               p["op"], " ".join(p["orig"].split()), " ".join(p["new"].split())]))
    header = "k\tfile\tline\tmodule\tgenerate\toperator\toriginal\tmutated\n"
    if a.list:
        sys.stdout.write(header + "\n".join(rows) + "\n")
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
