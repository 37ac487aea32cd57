#!/usr/bin/env bash
# test_regress.sh -- `make regress` (scripts/regress.sh): GNU parallel runs
# two local shards of short seeds and the merge sums them; a run where one
# seed mismatches and one crashes is reported with the right first seed and
# a command line that reproduces it; the merge's arithmetic and its missing
# and malformed results; the Slurm array script's dry run splits the seeds
# as the parallel run did; --sshloginfile reaches parallel (host ":" is this
# machine: there is no ssh pool here, and no Slurm).
#   MMULAB=build/mmulab LOCKSTEP=build/verilator/test_lockstep BUILD=build scripts/test/test_regress.sh
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
: "${MMULAB:?}" "${LOCKSTEP:?}" "${BUILD:=build}"
dir=$BUILD/regress-test
rm -rf "$dir" && mkdir -p "$dir" || exit 1
fail=0
bad() { echo "test_regress: $*"; fail=1; }
# has FILE LINE: FILE has exactly LINE as one of its lines
has() { grep -qxF -- "$2" "$1" || { bad "$1 lacks the line: $2"; echo "--- $1:"; cat "$1"; }; }

# 1. two local shards, four short seeds: seeds 1 3 in shard 0, 2 4 in shard 1
out=$dir/pass
scripts/regress.sh --seeds 4 --shards 2 --jobs 2 --quick --joblog "$dir/pass.joblog" --out "$out" \
  "$MMULAB" "$LOCKSTEP" > "$dir/pass.txt" 2>&1 || bad "a clean run failed (exit $?)"
# the cycles again, from the 12 run logs rather than the result files
sum=$(cat "$out"/seed*.log | sed -n 's/^lockstep: \([0-9]*\) cycles compared, 0 mismatches$/\1/p' |
      awk '{ s += $1 } END { print s + 0 }')
[[ $(cat "$out"/seed*.log | grep -c '^lockstep: .* cycles compared, 0 mismatches$') == 12 ]] ||
  bad "expected 12 lockstep summary lines in the logs of 4 seeds x 3 runs"
((sum > 0)) || bad "no cycles in the logs"
has "$dir/pass.txt" "regress: 4 seeds run, $sum cycles compared, 0 mismatches, 0 errors, 0 missing"
has "$dir/pass.txt" "regress: all 4 seeds passed"
[[ $(awk -F'\t' 'NR > 1 && $7 == 0 { print $NF }' "$dir/pass.joblog" | grep -c 'regress-shard.sh --quick [01] 2 4 ') == 2 ]] ||
  { bad "parallel's joblog does not show shards 0 and 1 of 2, exit 0"; cat "$dir/pass.joblog"; }
for s in 1 2 3 4; do
  has "$out/seed$s.result" "shard $(((s - 1) % 2))"
done

# 2. seed 3 mismatches and seed 4 crashes (an mmulab stand-in): the merge
# names seed 3 first, with the command line that gives the same mismatch
out=$dir/fail
stub=$dir/mmulab-stub
cat > "$stub" <<STUB
#!/usr/bin/env bash
case " \$* " in
  *" --rand-reset 3 "*) echo "LOCKSTEP MISMATCH at cycle 1234 (waveform time 2468)"
                        echo "lockstep: 1234 cycles compared, 1 mismatch"; exit 1 ;;
  *" --rand-reset 4 "*) kill -SEGV \$\$ ;;
esac
exec "$MMULAB" "\$@"
STUB
chmod +x "$stub"
scripts/regress.sh --seeds 4 --shards 2 --jobs 2 --quick --out "$out" "$stub" "$LOCKSTEP" > "$dir/fail.txt" 2>&1
rc=$?
((rc == 1)) || bad "a failing run exited $rc, not 1"
has "$dir/fail.txt" "regress: 2 seeds of 4 failed: 3 4"
grep -qE '^regress: 4 seeds run, [1-9][0-9]* cycles compared, 1 mismatch, 1 error, 0 missing$' "$dir/fail.txt" ||
  { bad "summary line of the failing run"; cat "$dir/fail.txt"; }
has "$dir/fail.txt" "regress: first failing seed 3 (shard 0): trace: LOCKSTEP MISMATCH at cycle 1234 (waveform time 2468)"
# seed 3: 5 processes, sv48, 80 frames, swap 48, lru, svade (scripts/regress-seed.sh's table)
repro="python3 scripts/gen_random_trace.py 3 2000 5 sv48 > $out/seed3.trace && $stub --mode sv48 --frames 80 --swap 48 --policy lru --ad svade --rand-reset 3 --mismatch-out $out/seed3-mismatch $out/seed3.trace"
has "$dir/fail.txt" "regress: reproduce: $repro"
again=$(bash -c "$repro")
[[ $? == 1 && $again == *"MISMATCH at cycle 1234"* ]] || bad "the reproduce line did not give the mismatch again"
grep -q '^why trace: exit status 139' "$out/seed4.result" || bad "seed 4's crash is not recorded as such"

# 3. the merge alone, on results written by hand: 100 + 250 + 7 cycles,
# seed 2 missing, seed 3 failed; then a malformed file
out=$dir/merge
mkdir -p "$out"
printf 'seed 1\nshard 0\nstatus pass\ncycles 100\nmismatches 0\nerrors 0\n' > "$out/seed1.result"
printf 'seed 3\nshard 0\nstatus fail\ncycles 250\nmismatches 1\nerrors 0\nwhy random: x\ncommand echo y\n' > "$out/seed3.result"
printf 'seed 4\nshard 1\nstatus pass\ncycles 7\nmismatches 0\nerrors 0\n' > "$out/seed4.result"
scripts/regress-merge.sh 4 "$out" > "$dir/merge.txt"
[[ $? == 1 ]] || bad "merge with a missing and a failed seed did not exit 1"
has "$dir/merge.txt" "regress: 3 seeds run, 357 cycles compared, 1 mismatch, 0 errors, 1 missing"
has "$dir/merge.txt" "regress: 2 seeds of 4 failed: 2 3"
has "$dir/merge.txt" "regress: first failing seed 2: no result file $out/seed2.result (its shard did not run or did not finish)"
printf 'seed 2\nshard 1\nstatus pass\ncycles lots\nmismatches 0\nerrors 0\n' > "$out/seed2.result"
msg=$(scripts/regress-merge.sh 4 "$out" 2>&1 >/dev/null)
[[ $? == 2 && $msg == "regress-merge: $out/seed2.result:4: expected 'cycles N', got 'cycles lots'" ]] ||
  bad "malformed result: got '$msg'"
rm "$out/seed1.result" "$out/seed2.result"
scripts/regress-merge.sh 3 "$out" > "$dir/merge2.txt"
has "$dir/merge2.txt" "regress: first failing seed 1: no result file $out/seed1.result (its shard did not run or did not finish)"

# 4. the Slurm array's dry run: task I of 2 lists the seeds the parallel run gave shard I
for t in 0 1; do
  got=$(SLURM_ARRAY_TASK_ID=$t SLURM_ARRAY_TASK_COUNT=2 REGRESS_SEEDS=4 REGRESS_QUICK=1 \
        REGRESS_OUT=$dir/pass MMULAB=$MMULAB LOCKSTEP=$LOCKSTEP REGRESS_DRY_RUN=1 bash scripts/regress.sbatch)
  ran=$(grep -lx "shard $t" "$dir"/pass/seed*.result | sed 's/.*seed\([0-9]*\)\.result/\1/' | sort -n | xargs)
  want="shard $t of 2: seeds $((t + 1)) $((t + 3))
would run: scripts/regress-shard.sh --quick $t 2 4 $MMULAB $LOCKSTEP $dir/pass"
  [[ $got == "$want" && $ran == "$((t + 1)) $((t + 3))" ]] ||
    bad "slurm task $t: '$got'; the parallel run gave shard $t seeds '$ran'"
done

# 5. --sshloginfile: the shards go where the file says (":" is this machine)
echo '2/:' > "$dir/hosts"
scripts/regress.sh --seeds 2 --sshloginfile "$dir/hosts" --quick --joblog "$dir/ssh.joblog" --out "$dir/ssh" \
  "$MMULAB" "$LOCKSTEP" > "$dir/ssh.txt" 2>&1 || bad "the --sshloginfile run failed"
has "$dir/ssh.txt" "regress: all 2 seeds passed"
[[ $(awk -F'\t' 'NR > 1 && $2 == ":" && $7 == 0' "$dir/ssh.joblog" | wc -l) == 2 ]] ||
  { bad "the --sshloginfile run did not run 2 shards (one seed each) on host ':'"; cat "$dir/ssh.joblog"; }

((fail == 0)) && echo "regress: 2 local shards x 2 seeds pass and sum; a mismatch and a crash reported, seed 3 first, reproducible; merge arithmetic; slurm dry run = parallel split; --sshloginfile"
((fail == 0))
