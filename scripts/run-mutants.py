#!/usr/bin/env python3
"""run-mutants.py -- the lockstep suite on every mutant of scripts/mutate-rtl.py; kill rate.

Usage: run-mutants.py [--jobs J] [--only K,K-K..] [--report FILE] [--quick]
                      [--expect-killed FILE] [--equivalent FILE] [--configs C,C..]
                      [--prove N [--prove-cache DIR]] BUILD_DIR
  BUILD_DIR  holds, per configuration C of CONFIGS (default, small, small2, small3, lk2,
             memodd, ram), the mutated copy verilated with RTL_MUTANTS=1 in vl (default) or vl-C
             (the others: vl-C/rtl/mutants.tsv, args.txt, vl-C/test_lockstep, vl-C/mmulab.opts)
             and mmulab-C, mmulab linked against it.
  --expect-killed FILE: the mutants named in FILE (lines "file<TAB>operator<TAB>original<TAB>
             mutated" as in mutants.tsv; # comments) are run and must all be killed; exit 1
             otherwise (the machinery check of make test).
  --equivalent FILE: the survivors argued equivalent in docs/mutants.md (lines "file<TAB>
             module<TAB>generate<TAB>operator<TAB>original<TAB>mutated<TAB>line before<TAB>
             mutated line<TAB>line after", the lines as in rtl/ without indentation; # comments).  Each
             survivor is marked argued or NOT ARGUED, and a listed mutant that is killed is
             reported (its argument is wrong).  Informational: the kill rate is not changed.
  --prove N: each survivor through scripts/prove-mutants.py (Yosys: proven equivalent, no
             difference in N cycles after reset, differs, unknown), and besides the raw kill
             rate the score over the mutants not proven equivalent (docs/mutants.md).

Every run selects its mutant with $MMULAB_MUTANT (tb/verilator/rtl_dut.cpp drives it on
mut_sel_i).  First the unmutated copy (K = 0) must pass every step of every configuration --
else the harness is broken and nothing is counted.  Then each mutant runs the steps of each
configuration whose RTL elaborates the mutated line, cheapest first, and stops at the first
step that fails: a mismatch, a non-zero exit, a crash or a timeout kills it.
--quick: only the first configuration's cheap steps (the smoke test of make test).
Prints one line per mutant, the totals, the kill rate and every survivor with its diff; the
same text goes to --report.  Deterministic: the simulations are, and the order is by K.
"""
import argparse
import concurrent.futures as cf
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TRACE = "traces/default.trace"
SCENARIOS = ["walk", "lru", "asid", "global", "svadu", "misaligned-clean", "misaligned",
             "nonleaf", "refill-sfence", "hit-cause", "ad-cas", "ppn-high", "same-level"]
# the directed scenarios that run on any TLB (scenario_t.any_tlb of tb/verilator/drv_directed.c)
ANY_TLB_SCENARIOS = ["ppn-high", "same-level"]
TIMEOUT = 300

# Which generate blocks of which module each configuration elaborates (the parameters of
# tb/verilator/verilator.mk: RTL_* defaults and RTL_SMALL*).  A point outside generate
# blocks is in every configuration.  mmu_lru serves the TLB and the caches.
#   default: TLB 32x32 (one set) LRU, caches LRU;  small: TLB 8x2 PLRU, caches random;
#   small2: TLB 12x3 random, caches LRU;  small3: TLB 16x4 LRU, caches PLRU.
#   lk2: the default with lookup_cycles 2 (the TLB's g_lookup_reg, g_cmp_accept; the others
#   compare in LOOKUP, g_cmp_now); memodd: the default with a
#   memory of 768 MiB (tb/mutants/mutants.mk: in_mem's branch for a size not a power of two).
#   ram: the block-RAM TLB (mmu_core's g_tlb_ram, rtl/mmu_tlb_ram.sv), 16 entries as 4 sets x
#   4 ways, LRU, lookup_cycles 2 (tb/mutants/mutants.mk MUT_RAM); the flop TLB is not in it.
# Every level of every configuration has more than one set (g_index), no PLRU has one way;
# every configuration but ram has the flop TLB (mmu_core's g_tlb, TlbRam 0).
ELAB = {
    "default": {"mmu_lru": {"g_lru"}, "mmu_tlb": {"g_one_set", "g_lookup_now", "g_cmp_now"},
                "mmu_cache_level": {"g_index"}, "mmu_core": {"g_tlb"}},
    "small": {"mmu_lru": {"g_plru.g_tree", "g_random"}, "mmu_tlb": {"g_sets", "g_lookup_now", "g_cmp_now"},
              "mmu_cache_level": {"g_index"}, "mmu_core": {"g_tlb"}},
    "small2": {"mmu_lru": {"g_random", "g_lru"}, "mmu_tlb": {"g_sets", "g_lookup_now", "g_cmp_now"},
               "mmu_cache_level": {"g_index"}, "mmu_core": {"g_tlb"}},
    "small3": {"mmu_lru": {"g_lru", "g_plru.g_tree"}, "mmu_tlb": {"g_sets", "g_lookup_now", "g_cmp_now"},
               "mmu_cache_level": {"g_index"}, "mmu_core": {"g_tlb"}},
    "lk2": {"mmu_lru": {"g_lru"}, "mmu_tlb": {"g_one_set", "g_lookup_reg", "g_cmp_accept"},
            "mmu_cache_level": {"g_index"}, "mmu_core": {"g_tlb"}},
    "memodd": {"mmu_lru": {"g_lru"}, "mmu_tlb": {"g_one_set", "g_lookup_now", "g_cmp_now"},
               "mmu_cache_level": {"g_index"}, "mmu_core": {"g_tlb"}},
    "ram": {"mmu_lru": {"g_lru"}, "mmu_tlb_ram": {"g_sets"}, "mmu_tlb": set(),
            "mmu_cache_level": {"g_index"}, "mmu_core": {"g_tlb_ram"}},
}
CONFIGS = ["default", "small", "small2", "small3", "lk2", "memodd", "ram"]
# modules a configuration does not instantiate at all (their ungenerated points too)
ABSENT = {"ram": {"mmu_tlb"}}
for _c in CONFIGS:
    ABSENT.setdefault(_c, {"mmu_tlb_ram"})
# the physical memory (base, size) of a configuration's build: the default's but for memodd
# (RTL_MEM_SIZE of tb/mutants/mutants.mk); a scenario runs where its memory is the build's
MEM_DEFAULT = (0x80000000, 0x40000000)
MEM = {"memodd": (0x80000000, 0x30000000)}
LOCKSTEP_OK = re.compile(r"^#? ?lockstep: [1-9][0-9]* cycles compared, 0 mismatches$", re.M)


def vldir(build, cfg):
    return os.path.join(build, "vl" if cfg == "default" else f"vl-{cfg}")


def elaborated(m, cfg):
    if m["module"] in ABSENT[cfg]:
        return False
    if m["generate"] == "-":
        return True
    return m["generate"] in ELAB[cfg].get(m["module"], set())


def scn_mem(path):
    """(base, size) of a scenario: its `mem` line, else mmulab's default memory."""
    with open(os.path.join(ROOT, path)) as fh:
        for line in fh:
            f = line.split("#")[0].split()
            if len(f) >= 3 and f[0] == "mem":
                return int(f[1], 0), int(f[2], 0)
    return MEM_DEFAULT


def scn_files(cfg="default"):
    """The shipped scenarios whose memory is the configuration's RTL's, then the ones written
    to kill mutants (tb/mutants/scenarios/, docs/mutants.md)."""
    out = []
    for d in ("traces/scenarios", "tb/mutants/scenarios"):
        if not os.path.isdir(os.path.join(ROOT, d)):
            continue
        for f in sorted(os.listdir(os.path.join(ROOT, d))):
            p = os.path.join(d, f)
            if f.endswith(".scn") and scn_mem(p) == MEM.get(cfg, MEM_DEFAULT):
                out.append(p)   # another memory range: not this build (the model alone)
    return out


def steps(build, cfg, quick):
    """[(name, argv, kind)] of one configuration, cheapest first.  kind: ls (test_lockstep:
    exit 0 and no MISMATCH) or mm (mmulab: exit 0 and the 0-mismatch lockstep line)."""
    vl = vldir(build, cfg)
    ls = os.path.join(vl, "test_lockstep")
    mm = os.path.join(build, f"mmulab-{cfg}")
    with open(os.path.join(vl, "mmulab.opts")) as fh:
        opts = fh.read().split()
    if cfg == "default":
        s = [(f"-d {n}", [ls, "-d", n], "ls") for n in SCENARIOS]
        s += [(f"translate {os.path.basename(f)}", [mm, "translate", "@MO", f], "mm") for f in scn_files()]
        if quick:
            return s
        s += [(f"translate --random {r}", [mm, "translate", "@MO", "--random", str(r)], "mm")
              for r in (1, 2, 3)]
        s += [("random -r 4 5", [ls, "-n", "1000", "-r", "4", "5"], "ls"),
              ("trace", [mm, "@MO", TRACE], "mm"),
              ("random 1 2 3", [ls, "-n", "2000", "1", "2", "3"], "ls"),
              ("random -X 6 7", [ls, "-X", "-n", "3000", "6", "7"], "ls"),
              ("trace sv48", [mm, "@MO", "--mode", "sv48", TRACE], "mm"),
              ("trace svade", [mm, "@MO", "--ad", "svade", "--policy", "clock", TRACE], "mm"),
              # the memory stall mode (contract 2b): a stage's first cycle held
              ("random -S 300 8 9", [ls, "-S", "300", "-n", "2000", "8", "9"], "ls"),
              ("trace --mem-stall 30",
               [mm, "@MO", "--mem-stall", "30", "--seed", "5", TRACE], "mm")]
        return s
    if cfg == "memodd":   # mmulab's trace and translate --random run on the default memory
        return ([(f"translate {os.path.basename(f)}", [mm, "translate", "@MO", f], "mm")
                 for f in scn_files(cfg)] + [("random 1", [ls, "-n", "2000", "1"], "ls")])
    s = [(f"-d {n}", [ls, "-d", n], "ls") for n in (SCENARIOS if cfg == "lk2" else ANY_TLB_SCENARIOS)]
    s += [("random -r 4", [ls, "-n", "1000", "-r", "4"], "ls"),
          ("trace", [mm, "@MO"] + opts + [TRACE], "mm"),
          ("random 1 2", [ls, "-n", "2000", "1", "2"], "ls"),
          ("random -X 6", [ls, "-X", "-n", "3000", "6"], "ls")]
    if cfg == "ram":   # the directed scenarios that run on any TLB (the others need the
        # default TLB); the RAM rows under --deep, stalls, Sv48/Svade (run-tests.sh tlb_ram)
        return [(f"-d {n}", [ls, "-d", n], "ls") for n in ANY_TLB_SCENARIOS] + [
                ("random -r 4", [ls, "-n", "1000", "-r", "4"], "ls"),
                ("trace", [mm, "@MO"] + opts + [TRACE], "mm"),
                ("random 1 2", [ls, "-n", "2000", "1", "2"], "ls"),
                ("random -X 6", [ls, "-X", "-n", "3000", "6"], "ls"),
                # seed 6 without -X: a clean store's hit in a way other than 0 (the
                # invalidate's index, run 11's 818)
                ("random 6", [ls, "-n", "3000", "6"], "ls"),
                ("random -S 300 8", [ls, "-S", "300", "-n", "2000", "8"], "ls"),
                ("trace --deep", [mm, "@MO"] + opts + ["--deep", TRACE], "mm"),
                ("trace sv48 svade", [mm, "@MO"] + opts + ["--mode", "sv48", "--ad", "svade",
                                                          "--policy", "clock", TRACE], "mm")]
    if cfg == "lk2":   # seed 3: a LOOKUP answered in its 2nd cycle, then IDLE with lk_hit 1;
        # the refill at DATA's first edge under stalls (contract 2a, 2b)
        s += [("random 3", [ls, "-n", "2000", "3"], "ls"),
              ("random -S 300 8", [ls, "-S", "300", "-n", "2000", "8"], "ls")]
    return s


def run_step(argv, kind, k, tmp):
    argv = [a if a != "@MO" else "--mismatch-out" for a in argv]
    if "--mismatch-out" in argv:
        argv.insert(argv.index("--mismatch-out") + 1, os.path.join(tmp, "m"))
    env = dict(os.environ, MMULAB_MUTANT=str(k))
    try:
        p = subprocess.run(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return "timeout"
    out = p.stdout.decode(errors="replace")
    if p.returncode < 0:
        return f"crash (signal {-p.returncode})"
    if kind == "ls":
        if p.returncode == 0 and "MISMATCH" not in out:
            return None
        return "mismatch" if "MISMATCH" in out else f"exit {p.returncode}"
    if p.returncode == 0 and LOCKSTEP_OK.search(out):
        return None
    return "mismatch" if "MISMATCH" in out else f"exit {p.returncode}"


def run_mutant(build, m, configs, quick, suites):
    """(k, status, detail): status killed / survived / unelaborated."""
    k = m["k"]
    ran = False
    with tempfile.TemporaryDirectory(prefix="mmulab-mut") as tmp:
        for cfg in configs:
            if k and not elaborated(m, cfg):
                continue
            ran = True
            for name, argv, kind in suites[cfg]:
                why = run_step(argv, kind, k, tmp)
                if why:
                    return k, "killed", f"{cfg}: {name}: {why}"
    if not ran:
        return k, "unelaborated", "in no tested configuration"
    return k, "survived", ""


def parse_only(s, n):
    ks = set()
    for part in s.split(","):
        if "-" in part:
            a, b = part.split("-")
            ks.update(range(int(a), int(b) + 1))
        elif part:
            ks.add(int(part))
    return sorted(k for k in ks if 1 <= k <= n)


def src_key(m, paths):
    """What --equivalent names a mutant by: its mutants.tsv fields and the text of its source
    line with the lines before and after it (so a renumbering or a moved line keeps the name,
    and identical lines in different places are told apart)."""
    lines = open(paths[m["file"]]).read().split("\n")
    n = int(m["line"])
    return (m["file"], m["module"], m["generate"], m["operator"], m["original"], m["mutated"],
            lines[n - 2].strip() if n >= 2 else "", lines[n - 1].strip(),
            lines[n].strip() if n < len(lines) else "")


def load_equivalent(path):
    keys = set()
    for n, line in enumerate(open(path), 1):
        if not line.strip() or line.startswith("#"):
            continue
        f = line.rstrip("\n").split("\t")
        if len(f) != 9:
            sys.exit(f"run-mutants: {path}:{n}: expected 9 TAB-separated fields (file, module, "
                     f"generate, operator, original, mutated, line before, mutated line, line "
                     f"after), got {len(f)}")
        keys.add(tuple(f))
    return keys


def prove_survivors(a, ks, killed, valid, say):
    """--prove: {k: line of prove-mutants.py} and the summary lines; {} without --prove."""
    if not a.prove or not ks:
        return {}
    import importlib.util
    spec = importlib.util.spec_from_file_location("prove_mutants", os.path.join(HERE, "prove-mutants.py"))
    pm = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(pm)
    args = os.path.join(vldir(a.build, "default"), "rtl", "args.txt")
    out = pm.prove(ks, args, seq=a.prove, jobs=a.jobs, cache=a.prove_cache)
    st = [pm.status(v) for v in out.values()]
    p, b = st.count("proven"), sum(1 for x in st if x.startswith("bounded"))
    d, u = st.count("differs"), st.count("unknown")
    say(f"mutants: {len(ks)} survived, by Yosys on the mutant's module (scripts/prove-mutants.py): "
        f"{p} proven equivalent, {b} equivalent up to {a.prove} cycles after reset (bounded), "
        f"{d} differ at the module's ports, {u} unknown")
    r1 = 100.0 * killed / (valid - p) if valid - p else 0.0
    r2 = 100.0 * killed / (valid - p - b) if valid - p - b else 0.0
    say(f"mutants: score over mutants not proven equivalent {r1:.1f} % ({killed} of {valid - p}); "
        f"without the bounded ones too {r2:.1f} % ({killed} of {valid - p - b})")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", default="")
    ap.add_argument("--report")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--configs", default=",".join(CONFIGS))
    ap.add_argument("--expect-killed")
    ap.add_argument("--equivalent")
    ap.add_argument("--prove", type=int, default=0, help="bounded cycles; 0: no proofs")
    ap.add_argument("--prove-cache")
    ap.add_argument("build")
    a = ap.parse_args()
    configs = [c for c in a.configs.split(",") if c]
    if a.quick:
        configs = configs[:1]
    tsv = os.path.join(vldir(a.build, configs[0]), "rtl", "mutants.tsv")
    with open(os.path.join(vldir(a.build, configs[0]), "rtl", "args.txt")) as fh:
        mut_args = fh.read().split()
    muts = []
    with open(tsv) as fh:
        cols = fh.readline().rstrip("\n").split("\t")
        for line in fh:
            muts.append(dict(zip(cols, line.rstrip("\n").split("\t"))))
    for m in muts:
        m["k"] = int(m["k"])
    for c in configs[1:]:                  # every configuration is the same copy
        with open(os.path.join(vldir(a.build, c), "rtl", "mutants.tsv")) as fh:
            if len(fh.readlines()) != len(muts) + 1:
                sys.exit(f"run-mutants: {vldir(a.build, c)} was mutated differently from "
                         f"{vldir(a.build, configs[0])}")
    invalid = set()
    inv_file = os.path.join(vldir(a.build, configs[0]), "rtl", "invalid.txt")
    if os.path.exists(inv_file):
        invalid = {int(x) for x in open(inv_file).read().split()}
    suites = {c: steps(a.build, c, a.quick) for c in configs}
    lines = []

    def say(s=""):
        print(s, flush=True)
        lines.append(s)

    # the unmutated copy must pass everything: else a broken harness would "kill" everything
    base = dict(k=0, generate="-", module="-")
    _, st, detail = run_mutant(a.build, base, configs, a.quick, suites)
    if st != "survived":
        say(f"mutants: the unmutated copy (K=0) fails: {detail}; nothing counted")
        return 2
    nsteps = sum(len(suites[c]) for c in configs)
    say(f"mutants: unmutated copy passes all {nsteps} steps of {', '.join(configs)}")
    sel = muts
    expect = None
    if a.expect_killed:
        expect = []
        sig = {}
        for m in muts:                 # the first mutant of a signature
            sig.setdefault((m["file"], m["operator"], m["original"], m["mutated"]), m)
        for n, line in enumerate(open(a.expect_killed), 1):
            if not line.strip() or line.startswith("#"):
                continue
            key = tuple(line.rstrip("\n").split("\t"))
            if key not in sig:
                say(f"mutants: {a.expect_killed}:{n}: no such mutant in {tsv} (expected file, "
                    f"operator, original, mutated separated by tabs): {line.strip()}")
                return 1
            expect.append(sig[key]["k"])
        sel = [m for m in muts if m["k"] in set(expect)]
    if a.only:
        keep = set(parse_only(a.only, len(muts)))
        sel = [m for m in muts if m["k"] in keep]
    results = {}
    todo = [m for m in sel if m["k"] not in invalid]
    with cf.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
        futs = {ex.submit(run_mutant, a.build, m, configs, a.quick, suites): m for m in todo}
        done = 0
        for f in cf.as_completed(futs):
            k, st, detail = f.result()
            results[k] = (st, detail)
            done += 1
            if done % 50 == 0:
                print(f"mutants: {done}/{len(todo)} run", file=sys.stderr, flush=True)
    for m in sel:
        k = m["k"]
        st, detail = ("invalid", "does not elaborate") if k in invalid else results[k]
        say(f"{k:4d} {st:12s} {m['file']}:{m['line']} {m['operator']:14s} {detail}")
    count = {s: sum(1 for m in sel if (("invalid", "") if m["k"] in invalid else results[m["k"]])[0] == s)
             for s in ("killed", "survived", "invalid", "unelaborated")}
    valid = len(sel) - count["invalid"] - count["unelaborated"]
    say()
    say(f"mutants: {len(sel)} total, {count['killed']} killed, {count['survived']} survived, "
        f"{count['invalid']} invalid, {count['unelaborated']} not elaborated in any tested configuration")
    rate = 100.0 * count["killed"] / valid if valid else 0.0
    say(f"mutants: kill rate {rate:.1f} % ({count['killed']} of {valid} elaborated, valid mutants)")
    surv = [m for m in sel if m["k"] not in invalid and results[m["k"]][0] in ("survived", "unelaborated")]
    argued = {}
    if a.equivalent:
        eq = load_equivalent(a.equivalent)
        paths = {os.path.basename(f): os.path.join(ROOT, f) for f in mut_args if f.endswith(".sv")}
        listed = {m["k"] for m in sel if m["k"] not in invalid and src_key(m, paths) in eq}
        argued = {m["k"]: m["k"] in listed for m in surv if results[m["k"]][0] == "survived"}
        na = sum(1 for v in argued.values() if not v)
        e = len(argued) - na
        say(f"mutants: {len(argued)} survived: {e} argued equivalent in "
            f"{a.equivalent} (docs/mutants.md), {na} not argued")
        if valid - e:
            say(f"mutants: mutation score {100.0 * count['killed'] / (valid - e):.1f} % "
                f"({count['killed']} of {valid - e}: killed over the elaborated, valid mutants "
                f"not argued equivalent, the textbook K/(M-E); the kill rate above counts all)")
        wrong = [m for m in sel if m["k"] in listed and results[m["k"]][0] == "killed"]
        for m in wrong:
            say(f"mutants: {a.equivalent}: mutant {m['k']} ({m['file']}:{m['line']} {m['operator']}) "
                f"is listed as equivalent but was killed ({results[m['k']][1]}): its argument is wrong")
    proofs = prove_survivors(a, [m["k"] for m in surv if results[m["k"]][0] == "survived"],
                             count["killed"], valid, say)
    for m in surv:
        note = "" if m["k"] not in argued else " [argued equivalent]" if argued[m["k"]] else " [NOT ARGUED]"
        if m["k"] in proofs:
            note += f" [{proofs[m['k']].split(None, 1)[1]}]"
        say()
        say(f"--- mutant {m['k']} {results[m['k']][0]}: {m['file']}:{m['line']} ({m['module']}"
            f"{'' if m['generate'] == '-' else ' ' + m['generate']}) {m['operator']}{note}")
        d = subprocess.run([sys.executable, os.path.join(HERE, "mutate-rtl.py"), "--diff", str(m["k"])]
                           + mut_args, cwd=ROOT, stdout=subprocess.PIPE, text=True)
        for line in d.stdout.rstrip("\n").split("\n"):
            say(line)
    if expect is not None and count["killed"] != len(sel):
        say(f"mutants: FAIL: {len(sel) - count['killed']} of the {len(sel)} mutants of "
            f"{a.expect_killed} not killed")
        rc = 1
    else:
        rc = 0
    if a.report:
        os.makedirs(os.path.dirname(a.report) or ".", exist_ok=True)
        with open(a.report, "w") as fh:
            fh.write("\n".join(lines) + "\n")
    return rc


if __name__ == "__main__":
    sys.exit(main())
