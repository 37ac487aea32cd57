#!/usr/bin/env bash
# test_cli.sh -- the mmulab command as a user meets it: exit codes, messages
# (docs/trace-format.md, docs/cli.md), JSON keys with hand-computed values,
# determinism.  Usage: MMULAB=build/asan/mmulab bash cli/test/test_cli.sh
set -uo pipefail

MMULAB=${MMULAB:-build/mmulab}
cd "$(dirname "$0")/../.." || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; [[ -n ${2:-} ]] && printf '     %s\n' "$2"; }

# run ARGS...: run mmulab; sets $rc, $out, $err.
run() {
  "$MMULAB" "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  out=$(cat "$tmp/out")
  err=$(cat "$tmp/err")
}

# expect_error NAME MESSAGE ARGS...: exit 2, nothing on stdout, MESSAGE on stderr.
expect_error() {
  local name=$1 msg=$2
  shift 2
  run "$@"
  if [[ $rc -eq 2 && -z $out && $err == "$msg" ]]; then ok "$name"
  else bad "$name" "rc=$rc stdout=${out:0:80} stderr=$err (wanted: $msg)"; fi
}

# trace_file NAME LINES...: a trace file with the given lines.
trace_file() {
  local f=$tmp/$1
  shift
  printf '%s\n' "$@" >"$f"
  echo "$f"
}

# ---- command line ----
run --help
if [[ $rc -eq 0 && $out == usage:\ mmulab* && -z $err ]]; then ok "--help exits 0 with the usage"
else bad "--help exits 0 with the usage" "rc=$rc"; fi
missing=""
for o in --json --mode --tlb-entries --tlb-ways --tlb-policy --frames --pt-frames --swap --policy --ad \
         --fault-cycles --disk-cycles --l1-size --l1-ways --l1-lat --l2-size --l2-ways --l2-lat \
         --l3-size --l3-ways --l3-lat --dram-lat --line --cache-policy --seed --lookup-cycles --tlb-ram; do
  [[ $out == *"$o"* ]] || missing+=" $o"
done
if [[ -z $missing ]]; then ok "--help lists every option"; else bad "--help lists every option" "missing:$missing"; fi

expect_error "no trace" "mmulab: expected a trace file, got none (mmulab --help shows the usage)"
expect_error "unknown option" "mmulab: unknown option '--frobnicate' (mmulab --help lists them)" --frobnicate x
expect_error "bad number" "mmulab: option --frames: expected a number 1..65536, got 'abc'" --frames abc x
expect_error "bad choice" "mmulab: option --policy: expected lru, fifo, clock, opt or student, got 'min'" --policy min x
expect_error "missing value" "mmulab: option --seed: expected a number 0..4294967295, got nothing" x --seed
expect_error "bad lookup cycles" "mmulab: option --lookup-cycles: expected a number 1..2, got '3'" --lookup-cycles 3 x
# 48 entries / 1 way = 48 sets: the model's own check refuses it (mmu_config_check)
run --tlb-entries 48 --tlb-ways 1 x
if [[ $rc -eq 2 && -z $out && $err == "mmulab: bad configuration: "* ]]; then ok "bad configuration"
else bad "bad configuration" "rc=$rc stderr=$err"; fi
# contract 4a: the block-RAM TLB reads its set in LOOKUP's first cycle, so it needs two
expect_error "tlb-ram needs 2 lookup cycles" \
  "mmulab: bad configuration: the block-RAM TLB (tlb_ram) reads its set in LOOKUP's first cycle: it needs lookup cycles 2" \
  --tlb-ram x

# ---- trace errors: docs/trace-format.md, table "Errors" (line 3 after two good lines) ----
while IFS='|' read -r name line msg; do
  f=$(trace_file "$name.trace" "R 0" "# comment" "$line")
  expect_error "trace: $name" "mmulab: $f:3: $msg" "$f"
done <<'EOF'
bad-op|Q 1000|expected an operation R, W or X, got 'Q'
no-address|R|expected an address after 'R', got end of line
bad-hex|R 0xzz|expected a hex address (optional 0x, at most 64 bits), got '0xzz'
too-wide|R 0x10000000000000000|expected a hex address (optional 0x, at most 64 bits), got '0x10000000000000000'
noncanonical|R 4000000000|expected a canonical Sv39 address (bits 63..38 equal), got '4000000000'
bad-size|R 0 3|expected a size 1, 2, 4 or 8, got '3'
bad-pid|R 0 8 64|expected a pid 0..63, got '64'
extra-field|R 0 8 1 extra|expected end of line, got 'extra'
EOF
f=$(trace_file sv48.trace "R 0x800000000000")
expect_error "trace: noncanonical sv48" \
  "mmulab: $f:1: expected a canonical Sv48 address (bits 63..47 equal), got '0x800000000000'" --mode sv48 "$f"
expect_error "trace: missing file" "mmulab: cannot open '$tmp/none.trace': No such file or directory" "$tmp/none.trace"
f=$(trace_file empty.trace "# nothing but a comment" "")
expect_error "trace: empty" "mmulab: $f: expected at least one access, got none" "$f"
# an address good in Sv48 only (bit 38 set, bits 63..39 clear) runs with --mode sv48
f=$(trace_file wide.trace "W 4000000000" "R 4000000000")
run --mode sv48 "$f"
if [[ $rc -eq 0 ]]; then ok "sv48 address runs with --mode sv48"; else bad "sv48 address runs with --mode sv48" "$err"; fi

# ---- a tiny trace with hand-computed results ----
f=$(trace_file tiny.trace "W 0x1000" "R 0x1000" "R 0x1008 8 1")
run "$f"
if [[ $rc -eq 0 && -z $err && $out == *"data check: 2 loads verified against the shadow memory"* ]]; then
  ok "text report"
else bad "text report" "rc=$rc stderr=$err"; fi
run --json "$f"
if [[ $rc -eq 0 ]] && python3 -c 'import json,sys; json.load(sys.stdin)' <"$tmp/out"; then ok "--json is JSON"
else bad "--json is JSON" "rc=$rc"; fi
# Expected values, worked out by hand from docs/timing-contract.md:
#  W 0x1000 (pid 0): satp write 1 cycle.  Try 1: TLB miss, root PTE from DRAM -> fault:
#    1 accept + 201.  OS maps the page (1000 OS cycles) and sfences (1 cycle).  Try 2:
#    1 + (1 + root 4 + PTE(1) 200 + PTE(0) 200 + A/D re-read 4 + A/D write 4 + data 200)
#    = 614 (the A/D update is a compare-and-set, contract section 3a).
#  R 0x1000: TLB hit, data in L1: 1 + 5 = 6.
#  R 0x1008 pid 1: satp write 1; try 1 on its new root 1 + 201; sfence 1; try 2: 614.
#  MMU cycles 1+202+1+614+6+1+202+1+614 = 1642; OS 2 faults * 1000 = 2000; total 3642.
#  TLB: one hit (the R by pid 0); misses: 2 tries each for the two faulting accesses = 4.
python3 - "$tmp/out" <<'EOF' && ok "--json values of the tiny trace" || bad "--json values of the tiny trace"
import json, sys
j = json.load(open(sys.argv[1]))
want = {"accesses": 3, "page_faults": 2, "major_faults": 0, "evictions": 0, "tlb_hits": 1,
        "tlb_misses": 4, "cycles": 3642, "mmu_cycles": 1642, "os_cycles": 2000, "loads_verified": 2}
bad = {k: (j.get(k), v) for k, v in want.items() if j.get(k) != v}
if bad:
    print("     got, wanted:", bad)
    sys.exit(1)
EOF

# The same trace with the block-RAM TLB's rules on their 2-cycle lookup (contract 2a, 4a),
# model alone (the default RTL build refuses both): every one of the 5 requests above (two
# tries of each faulting access, the hit) is one LOOKUP cycle longer, so MMU cycles
# 1642 + 5 = 1647; the TLB is fully associative (one set) and no sfence falls between the
# fill and the hit, so the hits and misses stay. The config keys say which rules ran.
run --json --model-only --tlb-ram --lookup-cycles 2 "$f"
python3 - "$tmp/out" <<'EOF' && ok "--json: --tlb-ram --lookup-cycles 2 on the tiny trace" \
  || bad "--json: --tlb-ram --lookup-cycles 2 on the tiny trace"
import json, sys
j = json.load(open(sys.argv[1]))
want = {"tlb_hits": 1, "tlb_misses": 4, "cycles": 3647, "mmu_cycles": 1647}
bad = {k: (j.get(k), v) for k, v in want.items() if j.get(k) != v}
cfg = (j["config"].get("lookup_cycles"), j["config"].get("tlb_ram"))
if bad or cfg != (2, 1):
    print("     got, wanted:", bad, "config lookup_cycles, tlb_ram:", cfg)
    sys.exit(1)
EOF

# ---- a misaligned access across a page: two translations, a fault on the second ----
# W 0xff8 maps page 0 (fault 1).  R 0xffc 8 is R 0xffc 4 (page 0: no fault) and
# R 0x1000 4 (page 1: fault 2).  So 3 accesses, 2 faults, 1 split line, 2 loads checked.
f=$(trace_file cross.trace "W 0xff8" "R 0xffc 8")
run --json "$f"
python3 - "$tmp/out" <<'EOF' && ok "page-crossing access: two translations" || bad "page-crossing access: two translations"
import json, sys
j = json.load(open(sys.argv[1]))
want = {"accesses": 3, "split_lines": 1, "page_faults": 2, "loads_verified": 2, "reads": 2, "writes": 1}
bad = {k: (j.get(k), v) for k, v in want.items() if j.get(k) != v}
if bad:
    print("     got, wanted:", bad)
    sys.exit(1)
EOF
run "$f"
if [[ $out == *"split       1 trace lines crossed an 8-byte word: each piece is an access"* ]]; then
  ok "text report names the split line"; else bad "text report names the split line"; fi

# ---- options reach the run: the textbook string, 3 frames (Silberschatz: LRU 12, FIFO 15, OPT 9) ----
f=$tmp/textbook.trace
for p in 7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1; do printf 'R %x\n' $((p * 4096)); done >"$f"
for pol in lru:12 fifo:15 opt:9; do
  run --json --frames 3 --policy "${pol%%:*}" "$f"
  got=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["page_faults"])' <"$tmp/out" 2>/dev/null)
  if [[ $rc -eq 0 && $got == "${pol##*:}" ]]; then ok "textbook ${pol%%:*}: ${pol##*:} faults"
  else bad "textbook ${pol%%:*}: ${pol##*:} faults" "rc=$rc got=$got"; fi
done

# ---- Belady's string 1 2 3 4 1 2 5 1 2 3 4 5 (Silberschatz): FIFO 9 -> 10 faults with
# 3 -> 4 frames (the anomaly), LRU 10 -> 8, OPT 7 -> 6 ----
f=$tmp/belady.trace
for p in 1 2 3 4 1 2 5 1 2 3 4 5; do printf 'R %x\n' $((p * 4096)); done >"$f"
for want in fifo:3:9 fifo:4:10 lru:3:10 lru:4:8 opt:3:7 opt:4:6; do
  IFS=: read -r pol frames n <<<"$want"
  run --json --model-only --frames "$frames" --policy "$pol" "$f"
  got=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["page_faults"])' <"$tmp/out" 2>/dev/null)
  if [[ $rc -eq 0 && $got == "$n" ]]; then ok "belady $pol, $frames frames: $n faults"
  else bad "belady $pol, $frames frames: $n faults" "rc=$rc got=$got"; fi
done

# ---- the shipped trace: what `make run` must show, and determinism ----
run --json traces/default.trace
python3 - "$tmp/out" <<'EOF' && ok "default trace: TLB misses, major faults, swap-outs, evictions" \
  || bad "default trace: TLB misses, major faults, swap-outs, evictions"
import json, sys
j = json.load(open(sys.argv[1]))
zero = [k for k in ("tlb_misses", "tlb_hits", "major_faults", "swap_outs", "evictions", "minor_faults")
        if not j[k] > 0]
procs = sorted(p["pid"] for p in j["processes"])
if zero or procs != [0, 1, 2]:
    print("     zero:", zero, "pids:", procs)
    sys.exit(1)
EOF
for mode in "" --json; do
  "$MMULAB" $mode traces/default.trace >"$tmp/a" 2>&1
  "$MMULAB" $mode traces/default.trace >"$tmp/b" 2>&1
  if cmp -s "$tmp/a" "$tmp/b"; then ok "deterministic ${mode:-text} output"; else bad "deterministic ${mode:-text} output"; fi
done

# ---- real programs: import-lackey and record (docs/import.md) ----
printf '%s\n' '==7== Lackey' 'I  00401000,4' ' M 00602ffe,4' >"$tmp/small.log"
run import-lackey --pid 2 "$tmp/small.log"
# hand-derived: the modify crosses the page at 0x603000, so its load and its store split 2 + 2
want=$'X 0x401000 4 2\nR 0x602ffe 2 2\nR 0x603000 2 2\nW 0x602ffe 2 2\nW 0x603000 2 2'
if [[ $rc -eq 0 && $(grep -v '^#' <<<"$out") == "$want" ]]; then ok "import-lackey to stdout"
else bad "import-lackey to stdout" "rc=$rc out=$out err=$err"; fi
printf '%s\n' 'I  00401000,4' ' L 00402000,8' ' Q 00403000,8' >"$tmp/bad.log"
expect_error "import-lackey: bad line" "mmulab: $tmp/bad.log:3: expected a lackey record 'I|L|S|M ADDR,SIZE' (valgrind --tool=lackey --trace-mem=yes), got 'Q 00403000,8'" \
  import-lackey -o "$tmp/bad.trace" "$tmp/bad.log"
if [[ ! -e $tmp/bad.trace ]]; then ok "import-lackey: no partial output"; else bad "import-lackey: no partial output"; fi
run import-lackey --pid 64 "$tmp/small.log"
if [[ $rc -eq 2 && -z $out && $err == "mmulab import-lackey: option --pid: expected a pid 0..63, got '64'"* ]]; then
  ok "import-lackey: bad pid"; else bad "import-lackey: bad pid" "rc=$rc err=$err"; fi
# A program whose stores we know: 64 stores of 8 bytes to a global array,
# whose address it prints.  Its recorded trace must hold each of them.
printf '%s\n' '#include <stdio.h>' 'static volatile long a[64];' \
  'int main(void) { for (int i = 0; i < 64; i++) a[i] = i; printf("%lx\n", (unsigned long)(void *)a); return 0; }' \
  >"$tmp/stores.c"
if gcc -O1 -no-pie -o "$tmp/stores" "$tmp/stores.c"; then
  run record --pid 3 -o "$tmp/stores.trace.gz" -- "$tmp/stores"
  base=$(head -n 1 <<<"$out")
  found=0
  if [[ $rc -eq 0 && $base =~ ^[0-9a-f]+$ ]]; then
    zcat "$tmp/stores.trace.gz" >"$tmp/stores.trace"
    for i in $(seq 0 63); do
      grep -qx "W 0x$(printf '%x' $((0x$base + 8 * i))) 8 3" "$tmp/stores.trace" && found=$((found + 1))
    done
  fi
  if ((found == 64)); then ok "record: all 64 known stores are in the trace"
  else bad "record: all 64 known stores are in the trace" "rc=$rc found=$found err=$err"; fi
  # the gzip trace runs as it is, one access per trace line
  run --model-only --json "$tmp/stores.trace.gz"
  got=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["accesses"])' <"$tmp/out" 2>/dev/null)
  if [[ $rc -eq 0 && $got == "$(grep -vc '^#' "$tmp/stores.trace")" ]]; then ok "a recorded gzip trace runs ($got accesses)"
  else bad "a recorded gzip trace runs" "rc=$rc got=$got err=$err"; fi
else bad "record: cannot compile the test program"; fi
run record -o "$tmp/x.trace" -- "$tmp/no-such-program"
if [[ $rc -eq 2 && ! -s $tmp/x.trace ]]; then ok "record: a program that cannot run is an error"
else bad "record: a program that cannot run is an error" "rc=$rc err=$err"; fi

echo "test_cli.sh: $pass passed, $fail failed"
((fail == 0))
