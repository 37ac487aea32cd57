#!/usr/bin/env bash
# tb/mutants/test/test_mutate_rtl.sh -- scripts/mutate-rtl.py (and scripts/mutrtl/) on a fixture:
# the mutant table equals the hand-written expected.tsv (one mutant of each operator class, none
# in a parameter, localparam, non-blocking right-hand side or unused_* sink), the copy has the
# selector, --diff and --apply change only the mutated text, and bad input is a clear error;
# then test_prove_mutants.sh (scripts/prove-mutants.py on prove_fixture.sv) and
# test_scenarios.sh (tb/mutants/scenarios/*.scn against their hand-derived .expect).
set -u
cd "$(dirname "$0")/../../.."
here=tb/mutants/test
fails=0
ok() { echo "ok: $1"; }
bad() { echo "FAIL: $1"; fails=$((fails + 1)); }
t=$(mktemp -d) && trap 'rm -rf "$t"' EXIT
if python3 scripts/mutate-rtl.py --list $here/fixture.sv | diff $here/expected.tsv - >"$t/d"; then
  ok "--list: the 11 mutants of expected.tsv, in its order"
else bad "--list differs from expected.tsv:"; cat "$t/d"; fi
python3 scripts/mutate-rtl.py --out "$t/out" $here/fixture.sv >/dev/null
if grep -qF "assign y_o = ((mut_sel_i == 16'd3) ? ((a_i) - (4'd1)) : (a_i + ((mut_sel_i == 16'd1) ? (4'd2) : (((mut_sel_i == 16'd2) ? (4'd0) : (4'd1))))));" "$t/out/fixture.sv" &&
   grep -q "input  logic \[15:0\] mut_sel_i" "$t/out/fixture.sv" &&
   grep -q "q <= a_i & K;" "$t/out/fixture.sv"; then
  ok "--out: K selects mutant K (3 the swap, 1 and 2 the constant inside the original), mut_sel_i is a port, the flop's right-hand side is untouched"
else bad "--out: the copy is not as expected"; fi
python3 scripts/mutate-rtl.py --diff 8 $here/fixture.sv >"$t/d8"
if [[ $(grep -c '^[-+][^-+]' "$t/d8") == 2 ]] && grep -q '^+.*? a_i\[1\] : b_i\[0\];' "$t/d8"; then
  ok "--diff 8: one line changed, ! dropped"
else bad "--diff 8"; fi
python3 scripts/mutate-rtl.py --apply 4 --out "$t/ap" $here/fixture.sv >/dev/null
if diff $here/fixture.sv "$t/ap/fixture.sv" | grep -q '^> .*(a_i) != (b_i)'; then
  ok "--apply 4: the plain-text mutant"
else bad "--apply 4"; fi
if ! python3 scripts/mutate-rtl.py --diff 12 $here/fixture.sv 2>"$t/e" && grep -q "no mutant 12 (1..11)" "$t/e"; then
  ok "--diff 12: a clear error"
else bad "--diff 12 is not an error"; fi
if [[ $(python3 scripts/mutate-rtl.py --max 4 --seed 3 --list $here/fixture.sv | wc -l) == 5 ]] &&
   cmp -s <(python3 scripts/mutate-rtl.py --max 4 --seed 3 --list $here/fixture.sv) \
          <(python3 scripts/mutate-rtl.py --max 4 --seed 3 --list $here/fixture.sv); then
  ok "--max 4 --seed 3: four mutants, the same twice"
else bad "--max 4 --seed 3"; fi
# a swap inside a chain: the copy replaces the whole point, ((a) || (b)) && c; the plain text
# of --diff/--apply (and so the module Yosys proves) must mean the same, not a || (b && c)
printf 'module chain (input logic [2:0] a_i, output logic z_o);\n  assign z_o = a_i[0] && a_i[1] && a_i[2];\nendmodule\n' >"$t/chain.sv"
k=$(python3 scripts/mutate-rtl.py --list "$t/chain.sv" | awk -F'\t' '$6 == "&& -> ||" && $7 == "a_i[0] && a_i[1]" {print $1}')
if [[ -n $k ]] && python3 scripts/mutate-rtl.py --diff "$k" "$t/chain.sv" |
     grep -qF '+  assign z_o = ((a_i[0]) || (a_i[1])) && a_i[2];'; then
  ok "--diff $k: a swapped operator inside a chain is parenthesised as the copy simulates it"
else bad "--diff of the chain's first && -> || (mutant '$k')"; python3 scripts/mutate-rtl.py --diff "${k:-1}" "$t/chain.sv"; fi
# `ifdef SYNTHESIS code is never simulated by the mutants' Verilator builds: no mutant of it;
# its `else branch (line 5) is the code and is mutated: its constant and its &, 2 mutants
printf 'module syn (input logic a_i, output logic z_o);\n`ifdef SYNTHESIS\n  assign z_o = 1'"'"'b1;\n`else\n  assign z_o = a_i & 1'"'"'b0;\n`endif\nendmodule\n' >"$t/syn.sv"
python3 scripts/mutate-rtl.py --list "$t/syn.sv" >"$t/syn.tsv"
if [[ $(awk -F'\t' 'NR > 1 {print $3}' "$t/syn.tsv" | sort | uniq -c | xargs) == "2 5" ]]; then
  ok "\`ifdef SYNTHESIS: only the \`else branch is mutated"
else bad "\`ifdef SYNTHESIS:"; cat "$t/syn.tsv"; fi
# scripts/prove-mutants.py, the Yosys verdicts of make mutants, on its own fixture
if bash $here/test_prove_mutants.sh >"$t/prove" 2>&1; then
  ok "test_prove_mutants.sh: proven and differs where known by hand"
else bad "test_prove_mutants.sh:"; cat "$t/prove"; fi
# the scenarios written to kill mutants against their hand-derived .expect: any mmulab will do
# (the C model answers): $MMULAB, else the first that is built
mm=
for c in "${MMULAB:-}" "${BUILD:-build}/mmulab" build/mmulab build/mutants/mmulab-default; do
  if [[ -n $c && -x $c ]]; then mm=$c; break; fi
done
if [[ -z $mm ]]; then bad "test_scenarios.sh: no mmulab built (make, or MMULAB=...)"
elif bash $here/test_scenarios.sh "$mm" >"$t/scn" 2>&1; then
  ok "test_scenarios.sh: $(tail -1 "$t/scn")"
else bad "test_scenarios.sh:"; cat "$t/scn"; fi
echo "test_mutate_rtl: $fails failed"
[[ $fails == 0 ]]
