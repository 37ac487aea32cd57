/*
** bench.c -- mmubench: how fast each engine simulates the same run.  One
** lockstep run of a trace is recorded (record.h), then replayed on the C
** model alone, the RTL alone, both in lockstep, and under Icarus Verilog.
*/
#define _POSIX_C_SOURCE 200809L   /* popen, clock_gettime */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "record.h"
#include "replay.h"
#include "riscv.h"
#include "runner.h"
#include "stimulus.h"
#include "trace.h"

typedef struct {
  const char *trace, *stim, *vvp;
  uint64_t icarus_cycles;  /* 0: the whole recording */
  uint32_t repeat;         /* rounds of C replays; each engine's fastest counts */
} args_t;

typedef struct {
  const char *name;
  uint64_t cycles;
  double seconds;
} row_t;

/* What the Icarus row leaves out: a 0-cycle vvp run, and a +parse_only run
** (the 0-cycle run's work and reading the whole stimulus file). */
typedef struct {
  double startup, parse;
} icarus_cost_t;

static void usage(FILE *f) {
  fputs("usage: mmubench [--stimulus FILE] [--vvp FILE] [--icarus-cycles N] [--repeat N] TRACE\n"
        "  records one lockstep run of TRACE (default options) to FILE (build/bench/stimulus.txt),\n"
        "  replays it on the model, the RTL, both in lockstep (--repeat rounds, the engines in\n"
        "  turn; each one's fastest replay counts, its median and worst are printed; default 15)\n"
        "  and, with --vvp, under Icarus (vvp FILE, the first N cycles only when --icarus-cycles N\n"
        "  is given), checks every replay against the recording and\n"
        "  prints simulated cycles per second.  Exit 0, 1 when a replay disagrees, 2 on usage.\n",
        f);
}

static int parse_args(args_t *a, int argc, char **argv) {
  memset(a, 0, sizeof *a);
  a->stim = "build/bench/stimulus.txt";
  a->repeat = 15;
  for (int i = 1; i < argc; i++) {
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (!strcmp(argv[i], "--help")) {
      usage(stdout);
      exit(0);
    }
    if (!strcmp(argv[i], "--stimulus") && v) {
      a->stim = v;
      i++;
    } else if (!strcmp(argv[i], "--vvp") && v) {
      a->vvp = v;
      i++;
    } else if (!strcmp(argv[i], "--icarus-cycles") && v) {
      a->icarus_cycles = strtoull(v, NULL, 10);
      i++;
    } else if (!strcmp(argv[i], "--repeat") && v) {
      a->repeat = (uint32_t)strtoul(v, NULL, 10);
      i++;
    } else if (argv[i][0] != '-' && !a->trace) a->trace = argv[i];
    else return -1;
  }
  return a->trace && a->repeat ? 0 : -1;
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Run the trace once in lockstep with the recorder around the RTL.  The
** range it checks is the OS's pools: page-table frames, then user frames. */
static int record(const args_t *a, stim_sum_t *sum) {
  char err[1024];
  runner_cfg_t cfg;
  runner_cfg_default(&cfg);
  trace_t t;
  if (trace_load(&t, a->trace, cfg.os.mode, err, sizeof err)) {
    fprintf(stderr, "mmubench: %s\n", err);
    return -1;
  }
  runner_t r;
  dut_t rtl, rec_dut;
  record_t rec;
  int rc = -1;
  if (runner_init(&r, &cfg, err, sizeof err)) {
    fprintf(stderr, "mmubench: %s\n", err);
    trace_free(&t);
    return -1;
  }
  dut_rtl_opts_t ro = { 0, 0, 0 };   /* the fast build, as a run without a waveform */
  uint64_t words = ((uint64_t)cfg.os.pt_frames + cfg.os.frames) * (RV_PAGE_SIZE / 8u);
  if (dut_rtl_open(&rtl, &r.cfg.mmu, &ro, err, sizeof err)) {
    fprintf(stderr, "mmubench: %s\n", err);
  } else if (record_open(&rec, a->stim, &rtl, &r.cfg.mmu, RUNNER_MEM_BASE, words)) {
    fprintf(stderr, "mmubench: cannot create %s\n", a->stim);
    rtl.free(rtl.ctx);
  } else {
    record_bind(&rec, &rec_dut);
    runner_set_dut(&r, &rec_dut);
    int e = runner_run(&r, &t, a->trace, err, sizeof err);
    int closed = record_close(&rec);
    if (e == RUNNER_MISMATCH)
      fprintf(stderr, "mmubench: lockstep mismatch in cycle %" PRIu64 " while recording (run mmulab)\n",
              r.ls.mismatch_cycle);
    else if (e) fprintf(stderr, "mmubench: %s\n", err);
    else if (closed) fprintf(stderr, "mmubench: cannot write %s\n", a->stim);
    else if (rec.outside)
      fprintf(stderr, "mmubench: %" PRIu64 " memory accesses outside the OS's pools\n", rec.outside);
    else if (rec.sum.cycles != r.mmu.cnt.cycles || rec.sum.responses != r.mmu.cnt.accesses)
      fprintf(stderr,
              "mmubench: the recorder saw %" PRIu64 " cycles and %" PRIu64 " responses, the model "
              "%" PRIu64 " and %" PRIu64 "\n",
              rec.sum.cycles, rec.sum.responses, r.mmu.cnt.cycles, r.mmu.cnt.accesses);
    else {
      *sum = rec.sum;
      rc = 0;
    }
  }
  runner_free(&r);
  trace_free(&t);
  return rc;
}

static int same(const stim_sum_t *x, const stim_sum_t *y) {
  return x->cycles == y->cycles && x->writes == y->writes && x->responses == y->responses &&
         x->digest == y->digest;
}

static void print_sum(FILE *f, const char *who, const stim_sum_t *s) {
  fprintf(f, "  %-10s %" PRIu64 " cycles, %" PRIu64 " writes, %" PRIu64 " responses, digest %016" PRIx64 "\n",
          who, s->cycles, s->writes, s->responses, s->digest);
}

/* Replay on one C engine once and check it against the recording: the
** replay's seconds, or a negative number (with a message) when it differs. */
static double replay_once(const stim_t *s, replay_engine_t e) {
  char err[1024];
  const char *name = replay_engine_name(e);
  stim_sum_t want = s->sum;
  if (e == REPLAY_WRITES) {   /* no cycles, so no responses either */
    want.cycles = want.responses = 0;
    want.digest = STIM_DIGEST0;
  }
  replay_result_t res;
  if (replay_run(s, e, UINT64_MAX, &res, err, sizeof err)) {
    fprintf(stderr, "mmubench: %s: %s\n", name, err);
    return -1.0;
  }
  if (!same(&res.sum, &want) || res.mismatch || (e == REPLAY_LOCKSTEP && res.compared != s->sum.cycles)) {
    fprintf(stderr, "mmubench: the %s replay differs from the recording\n", name);
    print_sum(stderr, "expected", &want);
    print_sum(stderr, "replayed", &res.sum);
    if (res.mismatch) fprintf(stderr, "  lockstep mismatch in cycle %" PRIu64 "\n", res.mismatch_cycle);
    return -1.0;
  }
  return res.seconds;
}

static int cmp_double(const void *x, const void *y) {
  double a = *(const double *)x, b = *(const double *)y;
  return (a > b) - (a < b);
}

/* The q-quantile (0 = least, 0.5 = median, 1 = largest) of v[0..n), sorting v. */
static double quantile(double *v, uint32_t n, double q) {
  qsort(v, n, sizeof *v, cmp_double);
  double pos = q * (double)(n - 1);
  uint32_t i = (uint32_t)pos;
  return i + 1 < n ? v[i] + (pos - (double)i) * (v[i + 1] - v[i]) : v[n - 1];
}

/* `repeat` rounds, each replaying the model, the RTL, lockstep and the
** writes alone in turn, so that a burst of load hits the engines of one
** round alike.  A row is an engine's fastest replay; sec[e] keeps every
** replay's seconds, ratio[i] lockstep's time over the RTL's in round i. */
static int replay_rounds(const args_t *a, const stim_t *s, row_t *row, row_t *writes, double **sec,
                         double *ratio) {
  for (uint32_t i = 0; i < a->repeat; i++) {
    for (int e = REPLAY_MODEL; e <= REPLAY_WRITES; e++) {
      double t = replay_once(s, (replay_engine_t)e);
      if (t < 0) return -1;
      sec[e][i] = t;
      row_t *r = e == REPLAY_WRITES ? writes : &row[e];
      r->name = replay_engine_name((replay_engine_t)e);
      r->cycles = e == REPLAY_WRITES ? 0 : s->sum.cycles;
      if (i == 0 || t < r->seconds) r->seconds = t;
    }
    ratio[i] = sec[REPLAY_LOCKSTEP][i] / sec[REPLAY_RTL][i];
  }
  return 0;
}

/* Run vvp once (with +parse_only when parse_only); *got gets the testbench's
** totals.  Returns the wall time, or a negative number when vvp did not print
** its totals. */
static double run_vvp(const args_t *a, uint64_t max_cycles, int parse_only, stim_sum_t *got,
                      uint64_t *outside, int *complete) {
  char cmd[4096], line[1024];
  snprintf(cmd, sizeof cmd, "vvp -n '%s' '+stim=%s' +max_cycles=%" PRIu64 "%s 2>&1", a->vvp, a->stim,
           max_cycles, parse_only ? " +parse_only" : "");
  double t0 = now();
  FILE *p = popen(cmd, "r");
  if (!p) return -1.0;
  int seen = 0;
  while (fgets(line, sizeof line, p)) {
    int c = 0;
    if (sscanf(line,
               "replay_tb: cycles %" SCNu64 " writes %" SCNu64 " responses %" SCNu64 " digest %" SCNx64
               " outside %" SCNu64 " complete %d",
               &got->cycles, &got->writes, &got->responses, &got->digest, outside, &c) == 6) {
      seen = 1;
      *complete = c;
    } else if (strncmp(line, "replay_tb: FAIL", 15) == 0) {
      fprintf(stderr, "mmubench: %s", line);
    }
  }
  int st = pclose(p);
  double t = now() - t0;
  return seen && st == 0 ? t : -1.0;
}

/* The Icarus row.  Three vvp runs: zero cycles (start-up, elaboration, the
** memory array, reset), +parse_only (that, and reading the stimulus file line
** by line as the replay does, with no clock and no backdoor write stored),
** and the replay.  The row is the replay minus the parse-only run: like the C
** rows, the stepping and the backdoor writes, not the reading of the file
** (the C engines replay from memory).  *cost gets the first two times.  The
** replay of the first n cycles is checked against the model replaying the
** same cycles, and the parse-only run must have read the same cycles and
** writes. */
static int icarus(const args_t *a, const stim_t *s, row_t *row, icarus_cost_t *cost) {
  char err[1024];
  uint64_t n = a->icarus_cycles && a->icarus_cycles < s->sum.cycles ? a->icarus_cycles : s->sum.cycles;
  if (strchr(a->vvp, '\'') || strchr(a->stim, '\'')) {   /* they are quoted for the shell */
    fprintf(stderr, "mmubench: --vvp and --stimulus paths must not contain a single quote\n");
    return -1;
  }
  stim_sum_t want = s->sum;
  if (n < s->sum.cycles) {
    replay_result_t res;
    if (replay_run(s, REPLAY_MODEL, n, &res, err, sizeof err)) {
      fprintf(stderr, "mmubench: %s\n", err);
      return -1;
    }
    want = res.sum;
  }
  const uint64_t max = n < s->sum.cycles ? n : UINT64_MAX;
  stim_sum_t got0, gotp, got;
  uint64_t out0 = 0, outp = 0, out = 0;
  int complete0 = 0, completep = 0, complete = 0;
  double t0 = run_vvp(a, 0, 0, &got0, &out0, &complete0);
  double tp = t0 < 0 ? -1.0 : run_vvp(a, max, 1, &gotp, &outp, &completep);
  double t = tp < 0 ? -1.0 : run_vvp(a, max, 0, &got, &out, &complete);
  if (t0 < 0 || tp < 0 || t < 0) {
    fprintf(stderr, "mmubench: vvp %s did not run to its end\n", a->vvp);
    return -1;
  }
  if (got0.cycles != 0 || !same(&got, &want) || out || complete != (n == s->sum.cycles)) {
    fprintf(stderr, "mmubench: the Icarus replay differs from the %s\n",
            n < s->sum.cycles ? "model replaying the same cycles" : "recording");
    print_sum(stderr, "expected", &want);
    print_sum(stderr, "Icarus", &got);
    if (out) fprintf(stderr, "  %" PRIu64 " accesses outside the testbench's memory\n", out);
    return -1;
  }
  if (gotp.cycles != want.cycles || gotp.writes != want.writes || gotp.responses != 0 || outp ||
      completep != complete) {
    fprintf(stderr, "mmubench: the Icarus parse-only run read other cycles or writes than the replay\n");
    print_sum(stderr, "expected", &want);
    print_sum(stderr, "parse-only", &gotp);
    return -1;
  }
  if (t <= tp) {
    fprintf(stderr,
            "mmubench: the Icarus replay (%.3f s) took no longer than reading its stimulus "
            "(%.3f s): no time left to measure\n",
            t, tp);
    return -1;
  }
  row->name = "Icarus";
  row->cycles = got.cycles;
  row->seconds = t - tp;
  cost->startup = t0;
  cost->parse = tp;
  return 0;
}

/* 49.1M, 1.31M, 6.55k: three significant digits. */
static const char *si(char *buf, size_t len, double v) {
  const char *unit = "";
  if (v >= 1e6) {
    v /= 1e6;
    unit = "M";
  } else if (v >= 1e3) {
    v /= 1e3;
    unit = "k";
  }
  snprintf(buf, len, v >= 100 ? "%.0f%s" : v >= 10 ? "%.1f%s" : "%.2f%s", v, unit);
  return buf;
}

static double per_cycle(const row_t *r) { return r->seconds / (double)r->cycles; }

static void table(const row_t *row, int nrow, const row_t *writes, const stim_t *s, const args_t *a,
                  const icarus_cost_t *cost) {
  char b[32];
  printf("stimulus    %s: %" PRIu64 " cycles, %" PRIu64 " backdoor writes, %" PRIu64 " responses\n", a->stim,
         s->sum.cycles, s->sum.writes, s->sum.responses);
  if (a->repeat > 1)
    printf("seconds     CLOCK_MONOTONIC around the replay loop; C engines: fastest of %u rounds\n",
           a->repeat);
  else printf("seconds     CLOCK_MONOTONIC around the replay loop; C engines: one replay each\n");
  if (nrow > 3)
    printf("            Icarus: wall time of one vvp run minus a run that reads the stimulus file the\n"
           "            same way but clocks nothing (%.2f s: start-up, elaboration, memory array and\n"
           "            reset %.2f s, reading the file %.2f s), so reading the file counts in no row\n",
           cost->parse, cost->startup, cost->parse - cost->startup);
  printf("\n%-13s %9s %9s %9s %9s %9s\n", "engine", "cycles", "seconds", "cycles/s", "x model", "x RTL");
  for (int i = 0; i < nrow; i++) {
    printf("%-13s %9" PRIu64 " %9.3g %9s %8.2fx %8.2fx\n", row[i].name, row[i].cycles, row[i].seconds,
           si(b, sizeof b, (double)row[i].cycles / row[i].seconds), per_cycle(&row[i]) / per_cycle(&row[0]),
           per_cycle(&row[i]) / per_cycle(&row[1]));
  }
  printf("\nx model, x RTL: time per simulated cycle relative to the model alone, the RTL alone\n"
         "(lockstep's x RTL is the price of stepping and comparing the model beside the RTL).\n");
  if (nrow > 3 && row[3].cycles < s->sum.cycles)
    printf("Icarus replayed only the first %" PRIu64 " of %" PRIu64 " cycles (--icarus-cycles).\n",
           row[3].cycles, s->sum.cycles);
  double bare = row[0].seconds - writes->seconds;   /* the model's stepping without the writes */
  printf("Every row includes the %" PRIu64 " backdoor writes; alone, into the model's memory, they\n"
         "take %.4f s, so the model alone steps %s cycles/s without them.\n",
         s->sum.writes, writes->seconds,
         bare > 0 ? si(b, sizeof b, (double)row[0].cycles / bare) : "(too fast to tell)");
  printf("Every replay gave the recording's cycles, writes, responses and response digest.\n");
}

/* The floor: the RTL alone stepping as many cycles as the recording, all
** idle (no request, no backdoor write, so no memory traffic), fastest of
** `repeat` replays.  An MMU never asked anything never responds: the replay
** must give no response and the digest of none.  Its seconds, or a negative
** number. */
static double idle_floor(const args_t *a, const stim_t *s) {
  stim_ev_t ev = { STIM_IDLE, s->sum.cycles, 0 };
  stim_t idle = *s;
  idle.ev = &ev;
  idle.nev = 1;
  idle.in = NULL;
  idle.nin = 0;
  idle.sum.writes = idle.sum.responses = 0;
  idle.sum.digest = STIM_DIGEST0;
  double best = -1.0;
  for (uint32_t i = 0; i < a->repeat; i++) {
    double t = replay_once(&idle, REPLAY_RTL);
    if (t < 0) return -1.0;
    if (best < 0 || t < best) best = t;
  }
  return best;
}

static void floor_line(const row_t *row, double idle, const args_t *a) {
  char b[32];
  printf("\nfloor       the RTL alone stepping %" PRIu64 " idle cycles (no request, no memory traffic),\n"
         "            fastest of %u replays: %s cycles/s, %.2fx the RTL alone row: what a cycle costs\n"
         "            before the MMU does anything (Verilator evaluates the whole design every cycle)\n",
         row[REPLAY_RTL].cycles, a->repeat, si(b, sizeof b, (double)row[REPLAY_RTL].cycles / idle),
         row[REPLAY_RTL].seconds / idle);
}

/* How much the replays of one run moved: each C engine's cycles/s at its
** best (the row), median and worst replay, and lockstep/RTL per round. */
static void spread(const row_t *row, double **sec, double *ratio, const args_t *a) {
  char b0[32], b1[32], b2[32];
  if (a->repeat < 2) return;
  printf("\nspread      cycles/s of the %u replays of each C engine (rounds: model, RTL, lockstep in turn)\n",
         a->repeat);
  printf("  %-13s %9s %9s %9s\n", "engine", "best", "median", "worst");
  for (int e = REPLAY_MODEL; e <= REPLAY_LOCKSTEP; e++) {
    double c = (double)row[e].cycles;
    double med = quantile(sec[e], a->repeat, 0.5), worst = quantile(sec[e], a->repeat, 1.0);
    printf("  %-13s %9s %9s %9s\n", row[e].name, si(b0, sizeof b0, c / row[e].seconds),
           si(b1, sizeof b1, c / med), si(b2, sizeof b2, c / worst));
  }
  /* time ratio lockstep/RTL per round -> speed ratio RTL-time/lockstep-time */
  double lo = quantile(ratio, a->repeat, 0.25), med = quantile(ratio, a->repeat, 0.5),
         hi = quantile(ratio, a->repeat, 0.75);
  printf("lockstep/RTL  per round, as a speed ratio: median %.2fx (quartiles %.2fx-%.2fx)\n", 1.0 / med,
         1.0 / hi, 1.0 / lo);
}

int main(int argc, char **argv) {
  args_t a;
  if (parse_args(&a, argc, argv)) {
    usage(stderr);
    return 2;
  }
  stim_sum_t rec;
  if (record(&a, &rec)) return 1;
  stim_t s;
  char err[1024];
  if (stim_load(&s, a.stim, err, sizeof err)) {
    fprintf(stderr, "mmubench: %s\n", err);
    return 1;
  }
  int rc = 1, nrow = 3;
  row_t row[4], writes;
  icarus_cost_t cost = { 0, 0 };
  double *buf = calloc((size_t)a.repeat * 5u, sizeof *buf), *sec[4], *ratio = NULL;
  if (!buf) {
    fprintf(stderr, "mmubench: out of memory\n");
    stim_free(&s);
    return 1;
  }
  for (int e = 0; e < 4; e++) sec[e] = buf + (size_t)e * a.repeat;
  ratio = buf + (size_t)4 * a.repeat;
  if (!same(&rec, &s.sum)) {
    fprintf(stderr, "mmubench: %s does not read back as written\n", a.stim);
  } else if (!replay_rounds(&a, &s, row, &writes, sec, ratio)) {
    double idle = idle_floor(&a, &s);
    if (idle < 0) nrow = 0;
    else if (a.vvp) nrow = icarus(&a, &s, &row[3], &cost) ? 0 : 4;
    if (nrow) {
      table(row, nrow, &writes, &s, &a, &cost);
      spread(row, sec, ratio, &a);
      floor_line(row, idle, &a);
      rc = 0;
    }
  }
  free(buf);
  stim_free(&s);
  return rc;
}
