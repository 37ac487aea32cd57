#!/usr/bin/env bash
# check.sh -- lab 5's grader: the student's fixed RTL file, put in place of its module's file
# in a copy of variant SEED's handed-out rtl/ ($BUILD/lab5/SEED/rtl), verilated and graded by
# lockstep against the C model on runs the bug report did not show; and, from ANSWERS, where
# the bug was.
#   labs/05-rtl-bug/check.sh FILE SEED [ANSWERS]   (make check LAB=5 FILE=.. SEED=.. ANSWERS=..)
# Env: as lib.sh (BUILD, LAB5_OBJS, CXX; LAB5_CLEAN_VL/LAB5_CLEAN_MMULAB optional).
# The variant's key comes from handout.sh (made here if it is missing or rtl/ changed).
# Prints one line per question (ok / WRONG + hint / missing) and a score; exit 0 only when
# every question passes, 1 when some fail, 2 for bad input (FILE, SEED or ANSWERS, with the
# file and line), 3 when the variant cannot be made.
set -uo pipefail
here=$(dirname "$0")
# shellcheck source=labs/05-rtl-bug/lib.sh
. "$here/lib.sh"
file=${1:-} seed=${2:-} answers=${3:-}
usage="usage: check.sh FILE SEED [ANSWERS]"
[[ -n $file ]] || { echo "lab 5: $usage" >&2; exit 2; }
if [[ ! -r $file || -d $file ]]; then echo "lab 5: cannot open '$file'" >&2; exit 2; fi
if [[ ! $seed =~ ^[1-9][0-9]{0,8}$ ]]; then
  echo "lab 5: SEED: expected a number 1..999999999 (the variant the TA gave you), got '$seed'" >&2; exit 2
fi
# the module the file defines: one of the RTL files
mline=$(grep -n -m1 -E '^[[:space:]]*module[[:space:]]' "$file")
module=$(sed -E 's/^[0-9]+:[[:space:]]*module[[:space:]]+([A-Za-z_][A-Za-z0-9_]*).*/\1/' <<<"$mline")
if [[ -z $mline ]] || ! grep -qx "$module.sv" <<<"$lab5_srcs"; then
  where=$file got=none
  [[ -n $mline ]] && where=$file:${mline%%:*} got="'${mline#*:}'"
  echo "lab 5: $where: expected a 'module NAME' line naming one of the RTL modules" \
       "($(tr '\n' ' ' <<<"${lab5_srcs//.sv/}" | sed 's/ $//')), got $got" >&2
  exit 2
fi
# ANSWERS: "file NAME.sv" and "line N" (the line of the handed-out file), '#' comments
afile="" aline=""
if [[ -n $answers ]]; then
  [[ -r $answers && ! -d $answers ]] || { echo "lab 5: cannot open '$answers'" >&2; exit 2; }
  n=0
  while IFS= read -r l || [[ -n $l ]]; do
    n=$((n + 1))
    l=${l%%#*}
    read -r key val rest <<<"$l"
    [[ -z ${key:-} ]] && continue
    if [[ -n ${rest:-} || -z ${val:-} ]]; then
      echo "lab 5: $answers:$n: expected 'file NAME.sv' or 'line N', got '$l'" >&2; exit 2
    fi
    case $key in
      file) [[ -z $afile ]] || { echo "lab 5: $answers:$n: expected 'file' once, got it again" >&2; exit 2; }
            afile=$val ;;
      line) [[ -z $aline ]] || { echo "lab 5: $answers:$n: expected 'line' once, got it again" >&2; exit 2; }
            [[ $val =~ ^[1-9][0-9]*$ ]] || { echo "lab 5: $answers:$n: expected a line number after 'line', got '$val'" >&2; exit 2; }
            aline=$val ;;
      *) echo "lab 5: $answers:$n: expected 'file NAME.sv' or 'line N', got '$key'" >&2; exit 2 ;;
    esac
  done < "$answers"
fi

right=0 total=0
q() {   # q KEY LABEL OK|missing HINT
  total=$((total + 1))
  if [[ $3 == 1 ]]; then right=$((right + 1)); printf '%-5s ok       1/1  %s\n' "$1" "$2"
  elif [[ $3 == missing ]]; then printf '%-5s missing  0/1  %s\n' "$1" "$2"; [[ -n $4 ]] && printf '      hint: %s\n' "$4"
  else printf '%-5s WRONG    0/1  %s\n' "$1" "$2"; [[ -n $4 ]] && printf '      hint: %s\n' "$4"; fi
  return 0
}
bash "$here/handout.sh" "$seed" >/dev/null || { echo "lab 5: cannot make variant $seed (handout.sh)" >&2; exit 3; }
kv() { sed -n "s/^$1 //p" "$lab5/keys/$seed.key"; }
kfile=$(kv file) kmodule=$(kv module)
read -r kl1 kl2 <<<"$(kv lines)"
echo "lab 5: find the RTL bug, variant --seed $seed, file $file ($module)"

dir=$lab5/$seed/grade
rm -rf "$dir" && mkdir -p "$dir/rtl" && cp "$lab5/$seed/rtl/"* "$dir/rtl/" && cp "$file" "$dir/rtl/$module.sv" || exit 3
q q1 "the fixed file is the module with the bug" "$([[ $module == "$kmodule" ]] && echo 1 || echo 0)" \
  "$module.sv is not where the bug is; the copy graded is the handed-out rtl/ with your $module.sv in it"
if vl_build "$dir/rtl" "$dir/build.log"; then
  q q2 "verilates (verilator -Wall) with the rest of the handed-out rtl/" 1 ""
else
  q q2 "verilates (verilator -Wall) with the rest of the handed-out rtl/" 0 \
    "see $dir/build.log: $(grep -m1 -E '%(Error|Warning)' "$dir/build.log")"
  echo "score: $right/$total (nothing else can run)"; exit 1
fi

# q3: every directed scenario (the bug report's among them)
bad=""
for d in $lab5_scenarios; do
  passes "$dir/$d.log" -d "$d" || { bad=$d; break; }
done
q q3 "the directed scenarios ($lab5_scenarios)" "$([[ -z $bad ]] && echo 1 || echo 0)" \
  "${bad:+-d $bad: $(first "$dir/$bad.log") -- $dir/$bad.log; $VL/test_lockstep -d $bad -w $dir/$bad.fst replays it}"
# q4: random requests on seeds the report did not show (and the quick ones), random initial flops
s2=$((seed * 7 + 11)) s3=$((seed * 13 + 5)) s4=$((seed * 3 + 17))
bad=""
for args in "-n 1000 1" "-n 2000 $s2 $s3" "-n 500 -r 4" "-n 1000 -r $s4"; do
  # shellcheck disable=SC2086
  passes "$dir/random.log" $args || { bad=$args; break; }
done
q q4 "random lockstep: seeds 1 $s2 $s3, random initial flops 4 $s4" "$([[ -z $bad ]] && echo 1 || echo 0)" \
  "${bad:+test_lockstep $bad: $(first "$dir/random.log") -- $dir/random.log}"
# q5: mmulab (the OS and the trace runner) over the fixed RTL on the shipped and a hidden trace
python3 scripts/gen_random_trace.py "$s2" 6000 6 > "$dir/hidden.trace" || exit 3
bad=""
for t in traces/default.trace "$dir/hidden.trace"; do
  timeout 300 "$MM" --mismatch-out "$dir/mismatch" "$t" >"$dir/trace.log" 2>&1 || { bad=$t; break; }
done
q q5 "mmulab in lockstep on traces/default.trace and a hidden random trace" "$([[ -z $bad ]] && echo 1 || echo 0)" \
  "${bad:+$bad: $(first "$dir/trace.log") -- $dir/trace.log; gtkwave $dir/mismatch.gtkw}"
# q6: where the bug was (the handed-out file's lines the mutant changed)
if [[ -z $answers ]]; then
  q q6 "where the bug is (ANSWERS: file, line)" missing "give ANSWERS=FILE with 'file NAME.sv' and 'line N'"
elif [[ -z $afile || -z $aline ]]; then
  q q6 "where the bug is (ANSWERS: file, line)" missing "$answers: expected both 'file NAME.sv' and 'line N'"
elif [[ $afile != "$kfile" ]]; then
  q q6 "where the bug is: file $afile, line $aline" 0 "the bug is not in $afile"
elif ((aline < kl1 || aline > kl2)); then
  q q6 "where the bug is: file $afile, line $aline" 0 \
    "right file; line $aline is not the wrong expression (the line of the handed-out $afile, not of your fix)"
else
  q q6 "where the bug is: file $afile, line $aline" 1 ""
fi
echo "score: $right/$total$([[ $right == "$total" ]] && echo ' -- all correct')"
((right == total))
