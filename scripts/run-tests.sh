#!/usr/bin/env bash
# run-tests.sh -- run every mmulab test program and check; the last line is
# "N passed, M failed".  `make test` calls it once everything is built:
#   scripts/run-tests.sh MMULAB MMULAB_ASAN TRACE TEST_BIN...
# Env: CC, FREESTANDING_CFLAGS, BUILD (where the freestanding objects go),
# LOCKSTEP (the random lockstep driver), LOCKSTEP_BUGS and MMULAB_BUGS
# (the same two over the RTL with its deliberate bugs), SMALL_DIRS (the small
# RTL builds, each with its test_lockstep and mmulab.opts) and MMULAB_SMALL
# (an mmulab linked against each, in the same order), COV_REPORT (the
# functional coverage reporter, tb/verilator/cov_report.c).
set -uo pipefail

mmulab=$1 mmulab_asan=$2 trace=$3
shift 3
: "${CC:=gcc}" "${BUILD:=build}" "${FREESTANDING_CFLAGS:=-std=c11 -Wall -Wextra -Werror -O2 -ffreestanding -Iarch -Ifirmware}"
passed=0
failed=0
failures=()

# check NAME CMD...: run one test program or check and count it.
check() {
  local name=$1
  shift
  echo "=== $name"
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    failures+=("$name")
    echo "--- FAILED: $name"
  fi
}

# Compile each firmware file with no C library, link them into one
# relocatable object, and require that nothing is left undefined: the
# firmware may call nothing but itself and its HAL pointers.
freestanding() {
  local dir=$BUILD/free objs=() src undef
  rm -rf "$dir" && mkdir -p "$dir" || return 1
  for src in firmware/*.c; do
    objs+=("$dir/$(basename "${src%.c}").o")
    # shellcheck disable=SC2086  # the flags are a word list
    $CC $FREESTANDING_CFLAGS -c "$src" -o "${objs[-1]}" || return 1
  done
  ld -r -o "$dir/firmware.o" "${objs[@]}" || return 1
  undef=$(nm -u "$dir/firmware.o") || return 1
  if [[ -n $undef ]]; then
    echo "the firmware needs symbols it does not define:"
    echo "$undef"
    return 1
  fi
  echo "${#objs[@]} firmware files compile freestanding, nm -u is empty"
}

# mmulab ARGS... in lockstep must end with "lockstep: N cycles compared, 0 mismatches".
lockstep_run() {
  local out
  out=$("$mmulab" "$@") || { echo "mmulab $* failed"; return 1; }
  grep -E '^lockstep: [1-9][0-9]* cycles compared, 0 mismatches$' <<<"$out" || {
    echo "mmulab $*: no lockstep line"; return 1; }
}

# The shipped trace under several OS settings, and random multi-process
# traces (scripts/gen_random_trace.py), some with random initial flops.
lockstep_traces() {
  local dir=$BUILD/regress s
  mkdir -p "$dir" || return 1
  lockstep_run "$trace" &&
    lockstep_run --mode sv48 "$trace" &&
    lockstep_run --ad svade --policy clock "$trace" &&
    lockstep_run --policy fifo --frames 64 --swap 32 --rand-reset 7 "$trace" || return 1
  for s in 1 2 3; do
    python3 scripts/gen_random_trace.py "$s" 8000 $((4 + 4 * s)) > "$dir/random$s.trace" || return 1
  done
  lockstep_run --frames 96 "$dir/random1.trace" &&
    lockstep_run --frames 48 --swap 48 --rand-reset 11 "$dir/random2.trace" &&
    lockstep_run --ad svade --policy clock --frames 64 "$dir/random3.trace"
}

# Every shipped scenario whose memory is the RTL's, and random ones, run
# by `mmulab translate` with the RTL in lockstep.
translate_lockstep() {
  local f out n=0
  for f in traces/scenarios/*.scn; do
    grep -q '^mem ' "$f" && continue   # another memory range: the model alone
    out=$("$mmulab" translate "$f" | tail -n 1) || { echo "$f: mmulab exit status $?"; return 1; }
    [[ $out =~ ^lockstep:\ [1-9][0-9]*\ cycles\ compared,\ 0\ mismatches$ ]] || {
      echo "$f: $out"; return 1; }
    n=$((n + 1))
  done
  for f in 1 2 3 4 5; do
    out=$("$mmulab" translate --random "$f" | tail -n 1) || {
      echo "--random $f: mmulab exit status $?"; return 1; }
    [[ $out =~ ^#\ lockstep:\ [1-9][0-9]*\ cycles\ compared,\ 0\ mismatches$ ]] || {
      echo "--random $f: $out"; return 1; }
    n=$((n + 1))
  done
  echo "translate: $n scenarios in lockstep, 0 mismatches"
}

# A mismatch (deliberate RTL bug 3, a TLB hit across ASIDs, on the shipped
# trace) gives exit 1, a report, an FST window, and a GTKWave file whose
# every trace names a signal that is in the FST (GTKWave silently drops
# the others) and whose marker is on the reported cycle.  A second run gives
# a byte-identical report and waveform (determinism).
mismatch_files() {
  local dir=$BUILD/mismatch-check out cycle name missing=0
  rm -rf "$dir" && mkdir -p "$dir" || return 1
  out=$("$MMULAB_BUGS" --rtl-bug 3 --mismatch-out "$dir/m" "$trace")
  [[ $? -eq 1 ]] || { echo "expected exit 1"; return 1; }
  cycle=$(sed -n 's/^LOCKSTEP MISMATCH at cycle \([0-9]*\) .*/\1/p' <<<"$out")
  [[ -n $cycle && -s $dir/m.fst && -s $dir/m.gtkw ]] || { echo "no report or files"; return 1; }
  grep -q "^\*-[0-9.]* $((2 * cycle)) " "$dir/m.gtkw" || { echo "marker not on cycle $cycle"; return 1; }
  fst2vcd "$dir/m.fst" 2>/dev/null | sed -n '/\$var/s/^\$var [a-z]* [0-9]* [^ ]* \([^ ]*\) \(\[[0-9:]*\] \)\{0,1\}\$end$/\1\2/p' |
    tr -d ' ' | sort -u > "$dir/vars"
  while read -r name; do
    grep -qxF "${name##*.}" "$dir/vars" || { echo "not in the FST: $name"; missing=1; }
  done < <(grep '^TOP\.' "$dir/m.gtkw")
  ((missing == 0)) || return 1
  cp "$dir/m.fst" "$dir/first.fst" || return 1
  "$MMULAB_BUGS" --rtl-bug 3 --mismatch-out "$dir/m" "$trace" > "$dir/again.txt"
  cmp -s "$dir/again.txt" <(printf '%s\n' "$out") && cmp -s "$dir/first.fst" "$dir/m.fst" ||
    { echo "a second run gave another report or waveform"; return 1; }
  echo "mismatch at cycle $cycle: report, FST, GTKWave file with $(grep -c '^TOP\.' "$dir/m.gtkw") signals; rerun byte-identical"
}

# Two builds in one binary (issue 13; tb/verilator/rtl_twin.c, docs/bench.md): build/mmulab and
# build/mmulab-bugs run the fast untraced RTL and open its traced twin for --wave, a mismatch's
# replay (mismatch_files above and test_wave_model.sh run that through all three front ends) and
# --rand-reset.  test_rtl_twin asserts which build each run gets and that both give the same
# ports; here --wave on the default build writes an FST with both scopes (byte-identical when
# run again, no warning), and a random-reset mismatch replays the same way (its FST and marker).
two_builds() {
  local dir=$BUILD/twin-check out err cycle
  rm -rf "$dir" && mkdir -p "$dir" || return 1
  "${LOCKSTEP%/*}/test_rtl_twin" "$dir" || return 1
  out=$("$mmulab" --wave "$dir/w.fst" tb/test/bug-traces/bug3.trace 2>"$dir/err") || { echo "--wave run failed"; return 1; }
  grep -qE '^lockstep: [1-9][0-9]* cycles compared, 0 mismatches$' <<<"$out" || { echo "--wave: no lockstep line"; return 1; }
  [[ ! -s $dir/err ]] || { echo "--wave: $(cat "$dir/err")"; return 1; }
  fst2vcd "$dir/w.fst" 2>/dev/null | grep -c '^\$scope module mmu_\(top\|model\) ' > "$dir/scopes" || true
  [[ $(cat "$dir/scopes") == 2 ]] || { echo "--wave: the FST lacks TOP.mmu_top or TOP.mmu_model"; return 1; }
  cp "$dir/w.fst" "$dir/first.fst" && "$mmulab" --wave "$dir/w.fst" tb/test/bug-traces/bug3.trace >/dev/null &&
    cmp -s "$dir/first.fst" "$dir/w.fst" || { echo "--wave: a second run gave another FST"; return 1; }
  out=$("$MMULAB_BUGS" --rtl-bug 3 --rand-reset 7 --mismatch-out "$dir/r" tb/test/bug-traces/bug3.trace 2>"$dir/err")
  [[ $? -eq 1 ]] || { echo "--rand-reset --rtl-bug 3: expected exit 1"; return 1; }
  err=$(cat "$dir/err")
  cycle=$(sed -n 's/^LOCKSTEP MISMATCH at cycle \([0-9]*\) .*/\1/p' <<<"$out")
  [[ -z $err && -n $cycle && -s $dir/r.fst ]] || { echo "--rand-reset mismatch: no waveform: $err"; return 1; }
  grep -q "^\*-[0-9.]* $((2 * cycle)) " "$dir/r.gtkw" || { echo "--rand-reset: marker not on cycle $cycle"; return 1; }
  echo "fast build by default, traced twin for --wave, replays and --rand-reset; --wave FST byte-identical; random-reset replay at cycle $cycle"
}

# --deep also compares the TLB entries and LRU ages after every edge: a
# clean run stays at 0 mismatches, and a bug that first shows inside the
# TLB is caught earlier than by the ports.  Bug 5 (Svadu A/D write skipped)
# refills at the edge ending the leaf PTE stage instead of after the AD
# stage, so --deep stops one cycle before the model's AD write reaches the
# memory port; bug 2 (wrong LRU victim) differs at the refill that picks the
# victim, long before a later lookup hits or misses differently.
first_mismatch() {   # first_mismatch ARGS...: "CYCLE PORT" of a mismatch run
  local out
  out=$("$MMULAB_BUGS" --mismatch-out "$BUILD/deep-check" "$@")
  [[ $? -eq 1 ]] || return 1
  awk '/^LOCKSTEP MISMATCH at cycle/ {c = $5} /^  port / {getline; print c, $1; exit}' <<<"$out"
}
deep_compare() {
  lockstep_run --deep "$trace" && lockstep_run --deep --mode sv48 --ad svade --policy clock "$trace" || return 1
  local p d pc dc
  p=$(first_mismatch --rtl-bug 5 tb/test/bug-traces/bug5.trace) && d=$(first_mismatch --deep --rtl-bug 5 tb/test/bug-traces/bug5.trace) || return 1
  read -r pc _ <<<"$p"; read -r dc dport <<<"$d"
  [[ $dport == "tlb[0].valid" && $dc -eq $((pc - 1)) ]] || { echo "bug 5: ports '$p', deep '$d'"; return 1; }
  p=$(first_mismatch --rtl-bug 2 tb/test/bug-traces/bug2.trace) && d=$(first_mismatch --deep --rtl-bug 2 tb/test/bug-traces/bug2.trace) || return 1
  read -r pc _ <<<"$p"; read -r dc dport <<<"$d"
  [[ $dport == tlb\[* && $dc -lt $pc ]] || { echo "bug 2: ports '$p', deep '$d'"; return 1; }
  echo "deep: clean runs agree; bug 5 one cycle before the ports; bug 2 at cycle $dc (ports: $pc)"
}

# The recorded real programs (make workloads) in lockstep; two_procs must
# hold exactly the accesses of its two parts, each under its own pid.
workloads_check() {
  local d=$BUILD/workloads n1 n2 p1 p2
  scripts/workloads.py "$mmulab" "$d"/*.trace.gz || return 1
  n1=$(zcat "$d/list_walk.trace.gz" | grep -vc '^#') && n2=$(zcat "$d/hash_table.trace.gz" | grep -vc '^#') &&
    p1=$(zcat "$d/two_procs.trace.gz" | grep -c ' 1$') && p2=$(zcat "$d/two_procs.trace.gz" | grep -c ' 2$') ||
    return 1
  [[ $p1 -eq $n1 && $p2 -eq $n2 ]] || { echo "two_procs: pid 1 $p1 (want $n1), pid 2 $p2 (want $n2)"; return 1; }
  echo "two_procs: $p1 accesses of list_walk as pid 1, $p2 of hash_table as pid 2"
}

# Every small configuration (PLRU/random/LRU TLBs and caches, set-associative
# TLBs, 2-cycle L1: tb/verilator/verilator.mk RTL_SMALL*) in lockstep: the
# random driver (classic and coverage mix, random reset too), the directed scenarios that run
# on any TLB (ppn-high, same-level), then mmulab
# linked against that build, with its options, on the shipped trace and a
# random multi-process trace.
small_configs() {
  local dirs=($SMALL_DIRS) bins=($MMULAB_SMALL) i d opts rnd=$BUILD/regress/small.trace
  [[ ${#dirs[@]} -gt 0 && ${#dirs[@]} -eq ${#bins[@]} ]] || { echo "SMALL_DIRS/MMULAB_SMALL not set"; return 1; }
  mkdir -p "$BUILD/regress" && python3 scripts/gen_random_trace.py 9 6000 8 > "$rnd" || return 1
  for i in "${!dirs[@]}"; do
    d=${dirs[$i]}
    read -ra opts < "$d/mmulab.opts" || return 1
    echo "--- ${d##*/}: ${opts[*]}"
    "$d/test_lockstep" -n 3000 1 2 3 | tail -n 1 && "$d/test_lockstep" -n 1000 -r 4 5 | tail -n 1 &&
      "$d/test_lockstep" -X -n 3000 6 7 | tail -n 1 && "$d/test_lockstep" -d ppn-high | tail -n 1 &&
      "$d/test_lockstep" -d same-level | tail -n 1 || { echo "${d##*/}: test_lockstep failed"; return 1; }
    mmulab=${bins[$i]} lockstep_run "${opts[@]}" "$trace" &&
      mmulab=${bins[$i]} lockstep_run "${opts[@]}" --frames 48 --swap 48 "$rnd" || return 1
  done
}

# lookup_cycles = 2 (docs/timing-contract.md 2a; tb/verilator/verilator.mk RTL_LK2, the default
# configuration otherwise): the random driver (classic, random reset, coverage mix), every
# directed scenario, mmulab on the shipped trace (ports, --deep, Sv48/Svade); each build
# refuses the other's lookup_cycles.
lookup2() {
  local d=${LK2_DIR:?} bin=${MMULAB_LK2:?} s out
  "$d/test_lockstep" -n 2000 1 2 3 | tail -n 1 && "$d/test_lockstep" -n 1000 -r 4 5 | tail -n 1 &&
    "$d/test_lockstep" -X -n 3000 6 7 | tail -n 1 || { echo "lk2: test_lockstep failed"; return 1; }
  for s in walk lru asid global svadu misaligned-clean misaligned nonleaf refill-sfence hit-cause ad-cas \
           ppn-high same-level; do
    "$d/test_lockstep" -d "$s" | tail -n 1 || { echo "lk2: directed $s failed"; return 1; }
  done
  mmulab=$bin lockstep_run --lookup-cycles 2 "$trace" && mmulab=$bin lockstep_run --lookup-cycles 2 --deep "$trace" &&
    mmulab=$bin lockstep_run --lookup-cycles 2 --mode sv48 --ad svade --policy clock "$trace" || return 1
  out=$("$bin" "$trace" 2>&1) && { echo "lk2 build accepted lookup_cycles 1"; return 1; }
  [[ $out == *"lookup_cycles differs"* ]] || { echo "lk2 build, lookup_cycles 1: $out"; return 1; }
  out=$("$mmulab" --lookup-cycles 2 "$trace" 2>&1) && { echo "default build accepted lookup_cycles 2"; return 1; }
  [[ $out == *"lookup_cycles differs"* ]] || { echo "default build, lookup_cycles 2: $out"; return 1; }
  echo "lookup_cycles 2: lockstep clean; each build refuses the other's setting"
}

# tlb_ram (docs/timing-contract.md 2a; the block-RAM TLB rtl/mmu_tlb_ram.sv; tb/verilator/
# verilator.mk RTL_RAM: 64 entries as 16 sets x 4 ways, lookup_cycles 2): the random driver
# (classic, random reset, coverage mix, stalls; its --deep reads the RAM rows), mmulab on the
# shipped trace with the build's options (ports, --deep, Sv48/Svade, stalls); each build refuses
# the other's tlb_ram.  Of the directed scenarios (test_lockstep -d) the two that run on any
# TLB (ppn-high, same-level); the others' reasoning assumes the default TLB, which they refuse.
tlb_ram() {
  local d=${RAM_DIR:?} bin=${MMULAB_RAM:?} out opts
  read -ra opts < "$d/mmulab.opts" || return 1
  "$d/test_lockstep" -n 2000 1 2 3 | tail -n 1 && "$d/test_lockstep" -n 1000 -r 4 5 | tail -n 1 &&
    "$d/test_lockstep" -X -n 3000 6 7 | tail -n 1 && "$d/test_lockstep" -S 300 -n 2000 8 9 | tail -n 1 &&
    "$d/test_lockstep" -d ppn-high | tail -n 1 && "$d/test_lockstep" -d same-level | tail -n 1 &&
    "$d/test_lockstep" -S 600 -d same-level | tail -n 1 || { echo "ram: test_lockstep failed"; return 1; }
  out=$("$d/test_lockstep" -d walk 2>&1) && { echo "ram: -d walk accepted (its reasoning needs the default TLB)"; return 1; }
  [[ $out == *"directed scenario walk needs the default TLB"* ]] || { echo "ram: -d walk: $out"; return 1; }
  mmulab=$bin lockstep_run "${opts[@]}" "$trace" && mmulab=$bin lockstep_run "${opts[@]}" --deep "$trace" &&
    mmulab=$bin lockstep_run "${opts[@]}" --mode sv48 --ad svade --policy clock "$trace" &&
    mmulab=$bin lockstep_run "${opts[@]}" --mem-stall 40 --seed 7 "$trace" || return 1
  local o no_ram=()
  for o in "${opts[@]}"; do [[ $o == --tlb-ram ]] || no_ram+=("$o"); done
  out=$("$bin" "${no_ram[@]}" "$trace" 2>&1) && { echo "ram build accepted tlb_ram 0"; return 1; }
  [[ $out == *"tlb_ram differs"* ]] || { echo "ram build, tlb_ram 0: $out"; return 1; }
  out=$("$mmulab" "${opts[@]}" "$trace" 2>&1) && { echo "default build accepted the ram options"; return 1; }
  [[ $out == *"differs"* ]] || { echo "default build, ram options: $out"; return 1; }
  echo "tlb_ram: lockstep clean; each build refuses the other's setting"
}

# Memory stalls (docs/timing-contract.md 2b, the test mode): mem_stall_i driven alike on both
# sides from a seeded PRNG.  mmulab on the shipped trace: lockstep clean; the same seed gives a
# byte-identical report, another seed other stalls; against the run without stalls every
# counter but the cycle counts is the same (accesses, hits, faults, cache levels, the data
# check of every load), and the stall cycles are the only extra cycles.  The random driver
# (-S per mille) on a few seeds, random reset, the coverage mix and the directed scenarios, and
# the lookup_cycles 2 build (its refill edge under stalls).
mem_stalls() {
  local dir=$BUILD/stall a b s
  mkdir -p "$dir" || return 1
  lockstep_run --mem-stall 30 --seed 5 "$trace" && lockstep_run --mem-stall 60 --seed 9 --mode sv48 "$trace" &&
    lockstep_run --mem-stall 20 --seed 3 --ad svade --policy clock "$trace" || return 1
  "$mmulab" --json --seed 5 "$trace" > "$dir/s0.json" && "$mmulab" --json --mem-stall 30 --seed 5 "$trace" > "$dir/s30.json" &&
    "$mmulab" --json --mem-stall 30 --seed 5 "$trace" > "$dir/s30b.json" &&
    "$mmulab" --json --mem-stall 30 --seed 6 "$trace" > "$dir/s30c.json" || { echo "mmulab --json failed"; return 1; }
  cmp -s "$dir/s30.json" "$dir/s30b.json" || { echo "--mem-stall 30 --seed 5 twice: reports differ"; return 1; }
  python3 - "$dir/s0.json" "$dir/s30.json" "$dir/s30c.json" <<'PY' || return 1
import json, sys
def flat(d, p=""):
    if isinstance(d, dict):
        return {k2: v2 for k, v in d.items() for k2, v2 in flat(v, p + "." + k).items()}
    if isinstance(d, list):
        return {k2: v2 for i, v in enumerate(d) for k2, v2 in flat(v, "%s[%d]" % (p, i)).items()}
    return {p: d}
s0, s30, s30c = (flat(json.load(open(f))) for f in sys.argv[1:])
timing = {".cycles", ".mmu_cycles", ".latency_sum", ".amat", ".walk_cycles", ".lockstep_cycles_compared",
          ".mem_stall_cycles", ".mem_stall_percent"}
diff = sorted(k for k in set(s0) | set(s30) if k not in timing and s0.get(k) != s30.get(k))
if diff:
    sys.exit("stalls changed more than timing: " + ", ".join(diff))
n = s30[".mem_stall_cycles"]
if not n or s30[".mmu_cycles"] - s0[".mmu_cycles"] != n or s30[".latency_sum"] - s0[".latency_sum"] != n:
    sys.exit("stall cycles %s are not the extra cycles %s" % (n, s30[".mmu_cycles"] - s0[".mmu_cycles"]))
if s30c[".mem_stall_cycles"] == n:
    sys.exit("seed 6 stalled as often as seed 5 (%d): is the seed used?" % n)
print("stalls: %d stall cycles, translations and counters as without stalls; seed 6: %d"
      % (n, s30c[".mem_stall_cycles"]))
PY
  "$LOCKSTEP" -S 300 -n 2000 1 2 3 | tail -n 1 && "$LOCKSTEP" -S 500 -n 1000 -r 4 | tail -n 1 &&
    "$LOCKSTEP" -S 200 -X -n 3000 6 | tail -n 1 || { echo "test_lockstep -S failed"; return 1; }
  for s in walk lru asid global svadu misaligned-clean misaligned nonleaf refill-sfence hit-cause ad-cas \
           ppn-high same-level; do
    "$LOCKSTEP" -S 600 -d "$s" | tail -n 1 || { echo "directed $s with stalls failed"; return 1; }
  done
  "${LK2_DIR:?}/test_lockstep" -S 300 -n 2000 1 2 | tail -n 1 || { echo "lk2: test_lockstep -S failed"; return 1; }
  # a number that is not one is refused (strtoul alone read "abc" as 0: no stalls, silently)
  local a e rc
  for a in "-S abc|-S: expected a number 0..900, got 'abc'" "-S 901|-S: expected a number 0..900, got '901'" \
           "-n 12x|-n: expected a number 0..4294967295, got '12x'"; do
    e=$("$LOCKSTEP" ${a%%|*} 1 2>&1 >/dev/null); rc=$?
    [[ $rc == 2 && $e == "test_lockstep: ${a#*|}" ]] || { echo "test_lockstep ${a%%|*}: rc $rc, '$e'"; return 1; }
  done
  mmulab=${MMULAB_LK2:?} lockstep_run --lookup-cycles 2 --mem-stall 40 --seed 7 "$trace"
}

# Functional coverage (tb/coverage.c, docs/coverage.md): the coverage mix on
# the default build and the three small ones must hit every bin at least once
# (make coverage runs more, and reports line/toggle coverage of rtl/ too).
functional_coverage() {
  local f=$BUILD/coverage/test-functional.cov d out
  mkdir -p "$BUILD/coverage" && rm -f "$f" || return 1
  "$LOCKSTEP" -X -c "$f" -l default -n 8000 1 | tail -n 1 || return 1
  for d in $SMALL_DIRS; do
    "$d/test_lockstep" -X -c "$f" -l "${d##*-}" -n 20000 1 2 | tail -n 1 || return 1
  done
  out=$("$COV_REPORT" "$f") || { grep -E 'MISS|^coverage:' <<<"$out"; return 1; }
  tail -n 1 <<<"$out"
}

# One full run of the optimised binary under valgrind (memcheck + leaks).
valgrind_run() {
  local log=$BUILD/valgrind-lackey.log
  printf '%s\n' '==1== Lackey' 'I  00401000,3' ' L 1ffefff000,16' ' M 00602ffe,4' > "$log" || return 1
  valgrind -q --leak-check=full --error-exitcode=1 "$mmulab" "$trace" >/dev/null &&
    valgrind -q --leak-check=full --error-exitcode=1 "$mmulab" import-lackey -o "$log.trace.gz" "$log" 2>/dev/null &&
    valgrind -q --leak-check=full --error-exitcode=1 "$mmulab" --model-only "$log.trace.gz" >/dev/null &&
    echo "valgrind: no errors, no leaks (trace run, import-lackey, a gzip trace)"
}

# ---- mutants (tb/mutants/mutants.mk, docs/mutants.md): the machinery of make mutants ----
# On the mutated copy of rtl/ (MUT_DIR/vl, default configuration), with the cheap steps
# (directed and translate scenarios): the unmutated copy (K = 0) must pass, and every mutant
# of tb/mutants/smoke.txt must be killed -- a harness that kills everything, or nothing, fails.
mutants_smoke() {
  scripts/run-mutants.py --quick --jobs 2 --expect-killed tb/mutants/smoke.txt \
    "${MUT_DIR:-$BUILD/mutants}" | grep -E '^ *[0-9]+ |^mutants:'
}

for t in "$@"; do
  check "$t" "$t"
done
check "scripts/test/test_setup_order.sh" bash scripts/test/test_setup_order.sh
check "cli/test/test_cli.sh" env MMULAB="$mmulab_asan" bash cli/test/test_cli.sh
check "cli/test/test_translate.sh" bash cli/test/test_translate.sh "$mmulab_asan"
check "freestanding firmware" freestanding
check "rtl/mmu_defaults.svh is what cmodel/mmu_params.h generates" \
  bash -c '"$1" vh | diff -u rtl/mmu_defaults.svh - && echo "rtl/mmu_defaults.svh: current"' _ "${GEN_PARAMS:?}"
check "rtl lint (verilator -Wall, iverilog, yosys)" scripts/lint-rtl.sh
check "C format: every C/C++ source follows .clang-format" scripts/check-format.sh
check "icarus smoke test" scripts/icarus-smoke.sh
check "tb/bench/test/test_replay_tb.sh (make bench's Icarus testbench, replay and parse-only)" \
  sh tb/bench/test/test_replay_tb.sh
check "lockstep random: seeds 1-3, random reset 4-5" \
  eval '"$LOCKSTEP" -n 2000 1 2 3 && "$LOCKSTEP" -n 1000 -r 4 5'
check "lockstep traces" lockstep_traces
# ---- A/D compare-and-set (issue 7; docs/timing-contract.md section 3a): the directed
# scenario whose leaf PTE is rewritten during the walk (a re-walk from the root, a fault
# after it, a write lost in the window), RTL against the model cycle by cycle.
check "lockstep directed ad-cas: leaf PTE changed during the walk" "$LOCKSTEP" -d ad-cas
check "small RTL configurations in lockstep" small_configs
check "lookup_cycles = 2 build in lockstep (contract 2a)" lookup2
check "tlb_ram build (block-RAM TLB) in lockstep" tlb_ram
check "memory stalls in lockstep (contract 2b, --mem-stall, test_lockstep -S)" mem_stalls
check "functional coverage: every bin hit" functional_coverage
check "translate scenarios in lockstep" translate_lockstep
check "mismatch report, waveform and GTKWave file" mismatch_files
check "deep compare (--deep)" deep_compare
check "two RTL builds in one binary: fast by default, traced for waveforms" two_builds
check "make regress: parallel shards and merge" env MMULAB="$mmulab" LOCKSTEP="$LOCKSTEP" BUILD="$BUILD" \
  bash scripts/test/test_regress.sh
check "rtl bugs caught" bash tb/test/test_rtl_bugs.sh "$LOCKSTEP_BUGS" "$MMULAB_BUGS"
# issue 12: a mismatch's FST has the C model's outputs (TOP.mmu_model) beside the RTL's, the
# GTKWave file lists the differing ports first (docs/lockstep.md "When they differ")
check "model scope in the mismatch waveform" bash tb/test/test_wave_model.sh "$MMULAB_BUGS" "$LOCKSTEP_BUGS"
check "mutants: unmutated copy passes, tb/mutants/smoke.txt all killed" mutants_smoke
check "tb/mutants/test/test_mutate_rtl.sh (mutate-rtl.py on a fixture)" bash tb/mutants/test/test_mutate_rtl.sh
check "workloads in lockstep" workloads_check
# ---- gate-level lockstep (issue 10; fpga/fpga.mk, docs/fpga.md): mmu_core as synthesized by
# yosys synth_ice40 for the HX8K, verilated with the iCE40 cell library inside mmu_top, against
# the model: random requests, random reset, memory stalls, the directed scenarios that run on any
# TLB (ppn-high, same-level), the default trace; ports only. Two
# netlists: the 16-entry flop TLB (hx8k) and the 64-entry block-RAM TLB (hx8k-ram, SB_RAM40_4K).
check "gate-level lockstep (synth_ice40 netlist of mmu_core, hx8k)" \
  bash fpga/test_gate.sh "${FPGA_GATE_DIR:-}" "${MMULAB_GATE_BIN:-}" "$trace"
check "gate-level lockstep (synth_ice40 netlist of mmu_core, hx8k-ram: block-RAM TLB)" \
  bash fpga/test_gate.sh "${FPGA_GATE_RAM_DIR:-}" "${MMULAB_GATE_RAM_BIN:-}" "$trace"
# the UART board top (fpga/mmu_uart_top.sv) under Icarus: satp, translations, sfence over the UART
check "fpga UART board top (Icarus, host testbench)" sh fpga/test_uart.sh
# make fpga's seed sweep (fpga/pnr_seeds.py) against a stand-in nextpnr with known Fmax per seed
check "fpga/test_pnr_seeds.sh (the fastest placement kept)" bash fpga/test_pnr_seeds.sh
# ---- OS views and mmulab sweep (issue 9: cli/views.c, cli/pmap.c, cli/sweep.c; docs/views.md) ----
# hand-computed vmstat rows, free, pmap and /proc/vmstat; sweep's Belady and textbook fault counts
check "cli/test/test_views.sh (views, sweep)" env MMULAB="$mmulab_asan" bash cli/test/test_views.sh
# huge pages (--page-size 2M): views in kB, sweep --param page-size, fit errors, lockstep 0 mismatches
check "cli/test/test_hugepages.sh (2 MiB pages)" env MMULAB="$mmulab_asan" MMULAB_LOCKSTEP="$mmulab" \
  bash cli/test/test_hugepages.sh
# ---- course labs (issue 12: cli/check*.c, labs/): each checker passes on the reference
# solution (worked by hand, or a second implementation of the textbook rules) and fails,
# with the right question marked WRONG, on wrong ones; bad answers files exit 2
check "labs/test/test_labs.sh (lab checkers)" env MMULAB="$mmulab_asan" bash labs/test/test_labs.sh
# lab 6: the student's mmu_ptw.sv verilated in a copy of rtl/ and graded by lockstep; the
# reference passes, the starter stub and a walker without step 6 fail (LAB6_OBJS: labs/labs.mk)
check "labs/test/test_lab6.sh (lab 6 grader: verilated walkers)" env BUILD="$BUILD" bash labs/test/test_lab6.sh
# lab 4: the student's policy_student.c linked into an mmulab of its own; the reference aging
# policy passes, frame 0 always, a lost dirty page, a bad victim fail (LAB4_*: labs/labs.mk)
check "labs/test/test_lab4.sh (lab 4 grader: replacement policies)" env BUILD="$BUILD" bash labs/test/test_lab4.sh
# lab 5: a variant is rtl/ with one mutant as plain text (built, with its bug report); the
# reference (rtl/'s own file) passes, the handed-out file and wrong fixes fail (LAB5_OBJS: labs/labs.mk)
check "labs/test/test_lab5.sh (lab 5: find the RTL bug)" env BUILD="$BUILD" LAB5_CLEAN_VL="${LOCKSTEP%/*}" \
  LAB5_CLEAN_MMULAB="$mmulab" bash labs/test/test_lab5.sh
check "valgrind $mmulab $trace" valgrind_run

# ---- SystemC (tb/systemc/, docs/systemc.md; built by `make test` through systemc.mk's
# sc-bins): the TLM-2.0 MMU through its sockets (hand-built page tables, every fault kind,
# the contract's cycles as the delay, DMI refused), then the SystemC lockstep harness and
# the TLM example against mmulab itself, byte for byte.
sc_dir=$BUILD/systemc
check "$sc_dir/test_mmu_tlm" "$sc_dir/test_mmu_tlm"
check "tb/systemc/test/test_systemc.sh" bash tb/systemc/test/test_systemc.sh "$mmulab" "$MMULAB_BUGS" \
  "$sc_dir/mmulab-sc" "$sc_dir/mmulab-sc-bugs" "$sc_dir/tlm_example" "$trace" "$sc_dir/check"
# ---- end SystemC

echo
((failed)) && printf 'failed: %s\n' "${failures[@]}"
echo "$passed passed, $failed failed"
((failed == 0))
