/*
** cache.h -- latency model of the L1/L2/L3/DRAM hierarchy.
** Tag arrays only (data lives in physmem): each level is set-associative
** with its own replacement state, write-allocate, and is filled on a miss
** (non-inclusive: an eviction in one level does not touch the others).
** Mirrors rtl/mmu_cache_lat.sv; docs/timing-contract.md "Cache hierarchy".
*/
#ifndef MMULAB_CACHE_H
#define MMULAB_CACHE_H

#include <stdint.h>
#include "lru.h"

#define CACHE_LEVELS 3u      /* L1, L2, L3; level index 3 means DRAM */
#define CACHE_DRAM   3u

typedef struct {
  uint32_t size;      /* bytes */
  uint32_t ways;
  uint32_t latency;   /* cycles of an access that hits here, >= 2 */
} cache_level_cfg_t;

typedef struct {
  cache_level_cfg_t level[CACHE_LEVELS];
  uint32_t line;          /* line size in bytes, power of 2, same for all levels */
  uint32_t dram_latency;  /* cycles of an access that misses every level, >= 2 */
  repl_policy_t policy;   /* replacement of every level */
  uint32_t seed;          /* REPL_RANDOM: every level's LFSR starts here (default 1) */
} cache_cfg_t;

typedef struct {
  uint32_t sets, ways;
  uint64_t *tag;          /* tag[set*ways+way] = pa >> line_shift (the line number) */
  uint8_t *valid;
  lru_t repl;
  uint64_t hits, misses;  /* counted per access that reaches this level */
} cache_level_t;

typedef struct {
  cache_cfg_t cfg;
  uint32_t line_shift;
  cache_level_t lvl[CACHE_LEVELS];
  uint64_t dram_accesses;
} cache_t;

/* Defaults: 64 B lines; L1 32 KiB 8-way 4 cycles; L2 256 KiB 8-way 12;
** L3 2 MiB 16-way 40; DRAM 200; true LRU; seed 1. */
void cache_cfg_default(cache_cfg_t *c);

/* Check a configuration: sizes multiples of line*ways with a power-of-two
** number of sets, latencies >= 2.  Returns NULL if good, else a static
** message saying what is wrong. */
const char *cache_cfg_check(const cache_cfg_t *c);

/* Returns 0, or -1 on a bad configuration or no memory.  All lines invalid. */
int cache_init(cache_t *c, const cache_cfg_t *cfg);
void cache_free(cache_t *c);

/* One access (read or write: write-allocate makes them alike) to the line
** holding pa.  Returns the level that hit: 0, 1, 2, or CACHE_DRAM.  The
** hitting level's way is touched; every level above it that missed is
** filled (lowest invalid way, else the victim) and the filled way touched.
** Counters: each level reached counts a hit or a miss. */
uint32_t cache_access(cache_t *c, uint64_t pa);

/* Cycles for an access that hit at `level` (0..2) or CACHE_DRAM. */
uint32_t cache_latency(const cache_t *c, uint32_t level);

/* Invalidate every line of every level and reset replacement state;
** counters are kept. */
void cache_flush(cache_t *c);

#endif
