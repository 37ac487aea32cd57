#!/usr/bin/env bash
# regress-seed.sh -- one seed of `make regress`: a random multi-process trace
# through mmulab in lockstep with OS settings drawn from the seed, with
# random initial flop values, plus the random lockstep driver on the seed.
#   scripts/regress-seed.sh SEED MMULAB LOCKSTEP OUTDIR
set -euo pipefail
seed=$1 mmulab=$2 lockstep=$3 out=$4
mkdir -p "$out"
modes=(sv39 sv48) policies=(lru fifo clock) ads=(svadu svade)
mode=${modes[seed % 2]}
python3 scripts/gen_random_trace.py "$seed" 20000 $((2 + seed % 24)) "$mode" > "$out/seed$seed.trace"
if ! "$lockstep" -n 3000 $((100 + seed)) > "$out/seed$seed.random.log" ||
   ! "$lockstep" -n 1000 -r $((500 + seed)) >> "$out/seed$seed.random.log"; then
  cat "$out/seed$seed.random.log"
  exit 1
fi
args=(--mode "$mode" --frames $((32 + 16 * (seed % 8))) --swap $((16 * (seed % 5)))
      --policy "${policies[seed % 3]}" --ad "${ads[seed % 2]}" --rand-reset "$seed"
      --mismatch-out "$out/seed$seed-mismatch")
if ! "$mmulab" "${args[@]}" "$out/seed$seed.trace" > "$out/seed$seed.log" ||
   ! grep -q ' 0 mismatches' "$out/seed$seed.log"; then
  cat "$out/seed$seed.log"
  echo "regress: seed $seed FAILED: $mmulab ${args[*]} $out/seed$seed.trace"
  exit 1
fi
echo "regress: seed $seed ok ($(grep '^lockstep:' "$out/seed$seed.log"))"
