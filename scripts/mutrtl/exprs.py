"""mutrtl/exprs.py -- expressions of scripts/mutate-rtl.py: nodes, the per-file context, and the
precedence-climbing expression parser that records every mutation point.
"""
import re
import sys

from .operators import BINOPS, RED_SWAP, SWAP, UNARY, const_muts


class Node:
    """An expression with its source span [start, end) and its mutations."""
    __slots__ = ("start", "end", "kids", "muts", "line")

    def __init__(self, start, end, line, kids=()):
        self.start, self.end, self.line, self.kids, self.muts = start, end, line, list(kids), []



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



class ExprParser:
    """Token helpers and expressions; mutate=False parses without recording points."""

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

