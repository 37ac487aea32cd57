#!/usr/bin/env bash
# regress-shard.sh -- one shard of `make regress`: every seed S in 1..SEEDS
# with (S - 1) mod SHARDS == SHARD, one after the other, through
# scripts/regress-seed.sh.  GNU parallel (scripts/regress.sh) and the Slurm
# array (scripts/regress.sbatch) both run shards through this script, so the
# two split the seeds the same way.
#   scripts/regress-shard.sh [--list] [--quick] SHARD SHARDS SEEDS MMULAB LOCKSTEP OUTDIR
# --list: print the shard's seeds, one line, and run nothing (a dry run).
# Every seed runs even when an earlier one failed; exit 1 if any failed.
set -uo pipefail
here=$(dirname "$0")
list=0 quick=()
while [[ ${1:-} == --* ]]; do
  case $1 in
    --list) list=1 ;;
    --quick) quick=(--quick) ;;
    *) echo "regress-shard.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
  shift
done
usage() {
  echo "usage: $0 [--list] [--quick] SHARD SHARDS SEEDS MMULAB LOCKSTEP OUTDIR" >&2
  echo "regress-shard.sh: $1" >&2
  exit 2
}
(($# == 6 || (list && $# >= 3))) || usage "expected 6 arguments (3 with --list), got $#"
shard=$1 shards=$2 seeds=$3
[[ $shards =~ ^[1-9][0-9]*$ ]] || usage "SHARDS must be a positive integer, got '$shards'"
[[ $seeds =~ ^[1-9][0-9]*$ ]] || usage "SEEDS must be a positive integer, got '$seeds'"
[[ $shard =~ ^[0-9]+$ ]] && ((shard < shards)) || usage "SHARD must be 0..$((shards - 1)), got '$shard'"

mine=()
for ((s = shard + 1; s <= seeds; s += shards)); do mine+=("$s"); done
if ((list)); then
  echo "shard $shard of $shards: seeds ${mine[*]:-none}"
  exit 0
fi
mmulab=$4 lockstep=$5 out=$6
fail=0
for s in "${mine[@]}"; do
  "$here/regress-seed.sh" "${quick[@]}" "$s" "$mmulab" "$lockstep" "$out" "$shard" || fail=1
done
exit $fail
