/*
** mismatch.h -- what a person needs after the lockstep stopped: the cycle,
** what was being run (a trace's file:line, a driver's seed), each
** differing port with the RTL and model values, that cycle's inputs, the
** model's stage, and the requests and control events before it.  One
** report for every front end (mmulab, translate mode, the lockstep driver).
*/
#ifndef MMULAB_MISMATCH_H
#define MMULAB_MISMATCH_H

#include <stdint.h>
#include <stdio.h>
#include "lockstep.h"

/* Cycles of waveform kept before and after the failing cycle. */
#define MISMATCH_WAVE_BEFORE 200u
#define MISMATCH_WAVE_AFTER  100u   /* GTKWave ignores a view start whose view passes the end */

/* What the report needs of a run that stopped at a mismatch, kept while
** the run itself is freed (Verilator 5.006 deadlocks deleting one model
** while another lives, so the replay must not overlap the first run). */
typedef struct {
  lockstep_t ls;            /* a copy: the compare's results and event log (its dut is not used) */
  char source[256];         /* names the tagged requests' lines ("traces/x.trace"), or "" */
  char running[320];        /* what was being run, e.g. "traces/x.trace:12: R 0x1000 (pid 1)", or "" */
  char model[160];          /* the model's stage when it stopped */
} mismatch_t;

/* Keep what the report needs of ls.  source: the file the tagged
** requests' lines are in (NULL: none); running: what was being run (NULL:
** nothing to say). */
void mismatch_capture(mismatch_t *m, const lockstep_t *ls, const char *source, const char *running);

/* Print the report of a lockstep mismatch.  wave/gtkw: files written by
** the replay, or NULL when there are none; how: the command that opens
** them ("make wave"), or NULL. */
void mismatch_report(FILE *f, const mismatch_t *m, const char *wave, const char *gtkw, const char *how);

/* First and one-past-last cycle of the waveform window around cycle c. */
uint64_t mismatch_wave_from(uint64_t c);
uint64_t mismatch_wave_to(uint64_t c);

/* "x.fst" -> "x.gtkw" (any other name: name + ".gtkw") into out. */
void mismatch_gtkw_path(char *out, size_t outlen, const char *wave);

#endif
