/*
** dut.h -- a second implementation of the MMU to run beside the model.
** The lockstep checker (lockstep.h) only sees this table of functions, so
** it is plain C and testable without Verilator; tb/verilator/rtl_glue.c
** fills it with the Verilated RTL.  Every function has mmu_step's meaning.
*/
#ifndef MMULAB_DUT_H
#define MMULAB_DUT_H

#include <stddef.h>
#include <stdint.h>
#include "mmu.h"

typedef struct {
  void *ctx;
  /* One cycle: this cycle's outputs, then the edge (as mmu_step). */
  void (*step)(void *ctx, const mmu_in_t *in, mmu_out_t *out);
  /* Backdoor of the dut's own physical memory. */
  uint64_t (*mem_read64)(void *ctx, uint64_t pa);
  void (*mem_write64)(void *ctx, uint64_t pa, uint64_t value);
  /* Start dumping a waveform to path from the next cycle (0, or -1 when
  ** this dut cannot), and stop.  May be NULL. */
  int (*wave_open)(void *ctx, const char *path);
  void (*wave_close)(void *ctx);
  void (*free)(void *ctx);
  /* For the deep compare, may be NULL: TLB entry idx (0, or -1 when not
  ** visible) and the LRU age of a TLB way (-1 when not true LRU). */
  int (*tlb_entry)(void *ctx, uint32_t idx, tlb_entry_t *e);
  int (*tlb_age)(void *ctx, uint32_t set, uint32_t way);
  /* May be NULL: the model's outputs of the coming cycle, called before
  ** step while a waveform is open, which then shows them beside the dut's. */
  void (*set_model)(void *ctx, const mmu_out_t *model);
} dut_t;

/* Options of the RTL dut. */
typedef struct {
  uint64_t rand_reset_seed;   /* 0: flops start at 0; else random from this seed */
  uint32_t bug;               /* deliberate RTL bug to enable (0 = none), see docs/rtl-bugs.md */
  int wave;                   /* 1: this run may write a waveform (--wave, a mismatch's replay) */
} dut_rtl_opts_t;

/* How a front end opens the RTL (dut_rtl_open), passed in by main so the
** C-only tests can link the front ends without Verilator (NULL: none). */
typedef int (*dut_open_fn)(dut_t *d, const mmu_config_t *cfg, const dut_rtl_opts_t *o, char *err,
                           size_t errlen);

/* Open the Verilated RTL for configuration cfg.  Returns 0, or -1 with a
** message in err (the RTL was built with other parameters, or this binary
** has no RTL).  Implemented by tb/verilator/rtl_glue.c, or in a binary that
** links two builds of the RTL (the default build) by tb/verilator/rtl_twin.c:
** the fast untraced build, or the traced one when o->wave or
** o->rand_reset_seed is set (docs/bench.md, "Two builds in one binary"). */
int dut_rtl_open(dut_t *d, const mmu_config_t *cfg, const dut_rtl_opts_t *o, char *err, size_t errlen);

#endif
