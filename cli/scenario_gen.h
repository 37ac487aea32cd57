/*
** scenario_gen.h -- random translate-mode scenarios for `--random SEED`:
** Sv39 or Sv48 tables holding every corner case of the walk, and 15 or 16
** accesses that hit them.  Same seed, same text, on every platform.
*/
#ifndef MMULAB_SCENARIO_GEN_H
#define MMULAB_SCENARIO_GEN_H

#include <stddef.h>
#include <stdint.h>

/* xorshift64 (Marsaglia 2003, shifts 13, 7, 17): advance *state (never 0)
** and return the new value. */
uint64_t scenario_gen_next(uint64_t *state);

/* Starting state for a seed: a multiplicative scramble so nearby seeds
** give unrelated scenarios; never 0. */
uint64_t scenario_gen_seed(uint64_t seed);

/* The scenario for `seed` as scenario-file text (malloc'ed, NUL-ended,
** *len without the NUL).  Every line is a directive or a comment.  It
** contains: 4 KiB, 2 MiB and 1 GiB leaves; a misaligned superpage; a
** W-without-R PTE; a non-leaf PTE with A, D or U; reserved bits; a U page
** accessed from S without and with SUM; an X-only page read without and
** with MXR; a clean page under Svade, then under Svadu; a PTE pointing
** outside memory; a non-canonical address; a remapped PTE accessed without
** sfence (stale), then after one.  Returns 0, or -1 when out of memory. */
int scenario_gen_text(uint64_t seed, char **text, size_t *len);

#endif
