/*
** views.h -- the OS views of a run, as the tools people know show them:
** `vmstat N` (a row every N accesses), `free`, `/proc/vmstat`, and the
** per-process `pmap` (cli/pmap.h).  Text, or JSON keys added to the
** report's object.  Every number is read from the firmware's state (free
** list, swap owners, per-process counts, page tables) or the model's and
** runner's counters; docs/views.md lists each column and where it comes from.
*/
#ifndef MMULAB_VIEWS_H
#define MMULAB_VIEWS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "runner.h"

/* Counters at one moment of a run: cumulative ones, and the state of memory. */
typedef struct {
  uint64_t accesses;           /* records run so far */
  uint64_t free_frames;        /* length of the firmware's free list */
  uint64_t used_frames;        /* frames on the policy list (in use) */
  uint64_t swap_used;          /* swap slots with an owner */
  uint64_t pt_pages;           /* kernel-pool pages with an owner */
  uint64_t minor, major, ad_faults, faults, evictions, swap_ins, swap_outs, discards, oom_kills;
  uint64_t tlb_hits, tlb_misses, walks, pte_reads;
  uint64_t responses, latency_sum;   /* MMU responses and their cycles (AMAT) */
  uint64_t mmu_cycles, os_cycles;
  uint64_t page_kb;            /* kB in one user frame or swap slot: 4, 2048 (--page-size) */
} views_snap_t;

/* Take a snapshot of r now. */
void views_snap(views_snap_t *s, const runner_t *r);

/* One vmstat row: the state at its end, the counts over its interval. */
typedef struct {
  views_snap_t at;             /* state at the row's last access */
  views_snap_t d;              /* differences from the row before (cumulative fields) */
} views_row_t;

typedef struct {
  uint64_t every;              /* --vmstat N: a row every N accesses, 0 = no vmstat */
  int free, pmap, proc_vmstat; /* --free, --pmap, --proc-vmstat */
  int json;                    /* rows kept for the JSON object (else printed at once) */
  FILE *out;                   /* text rows go here as they happen */
  views_snap_t last;           /* snapshot at the last row (zero at the start) */
  views_row_t *rows;           /* JSON: every row, in order */
  size_t nrows, cap;
  int oom;                     /* a row could not be stored (out of memory) */
  uint64_t header_every;       /* text: the header again every this many rows (0: once) */
} views_t;

/* Set up the views (every = 0: no vmstat).  Nothing is printed yet. */
void views_init(views_t *v, uint64_t every, int json, FILE *out);
void views_free(views_t *v);

/* Any view asked for? */
int views_any(const views_t *v);

/* A runner_watch_fn: after each record, a vmstat row when N more accesses
** have run.  ctx is the views_t. */
void views_watch(void *ctx, const runner_t *r);

/* After the run: the last, partial vmstat row (if the accesses are not a
** multiple of N), then free, pmap and /proc/vmstat as asked, in that order. */
void views_text_finish(views_t *v, const runner_t *r);

/* After report_json_fields: the views' keys (",\n  \"vmstat\": ...") and the
** closing brace of the object.  Returns -1 if a row was lost to memory. */
int views_json_finish(views_t *v, const runner_t *r, FILE *f);

/* The three single views, for the text page. */
void views_free_text(FILE *f, const runner_t *r);
void views_proc_vmstat_text(FILE *f, const runner_t *r);

#endif
