/*
** check_run.c -- one in-memory trace through runner.c for a lab's key.
*/
#include <stdio.h>
#include <string.h>
#include "check_run.h"
#include "trace.h"

int check_run_text(const char *text, const char *name, runner_cfg_t *cfg, check_run_t *res, char *err,
                   size_t errlen) {
  const char *bad = runner_cfg_check(cfg);
  if (bad) {
    snprintf(err, errlen, "%s: bad configuration: %s", name, bad);
    return -1;
  }
  trace_t t;
  if (trace_parse_text(&t, text, strlen(text), name, cfg->os.mode, err, errlen)) return -1;
  runner_t r;
  if (runner_init(&r, cfg, err, errlen)) {
    trace_free(&t);
    return -1;
  }
  int rc = runner_run(&r, &t, name, err, errlen);
  if (rc == 0) {
    res->faults = r.os->st.minor_faults + r.os->st.major_faults;
    res->tlb_hits = r.mmu.cnt.tlb_hits;
    res->tlb_misses = r.mmu.cnt.tlb_misses;
    res->responses = r.mmu.cnt.accesses;
    res->latency_sum = r.mmu.cnt.latency_sum;
  }
  runner_free(&r);
  trace_free(&t);
  return rc ? -1 : 0;
}
