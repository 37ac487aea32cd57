/*
** pmap.h -- `pmap -x` of a process: its address space as ranges of
** consecutive pages it has touched, each with its size, resident, dirty
** and swapped kB.  Read from the process's page tables in the model's
** memory (the OS keeps no VMAs: a page exists once touched).
*/
#ifndef MMULAB_PMAP_H
#define MMULAB_PMAP_H

#include <stdint.h>
#include <stdio.h>
#include "runner.h"

/* A run of consecutive virtual pages, each resident or in swap. */
typedef struct {
  uint64_t start;              /* virtual address of the first page */
  uint64_t pages;              /* pages in the range */
  uint64_t rss, dirty, swap;   /* resident, resident with D=1, in swap (pages) */
} pmap_range_t;

typedef void (*pmap_range_fn)(void *ctx, const pmap_range_t *range);

/* Walk pid's page tables (root r->os->proc[pid].root_ppn) in address order and
** call fn for every range; *total gets the sums (start = 0).  A leaf is
** resident when V=1 (a superpage counts all its 4 KiB pages), swapped when
** V=0 with OS_PTE_SWAPPED.  Nothing for a pid that is not alive. */
void pmap_ranges(const runner_t *r, uint32_t pid, pmap_range_fn fn, void *ctx, pmap_range_t *total);

/* The text of every live process: a header per pid, one line per range, a total. */
void pmap_text(FILE *f, const runner_t *r);

/* JSON: [{"pid": P, "ranges": [{"start": "0x...", "kb": .., "rss_kb": .., "dirty_kb": ..,
** "swap_kb": ..}, ...], "total": {...}}, ...] */
void pmap_json(FILE *f, const runner_t *r);

#endif
