/*
** main.c -- the mmulab command: parse options and trace, run, report.
** Exit 0 done, 2 bad command line / configuration / trace (nothing on
** stdout), 3 internal error found by the runner's checks.
*/
#include <stdio.h>
#include "options.h"
#include "report.h"
#include "runner.h"
#include "trace.h"

int main(int argc, char **argv) {
  options_t o;
  char err[1024];
  int rc = options_parse(&o, argc, argv, err, sizeof err);
  if (rc > 0) { options_usage(stdout); return 0; }
  if (rc < 0) { fprintf(stderr, "mmulab: %s\n", err); return 2; }
  const char *bad = runner_cfg_check(&o.cfg);
  if (bad) { fprintf(stderr, "mmulab: bad configuration: %s\n", bad); return 2; }
  trace_t t;
  if (trace_load(&t, o.trace, o.cfg.os.mode, err, sizeof err)) {   /* whole trace before any run */
    fprintf(stderr, "mmulab: %s\n", err);
    return 2;
  }
  runner_t r;
  if (runner_init(&r, &o.cfg, err, sizeof err)) {
    fprintf(stderr, "mmulab: %s\n", err);
    trace_free(&t);
    return 3;
  }
  rc = runner_run(&r, &t, o.trace, err, sizeof err);
  if (rc) fprintf(stderr, "mmulab: %s\n", err);
  else if (o.json) report_json(stdout, &r, o.trace);
  else report_text(stdout, &r, o.trace);
  runner_free(&r);
  trace_free(&t);
  return rc ? 3 : 0;
}
