#!/usr/bin/env bash
# test_labs.sh -- the labs' checkers (labs/README.md): each passes on its reference
# solution (worked by hand, or a second implementation of the textbook rules) and
# fails, with the right question marked, on wrong ones.
#   MMULAB=build/mmulab-asan bash labs/test/test_labs.sh
set -uo pipefail
m=${MMULAB:?set MMULAB to an mmulab binary}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
ok() { echo "ok: $*"; }
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }

# expect RC GREP_PATTERN DESCRIPTION -- CMD...: exit code RC and a line matching the pattern
expect() {
  local rc=$1 pat=$2 what=$3 out got
  shift 4
  out=$("$@" 2>&1)
  got=$?
  if [[ $got -ne $rc ]]; then bad "$what: exit $got, expected $rc"; echo "$out"; return; fi
  local p
  IFS='|' read -r -a pats <<<"$pat"   # several patterns: A|B, each must match a line (no | inside one)
  for p in "${pats[@]}"; do
    if ! grep -qE -- "$p" <<<"$out"; then bad "$what: no line /$p/"; echo "$out"; return; fi
  done
  ok "$what"
}

# ---- framework: bad input, determinism ----
expect 2 "expected a lab number" "unknown lab" -- "$m" check 9 x
expect 2 "cannot open 'nope.txt'" "missing answers file" -- "$m" check 2 nope.txt
printf 'q1 3\nq1 4\n' > "$tmp/dup"
expect 2 "$tmp/dup:2: expected each question once, got 'q1' again \\(line 1\\)" "a key twice" -- "$m" check 2 "$tmp/dup"
printf 'q1\n' > "$tmp/empty"
expect 2 "$tmp/empty:1: expected an answer after 'q1'" "a key without answer" -- "$m" check 2 "$tmp/empty"
expect 2 "option --seed: expected a number" "bad seed" -- "$m" check 2 --sheet --seed x
for lab in 1 1h 2 3; do
  if cmp -s <("$m" check $lab --sheet --seed 5) <("$m" check $lab --sheet --seed 5) &&
     ! cmp -s <("$m" check $lab --sheet --seed 5) <("$m" check $lab --sheet --seed 6); then
    ok "lab $lab: same seed same sheet, another seed another sheet"
  else bad "lab $lab: sheets not deterministic or not varying"; fi
done

# ---- lab 1: translate by hand ----
sol1=labs/01-translate/solution/easy-seed1.answers
expect 0 "^score: 8/8 -- all correct" "lab 1: hand-worked key of --seed 1 passes" -- "$m" check 1 "$sol1" --seed 1
sed 's/^4 fault 15/4 pa 0x80086e30/' "$sol1" > "$tmp/l1a"
expect 1 "^4 +WRONG .*you wrote 'pa 0x80086e30'|^ +hint: this access faults|^score: 7/8$" "lab 1: a store to a read-only page answered with a pa" \
  -- "$m" check 1 "$tmp/l1a" --seed 1
sed 's/^1 pa 0x800a3070/1 pa 0x800a3000/' "$sol1" > "$tmp/l1b"
expect 1 "^1 +WRONG|^ +hint: pa = leaf ppn" "lab 1: offset dropped" -- "$m" check 1 "$tmp/l1b" --seed 1
grep -v '^7 ' "$sol1" > "$tmp/l1c"
expect 1 "^7 +missing" "lab 1: a missing access" -- "$m" check 1 "$tmp/l1c" --seed 1
expect 1 "^1 +WRONG" "lab 1: the key of seed 1 does not pass seed 2" -- "$m" check 1 "$sol1" --seed 2
# translate --check against the hand-derived .expect files of the shipped scenarios
for s in sv39_pages sv48_pages access_faults; do
  python3 labs/01-translate/solution/expect2answers.py "traces/scenarios/$s.expect" > "$tmp/$s.ans" || bad "$s.expect"
  expect 0 "^score: ([0-9]+)/\\1 -- all correct" "translate --check: hand-derived $s.expect passes" \
    -- "$m" translate --check "$tmp/$s.ans" "traces/scenarios/$s.scn"
done
sed 's/^4 pa 0x80523456/4 pa 0x40323456/' "$tmp/sv39_pages.ans" > "$tmp/sv39_bad"
expect 1 "^4 +WRONG" "translate --check: the va given as pa (2 MiB page) is wrong" \
  -- "$m" translate --check "$tmp/sv39_bad" traces/scenarios/sv39_pages.scn
expect 2 "expected ANSWERS SCENARIO" "translate --check: arguments" -- "$m" translate --check x
# the full variant is translate --random's scenario: its --json answers pass (plumbing; the
# rules themselves are checked by the hand-derived scenarios above)
for seed in 1 2 3; do
  "$m" translate --random "$seed" --json --model-only |
    python3 -c 'import json,sys
for l in sys.stdin:
    a = json.loads(l)
    print(a["access"], "fault %d" % a["cause"] if a["cause"] else "pa " + a["pa"])' > "$tmp/h$seed"
  expect 0 "all correct" "lab 1h --seed $seed: translate --random's own answers pass" -- "$m" check 1h "$tmp/h$seed" --seed $seed
done

# ---- lab 2: replacement policies ----
sol2=labs/02-replacement/solution/seed1.answers
expect 0 "^score: 8/8 -- all correct" "lab 2: hand-worked key of --seed 1 passes" -- "$m" check 2 "$sol2" --seed 1
sed 's/^q3 9/q3 8/' "$sol2" > "$tmp/l2a"
expect 1 "^q3 +WRONG|^ +hint: CLOCK|^score: 7/8$" "lab 2: CLOCK counted as LRU" -- "$m" check 2 "$tmp/l2a" --seed 1
sed 's/^q7 no/q7 yes/' "$sol2" > "$tmp/l2b"
expect 1 "^q7 +WRONG" "lab 2: a wrong anomaly answer" -- "$m" check 2 "$tmp/l2b" --seed 1
for seed in $(seq 1 10); do
  "$m" check 2 --sheet --seed "$seed" | python3 labs/02-replacement/solution/policies.py > "$tmp/p$seed"
  grep -qx 'q5 9' "$tmp/p$seed" && grep -qx 'q6 10' "$tmp/p$seed" || bad "lab 2 --seed $seed: Belady's string is not 9/10"
  expect 0 "all correct" "lab 2 --seed $seed: the second implementation's answers pass" -- "$m" check 2 "$tmp/p$seed" --seed "$seed"
done

# ---- lab 3: TLB reach ----
sol3=labs/03-tlb-reach/solution/seed1.answers
expect 0 "^score: 8/8 -- all correct" "lab 3: hand-worked key of --seed 1 passes" -- "$m" check 3 "$sol3" --seed 1
sed 's/^q4 966/q4 920/' "$sol3" > "$tmp/l3a"
expect 1 "^q4 +WRONG|^ +hint: .*retries of the first round" "lab 3: the retries of round 1 forgotten" -- "$m" check 3 "$tmp/l3a" --seed 1
sed 's/^q6 17/q6 15.2/' "$sol3" > "$tmp/l3b"
expect 1 "^q6 +WRONG" "lab 3: AMAT 15.2 for 17 (more than 10 % off)" -- "$m" check 3 "$tmp/l3b" --seed 1
sed 's/^q6 17/q6 15.4/' "$sol3" > "$tmp/l3c"
expect 0 "all correct" "lab 3: AMAT 15.4 for 17 (within 10 %)" -- "$m" check 3 "$tmp/l3c" --seed 1
for seed in $(seq 2 8); do
  "$m" check 3 --sheet --seed "$seed" | python3 labs/03-tlb-reach/solution/formulas.py > "$tmp/f$seed"
  expect 0 "all correct" "lab 3 --seed $seed: the handout's formulas pass" -- "$m" check 3 "$tmp/f$seed" --seed "$seed"
done

echo "labs: $fails failed"
((fails == 0))
