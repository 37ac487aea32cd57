#!/bin/sh
# bench.sh -- make bench: say how the RTL and the C were built, then run build/bench/mmubench,
# which records one lockstep run of the trace and replays it on each engine (docs/bench.md);
# then, with BENCH_WORKLOADS and BENCH_MMULAB set, scripts/bench-workloads.sh on those traces.
# With BENCH_BEFORE=REV (a git revision), the mmubench of REV is built in build/bench/before/ (its
# own tree, from `git archive`) and replayed first, in the same run, for a before/after table.
# Usage: scripts/bench.sh BENCH VVP RTL_DIR TRACE [mmubench options]   (env CFLAGS: the C's flags)
set -eu
BENCH=$1 VVP=$2 RTL_DIR=$3 TRACE=$4
shift 4

# -O options of a flag list, in order ("-O2 -Os"): the last one is the one the compiler uses
opts() { printf ' %s ' "$1" | grep -o -- ' -O[0-9a-z]*' | tr -d ' ' | tr '\n' ' ' | sed 's/ $//'; }

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
vl_args=$(sed -n 's/^C "\(.*\)"$/\1/p' "$RTL_DIR/obj/Vmmu_top__verFiles.dat" |
          tr ' ' '\n' | grep -v -e '^-G' -e '^rtl/' | tr '\n' ' ' | sed 's/ $//')
dbg=$(${MAKE:-make} --no-print-directory -s -C "$RTL_DIR/obj" -f Vmmu_top.mk debug-make)
vl_cpp=$(printf '%s\n' "$dbg" | sed -n 's/^CPPFLAGS: //p')
vl_fast=$(printf '%s\n' "$dbg" | sed -n 's/^OPT_FAST: //p')
# verilator.mk passes its own OPT_FAST to the --build make (-MAKEFLAGS): that one was used
mk_fast=$(printf ' %s ' "$vl_args" | sed -n 's/.* -MAKEFLAGS OPT_FAST=\([^ ]*\) .*/\1/p')
[ -n "$mk_fast" ] && vl_fast=$mk_fast
vl_trace=$(printf '%s\n' "$vl_cpp" | grep -o -- '-DVM_TRACE=[01]' || echo '-DVM_TRACE=?')
# the default build is untraced; its traced twin ($RTL_DIR/wave: waveforms, --rand-reset) is not timed
case $vl_trace in
  *=0) [ -d "$RTL_DIR/wave/obj" ] && vl_note="no FST: the fast build; its traced twin in $RTL_DIR/wave is not timed" ||
         vl_note="no FST" ;;
  *=1) vl_note="FST compiled in, off while timing" ;;
  *) vl_note="tracing unknown" ;;
esac

echo "mmubench    $TRACE with the default options, recorded once, replayed on each engine"
echo "host        $(nproc) cores, ${cpu:-unknown CPU}"
echo "Verilator   $(verilator --version)"
echo "  verilate  verilator $vl_args (rtl/*.sv, -G: the default configuration)"
echo "  C++       $(g++ --version | head -n 1): $(opts "$vl_cpp") from CPPFLAGS, then OPT_FAST $(opts "$vl_fast")"
echo "            for the per-cycle code (the last -O wins); $vl_trace ($vl_note)"
# profile feedback (verilator.mk RTL_PGO=1): the training run's command and what it compared
if [ -f "$RTL_DIR/pgo/train.log" ]; then
  echo "  profile   gcc -fprofile-use: the counts of $(head -n 1 "$RTL_DIR/pgo/train.log") (random stimulus, not"
  echo "            this trace) on the same verilation instrumented, in $RTL_DIR/pgo: $(tail -n 1 "$RTL_DIR/pgo/train.log" | sed 's/^lockstep: //')"
fi
echo "C           $(gcc --version | head -n 1): $(opts "${CFLAGS:-}") (model, firmware, runner, bench)"
echo "Icarus      $(iverilog -V 2>&1 | head -n 1)"
echo "load        $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) at the start: the machine may be shared"

# engine rate FILE NAME: cycles/s of a row of an mmubench table (cycles / seconds)
rate() { awk -v n="$2" 'substr($0, 1, length(n)) == n && $(NF-4) ~ /^[0-9]+$/ {
           printf "%.0f\n", $(NF-4) / $(NF-3); exit }' "$1"; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if [ -n "${BENCH_BEFORE:-}" ]; then
  bdir=build/bench/before
  rev=$(git rev-parse --short "$BENCH_BEFORE")
  echo
  echo "before      $BENCH_BEFORE = $rev, built in $bdir/src (git archive; its own build/)"
  rm -rf "$bdir/src" && mkdir -p "$bdir/src"
  git archive "$rev" | tar -x -C "$bdir/src"
  mkdir -p "$bdir/src/build/bench"
  ${MAKE:-make} --no-print-directory -C "$bdir/src" MMULAB_DEPS_DONE=1 build/bench/mmubench \
    >"$bdir/build.log" 2>&1 || { tail -n 20 "$bdir/build.log"; echo "bench: building $rev failed" >&2; exit 1; }
  # its replays only (no Icarus): the same trace, recorded by its own lockstep
  (cd "$bdir/src" && build/bench/mmubench "$@" "$OLDPWD/$TRACE") \
    >"$out/before" || { cat "$out/before"; echo "bench: the mmubench of $rev failed" >&2; exit 1; }
  sed -n '/^engine/,/^lockstep/p' "$out/before" | sed 's/^/  /'
fi
echo
"$BENCH" --vvp "$VVP" "$@" "$TRACE" | tee "$out/after"

# the targets of issue 13, as ratios of this run (measured, never asserted)
rtl=$(rate "$out/after" "RTL alone") ls=$(rate "$out/after" lockstep) ica=$(rate "$out/after" Icarus)
# lockstep / RTL: the median of the per-round ratios (replays run in turn) when mmubench prints
# it, which a burst of load moves less than the ratio of two best rows
pair=$(sed -n 's/^lockstep\/RTL .* median \([0-9.]*\)x.*/\1/p' "$out/after")
echo
echo "targets     ratios of the table above (this run; met or not, nothing fails on them)"
awk -v r="$rtl" -v l="$ls" -v p="${pair:-0}" -v i="${ica:-0}" 'function ok(c) { return c ? "met" : "NOT met" }
  BEGIN { printf "  %-26s %12.2fM cycles/s  >= 10M     %s\n", "RTL alone", r / 1e6, ok(r >= 1e7)
          q = (p > 0) ? p : l / r
          printf "  %-26s %12.2fx            >= 0.80x   %s%s\n", "lockstep / RTL alone", q, ok(q >= 0.8),
                 ((p > 0) ? " (median of the rounds)" : "")
          if (i > 0) printf "  %-26s %12.0fx            >= 500x    %s\n", "RTL alone / Icarus", r / i, ok(r >= 500 * i) }'
if [ -n "${BENCH_BEFORE:-}" ]; then
  echo
  echo "before/after  cycles/s of each replay, $rev then this tree, in this run"
  for e in "model alone" "RTL alone" "lockstep"; do
    awk -v e="$e" -v b="$(rate "$out/before" "$e")" -v a="$(rate "$out/after" "$e")" \
      'function h(x) { return x >= 1e6 ? sprintf("%.2fM", x / 1e6) : sprintf("%.0fk", x / 1e3) }
       BEGIN { printf "  %-13s %9s -> %9s  %6.2fx\n", e, h(b), h(a), a / b }'
  done
fi
# the workloads rows (cli/views.mk sets both when make bench runs this)
if [ -n "${BENCH_WORKLOADS:-}" ]; then
  echo
  scripts/bench-workloads.sh "$BENCH_MMULAB" $BENCH_WORKLOADS
fi
