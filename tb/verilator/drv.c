/*
** drv.c -- the lockstep driver's harness (drv.h): the model and the Verilated RTL, bound
** through tb/lockstep.c exactly as mmulab binds them, with the coverage bins around the
** model's step.
*/
#include <stdio.h>
#include "drv.h"
#include "dut.h"
#include "rtl_dut.h"

int drv_open(lk_t *k, const mmu_config_t *cfg, uint64_t rand_reset_seed, const drv_opts_t *o) {
  char err[256];
  dut_t d;
  dut_rtl_opts_t ro = { rand_reset_seed, o->bug, o->wave != NULL };   /* a replay: the traced build */
  if (mmu_init(&k->m, cfg)) return -1;
  if (dut_rtl_open(&d, cfg, &ro, err, sizeof err)) {
    fprintf(stderr, "test_lockstep: %s\n", err);
    mmu_free(&k->m);
    return -1;
  }
  lockstep_init(&k->ls, &k->m, &d);
  if (!o->ports_only && lockstep_set_deep(&k->ls)) {
    fprintf(stderr, "test_lockstep: this RTL build does not show its TLB (use -P)\n");
    lockstep_free(&k->ls);
    mmu_free(&k->m);
    return -1;
  }
  if (o->wave) lockstep_wave_window(&k->ls, o->wave, o->from, o->to);
  k->verbose = o->verbose;
  k->mix = o->mix;
  k->cov = o->cov;
  k->mem_stall = o->mem_stall;
  k->rand_reset = rand_reset_seed != 0;
  k->stall_r.s = (k->r.s ^ UINT64_C(0xd1b54a32d192ed03)) | 1u;   /* from the run's seed, never 0 */
  return 0;
}

void drv_close(lk_t *k) {
  lockstep_free(&k->ls);
  mmu_free(&k->m);
}

int drv_step(lk_t *k, const mmu_in_t *in_given, mmu_out_t *om) {
  mmu_in_t s = *in_given;
  const mmu_in_t *in = &s;
  if (k->mem_stall) s.mem_stall = (uint8_t)chance(&k->stall_r, k->mem_stall);
  if (k->cov) cov_before(k->cov, &k->m, in);
  lockstep_step(&k->ls, in, om);
  if (k->cov) cov_after(k->cov, &k->m, in, om);
  k->cycle++;
  return lockstep_stop(&k->ls);
}

/* The run stopped at a mismatch: keep the report's facts (the run is freed next). */
void drv_capture(lk_t *k, mismatch_t *mm, const char *running) {
  if (mm && k->ls.mismatch) mismatch_capture(mm, &k->ls, NULL, running);
}
