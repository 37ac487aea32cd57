/*
** progress.h -- a progress bar on stderr for long runs (mmulab sweep),
** drawn only when stderr is a terminal, so logs and tests never see it.
*/
#ifndef MMULAB_PROGRESS_H
#define MMULAB_PROGRESS_H

#include <stdint.h>
#include <stdio.h>
#include "runner.h"

typedef struct {
  FILE *f;               /* stderr, or NULL: draw nothing */
  uint32_t point, points;   /* run k of n (1-based) */
  uint64_t total;        /* records of the trace */
  uint64_t step;         /* redraw every this many records */
  const char *label;     /* e.g. "frames=64" */
} progress_t;

/* f = stderr if it is a terminal (isatty(2)), else NULL. */
void progress_init(progress_t *p, uint32_t points, uint64_t total);

/* Start run `point` (1-based) with label. */
void progress_point(progress_t *p, uint32_t point, const char *label);

/* A runner_watch_fn: redraws the bar now and then.  ctx is the progress_t. */
void progress_watch(void *ctx, const runner_t *r);

/* Erase the bar (end of the sweep). */
void progress_done(progress_t *p);

#endif
