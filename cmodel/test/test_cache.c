/*
** test_cache.c -- unit tests of cache.c on a tiny hierarchy whose set
** mapping is worked out by hand: hit levels, fills, counters, flush, config.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "cache.h"

/* line 64 B; L1 256 B 2-way -> 2 sets; L2 512 B 2-way -> 4 sets; L3 1 KiB
** 2-way -> 8 sets.  Line number n = pa >> 6; L1 set n & 1, L2 set n & 3,
** L3 set n & 7.  Latencies 4 / 12 / 40 / DRAM 200. */
static void tiny_cfg(cache_cfg_t *c) {
  c->line = 64;
  c->level[0].size = 256;
  c->level[0].ways = 2;
  c->level[0].latency = 4;
  c->level[1].size = 512;
  c->level[1].ways = 2;
  c->level[1].latency = 12;
  c->level[2].size = 1024;
  c->level[2].ways = 2;
  c->level[2].latency = 40;
  c->dram_latency = 200;
  c->policy = REPL_LRU;
}

static void tiny(cache_t *c) {
  cache_cfg_t cfg;
  tiny_cfg(&cfg);
  assert_int_equal(cache_init(c, &cfg), 0);
}

#define LINE(n) ((uint64_t)(n) * 64u)   /* pa of the first byte of line n */

static void test_default_config(void **state) {
  cache_cfg_t cfg;
  cache_t c;
  (void)state;
  cache_cfg_default(&cfg);
  assert_null(cache_cfg_check(&cfg));
  /* cache.h: 64 B lines; L1 32 KiB 8-way 4; L2 256 KiB 8-way 12; L3 2 MiB
  ** 16-way 40; DRAM 200; LRU */
  assert_int_equal(cfg.line, 64);
  assert_int_equal(cfg.level[0].size, 32768);
  assert_int_equal(cfg.level[0].ways, 8);
  assert_int_equal(cfg.level[1].size, 262144);
  assert_int_equal(cfg.level[1].ways, 8);
  assert_int_equal(cfg.level[2].size, 2097152);
  assert_int_equal(cfg.level[2].ways, 16);
  assert_int_equal(cfg.policy, REPL_LRU);
  assert_int_equal(cache_init(&c, &cfg), 0);
  assert_int_equal(c.line_shift, 6);           /* 2^6 = 64 */
  assert_int_equal(c.lvl[0].sets, 64);         /* 32768 / (64*8) */
  assert_int_equal(c.lvl[1].sets, 512);        /* 262144 / (64*8) */
  assert_int_equal(c.lvl[2].sets, 2048);       /* 2097152 / (64*16) */
  assert_int_equal(cache_latency(&c, 0), 4);
  assert_int_equal(cache_latency(&c, 1), 12);
  assert_int_equal(cache_latency(&c, 2), 40);
  assert_int_equal(cache_latency(&c, CACHE_DRAM), 200);
  cache_free(&c);
}

/* A cold access misses everywhere (DRAM, 200) and fills every level; the
** same line again, at any byte inside it, hits L1 (4). */
static void test_cold_then_l1(void **state) {
  cache_t c;
  (void)state;
  tiny(&c);
  assert_int_equal(cache_access(&c, 0x1000), CACHE_DRAM);
  assert_int_equal(cache_latency(&c, CACHE_DRAM), 200);
  assert_int_equal(cache_access(&c, 0x1000), 0);
  assert_int_equal(cache_latency(&c, 0), 4);
  assert_int_equal(cache_access(&c, 0x103F), 0);      /* last byte of the line */
  assert_int_equal(cache_access(&c, 0x1040), CACHE_DRAM);   /* next line */
  cache_free(&c);
}

/* Write-allocate: there is no separate write path, an access (load or
** store) installs the line in all three levels.  pa 0x1234: line 0x1234 >> 6
** = 0x48 = 72; 72 is even and divisible by 8, so set 0 in every level and,
** the cache being empty, way 0 (lowest invalid). */
static void test_miss_fills_every_level(void **state) {
  cache_t c;
  uint32_t i;
  (void)state;
  tiny(&c);
  assert_int_equal(cache_access(&c, 0x1234), CACHE_DRAM);
  for (i = 0; i < CACHE_LEVELS; i++) {
    assert_int_equal(c.lvl[i].valid[0], 1);
    assert_true(c.lvl[i].tag[0] == 72);
    assert_int_equal(c.lvl[i].valid[1], 0);           /* way 1 of set 0 still empty */
  }
  cache_free(&c);
}

/* L1 conflict, L2 hit.  Lines 0, 2, 4: L1 set 0 for all (even); L2 sets
** 0, 2, 0; L3 sets 0, 2, 4.
**   0 -> DRAM: L1 s0 [0, -]     L2 s0 [0, -]
**   2 -> DRAM: L1 s0 [0, 2]     L2 s2 [2, -]
**   4 -> DRAM: L1 s0 full, LRU victim way 0 (line 0) -> [4, 2];  L2 s0 [0, 4]
**   0 -> L1 miss, L2 hit (set 0 holds 0 and 4): level 1, 12 cycles;
**        L1 refill: ways touched 0,1,0 -> victim way 1 (line 2) -> [4, 0]
**   0 -> L1 hit
**   2 -> L1 miss (evicted), L2 hit (set 2): level 1 */
static void test_l1_conflict_hits_l2(void **state) {
  cache_t c;
  (void)state;
  tiny(&c);
  assert_int_equal(cache_access(&c, LINE(0)), CACHE_DRAM);
  assert_int_equal(cache_access(&c, LINE(2)), CACHE_DRAM);
  assert_int_equal(cache_access(&c, LINE(4)), CACHE_DRAM);
  assert_int_equal(cache_access(&c, LINE(0)), 1);
  assert_int_equal(cache_latency(&c, 1), 12);
  assert_int_equal(cache_access(&c, LINE(0)), 0);
  assert_int_equal(cache_access(&c, LINE(4)), 0);
  assert_int_equal(cache_access(&c, LINE(2)), 1);
  cache_free(&c);
}

/* L1 and L2 conflict, L3 hit.  Lines 0, 4, 8: L1 set 0, L2 set 0 (all
** multiples of 4); L3 sets 0, 4, 0.
**   0, 4, 8 -> DRAM each; in L1 and L2 line 8 evicts line 0 (way 0, the LRU
**     after ways 0,1 were filled) -> both [8, 4]; L3 s0 [0, 8], s4 [4, -]
**   0 -> L1 miss, L2 miss, L3 hit: level 2, 40 cycles; L1 and L2 refill
**     their victim way 1 (line 4; ways touched 0,1,0) -> both [8, 0]
**   0 -> L1 hit
**   4 -> L1 miss, L2 miss, L3 hit (set 4): level 2
** Counters (each level counts the accesses that reach it):
**   L1 reached 6 times: hit 1 (the 5th), miss 5
**   L2 reached 5 times: hit 0, miss 5
**   L3 reached 5 times: hit 2 (4th and 6th), miss 3; DRAM 3. */
static void test_l2_conflict_hits_l3_and_counters(void **state) {
  cache_t c;
  (void)state;
  tiny(&c);
  assert_int_equal(cache_access(&c, LINE(0)), CACHE_DRAM);
  assert_int_equal(cache_access(&c, LINE(4)), CACHE_DRAM);
  assert_int_equal(cache_access(&c, LINE(8)), CACHE_DRAM);
  assert_int_equal(cache_access(&c, LINE(0)), 2);
  assert_int_equal(cache_latency(&c, 2), 40);
  assert_int_equal(cache_access(&c, LINE(0)), 0);
  assert_int_equal(cache_access(&c, LINE(4)), 2);
  assert_int_equal(c.lvl[0].hits, 1);
  assert_int_equal(c.lvl[0].misses, 5);
  assert_int_equal(c.lvl[1].hits, 0);
  assert_int_equal(c.lvl[1].misses, 5);
  assert_int_equal(c.lvl[2].hits, 2);
  assert_int_equal(c.lvl[2].misses, 3);
  assert_int_equal(c.dram_accesses, 3);
  cache_free(&c);
}

/* Non-inclusive: an L2 hit touches L2 and fills L1 only; L3 is neither
** consulted nor counted.  Lines 1, 3, 5 share L1 set 1 (odd); L2 sets 1,
** 3, 1.  1, 3, 5 -> DRAM (L3 misses 3); 5 evicted 1 from L1, so 1 -> L2
** hit: L3 counters stay at 0 hits / 3 misses. */
static void test_l2_hit_does_not_reach_l3(void **state) {
  cache_t c;
  (void)state;
  tiny(&c);
  cache_access(&c, LINE(1));
  cache_access(&c, LINE(3));
  cache_access(&c, LINE(5));
  assert_int_equal(cache_access(&c, LINE(1)), 1);
  assert_int_equal(c.lvl[2].hits, 0);
  assert_int_equal(c.lvl[2].misses, 3);
  assert_int_equal(c.lvl[1].hits, 1);
  assert_int_equal(c.dram_accesses, 3);
  cache_free(&c);
}

/* The hitting way is touched.  L1 set 0 (2 ways), lines 0, 2, 4:
**   0 -> way 0, 2 -> way 1 (ages [1,0]); 0 hits L1: touch way 0 -> [0,1]
**   4 -> victim way 1 (line 2), not line 0
**   0 -> still an L1 hit; 2 -> L1 miss, L2 hit (L2 set 2 holds it) */
static void test_hit_touches_way(void **state) {
  cache_t c;
  (void)state;
  tiny(&c);
  cache_access(&c, LINE(0));
  cache_access(&c, LINE(2));
  assert_int_equal(cache_access(&c, LINE(0)), 0);
  assert_int_equal(cache_access(&c, LINE(4)), CACHE_DRAM);
  assert_int_equal(cache_access(&c, LINE(0)), 0);
  assert_int_equal(cache_access(&c, LINE(2)), 1);
  cache_free(&c);
}

/* flush: every level invalid, replacement state reset, counters kept.
**   0 -> DRAM (L1 set 0 way 0), 2 -> DRAM (set 0 way 1): ages [1,0]
**   0 -> L1 hit: ages [0,1]; 2 -> L1 hit: ages [1,0]
**   flush -> ages back to age[w] = w = [0,1] (lru.h reset), all invalid
**   L1: hits 2, misses 2; DRAM 2.  Then 0 and 2 miss to DRAM again. */
static void test_flush(void **state) {
  cache_t c;
  (void)state;
  tiny(&c);
  cache_access(&c, LINE(0));
  cache_access(&c, LINE(2));
  assert_int_equal(cache_access(&c, LINE(0)), 0);
  assert_int_equal(cache_access(&c, LINE(2)), 0);
  assert_int_equal(c.lvl[0].repl.age[0], 1);
  assert_int_equal(c.lvl[0].repl.age[1], 0);
  cache_flush(&c);
  assert_int_equal(c.lvl[0].repl.age[0], 0);
  assert_int_equal(c.lvl[0].repl.age[1], 1);
  assert_int_equal(c.lvl[0].hits, 2);       /* kept */
  assert_int_equal(c.lvl[0].misses, 2);
  assert_int_equal(c.dram_accesses, 2);
  assert_int_equal(cache_access(&c, LINE(0)), CACHE_DRAM);
  assert_int_equal(cache_access(&c, LINE(2)), CACHE_DRAM);
  assert_int_equal(c.dram_accesses, 4);
  assert_int_equal(c.lvl[0].misses, 4);
  cache_free(&c);
}

/* Tree-PLRU in every level (2 ways: one bit per set, 0 = victim way 0).
** Same L1 set 0 stream as test_l1_conflict_hits_l2: 0, 2 fill ways 0, 1
** (bit ends 0 after touching way 1), 4 replaces way 0 -> [4, 2], bit 1;
** then 2 -> L1 hit (2-way PLRU is exact LRU), 0 -> L2 hit. */
static void test_plru_levels(void **state) {
  cache_cfg_t cfg;
  cache_t c;
  (void)state;
  tiny_cfg(&cfg);
  cfg.policy = REPL_PLRU;
  assert_int_equal(cache_init(&c, &cfg), 0);
  cache_access(&c, LINE(0));
  cache_access(&c, LINE(2));
  cache_access(&c, LINE(4));
  assert_int_equal(cache_access(&c, LINE(2)), 0);
  assert_int_equal(cache_access(&c, LINE(0)), 1);
  cache_free(&c);
}

static void test_cfg_check_rejects(void **state) {
  cache_cfg_t cfg;
  cache_t c;
  const char *m;
  (void)state;
  tiny_cfg(&cfg);
  assert_null(cache_cfg_check(&cfg));
  cfg.level[1].size = 500;                 /* not a multiple of 64*2 = 128 */
  m = cache_cfg_check(&cfg);
  assert_non_null(m);
  assert_non_null(strstr(m, "L2"));
  assert_int_equal(cache_init(&c, &cfg), -1);
  tiny_cfg(&cfg);
  cfg.level[0].size = 384;                 /* 384 / 128 = 3 sets: not 2^n */
  m = cache_cfg_check(&cfg);
  assert_non_null(m);
  assert_non_null(strstr(m, "L1"));
  tiny_cfg(&cfg);
  cfg.level[2].latency = 1;                /* contract: every latency >= 2 */
  m = cache_cfg_check(&cfg);
  assert_non_null(m);
  assert_non_null(strstr(m, "L3"));
  tiny_cfg(&cfg);
  cfg.dram_latency = 1;
  assert_non_null(cache_cfg_check(&cfg));
  tiny_cfg(&cfg);
  cfg.level[2].latency = 2;                /* the boundary is allowed */
  cfg.dram_latency = 2;
  assert_null(cache_cfg_check(&cfg));
  tiny_cfg(&cfg);
  cfg.line = 48;                           /* not a power of two */
  assert_non_null(cache_cfg_check(&cfg));
  tiny_cfg(&cfg);
  cfg.level[0].ways = 0;
  assert_non_null(cache_cfg_check(&cfg));
  tiny_cfg(&cfg);
  cfg.level[0].size = 0;
  assert_non_null(cache_cfg_check(&cfg));
  tiny_cfg(&cfg);
  cfg.level[1].ways = 3;                   /* 64*3*2 = 384: 2 sets, fine for LRU */
  cfg.level[1].size = 384;
  assert_null(cache_cfg_check(&cfg));
  cfg.policy = REPL_PLRU;                  /* but PLRU needs 2^n ways */
  assert_non_null(cache_cfg_check(&cfg));
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_default_config),
    cmocka_unit_test(test_cold_then_l1),
    cmocka_unit_test(test_miss_fills_every_level),
    cmocka_unit_test(test_l1_conflict_hits_l2),
    cmocka_unit_test(test_l2_conflict_hits_l3_and_counters),
    cmocka_unit_test(test_l2_hit_does_not_reach_l3),
    cmocka_unit_test(test_hit_touches_way),
    cmocka_unit_test(test_flush),
    cmocka_unit_test(test_plru_levels),
    cmocka_unit_test(test_cfg_check_rejects),
  };
  return cmocka_run_group_tests_name("cache", tests, NULL, NULL);
}
