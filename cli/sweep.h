/*
** sweep.h -- `mmulab sweep`: one trace run over a range of values of one
** numeric option (frames, tlb-entries, l1-size, ...), C model alone; one
** CSV row per value, a summary table on stdout, and a gnuplot PNG + SVG
** (cli/plot.h).  sweep.c is the command, sweep_csv.c the data it writes;
** docs/views.md describes the command and every column.
*/
#ifndef MMULAB_SWEEP_H
#define MMULAB_SWEEP_H

#include <stdint.h>
#include <stdio.h>
#include "runner.h"
#include "views.h"

#define SWEEP_MAX_POINTS 1000u

/* What one run of the sweep measured (counters of model, firmware, runner). */
typedef struct {
  uint64_t value;                  /* the swept option's value */
  views_snap_t c;                  /* the counters at the run's end, as the views read them */
  uint64_t walk_cycles, pte_level[4];
  uint32_t level_latency[4];       /* L1, L2, L3, DRAM latency of this run */
} sweep_point_t;

/* The point of a finished run r whose swept option had `value`. */
void sweep_point(sweep_point_t *p, const runner_t *r, uint64_t value);

/* The CSV: a header line, then one line per point.  `param` is the
** option's name (its column is named with '_' for '-'). */
void sweep_csv(FILE *f, const char *param, const sweep_point_t *p, uint32_t n);

/* The summary on stdout: the main columns, one line per point. */
void sweep_table(FILE *f, const char *param, const sweep_point_t *p, uint32_t n);

/* `mmulab sweep ...` (argv[0] = "sweep").  Exit 0 done, 2 bad command
** line, configuration or trace, 3 a run failed or a file could not be
** written (or gnuplot failed). */
int sweep_main(int argc, char **argv);

#endif
