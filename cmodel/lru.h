/*
** lru.h -- replacement state for a set-associative structure (TLB, caches).
** One lru_t holds the state of every set.  Mirrors rtl/mmu_lru.sv.
*/
#ifndef MMULAB_LRU_H
#define MMULAB_LRU_H

#include <stdint.h>

typedef enum {
  REPL_LRU = 0,    /* true LRU: per-way age, 0 = most recently used */
  REPL_PLRU = 1,   /* tree pseudo-LRU: ways-1 bits per set (ways a power of 2) */
  REPL_RANDOM = 2  /* 16-bit Fibonacci LFSR, taps 16,14,13,11; seeded */
} repl_policy_t;

typedef struct {
  repl_policy_t policy;
  uint32_t sets, ways;
  uint8_t *age;     /* LRU: sets*ways ages, a permutation of 0..ways-1 per set */
  uint8_t *tree;    /* PLRU: sets*(ways-1) node bits, node n's children 2n+1, 2n+2 */
  uint16_t lfsr;    /* RANDOM: current LFSR value (never 0) */
  uint16_t seed;
} lru_t;

/* Allocate state for `sets` sets of `ways` ways (ways <= 64; PLRU needs a
** power of two).  Returns 0, or -1 on a bad shape or no memory. The state
** starts as after lru_reset. */
int lru_init(lru_t *l, repl_policy_t policy, uint32_t sets, uint32_t ways, uint32_t seed);
void lru_free(lru_t *l);

/* Reset state: LRU ages age[w] = w (way 0 most recent, so way ways-1 is
** the first victim); PLRU bits all 0 (first victim way 0); LFSR = seed
** (seed 0 is taken as 1). */
void lru_reset(lru_t *l);

/* Record a use of `way` in `set` (hit or fill).  LRU: ways younger than
** `way` age by one, `way` becomes 0.  PLRU: every node on the path to
** `way` points away from it (bit 1 = victim on the upper half).  RANDOM:
** the LFSR advances one step on every call. */
void lru_touch(lru_t *l, uint32_t set, uint32_t way);

/* The way to replace in `set` when all ways are valid.  LRU: the way with
** age ways-1.  PLRU: follow the node bits from the root (0 = lower half).
** RANDOM: lfsr mod ways.  Pure. */
uint32_t lru_victim(const lru_t *l, uint32_t set);

#endif
