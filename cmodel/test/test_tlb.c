/*
** test_tlb.c -- unit tests of tlb.c: fill order under LRU and PLRU, set
** indexing per page size, ASID/global matching, sfence.vma, priority.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "riscv.h"
#include "tlb.h"

#define LEAF (PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)

static tlb_entry_t mk(uint64_t vpn, uint64_t ppn, uint8_t level, uint16_t asid, uint8_t perm) {
  tlb_entry_t e;
  e.valid = 0;   /* tlb_fill forces it to 1 */
  e.level = level;
  e.perm = perm;
  e.asid = asid;
  e.vpn = vpn;
  e.ppn = ppn;
  return e;
}

static int fill(tlb_t *t, uint64_t vpn, uint8_t level, uint16_t asid, uint8_t perm) {
  tlb_entry_t e = mk(vpn, vpn + 0x1000, level, asid, perm);
  return tlb_fill(t, &e);
}

static void test_init_shapes(void **state) {
  tlb_t t;
  (void)state;
  assert_int_equal(tlb_init(&t, 0, 1, REPL_LRU, 0), -1);
  assert_int_equal(tlb_init(&t, 8, 0, REPL_LRU, 0), -1);
  assert_int_equal(tlb_init(&t, 8, 3, REPL_LRU, 0), -1);    /* 8 not a multiple of 3 */
  assert_int_equal(tlb_init(&t, 12, 4, REPL_LRU, 0), -1);   /* 3 sets: not a power of 2 */
  assert_int_equal(tlb_init(&t, 6, 3, REPL_PLRU, 0), -1);   /* 2 sets fine, PLRU needs 2^n ways */
  assert_int_equal(tlb_init(&t, 6, 3, REPL_LRU, 0), 0);     /* ...LRU does not */
  assert_int_equal(t.sets, 2);
  tlb_free(&t);
  assert_int_equal(tlb_init(&t, 8, 2, REPL_LRU, 0), 0);
  assert_int_equal(t.sets, 4);                              /* 8 / 2 */
  assert_int_equal(t.entries, 8);
  for (int i = 0; i < 8; i++) assert_int_equal(t.e[i].valid, 0);
  tlb_free(&t);
}

/* Fully associative, 4 entries, true LRU.
**   fill 0x10,0x11,0x12,0x13 -> ways 0,1,2,3 (all invalid: lowest first);
**     touches 0,1,2,3 leave ages [3,2,1,0]
**   hit on 0x10 (touch 0)    -> ages [0,3,2,1], victim way 1
**   fill 0x14                -> way 1 (0x11 evicted); ages [1,0,3,2]
**   fill 0x15                -> way 2 (0x12 evicted); ages [2,1,0,3]
**   invalidate way 0, fill 0x16 -> way 0 (invalid beats the LRU victim 3) */
static void test_fully_assoc_lru_fill_order(void **state) {
  tlb_t t;
  int idx;
  (void)state;
  assert_int_equal(tlb_init(&t, 4, 4, REPL_LRU, 0), 0);
  assert_int_equal(fill(&t, 0x10, 0, 1, LEAF), 0);
  assert_int_equal(fill(&t, 0x11, 0, 1, LEAF), 1);
  assert_int_equal(fill(&t, 0x12, 0, 1, LEAF), 2);
  assert_int_equal(fill(&t, 0x13, 0, 1, LEAF), 3);
  idx = tlb_lookup(&t, 0x10, 1);
  assert_int_equal(idx, 0);
  tlb_touch(&t, idx);
  assert_int_equal(fill(&t, 0x14, 0, 1, LEAF), 1);
  assert_int_equal(tlb_lookup(&t, 0x11, 1), -1);
  assert_int_equal(tlb_lookup(&t, 0x14, 1), 1);
  assert_int_equal(fill(&t, 0x15, 0, 1, LEAF), 2);
  assert_int_equal(tlb_lookup(&t, 0x12, 1), -1);
  assert_int_equal(tlb_lookup(&t, 0x10, 1), 0);
  assert_int_equal(tlb_lookup(&t, 0x13, 1), 3);
  tlb_invalidate(&t, 0);
  assert_int_equal(tlb_lookup(&t, 0x10, 1), -1);
  assert_int_equal(fill(&t, 0x16, 0, 1, LEAF), 0);
  tlb_free(&t);
}

/* Same sequence under tree-PLRU (4 ways: n0 root, n1 over ways 0|1, n2
** over 2|3; bit 0 = victim low).
**   fills to ways 0,1,2,3: bits n0n1n2 110, 100, 001, 000
**   hit on way 0: n0=1, n1=1 -> 110; victim n0=1 -> n2=0 -> way 2
** True LRU picks way 1 here (previous test), PLRU way 2.
**   fill 0x14 -> way 2: n0=0, n2=1 -> 011; victim n0=0 -> n1=1 -> way 1
**   fill 0x15 -> way 1. */
static void test_fully_assoc_plru_fill_order(void **state) {
  tlb_t t;
  (void)state;
  assert_int_equal(tlb_init(&t, 4, 4, REPL_PLRU, 0), 0);
  assert_int_equal(fill(&t, 0x10, 0, 1, LEAF), 0);
  assert_int_equal(fill(&t, 0x11, 0, 1, LEAF), 1);
  assert_int_equal(fill(&t, 0x12, 0, 1, LEAF), 2);
  assert_int_equal(fill(&t, 0x13, 0, 1, LEAF), 3);
  tlb_touch(&t, tlb_lookup(&t, 0x10, 1));
  assert_int_equal(fill(&t, 0x14, 0, 1, LEAF), 2);
  assert_int_equal(tlb_lookup(&t, 0x12, 1), -1);
  assert_int_equal(tlb_lookup(&t, 0x11, 1), 1);
  assert_int_equal(fill(&t, 0x15, 0, 1, LEAF), 1);
  assert_int_equal(tlb_lookup(&t, 0x11, 1), -1);
  tlb_free(&t);
}

/* 8 entries, 2 ways -> 4 sets; index = set*2 + way.
**   4 KiB, vpn 0x12345: set 0x12345 & 3 = 0b01 = 1 -> index 2
**   2 MiB, vpn 0x406AB: vpn >> 9 = 0x203 (0x406AB = 0b100_0000_0110_1010_1011,
**     drop 9 bits -> 0b10_0000_0011), & 3 = 3 -> index 6 (while vpn & 3 = 3
**     too, so also try vpn 0x40400: >> 9 = 0x202 -> set 2 but vpn & 3 = 0)
**   The 2 MiB page holds vpns 0x40600 .. 0x407FF (512 pages). */
static void test_set_assoc_indexing(void **state) {
  tlb_t t;
  tlb_entry_t e;
  int idx;
  (void)state;
  assert_int_equal(tlb_init(&t, 8, 2, REPL_LRU, 0), 0);
  assert_int_equal(tlb_set_index(&t, 0x12345, 0), 1);
  assert_int_equal(tlb_set_index(&t, 0x406AB, 1), 3);
  assert_int_equal(tlb_set_index(&t, 0x40400, 1), 2);
  /* level 2: vpn >> 18; 0xC0000 >> 18 = 3 */
  assert_int_equal(tlb_set_index(&t, 0xC0000, 2), 3);
  assert_int_equal(fill(&t, 0x12345, 0, 1, LEAF), 2);
  e = mk(0x406AB, 0x80123, 1, 1, LEAF);
  idx = tlb_fill(&t, &e);
  assert_int_equal(idx, 6);
  /* low 9 bits cleared: 0x406AB -> 0x40600, 0x80123 -> 0x80000 */
  assert_true(t.e[6].vpn == 0x40600);
  assert_true(t.e[6].ppn == 0x80000);
  assert_int_equal(t.e[6].valid, 1);
  assert_int_equal(tlb_lookup(&t, 0x40600, 1), 6);
  assert_int_equal(tlb_lookup(&t, 0x406AB, 1), 6);
  assert_int_equal(tlb_lookup(&t, 0x40755, 1), 6);
  assert_int_equal(tlb_lookup(&t, 0x407FF, 1), 6);
  assert_int_equal(tlb_lookup(&t, 0x405FF, 1), -1);   /* one page below */
  assert_int_equal(tlb_lookup(&t, 0x40800, 1), -1);   /* one page above */
  e = mk(0x40400, 0x90000, 1, 1, LEAF);
  assert_int_equal(tlb_fill(&t, &e), 4);               /* set 2, way 0 */
  assert_int_equal(tlb_lookup(&t, 0x40401, 1), 4);
  assert_int_equal(tlb_lookup(&t, 0x12345, 1), 2);
  tlb_free(&t);
}

/* A 1 GiB fill clears 18 low bits: 0x3FFFFFF & ~0x3FFFF = 0x3FC0000. */
static void test_fill_clears_low_bits_gib(void **state) {
  tlb_t t;
  tlb_entry_t e = mk(0x3FFFFFF, 0xFFFFFFF, 2, 0, LEAF);
  int idx;
  (void)state;
  assert_int_equal(tlb_init(&t, 4, 4, REPL_LRU, 0), 0);
  idx = tlb_fill(&t, &e);
  assert_int_equal(idx, 0);
  assert_true(t.e[0].vpn == 0x3FC0000);
  assert_true(t.e[0].ppn == 0xFFC0000);
  assert_int_equal(tlb_lookup(&t, 0x3FC0000, 0), 0);
  assert_int_equal(tlb_lookup(&t, 0x3F80000, 0), -1);  /* the GiB page below */
  tlb_free(&t);
}

/* Two ways per set: a third 4 KiB entry in set 1 (vpns 0x1, 0x5, 0x9 all
** have vpn & 3 = 1) evicts the LRU way of that set only.
**   fill 0x1 -> way 0, 0x5 -> way 1, ages [1,0]; fill 0x9 -> way 0 = index 2 */
static void test_set_assoc_eviction_stays_in_set(void **state) {
  tlb_t t;
  (void)state;
  assert_int_equal(tlb_init(&t, 8, 2, REPL_LRU, 0), 0);
  assert_int_equal(fill(&t, 0x0, 0, 1, LEAF), 0);    /* set 0 */
  assert_int_equal(fill(&t, 0x1, 0, 1, LEAF), 2);    /* set 1 way 0 */
  assert_int_equal(fill(&t, 0x5, 0, 1, LEAF), 3);    /* set 1 way 1 */
  assert_int_equal(fill(&t, 0x9, 0, 1, LEAF), 2);    /* evicts 0x1 */
  assert_int_equal(tlb_lookup(&t, 0x1, 1), -1);
  assert_int_equal(tlb_lookup(&t, 0x5, 1), 3);
  assert_int_equal(tlb_lookup(&t, 0x0, 1), 0);       /* set 0 untouched */
  tlb_free(&t);
}

static void test_asid_and_global_matching(void **state) {
  tlb_t t;
  (void)state;
  assert_int_equal(tlb_init(&t, 4, 4, REPL_LRU, 0), 0);
  assert_int_equal(fill(&t, 0x100, 0, 1, LEAF), 0);
  assert_int_equal(fill(&t, 0x200, 0, 1, LEAF | PTE_G), 1);
  assert_int_equal(tlb_lookup(&t, 0x100, 1), 0);
  assert_int_equal(tlb_lookup(&t, 0x100, 2), -1);    /* other ASID, not global */
  assert_int_equal(tlb_lookup(&t, 0x200, 1), 1);
  assert_int_equal(tlb_lookup(&t, 0x200, 2), 1);     /* global: any ASID */
  assert_int_equal(tlb_lookup(&t, 0x200, 0xffff), 1);
  assert_true(tlb_entry_matches(&t.e[0], 0x100, 1));
  assert_false(tlb_entry_matches(&t.e[0], 0x101, 1));
  assert_false(tlb_entry_matches(&t.e[0], 0x100, 0));
  t.e[0].valid = 0;
  assert_false(tlb_entry_matches(&t.e[0], 0x100, 1));
  tlb_free(&t);
}

/* The sfence fixture: pages P = vpn 0x100, Q = vpn 0x200, a 2 MiB page S
** covering vpns 0x400..0x5FF; ASIDs 1 and 2. Fully associative, filled in
** order, so indices are 0..6:
**   0 A: P asid 1        1 B: P asid 2        2 C: P asid 1 global
**   3 D: Q asid 1        4 E: Q asid 2        5 F: Q asid 2 global
**   6 S: 2 MiB asid 1 */
static void sfence_fixture(tlb_t *t) {
  assert_int_equal(tlb_init(t, 8, 8, REPL_LRU, 0), 0);
  assert_int_equal(fill(t, 0x100, 0, 1, LEAF), 0);
  assert_int_equal(fill(t, 0x100, 0, 2, LEAF), 1);
  assert_int_equal(fill(t, 0x100, 0, 1, LEAF | PTE_G), 2);
  assert_int_equal(fill(t, 0x200, 0, 1, LEAF), 3);
  assert_int_equal(fill(t, 0x200, 0, 2, LEAF), 4);
  assert_int_equal(fill(t, 0x200, 0, 2, LEAF | PTE_G), 5);
  assert_int_equal(fill(t, 0x400, 1, 1, LEAF), 6);
}

/* want: one char per entry 0..7, '1' = still valid */
static void assert_valid(const tlb_t *t, const char *want) {
  int i;
  for (i = 0; i < 8; i++) assert_int_equal(t->e[i].valid, want[i] == '1');
}

static void test_sfence_all(void **state) {
  tlb_t t;
  (void)state;
  sfence_fixture(&t);
  assert_valid(&t, "11111110");
  tlb_sfence(&t, 0, 0, 0, 0);       /* rs1 = rs2 = x0: everything, globals too */
  assert_valid(&t, "00000000");
  tlb_free(&t);
}

static void test_sfence_asid_only(void **state) {
  tlb_t t;
  (void)state;
  sfence_fixture(&t);
  tlb_sfence(&t, 0, 0, 1, 1);       /* non-global entries of ASID 1: A, D, S */
  assert_valid(&t, "01101100");
  tlb_sfence(&t, 0, 0, 1, 2);       /* then of ASID 2: B, E; globals C, F stay */
  assert_valid(&t, "00100100");
  tlb_free(&t);
}

static void test_sfence_va_only(void **state) {
  tlb_t t;
  (void)state;
  sfence_fixture(&t);
  tlb_sfence(&t, 1, 0x100, 0, 0);   /* page P, any ASID, globals too: A, B, C */
  assert_valid(&t, "00011110");
  tlb_sfence(&t, 1, 0x4AB, 0, 0);   /* inside S (0x400..0x5FF): S */
  assert_valid(&t, "00011100");
  tlb_sfence(&t, 1, 0x201, 0, 0);   /* the page after Q: nothing */
  assert_valid(&t, "00011100");
  tlb_free(&t);
}

static void test_sfence_va_and_asid(void **state) {
  tlb_t t;
  (void)state;
  sfence_fixture(&t);
  tlb_sfence(&t, 1, 0x100, 1, 2);   /* P, ASID 2, non-global: B */
  assert_valid(&t, "10111110");
  tlb_sfence(&t, 1, 0x200, 1, 2);   /* Q, ASID 2, non-global: E (F is global) */
  assert_valid(&t, "10110110");
  tlb_sfence(&t, 1, 0x5FF, 1, 2);   /* S is ASID 1: stays */
  assert_valid(&t, "10110110");
  tlb_sfence(&t, 1, 0x5FF, 1, 1);   /* last page of S, ASID 1: S */
  assert_valid(&t, "10110100");
  tlb_free(&t);
}

/* A stale 4 KiB entry and a 2 MiB entry both translate vpn 0x4AB. Lookup
** probes level 0 first (tlb.h), so the 4 KiB entry wins even though the
** 2 MiB one sits in a lower way; a vpn only the 2 MiB page covers gets it. */
static void test_lookup_prefers_level0(void **state) {
  tlb_t t;
  (void)state;
  assert_int_equal(tlb_init(&t, 4, 4, REPL_LRU, 0), 0);
  assert_int_equal(fill(&t, 0x400, 1, 1, LEAF), 0);
  assert_int_equal(fill(&t, 0x4AB, 0, 1, LEAF), 1);
  assert_int_equal(tlb_lookup(&t, 0x4AB, 1), 1);
  assert_int_equal(tlb_lookup(&t, 0x4AC, 1), 0);
  tlb_free(&t);
  /* set-associative: 8 entries 2 ways; 2 MiB at 0x400 -> set (0x400>>9)&3 = 2,
  ** index 4; 4 KiB 0x4AB -> set 0x4AB & 3 = 3, index 6. */
  assert_int_equal(tlb_init(&t, 8, 2, REPL_LRU, 0), 0);
  assert_int_equal(fill(&t, 0x400, 1, 1, LEAF), 4);
  assert_int_equal(fill(&t, 0x4AB, 0, 1, LEAF), 6);
  assert_int_equal(tlb_lookup(&t, 0x4AB, 1), 6);
  assert_int_equal(tlb_lookup(&t, 0x4AA, 1), 4);
  tlb_free(&t);
}

/* flush_all: every entry invalid and replacement state back to reset; with
** RANDOM that is visible as the LFSR returning to its seed. */
static void test_flush_all_resets(void **state) {
  tlb_t t;
  (void)state;
  assert_int_equal(tlb_init(&t, 4, 4, REPL_RANDOM, 0xACE1), 0);
  fill(&t, 0x1, 0, 1, LEAF);
  fill(&t, 0x2, 0, 1, LEAF | PTE_G);
  /* two touches: 0xACE1 -> 0x5670 -> 0xAB38 (see test_lru.c) */
  assert_int_equal(t.repl.lfsr, 0xAB38);
  tlb_flush_all(&t);
  assert_int_equal(t.repl.lfsr, 0xACE1);
  assert_int_equal(tlb_lookup(&t, 0x1, 1), -1);
  assert_int_equal(tlb_lookup(&t, 0x2, 1), -1);
  assert_int_equal(fill(&t, 0x3, 0, 1, LEAF), 0);
  tlb_free(&t);
}

/* RANDOM victim in a full fully-associative 4-entry TLB, seed 0xACE1:
** four fills (ways 0..3, invalid first) advance the LFSR four times:
** 0xACE1 -> 0x5670 -> 0xAB38 -> 0x559C -> 0x2ACE; victim 0x2ACE mod 4 = 2. */
static void test_random_victim(void **state) {
  tlb_t t;
  (void)state;
  assert_int_equal(tlb_init(&t, 4, 4, REPL_RANDOM, 0xACE1), 0);
  assert_int_equal(fill(&t, 0x10, 0, 1, LEAF), 0);
  assert_int_equal(fill(&t, 0x11, 0, 1, LEAF), 1);
  assert_int_equal(fill(&t, 0x12, 0, 1, LEAF), 2);
  assert_int_equal(fill(&t, 0x13, 0, 1, LEAF), 3);
  assert_int_equal(fill(&t, 0x14, 0, 1, LEAF), 2);
  tlb_free(&t);
}

/* one_set (contract 4a), 8 entries in 4 sets of 2 ways: every entry lives in
** set vpn & 3 of the request that filled it, whatever its level.
**   2 MiB page 0x40400..0x405FF filled from vpn 0x40401: set 0x40401 & 3 = 1,
**     index 2 (the default TLB puts it in set (0x40401 >> 9) & 3 = 2, index 4)
**   lookups of that page: vpn 0x40405 (& 3 = 1) hits index 2; vpn 0x40402
**     (& 3 = 2) and 0x40400 (& 3 = 0) miss: another set, not probed
**   a second fill from vpn 0x40402 puts the same page in set 2, index 4 */
static void test_one_set_placement(void **state) {
  tlb_t t;
  tlb_entry_t e;
  (void)state;
  assert_int_equal(tlb_init(&t, 8, 2, REPL_LRU, 0), 0);
  assert_int_equal(t.one_set, 0);   /* the default rules unless the caller says otherwise */
  t.one_set = 1;
  assert_int_equal(tlb_set_index(&t, 0x40401, 1), 1);
  assert_int_equal(tlb_set_index(&t, 0x40400, 1), 0);
  assert_int_equal(tlb_set_index(&t, 0xC0002, 2), 2);
  e = mk(0x40401, 0x80123, 1, 1, LEAF);
  assert_int_equal(tlb_fill(&t, &e), 2);
  assert_true(t.e[2].vpn == 0x40400);   /* masked after the set was taken */
  assert_true(t.e[2].ppn == 0x80000);
  assert_int_equal(tlb_lookup(&t, 0x40401, 1), 2);
  assert_int_equal(tlb_lookup(&t, 0x40405, 1), 2);
  assert_int_equal(tlb_lookup(&t, 0x40402, 1), -1);
  assert_int_equal(tlb_lookup(&t, 0x40400, 1), -1);
  assert_int_equal(tlb_lookup(&t, 0x405FD, 1), 2);   /* last set-1 page of it: 0x405FD & 3 = 1 */
  e = mk(0x40402, 0x80123, 1, 1, LEAF);
  assert_int_equal(tlb_fill(&t, &e), 4);
  assert_int_equal(tlb_lookup(&t, 0x40402, 1), 4);
  tlb_free(&t);
  /* control: the default rules place and find the same page in set 2 from any of its vpns */
  assert_int_equal(tlb_init(&t, 8, 2, REPL_LRU, 0), 0);
  e = mk(0x40401, 0x80123, 1, 1, LEAF);
  assert_int_equal(tlb_fill(&t, &e), 4);
  assert_int_equal(tlb_lookup(&t, 0x40402, 1), 4);
  assert_int_equal(tlb_lookup(&t, 0x40400, 1), 4);
  tlb_free(&t);
}

/* one_set: within the one set probed, a 4 KiB entry beats the 2 MiB entry
** covering it (levels 0..3), whichever way each sits in */
static void test_one_set_level_priority(void **state) {
  tlb_t t;
  (void)state;
  assert_int_equal(tlb_init(&t, 8, 2, REPL_LRU, 0), 0);
  t.one_set = 1;
  assert_int_equal(fill(&t, 0x40405, 1, 1, LEAF), 2);   /* 2 MiB, set 1 way 0 */
  assert_int_equal(fill(&t, 0x40405, 0, 1, LEAF), 3);   /* 4 KiB, set 1 way 1 */
  assert_int_equal(tlb_lookup(&t, 0x40405, 1), 3);
  assert_int_equal(tlb_lookup(&t, 0x40409, 1), 2);      /* set 1 too, only the 2 MiB one covers it */
  tlb_free(&t);
}

/* one_set: every sfence variant invalidates every entry (contract 4a), even
** one that the default rules keep; the replacement state stays, a flush resets it.
** Fixture under the default rules: sfence(VA 0x300, ASID 3) matches nothing. */
static void test_one_set_sfence_all(void **state) {
  tlb_t t;
  int i;
  (void)state;
  assert_int_equal(tlb_init(&t, 4, 4, REPL_LRU, 0), 0);
  t.one_set = 1;
  assert_int_equal(fill(&t, 0x100, 0, 1, LEAF), 0);
  assert_int_equal(fill(&t, 0x200, 0, 2, LEAF | PTE_G), 1);
  assert_int_equal(fill(&t, 0x400, 1, 1, LEAF), 2);
  /* LRU ages after filling ways 0, 1, 2 in turn (reset age[w] = w): the victim is way 3 */
  assert_int_equal(lru_victim(&t.repl, 0), 3);
  tlb_touch(&t, 3);   /* way 3 touched: now way 0 is the oldest */
  assert_int_equal(lru_victim(&t.repl, 0), 0);
  tlb_sfence(&t, 1, 0x300, 1, 3);
  for (i = 0; i < 4; i++) assert_int_equal(t.e[i].valid, 0);
  assert_int_equal(lru_victim(&t.repl, 0), 0);   /* the ages stayed */
  tlb_flush_all(&t);
  assert_int_equal(lru_victim(&t.repl, 0), 3);   /* reset: age[w] = w */
  tlb_free(&t);
  /* control: the same sfence under the default rules keeps all three */
  assert_int_equal(tlb_init(&t, 4, 4, REPL_LRU, 0), 0);
  fill(&t, 0x100, 0, 1, LEAF);
  fill(&t, 0x200, 0, 2, LEAF | PTE_G);
  fill(&t, 0x400, 1, 1, LEAF);
  tlb_sfence(&t, 1, 0x300, 1, 3);
  for (i = 0; i < 3; i++) assert_int_equal(t.e[i].valid, 1);
  tlb_free(&t);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_init_shapes),
    cmocka_unit_test(test_fully_assoc_lru_fill_order),
    cmocka_unit_test(test_fully_assoc_plru_fill_order),
    cmocka_unit_test(test_set_assoc_indexing),
    cmocka_unit_test(test_fill_clears_low_bits_gib),
    cmocka_unit_test(test_set_assoc_eviction_stays_in_set),
    cmocka_unit_test(test_asid_and_global_matching),
    cmocka_unit_test(test_sfence_all),
    cmocka_unit_test(test_sfence_asid_only),
    cmocka_unit_test(test_sfence_va_only),
    cmocka_unit_test(test_sfence_va_and_asid),
    cmocka_unit_test(test_lookup_prefers_level0),
    cmocka_unit_test(test_flush_all_resets),
    cmocka_unit_test(test_random_victim),
    cmocka_unit_test(test_one_set_placement),
    cmocka_unit_test(test_one_set_level_priority),
    cmocka_unit_test(test_one_set_sfence_all),
  };
  return cmocka_run_group_tests_name("tlb", tests, NULL, NULL);
}
