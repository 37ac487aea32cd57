#!/bin/sh
# test_replay_tb.sh -- tb/icarus/replay_tb.sv, the bench's Icarus testbench, on stimulus files
# written here by hand (docs/bench.md, "Stimulus format"), so every expected count follows
# from the file: the replay and the +parse_only run (what mmubench subtracts from the replay's
# time) read the same cycles and writes; only the replay clocks the MMU and so sees a
# response; +max_cycles stops both at the same place; a bad line or foreign parameters are
# refused.  Part of make test (scripts/run-tests.sh).  Usage: tb/bench/test/test_replay_tb.sh
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
iverilog -g2012 -I rtl -s replay_tb -o "$dir/replay.vvp" tb/icarus/replay_tb.sv \
  $(sed 's://.*::' rtl/sim.f rtl/core.f)

# The P line of the default configuration, from cmodel/mmu_params.h (as verilator.mk reads it).
param() { sed -n "s/^#define MMU_DEFAULT_$1  *\(0x\)\{0,1\}\([0-9a-fA-F]*\)u.*/\2/p" cmodel/mmu_params.h; }
p="P"
for n in TLB_ENTRIES TLB_WAYS TLB_POLICY SEED L1_SIZE L1_WAYS L1_LAT L2_SIZE L2_WAYS L2_LAT \
         L3_SIZE L3_WAYS L3_LAT LINE DRAM_LAT CACHE_POLICY MEM_BASE MEM_SIZE; do
  v=$(param $n)
  [ -n "$v" ] || { echo "test_replay_tb: MMU_DEFAULT_$n not found in cmodel/mmu_params.h" >&2; exit 1; }
  p="$p $v"
done
base=$(param MEM_BASE)
idle_c="C 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"
# a read in Bare mode (satp 0: no translation) of the word the W line wrote, S mode
read_c="C 1 0 1 $base 0 0 0 0 0 0 0 0 0 0 0 0"
fnv0=cbf29ce484222325   # FNV-1a 64 offset basis: the digest of no response

fails=0
# expect NAME FILE ARGS... WANT: the testbench's totals line (or FAIL line) must contain WANT
expect() {
  name=$1 file=$2
  shift 2
  want=$(eval echo "\${$#}")
  args=
  while [ $# -gt 1 ]; do args="$args $1"; shift; done
  # shellcheck disable=SC2086
  got=$(vvp -n "$dir/replay.vvp" "+stim=$file" $args 2>&1 | grep '^replay_tb:' | tr '\n' ' ')
  case $got in
    *"$want"*) echo "ok   $name" ;;
    *) echo "FAIL $name: want '$want', got '$got'"; fails=$((fails + 1)) ;;
  esac
}

# 5 idle cycles, a backdoor write, one explicit all-zero cycle, 2 idle: 8 cycles, 1 write
cat >"$dir/idle.txt" <<EOF
mmulab-stimulus 1
$p
R $base 16
I 5
W $base 1234
$idle_c
I 2
E 8 1 0 $fnv0
EOF
expect "idle: replay" "$dir/idle.txt" "cycles 8 writes 1 responses 0 digest $fnv0 outside 0 complete 1"
expect "idle: parse-only reads the same" "$dir/idle.txt" +parse_only \
  "cycles 8 writes 1 responses 0 digest $fnv0 outside 0 complete 1"
# the write stands between cycle 5 and 6: a stop after 6 cycles has read it, one after 5 not
expect "idle: replay of 6 cycles" "$dir/idle.txt" +max_cycles=6 "cycles 6 writes 1 responses 0"
expect "idle: parse-only of 6 cycles" "$dir/idle.txt" +parse_only +max_cycles=6 \
  "cycles 6 writes 1 responses 0"
expect "idle: parse-only of 5 cycles" "$dir/idle.txt" +parse_only +max_cycles=5 \
  "cycles 5 writes 0 responses 0"

# one read request, then long enough for the DRAM (every level misses): one response
cat >"$dir/read.txt" <<EOF
mmulab-stimulus 1
$p
R $base 16
W $base 1234
$read_c
I 1000
E 1001 1 1 0
EOF
# its digest, computed here (FNV-1a 64 over paddr, rdata, tval, flags): the word the W line
# wrote, from DRAM (level 3: every cache is empty after reset), no fault, no TLB in Bare mode
dig=$(python3 -c "
P, M = 0x100000001b3, (1 << 64) - 1
h = 0x$fnv0
for w in (0x$base, 0x1234, 0, 3):   # paddr, rdata, tval, fault<<24|cause<<16|tlb_hit<<8|level
    h = ((h ^ w) * P) & M
print('%016x' % h)")
expect "read: the replay responds once, with the written word" "$dir/read.txt" \
  "cycles 1001 writes 1 responses 1 digest $dig"
expect "read: parse-only clocks nothing, so no response" "$dir/read.txt" +parse_only \
  "cycles 1001 writes 1 responses 0 digest $fnv0"

# refusals, in both modes
sed 's/^I 2$/X 2/' "$dir/idle.txt" >"$dir/bad.txt"
expect "a bad line: replay" "$dir/bad.txt" "FAIL: unreadable stimulus line"
expect "a bad line: parse-only" "$dir/bad.txt" +parse_only "FAIL: unreadable stimulus line"
sed 's/^P [0-9]* /P 16 /' "$dir/idle.txt" >"$dir/params.txt"
expect "other parameters: refused" "$dir/params.txt" +parse_only "FAIL: the stimulus was recorded with other RTL parameters"

[ "$fails" -eq 0 ] || { echo "test_replay_tb: $fails failed"; exit 1; }
echo "test_replay_tb: all passed"
