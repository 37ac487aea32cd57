/*
** test_lru.c -- unit tests of lru.c: true LRU ages, tree-PLRU bits and the
** LFSR of RANDOM, each against sequences worked out by hand below.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "lru.h"

static void touch_seq(lru_t *l, uint32_t set, const uint32_t *ways, size_t n) {
  size_t i;
  for (i = 0; i < n; i++) lru_touch(l, set, ways[i]);
}

static void assert_ages(const lru_t *l, uint32_t set, const uint8_t *want) {
  uint32_t w;
  for (w = 0; w < l->ways; w++) assert_int_equal(l->age[set * l->ways + w], want[w]);
}

static void assert_bits(const lru_t *l, uint32_t set, const uint8_t *want) {
  uint32_t n;
  for (n = 0; n + 1u < l->ways; n++) assert_int_equal(l->tree[set * (l->ways - 1u) + n], want[n]);
}

static void test_init_rejects_bad_shapes(void **state) {
  lru_t l;
  (void)state;
  assert_int_equal(lru_init(&l, REPL_LRU, 1, 0, 0), -1);     /* no ways */
  assert_int_equal(lru_init(&l, REPL_LRU, 0, 4, 0), -1);     /* no sets */
  assert_int_equal(lru_init(&l, REPL_LRU, 1, 65, 0), -1);    /* lru.h: ways <= 64 */
  assert_int_equal(lru_init(&l, REPL_PLRU, 1, 3, 0), -1);    /* PLRU needs a power of 2 */
  assert_int_equal(lru_init(&l, REPL_PLRU, 1, 6, 0), -1);
  assert_int_equal(lru_init(&l, (repl_policy_t)7, 1, 4, 0), -1);
  assert_int_equal(lru_init(&l, REPL_LRU, 1, 64, 0), 0);     /* the limit itself is fine */
  lru_free(&l);
  assert_int_equal(lru_init(&l, REPL_RANDOM, 1, 5, 0), 0);   /* RANDOM: any way count */
  lru_free(&l);
}

/* True LRU, 4 ways.  Rule (lru.h): ways younger than the touched one age by
** one, the touched one becomes 0; victim = the way with age 3.
**   reset           ages [0,1,2,3]  victim 3   (age[w] = w)
**   touch 0 (age 0) ages [0,1,2,3]  nobody younger, unchanged
**   touch 1 (age 1) ages [1,0,2,3]  way 0 was younger: 0 -> 1
**   touch 2 (age 2) ages [2,1,0,3]  ways 0,1 age
**   touch 3 (age 3) ages [3,2,1,0]  all age
**   touch 0 (age 3) ages [0,3,2,1]  victim 1
**   touch 1 (age 3) ages [1,0,3,2]  victim 2
**   touch 1 (age 0) ages [1,0,3,2]  MRU touched again: no change, victim 2
**   touch 3 (age 2) ages [2,1,3,0]  ways 0,1 (ages 1,0) age; victim 2 */
static void test_lru_4way_sequence(void **state) {
  lru_t l;
  static const uint32_t seq[] = { 0, 1, 2, 3, 0 };
  static const uint8_t a0[] = { 0, 1, 2, 3 }, a1[] = { 0, 3, 2, 1 }, a2[] = { 1, 0, 3, 2 },
                       a3[] = { 2, 1, 3, 0 };
  (void)state;
  assert_int_equal(lru_init(&l, REPL_LRU, 2, 4, 0), 0);
  assert_ages(&l, 0, a0);
  assert_int_equal(lru_victim(&l, 0), 3);
  touch_seq(&l, 0, seq, 5);
  assert_ages(&l, 0, a1);
  assert_int_equal(lru_victim(&l, 0), 1);
  lru_touch(&l, 0, 1);
  assert_ages(&l, 0, a2);
  assert_int_equal(lru_victim(&l, 0), 2);
  lru_touch(&l, 0, 1);
  assert_ages(&l, 0, a2);
  assert_int_equal(lru_victim(&l, 0), 2);
  lru_touch(&l, 0, 3);
  assert_ages(&l, 0, a3);
  assert_int_equal(lru_victim(&l, 0), 2);
  /* set 1 was never touched: still the reset state, victim 3 */
  assert_ages(&l, 1, a0);
  assert_int_equal(lru_victim(&l, 1), 3);
  /* reset puts set 0 back to age[w] = w */
  lru_reset(&l);
  assert_ages(&l, 0, a0);
  assert_int_equal(lru_victim(&l, 0), 3);
  lru_free(&l);
}

/* Tree-PLRU, 4 ways: 3 bits, node 0 root, node 1 over ways 0|1, node 2
** over ways 2|3.  Bit 0 = victim in the lower half; a touch makes every
** node on its path point to the other half.
**
**            n0
**          /    \
**        n1      n2
**       /  \    /  \
**      w0  w1  w2  w3
**
**   reset          bits n0 n1 n2 = 0 0 0   victim: n0=0 -> n1=0 -> w0
**   touch 0        n0=1 (w0 low), n1=1      1 1 0
**   touch 1        n0=1, n1=0 (w1 high)     1 0 0
**   touch 2        n0=0 (w2 high), n2=1     0 0 1
**   touch 3        n0=0, n2=0               0 0 0   victim w0
**   touch 0        n0=1, n1=1               1 1 0   victim: n0=1 -> n2=0 -> w2
** (True LRU after 0,1,2,3,0 would pick way 1: PLRU differs here.)
**   touch 2        n0=0, n2=1               0 1 1   victim: n0=0 -> n1=1 -> w1
**   touch 1        n0=1, n1=0               1 0 1   victim: n0=1 -> n2=1 -> w3 */
static void test_plru_4way_sequence(void **state) {
  lru_t l;
  static const uint32_t seq[] = { 0, 1, 2, 3 };
  static const uint8_t b0[] = { 0, 0, 0 }, b1[] = { 1, 1, 0 }, b2[] = { 0, 1, 1 }, b3[] = { 1, 0, 1 };
  static const uint8_t s1[] = { 1, 0, 0 }, s2[] = { 0, 0, 1 };
  (void)state;
  assert_int_equal(lru_init(&l, REPL_PLRU, 1, 4, 0), 0);
  assert_bits(&l, 0, b0);
  assert_int_equal(lru_victim(&l, 0), 0);
  lru_touch(&l, 0, 0);
  assert_bits(&l, 0, b1);
  lru_touch(&l, 0, 1);
  assert_bits(&l, 0, s1);
  lru_touch(&l, 0, 2);
  assert_bits(&l, 0, s2);
  lru_touch(&l, 0, 3);
  assert_bits(&l, 0, b0);
  assert_int_equal(lru_victim(&l, 0), 0);
  lru_touch(&l, 0, 0);
  assert_bits(&l, 0, b1);
  assert_int_equal(lru_victim(&l, 0), 2);
  lru_touch(&l, 0, 2);
  assert_bits(&l, 0, b2);
  assert_int_equal(lru_victim(&l, 0), 1);
  lru_touch(&l, 0, 1);
  assert_bits(&l, 0, b3);
  assert_int_equal(lru_victim(&l, 0), 3);
  lru_reset(&l);
  assert_bits(&l, 0, b0);
  touch_seq(&l, 0, seq, 4);
  assert_int_equal(lru_victim(&l, 0), 0);
  lru_free(&l);
}

/* Tree-PLRU, 8 ways: 7 bits.
**
**                    n0
**            /                \
**          n1                  n2
**        /    \              /    \
**      n3      n4          n5      n6
**     /  \    /  \        /  \    /  \
**    w0  w1  w2  w3      w4  w5  w6  w7
**
** Bits listed n0..n6.  Touching 0..7 in order:
**   touch 0: n0=1 n1=1 n3=1   -> 1 1 0 1 0 0 0
**   touch 1: n0=1 n1=1 n3=0   -> 1 1 0 0 0 0 0
**   touch 2: n0=1 n1=0 n4=1   -> 1 0 0 0 1 0 0
**   touch 3: n0=1 n1=0 n4=0   -> 1 0 0 0 0 0 0
**   touch 4: n0=0 n2=1 n5=1   -> 0 0 1 0 0 1 0
**   touch 5: n0=0 n2=1 n5=0   -> 0 0 1 0 0 0 0
**   touch 6: n0=0 n2=0 n6=1   -> 0 0 0 0 0 0 1
**   touch 7: n0=0 n2=0 n6=0   -> 0 0 0 0 0 0 0   victim w0
** Then:
**   touch 0: 1 1 0 1 0 0 0  victim n0=1 -> n2=0 -> n5=0 -> w4
**   touch 4: 0 1 1 1 0 1 0  victim n0=0 -> n1=1 -> n4=0 -> w2
**   touch 2: 1 0 1 1 1 1 0  victim n0=1 -> n2=1 -> n6=0 -> w6
**   touch 6: 0 0 0 1 1 1 1  victim n0=0 -> n1=0 -> n3=1 -> w1 */
static void test_plru_8way_sequence(void **state) {
  lru_t l;
  static const uint8_t after0[] = { 1, 1, 0, 1, 0, 0, 0 }, after3[] = { 1, 0, 0, 0, 0, 0, 0 },
                       after4[] = { 0, 0, 1, 0, 0, 1, 0 }, zero[] = { 0, 0, 0, 0, 0, 0, 0 };
  static const uint8_t t4[] = { 0, 1, 1, 1, 0, 1, 0 }, t2[] = { 1, 0, 1, 1, 1, 1, 0 },
                       t6[] = { 0, 0, 0, 1, 1, 1, 1 };
  uint32_t w;
  (void)state;
  assert_int_equal(lru_init(&l, REPL_PLRU, 3, 8, 0), 0);
  assert_int_equal(lru_victim(&l, 2), 0);
  for (w = 0; w < 8; w++) {
    lru_touch(&l, 2, w);
    if (w == 0) assert_bits(&l, 2, after0);
    if (w == 3) assert_bits(&l, 2, after3);
    if (w == 4) assert_bits(&l, 2, after4);
  }
  assert_bits(&l, 2, zero);
  assert_int_equal(lru_victim(&l, 2), 0);
  lru_touch(&l, 2, 0);
  assert_bits(&l, 2, after0);
  assert_int_equal(lru_victim(&l, 2), 4);
  lru_touch(&l, 2, 4);
  assert_bits(&l, 2, t4);
  assert_int_equal(lru_victim(&l, 2), 2);
  lru_touch(&l, 2, 2);
  assert_bits(&l, 2, t2);
  assert_int_equal(lru_victim(&l, 2), 6);
  lru_touch(&l, 2, 6);
  assert_bits(&l, 2, t6);
  assert_int_equal(lru_victim(&l, 2), 1);
  /* sets 0 and 1 untouched: all bits 0, victim way 0 */
  assert_bits(&l, 0, zero);
  assert_bits(&l, 1, zero);
  assert_int_equal(lru_victim(&l, 1), 0);
  lru_free(&l);
}

/* PLRU with one way has no bits (lru.h: ways-1 per set); the victim can
** only be way 0. */
static void test_plru_one_way(void **state) {
  lru_t l;
  (void)state;
  assert_int_equal(lru_init(&l, REPL_PLRU, 4, 1, 0), 0);
  assert_int_equal(lru_victim(&l, 3), 0);
  lru_touch(&l, 3, 0);
  assert_int_equal(lru_victim(&l, 3), 0);
  lru_reset(&l);
  assert_int_equal(lru_victim(&l, 0), 0);
  lru_free(&l);
}

/* RANDOM: lfsr' = (l >> 1) | (b << 15), b = bit0 ^ bit2 ^ bit3 ^ bit5
** (x^16+x^14+x^13+x^11+1).  From 0xACE1 (the textbook example seed):
**   0xACE1 = 1010 1100 1110 0001: b0=1 b2=0 b3=0 b5=1, b=0
**            0xACE1 >> 1 = 0x5670                     -> 0x5670
**   0x5670 = 0101 0110 0111 0000: b0=0 b2=0 b3=0 b5=1, b=1
**            0x2B38 | 0x8000                          -> 0xAB38
**   0xAB38 = 1010 1011 0011 1000: b0=0 b2=0 b3=1 b5=1, b=0
**            0xAB38 >> 1                              -> 0x559C
**   0x559C = 0101 0101 1001 1100: b0=0 b2=1 b3=1 b5=0, b=0
**            0x559C >> 1                              -> 0x2ACE
**   0x2ACE = 0010 1010 1100 1110: b0=0 b2=1 b3=1 b5=0, b=0
**            0x2ACE >> 1                              -> 0x1567
** victim = lfsr mod 8 = the low 3 bits: 0xACE1 -> 1, 0x5670 -> 0,
** 0xAB38 -> 0, 0x559C -> 4, 0x2ACE -> 6, 0x1567 -> 7. */
static void test_random_lfsr_sequence(void **state) {
  lru_t l;
  static const uint16_t seq[] = { 0xACE1, 0x5670, 0xAB38, 0x559C, 0x2ACE, 0x1567 };
  static const uint32_t vic[] = { 1, 0, 0, 4, 6, 7 };
  size_t i;
  (void)state;
  assert_int_equal(lru_init(&l, REPL_RANDOM, 4, 8, 0xACE1), 0);
  for (i = 0; i < 6; i++) {
    assert_int_equal(l.lfsr, seq[i]);
    assert_int_equal(lru_victim(&l, 0), vic[i]);
    assert_int_equal(lru_victim(&l, 0), vic[i]);   /* lru_victim is pure */
    /* one step per lru_touch call, whatever the set and way */
    lru_touch(&l, (uint32_t)i % 4u, (uint32_t)i % 8u);
  }
  lru_reset(&l);
  assert_int_equal(l.lfsr, 0xACE1);
  lru_free(&l);
}

/* Seed 0 would lock the LFSR at 0, so it is taken as 1 (lru.h).
**   0x0001: b0=1 -> b=1, 0x0000 | 0x8000 -> 0x8000
**   0x8000: b0=b2=b3=b5=0 -> b=0        -> 0x4000
** The seed is 16 bits: 0x10000 is 0 (-> 1) and 0x1ACE1 is 0xACE1. */
static void test_random_seed_zero(void **state) {
  lru_t l;
  (void)state;
  assert_int_equal(lru_init(&l, REPL_RANDOM, 1, 4, 0), 0);
  assert_int_equal(l.lfsr, 1);
  assert_int_equal(lru_victim(&l, 0), 1);      /* 1 mod 4 */
  lru_touch(&l, 0, 0);
  assert_int_equal(l.lfsr, 0x8000);
  assert_int_equal(lru_victim(&l, 0), 0);
  lru_touch(&l, 0, 0);
  assert_int_equal(l.lfsr, 0x4000);
  lru_free(&l);
  assert_int_equal(lru_init(&l, REPL_RANDOM, 1, 4, 0x10000), 0);
  assert_int_equal(l.lfsr, 1);
  lru_free(&l);
  assert_int_equal(lru_init(&l, REPL_RANDOM, 1, 4, 0x1ACE1), 0);
  assert_int_equal(l.lfsr, 0xACE1);
  lru_free(&l);
}

/* A 5-way RANDOM: victim = lfsr mod 5.  0xACE1 = 44257 = 5*8851 + 2 -> 2;
** 0x5670 = 22128 = 5*4425 + 3 -> 3. */
static void test_random_non_pow2_ways(void **state) {
  lru_t l;
  (void)state;
  assert_int_equal(lru_init(&l, REPL_RANDOM, 1, 5, 0xACE1), 0);
  assert_int_equal(lru_victim(&l, 0), 2);
  lru_touch(&l, 0, 4);
  assert_int_equal(lru_victim(&l, 0), 3);
  lru_free(&l);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_init_rejects_bad_shapes),
    cmocka_unit_test(test_lru_4way_sequence),
    cmocka_unit_test(test_plru_4way_sequence),
    cmocka_unit_test(test_plru_8way_sequence),
    cmocka_unit_test(test_plru_one_way),
    cmocka_unit_test(test_random_lfsr_sequence),
    cmocka_unit_test(test_random_seed_zero),
    cmocka_unit_test(test_random_non_pow2_ways),
  };
  return cmocka_run_group_tests_name("lru", tests, NULL, NULL);
}
