# shellcheck shell=bash
# labs/05-rtl-bug/lib.sh -- what handout.sh and check.sh share (sourced, not run): the RTL
# file list, a content hash of a copy of rtl/, one Verilator build per distinct copy, and the
# quick lockstep that decides whether a mutant is findable.
# Env: BUILD (build), CXX, MAKE, LAB5_OBJS (mmulab's C objects: labs/labs.mk exports them),
# LAB5_CLEAN_VL / LAB5_CLEAN_MMULAB (optional: the repository's own build of rtl/ --
# build/verilator with FST tracing, and build/mmulab -- used for a copy identical to rtl/).
: "${BUILD:=build}" "${CXX:=g++}" "${MAKE:=make}"
lab5=$BUILD/lab5
# the RTL file list (rtl/sim.f + rtl/core.f, one basename a line) and the header beside it
lab5_srcs=$(sed 's://.*::' rtl/sim.f rtl/core.f | xargs -n1 basename)
lab5_hdrs=mmu_defaults.svh
lab5_scenarios="walk lru asid global svadu misaligned-clean misaligned nonleaf refill-sfence hit-cause ad-cas"

# rtl_hash DIR: one hash over the name and bytes of every RTL file of DIR, in list order
rtl_hash() {
  local f
  for f in $lab5_srcs $lab5_hdrs; do printf '%s\n' "$f"; cat "$1/$f" || return 1; done | sha1sum | cut -c1-16
}

# vl_build DIR LOG: verilate the copy of rtl/ in DIR (FST tracing, the default configuration)
# and link an mmulab over it; sets VL (its directory: VL/test_lockstep) and MM (that mmulab).
# One build per distinct copy ($lab5/vl/HASH), so a copy graded twice is verilated once; a
# copy equal to rtl/ uses the repository's own build when LAB5_CLEAN_VL is given.
vl_build() {
  local dir=$1 log=$2 h srcs="" s
  h=$(rtl_hash "$dir") || return 1
  if [[ -n ${LAB5_CLEAN_VL:-} && -x $LAB5_CLEAN_VL/test_lockstep && -x ${LAB5_CLEAN_MMULAB:-} &&
        $h == "$(rtl_hash rtl)" ]]; then
    VL=$LAB5_CLEAN_VL MM=$LAB5_CLEAN_MMULAB
    echo "the copy is rtl/ byte for byte: $VL and $MM are its build" > "$log"
    return 0
  fi
  VL=$lab5/vl/$h MM=$lab5/vl/$h/mmulab
  [[ -x $MM && -x $VL/test_lockstep ]] && { echo "built before: $VL" > "$log"; return 0; }
  mkdir -p "$VL/rtl" || return 1
  for s in $lab5_srcs $lab5_hdrs; do cp "$dir/$s" "$VL/rtl/" || return 1; srcs+="$VL/rtl/$s "; done
  "$MAKE" --no-print-directory -f tb/verilator/verilator.mk VL_DIR="$VL" RTL_TRACE=1 \
    RTL_SRCS="$srcs" RTL_INCS="$VL/rtl/$lab5_hdrs" "$VL/test_lockstep" "$VL/rtl_dut.o" >"$log" 2>&1 || return 1
  # shellcheck disable=SC2086  # word lists
  $CXX ${LAB5_OBJS:?set LAB5_OBJS (labs/labs.mk exports it)} "$VL/rtl_dut.o" "$VL/obj/Vmmu_top__ALL.a" \
    "$VL"/obj/verilated{,_dpi,_threads,_fst_c}.o -lz -lpthread -o "$MM.tmp" >>"$log" 2>&1 && mv "$MM.tmp" "$MM"
}

# first LOG: "cycle C: PORT is R in the RTL, M in the model" of a mismatch report
first() {
  awk '/^LOCKSTEP MISMATCH at cycle/ { c = $5 }
       /^  port +RTL +model/ { getline; printf "cycle %s: %s is %s in the RTL, %s in the model", c, $1, $2, $3; exit }' "$1"
}

# passes LOG ARGS...: test_lockstep ($VL) with ARGS exits 0 with no mismatch
passes() {
  local log=$1
  shift
  timeout 120 "$VL/test_lockstep" "$@" >"$log" 2>&1 && ! grep -q MISMATCH "$log"
}

# The quick lockstep (cheapest first): a mutant is findable when one of these fails.  Every
# one of them is also a graded step of check.sh, so a handed-out file always fails there.
lab5_quick() {
  local d
  for d in $lab5_scenarios; do echo "-d $d"; done
  echo "-n 1000 1"
  echo "-n 500 -r 4"
}
