#!/usr/bin/env python3
"""interleave_traces.py -- run several traces as processes sharing one CPU.

Takes QUANTUM accesses from each trace in turn (a round-robin scheduler's
time slice), rewriting each access's pid, until all are used up; comment
lines are dropped.  Inputs and output may be gzip (by name: .gz).

  scripts/interleave_traces.py QUANTUM OUT TRACE:PID [TRACE:PID ...]
"""
import gzip
import sys


def open_text(path, mode):
    return gzip.open(path, mode + "t") if path.endswith(".gz") else open(path, mode)


def main(argv):
    if len(argv) < 4 or not argv[1].isdigit() or int(argv[1]) < 1:
        sys.exit("usage: interleave_traces.py QUANTUM OUT TRACE:PID [TRACE:PID ...]")
    quantum, out = int(argv[1]), argv[2]
    inputs = []
    for spec in argv[3:]:
        path, _, pid = spec.rpartition(":")
        if not path or not pid.isdigit() or int(pid) > 63:
            sys.exit(f"interleave_traces.py: expected TRACE:PID with PID 0..63, got '{spec}'")
        inputs.append((path, open_text(path, "r"), pid))
    with open_text(out, "w") as w:
        live = list(inputs)
        while live:
            for item in list(live):
                path, f, pid = item
                taken = 0
                for line in f:
                    fields = line.split("#", 1)[0].split()
                    if not fields:
                        continue
                    if len(fields) < 3:
                        sys.exit(f"{path}: expected OP VADDR SIZE [PID], got '{line.strip()}'")
                    w.write(f"{fields[0]} {fields[1]} {fields[2]} {pid}\n")
                    taken += 1
                    if taken == quantum:
                        break
                if taken < quantum:
                    live.remove(item)
                    f.close()


if __name__ == "__main__":
    main(sys.argv)
