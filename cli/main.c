/*
** main.c -- the mmulab command: parse options and trace, run the model and
** the RTL in lockstep (or the model alone), report.  `mmulab translate`
** is the translate mode (cli/translate.c); `mmulab import-lackey` and
** `mmulab record` make traces of real programs (cli/import_cmd.c);
** `mmulab sweep` runs a trace over a range of one option (cli/sweep.c);
** `mmulab run` records a program and runs it at once (cli/run_program.c).
** --vmstat, --free, --pmap, --proc-vmstat print OS views (cli/views.c).
** `mmulab check` grades the course labs (cli/check.c, labs/).
** Exit 0 done, 1 lockstep mismatch, 2 bad command line / configuration /
** trace (nothing on stdout), 3 internal error found by the runner's checks.
*/
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "check.h"
#include "gtkw.h"
#include "import_cmd.h"
#include "mismatch.h"
#include "options.h"
#include "report.h"
#include "run_program.h"
#include "runner.h"
#include "sweep.h"
#include "trace.h"
#include "translate.h"
#include "views.h"

enum { EXIT_OK = 0, EXIT_MISMATCH = 1, EXIT_USAGE = 2, EXIT_INTERNAL = 3 };

/* Build the runner for o, with the RTL beside the model unless
** --model-only, and an optional waveform window.  Returns an exit code. */
static int start(runner_t *r, const options_t *o, const char *wave, uint64_t from, uint64_t to, char *err,
                 size_t errlen) {
  if (runner_init(r, &o->cfg, err, errlen)) return EXIT_INTERNAL;
  if (o->model_only) return EXIT_OK;
  dut_t d;
  dut_rtl_opts_t ro = { o->rand_reset, o->rtl_bug, wave != NULL };   /* a waveform: the traced build */
  if (dut_rtl_open(&d, &r->cfg.mmu, &ro, err, errlen)) {
    runner_free(r);
    return EXIT_USAGE;
  }
  runner_set_dut(r, &d);
  if (o->deep && lockstep_set_deep(&r->ls)) {
    snprintf(err, errlen, "--deep: this RTL build does not show its TLB");
    runner_free(r);
    return EXIT_USAGE;
  }
  if (wave) lockstep_wave_window(&r->ls, wave, from, to);
  return EXIT_OK;
}

/* The run r stopped at a mismatch in cycle c.  Runs are deterministic, so
** a second run with the waveform on around c only (a passing run pays
** nothing for tracing) gives the FST; then the GTKWave save file, and the
** report of the first run (the replay ran on past c).  r is freed. */
static int replay_mismatch(runner_t *r, const options_t *o, const trace_t *t) {
  mismatch_t m;
  char running[320] = "";
  if (r->cur)
    snprintf(running, sizeof running, "%s:%u: %c 0x%" PRIx64 " (pid %u)", o->trace, r->cur->line,
             "RWX"[r->cur->op < 3 ? r->cur->op : 0], r -> cur -> va, r -> cur -> pid);
  mismatch_capture(&m, &r->ls, o->trace, running);
  runner_free(r);
  uint64_t c = m.ls.mismatch_cycle;
  char fst[1024], gtkw[1024], err[1024];
  snprintf(fst, sizeof fst, "%s.fst", o->mismatch_out);
  mismatch_gtkw_path(gtkw, sizeof gtkw, fst);
  uint64_t from = mismatch_wave_from(c), to = mismatch_wave_to(c);
  const char *why = NULL;
  int model = 0;   /* the FST has the model's scope */
  runner_t replay;
  if (start(&replay, o, fst, from, to, err, sizeof err) != EXIT_OK) {
    why = "the replay could not start";
  } else {
    int rc = runner_run(&replay, t, o->trace, err, sizeof err);
    if (rc != RUNNER_MISMATCH || replay.ls.mismatch_cycle != c) why = "the replay did not fail the same way";
    else if (replay.ls.wave_failed) why = "this RTL build cannot write waveforms";
    model = replay.ls.wave_model;
    runner_free(&replay);   /* closes the FST */
  }
  if (!why && gtkw_write(gtkw, fst, from, &m.ls, model, gtkw_mmu_groups, &o->cfg.mmu.cache))
    why = "cannot write the GTKWave file";
  mismatch_report(stdout, &m, why ? NULL : fst, gtkw, "make wave");
  printf("lockstep: %" PRIu64 " cycles compared, 1 mismatch\n", m.ls.compared);
  if (why) fprintf(stderr, "mmulab: no waveform: %s\n", why);
  return EXIT_MISMATCH;
}

/* `mmulab [options] TRACE`: run one trace, print the report or the views. */
static int run_trace(int argc, char **argv) {
  options_t o;
  char err[1024];
  int rc = options_parse(&o, argc, argv, err, sizeof err);
  if (rc > 0) {
    options_usage(stdout);
    return EXIT_OK;
  }
  if (rc < 0) {
    fprintf(stderr, "mmulab: %s\n", err);
    return EXIT_USAGE;
  }
  const char *bad = runner_cfg_check(&o.cfg);
  if (bad) {
    fprintf(stderr, "mmulab: bad configuration: %s\n", bad);
    return EXIT_USAGE;
  }
  trace_t t;
  if (trace_load(&t, o.trace, o.cfg.os.mode, err, sizeof err)) {   /* whole trace before any run */
    fprintf(stderr, "mmulab: %s\n", err);
    return EXIT_USAGE;
  }
  runner_t r;
  rc = start(&r, &o, o.wave, 0, UINT64_MAX, err, sizeof err);
  if (rc != EXIT_OK) {
    fprintf(stderr, "mmulab: %s%s\n", err, rc == EXIT_USAGE ? "; --model-only runs the C model alone" : "");
    trace_free(&t);
    return rc;
  }
  views_t v;   /* --vmstat, --free, --pmap, --proc-vmstat (cli/views.h) */
  views_init(&v, o.vmstat, o.json, stdout);
  v.free = o.free;
  v.pmap = o.pmap;
  v.proc_vmstat = o.proc_vmstat;
  if (views_any(&v)) {
    r.watch = views_watch;
    r.watch_ctx = &v;
  }
  rc = runner_run(&r, &t, o.trace, err, sizeof err);
  if (o.wave && r.ls.wave_failed)   /* the file cannot be opened, or the RTL has no tracing */
    fprintf(stderr, "mmulab: --wave %s: no waveform written\n", o.wave);
  if (rc == RUNNER_MISMATCH) {
    rc = replay_mismatch(&r, &o, &t);
  } else if (rc) {
    fprintf(stderr, "mmulab: %s\n", err);
    rc = EXIT_INTERNAL;
  } else if (o.json && views_any(&v)) {   /* the views' keys in the report's object */
    report_json_fields(stdout, &r, o.trace);
    if (views_json_finish(&v, &r, stdout)) {
      fprintf(stderr, "mmulab: out of memory keeping the vmstat rows\n");
      rc = EXIT_INTERNAL;
    }
  } else if (views_any(&v)) {             /* the views instead of the report */
    views_text_finish(&v, &r);
  } else {
    if (o.json) report_json(stdout, &r, o.trace);
    else report_text(stdout, &r, o.trace);
  }
  views_free(&v);
  runner_free(&r);
  trace_free(&t);
  return rc;
}

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "check") == 0) return check_main(argc - 1, argv + 1);
  if (argc > 1 && strcmp(argv[1], "translate") == 0) return translate_main(argc - 1, argv + 1, dut_rtl_open);
  if (argc > 1 && strcmp(argv[1], "import-lackey") == 0) return import_lackey_main(argc - 1, argv + 1);
  if (argc > 1 && strcmp(argv[1], "record") == 0) return record_main(argc - 1, argv + 1);
  if (argc > 1 && strcmp(argv[1], "sweep") == 0) return sweep_main(argc - 1, argv + 1);
  if (argc > 1 && strcmp(argv[1], "run") == 0) return run_program_main(argc - 1, argv + 1, run_trace);
  return run_trace(argc, argv);
}
