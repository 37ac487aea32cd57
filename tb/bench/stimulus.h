/*
** stimulus.h -- a recorded run: every cycle's mmu_in_t and, between cycles,
** every backdoor memory write, as text that C and Verilog's $fscanf both
** read (format: docs/bench.md).  Also the response digest all engines share.
*/
#ifndef MMULAB_STIMULUS_H
#define MMULAB_STIMULUS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "mmu.h"

#define STIM_MAGIC   "mmulab-stimulus"
#define STIM_VERSION 1u
#define STIM_DIGEST0 UINT64_C(0xcbf29ce484222325)   /* FNV-1a 64 offset basis */
#define STIM_PRIME   UINT64_C(0x100000001b3)        /* FNV-1a 64 prime */

typedef enum { STIM_IDLE = 0, STIM_CYCLE, STIM_WRITE } stim_kind_t;

/* One event: STIM_IDLE a = number of all-zero cycles; STIM_CYCLE a = index
** into stim_t.in; STIM_WRITE a = physical address, b = value. */
typedef struct {
  uint32_t kind;
  uint64_t a, b;
} stim_ev_t;

/* Totals of a run (the recording's trailer, or what a replay saw). */
typedef struct {
  uint64_t cycles, writes, responses, digest;
} stim_sum_t;

typedef struct {
  mmu_config_t cfg;        /* the P line: parameters the RTL must have */
  uint64_t ram_base;       /* the R line: physical range every access stays in */
  uint64_t ram_words;
  stim_ev_t *ev;
  size_t nev;
  mmu_in_t *in;            /* inputs of the STIM_CYCLE events */
  size_t nin;
  stim_sum_t sum;          /* the E line */
} stim_t;

/* Fold one cycle's outputs into a digest (start from STIM_DIGEST0): FNV-1a
** over 64-bit words of every response (paddr, rdata, tval, then fault,
** cause, tlb_hit, level packed in one word); other cycles leave h alone. */
static inline uint64_t stim_digest(uint64_t h, const mmu_out_t *o) {
  if (!o->resp_valid) return h;
  h = (h ^ o->resp_paddr) * STIM_PRIME;
  h = (h ^ o->resp_rdata) * STIM_PRIME;
  h = (h ^ o->resp_tval) * STIM_PRIME;
  uint64_t flags = (uint64_t)o->resp_fault << 24 | (uint64_t)o->resp_cause << 16 |
                   (uint64_t)o->resp_tlb_hit << 8 | o->resp_level;
  return (h ^ flags) * STIM_PRIME;
}

/* Is in all zero (mmu_in_idle)?  Such cycles are stored as runs. */
int stim_in_is_idle(const mmu_in_t *in);

/* Writers of each line, for the recorder. */
void stim_put_header(FILE *f, const mmu_config_t *cfg, uint64_t ram_base, uint64_t ram_words);
void stim_put_idle(FILE *f, uint64_t n);
void stim_put_cycle(FILE *f, const mmu_in_t *in);
void stim_put_write(FILE *f, uint64_t pa, uint64_t value);
void stim_put_end(FILE *f, const stim_sum_t *s);

/* Read a whole recording into memory.  0, or -1 with "PATH:LINE: why" in
** err.  The E line must be present and its cycle and write counts must
** agree with the events. */
int stim_load(stim_t *s, const char *path, char *err, size_t errlen);
void stim_free(stim_t *s);

#endif
