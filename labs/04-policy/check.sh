#!/usr/bin/env bash
# check.sh -- lab 4's grader: compile the student's policy_student.c (firmware/policy.h's hook)
# freestanding as the firmware is, link it in place of firmware/policy_student.c into an mmulab
# of its own (build/lab4/mmulab: the RTL in lockstep, the main build untouched), and grade:
# exact page faults on the handout's hand-worked strings and on variant SEED's string (key:
# labs/04-policy/aging.py, a second implementation of the rules), the same under Svade, no
# page lost (the data check, no refused fault) on swapping traces, and faults on the shipped
# trace and a random one from SEED within 10 % of the reference (solution/policy_student.c).
#   labs/04-policy/check.sh FILE [SEED]      (make check LAB=4 FILE=... runs it with these set:)
# Env: BUILD (build), CC, FREESTANDING_CFLAGS, LAB4_OBJS (mmulab's objects without
# firmware/policy_student.o), LAB4_RTL (the Verilated RTL's objects and libraries), CXX.
# Prints one line per question (ok / WRONG + hint / missing) and a score; exit 0 only when
# every question passes, 1 when some fail, 2 when FILE cannot be read or is no policy.
set -uo pipefail
file=${1:?usage: check.sh FILE [SEED]}
seed=${2:-1}
: "${BUILD:=build}" "${CC:=gcc}" "${CXX:=g++}"
: "${FREESTANDING_CFLAGS:=-std=c11 -Wall -Wextra -Werror -O2 -ffreestanding -Iarch -Ifirmware}"
: "${LAB4_OBJS:?set LAB4_OBJS (make check LAB=4 does, labs/labs.mk)}" "${LAB4_RTL:?set LAB4_RTL (labs/labs.mk)}"
here=labs/04-policy
dir=$BUILD/lab4
tol=10                      # per cent: the traces' fault counts against the reference's

if [[ ! -r $file ]]; then echo "lab 4: cannot open '$file'" >&2; exit 2; fi
if [[ ! $seed =~ ^[0-9]+$ ]]; then echo "lab 4: SEED: expected a number, got '$seed'" >&2; exit 2; fi
for fn in init insert remove victim; do
  if ! grep -qE "^[a-z].*[^a-z_]policy_student_$fn *\(" "$file"; then
    echo "lab 4: $file: expected a definition of policy_student_$fn (its line starting with the return type," \
         "as in $here/starter/policy_student.c), got none" >&2; exit 2
  fi
done

right=0 total=0
q() {   # q KEY LABEL OK HINT
  total=$((total + 1))
  if [[ $3 == 1 ]]; then right=$((right + 1)); printf '%-5s ok       1/1  %s\n' "$1" "$2"
  else printf '%-5s WRONG    0/1  %s\n' "$1" "$2"; [[ -n $4 ]] && printf '      hint: %s\n' "$4"; fi
}
echo "lab 4: a replacement policy in the firmware, variant --seed $seed, file $file"
rm -rf "$dir/free" && mkdir -p "$dir/free" "$dir/ref" || exit 3

# ---- q1: freestanding, as scripts/run-tests.sh checks firmware/: each file compiled with no C
# library, all linked into one relocatable object that must need nothing from outside
log=$dir/build.log
build_free() {   # build_free POLICY_FILE OUTDIR: 0 when it compiles and nm -u is empty
  local objs=() src obj out=$2 undef
  for src in firmware/*.c; do
    obj=$out/$(basename "${src%.c}").o         # the student's file too: policy_student.o
    [[ $src == firmware/policy_student.c ]] && src=$1
    objs+=("$obj")
    # shellcheck disable=SC2086  # the flags are a word list
    $CC $FREESTANDING_CFLAGS -c "$src" -o "${objs[-1]}" || return 1
  done
  ld -r -o "$out/firmware.o" "${objs[@]}" || return 1
  undef=$(nm -u "$out/firmware.o") || return 1
  [[ -z $undef ]] || { echo "the firmware needs symbols it does not define:"; echo "$undef"; return 1; }
}
if build_free "$file" "$dir/free" >"$log" 2>&1; then
  q q1 "compiles freestanding (-ffreestanding -Werror) and needs nothing but the firmware" 1 ""
else
  q q1 "compiles freestanding (-ffreestanding -Werror) and needs nothing but the firmware" 0 \
    "see $log: $(grep -m1 -E 'error|warning|^the firmware needs' "$log") (no libc: not even memset)"
  echo "score: $right/$total (nothing else can run)"; exit 1
fi

# ---- q2: an mmulab over this policy (and one over the reference, for q10-q11)
link_mmulab() {   # link_mmulab POLICY_OBJ OUT
  # shellcheck disable=SC2086  # word lists
  $CXX $LAB4_OBJS "$1" $LAB4_RTL -o "$2"
}
if link_mmulab "$dir/free/policy_student.o" "$dir/mmulab" >"$dir/link.log" 2>&1; then
  q q2 "links into mmulab ($dir/mmulab)" 1 ""
else
  q q2 "links into mmulab ($dir/mmulab)" 0 "see $dir/link.log"
  echo "score: $right/$total (nothing else can run)"; exit 1
fi
stale() {   # stale OUT IN...: OUT is missing or older than one of IN (the reference is kept)
  local out=$1 f
  shift
  [[ -x $out ]] || return 0
  for f in "$@"; do [[ $f == -* || ! $f -nt $out ]] || return 0; done
  return 1
}
# shellcheck disable=SC2086  # word lists
if stale "$dir/ref/mmulab" "$here/solution/policy_student.c" firmware/*.c firmware/*.h $LAB4_OBJS $LAB4_RTL; then
  build_free "$here/solution/policy_student.c" "$dir/ref" >"$dir/ref/build.log" 2>&1 &&
    link_mmulab "$dir/ref/policy_student.o" "$dir/ref/mmulab" >>"$dir/ref/build.log" 2>&1 ||
    { rm -f "$dir/ref/mmulab"; echo "lab 4: the reference solution does not build: $dir/ref/build.log" >&2; exit 3; }
fi

# run NAME ARGS...: $dir/mmulab --json ARGS into $dir/NAME.json (stderr NAME.err); sets rc
run() {
  local name=$1
  shift
  "$dir/mmulab" --json --policy student --mismatch-out "$dir/mismatch" "$@" >"$dir/$name.json" 2>"$dir/$name.err"
  rc=$?
}
key() {   # key JSON FIELD: a top-level number of a --json report (nothing when the run failed)
  python3 -c 'import json, sys
try: print(json.load(open(sys.argv[1]))[sys.argv[2]])
except Exception: pass' "$1" "$2"
}
refused() {   # refused NAME: the hint for a run in which the OS refused faults
  echo "$(key "$dir/$1.json" segfaults) faults refused: policy_student_victim returned a frame that is free or" \
       "out of range (the OS checks it: $dir/$1.json has the segfaults)"
}
# string_trace PAGE...: one read per reference, page p at 0x100000 + p * 0x1000 (as lab 2)
string_trace() {
  local p
  for p in "$@"; do printf 'R 0x%x\n' $((0x100000 + p * 0x1000)); done
}
# exact KEY LABEL WANT FRAMES AD PAGE...: the student's faults on a reference string, exactly
exact() {
  local k=$1 label=$2 want=$3 frames=$4 ad=$5 got why
  shift 5
  string_trace "$@" > "$dir/$k.trace"
  run "$k" --frames "$frames" --ad "$ad" "$dir/$k.trace"
  got=$(key "$dir/$k.json" page_faults)
  if [[ $rc == 0 && $got == "$want" ]]; then q "$k" "$label" 1 ""; return; fi
  if [[ $rc != 0 ]]; then why="the run failed (exit $rc): $(head -c 300 "$dir/$k.err")"
  elif [[ $(key "$dir/$k.json" segfaults) != 0 ]]; then why="$(refused "$k")"
  else why="$got page faults, expected $want; python3 $here/aging.py -v $frames $* prints the table to compare with"; fi
  q "$k" "$label" 0 "$why"
}

# ---- q3-q7: exact counts where the handout fixes the policy. q3-q5 are worked by hand in the
# handout (labs/04-policy/README.md: q3's table, q4's and q5's check values); q6's key is the
# second implementation aging.py on variant SEED's string, q7 the same under Svade.
exact q3 "handout: Silberschatz's string, 3 frames: 12 faults" 12 3 svadu 7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1
exact q4 "handout: 5 2 4 5 2 1 2 5 2 1 4 1, 3 frames: 6 faults" 6 3 svadu 5 2 4 5 2 1 2 5 2 1 4 1
exact q5 "handout: 1 2 3 4 1 5 2 6 1 3 7 1, 4 frames (ties): 9 faults" 9 4 svadu 1 2 3 4 1 5 2 6 1 3 7 1
read -r vframes vrefs < <(python3 $here/aging.py --string "$seed") || exit 3
# shellcheck disable=SC2086  # the string is a word list
vwant=$(python3 $here/aging.py "$vframes" $vrefs) || exit 3
# shellcheck disable=SC2086
exact q6 "variant $seed: $vrefs, $vframes frames" "$vwant" "$vframes" svadu $vrefs
# shellcheck disable=SC2086
exact q7 "variant $seed under Svade (A set by a fault, not the walker): the same count" "$vwant" "$vframes" svade $vrefs

# ---- q8, q9: no page lost.  Memory far below the working set, so dirty pages go to swap and
# come back: every load must read what was stored (mmulab's data check, exit 3 otherwise),
# no fault refused (a victim that is not a frame in use), every access done, RTL in lockstep.
python3 scripts/gen_random_trace.py $((seed * 7 + 3)) 6000 6 > "$dir/hidden.trace" || exit 3
lost() {   # lost KEY LABEL ARGS...
  local k=$1 label=$2 segv acc ndone why=""
  shift 2
  run "$k" "$@"
  segv=$(key "$dir/$k.json" segfaults) acc=$(key "$dir/$k.json" accesses) ndone=$(key "$dir/$k.json" completed)
  if [[ $rc == 3 ]]; then why="$(grep -m1 -o 'data check:.*\|internal error:.*' "$dir/$k.err") -- a page was lost"
  elif [[ $rc != 0 ]]; then why="mmulab exit $rc: $(head -c 300 "$dir/$k.err")"
  elif [[ $segv != 0 ]]; then why="$(refused "$k")"
  elif [[ $ndone != "$acc" ]]; then why="$((acc - ndone)) of $acc accesses not done (a process OOM-killed?)"; fi
  q "$k" "$label" "$([[ -z $why ]] && echo 1 || echo 0)" "$why -- $dir/$k.json; $dir/mmulab --policy student $*"
}
lost q8 "no page lost: traces/default.trace, 24 frames, 512 swap slots, in lockstep" --frames 24 --swap 512 traces/default.trace
lost q9 "no page lost: a random 6-process trace from $seed, 32 frames, Svade, in lockstep" \
  --frames 32 --swap 1024 --ad svade "$dir/hidden.trace"

# ---- q10, q11: fault counts near the reference aging policy's (within tol %), never below OPT's
near() {   # near KEY LABEL ARGS...
  local k=$1 label=$2 got ref opt lo hi why=""
  shift 2
  run "$k" --model-only "$@"
  got=$(key "$dir/$k.json" page_faults)
  "$dir/ref/mmulab" --json --model-only --policy student "$@" >"$dir/$k.ref.json" 2>&1 &&
    "$dir/ref/mmulab" --json --model-only --policy opt "$@" >"$dir/$k.opt.json" 2>&1 || exit 3
  ref=$(key "$dir/$k.ref.json" page_faults) opt=$(key "$dir/$k.opt.json" page_faults)
  lo=$((ref - ref * tol / 100)) hi=$((ref + ref * tol / 100))
  if [[ $rc != 0 || -z $got ]]; then why="the run failed (exit $rc): $(head -c 300 "$dir/$k.err")"
  elif [[ $(key "$dir/$k.json" segfaults) != 0 ]]; then why="$(refused "$k")"
  elif ((got < opt)); then why="$got page faults, fewer than OPT's $opt: impossible, something is not counted"
  elif ((got < lo || got > hi)); then why="$got page faults; the reference aging policy has $ref (OPT $opt): $lo..$hi passes"; fi
  q "$k" "$label" "$([[ -z $why ]] && echo 1 || echo 0)" "$why"
}
near q10 "faults on traces/default.trace, 48 frames: within $tol % of the reference" --frames 48 --swap 512 traces/default.trace
near q11 "faults on the random trace from $seed, 40 frames: within $tol % of the reference" \
  --frames 40 --swap 1024 "$dir/hidden.trace"

echo "score: $right/$total$([[ $right == "$total" ]] && echo ' -- all correct')"
((right == total))
