#!/usr/bin/env bash
# check-format.sh -- do the files of scripts/format-files.txt (or the files given) follow
# .clang-format (firmware/.clang-format under firmware/)?  Prints each file that does not,
# with the first lines clang-format would change, and "check-format: N files formatted, M not";
# exit 0 when all are, 1 when one is not, 2 when a listed file is missing or there is no
# clang-format >= 16 (`AlignTrailingComments: Leave`; Debian 12: clang-format-19, which
# scripts/install-deps.sh installs).  Usage: scripts/check-format.sh [FILE...]
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
  mapfile -t files < <(grep -v -e '^#' -e '^[[:space:]]*$' scripts/format-files.txt)
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
