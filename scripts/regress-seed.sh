#!/usr/bin/env bash
# regress-seed.sh -- one seed of `make regress`: the random lockstep driver
# on the seed, the same with random initial flop values, and a random
# multi-process trace through mmulab in lockstep with OS settings drawn from
# the seed (and random initial flops).  All three always run; the seed's
# result goes to OUTDIR/seedSEED.result (format in docs/regress.md) for
# scripts/regress-merge.sh, logs to OUTDIR/seedSEED.*.log.
#   scripts/regress-seed.sh [--quick] SEED MMULAB LOCKSTEP OUTDIR [SHARD]
# --quick: a tenth of the requests and accesses (make test uses it).
# Exit 0 when all three runs ended with 0 mismatches, 1 otherwise.
set -uo pipefail
requests=3000 reset_requests=1000 accesses=20000
if [[ ${1:-} == --quick ]]; then
  requests=300 reset_requests=100 accesses=2000
  shift
fi
if (($# < 4)) || [[ ! $1 =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: $0 [--quick] SEED MMULAB LOCKSTEP OUTDIR [SHARD]  (SEED: a positive integer)" >&2
  exit 2
fi
seed=$1 mmulab=$2 lockstep=$3 out=$4 shard=${5:--}
mkdir -p "$out" || exit 2
result=$out/seed$seed.result
rm -f "$result" "$out/seed$seed".*.log

cycles=0 mismatches=0 errors=0 first_cmd= first_why=

# quote WORD...: the words as one shell command line, each quoted as needed.
quote() { local q; printf -v q '%q ' "$@"; printf '%s' "${q% }"; }

# run NAME CMDLINE: run one command line (bash -c, from the repository root,
# output to OUTDIR/seedSEED.NAME.log), add the cycles of its "lockstep: N
# cycles compared, M mismatch(es)" line, and keep the first failure.
run() {
  local name=$1 cmd=$2 log=$out/seed$seed.$1.log rc line c m why
  bash -c "$cmd" > "$log" 2>&1
  rc=$?
  line=$(grep -E '^#? ?lockstep: [0-9]+ cycles compared, [0-9]+ mismatch(es)?$' "$log" | tail -n 1)
  c=0 m=
  if [[ $line =~ lockstep:\ ([0-9]+)\ cycles\ compared,\ ([0-9]+)\ mismatch ]]; then
    c=${BASH_REMATCH[1]} m=${BASH_REMATCH[2]}
  fi
  cycles=$((cycles + c))
  if ((rc == 0)) && [[ $m == 0 ]]; then
    return 0
  elif [[ -n $m && $m != 0 ]]; then
    mismatches=$((mismatches + m))
    why="$name: $(grep -m 1 -iE 'mismatch at cycle' "$log" || echo "$line")"
  else
    errors=$((errors + 1))
    why="$name: exit status $rc, no lockstep line (see $log)"
    [[ -n $line ]] && why="$name: exit status $rc after '$line' (see $log)"
  fi
  if [[ -z $first_cmd ]]; then
    first_cmd=$cmd first_why=$why
  fi
}

modes=(sv39 sv48) policies=(lru fifo clock) ads=(svadu svade)
mode=${modes[seed % 2]}
trace=$out/seed$seed.trace
gen=$(quote python3 "$(dirname "$0")/gen_random_trace.py" "$seed" "$accesses" $((2 + seed % 24)) "$mode")
args=(--mode "$mode" --frames $((32 + 16 * (seed % 8))) --swap $((16 * (seed % 5)))
      --policy "${policies[seed % 3]}" --ad "${ads[seed % 2]}" --rand-reset "$seed"
      --mismatch-out "$out/seed$seed-mismatch")

run random "$(quote "$lockstep" -n "$requests" $((100 + seed)))"
run reset "$(quote "$lockstep" -n "$reset_requests" -r $((500 + seed)))"
run trace "$gen > $(quote "$trace") && $(quote "$mmulab" "${args[@]}" "$trace")"

status=pass
((mismatches + errors > 0)) && status=fail
{
  echo "seed $seed"
  echo "shard $shard"
  echo "status $status"
  echo "cycles $cycles"
  echo "mismatches $mismatches"
  echo "errors $errors"
  if [[ $status == fail ]]; then
    echo "why $first_why"
    echo "command $first_cmd"
  fi
} > "$result.tmp" && mv "$result.tmp" "$result"
if [[ $status == pass ]]; then
  echo "regress: seed $seed ok, $cycles cycles compared"
else
  echo "regress: seed $seed FAILED: $first_why"
  echo "  reproduce: $first_cmd"
  exit 1
fi
