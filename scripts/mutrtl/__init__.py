"""mutrtl -- the parts of scripts/mutate-rtl.py (tokens, operators, exprs, parser,
sample); scripts/mutate-rtl.py is the command line.
"""
