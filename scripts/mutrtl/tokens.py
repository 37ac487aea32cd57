"""mutrtl/tokens.py -- the tokens of the Verilog subset rtl/ is written in (scripts/mutate-rtl.py).

Tokens without whitespace and comments, and the `ifdef branches of build switches the
mutated copy is never verilated with left out.
"""
import re
import sys

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
# defines MMU_GATE; Yosys defines SYNTHESIS, the mutants' Verilator builds never do): their
# `ifdef branch is read as absent, the `else branch as the code, so a directive inside a
# statement (mmu_top's instance header) does not reach the parser, and no mutant is made of
# code that no lockstep run simulates (run 9's 655 was one).
OFF_DEFINES = {"MMU_GATE", "SYNTHESIS"}


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

