"""mutrtl/operators.py -- the mutation operators of scripts/mutate-rtl.py (docs/mutants.md).

Binary operators by precedence and their swaps, the unary operators and which are dropped,
reduction swaps, constant tweaks; and the declared widths that bound a range-up shift.
"""
import re

BINOPS = [  # lowest precedence first
    ["||"], ["&&"], ["|"], ["^", "~^", "^~"], ["&"], ["==", "!=", "===", "!=="],
    ["<", "<=", ">", ">="], ["<<", ">>", "<<<", ">>>"], ["+", "-"], ["*", "/", "%"], ["**"],
]
SWAP = {"==": "!=", "!=": "==", "<": "<=", "<=": "<", ">": ">=", ">=": ">", "&&": "||",
        "||": "&&", "&": "|", "|": "&", "^": "|", "+": "-", "-": "+"}
UNARY = {"!", "~", "-", "+", "&", "|", "^", "~&", "~|", "~^", "^~"}
RED_SWAP = {"&": "|", "|": "&", "~|": "|", "~&": "&"}


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


