#!/usr/bin/env bash
# check-format.sh -- does every C/C++ source of the tree (or each file given) follow .clang-format,
# the project's one C style?  Prints each file that does not, with the first lines clang-format
# would change, and "check-format: N files formatted, M not"; exit 0 when all are, 1 when one is
# not, 2 when a file given is missing or there is no clang-format >= 16 (`AlignTrailingComments:
# Leave`; Debian 12: clang-format-19, which scripts/install-deps.sh installs).
# The tree's sources: *.c, *.h, *.cpp under the source folders (build/ is not one).
#   scripts/check-format.sh [FILE...]
set -uo pipefail
cd "$(dirname "$0")/.."

cf=""
for c in clang-format-19 clang-format; do
  command -v "$c" >/dev/null || continue
  v=$("$c" --version | sed -n 's/.*version \([0-9]*\).*/\1/p')
  if [[ -n "$v" && "$v" -ge 16 ]]; then cf=$c; break; fi
done
if [[ -z "$cf" ]]; then
  echo "check-format: expected clang-format 16 or later (clang-format-19), found none" >&2
  exit 2
fi

if (($# > 0)); then
  files=("$@")
else
  mapfile -t files < <(find arch cli cmodel firmware fpga labs rtl scripts sim tb traces \
                         -type f \( -name '*.c' -o -name '*.h' -o -name '*.cpp' \) | LC_ALL=C sort)
fi

ok=0 bad=0
for f in "${files[@]}"; do
  if [[ ! -f "$f" ]]; then
    echo "check-format: $f: no such file" >&2
    exit 2
  fi
  if out=$("$cf" --style=file "$f" | diff -u --label "$f" --label "$f (clang-format)" "$f" -); then
    ok=$((ok + 1))
  else
    bad=$((bad + 1))
    echo "$out" | head -n 20
    echo "check-format: $f does not follow .clang-format: $cf -i $f formats it"
  fi
done
echo "check-format: $ok files formatted, $bad not"
((bad == 0))
