/*
** cache.c -- latency model of L1/L2/L3/DRAM: tag arrays, write-allocate,
** non-inclusive fills.  Implements cache.h; docs/timing-contract.md sec. 6.
*/
#include <stdlib.h>
#include "cache.h"
#include "mmu_params.h"

#define CACHE_MAX_WAYS 64u   /* lru.h's limit */

static int is_pow2(uint64_t x) { return x != 0 && (x & (x - 1u)) == 0; }

static uint32_t log2u(uint32_t x) {   /* x a power of two */
  uint32_t n = 0;
  while (x > 1u) {
    x >>= 1;
    n++;
  }
  return n;
}

void cache_cfg_default(cache_cfg_t *c) {
  c->line = MMU_DEFAULT_LINE;
  c->level[0].size = MMU_DEFAULT_L1_SIZE;
  c->level[0].ways = MMU_DEFAULT_L1_WAYS;
  c->level[0].latency = MMU_DEFAULT_L1_LAT;
  c->level[1].size = MMU_DEFAULT_L2_SIZE;
  c->level[1].ways = MMU_DEFAULT_L2_WAYS;
  c->level[1].latency = MMU_DEFAULT_L2_LAT;
  c->level[2].size = MMU_DEFAULT_L3_SIZE;
  c->level[2].ways = MMU_DEFAULT_L3_WAYS;
  c->level[2].latency = MMU_DEFAULT_L3_LAT;
  c->dram_latency = MMU_DEFAULT_DRAM_LAT;
  c->policy = (repl_policy_t)MMU_DEFAULT_CACHE_POLICY;
  c->seed = MMU_DEFAULT_SEED;
}

/* Messages per level, static so callers may keep the pointer. */
static const char *const msg_ways[CACHE_LEVELS] = { "L1 ways must be 1..64", "L2 ways must be 1..64",
                                                    "L3 ways must be 1..64" };
static const char *const msg_mult[CACHE_LEVELS] = { "L1 size must be a multiple of line*ways",
                                                    "L2 size must be a multiple of line*ways",
                                                    "L3 size must be a multiple of line*ways" };
static const char *const msg_sets[CACHE_LEVELS] = { "L1 sets (size/(line*ways)) must be a power of two",
                                                    "L2 sets (size/(line*ways)) must be a power of two",
                                                    "L3 sets (size/(line*ways)) must be a power of two" };
static const char *const msg_plru[CACHE_LEVELS] = { "L1 ways must be a power of two for PLRU",
                                                    "L2 ways must be a power of two for PLRU",
                                                    "L3 ways must be a power of two for PLRU" };
static const char *const msg_lat[CACHE_LEVELS] = { "L1 latency must be >= 2", "L2 latency must be >= 2",
                                                   "L3 latency must be >= 2" };

const char *cache_cfg_check(const cache_cfg_t *c) {
  uint32_t i;
  if (!is_pow2(c->line) || c->line < 8u) return "line size must be a power of two >= 8";
  if (c->policy != REPL_LRU && c->policy != REPL_PLRU && c->policy != REPL_RANDOM)
    return "unknown replacement policy";
  for (i = 0; i < CACHE_LEVELS; i++) {
    const cache_level_cfg_t *l = &c->level[i];
    uint64_t lw = (uint64_t)c->line * l->ways;
    if (l->ways == 0 || l->ways > CACHE_MAX_WAYS) return msg_ways[i];
    if (c->policy == REPL_PLRU && !is_pow2(l->ways)) return msg_plru[i];
    if (l->size == 0 || l->size % lw) return msg_mult[i];
    if (!is_pow2(l->size / lw)) return msg_sets[i];
    if (l->latency < 2u) return msg_lat[i];
  }
  if (c->dram_latency < 2u) return "DRAM latency must be >= 2";
  return NULL;
}

int cache_init(cache_t *c, const cache_cfg_t *cfg) {
  uint32_t i;
  for (i = 0; i < CACHE_LEVELS; i++) {   /* so cache_free is safe after any failure */
    c->lvl[i].tag = NULL;
    c->lvl[i].valid = NULL;
    c->lvl[i].repl.age = NULL;
    c->lvl[i].repl.tree = NULL;
    c->lvl[i].sets = c->lvl[i].ways = 0;
    c->lvl[i].hits = c->lvl[i].misses = 0;
  }
  c->dram_accesses = 0;
  c->line_shift = 0;
  if (cache_cfg_check(cfg)) return -1;
  c->cfg = *cfg;
  c->line_shift = log2u(cfg->line);
  for (i = 0; i < CACHE_LEVELS; i++) {
    cache_level_t *l = &c->lvl[i];
    uint32_t n;
    l->ways = cfg->level[i].ways;
    l->sets = cfg->level[i].size / (cfg->line * l->ways);
    n = l->sets * l->ways;
    l->tag = calloc(n, sizeof *l->tag);
    l->valid = calloc(n, sizeof *l->valid);
    /* under RANDOM every level starts from the configured seed */
    if (!l->tag || !l->valid || lru_init(&l->repl, cfg->policy, l->sets, l->ways, cfg->seed)) {
      cache_free(c);
      return -1;
    }
  }
  return 0;
}

void cache_free(cache_t *c) {
  uint32_t i;
  for (i = 0; i < CACHE_LEVELS; i++) {
    free(c->lvl[i].tag);
    free(c->lvl[i].valid);
    c->lvl[i].tag = NULL;
    c->lvl[i].valid = NULL;
    lru_free(&c->lvl[i].repl);
  }
}

/* Way of `line` in level l, or -1. */
static int probe(const cache_level_t *l, uint32_t set, uint64_t line) {
  uint32_t w, base = set * l->ways;
  for (w = 0; w < l->ways; w++)
    if (l->valid[base + w] && l->tag[base + w] == line) return (int)w;
  return -1;
}

static void fill(cache_level_t *l, uint32_t set, uint64_t line) {
  uint32_t w, base = set * l->ways;
  for (w = 0; w < l->ways; w++)
    if (!l->valid[base + w]) break;
  if (w == l->ways) w = lru_victim(&l->repl, set);
  l->valid[base + w] = 1;
  l->tag[base + w] = line;
  lru_touch(&l->repl, set, w);
}

uint32_t cache_access(cache_t *c, uint64_t pa) {
  uint64_t line = pa >> c->line_shift;
  uint32_t hit = CACHE_DRAM, i;
  for (i = 0; i < CACHE_LEVELS; i++) {
    cache_level_t *l = &c->lvl[i];
    uint32_t set = (uint32_t)(line & (l->sets - 1u));
    int w = probe(l, set, line);
    if (w >= 0) {
      l->hits++;
      lru_touch(&l->repl, set, (uint32_t)w);
      hit = i;
      break;
    }
    l->misses++;
  }
  if (hit == CACHE_DRAM) c->dram_accesses++;
  for (i = 0; i < hit; i++) {   /* fill every level that missed above the hit */
    cache_level_t *l = &c->lvl[i];
    fill(l, (uint32_t)(line & (l->sets - 1u)), line);
  }
  return hit;
}

uint32_t cache_latency(const cache_t *c, uint32_t level) {
  if (level < CACHE_LEVELS) return c->cfg.level[level].latency;
  return c->cfg.dram_latency;
}

void cache_flush(cache_t *c) {
  uint32_t i, j;
  for (i = 0; i < CACHE_LEVELS; i++) {
    cache_level_t *l = &c->lvl[i];
    for (j = 0; j < l->sets * l->ways; j++) l->valid[j] = 0;
    lru_reset(&l->repl);
  }
}
