/*
** lru.c -- replacement state (true LRU, tree-PLRU, LFSR random) per set.
** Implements lru.h; docs/timing-contract.md section 4 gives the rules.
*/
#include <stdlib.h>
#include "lru.h"

#define LRU_MAX_WAYS 64u   /* ages fit a uint8_t; the RTL sizes its counters to this */

static int is_pow2(uint32_t x) { return x != 0 && (x & (x - 1u)) == 0; }

/* One step of the 16-bit Fibonacci LFSR x^16+x^14+x^13+x^11+1: the taps
** 16,14,13,11 are bits 0,2,3,5 of a right-shifting register. */
static uint16_t lfsr_step(uint16_t v) {
  uint16_t bit = (uint16_t)(((v >> 0) ^ (v >> 2) ^ (v >> 3) ^ (v >> 5)) & 1u);
  return (uint16_t)((v >> 1) | (bit << 15));
}

int lru_init(lru_t *l, repl_policy_t policy, uint32_t sets, uint32_t ways, uint32_t seed) {
  uint64_t n;
  l->policy = policy;
  l->sets = sets;
  l->ways = ways;
  l->age = NULL;
  l->tree = NULL;
  l->seed = (uint16_t)(seed & 0xffffu);   /* the register is 16 bits wide */
  l->lfsr = 1;
  if (sets == 0 || ways == 0 || ways > LRU_MAX_WAYS) return -1;
  n = (uint64_t)sets * ways;
  if (n > UINT32_MAX) return -1;
  switch (policy) {
    case REPL_LRU:
      l->age = malloc((size_t)n);
      if (!l->age) return -1;
      break;
    case REPL_PLRU:
      if (!is_pow2(ways)) return -1;
      if (ways > 1) {   /* one way needs no bits */
        l->tree = malloc((size_t)sets * (ways - 1u));
        if (!l->tree) return -1;
      }
      break;
    case REPL_RANDOM: break;
    default: return -1;
  }
  lru_reset(l);
  return 0;
}

void lru_free(lru_t *l) {
  free(l->age);
  free(l->tree);
  l->age = NULL;
  l->tree = NULL;
}

void lru_reset(lru_t *l) {
  uint32_t s, w;
  if (l->age)
    for (s = 0; s < l->sets; s++)
      for (w = 0; w < l->ways; w++) l->age[s * l->ways + w] = (uint8_t)w;
  if (l->tree)
    for (s = 0; s < l->sets * (l->ways - 1u); s++) l->tree[s] = 0;
  l->lfsr = l->seed ? l->seed : 1u;   /* an all-zero LFSR would stay zero */
}

void lru_touch(lru_t *l, uint32_t set, uint32_t way) {
  if (l->policy == REPL_RANDOM) {
    l->lfsr = lfsr_step(l->lfsr);
    return;
  }
  if (set >= l->sets || way >= l->ways) return;
  if (l->policy == REPL_LRU) {
    uint8_t *a = &l->age[set * l->ways];
    uint8_t old = a[way];
    uint32_t w;
    for (w = 0; w < l->ways; w++)
      if (a[w] < old) a[w]++;
    a[way] = 0;
  } else if (l->tree) {
    uint8_t *t = &l->tree[set * (l->ways - 1u)];
    uint32_t node = 0, lo = 0, hi = l->ways;
    while (hi - lo > 1u) {
      uint32_t mid = lo + (hi - lo) / 2u;
      if (way < mid) {        /* touched way is below: victim goes up */
        t[node] = 1;
        node = 2u * node + 1u;
        hi = mid;
      } else {
        t[node] = 0;
        node = 2u * node + 2u;
        lo = mid;
      }
    }
  }
}

uint32_t lru_victim(const lru_t *l, uint32_t set) {
  uint32_t w;
  if (l->policy == REPL_RANDOM) return l->lfsr % l->ways;
  if (set >= l->sets) return 0;
  if (l->policy == REPL_LRU) {
    const uint8_t *a = &l->age[set * l->ways];
    for (w = 0; w < l->ways; w++)
      if (a[w] == l->ways - 1u) return w;
    return 0;   /* unreachable while ages stay a permutation */
  }
  if (l->tree) {
    const uint8_t *t = &l->tree[set * (l->ways - 1u)];
    uint32_t node = 0, lo = 0, hi = l->ways;
    while (hi - lo > 1u) {
      uint32_t mid = lo + (hi - lo) / 2u;
      if (t[node]) {
        node = 2u * node + 2u;
        lo = mid;
      } else {
        node = 2u * node + 1u;
        hi = mid;
      }
    }
    return lo;
  }
  return 0;
}
