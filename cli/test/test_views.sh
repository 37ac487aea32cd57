#!/usr/bin/env bash
# test_views.sh -- the OS views (--vmstat, --free, --pmap, --proc-vmstat) and `mmulab sweep`,
# on tiny traces whose numbers are worked out by hand below (docs/views.md), plus cross-checks
# of the views against the report's own counters on the shipped trace.
# Usage: MMULAB=build/asan/mmulab bash cli/test/test_views.sh
set -uo pipefail

MMULAB=${MMULAB:-build/mmulab}
case $MMULAB in /*) ;; *) MMULAB=$PWD/$MMULAB ;; esac
cd "$(dirname "$0")/../.." || exit 1
. cli/test/lib.sh   # $tmp, ok/bad/same, run, expect_error

# ---- the views on a hand-made trace ----
# 3 user frames, 8 swap slots, LRU, Svadu (hardware sets A and D), 32-entry TLB, pid 0.
# Pages A = 0x10000, B = 0x11000, C = 0x12000, D = 0x20000; all in one leaf table.
#   1 W A   minor fault (A zero-filled into frame 0), retried: D set by the store
#   2 R A   TLB hit
#   3 W B   minor fault                                   -> row 1 at 3 accesses
#   4 R C   minor fault, clean (A only)
#   5 W D   minor fault, no frame free: LRU victim A (last used at 2), dirty -> swap out
#   6 R D   TLB hit                                       -> row 2 at 6 accesses
#   7 R A   major fault: A read back from swap (its slot freed, mapped with D=1);
#           victim B (used at 3; C at 4, D at 6), dirty -> swap out
#                                                         -> row 3 (the partial one) at 7
cat >"$tmp/views.trace" <<'T'
W 0x10000
R 0x10000
W 0x11000
R 0x12000
W 0x20000
R 0x20000
R 0x10000
T
opts=(--frames 3 --swap 8 --policy lru "$tmp/views.trace")

# Row columns: accesses swpd free used (kB at the row's end) si so minflt majflt evict (in the
# interval) TLB hit%.  TLB per interval: a faulting try misses and fills nothing, its retry misses
# and fills, so each fault is 2 misses; a repeat of the last page hits.
#   row 1: faults at 1 and 3 -> 4 misses, 1 hit (2) -> 20.00%; frames used A B: 8 kB, free 4 kB
#   row 2: faults at 4 and 5 -> 4 misses, 1 hit (6) -> 20.00%; so 1 (A), evict 1; swpd 4 (A)
#   row 3: fault at 7 -> 2 misses, 0 hits; si 1 (A), so 1 (B), majflt 1; swpd 4 (B; A's slot freed)
# AMAT of row 1 (docs/timing-contract.md: LOOKUP 1 cycle, each stage the latency of the level
# holding its line, cold caches): 1 W A try 1 = 1 + root PTE from DRAM 200 = 201 (V=0 at the
# root); retry = 1 + root PTE 4 (L1 now) + level-1 PTE 200 + level-0 PTE 200 + the A/D
# compare-and-set (contract 3a: ADR re-read 4 + AD write 4, the PTE's line in L1) + data 200 =
# 613; 2 R A = 1 + data 4 = 5; 3 W B try 1 = 1 + 4 + 4 + 4 (B's PTE shares A's 64-byte line) =
# 13, retry = 13 + ADR 4 + AD 4 + data 200 = 221.  (201+613+5+13+221)/5 = 1053/5 = 210.60.
run --vmstat 3 "${opts[@]}"
rows=$(awk 'NR > 1 { print $1, $2, $3, $4, $5, $6, $7, $8, $9, $10 }' <<<"$out")
same "--vmstat 3: rows (text)" "$rows" "3 0 4 8 0 0 2 0 0 20.00
6 4 0 12 0 1 2 0 1 20.00
7 4 0 12 1 1 0 1 1 0.00"
same "--vmstat 3: AMAT of row 1 (hand-computed cycles)" "$(awk 'NR == 2 { print $11 }' <<<"$out")" "210.60"
same "--vmstat 3: header first, no report" "$(head -n 1 <<<"$out" | awk '{ print $1, $2, $5, $7 }')" "accesses swpd(kB) si minflt"
# an interval of 7 or more: one row, the whole run; its counts are the run's totals
run --vmstat 7 "${opts[@]}"
same "--vmstat 7: one row with the totals" "$(awk 'NR == 2 { print $1, $5, $6, $7, $8, $9 }' <<<"$out")" "7 1 2 4 1 2"

# free: 3 frames = 12 kB, all used; 8 slots = 32 kB, B's page in swap
run --free "${opts[@]}"
same "--free" "$out" "               total        used        free
Mem:              12          12           0
Swap:             32           4          28"

# pmap: A B C are consecutive (one range of 12 kB), D alone.  A resident and dirty (back from
# swap with D=1), B in swap, C resident and clean, D resident and dirty.
run --pmap "${opts[@]}"
same "--pmap: ranges and total" "$(sed -n '3,4p;6p' <<<"$out" | awk '{ print $1, $2, $3, $4, $5 }')" \
  "0000000000010000 12 8 4 4
0000000000020000 4 4 4 0
total kB 16 12 8"
same "--pmap: header names the pid" "$(head -n 1 <<<"$out")" "pmap 0 (ASID 0)"

# /proc/vmstat: 4 minor + 1 major faults (no A/D faults under Svadu); 2 evictions, both dirty;
# 3 page-table pages (Sv39: root, one level-1 and one level-0 table cover all four pages);
# TLB 2 hits, 10 misses (5 faults x 2), one walk per miss.
run --proc-vmstat "${opts[@]}"
got=$(grep -E '^(nr_free_pages|nr_anon_pages|nr_page_table_pages|nr_swap_pages_used|pgfault|pgmajfault|pgminfault|pgadfault|pswpin|pswpout|pgsteal|pgdrop_clean|oom_kill|tlb_hit|tlb_miss|page_walk) ' <<<"$out" | tr '\n' ' ')
same "--proc-vmstat counters" "$got" "nr_free_pages 0 nr_anon_pages 3 nr_page_table_pages 3 nr_swap_pages_used 1 pgfault 5 pgmajfault 1 pgminfault 4 pgadfault 0 pswpin 1 pswpout 2 pgsteal 2 pgdrop_clean 0 oom_kill 0 tlb_hit 2 tlb_miss 10 page_walk 10 "

# Svade: the firmware sets A/D by faults.  W A maps A with A=D=1 at its first fault (a store),
# R C maps C with A only; so no fault is an A/D fault here either, but the mapping sets D.
run --proc-vmstat --ad svade "${opts[@]}"
same "--proc-vmstat under svade: same faults" "$(grep -E '^(pgfault|pgadfault|pswpout) ' <<<"$out" | tr '\n' ' ')" \
  "pgfault 5 pgadfault 0 pswpout 2 "

# JSON: one object, the report's keys and the views'
run --json --vmstat 3 --free --pmap --proc-vmstat "${opts[@]}"
if [[ $rc -eq 0 ]] && python3 - "$tmp/out" <<'P'
import json, sys
o = json.load(open(sys.argv[1]))
rows = o["vmstat"]["rows"]
assert o["vmstat"]["every"] == 3
assert [(r["accesses"], r["swpd_kb"], r["free_kb"], r["si"], r["so"], r["minor_faults"], r["major_faults"],
         r["evictions"], r["tlb_hits"], r["tlb_misses"]) for r in rows] == \
       [(3, 0, 4, 0, 0, 2, 0, 0, 1, 4), (6, 4, 0, 0, 1, 2, 0, 1, 1, 4), (7, 4, 0, 1, 1, 0, 1, 1, 0, 2)], rows
assert rows[0]["latency_sum"] == 1053 and rows[0]["mmu_responses"] == 5   # the AMAT sum above
assert rows[0]["tlb_hit_pct"] == 20.0
assert o["free_kb"] == {"mem": {"total": 12, "used": 12, "free": 0}, "swap": {"total": 32, "used": 4, "free": 28}}
p = o["pmap"][0]
assert p["pid"] == 0 and p["total"] == {"kb": 16, "rss_kb": 12, "dirty_kb": 8, "swap_kb": 4}, p
assert [r["start"] for r in p["ranges"]] == ["0x0000000000010000", "0x0000000000020000"]
assert o["proc_vmstat"]["pgfault"] == 5 and o["proc_vmstat"]["pswpout"] == 2
assert o["page_faults"] == 5 and o["major_faults"] == 1   # the report's keys are still there
P
then ok "--json with every view: one object, hand-computed values"; else bad "--json with every view" "rc=$rc"; fi

# ---- cross-checks on the shipped trace (several processes, swap, evictions) ----
# The rows' interval counts must add up to the report's totals; pmap's page-table walk must
# find exactly the pages the firmware counts per process (VmRSS, VmSwap).
"$MMULAB" --json traces/default.trace >"$tmp/report.json" 2>/dev/null
run --json --vmstat 1000 --pmap traces/default.trace
if [[ $rc -eq 0 ]] && python3 - "$tmp/report.json" "$tmp/out" <<'P'
import json, sys
rep, v = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
rows = v["vmstat"]["rows"]
assert rows[-1]["accesses"] == rep["accesses"]
assert all(r["accesses"] % 1000 == 0 for r in rows[:-1])
for col, key in [("minor_faults", "minor_faults"), ("major_faults", "major_faults"), ("si", "swap_ins"),
                 ("so", "swap_outs"), ("evictions", "evictions"), ("tlb_hits", "tlb_hits"), ("tlb_misses", "tlb_misses")]:
    assert sum(r[col] for r in rows) == rep[key], (col, sum(r[col] for r in rows), rep[key])
assert sum(r["mmu_cycles"] + r["os_cycles"] for r in rows) == rep["cycles"]
assert rows[-1]["used_kb"] == rep["memory_kb"]["mem_used"] and rows[-1]["swpd_kb"] == rep["memory_kb"]["swap_used"]
procs = {p["pid"]: p for p in rep["processes"] if p["state"] == "alive"}
maps = {m["pid"]: m["total"] for m in v["pmap"]}
assert sorted(procs) == sorted(maps) and len(maps) > 1, (procs.keys(), maps.keys())
for pid, p in procs.items():
    assert maps[pid]["rss_kb"] == p["rss_kb"] and maps[pid]["swap_kb"] == p["swap_kb"], (pid, maps[pid], p)
P
then ok "default trace: vmstat intervals sum to the report, pmap = VmRSS/VmSwap of every process"
else bad "default trace: views against the report" "rc=$rc"; fi

expect_error "--vmstat 0 refused" "mmulab: option --vmstat: expected a number 1..1099511627776, got '0'" \
  --vmstat 0 "$tmp/views.trace"

# ---- mmulab sweep ----
# page_trace NAME PAGES...: a trace reading one word of each page in turn (page k at 0x10000 + k*4K).
page_trace() {
  local f=$tmp/$1 p
  shift
  for p in "$@"; do printf 'R 0x%x\n' $((0x10000 + p * 4096)); done >"$f"
  echo "$f"
}
# csv_col FILE COLUMN: that column of every data row, space-separated.
csv_col() { python3 -c 'import csv,sys; print(" ".join(r[sys.argv[2]] for r in csv.DictReader(open(sys.argv[1]))))' "$1" "$2"; }

# Belady's anomaly (Belady, Nelson, Shedler 1969; every OS textbook): FIFO on 1 2 3 4 1 2 5 1 2 3 4 5
# gives 9 faults with 3 frames and 10 with 4.  With 1 or 2 frames every reference faults (12: no
# page is referenced twice within 2 steps); with 5 frames only the 5 first touches fault.
bel=$(page_trace belady.trace 1 2 3 4 1 2 5 1 2 3 4 5)
(cd "$tmp" && "$MMULAB" sweep --param frames --from 1 --to 5 --policy fifo --out fifo "$bel" >out.txt 2>err.txt)
rc=$?
same "sweep fifo: exit 0, nothing on stderr (no terminal: no progress bar)" "$rc:$(cat "$tmp/err.txt")" "0:"
same "sweep fifo frames 1..5: Belady's anomaly" "$(csv_col "$tmp/fifo.csv" page_faults)" "12 12 9 10 5"
same "sweep fifo: the anomaly is named" "$(grep -c "^Belady's anomaly: 4 frames give 10 page faults, 3 frames 9" "$tmp/out.txt")" "1"
same "sweep fifo: CSV's first column" "$(head -n 1 "$tmp/fifo.csv" | cut -d, -f1-3)" "frames,accesses,page_faults"
# LRU is a stack algorithm: no anomaly; textbook counts 10 with 3 frames, 8 with 4
run sweep --param frames --from 1 --to 5 --policy lru --out "$tmp/lru" --no-plot "$bel"
same "sweep lru frames 1..5: 12 12 10 8 5, no anomaly" "$(csv_col "$tmp/lru.csv" page_faults):$(grep -c Belady <<<"$out")" "12 12 10 8 5:0"
same "sweep --no-plot: only the CSV" "$(ls "$tmp" | grep -c '^lru\.')" "1"

# Silberschatz's reference string with 3 frames: OPT 9, LRU 12, FIFO 15 page faults.
sil=$(page_trace silberschatz.trace 7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1)
for pf in opt:9 lru:12 fifo:15; do
  run sweep --param frames --values 3 --policy "${pf%%:*}" --out "$tmp/s-${pf%%:*}" --no-plot "$sil"
  same "sweep ${pf%%:*} on the textbook string, 3 frames: ${pf#*:} faults" "$(csv_col "$tmp/s-${pf%%:*}.csv" page_faults)" "${pf#*:}"
done

# TLB entries: 4 pages read in a cycle, 5 times (20 reads).  An LRU TLB with fewer than 4
# entries always evicts the page needed next: every read misses (20, plus the 4 faulting first
# tries) and nothing hits.  With 4 entries only the first round misses (4 faulting tries + 4
# retries = 8) and the other 16 reads hit.
cyc=$(page_trace cycle.trace 1 2 3 4 1 2 3 4 1 2 3 4 1 2 3 4 1 2 3 4)
run sweep --param tlb-entries --from 1 --to 4 --out "$tmp/tlb" --no-plot "$cyc"
same "sweep tlb-entries 1..4: hits 0 0 0 16" "$(csv_col "$tmp/tlb.csv" tlb_hits)" "0 0 0 16"
same "sweep tlb-entries 1..4: misses 24 24 24 8" "$(csv_col "$tmp/tlb.csv" tlb_misses)" "24 24 24 8"
# every walk cycle is a PTE stage or an A/D write-back: the per-level cycles (count x latency)
# never exceed the walk cycles, and what is left is the A/D writes' share
if python3 - "$tmp/tlb.csv" <<'P'
import csv, sys
for r in csv.DictReader(open(sys.argv[1])):
    lv = sum(int(r["walk_cycles_" + l]) for l in ("l1", "l2", "l3", "dram"))
    assert lv + int(r["walk_cycles_ad"]) == int(r["walk_cycles"]) and int(r["walk_cycles_ad"]) >= 0, r
    assert int(r["pte_l1"]) * 4 == int(r["walk_cycles_l1"]) and int(r["pte_dram"]) * 200 == int(r["walk_cycles_dram"])
P
then ok "sweep CSV: walk cycles by level add up"; else bad "sweep CSV: walk cycles by level add up"; fi

# the plots: a PNG and an SVG from the generated gnuplot script, the same bytes every time
if [[ -s $tmp/fifo.png && $(head -c 8 "$tmp/fifo.png" | od -An -tx1 | tr -d ' ') == 89504e470d0a1a0a ]] &&
   grep -q '<title>page faults</title>' "$tmp/fifo.svg" && grep -q 'user frames (4 KiB pages of RAM)' "$tmp/fifo.svg"
then ok "sweep: PNG and SVG written, labelled"; else bad "sweep: PNG and SVG written, labelled"; fi
cp "$tmp/fifo.png" "$tmp/first.png"
cp "$tmp/fifo.svg" "$tmp/first.svg"
(cd "$tmp" && "$MMULAB" sweep --param frames --from 1 --to 5 --policy fifo --out fifo "$bel" >/dev/null 2>&1)
if cmp -s "$tmp/fifo.png" "$tmp/first.png" && cmp -s "$tmp/fifo.svg" "$tmp/first.svg" && ! grep -qi 'date' "$tmp/fifo.svg"
then ok "sweep: plots are deterministic (no date)"; else bad "sweep: plots are deterministic"; fi

# bad sweeps: exit 2, nothing on stdout, the reason on stderr
expect_error "sweep: no --param" "mmulab sweep: expected --param OPTION, got none" sweep --from 1 --to 2 "$bel"
expect_error "sweep: --param not a numeric option" \
  "mmulab sweep: option --param: expected an mmulab option that takes a number (frames, tlb-entries, l1-size, ...), got 'policy'" \
  sweep --param policy --from 1 --to 2 "$bel"
expect_error "sweep: --from > --to" "mmulab sweep: expected --from <= --to, got 5 > 1" sweep --param frames --from 5 --to 1 "$bel"
expect_error "sweep: bad --values" "mmulab sweep: option --values: expected a number (K/M/G suffix allowed), got 'x'" \
  sweep --param frames --values 1,x "$bel"
expect_error "sweep: value out of the option's range" \
  "mmulab sweep: option --frames: expected a number 1..65536, got '0'" sweep --param frames --values 0,1 "$bel"
expect_error "sweep: --json refused" \
  "mmulab sweep: option --json: not for a sweep (the runs are the C model alone; the CSV is the data)" \
  sweep --param frames --values 1 --json "$bel"
expect_error "sweep: missing trace file" \
  "mmulab sweep: cannot open '$tmp/nope.trace': No such file or directory" sweep --param frames --values 1 "$tmp/nope.trace"
printf 'R 0x10000\nQ 1\n' >"$tmp/badline.trace"
expect_error "sweep: bad trace line" \
  "mmulab sweep: $tmp/badline.trace:2: expected an operation R, W or X, got 'Q'" sweep --param frames --values 1 "$tmp/badline.trace"

# ---- mmulab run: record a program and run it, one command ----
# The kept trace (-o) run again by hand must give the same counters: run = record + mmulab.
run run --model-only --proc-vmstat -o "$tmp/true.trace.gz" -- /bin/true
first=$out
run --model-only --proc-vmstat "$tmp/true.trace.gz"
if [[ -n $first && $first == "$out" && $(grep -c '^pgfault [1-9]' <<<"$first") == 1 ]]; then
  ok "mmulab run -o: same views as mmulab on the recorded trace"
else bad "mmulab run -o: same views as mmulab on the recorded trace" "${first:0:80} / ${out:0:80}"; fi
# The temporary trace is made in $TMPDIR (a directory of this test's own, so that other
# runs' files in /tmp do not count) and removed; a TMPDIR that does not exist is an error,
# which shows the directory is the one used.
mkdir -p "$tmp/runtmp"
TMPDIR=$tmp/runtmp run run --model-only --free -- /bin/true
same "mmulab run: the free view, the temporary trace removed"   "$rc:$(head -n 1 <<<"$out" | awk '{ print $1 }'):$(ls "$tmp/runtmp" | wc -l)" "0:total:0"
TMPDIR=$tmp/nodir expect_error "mmulab run: TMPDIR that does not exist" \
  "mmulab run: cannot make a temporary file in $tmp/nodir: No such file or directory" run --model-only -- /bin/true
expect_error "mmulab run without -- PROGRAM" "mmulab run: expected -- PROGRAM [ARGS...] after the options" run --free

echo "$pass passed, $fail failed"
((fail == 0))
