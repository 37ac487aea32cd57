/*
** replay.h -- a recorded stimulus replayed on one engine (the C model, the
** Verilated RTL, or both in lockstep), with only the event loop timed.
** Building the engine (and the RTL's reset) happens before the clock starts.
*/
#ifndef MMULAB_REPLAY_H
#define MMULAB_REPLAY_H

#include <stddef.h>
#include <stdint.h>
#include "stimulus.h"

/* REPLAY_WRITES: only the backdoor writes, into the model's memory, no
** cycles: what part of the model's time the firmware's writes take. */
typedef enum { REPLAY_MODEL = 0, REPLAY_RTL, REPLAY_LOCKSTEP, REPLAY_WRITES } replay_engine_t;

typedef struct {
  stim_sum_t sum;          /* what the engine did: cycles, writes, responses, digest */
  double seconds;          /* CLOCK_MONOTONIC around the event loop */
  uint64_t compared;       /* lockstep: cycles compared */
  int mismatch;            /* lockstep: model and RTL differed ... */
  uint64_t mismatch_cycle; /* ... first in this cycle */
} replay_result_t;

/* Replay s on a fresh engine of s->cfg: every event in order, stopping
** before cycle max_cycles + 1 (UINT64_MAX: the whole recording).  Backdoor
** writes go to the engine's memory (both memories in lockstep).  0, or -1
** with a message in err when the engine cannot be built. */
int replay_run(const stim_t *s, replay_engine_t e, uint64_t max_cycles, replay_result_t *res, char *err,
               size_t errlen);

/* The engine's name as the bench table prints it. */
const char *replay_engine_name(replay_engine_t e);

#endif
