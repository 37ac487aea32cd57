#!/usr/bin/env python3
"""wave_model_check.py -- check the model scope of a lockstep mismatch's waveform.

  wave_model_check.py REPORT VALUES GTKW

REPORT is the mismatch report (tb/mismatch.c), VALUES the FST's value changes as
tb/systemc/test/vcd_values.py --scope TOP.mmu_ prints them ("time name value", binary),
GTKW the GTKWave save file.  What must hold (docs/lockstep.md, "When they differ"):

- the report's cycle C is the first that differs, so at every sample (clock low, time 2k)
  of the window before C each of the 13 output ports X_o reads the same in TOP.mmu_top
  and TOP.mmu_model, and TOP.mmu_model.mismatch is 0;
- at 2C each port of the report reads its RTL value in TOP.mmu_top and its model value in
  TOP.mmu_model (the two differ), every other port agrees, and mismatch is 1;
- the model's ports change where the RTL's do, at rising edges (odd times), mismatch at
  samples (even times), after the window's first dump;
- the GTKWave file's first traces are mismatch, then for each port of the report, in
  its order, TOP.mmu_top.X_o and TOP.mmu_model.X_o; no port is listed twice.

Prints one line per failed check and "ok ..." at the end; exit 0 only when all hold, 2 on
unreadable input (a message naming the file and line).
"""
import re
import sys

PORTS = ["req_ready", "resp_valid", "resp_fault", "resp_cause", "resp_tval", "resp_paddr",
         "resp_tlb_hit", "resp_level", "resp_rdata", "mem_valid", "mem_we", "mem_addr",
         "mem_wdata"]
RTL, MODEL = "TOP.mmu_top.", "TOP.mmu_model."


def read_report(path):
    text = open(path, encoding="ascii", errors="replace").read()
    m = re.search(r"^LOCKSTEP MISMATCH at cycle (\d+) ", text, re.M)
    w = re.search(r"\(cycles (\d+)\.\.(\d+)\)", text)
    if not m or not w:
        raise ValueError(f"{path}: expected 'LOCKSTEP MISMATCH at cycle N' and '(cycles A..B)'")
    rows, in_table = [], False
    for line in text.splitlines():
        f = line.split()
        if f[:3] == ["port", "RTL", "model"]:
            in_table = True
        elif in_table and len(f) == 3 and f[1].startswith("0x") and f[2].startswith("0x"):
            rows.append((f[0], int(f[1], 16), int(f[2], 16)))
        elif in_table:
            break
    if not rows:
        raise ValueError(f"{path}: no port rows under 'port RTL model'")
    return int(m.group(1)), int(w.group(1)), rows


def read_values(path):
    changes = {}
    with open(path, encoding="ascii") as f:
        for n, line in enumerate(f, 1):
            w = line.split()
            if len(w) != 3 or not w[0].isdigit() or not re.fullmatch(r"[01]+", w[2]):
                raise ValueError(f"{path}:{n}: expected 'TIME NAME BINARY'")
            changes.setdefault(w[1], []).append((int(w[0]), int(w[2], 2)))
    return changes


def value_at(changes, name, t):
    v = None
    for time, val in changes.get(name, ()):
        if time > t:
            break
        v = val
    return v


def main(argv):
    if len(argv) != 4:
        sys.stderr.write("usage: wave_model_check.py REPORT VALUES GTKW\n")
        return 2
    try:
        cycle, first, rows = read_report(argv[1])
        ch = read_values(argv[2])
        gtkw = [l.strip() for l in open(argv[3], encoding="ascii")]
    except (OSError, ValueError) as e:
        sys.stderr.write(f"wave_model_check.py: {e}\n")
        return 2
    bad = []
    for p in PORTS:
        for name in (RTL + p + "_o", MODEL + p + "_o"):
            if name not in ch:
                bad.append(f"{name}: not in the waveform")
    if MODEL + "mismatch" not in ch:
        bad.append(f"{MODEL}mismatch: not in the waveform")
    if bad:
        print("\n".join(bad))
        return 1
    # before the failing cycle: every sample agrees
    for k in range(first, cycle):
        for p in PORTS:
            r, m = value_at(ch, RTL + p + "_o", 2 * k), value_at(ch, MODEL + p + "_o", 2 * k)
            if r != m:
                bad.append(f"cycle {k} (time {2 * k}), before the mismatch: {p} RTL {r:#x} model {m:#x}")
        if value_at(ch, MODEL + "mismatch", 2 * k) != 0:
            bad.append(f"cycle {k}: mismatch is not 0 before the mismatch")
    # the failing cycle: the report's values, and only its ports differ
    t = 2 * cycle
    listed = {port[:-2] for port, _, _ in rows}
    for port, rtl, model in rows:
        p = port[:-2]
        r, m = value_at(ch, RTL + p + "_o", t), value_at(ch, MODEL + p + "_o", t)
        if (r, m) != (rtl, model) or r == m:
            bad.append(f"{port} at time {t}: waveform RTL {r:#x} model {m:#x}, report RTL {rtl:#x} model {model:#x}")
    for p in PORTS:
        if p not in listed and value_at(ch, RTL + p + "_o", t) != value_at(ch, MODEL + p + "_o", t):
            bad.append(f"{p}_o at time {t}: differs in the waveform, not in the report")
    if value_at(ch, MODEL + "mismatch", t) != 1:
        bad.append(f"mismatch at time {t} is not 1")
    # model values change at rising edges, the verdict at samples
    for name, changes in ch.items():
        if not name.startswith(MODEL):
            continue
        want = 0 if name == MODEL + "mismatch" else 1
        for time, _ in changes:
            if time > 2 * first and time % 2 != want:
                bad.append(f"{name} changes at time {time}: wanted {'even' if want == 0 else 'odd'} times")
                break
    # the GTKWave file: mismatch, then each differing port, RTL then model
    traces = [l for l in gtkw if l.startswith("TOP.")]
    want = [MODEL + "mismatch"]
    for port, _, _ in rows:
        sig = next((s for s in traces if re.fullmatch(re.escape(RTL + port) + r"(\[\d+:0\])?", s)), None)
        if sig is None:
            bad.append(f"{port}: not in the GTKWave file")
            continue
        want += [sig, MODEL + sig[len(RTL):]]
    if traces[:len(want)] != want:
        bad.append(f"GTKWave file starts {traces[:len(want)]}, wanted {want}")
    dup = sorted({s for s in traces if traces.count(s) > 1})
    if dup:
        bad.append(f"GTKWave file lists twice: {dup}")
    if bad:
        print("\n".join(bad[:20]))
        return 1
    print(f"ok cycle {cycle}: {len(rows)} differing port(s) {', '.join(p for p, _, _ in rows)}: model and RTL "
          f"values as reported, the {cycle - first} samples before agree, GTKWave file lists them first")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
