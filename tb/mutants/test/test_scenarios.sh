#!/usr/bin/env bash
# tb/mutants/test/test_scenarios.sh -- the scenarios written to kill mutants
# (tb/mutants/scenarios/*.scn) against their hand-derived .expect (the format of
# traces/scenarios/*.expect, cli/test/test_translate.sh): the mutants run compares them with
# the C model cycle by cycle; this checks the model's answers against the hand derivation.
# Usage: test_scenarios.sh [PATH/TO/mmulab]   (default build/mmulab; run by test_mutate_rtl.sh)
set -u
cd "$(dirname "$0")/../../.."
bin=${1:-build/mmulab}
[[ -x $bin ]] || { echo "FAIL: test_scenarios: '$bin' is not an executable"; exit 1; }
fails=0 n=0
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }
t=$(mktemp -d) && trap 'rm -rf "$t"' EXIT
# top-level key $2 of JSON line $1 (the nested steps and tlb_entry cut out first)
json_get() {
  printf '%s' "$1" | sed -e 's/"steps":\[[^]]*\]//' -e 's/"tlb_entry":{[^}]*}//' |
    grep -o "\"$2\":\(\"[^\"]*\"\|[^,}]*\)" | head -n 1 | sed -e "s/^\"$2\"://" -e 's/^"//' -e 's/"$//'
}
json_steps() {
  printf '%s' "$1" | grep -o '"steps":\[[^]]*\]' | grep -o "\"$2\":\"[^\"]*\"" |
    sed -e "s/^\"$2\":\"//" -e 's/"$//' | paste -sd, -
}
for exp in tb/mutants/scenarios/*.expect; do
  scn=${exp%.expect}.scn name=$(basename "$scn")
  if ! "$bin" translate --model-only --json "$scn" >"$t/out.json" 2>"$t/err"; then
    bad "$name: exit status $? ($(head -c 200 "$t/err"))"
    continue
  fi
  mapfile -t lines <"$t/out.json"
  while IFS= read -r e; do
    case $e in '#'* | '') continue ;; esac
    k=${e%% *} rest=${e#* }
    key=${rest%% *} want=${rest#"$key"} want=${want# }
    n=$((n + 1))
    if [[ $k == count ]]; then
      [[ ${#lines[@]} == "$key" ]] || bad "$name: $key accesses expected, got ${#lines[@]}"
      continue
    fi
    line=${lines[$((k - 1))]:-}
    case $key in
      pte_addrs) got=$(json_steps "$line" pte_addr) ;;
      *) got=$(json_get "$line" "$key") ;;
    esac
    [[ $got == "$want" ]] || bad "$name: access $k $key: expected '$want', got '$got'"
  done <"$exp"
done
echo "test_scenarios: $n checks, $fails failed"
[[ $fails == 0 ]]
