/*
** rtl_glue.c -- the Verilated RTL as a dut_t (tb/dut.h) for the lockstep.
** C over the C API of the shim, so the runner never sees C++.  Part of the
** shim object rtl_dut.o, compiled once per build with its RTL_TWIN (rtl_dut.h):
** a build alone also defines dut_rtl_open, a two-build binary's is rtl_twin.c.
*/
#include <stdio.h>
#include "dut.h"
#include "rtl_dut.h"

static void step(void *ctx, const mmu_in_t *in, mmu_out_t *out) { rtl_dut_step(ctx, in, out); }
static uint64_t mem_read64(void *ctx, uint64_t pa) { return rtl_dut_mem_read64(ctx, pa); }
static void mem_write64(void *ctx, uint64_t pa, uint64_t v) { rtl_dut_mem_write64(ctx, pa, v); }
static int wave_open(void *ctx, const char *path) { return rtl_dut_wave_open(ctx, path); }
static void wave_close(void *ctx) { rtl_dut_wave_close(ctx); }
static void dut_free(void *ctx) { rtl_dut_free(ctx); }
static int tlb_entry(void *ctx, uint32_t idx, tlb_entry_t *e) { return rtl_dut_tlb_entry(ctx, idx, e); }
static int tlb_age(void *ctx, uint32_t set, uint32_t way) { return rtl_dut_tlb_age(ctx, set, way); }
static void set_model(void *ctx, const mmu_out_t *model) { rtl_dut_set_model(ctx, model); }

int rtl_dut_open(dut_t *d, const mmu_config_t *cfg, const dut_rtl_opts_t *o, char *err, size_t errlen) {
  const char *diff = rtl_dut_config_diff(cfg);
  if (diff) {
    snprintf(err, errlen,
             "the RTL was built for another configuration: %s differs "
             "(the RTL_* variables of tb/verilator/verilator.mk set the build's)",
             diff);
    return -1;
  }
  if (o->bug && !rtl_dut_has_bugs()) {
    snprintf(err, errlen, "--rtl-bug %u: this binary's RTL has no deliberate bugs; use build/mmulab-bugs",
             (unsigned)o->bug);
    return -1;
  }
  rtl_dut_t *r = rtl_dut_new(cfg, NULL, o->rand_reset_seed);
  if (!r) {
    snprintf(err, errlen, "cannot build the RTL model");
    return -1;
  }
  if (rtl_dut_set_bug(r, o->bug)) {
    rtl_dut_free(r);
    snprintf(err, errlen, "--rtl-bug %u: not available", (unsigned)o->bug);
    return -1;
  }
  d->ctx = r;
  d->step = step;
  d->mem_read64 = mem_read64;
  d->mem_write64 = mem_write64;
  d->wave_open = wave_open;
  d->wave_close = wave_close;
  d->free = dut_free;
  d->tlb_entry = tlb_entry;
  d->tlb_age = tlb_age;
  d->set_model = rtl_dut_has_model_scope() ? set_model : NULL;
  return 0;
}

#if RTL_TWIN == 0
int dut_rtl_open(dut_t *d, const mmu_config_t *cfg, const dut_rtl_opts_t *o, char *err, size_t errlen) {
  return rtl_dut_open(d, cfg, o, err, errlen);
}
#endif
