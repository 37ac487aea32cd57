#!/usr/bin/env python3
"""prove-mutants.py -- is a surviving mutant equivalent?  Yosys 0.23 proves it or bounds it.

Usage: prove-mutants.py [--seq N] [--timeout S] [--jobs J] [--cache DIR] [--logs DIR] --args FILE K...
  --args FILE  the mutate-rtl.py arguments that numbered the mutants (the build's
               vl/rtl/args.txt), so K is the K of mutants.tsv and make mutants.
  --seq N      cycles of the bounded check after reset (default 12).
Prints one line per K:  K STATUS module(parameters) detail, STATUS one of
  proven      the mutant's module and the original are equivalent from reset: every output
              and every flop of the two netlists (flops matched by name) is proven equal by
              Yosys equiv_induct -seq 1 (equal flops and inputs in one cycle give equal
              outputs and equal flops in the next), and the bounded check below holds for
              the first cycle (the base: the outputs from the common all-zero state)
  bounded-N   no output differs in the first N cycles after a reset (miter -equiv, sat -seq N
              from reset): weaker, a difference after N cycles is not excluded
  differs     sat found an input sequence after reset that changes an output of the module
              within N cycles (the module alone: mmu_top's context may still hide it)
  unknown     Yosys gave up (timeout, unsupported construct): the log says why
The proof is on the mutant's MODULE alone (flattened, its submodules included), with the
parameters of PARAMS below (a small tested configuration's): mmu_top with its default
parameters (2048-set L3 tag arrays) is beyond sat here.  A module-level proof is stronger than the lockstep needs (any context), so
`proven` implies equivalent at mmu_top's ports; `differs` does not imply killable.
Deterministic; each result is cached in --cache by a hash of the two texts and the options.
"""
import argparse
import concurrent.futures as cf
import hashlib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
VERSION = "3"   # of the scripts below: part of the cache key (3: no -ignore_gold_x)

# The parameters a module is proven at, per generate block of the mutant ("-": outside any):
# those of a tested configuration (tb/verilator/verilator.mk) small enough for sat.  The TLB,
# mmu_core and true LRU at a small configuration's TLB (the default 32-entry, 32-way one made
# every check time out in run 5); the caches at the `small` configuration's L1, since the
# default L1/L2/L3 tag arrays are too big.  The other modules have no size parameters.
CACHES = {"L1Size": 256, "L1Ways": 2, "L1Lat": 2, "L2Size": 1024, "L2Ways": 4, "L2Lat": 3,
          "L3Size": 3072, "L3Ways": 3, "L3Lat": 5, "Line": 64, "DramLat": 7}
PARAMS = {
    ("mmu_lru", "g_plru.g_tree"): {"Sets": 4, "Ways": 2, "Policy": 1},     # small's TLB
    ("mmu_lru", "g_plru.g_one"): {"Sets": 1, "Ways": 1, "Policy": 1},
    ("mmu_lru", "g_random"): {"Sets": 4, "Ways": 3, "Policy": 2},          # small2's TLB
    ("mmu_lru", "g_lru"): {"Sets": 4, "Ways": 4, "Policy": 0},             # small3's TLB
    ("mmu_tlb", "g_sets"): {"Entries": 8, "Ways": 2, "Policy": 1},         # small's TLB
    ("mmu_tlb", "g_one_set"): {"Entries": 4, "Ways": 4, "Policy": 0},      # fully associative
    ("mmu_tlb", "g_lookup_reg"): {"Entries": 8, "Ways": 2, "Policy": 1, "LookupCycles": 2},
    ("mmu_tlb", "*"): {"Entries": 8, "Ways": 2, "Policy": 1},              # small's TLB
    ("mmu_core", "*"): {"TlbEntries": 8, "TlbWays": 2, "TlbPolicy": 1},    # small's TLB
    ("mmu_cache_level", "g_noindex"): {"Sets": 1, "Ways": 2},
    ("mmu_cache_level", "*"): {"Sets": 2, "Ways": 2},                      # small's L1
    ("mmu_cache_lat", "*"): CACHES,
    ("mmu_mem_lat", "*"): CACHES,
    ("mmu_top", "*"): dict(CACHES, TlbEntries=8, TlbWays=2, TlbPolicy=1),
}


def params_for(module, gen):
    if (module, gen) in PARAMS:
        return PARAMS[(module, gen)]
    return PARAMS.get((module, "*"), {})


def load_mutate():
    import importlib.util
    spec = importlib.util.spec_from_file_location("mutate_rtl", os.path.join(HERE, "mutate-rtl.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def read_args(path):
    a = open(path).read().split()
    seed, max_n, keep, files, i = 1, 0, None, [], 0
    while i < len(a):
        if a[i] in ("--seed", "--max", "--keep"):
            v = a[i + 1]
            if a[i] == "--seed":
                seed = int(v)
            elif a[i] == "--max":
                max_n = int(v)
            else:
                keep = v
            i += 2
        else:
            files.append(a[i])
            i += 1
    return seed, max_n, keep, files


def design_script(files, inc, top, params):
    """Yosys commands that read one copy and leave `top` flattened with its memories as flops."""
    ch = " ".join(f"-chparam {k} {v}" for k, v in sorted(params.items()))
    return [f"read_verilog -sv -I{inc} " + " ".join(files),
            f"hierarchy -top {top} {ch}", "proc", "flatten", "memory", "opt_clean"]


def yosys(script, log, timeout):
    try:
        p = subprocess.run(["yosys", "-q", "-l", log, "-p", "; ".join(script)], cwd=ROOT,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    return p.returncode


def prove_equiv(gold, gate, inc_gold, inc_gate, top, params, d, timeout):
    """Every port and every flop proven equal (flops matched by name; every other wire is
    renamed hidden, so equiv_make pairs only those): True / False / None."""
    keep = "w:* i:* o:* %u t:$*dff* t:$*ff %u %x:+[Q] w:* %i %u %d"
    s = []
    for name, files, inc in (("gold", gold, inc_gold), ("gate", gate, inc_gate)):
        s += design_script(files, inc, top, params)
        s += [f"rename -hide {keep}", f"rename {top} {name}", f"design -stash {name}"]
    s += ["design -copy-from gold -as gold gold", "design -copy-from gate -as gate gate",
          "equiv_make gold gate equiv", "hierarchy -top equiv", "equiv_simple", "equiv_induct -seq 1", "equiv_status -assert"]
    rc = yosys(s, os.path.join(d, "equiv.log"), timeout)
    return None if rc is None else rc == 0


def bounded(gold, gate, inc_gold, inc_gate, top, params, seq, d, timeout, rst=True):
    """No output differs in cycles 1..seq from the all-zero state with a reset in cycle 1 (the
    other inputs free): 'ok' / 'differs' / None (timeout, error).  Without -ignore_gold_x: with
    it, Yosys 0.23's sat (no -enable_undef) proves every miter, even a & b against a | b
    (tb/mutants/test/test_prove_mutants.sh); every flop starts at zero, so gold has no x.
    rst: the module has an rst_ni port (a combinational one, mmu_core_out, has none)."""
    s = []
    for name, files, inc in (("gold", gold, inc_gold), ("gate", gate, inc_gate)):
        s += design_script(files, inc, top, params)
        s += [f"rename {top} {name}", f"design -stash {name}"]
    s += ["design -copy-from gold -as gold gold", "design -copy-from gate -as gate gate",
          "miter -equiv -flatten -make_assert gold gate miter",
          "hierarchy -top miter", "dffunmap",
          f"sat -verify -prove-asserts -set-init-zero {'-set-at 1 in_rst_ni 0 ' if rst else ''}"
          f"-seq {seq} -timeout {timeout} miter"]
    log = os.path.join(d, "bounded.log")
    rc = yosys(s, log, timeout + 60)
    if rc is None:
        return None
    text = open(log).read()
    if rc == 0 and "SUCCESS!" in text:
        return "ok"
    if "model found: FAIL!" in text:
        return "differs"
    return None


def has_reset(src, top):
    """Whether module `top` (in the texts src) has an rst_ni port."""
    for text in src.values():
        m = re.search(r"\bmodule\s+%s\b(.*?)\);" % re.escape(top), text, re.S)
        if m:
            return re.search(r"\brst_ni\b", m.group(1)) is not None
    return True


def prove_one(k, mut, chosen, files, seq, timeout, cache, logs):
    c, p = chosen[k - 1]
    top, gen = p["module"], p["gen"] or "-"
    params = params_for(top, gen)
    where = top + ("(" + ",".join(f"{a}={b}" for a, b in sorted(params.items())) + ")" if params else "")
    gold_src = {os.path.basename(f): open(os.path.join(ROOT, f)).read() for f in files}
    gate_src = dict(gold_src)
    gate_src[c.fname] = mut.single(c, p)
    key = hashlib.sha256(repr((VERSION, sorted(gold_src.items()), gate_src[c.fname], c.fname,
                               top, sorted(params.items()), seq, timeout)).encode()).hexdigest()
    hit = os.path.join(cache, key[:32]) if cache else None
    if hit and os.path.exists(hit):
        return k, open(hit).read().rstrip("\n")
    with tempfile.TemporaryDirectory(prefix="prove-mutant") as d:
        if logs:                      # keep the Yosys logs: LOGS/K/{equiv,bounded}.log
            d = os.path.join(logs, str(k))
            shutil.rmtree(d, ignore_errors=True)
            os.makedirs(d)
        gdir = os.path.join(d, "gate")
        os.makedirs(gdir)
        for f in files:
            with open(os.path.join(gdir, os.path.basename(f)), "w") as fh:
                fh.write(gate_src[os.path.basename(f)])
        inc = os.path.join(ROOT, os.path.dirname(files[0]))
        for h in os.listdir(inc):
            if h.endswith(".svh"):
                shutil.copyfile(os.path.join(inc, h), os.path.join(gdir, h))
        gold = [os.path.join(ROOT, f) for f in files]
        gate = [os.path.join(gdir, os.path.basename(f)) for f in files]
        eq = prove_equiv(gold, gate, inc, gdir, top, params, d, timeout)
        # the induction's base is the first cycle; without an induction proof, N cycles
        b = bounded(gold, gate, inc, gdir, top, params, 1 if eq else seq, d, timeout,
                    has_reset(gold_src, top))
        if eq and b == "ok":
            line = f"proven      {where} equiv_induct: every port and flop, and the first cycle"
        elif b == "ok":
            line = f"bounded-{seq:<3d} {where} no output differs in {seq} cycles after reset"
        elif b == "differs":
            line = f"differs     {where} an output differs within {seq} cycles after reset (module alone)"
        else:
            line = f"unknown     {where} Yosys gave up (timeout {timeout} s or error)"
    line = f"{k:4d} {line}"
    if hit:
        os.makedirs(cache, exist_ok=True)
        with open(hit, "w") as fh:
            fh.write(line + "\n")
    return k, line


def prove(ks, args_file, seq=12, timeout=120, jobs=2, cache=None, logs=None):
    """{k: result line}; the line's second field is the status."""
    mut = load_mutate()
    seed, max_n, keep, files = read_args(args_file)
    _, chosen = mut.build([os.path.join(ROOT, f) for f in files], seed, max_n, mut.read_keep(
        os.path.join(ROOT, keep) if keep else None))
    for k in ks:
        if not 1 <= k <= len(chosen):
            sys.exit(f"prove-mutants: no mutant {k} (1..{len(chosen)})")
    out = {}
    with cf.ThreadPoolExecutor(max_workers=max(1, jobs)) as ex:
        for k, line in ex.map(lambda k: prove_one(k, mut, chosen, files, seq, timeout, cache, logs), ks):
            out[k] = line
    return out


def status(line):
    return line.split()[1]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--args", required=True)
    ap.add_argument("--seq", type=int, default=12)
    ap.add_argument("--timeout", type=int, default=120)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--cache", help="a directory of cached results")
    ap.add_argument("--logs", help="keep the Yosys logs in LOGS/K/")
    ap.add_argument("k", nargs="+", type=int)
    a = ap.parse_args()
    if shutil.which("yosys") is None:
        sys.exit("prove-mutants: yosys not found (scripts/install-deps.sh installs it)")
    for k, line in sorted(prove(a.k, a.args, a.seq, a.timeout, a.jobs, a.cache, a.logs).items()):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
