/*
** coverage.h -- functional coverage of the MMU: named bins counted from what the C model
** does while a driver runs it (the lockstep driver tb/verilator/test_lockstep.c -c).
** Every event is read from the model's state and outputs (mmu_t, mmu_out_t) around one
** mmu_step: the response's fault rule, level, page size, op and privilege; SUM, MXR, Svade
** and Svadu cases; TLB fills, evictions and a full TLB per replacement policy; each sfence
** form hitting or missing global and non-global entries; the cache level that served each
** PTE read and each data access; cache evictions per policy; misaligned superpages with a
** single PPN bit of the mask set.  docs/coverage.md lists the bins.
*/
#ifndef MMULAB_COVERAGE_H
#define MMULAB_COVERAGE_H

#include <stdint.h>
#include <stdio.h>
#include "mmu.h"

#define COV_MAX_BINS 640u
#define COV_NAME_LEN 48u
#define COV_MAX_TLB  256u   /* TLB entries snapshotted around a step (larger TLBs: not covered) */

typedef struct {
  char label[16];           /* cov_init's label */
  uint32_t nbins;
  char name[COV_MAX_BINS][COV_NAME_LEN];
  uint64_t count[COV_MAX_BINS];
  /* state carried from cov_before to cov_after of the same cycle */
  tlb_entry_t tlb_before[COV_MAX_TLB];
  uint64_t pte_level_before[4];
  uint64_t misses_before[3];
  uint64_t dropped_before;
  uint8_t set_full[3];      /* the line of this cycle's first stage cycle: its set full, line absent */
  uint8_t mem_first;        /* this cycle is the first of a PTE, AD or DATA stage */
  mmu_state_t state_before;
  int rewalk_idx;           /* LOOKUP: entry a Svadu store to a clean page invalidates, else -1 */
} cov_t;

/* Set up every bin at count 0; `label` (e.g. "default", "small") names the bins that depend
** on the build's geometry (the cache level serving PTEs and data, a full TLB). */
void cov_init(cov_t *c, const char *label);

/* Call right before mmu_step(m, in, ...) and right after it with its outputs. */
void cov_before(cov_t *c, const mmu_t *m, const mmu_in_t *in);
void cov_after(cov_t *c, const mmu_t *m, const mmu_in_t *in, const mmu_out_t *out);

/* Index of the bin called `name`, or -1. */
int cov_find(const cov_t *c, const char *name);

/* Add 1 to the bin `name` (used by cov_after; unknown names are a programming error: -1). */
int cov_hit(cov_t *c, const char *name);

/* Add the counts of the file at `path` (lines "COUNT NAME", written by cov_save) to *c,
** creating the bins *c does not have yet.  A missing file adds nothing.  Returns 0, or -1
** with a message naming the file, the line and what was expected in err. */
int cov_load_add(cov_t *c, const char *path, char *err, size_t errlen);

/* Write every bin as "COUNT NAME" lines.  Returns 0 or -1. */
int cov_save(const cov_t *c, const char *path);

/* Print every bin with its count (a "MISS" mark below `target`), then "coverage: H/N bins
** hit (target T each)".  Returns the number of bins below target. */
uint32_t cov_report(const cov_t *c, FILE *f, uint64_t target);

#endif
