#!/usr/bin/env bash
# test_setup_order.sh -- on a bare machine nothing may be built before the
# packages are installed.  For every goal that uses a tool, `make -n GOAL`
# in a clean build directory must list scripts/install-deps.sh as its first
# command, and every build command after it must come from the sub-make
# that phase 1 starts (MMULAB_DEPS_DONE=1).  Goals that need no tool must
# not install anything.  Prints "setup order: N goals checked".
set -uo pipefail
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0 n=0
# Run as a user would type it: when make test runs this, the phase-2 make's
# MAKEFLAGS (with MMULAB_DEPS_DONE=1) would otherwise reach these makes.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES MMULAB_DEPS_DONE

tool_goals=(all run test bench regress fuzz wave coverage)
for goal in "${tool_goals[@]}"; do
  # `make -n` still runs recipe lines that call $(MAKE); the build dir is
  # empty, so make has to list every command it would run from scratch.
  # (its exit status is not the point: a dry run cannot enter the
  # directories a real run would have made)
  make -n --no-print-directory BUILD="$tmp/build" "$goal" >"$tmp/out" 2>&1
  if grep -q "No rule to make target '$goal'" "$tmp/out"; then
    echo "make $goal: no such goal"; fail=1; continue
  fi
  first=$(sed -n 1p "$tmp/out") second=$(sed -n 2p "$tmp/out")
  if [[ $first != scripts/install-deps.sh ]]; then
    echo "make $goal: first command is '$first', not scripts/install-deps.sh"; fail=1
  elif [[ $second != *"MMULAB_DEPS_DONE=1"* ]]; then
    echo "make $goal: second command is '$second', not the phase-2 sub-make"; fail=1
  elif [[ $(grep -c . "$tmp/out") -lt 3 && $goal != wave ]]; then
    echo "make $goal: the sub-make listed no commands (clean build dir expected)"; fail=1
  elif grep -n 'install-deps' "$tmp/out" | grep -qv '^1:'; then
    echo "make $goal: install-deps.sh runs again inside the sub-make"; fail=1
  fi
  n=$((n + 1))
done
for goal in clean help; do
  make -n --no-print-directory BUILD="$tmp/build" "$goal" >"$tmp/out" 2>&1
  if grep -q 'install-deps' "$tmp/out"; then
    echo "make $goal: installs packages, but needs none"; fail=1
  fi
  n=$((n + 1))
done
((fail == 0)) && echo "setup order: $n goals checked, install-deps.sh first in each tool goal"
((fail == 0))
