#!/usr/bin/env bash
# regress-merge.sh -- the one summary of a `make regress` run, whichever
# shards, hosts or Slurm tasks ran its seeds: reads OUTDIR/seedS.result for
# S = 1..SEEDS (written by scripts/regress-seed.sh; format in docs/regress.md)
# and prints
#   regress: N seeds run, C cycles compared, M mismatches, E errors, K missing
# then either "regress: all N seeds passed" or the failing seeds, the first
# (lowest) failing seed, why, and its exact command line to reproduce it.
# A seed with no result file (its shard died or never ran) counts as missing
# and failed.  Exit 0 only when every seed passed.
#   scripts/regress-merge.sh SEEDS OUTDIR
set -uo pipefail
if (($# != 2)) || [[ ! $1 =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: $0 SEEDS OUTDIR  (SEEDS: a positive integer)" >&2
  exit 2
fi
seeds=$1 out=$2
run=0 cycles=0 mismatches=0 errors=0 missing=0 failed=() first=

# bad FILE LINE WHAT: a malformed result file stops the merge.
bad() { echo "regress-merge: $1:$2: expected $3" >&2; exit 2; }

for ((s = 1; s <= seeds; s++)); do
  f=$out/seed$s.result
  if [[ ! -f $f ]]; then
    missing=$((missing + 1)) failed+=("$s")
    [[ -z $first ]] && first="seed $s: no result file $f (its shard did not run or did not finish)"
    continue
  fi
  declare -A r=()
  n=0
  while IFS= read -r line || [[ -n $line ]]; do
    n=$((n + 1))
    [[ $line =~ ^([a-z]+)\ (.*)$ ]] || bad "$f" "$n" "'KEY VALUE', got '$line'"
    r[${BASH_REMATCH[1]}]=${BASH_REMATCH[2]}
  done < "$f"
  for k in seed status cycles mismatches errors; do
    [[ -n ${r[$k]:-} ]] || bad "$f" "$((n + 1))" "a '$k' line"
  done
  [[ ${r[seed]} == "$s" ]] || bad "$f" 1 "'seed $s', got 'seed ${r[seed]}'"
  for k in cycles mismatches errors; do
    [[ ${r[$k]} =~ ^[0-9]+$ ]] || bad "$f" "$(grep -n "^$k " "$f" | cut -d: -f1)" "'$k N', got '$k ${r[$k]}'"
  done
  run=$((run + 1))
  cycles=$((cycles + ${r[cycles]})) mismatches=$((mismatches + ${r[mismatches]})) errors=$((errors + ${r[errors]}))
  case ${r[status]} in
    pass) ;;
    fail)
      failed+=("$s")
      if [[ -z $first ]]; then
        first="seed $s (shard ${r[shard]:--}): ${r[why]:-no reason recorded}"
        first+=$'\n'"regress: reproduce: ${r[command]:-no command recorded}"
      fi ;;
    *) bad "$f" "$(grep -n '^status ' "$f" | cut -d: -f1)" "'status pass' or 'status fail', got 'status ${r[status]}'" ;;
  esac
  unset r
done

plural() { (($1 == 1)) && echo "$1 $2" || echo "$1 $3"; }
echo "regress: $(plural $run 'seed run' 'seeds run'), $cycles cycles compared," \
     "$(plural $mismatches mismatch mismatches), $(plural $errors error errors), $missing missing"
if ((${#failed[@]} == 0)); then
  echo "regress: all $seeds seeds passed"
  exit 0
fi
echo "regress: $(plural ${#failed[@]} 'seed' 'seeds') of $seeds failed: ${failed[*]}"
echo "regress: first failing $first"
exit 1
