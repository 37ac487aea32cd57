#!/bin/sh
# bench-workloads.sh -- the workloads rows of make bench: each recorded workload run whole by
# mmulab, the C model alone (--model-only) and model + RTL in lockstep; accesses/s and simulated
# MMU cycles/s of each (docs/bench.md).  Wall time of the whole command: loading the gzip trace,
# the firmware and the report included.  Measured only, never asserted.
# Usage: scripts/bench-workloads.sh MMULAB TRACE...
set -eu
MMULAB=$1
shift
[ $# -gt 0 ] || { echo "bench-workloads: expected workload traces (make workload-traces)" >&2; exit 2; }

now() { date +%s.%N; }
# field KEY FILE: a top-level number of mmulab's JSON report
field() { sed -n "s/.*\"$1\": \([0-9]*\).*/\1/p" "$2" | head -n 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "workloads   each trace whole through mmulab (wall time of the command; M = 10^6, k = 10^3)"
printf '%-14s %9s %10s | %8s %9s %9s | %8s %9s %9s %8s\n' workload accesses "MMU cycles" \
  "model s" accesses/s cycles/s "lockstep" accesses/s cycles/s "x model"
for t in "$@"; do
  name=$(basename "$t" .trace.gz)
  t0=$(now); "$MMULAB" --model-only --json "$t" >"$tmp/m.json"; t1=$(now)
  "$MMULAB" --json "$t" >"$tmp/l.json"; t2=$(now)
  acc=$(field accesses "$tmp/m.json") cyc=$(field mmu_cycles "$tmp/m.json")
  [ "$(field mmu_cycles "$tmp/l.json")" = "$cyc" ] || { echo "bench-workloads: $name: lockstep and model-only differ" >&2; exit 1; }
  awk -v n="$name" -v a="$acc" -v c="$cyc" -v t0="$t0" -v t1="$t1" -v t2="$t2" '
    function h(x) { return x >= 1e6 ? sprintf("%.2fM", x / 1e6) : sprintf("%.1fk", x / 1e3) }
    BEGIN { m = t1 - t0; l = t2 - t1
            printf "%-14s %9d %10d | %8.2f %9s %9s | %8.2f %9s %9s %7.1fx\n", n, a, c, m, h(a / m), h(c / m),
                   l, h(a / l), h(c / l), l / m }'
done
