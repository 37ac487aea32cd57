#!/usr/bin/env bash
# regress.sh -- `make regress`: seeds 1..SEEDS split into SHARDS shards
# (scripts/regress-shard.sh), the shards run by GNU parallel -- on this
# machine by default, on a pool of hosts with --sshloginfile -- and then one
# summary of every seed (scripts/regress-merge.sh).  docs/regress.md.
#   scripts/regress.sh [--seeds N] [--shards K] [--jobs J] [--sshloginfile FILE]
#                      [--quick] [--joblog FILE] [--out DIR] MMULAB LOCKSTEP
# Defaults: 24 seeds; locally J = K = the number of cores; with a pool
# K = N (one seed a shard, so parallel balances the hosts) and J is what
# the sshloginfile says per host.  Exit status: the merge's (0: all passed).
set -uo pipefail
seeds=24 shards= jobs= sshloginfile= quick=() joblog= out=build/regress
usage() {
  echo "usage: $0 [--seeds N] [--shards K] [--jobs J] [--sshloginfile FILE] [--quick]" \
       "[--joblog FILE] [--out DIR] MMULAB LOCKSTEP" >&2
  [[ -n ${1:-} ]] && echo "regress.sh: $1" >&2
  exit 2
}
posint() { [[ $2 =~ ^[1-9][0-9]*$ ]] || usage "$1 needs a positive integer, got '$2'"; }
while (($#)); do
  case $1 in
    --seeds|--shards|--jobs|--sshloginfile|--joblog|--out)
      (($# >= 2)) || usage "$1 needs a value"
      case $1 in
        --seeds) posint "$1" "$2"; seeds=$2 ;;
        --shards) posint "$1" "$2"; shards=$2 ;;
        --jobs) posint "$1" "$2"; jobs=$2 ;;
        --sshloginfile) sshloginfile=$2 ;;
        --joblog) joblog=$2 ;;
        --out) out=$2 ;;
      esac
      shift 2 ;;
    --quick) quick=(--quick); shift ;;
    -*) usage "unknown option '$1'" ;;
    *) break ;;
  esac
done
(($# == 2)) || usage "expected MMULAB and LOCKSTEP, got $# arguments"
mmulab=$1 lockstep=$2
for b in "$mmulab" "$lockstep"; do
  [[ -x $b ]] || { echo "regress.sh: $b: no such program (make $b first)" >&2; exit 2; }
done
if [[ -n $sshloginfile && ! -r $sshloginfile ]]; then
  echo "regress.sh: --sshloginfile $sshloginfile: cannot read it" >&2
  exit 2
fi
command -v parallel >/dev/null || { echo "regress.sh: GNU parallel is missing (scripts/install-deps.sh)" >&2; exit 2; }

par=(parallel --will-cite --line-buffer --tagstring 'shard {}')
if [[ -n $sshloginfile ]]; then
  # the hosts see this directory at the same path (a shared file system):
  # the shard writes its results there, where the merge reads them
  par+=(--sshloginfile "$sshloginfile" --workdir "$PWD")
  : "${shards:=$seeds}"
  [[ -n $jobs ]] && par+=(--jobs "$jobs")
else
  : "${jobs:=$(nproc)}" "${shards:=$jobs}"
  par+=(--jobs "$jobs")
fi
((shards > seeds)) && shards=$seeds
[[ -n $joblog ]] && par+=(--joblog "$joblog")

mkdir -p "$out" || exit 2
rm -f "$out"/seed*.result
echo "regress: $seeds seeds in $shards shards (${sshloginfile:-local, $jobs jobs}), results in $out"
"${par[@]}" "$(dirname "$0")/regress-shard.sh" "${quick[@]}" '{}' "$shards" "$seeds" \
  "$mmulab" "$lockstep" "$out" ::: $(seq 0 $((shards - 1)))
# parallel's status is the number of failed shards; the merge says which
# seeds and why, and fails too when any seed failed or left no result
"$(dirname "$0")/regress-merge.sh" "$seeds" "$out"
