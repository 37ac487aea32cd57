#!/usr/bin/env python3
"""vlcov-summary.py -- line and toggle coverage of rtl/ from Verilator coverage files.

Usage: scripts/vlcov-summary.py FILE.dat...
Sums the points of every file by key (a point is one line/block or one signal bit of one
instance, as verilator --coverage-line --coverage-toggle counts them), then prints, for each
type and each rtl/ file, how many points were hit at least once.  Exit 2 on a bad file.
"""
import collections
import sys


def parse(path, points):
    try:
        text = open(path, 'rb').read().decode('latin-1')
    except OSError as e:
        sys.exit(f"vlcov-summary: cannot read {path}: {e.strerror}")
    for n, line in enumerate(text.splitlines(), 1):
        if not line or line.startswith('#'):
            continue
        if not line.startswith("C '") or "' " not in line:
            sys.exit(f"vlcov-summary: {path}:{n}: expected \"C '<key>' <count>\"")
        key, _, count = line[3:].rpartition("' ")
        try:
            points[key] += int(count)
        except ValueError:
            sys.exit(f"vlcov-summary: {path}:{n}: expected a count, got '{count}'")


def fields(key):
    out = {}
    for part in key.split('\x01'):
        name, _, value = part.partition('\x02')
        out[name] = value
    return out


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__.strip().splitlines()[2])
    points = collections.Counter()
    for path in argv[1:]:
        parse(path, points)
    by = collections.defaultdict(lambda: [0, 0])   # (type, file) -> [hit, total]
    for key, count in points.items():
        f = fields(key)
        kind = f.get('page', '?').split('/')[0].replace('v_', '')
        for k in ((kind, f.get('f', '?')), (kind, 'all of rtl/')):
            by[k][1] += 1
            by[k][0] += count > 0
    for kind in sorted({k for k, _ in by}):
        for name in sorted({f for k, f in by if k == kind}, key=lambda s: (s == 'all of rtl/', s)):
            hit, total = by[(kind, name)]
            print(f"{kind:7s} {name:24s} {hit:6d}/{total:<6d} {100.0 * hit / total:6.2f}%")
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
