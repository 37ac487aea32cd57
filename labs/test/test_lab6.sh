#!/usr/bin/env bash
# test_lab6.sh -- lab 6's grader (labs/06-ptw/check.sh): the reference walker (the real
# rtl/mmu_ptw.sv) passes every question; the starter stub and a walker without the
# superpage alignment check (step 6) fail, with the right questions marked WRONG.
# Each case verilates a copy of rtl/ under $BUILD/lab6 (about a minute and a half).
#   BUILD=build LAB6_OBJS="mmulab's objects" bash labs/test/test_lab6.sh
set -uo pipefail
: "${BUILD:=build}" "${LAB6_OBJS:?set LAB6_OBJS (make test exports it, labs/labs.mk)}"
fails=0
ok() { echo "ok: $*"; }
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }
grade() { bash labs/06-ptw/check.sh "$1" 1 >"$BUILD/lab6-test.log" 2>&1; echo $?; }
has() { grep -qE -- "$1" "$BUILD/lab6-test.log"; }

rc=$(grade rtl/mmu_ptw.sv)
if [[ $rc == 0 ]] && has '^score: 12/12 -- all correct$'; then ok "reference rtl/mmu_ptw.sv: 12/12"
else bad "reference: exit $rc"; cat "$BUILD/lab6-test.log"; fi

rc=$(grade labs/06-ptw/starter/mmu_ptw.sv)
if [[ $rc == 1 ]] && has '^q1 +ok' && has '^q2 +WRONG' && has '^q8 +WRONG +0/1 +directed scenario nonleaf' &&
   has '^ +hint: cycle 202: resp_valid_o is 0x0 in the RTL, 0x1 in the model'; then
  ok "starter stub: builds, fails lockstep (nonleaf: the model faults in cycle 202, the RTL does not)"
else bad "starter stub: exit $rc"; cat "$BUILD/lab6-test.log"; fi

# the reference without step 6: a misaligned superpage becomes a leaf
mut=$BUILD/lab6-no-align.sv
python3 - rtl/mmu_ptw.sv "$mut" <<'PY'
import sys
s = open(sys.argv[1]).read()
old = "end else if ((ppn & low_mask) != 44'd0) begin\n      action_o = ActFault;"
assert old in s, "rtl/mmu_ptw.sv changed: update test_lab6.sh"
open(sys.argv[2], "w").write(s.replace(old, "end else if (1'b0 && (ppn & low_mask) != 44'd0) begin\n      action_o = ActFault;"))
PY
rc=$(grade "$mut")
if [[ $rc == 1 ]] && has '^q1 +ok' && has '^q7 +WRONG +0/1 +directed scenario misaligned$' && has '^q4 +ok' &&
   has '^q8 +ok'; then
  ok "no alignment check: q7 (misaligned) marked WRONG, walk and nonleaf still ok"
else bad "no alignment check: exit $rc"; cat "$BUILD/lab6-test.log"; fi

printf 'module other;\nendmodule\n' > "$BUILD/lab6-other.sv"
bash labs/06-ptw/check.sh "$BUILD/lab6-other.sv" 2>"$BUILD/lab6-test.err" >/dev/null
rc=$?
if [[ $rc == 2 ]] && grep -q "expected a 'module mmu_ptw (' line" "$BUILD/lab6-test.err"; then ok "not a mmu_ptw: exit 2"
else bad "not a mmu_ptw: exit $rc"; fi
echo "lab 6: $fails failed"
((fails == 0))
