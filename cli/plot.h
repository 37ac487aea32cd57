/*
** plot.h -- the gnuplot side of `mmulab sweep`: a script that reads the
** sweep's CSV and draws four panels (page faults, AMAT, TLB hit rate,
** page-walk cycles by the cache level of the PTE) into a PNG and an SVG,
** and running gnuplot on it as a child process.
*/
#ifndef MMULAB_PLOT_H
#define MMULAB_PLOT_H

#include <stdint.h>
#include <stdio.h>

typedef struct {
  const char *csv;       /* the data file the script reads */
  const char *png, *svg; /* outputs */
  const char *param;     /* swept option, e.g. "frames" */
  const char *title;     /* first title line, e.g. the trace and the fixed options */
  int logx;              /* x axis in log scale base 2 (sizes that double) */
  const uint64_t *xs;    /* the swept values: x tics at each when there are few */
  uint32_t nx;
} plot_t;

/* Write the gnuplot script for p to f. */
void plot_script(FILE *f, const plot_t *p);

/* Run `gnuplot SCRIPT`.  0, or -1 with a message in err (gnuplot missing,
** or it failed: its exit status). */
int plot_run(const char *script, char *err, size_t errlen);

/* The x-axis label of a swept option: "user frames (4 KiB pages)", ... */
const char *plot_xlabel(const char *param);

#endif
