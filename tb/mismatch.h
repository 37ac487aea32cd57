/*
** mismatch.h -- what a person needs after the lockstep stopped: the cycle,
** the access being run (trace file:line), each differing port with the RTL
** and model values, that cycle's inputs, and the requests before it.
*/
#ifndef MMULAB_MISMATCH_H
#define MMULAB_MISMATCH_H

#include <stdint.h>
#include <stdio.h>
#include "runner.h"

/* Cycles of waveform kept before and after the failing cycle. */
#define MISMATCH_WAVE_BEFORE 200u
#define MISMATCH_WAVE_AFTER  100u   /* GTKWave ignores a view start whose view passes the end */

/* What the report needs of a run that stopped at a mismatch, kept while
** the run itself is freed (Verilator 5.006 deadlocks deleting one model
** while another lives, so the replay must not overlap the first run). */
typedef struct {
  lockstep_t ls;            /* a copy: the compare's results (its dut is not used) */
  const trace_rec_t *cur;   /* the record being run (the trace outlives this) */
  runner_recent_t recent[RUNNER_RECENT];
  uint64_t nrecent;
} mismatch_t;

void mismatch_capture(mismatch_t *m, const runner_t *r);

/* Print the report of a lockstep mismatch.  trace: the trace's name;
** wave/gtkw: files written by the replay, or NULL when there are none. */
void mismatch_report(FILE *f, const mismatch_t *m, const char *trace, const char *wave,
                     const char *gtkw);

/* First and one-past-last cycle of the waveform window around cycle c. */
uint64_t mismatch_wave_from(uint64_t c);
uint64_t mismatch_wave_to(uint64_t c);

#endif
