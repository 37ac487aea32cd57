#!/usr/bin/env python3
"""Turn a hand-derived traces/scenarios/*.expect (format in sv39_pages.expect)
into a lab 1 answers file: 'N pa 0x..' or 'N fault CAUSE' per access."""
import sys

pa, cause, count = {}, {}, 0
for line in open(sys.argv[1]):
    w = line.split("#")[0].split()
    if len(w) == 2 and w[0] == "count":
        count = int(w[1])
    elif len(w) == 3 and w[1] == "pa" and w[2] != "null":
        pa[int(w[0])] = w[2]
    elif len(w) == 3 and w[1] == "cause":
        cause[int(w[0])] = int(w[2])
for n in range(1, count + 1):
    if cause.get(n, 0):
        print("%d fault %d" % (n, cause[n]))
    elif n in pa:
        print("%d pa %s" % (n, pa[n]))
    else:
        sys.exit("%s: access %d has neither pa nor cause" % (sys.argv[1], n))
