#!/usr/bin/env bash
# test_lab4.sh -- lab 4's grader (labs/04-policy/check.sh) and its key:
# - aging.py (the second implementation) gives the handout's hand-worked counts, and the
#   handout's q3 table is the one aging.py -v prints;
# - the reference solution passes every question on two seeds; the starter (round robin)
#   builds and loses nothing but fails the exact counts; a policy that always evicts frame 0
#   faults more; one whose tick also clears D loses pages (the data check); one returning a
#   frame out of range has its faults refused; one calling libc is not freestanding;
# - bad input exits 2 naming the file and what was expected.
#   BUILD=build LAB4_OBJS=... LAB4_RTL=... bash labs/test/test_lab4.sh   (make test exports them)
set -uo pipefail
: "${BUILD:=build}" "${LAB4_OBJS:?set LAB4_OBJS (make test exports it, labs/labs.mk)}" "${LAB4_RTL:?set LAB4_RTL}"
here=labs/04-policy
tmp=$BUILD/lab4-test
rm -rf "$tmp" && mkdir -p "$tmp" || exit 1
fails=0
ok() { echo "ok: $*"; }
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }
grade() { bash $here/check.sh "$1" "${2:-1}" >"$tmp/log" 2>&1; echo $?; }
has() { grep -qE -- "$1" "$tmp/log"; }

# ---- the key: hand-worked numbers of the handout (README.md), not the program's output
for c in "12 3 7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1" "6 3 5 2 4 5 2 1 2 5 2 1 4 1" "9 4 1 2 3 4 1 5 2 6 1 3 7 1"; do
  read -r want args <<<"$c"
  # shellcheck disable=SC2086  # word list
  got=$(python3 $here/aging.py $args)
  if [[ $got == "$want" ]]; then ok "aging.py $args: $want faults, as worked by hand"; else bad "aging.py $args: $got, want $want"; fi
done
# the handout's table of the worked example is aging.py -v's, line for line
python3 $here/aging.py -v 3 7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1 | head -n -1 > "$tmp/table"   # not the count
# shellcheck disable=SC2016  # a literal fence
sed -n '/^```aging$/,/^```$/p' $here/README.md | sed '1d;$d' > "$tmp/handout-table"
if [[ -s $tmp/handout-table ]] && diff -u "$tmp/handout-table" "$tmp/table"; then ok "the handout's table is aging.py -v's"
else bad "the handout's worked table differs from aging.py -v (or is missing)"; fi
if cmp -s $here/starter/policy_student.c firmware/policy_student.c; then ok "the starter is the product's default policy"
else bad "labs/04-policy/starter/policy_student.c differs from firmware/policy_student.c"; fi

# ---- the reference solution: everything, on two variants
for s in 1 5; do
  rc=$(grade $here/solution/policy_student.c $s)
  if [[ $rc == 0 ]] && has '^score: 11/11 -- all correct$'; then ok "reference solution, seed $s: 11/11"
  else bad "reference solution, seed $s: exit $rc"; cat "$tmp/log"; fi
done

# ---- the starter: round robin = FIFO here; builds, loses nothing, wrong counts
rc=$(grade $here/starter/policy_student.c)
if [[ $rc == 1 ]] && has '^q1 +ok' && has '^q8 +ok' && has '^q9 +ok' &&
   has '^q3 +WRONG' && has 'hint: 15 page faults, expected 12'; then
  ok "starter: builds, no page lost, Silberschatz's string gives FIFO's 15 (textbook), not 12"
else bad "starter: exit $rc"; cat "$tmp/log"; fi

# ---- wrong policies
w=$tmp/wrong
mkdir -p "$w"
stubs='void policy_student_init(os_t *os) { (void)os; }
void policy_student_insert(os_t *os, uint32_t f) { (void)os; (void)f; }
void policy_student_remove(os_t *os, uint32_t f) { (void)os; (void)f; }'
printf '#include "policy.h"\n%s\nuint32_t policy_student_victim(os_t *os) { (void)os; return 0; }\n' "$stubs" > "$w/frame0.c"
rc=$(grade "$w/frame0.c")
# always frame 0 on Silberschatz's string, 3 frames, by hand: 7 0 1 fill frames 0 1 2; every
# later miss replaces frame 0, so 0 and 1 stay: misses 7 0 1 2 3 4 2 3 2 7, 10 faults
if [[ $rc == 1 ]] && has '^q3 +WRONG' && has 'hint: 10 page faults, expected 12' && has '^q8 +ok' &&
   has '^q11 +WRONG'; then
  ok "always frame 0: exact counts and the random trace's count WRONG, no page lost"
else bad "always frame 0: exit $rc"; cat "$tmp/log"; fi

sed -e 's/policy_take_accessed(os, f)/take_ad(os, f)/' -e '/^#define AGE_TOP/r /dev/stdin' $here/solution/policy_student.c > "$w/clear_d.c" <<'C'
#include "os_internal.h"
#include "pagetable.h"
/* wrong on purpose: the tick clears A and D with one write, so a dirty page looks clean */
static int take_ad(os_t *os, uint32_t f)
{
  uint64_t va = os->frame[f].vpn << RV_PAGE_SHIFT, pte_pa, pte;

  if (pagetable_walk(os, os->frame[f].owner, va, 0, &pte_pa) != PT_OK)
    return 0;
  pte = os_hw_read(os, pte_pa);
  os_hw_write(os, pte_pa, pte & ~(uint64_t)(PTE_A | PTE_D));
  os_hw_sfence_page(os, va, os->frame[f].owner);
  return (pte & PTE_A) != 0;
}
C
rc=$(grade "$w/clear_d.c")
if [[ $rc == 1 ]] && has '^q3 +ok' && has '^q8 +WRONG' && has '^q9 +WRONG' && has 'hint: internal error: data check: .* a page was lost'; then
  ok "clears D in its tick: same counts on read-only strings, the data check fails (q8, q9)"
else bad "clears D: exit $rc"; cat "$tmp/log"; fi

printf '#include "policy.h"\n%s\nuint32_t policy_student_victim(os_t *os) { return policy_frames(os); }\n' "$stubs" > "$w/past_end.c"
rc=$(grade "$w/past_end.c")
if [[ $rc == 1 ]] && has '^q8 +WRONG' && has 'faults refused: policy_student_victim returned a frame that is free or out of range'; then
  ok "victim past the last frame: the OS refuses the faults, q8 WRONG with the reason"
else bad "victim past the end: exit $rc"; cat "$tmp/log"; fi

sed 's|(void)os; */\* os->pol starts all zero: every counter 0 \*/|__builtin_memset(os->pol.frame, 0, sizeof os->pol.frame);|' \
  $here/solution/policy_student.c > "$w/libc.c"
grep -q __builtin_memset "$w/libc.c" || bad "libc.c: the solution changed, update test_lab4.sh"
rc=$(grade "$w/libc.c")
if [[ $rc == 1 ]] && has '^q1 +WRONG' && has '^the firmware needs|memset' && ! has '^q2'; then
  ok "calls memset: not freestanding (q1 WRONG, nothing else runs)"
else bad "memset: exit $rc"; cat "$tmp/log"; fi

# ---- bad input: exit 2 with the file and what was expected
bash $here/check.sh "$tmp/none.c" 2>"$tmp/err" >/dev/null
rc=$?
if [[ $rc == 2 ]] && grep -q "lab 4: cannot open '$tmp/none.c'" "$tmp/err"; then ok "missing file: exit 2"
else bad "missing file: exit $rc"; fi
grep -v 'policy_student_remove' $here/solution/policy_student.c > "$w/no_remove.c"
bash $here/check.sh "$w/no_remove.c" 2>"$tmp/err" >/dev/null
rc=$?
if [[ $rc == 2 ]] && grep -q "$w/no_remove.c: expected a definition of policy_student_remove" "$tmp/err"; then
  ok "no policy_student_remove: exit 2 naming the file and the function"
else bad "no remove: exit $rc"; cat "$tmp/err"; fi
bash $here/check.sh $here/solution/policy_student.c x 2>"$tmp/err" >/dev/null
rc=$?
if [[ $rc == 2 ]] && grep -q "SEED: expected a number, got 'x'" "$tmp/err"; then ok "bad seed: exit 2"
else bad "bad seed: exit $rc"; fi
echo "lab 4: $fails failed"
((fails == 0))
