# cli/test/lib.sh -- the shell harness of the CLI's tests (test_views.sh, test_hugepages.sh),
# sourced once the test has set $MMULAB (an absolute path) and cd'd to the repository root:
# $tmp (removed on exit), the pass/fail counts and
#   ok NAME / bad NAME [DETAIL] / same NAME GOT WANT     count and print one check
#   run ARGS...                                          run mmulab: sets $rc, $out, $err
#   expect_error NAME MESSAGE ARGS...                    exit 2, nothing on stdout, MESSAGE as
#                                                        the first stderr line
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; [[ -n ${2:-} ]] && printf '     %s\n' "$2"; }
same() { if [[ $2 == "$3" ]]; then ok "$1"; else bad "$1" "got: $(printf '%q' "$2")  wanted: $(printf '%q' "$3")"; fi; }

run() {
  "$MMULAB" "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  out=$(cat "$tmp/out")
  err=$(cat "$tmp/err")
}

expect_error() {
  local name=$1 msg=$2
  shift 2
  run "$@"
  if [[ $rc -eq 2 && -z $out && ${err%%$'\n'*} == "$msg" ]]; then ok "$name"
  else bad "$name" "rc=$rc stdout=${out:0:80} stderr=${err%%$'\n'*} (wanted: $msg)"; fi
}
