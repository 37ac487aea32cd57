#!/usr/bin/env bash
# test_translate.sh -- end-to-end tests of `mmulab translate`: the hand-derived
# results of traces/scenarios/*.expect, file:line errors, --quiz, --random.
# Usage: cli/test/test_translate.sh PATH/TO/mmulab   (exit status 1 on a failure)
set -u

BIN=${1:?usage: test_translate.sh PATH/TO/mmulab}
if [ ! -x "$BIN" ]; then
  echo "test_translate: '$BIN' is not an executable"
  exit 1
fi
HERE=$(cd "$(dirname "$0")" && pwd)
SCN="$HERE/../../traces/scenarios"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# The value of top-level key $2 in JSON line $1, without quotes.  The nested
# steps array and tlb_entry object are cut out first: they reuse key names.
json_get() {
  local line=$1 key=$2
  line=$(printf '%s' "$line" | sed -e 's/"steps":\[[^]]*\]//' -e 's/"tlb_entry":{[^}]*}//')
  printf '%s' "$line" | grep -o "\"$key\":\(\"[^\"]*\"\|[^,}]*\)" | head -n 1 |
    sed -e "s/^\"$key\"://" -e 's/^"//' -e 's/"$//'
}

# steps[].KEY of JSON line $1, joined by commas.
json_steps() {
  printf '%s' "$1" | grep -o '"steps":\[[^]]*\]' | grep -o "\"$2\":\"[^\"]*\"" |
    sed -e "s/^\"$2\":\"//" -e 's/"$//' | paste -sd, -
}

# ---- 1. scenario files against their hand-derived .expect ----
for exp in "$SCN"/*.expect; do
  scn=${exp%.expect}.scn
  name=$(basename "$scn")
  if ! "$BIN" translate --json "$scn" >"$TMP/out.json" 2>"$TMP/err"; then
    bad "$name: exit status $? ($(head -c 200 "$TMP/err"))"
    continue
  fi
  mapfile -t lines <"$TMP/out.json"
  while IFS= read -r e; do
    case $e in '#'* | '') continue ;; esac
    n=${e%% *}
    rest=${e#* }
    key=${rest%% *}
    want=${rest#"$key"}
    want=${want# }
    if [ "$n" = count ]; then
      if [ "${#lines[@]}" = "$key" ]; then ok; else bad "$name: $key accesses expected, got ${#lines[@]}"; fi
      continue
    fi
    line=${lines[$((n - 1))]:-}
    case $key in
      pte_addrs) got=$(json_steps "$line" pte_addr) ;;
      ptes) got=$(json_steps "$line" pte) ;;
      decisions) got=$(json_steps "$line" decision) ;;
      *) got=$(json_get "$line" "$key") ;;
    esac
    if [ "$got" = "$want" ]; then ok; else bad "$name: access $n $key: expected '$want', got '$got'"; fi
  done <"$exp"
done

# ---- 2. malformed scenarios: one message on stderr, nothing on stdout, exit 2 ----
# expect_error FILE-CONTENT MESSAGE: the message after "mmulab: $TMP/bad.scn:".
expect_error() {
  printf '%b' "$1" >"$TMP/bad.scn"
  "$BIN" translate "$TMP/bad.scn" >"$TMP/out" 2>"$TMP/err"
  local rc=$?
  local want="mmulab: $TMP/bad.scn:$2"
  if [ $rc -ne 2 ]; then bad "error '$2': exit $rc, expected 2"; return; fi
  if [ -s "$TMP/out" ]; then bad "error '$2': stdout not empty"; return; fi
  if [ "$(cat "$TMP/err")" != "$want" ]; then
    bad "error: expected '$want', got '$(cat "$TMP/err")'"
    return
  fi
  ok
}
A='mode sv39\nsatp 0x80001 1\n'   # a valid beginning, lines 1-2
expect_error "${A}R 0x4000zz\n" "3: expected a virtual address (0x hex or decimal), got '0x4000zz'"
expect_error "${A}jump 0x1000\n" "3: expected a directive (mode, mem, satp, word, priv, sum, mxr, ad, sfence, flush) or an access (R, W, X), got 'jump'"
expect_error "${A}# comment\nword 0x80001004 1\n" "4: expected an 8-byte aligned address, got '0x80001004'"
expect_error "${A}word 0x80001000 0x10000000000000000\n" "3: expected a word value of at most 64 bits, got '0x10000000000000000'"
expect_error "${A}word 0x80001000 18446744073709551616\n" "3: expected a word value of at most 64 bits, got '18446744073709551616'"
expect_error "${A}word 0x1000 5\n" "3: expected an address inside memory 0x80000000..0xbfffffff, got '0x1000'"
expect_error "${A}word 0xc0000000 5\n" "3: expected an address inside memory 0x80000000..0xbfffffff, got '0xc0000000'"
expect_error "mem 0x1000 0x2000\nword 0x2ff8 1\nword 0x3000 1\n" "3: expected an address inside memory 0x1000..0x2fff, got '0x3000'"
expect_error "${A}word 0x80001000\n" "3: expected a word value, got end of line"
expect_error "${A}R\n" "3: expected a virtual address, got end of line"
expect_error "${A}R 0x1000 0x5\n" "3: expected end of line, got '0x5'"
expect_error "${A}W 0x1000 5 6\n" "3: expected end of line, got '6'"
expect_error "${A}flush now\n" "3: expected end of line, got 'now'"
expect_error "mode sv57\n" "1: expected sv39 or sv48, got 'sv57'"
expect_error "${A}priv M\n" "3: expected U or S, got 'M'"
expect_error "${A}sum 2\n" "3: expected 0 or 1, got '2'"
expect_error "${A}ad hw\n" "3: expected svade or svadu, got 'hw'"
expect_error "${A}sfence asid 1 va 0x1000\n" "3: expected end of line, got 'va'"
expect_error "${A}sfence all\n" "3: expected va, asid or end of line, got 'all'"
expect_error "${A}sfence asid 65536\n" "3: expected an ASID of at most 0xffff, got '65536'"
expect_error "satp 0x100000000000 1\n" "1: expected a root PPN of at most 0xfffffffffff, got '0x100000000000'"
expect_error "satp root 1\n" "1: expected a root PPN (0x hex or decimal) or raw, got 'root'"
expect_error "${A}word 0x80001000 1\nmem 0 0x1000\n" "4: expected mem before any word or access line, got 'mem'"
expect_error "mem 0x1234 0x1000\n" "1: expected a 4 KiB aligned base address, got '0x1234'"
expect_error "${A}\n\n" " expected at least one access, got none"
# a missing file: the same one-line form, exit 2
"$BIN" translate "$TMP/no-such.scn" >"$TMP/out" 2>"$TMP/err"
rc=$?
if [ $rc -eq 2 ] && [ ! -s "$TMP/out" ] &&
  [ "$(cat "$TMP/err")" = "mmulab: cannot open '$TMP/no-such.scn': No such file or directory" ]; then
  ok
else
  bad "missing file: exit $rc, stderr '$(cat "$TMP/err")'"
fi
# command-line errors: exit 2, nothing on stdout
for args in "" "--random" "--random x7" "--json --quiz $SCN/sv39_pages.scn" "--bogus $SCN/sv39_pages.scn" \
  "--random 1 $SCN/sv39_pages.scn"; do
  # shellcheck disable=SC2086
  "$BIN" translate $args >"$TMP/out" 2>"$TMP/err"
  rc=$?
  if [ $rc -eq 2 ] && [ ! -s "$TMP/out" ] && [ "$(wc -l <"$TMP/err")" -eq 1 ]; then ok; else bad "args '$args': exit $rc"; fi
done

# ---- 3. --quiz: the same sheet, no answers ----
"$BIN" translate --quiz "$SCN/sv39_pages.scn" >"$TMP/quiz" 2>&1 || bad "--quiz exit status"
"$BIN" translate "$SCN/sv39_pages.scn" >"$TMP/key" 2>&1 || bad "answer key exit status"
if grep -q 'pa 0x' "$TMP/quiz"; then bad "--quiz shows a 'pa 0x' answer"; else ok; fi
if grep -q 'cycles: [0-9]' "$TMP/quiz"; then bad "--quiz shows cycles"; else ok; fi
if grep -q 'result: pa 0x80010678' "$TMP/key"; then ok; else bad "answer key lacks 'result: pa 0x80010678'"; fi
# the key starts with the very same sheet as the quiz
sed -n '1,/^answers/p' "$TMP/quiz" | sed '$d' >"$TMP/quiz.sheet"
sed -n '1,/^answers/p' "$TMP/key" | sed '$d' >"$TMP/key.sheet"
if cmp -s "$TMP/quiz.sheet" "$TMP/key.sheet" && [ -s "$TMP/key.sheet" ]; then ok; else bad "quiz and key sheets differ"; fi
# the sheet lists the memory words and the 7 numbered accesses of the file
if grep -q '0x80003028 *0x00000000200040df' "$TMP/quiz" && [ "$(grep -c '^ *[0-9]*\. [RWX] 0x' "$TMP/quiz.sheet")" -eq 7 ]; then
  ok
else
  bad "quiz sheet lacks the memory table or the accesses"
fi

# ---- 4. --random: deterministic, reparses to the same answers, every corner ----
for seed in 1 7 123456789; do
  "$BIN" translate --random $seed >"$TMP/r1" 2>&1
  "$BIN" translate --random $seed >"$TMP/r2" 2>&1
  if cmp -s "$TMP/r1" "$TMP/r2"; then ok; else bad "--random $seed: two runs differ"; fi
  # the whole output is a valid scenario ...
  cp "$TMP/r1" "$TMP/r.scn"
  "$BIN" translate --json "$TMP/r.scn" >"$TMP/j1" 2>"$TMP/err" || bad "--random $seed output does not run: $(cat "$TMP/err")"
  "$BIN" translate --json --random $seed >"$TMP/j2" 2>&1
  # ... with the same answers as --random --json
  if [ -s "$TMP/j1" ] && cmp -s "$TMP/j1" "$TMP/j2"; then ok; else bad "--random $seed: rerun answers differ"; fi
  # the commented answer key equals the rerun's text answers (title line aside)
  sed -n '/^# ---- answer key/,$p' "$TMP/r1" | sed '1,2d' | sed 's/^# \{0,1\}//' >"$TMP/k1"
  "$BIN" translate "$TMP/r.scn" | sed '1d' >"$TMP/k2"
  if [ -s "$TMP/k1" ] && cmp -s "$TMP/k1" "$TMP/k2"; then ok; else bad "--random $seed: commented key differs from the rerun"; fi
  # the quiz variant is valid scenario text too, and holds no answer
  "$BIN" translate --random $seed --quiz >"$TMP/q.scn" 2>&1
  if grep -q 'pa 0x' "$TMP/q.scn"; then bad "--random $seed --quiz shows answers"; else ok; fi
  if "$BIN" translate --json "$TMP/q.scn" | cmp -s - "$TMP/j2"; then ok; else bad "--random $seed --quiz does not rerun"; fi
done
"$BIN" translate --random 1 --json >"$TMP/a" 2>&1
"$BIN" translate --random 2 --json >"$TMP/b" 2>&1
if cmp -s "$TMP/a" "$TMP/b"; then bad "--random 1 and 2 give the same scenario"; else ok; fi
# every corner case of the brief shows up, for many seeds
for seed in $(seq 1 25); do
  out=$("$BIN" translate --random "$seed" --json 2>&1)
  n=$(printf '%s\n' "$out" | grep -c '^{')
  if [ "$n" -ge 8 ] && [ "$n" -le 16 ]; then ok; else bad "--random $seed: $n accesses, expected 8..16"; fi
  missing=""
  for pat in '"why":"W without R is reserved"' '"why":"reserved bits 63:54 set"' \
    '"why":"non-leaf PTE with A, D or U set (reserved)"' '"why":"misaligned superpage"' \
    '"why":"U page from S mode (fetch, or SUM=0)"' '"why":"access type not permitted by R/W/X"' \
    '"why":"A=0 under Svade"\|"why":"store with D=0 under Svade"' '"why":"outside physical memory: access fault"' \
    '"why":"non-canonical virtual address"' '"page_size":"4K"' '"page_size":"2M"' '"page_size":"1G"' \
    '"ad_write":"0x' '"stale":true'; do
    printf '%s\n' "$out" | grep -q "$pat" || missing="$missing [$pat]"
  done
  # the U page from S works with SUM=1 (a 1 GiB page), the X-only page is read with MXR=1 (2 MiB)
  printf '%s\n' "$out" | grep '"priv":"S","sum":1' | grep -q '"page_size":"1G"' || missing="$missing [SUM=1 success]"
  printf '%s\n' "$out" | grep '"op":"R"' | grep '"mxr":1' | grep -q '"page_size":"2M"' || missing="$missing [MXR=1 success]"
  # the stale access is followed, after an sfence, by a walk to the new page
  stale_va=$(printf '%s\n' "$out" | grep '"stale":true' | head -n 1 | grep -o '"va":"[^"]*"')
  after=$(printf '%s\n' "$out" | grep -A 20 '"stale":true' | sed 1d | grep -F "$stale_va" | head -n 1)
  case $after in *'"tlb_hit":false'*'"cause":0'*) ;; *) missing="$missing [walk after the sfence]" ;; esac
  if [ -z "$missing" ]; then ok; else bad "--random $seed lacks:$missing"; fi
done

echo "test_translate: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
