#!/bin/sh
# bench.sh -- make bench: say how the RTL and the C were built, then run build/bench/mmubench,
# which records one lockstep run of the trace and replays it on each engine (docs/bench.md);
# then, with BENCH_WORKLOADS and BENCH_MMULAB set, scripts/bench-workloads.sh on those traces.
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
vl_trace=$(printf '%s\n' "$vl_cpp" | grep -o -- '-DVM_TRACE=[01]' || echo '-DVM_TRACE=?')

echo "mmubench    $TRACE with the default options, recorded once, replayed on each engine"
echo "host        $(nproc) cores, ${cpu:-unknown CPU}"
echo "Verilator   $(verilator --version)"
echo "  verilate  verilator $vl_args (rtl/*.sv, -G: the default configuration)"
echo "  C++       $(g++ --version | head -n 1): $(opts "$vl_cpp") from CPPFLAGS, then OPT_FAST $(opts "$vl_fast")"
echo "            for the per-cycle code (the last -O wins); $vl_trace (FST compiled in, off while timing)"
echo "C           $(gcc --version | head -n 1): $(opts "${CFLAGS:-}") (model, firmware, runner, bench)"
echo "Icarus      $(iverilog -V 2>&1 | head -n 1)"
echo
"$BENCH" --vvp "$VVP" "$@" "$TRACE"
# the workloads rows (cli/views.mk sets both when make bench runs this)
if [ -n "${BENCH_WORKLOADS:-}" ]; then
  echo
  scripts/bench-workloads.sh "$BENCH_MMULAB" $BENCH_WORKLOADS
fi
