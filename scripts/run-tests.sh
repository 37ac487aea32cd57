#!/usr/bin/env bash
# run-tests.sh -- run every mmulab test program and check; the last line is
# "N passed, M failed".  `make test` calls it once everything is built:
#   scripts/run-tests.sh MMULAB MMULAB_ASAN TRACE TEST_BIN...
# Env: CC, FREESTANDING_CFLAGS, BUILD (where the freestanding objects go).
set -uo pipefail

mmulab=$1 mmulab_asan=$2 trace=$3
shift 3
: "${CC:=gcc}" "${BUILD:=build}" "${FREESTANDING_CFLAGS:=-std=c11 -Wall -Wextra -Werror -O2 -ffreestanding -Icmodel -Ifirmware}"
passed=0
failed=0
failures=()

# check NAME CMD...: run one test program or check and count it.
check() {
  local name=$1
  shift
  echo "=== $name"
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    failures+=("$name")
    echo "--- FAILED: $name"
  fi
}

# Compile each firmware file with no C library, link them into one
# relocatable object, and require that nothing is left undefined: the
# firmware may call nothing but itself and its HAL pointers.
freestanding() {
  local dir=$BUILD/free objs=() src undef
  rm -rf "$dir" && mkdir -p "$dir" || return 1
  for src in firmware/*.c; do
    objs+=("$dir/$(basename "${src%.c}").o")
    # shellcheck disable=SC2086  # the flags are a word list
    $CC $FREESTANDING_CFLAGS -c "$src" -o "${objs[-1]}" || return 1
  done
  ld -r -o "$dir/firmware.o" "${objs[@]}" || return 1
  undef=$(nm -u "$dir/firmware.o") || return 1
  if [[ -n $undef ]]; then
    echo "the firmware needs symbols it does not define:"
    echo "$undef"
    return 1
  fi
  echo "${#objs[@]} firmware files compile freestanding, nm -u is empty"
}

# One full run of the optimised binary under valgrind (memcheck + leaks).
valgrind_run() {
  valgrind -q --leak-check=full --error-exitcode=1 "$mmulab" "$trace" >/dev/null &&
    echo "valgrind: no errors, no leaks"
}

for t in "$@"; do
  check "$t" "$t"
done
check "tb/test/test_cli.sh" env MMULAB="$mmulab_asan" bash tb/test/test_cli.sh
check "freestanding firmware" freestanding
check "valgrind $mmulab $trace" valgrind_run

echo
((failed)) && printf 'failed: %s\n' "${failures[@]}"
echo "$passed passed, $failed failed"
((failed == 0))
