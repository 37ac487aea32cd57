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

/* Print the report of r's lockstep mismatch.  trace: the trace's name;
** wave/gtkw: files written by the replay, or NULL when there are none. */
void mismatch_report(FILE *f, const runner_t *r, const char *trace, const char *wave,
                     const char *gtkw);

/* First and one-past-last cycle of the waveform window around cycle c. */
uint64_t mismatch_wave_from(uint64_t c);
uint64_t mismatch_wave_to(uint64_t c);

#endif
