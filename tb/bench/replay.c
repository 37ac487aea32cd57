/*
** replay.c -- step one engine through a loaded stimulus and time it.
** One loop for the three engines; the engine is picked by a switch per
** cycle (always the same branch, so it costs next to nothing).
*/
#define _POSIX_C_SOURCE 200809L   /* clock_gettime */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "dut.h"
#include "lockstep.h"
#include "replay.h"
#include "rtl_dut.h"

typedef struct {
  replay_engine_t kind;
  mmu_t mmu;              /* REPLAY_MODEL, REPLAY_LOCKSTEP, REPLAY_WRITES */
  rtl_dut_t *rtl;         /* REPLAY_RTL */
  lockstep_t ls;          /* REPLAY_LOCKSTEP: owns the RTL dut */
} engine_t;

static int engine_open(engine_t *g, replay_engine_t kind, const mmu_config_t *cfg, char *err, size_t errlen) {
  memset(g, 0, sizeof *g);
  g->kind = kind;
  if (kind == REPLAY_RTL) {
    g->rtl = rtl_dut_new(cfg, NULL, 0);
    if (!g->rtl) snprintf(err, errlen, "cannot build the RTL for the recorded configuration");
    return g->rtl ? 0 : -1;
  }
  if (mmu_init(&g->mmu, cfg)) {
    snprintf(err, errlen, "cannot build the C model for the recorded configuration");
    return -1;
  }
  if (kind != REPLAY_LOCKSTEP) return 0;
  dut_t d;
  dut_rtl_opts_t o = { 0, 0, 0 };   /* the fast build, as a run without a waveform */
  if (dut_rtl_open(&d, cfg, &o, err, errlen)) {
    mmu_free(&g->mmu);
    return -1;
  }
  lockstep_init(&g->ls, &g->mmu, &d);
  return 0;
}

static void engine_close(engine_t *g) {
  if (g->kind == REPLAY_RTL) {
    rtl_dut_free(g->rtl);
    return;
  }
  if (g->kind == REPLAY_LOCKSTEP) lockstep_free(&g->ls);
  mmu_free(&g->mmu);
}

static inline void engine_step(engine_t *g, const mmu_in_t *in, mmu_out_t *out) {
  switch (g->kind) {
    case REPLAY_MODEL: mmu_step(&g->mmu, in, out); break;
    case REPLAY_RTL: rtl_dut_step(g->rtl, in, out); break;
    case REPLAY_LOCKSTEP: lockstep_step(&g->ls, in, out); break;
    case REPLAY_WRITES: break;   /* run() never steps it */
  }
}

static inline void engine_write(engine_t *g, uint64_t pa, uint64_t value) {
  switch (g->kind) {
    case REPLAY_MODEL:
    case REPLAY_WRITES: mmu_mem_write64(&g->mmu, pa, value); break;
    case REPLAY_RTL: rtl_dut_mem_write64(g->rtl, pa, value); break;
    case REPLAY_LOCKSTEP: lockstep_mem_write64(&g->ls, pa, value); break;
  }
}

/* One cycle, unless the budget is spent: 1 stepped, 0 stop. */
static inline int cycle(engine_t *g, const mmu_in_t *in, uint64_t max, stim_sum_t *sum) {
  if (sum->cycles == max) return 0;
  mmu_out_t out;
  engine_step(g, in, &out);
  sum->cycles++;
  sum->responses += out.resp_valid;
  sum->digest = stim_digest(sum->digest, &out);
  return 1;
}

static void run(engine_t *g, const stim_t *s, uint64_t max, stim_sum_t *sum) {
  mmu_in_t idle;
  mmu_in_idle(&idle);
  int go = 1, writes_only = g->kind == REPLAY_WRITES;
  /* events after the last allowed cycle (writes too) are not applied,
  ** as in tb/icarus/replay_tb.sv */
  for (size_t i = 0; go && i < s->nev && sum->cycles != max; i++) {
    const stim_ev_t *ev = &s->ev[i];
    switch (ev->kind) {
      case STIM_WRITE:
        engine_write(g, ev->a, ev->b);
        sum->writes++;
        break;
      case STIM_CYCLE:
        if (!writes_only) go = cycle(g, &s->in[ev->a], max, sum);
        break;
      default:
        if (!writes_only)
          for (uint64_t n = 0; go && n < ev->a; n++) go = cycle(g, &idle, max, sum);
        break;
    }
  }
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

int replay_run(const stim_t *s, replay_engine_t e, uint64_t max_cycles, replay_result_t *res, char *err,
               size_t errlen) {
  memset(res, 0, sizeof *res);
  engine_t *g = malloc(sizeof *g);   /* mmu_t and lockstep_t are large-ish: not on the stack */
  if (!g) {
    snprintf(err, errlen, "out of memory");
    return -1;
  }
  if (engine_open(g, e, &s->cfg, err, errlen)) {
    free(g);
    return -1;
  }
  res->sum.digest = STIM_DIGEST0;
  double t0 = now();
  run(g, s, max_cycles, &res->sum);
  res->seconds = now() - t0;
  if (e == REPLAY_LOCKSTEP) {
    res->compared = g->ls.compared;
    res->mismatch = g->ls.mismatch;
    res->mismatch_cycle = g->ls.mismatch_cycle;
  }
  engine_close(g);
  free(g);
  return 0;
}

const char *replay_engine_name(replay_engine_t e) {
  switch (e) {
    case REPLAY_MODEL: return "model alone";
    case REPLAY_RTL: return "RTL alone";
    case REPLAY_LOCKSTEP: return "lockstep";
    default: return "writes alone";
  }
}
