/*
** scenario_corners.h -- the page tables of a `translate --random` scenario
** (scenario_gen.c prints them): one path of tables from the root down to
** level 0, and every corner case of the walk hung off it at a random
** index, each with its group of lines (word writes, sfences, accesses
** with the settings they need).  Used by scenario_gen.c alone.
*/
#ifndef MMULAB_SCENARIO_CORNERS_H
#define MMULAB_SCENARIO_CORNERS_H

#include <stdint.h>

#define GEN_MAX_FRAMES 32u
#define GEN_MAX_WORDS  32u
#define GEN_MAX_EVENTS 8u
#define GEN_GROUPS     11u   /* the corner cases; the stale-TLB one has two groups, 0 and 10 */

/* One line of a group: a word write, an sfence, or an access with the
** settings it needs (-1: any; the current value is kept). */
typedef enum { GEN_EV_ACCESS = 0, GEN_EV_WORD, GEN_EV_SFENCE } gen_ev_kind_t;

typedef struct {
  gen_ev_kind_t kind;
  uint32_t op;
  uint64_t addr, value;
  int priv, sum, mxr, adue;
  int sf_va, sf_asid;          /* GEN_EV_SFENCE: which operands */
} gen_event_t;

typedef struct {
  gen_event_t ev[GEN_MAX_EVENTS];
  uint32_t n;
} gen_group_t;

/* The scenario being made: its generator, mode, tables and memory words. */
typedef struct {
  uint64_t rng;
  uint32_t mode, levels;
  uint16_t asid;
  uint64_t table[4];               /* ppn of the path's table at each level */
  uint32_t path[4];                /* index in table[k] of the pointer to table[k-1] */
  uint8_t used[4][512];            /* indices taken in each path table */
  uint64_t frame[GEN_MAX_FRAMES];  /* pages handed out so far */
  uint32_t nframes;
  uint64_t waddr[GEN_MAX_WORDS], wval[GEN_MAX_WORDS];   /* memory words (the PTEs among them) */
  uint32_t nwords;
} gen_t;

/* A number in [0, n) from g's generator (scenario_gen_next). */
uint32_t gen_rnd(gen_t *g, uint32_t n);

/* Start *g (zeroed) from `seed`: the mode (Sv39 or Sv48), the ASID, the
** path of tables; then every corner case, one group each in gr[0..9] and
** the second half of the stale-TLB case (remap, access, sfence, access)
** in gr[10], which must run after gr[0]. */
void gen_build(gen_t *g, gen_group_t gr[GEN_GROUPS], uint64_t seed);

#endif
