#!/usr/bin/env bash
# test_pnr_seeds.sh -- fpga/pnr_seeds.py against a stand-in nextpnr whose Fmax per seed is
# known (seed 1: 50.5, 2: 61.25, 3: 61.25, 4: 40, 9: it fails): the fastest placement is kept,
# the lowest seed among equals, its three files copied, every seed's Fmax in .seeds.json;
# a failing run, bad SEEDS and a report without fmax are errors (exit 1, a message).
set -uo pipefail
t=$(mktemp -d /tmp/mmulab-pnr.XXXXXX)
trap 'rm -rf "$t"' EXIT
fails=0
ok() { echo "ok: $1"; }
bad() { echo "FAIL: $1"; fails=$((fails + 1)); }
cat > "$t/nextpnr" <<'PY'
#!/usr/bin/env python3
import json, sys
a = sys.argv[1:]
opt = {a[i]: a[i + 1] for i in range(len(a) - 1) if a[i].startswith("--")}
seed = int(opt["--seed"])
if seed == 9:
    print("stand-in nextpnr: seed 9 fails"); sys.exit(3)
fmax = {1: 50.5, 2: 61.25, 3: 61.25, 4: 40.0}[seed]
open(opt["--asc"], "w").write(f"asc of seed {seed}\n")
open(opt["--log"], "w").write(f"log of seed {seed}\n")
rep = {"utilization": {}, "fmax": {"clk": {"achieved": fmax, "constraint": 60.0}}}
if opt.get("--pcf") == "nofmax.pcf":
    rep.pop("fmax")
json.dump(rep, open(opt["--report"], "w"))
PY
chmod +x "$t/nextpnr"
run() { python3 fpga/pnr_seeds.py "$t/top" "$t/in.json" "$1" "$2" -- "$t/nextpnr" --freq 60; }

out=$(run pins.pcf "1 2 3 4" 2>&1); rc=$?
kept=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["kept"], d["seeds"]["1"], d["seeds"]["2"], d["seeds"]["3"], d["seeds"]["4"])' "$t/top.seeds.json" 2>/dev/null)
if [[ $rc -eq 0 && $kept == "2 50.5 61.25 61.25 40.0" && $(cat "$t/top.asc") == "asc of seed 2" &&
      $(cat "$t/top.pnr.log") == "log of seed 2" ]] && cmp -s "$t/top.pnr.json" "$t/top.s2.pnr.json"; then
  ok "seeds 1-4: seed 2 kept (61.25 MHz, the lower of two equal seeds), its asc, log and report copied"
else bad "seeds 1-4: rc $rc, seeds.json '$kept', asc '$(cat "$t/top.asc" 2>/dev/null)': $out"; fi
[[ $out == *"kept seed 2"* ]] && ok "the summary line names the seed kept" || bad "summary: $out"
out=$(run pins.pcf "4 1" 2>&1) && [[ $(cat "$t/top.asc") == "asc of seed 1" ]] &&
  ok "seeds 4 1: seed 1 kept (50.5 > 40), whatever the order" || bad "seeds 4 1: $out"
out=$(run pins.pcf "1 9" 2>&1); rc=$?
[[ $rc -eq 1 && $out == *"seed 9"*"exited 3"* ]] && ok "a failing nextpnr run: exit 1 naming the seed and its exit" ||
  bad "failing run: rc $rc: $out"
out=$(run pins.pcf "1 x" 2>&1); rc=$?
[[ $rc -eq 1 && $out == *"expected whole numbers"* ]] && ok "SEEDS '1 x': exit 1, what was expected" || bad "bad SEEDS: rc $rc: $out"
out=$(run pins.pcf "2 2" 2>&1); rc=$?
[[ $rc -eq 1 && $out == *"distinct"* ]] && ok "SEEDS '2 2': exit 1" || bad "repeated SEEDS: rc $rc: $out"
out=$(run nofmax.pcf "1" 2>&1); rc=$?
[[ $rc -eq 1 && $out == *"s1.pnr.json"*"fmax"* ]] && ok "a report without fmax: exit 1 naming the file" ||
  bad "report without fmax: rc $rc: $out"
echo "test_pnr_seeds: $fails failed"
[[ $fails -eq 0 ]]
