#!/usr/bin/env bash
# run-tests.sh -- run every mmulab test program and check; the last line is
# "N passed, M failed".  `make test` calls it once everything is built:
#   scripts/run-tests.sh MMULAB MMULAB_ASAN TRACE TEST_BIN...
# Env: CC, FREESTANDING_CFLAGS, BUILD (where the freestanding objects go),
# LOCKSTEP (the random lockstep driver), LOCKSTEP_BUGS and MMULAB_BUGS
# (the same two over the RTL with its deliberate bugs).
set -uo pipefail

mmulab=$1 mmulab_asan=$2 trace=$3
shift 3
: "${CC:=gcc}" "${BUILD:=build}" "${FREESTANDING_CFLAGS:=-std=c11 -Wall -Wextra -Werror -O2 -ffreestanding -Icmodel -Ifirmware}"
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

# One full run of the optimised binary under valgrind (memcheck + leaks).
valgrind_run() {
  valgrind -q --leak-check=full --error-exitcode=1 "$mmulab" "$trace" >/dev/null &&
    echo "valgrind: no errors, no leaks"
}

for t in "$@"; do
  check "$t" "$t"
done
check "scripts/test/test_setup_order.sh" bash scripts/test/test_setup_order.sh
check "tb/test/test_cli.sh" env MMULAB="$mmulab_asan" bash tb/test/test_cli.sh
check "tb/test/test_translate.sh" bash tb/test/test_translate.sh "$mmulab_asan"
check "freestanding firmware" freestanding
check "rtl lint (verilator -Wall, iverilog, yosys)" scripts/lint-rtl.sh
check "icarus smoke test" scripts/icarus-smoke.sh
check "lockstep random: seeds 1-3, random reset 4-5" \
  eval '"$LOCKSTEP" -n 2000 1 2 3 && "$LOCKSTEP" -n 1000 -r 4 5'
check "lockstep traces" lockstep_traces
check "translate scenarios in lockstep" translate_lockstep
check "mismatch report, waveform and GTKWave file" mismatch_files
check "deep compare (--deep)" deep_compare
check "make regress: parallel shards and merge" env MMULAB="$mmulab" LOCKSTEP="$LOCKSTEP" BUILD="$BUILD" \
  bash scripts/test/test_regress.sh
check "rtl bugs caught" bash tb/test/test_rtl_bugs.sh "$LOCKSTEP_BUGS" "$MMULAB_BUGS"
check "valgrind $mmulab $trace" valgrind_run

echo
((failed)) && printf 'failed: %s\n' "${failures[@]}"
echo "$passed passed, $failed failed"
((failed == 0))
