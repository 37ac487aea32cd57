"""mutrtl/parser.py -- statements and module items of scripts/mutate-rtl.py: what is mutated where.

The parts that are never mutated (declarations, case labels, for headers, generate-if
conditions, `ifdef FORMAL, non-blocking right-hand sides, unused_* sinks) are skipped here.
"""
import os
import sys

from .exprs import Ctx, ExprParser
from .operators import declared_widths
from .tokens import drop_off_branches, tokenize


class Parser(ExprParser):
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



def parse_file(path):
    src = open(path).read()
    ctx = Ctx(src, os.path.basename(path), declared_widths(src))
    ctx.port_opens, ctx.inst_opens, ctx.includes = [], [], []
    p = Parser(drop_off_branches(tokenize(src, ctx.fname)), ctx)
    p.items(set())
    return ctx

