#!/usr/bin/env bash
# test_hugepages.sh -- --page-size 2M end to end: the views in kB (--free, --pmap, --vmstat,
# --proc-vmstat, the report and its JSON), `mmulab sweep --param page-size`, the configuration
# errors, and runs in lockstep with the RTL (0 mismatches).  Every number is worked out by hand
# in the comment above it (docs/views.md, firmware/os.h).
# Usage: MMULAB=build/asan/mmulab MMULAB_LOCKSTEP=build/mmulab bash cli/test/test_hugepages.sh
set -uo pipefail

MMULAB=${MMULAB:-build/mmulab}
LOCK=${MMULAB_LOCKSTEP:-$MMULAB}
case $MMULAB in /*) ;; *) MMULAB=$PWD/$MMULAB ;; esac
case $LOCK in /*) ;; *) LOCK=$PWD/$LOCK ;; esac
cd "$(dirname "$0")/../.." || exit 1
. cli/test/lib.sh   # $tmp, ok/bad/same, run, expect_error
csv_col() { python3 -c 'import csv,sys; print(" ".join(r[sys.argv[2]] for r in csv.DictReader(open(sys.argv[1]))))' "$1" "$2"; }

# ---- the views with 2 MiB pages ----
# 3 frames of 2 MiB, 2 swap slots of 2 MiB, LRU, Svadu, pid 0.  Regions r0..r3 at 0x40000000 +
# n * 2 MiB (Sv39: one level-1 table under root entry 1).
#   W r0, W r1, W r2   3 minor faults, frames full, all dirty
#   W r3               minor fault, LRU victim r0 (dirty) -> swap slot 0: so 1, evict 1
#   R r3 + 8           TLB hit (one 2 MiB entry covers it)
cat >"$tmp/hp.trace" <<'T'
W 0x40000000
W 0x40200000
W 0x40400000
W 0x40600000
R 0x40600008
T
opts=(--page-size 2M --frames 3 --swap 2 --model-only "$tmp/hp.trace")

# free: 3 x 2048 kB = 6144 kB, all used; swap 2 x 2048 = 4096 kB, r0's 2048 in it
run --free "${opts[@]}"
same "--free with 2M pages (kB)" "$out" "               total        used        free
Mem:            6144        6144           0
Swap:           4096        2048        2048"

# pmap: r0..r3 are consecutive: one range of 4 x 2048 = 8192 kB; r1..r3 resident and dirty
# (6144 kB), r0 swapped (2048 kB: the swap mark sits in a level-1 PTE)
run --pmap "${opts[@]}"
same "--pmap with 2M pages" "$(sed -n '3p;5p' <<<"$out" | awk '{ print $1, $2, $3, $4, $5 }')" \
  "0000000040000000 8192 6144 6144 2048
total kB 8192 6144 6144"

# /proc/vmstat: page counts in 4 KiB pages as Linux's (3 x 512 anon, 512 in swap, 512 written
# out); events are events: 4 faults, 1 steal; page tables: root + one level-1 table = 2;
# TLB: 4 faults x 2 misses, 1 hit
run --proc-vmstat "${opts[@]}"
got=$(grep -E '^(nr_free_pages|nr_anon_pages|nr_page_table_pages|nr_swap_pages_used|pgfault|pgminfault|pswpin|pswpout|pgsteal|tlb_hit|tlb_miss) ' <<<"$out" | tr '\n' ' ')
same "--proc-vmstat with 2M pages" "$got" "nr_free_pages 0 nr_anon_pages 1536 nr_page_table_pages 2 nr_swap_pages_used 512 pgfault 4 pgminfault 4 pswpin 0 pswpout 512 pgsteal 1 tlb_hit 1 tlb_miss 8 "

# vmstat: one row for the 5 accesses: swpd 2048, free 0, used 6144 kB; so 1, 4 minor, 1 eviction
run --vmstat 5 "${opts[@]}"
same "--vmstat with 2M pages" "$(awk 'NR == 2 { print $1, $2, $3, $4, $5, $6, $7, $8, $9 }' <<<"$out")" "5 2048 0 6144 0 1 4 0 1"

# the report: VmRSS 3 x 2048, VmSwap 2048; the config line names the page size
run "${opts[@]}"
same "report: memory line names 2 MiB frames" "$(grep -c '^memory      3 user frames of 2 MiB,' <<<"$out")" "1"
same "report: Mem and Swap in kB" "$(grep -E '^  (Mem|Swap) ' <<<"$out" | awk '{ print $1, $2, $3, $4 }' | tr '\n' ' ')" \
  "Mem 6144 6144 0 Swap 4096 2048 2048 "
same "report: VmRSS, VmSwap of pid 0" "$(awk '$1 == "0" && $3 == "alive" { print $4, $5, $6 }' <<<"$out")" "6144 2048 2"
run --json "${opts[@]}"
if [[ $rc -eq 0 ]] && python3 - "$tmp/out" <<'P'
import json, sys
o = json.load(open(sys.argv[1]))
assert o["config"]["page_size"] == 2097152, o["config"]
assert o["memory_kb"]["mem_total"] == 6144 and o["memory_kb"]["mem_used"] == 6144, o["memory_kb"]
assert o["memory_kb"]["swap_total"] == 4096 and o["memory_kb"]["swap_used"] == 2048, o["memory_kb"]
assert o["memory_kb"]["page_tables_used"] == 8        # 2 table pages of 4 KiB
p = o["processes"][0]
assert p["rss_kb"] == 6144 and p["swap_kb"] == 2048, p
P
then ok "--json with 2M pages: kB of the page size"; else bad "--json with 2M pages" "rc=$rc"; fi

# Data through swap, 1 frame: W r0 (minor), W r1 (minor; r0 out), R r0 (major; r1 out, r0 in),
# R r1 (major; r0, mapped dirty, out; r1 in): 2 minor, 2 major, 3 outs, 2 ins, and both loads
# checked against the shadow
printf 'W 0x40000010\nW 0x40200020\nR 0x40000010\nR 0x40200020\n' >"$tmp/swap.trace"
run --json --page-size 2M --frames 1 --swap 4 --model-only "$tmp/swap.trace"
if [[ $rc -eq 0 ]] && python3 - "$tmp/out" <<'P'
import json, sys
o = json.load(open(sys.argv[1]))
assert o["loads_verified"] == 2 and o["major_faults"] == 2 and o["minor_faults"] == 2, o
assert o["swap_outs"] == 3 and o["swap_ins"] == 2, o
P
then ok "2M pages through swap: data verified, 2 major faults"; else bad "2M pages through swap" "rc=$rc ${err:0:200}"; fi

# ---- mmulab sweep --param page-size ----
# Reads of 8 consecutive 4 KiB pages of region 0, then 2 pages of region 1 (10 accesses).
# 4K: every access is a new page: 10 faults, 20 TLB misses (2 per fault), 0 hits.
# 2M: 2 regions: 2 faults, 4 misses, the other 8 accesses hit.
for k in 0 1 2 3 4 5 6 7; do printf 'R 0x%x\n' $((0x40000000 + k * 4096)); done >"$tmp/sweep.trace"
printf 'R 0x40200000\nR 0x40201000\n' >>"$tmp/sweep.trace"
run sweep --param page-size --values 4K,2M --no-plot --out "$tmp/ps" "$tmp/sweep.trace"
same "sweep page-size: exit 0" "$rc" "0"
same "sweep page-size: the page_size column" "$(head -n 1 "$tmp/ps.csv" | cut -d, -f1)" "page_size"
same "sweep page-size: values in bytes" "$(csv_col "$tmp/ps.csv" page_size)" "4096 2097152"
same "sweep page-size: faults fall 10 -> 2" "$(csv_col "$tmp/ps.csv" page_faults)" "10 2"
same "sweep page-size: TLB misses 20 -> 4" "$(csv_col "$tmp/ps.csv" tlb_misses)" "20 4"
same "sweep page-size: TLB hits 0 -> 8" "$(csv_col "$tmp/ps.csv" tlb_hits)" "0 8"
# the plot: a log x axis with the sizes as 4K and 2M, and the axis named
(cd "$tmp" && "$MMULAB" sweep --param page-size --values 4K,2M --out psplot "$tmp/sweep.trace" >/dev/null 2>&1)
if grep -q '^set logscale x 2$' "$tmp/psplot.gp" && grep -q '^set xtics ("4K" 4096, "2M" 2097152)$' "$tmp/psplot.gp" &&
   grep -q "page size of the OS's user pages" "$tmp/psplot.svg"
then ok "sweep page-size: plot axis in 4K, 2M (log)"; else bad "sweep page-size: plot axis"; fi
run sweep --param page-size --values 4K,2M,1G --no-plot --out "$tmp/ps1g" "$tmp/sweep.trace"
if [[ $rc -eq 2 && -z $out && $err == *"bad configuration: --page-size 1G does not fit"* ]]
then ok "sweep page-size with 1G: refused before any run"; else bad "sweep page-size with 1G" "rc=$rc $err"; fi

# ---- configuration errors ----
# 1 GiB of memory = 512 huge pages; the 4 MiB kernel pool takes 2: 510 fit, 511 do not
expect_error "--frames 511 --page-size 2M does not fit" \
  "mmulab: bad configuration: --frames 511 x --page-size 2M does not fit in physical memory: after the kernel pool (--pt-frames 1024 x 4K, rounded up to the page size) the 1 GiB holds at most 510 frames of that size" \
  --page-size 2M --frames 511 "$tmp/hp.trace"
run --page-size 2M --frames 510 --model-only "$tmp/hp.trace"
same "--frames 510 --page-size 2M fits" "$rc" "0"
expect_error "--page-size 1G does not fit" \
  "mmulab: bad configuration: --page-size 1G does not fit: physical memory is 1 GiB at 0x80000000 and holds the kernel pool too, so not one aligned page of that size is left for user frames" \
  --page-size 1G "$tmp/hp.trace"
expect_error "--page-size 8K refused" \
  "mmulab: option --page-size: expected 4K, 2M or 1G (a page size of Sv39/Sv48), got '8K'" --page-size 8K "$tmp/hp.trace"

# ---- lockstep: the RTL against the model with 2 MiB leaves, every port every cycle ----
lockstep() {
  local name=$1 o
  shift
  o=$("$LOCK" "$@" 2>&1)
  if grep -qE '^lockstep: [1-9][0-9]* cycles compared, 0 mismatches$' <<<"$o" &&
     grep -qE '^data check: [1-9][0-9]* loads verified' <<<"$o"
  then ok "lockstep $name"; else bad "lockstep $name" "$(tail -n 3 <<<"$o")"; fi
}
lockstep "2M, default trace" --page-size 2M traces/default.trace
lockstep "2M, 2 frames, swap, clock, svade, sv48" --page-size 2M --frames 2 --swap 16 --policy clock --ad svade \
  --mode sv48 traces/default.trace
lockstep "2M, 2 frames, opt" --page-size 2M --frames 2 --swap 16 --policy opt traces/default.trace
python3 scripts/gen_random_trace.py 5 3000 6 >"$tmp/random.trace"
lockstep "2M, random multi-process trace, fifo, 4 frames" --page-size 2M --frames 4 --swap 64 --policy fifo \
  "$tmp/random.trace"

echo "$pass passed, $fail failed"
((fail == 0))
