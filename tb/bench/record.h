/*
** record.h -- a dut_t that records what the lockstep gives it (each cycle's
** inputs, each backdoor write) to a stimulus file and forwards it to the real
** dut.  Only the bench installs it, so normal runs pay nothing for it.
*/
#ifndef MMULAB_RECORD_H
#define MMULAB_RECORD_H

#include <stdint.h>
#include <stdio.h>
#include "dut.h"
#include "stimulus.h"

typedef struct {
  dut_t inner;            /* the dut that does the work (owned) */
  FILE *f;
  uint64_t idle;          /* all-zero cycles not written yet (stored as one I line) */
  stim_sum_t sum;         /* cycles, writes, responses and digest of the inner dut's outputs */
  uint64_t ram_base, ram_words;
  uint64_t outside;       /* memory-port accesses and writes outside the R range */
} record_t;

/* Start recording to path, with the P and R lines for cfg and the range
** [ram_base, ram_base + 8*ram_words) that every memory access must stay in.
** 0, or -1 (cannot create path) with inner untouched. */
int record_open(record_t *r, const char *path, const dut_t *inner, const mmu_config_t *cfg, uint64_t ram_base,
                uint64_t ram_words);

/* A dut_t that forwards to r->inner and records.  Its free frees the inner
** dut only: r itself stays the caller's, for record_close. */
void record_bind(record_t *r, dut_t *d);

/* Write the pending idle run and the E line, close.  0, or -1 on a write error. */
int record_close(record_t *r);

#endif
