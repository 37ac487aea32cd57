#!/usr/bin/env bash
# tb/mutants/test/test_prove_mutants.sh -- scripts/prove-mutants.py (Yosys) on prove_fixture.sv,
# whose verdicts are known by hand: the default `t = 4'd5` that the next line always overwrites
# (const +1, const -1) is equivalent in every context: proven; `a_i & b_i` -> `|` changes y_o
# for a_i = 1, b_i = 0 in the first cycle, and the reset stuck at 0 (q_q = a_i, not 0, after
# the reset cycle) or at 1 (q_q stays 0) changes q_o in the second: differs.  Run by
# test_mutate_rtl.sh.  (With `miter -ignore_gold_x`, prove-mutants.py's version 2, Yosys 0.23
# called the & -> | swap "bounded": this test would have caught it.)  Then prove_comb.sv, a
# module without a reset port: ^ -> | on its output differs.
set -u
cd "$(dirname "$0")/../../.."
here=tb/mutants/test
fails=0
ok() { echo "ok: $1"; }
bad() { echo "FAIL: $1"; fails=$((fails + 1)); }
if ! command -v yosys >/dev/null; then
  echo "FAIL: yosys not found (scripts/install-deps.sh installs it)"
  exit 1
fi
t=$(mktemp -d) && trap 'rm -rf "$t"' EXIT
# the mutants' numbers from the table, by their text (so the test names what it means)
k_of() { python3 scripts/mutate-rtl.py --list $here/prove_fixture.sv |
           awk -F'\t' -v op="$1" -v o="$2" '$6 == op && $7 == o { print $1; exit }'; }
kp=$(k_of "const +1" "4'd5") km=$(k_of "const -1" "4'd5") ko=$(k_of "& -> |" "a_i & b_i")
k0=$(k_of "cond-stuck-0" "!rst_ni") k1=$(k_of "cond-stuck-1" "!rst_ni")
echo "--seed 1 $here/prove_fixture.sv" >"$t/args.txt"
python3 scripts/prove-mutants.py --args "$t/args.txt" --seq 4 --timeout 60 "$kp" "$km" "$ko" "$k0" "$k1" >"$t/out"
st() { awk -v k="$1" '$1 == k { print $2 }' "$t/out"; }
for k in "$kp" "$km"; do
  if [[ $(st "$k") == proven ]]; then ok "mutant $k (an overwritten default): proven"
  else bad "mutant $k (an overwritten default): $(st "$k"), expected proven"; cat "$t/out"; fi
done
for k in "$ko" "$k0" "$k1"; do
  if [[ $(st "$k") == differs ]]; then ok "mutant $k (a live output changes): differs"
  else bad "mutant $k (a live output changes): $(st "$k"), expected differs"; cat "$t/out"; fi
done
# a module without rst_ni (prove_comb.sv): the bounded check has no reset to set (before, it
# set in_rst_ni all the same and gave up: `unknown`)
echo "--seed 1 $here/prove_comb.sv" >"$t/args_comb.txt"
kc=$(python3 scripts/mutate-rtl.py --list $here/prove_comb.sv | awk -F'\t' '$6 == "^ -> |" { print $1; exit }')
python3 scripts/prove-mutants.py --args "$t/args_comb.txt" --seq 4 --timeout 60 "$kc" >"$t/out_comb"
if [[ $(awk -v k="$kc" '$1 == k { print $2 }' "$t/out_comb") == differs ]]; then
  ok "prove_comb.sv mutant $kc (^ -> | on the output of a module without reset): differs"
else bad "prove_comb.sv mutant $kc: $(cat "$t/out_comb"), expected differs"; fi
echo "test_prove_mutants: $fails failed"
[[ $fails == 0 ]]
