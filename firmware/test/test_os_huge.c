/*
** test_os_huge.c -- the OS firmware with huge pages (os_config_t.page_shift 21 and 30)
** against the fake HAL: leaf level, PPN alignment and bits of the PTEs, fault counts,
** RSS and page-table pages, zero fill, swap out/in of a whole 2 MiB page, sfence
** addresses, and the configuration errors (replacement per huge page:
** test_os_huge_policy.c).
** The test walks the tables itself (fake_hal.h's walker, told the leaf level) and
** every expected number is computed by hand in the comment beside it.
*/
#include "os_huge_fixture.h"

/* ---- 1. One fault maps a whole 2 MiB region, as a level-1 leaf ---- */

static void test_one_fault_per_region(void **state) {
  /* Sv39, Svadu, 2 frames of 2 MiB.  Three reads inside region 0 at
  ** offsets 0x10, 0x1ff008 and 0x12340: the first faults, the other two
  ** hit the same leaf, so 1 fault.  The leaf is in the level-1 table:
  ** root[1] (VA0 >> 30) is a pointer, L1[0] ((VA0 >> 21) & 511) the leaf,
  ** PPN = BIG_BASE >> 12 = 0x80800 (low 9 bits zero: 2 MiB aligned),
  ** bits V R W X U (Svadu maps A=D=0) plus A, set by the walker's reads:
  ** 0x80800 << 10 | 0x5f = 0x2020005f. */
  fx_t *fx = *state;
  uint64_t root, p2, l1, leaf;

  boot_big(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 2, 0, 21);
  assert_int_equal(sim(fx, 0, R(0) + 0x10, REF_R), OS_RETRY);
  assert_int_equal(sim(fx, 0, R(0) + 0x1ff008, REF_R), OS_RETRY);
  assert_int_equal(sim(fx, 0, R(0) + 0x12340, REF_R), OS_RETRY);
  assert_int_equal(fx->pageins, 1);
  assert_int_equal(fx->os.st.faults, 1);
  assert_int_equal(fx->os.st.minor_faults, 1);

  root = root_of(fx);
  p2 = word(fx, root + 1u * 8u);
  assert_int_equal(p2 & 0xff, 0x01);                       /* a pointer: V alone */
  l1 = ref_ppn(p2) << 12;
  leaf = word(fx, l1 + 0u * 8u);
  assert_true(leaf == UINT64_C(0x2020005f));
  assert_int_equal(ref_ppn(leaf) & 511u, 0);
  assert_int_equal(word(fx, l1 + 1u * 8u), 0);             /* region 1 untouched */
  /* The access at offset 0x12340 landed at BIG_BASE + 0x12340. */
  assert_true(pa_of(fx, 0, R(0) + 0x12340) == BIG_BASE);   /* leaf's base; offset added by the MMU */

  /* Zero fill: all 262144 words of frame 0 zero, frame 1 still junk. */
  for (uint64_t i = 0; i < HUGE_WORDS; i++)
    if (word(fx, BIG_BASE + i * 8u) != 0)
      fail_msg("word %llu of the huge page not zeroed", (unsigned long long)i);
  assert_true(word(fx, BIG_BASE + HUGE) == FAKE_JUNK);

  /* One frame, 2048 kB of RSS; page tables: root + one level-1 table. */
  assert_int_equal(fx->os.proc[0].rss, 1);
  assert_int_equal(fx->os.proc[0].pt_pages, 2);
  assert_int_equal(count_free(&fx->os), 1);
  /* The new mapping was flushed for its ASID at the page's first address
  ** (an sfence with any va inside a superpage flushes it: contract §5). */
  assert_true(sfenced(fx, 0, R(0), 0));
  assert_true(os_frame_of(&fx->os, 0, (R(0) + 0x1fffff) & ~UINT64_C(7)) == 0);
}

/* ---- 2. 513 small pages against 2 huge pages ---- */

static void test_513_small_vs_two_huge(void **state) {
  /* Reading 513 consecutive 4 KiB pages from VA0: with 4 KiB pages that
  ** is 513 faults, RSS 513 pages = 2052 kB, and tables root + L1 + two L0
  ** (pages 0..511 share one, page 512 is the next 2 MiB: a second one) = 4.
  ** With 2 MiB pages: pages 0..511 are region 0, page 512 region 1: 2
  ** faults, RSS 2 pages = 4096 kB (internal fragmentation), tables 2. */
  fx_t *fx = *state;

  boot_big(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 513, 0, 12);
  for (uint32_t i = 0; i < 513; i++) assert_int_equal(sim(fx, 0, VA0 + (uint64_t)i * 4096u, REF_R), OS_RETRY);
  assert_int_equal(fx->os.st.minor_faults, 513);
  assert_int_equal(fx->os.proc[0].rss, 513);
  assert_int_equal((uint64_t)fx->os.proc[0].rss << (12 - 10), 2052);
  assert_int_equal(fx->os.proc[0].pt_pages, 4);
  assert_int_equal(fx->os.st.evictions, 0);
  free(fx->fh.big);
  fx->fh.big = 0;

  boot_big(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 2, 0, 21);
  for (uint32_t i = 0; i < 513; i++) assert_int_equal(sim(fx, 0, VA0 + (uint64_t)i * 4096u, REF_R), OS_RETRY);
  assert_int_equal(fx->os.st.minor_faults, 2);
  assert_int_equal(fx->pageins, 2);
  assert_int_equal(fx->os.proc[0].rss, 2);
  assert_int_equal((uint64_t)fx->os.proc[0].rss << (21 - 10), 4096);
  assert_int_equal(fx->os.proc[0].pt_pages, 2);
  /* Frames 0 and 1 in order: region 1 at BIG_BASE + 2 MiB, PPN 0x80a00. */
  assert_true(pa_of(fx, 0, R(1)) == BIG_BASE + HUGE);
}

/* ---- 3. A dirty huge page goes to swap and comes back whole ---- */

static void test_huge_swap_round_trip(void **state) {
  /* Svadu, LRU, 1 frame, 2 slots of 2 MiB (1024 blocks of 4 KiB).
  ** Store into region 0 (hardware sets A and D), fill its 262144 words
  ** with a pattern; reading region 1 must evict it: dirty, so slot 0 =
  ** blocks 0..511, 512 disk writes, the level-1 PTE becomes the swapped
  ** mark 0x100 (bit 8, slot 0 in the PPN field, V=0).  Reading region 0
  ** again: region 1 is clean (dropped), region 0 is read back, blocks
  ** 0..511, 512 disk reads, mapped A=D=1. */
  fx_t *fx = *state;
  uint64_t root, l1, leaf, pa;
  uint32_t ev;

  boot_big(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 1, 2, 21);
  assert_int_equal(sim(fx, 0, R(0) + 0x100, REF_W), OS_RETRY);
  root = root_of(fx);
  l1 = ref_ppn(word(fx, root + 8u)) << 12;
  assert_true(word(fx, l1) == (UINT64_C(0x80800) << 10 | LEAF_BITS | 0xc0));   /* A, D by the hardware */
  for (uint64_t i = 0; i < HUGE_WORDS; i++)
    *fake_word(&fx->fh, BIG_BASE + i * 8u) = UINT64_C(0xabcd000000000000) + i;

  ev = fx->fh.nev;
  assert_int_equal(sim(fx, 0, R(1) + 0x8, REF_R), OS_RETRY);
  assert_int_equal(word(fx, l1), 0x100);                   /* swapped, slot 0 */
  assert_int_equal(fx->fh.disk_writes, 512);
  assert_int_equal(fx->os.st.swap_outs, 1);
  assert_int_equal(fx->os.st.evictions, 1);
  assert_int_equal(fx->os.proc[0].swapped, 1);
  assert_int_equal(fx->os.proc[0].rss, 1);
  assert_true(sfenced(fx, ev, R(0), 0));                    /* the old translation flushed */
  for (uint32_t b = 0; b < 512; b++)
    for (uint32_t i = 0; i < 512; i++)
      if (fx->fh.big_swap[b][i] != UINT64_C(0xabcd000000000000) + b * 512u + i)
        fail_msg("swap block %u word %u", b, i);
  assert_int_equal(word(fx, BIG_BASE), 0);                  /* the frame zeroed for region 1 */

  assert_int_equal(sim(fx, 0, R(0) + 0x1ffff8, REF_R), OS_RETRY);
  assert_int_equal(fx->os.st.major_faults, 1);
  assert_int_equal(fx->os.st.swap_ins, 1);
  assert_int_equal(fx->fh.disk_reads, 512);
  assert_int_equal(fx->os.st.discards, 1);                  /* region 1 was clean */
  assert_int_equal(word(fx, l1 + 8u), 0);
  assert_int_equal(fx->os.proc[0].swapped, 0);
  leaf = word(fx, l1);
  assert_int_equal(leaf & 0xff, LEAF_BITS | 0xc0);
  assert_int_equal(ref_ppn(leaf), 0x80800);
  pa = pa_of(fx, 0, R(0));
  for (uint64_t i = 0; i < HUGE_WORDS; i++)
    if (word(fx, pa + i * 8u) != UINT64_C(0xabcd000000000000) + i)
      fail_msg("word %llu lost on the round trip", (unsigned long long)i);
  /* Time: 3 faults x 1000 + (512 + 512) blocks x 1,000,000 (os.h: per 4 KiB block). */
  assert_true(fx->fh.waited == 3u * 1000u + UINT64_C(1024) * 1000000u);
}

/* ---- 4. Sv48 and Svade: the level-1 leaf there, and its A/D fault ---- */

static void test_sv48_svade(void **state) {
  /* Sv48: root (L3) -> L2 -> L1 table holding the leaf: 3 table pages.
  ** Svade: a read maps V R W X U A = 0x5f; a store to it then faults once
  ** to set D (0xdf): 2 faults, 1 of them an A/D fault, 1 minor. */
  fx_t *fx = *state;
  uint64_t l3, l2, l1;
  uint32_t ev;

  boot_big(fx, SATP_MODE_SV48, 0, OS_POLICY_LRU, 2, 0, 21);
  assert_int_equal(sim(fx, 0, R(0) + 0x40, REF_R), OS_RETRY);
  l3 = root_of(fx);
  l2 = ref_ppn(word(fx, l3 + 0u)) << 12;                    /* VA0 >> 39 = 0 */
  l1 = ref_ppn(word(fx, l2 + 1u * 8u)) << 12;               /* (VA0 >> 30) & 511 = 1 */
  assert_true(word(fx, l1) == (UINT64_C(0x80800) << 10 | 0x5f));
  assert_int_equal(fx->os.proc[0].pt_pages, 3);
  ev = fx->fh.nev;
  assert_int_equal(sim(fx, 0, R(0) + 0x1000, REF_W), OS_RETRY);
  assert_true(word(fx, l1) == (UINT64_C(0x80800) << 10 | 0xdf));
  assert_int_equal(fx->os.st.faults, 2);
  assert_int_equal(fx->os.st.ad_faults, 1);
  assert_int_equal(fx->os.st.minor_faults, 1);
  assert_true(sfenced(fx, ev, R(0), 0));                    /* the clean leaf flushed */
}

/* ---- 6. A 1 GiB page: the leaf in the Sv39 root, a whole GiB zeroed ---- */

typedef struct {
  fake_hal_t *fh;
  uint64_t writes, lo, hi;      /* words written at or above 0xc0000000, and their range */
} gig_hal_t;

#define GIG_BASE UINT64_C(0xc0000000)

static uint64_t gig_read(void *ctx, uint64_t pa) {
  gig_hal_t *g = ctx;
  return pa >= GIG_BASE ? 0 : fake_read64(g->fh, pa);
}

static void gig_write(void *ctx, uint64_t pa, uint64_t v) {
  gig_hal_t *g = ctx;

  if (pa < GIG_BASE) {
    fake_write64(g->fh, pa, v);
    return;
  }
  if (v != 0 || pa >= GIG_BASE + (UINT64_C(1) << 30))
    g->fh->bad++;               /* only the zero fill of the one frame may write here */
  if (!g->writes || pa < g->lo) g->lo = pa;
  if (pa > g->hi) g->hi = pa;
  g->writes++;
}

/* The rest of the HAL: the fake's, reached through the wrapper. */
static void gig_satp(void *ctx, uint64_t satp) { fake_satp_write(((gig_hal_t *)ctx)->fh, satp); }
static void gig_sfence(void *ctx, int has_va, uint64_t va, int has_asid, uint16_t asid) {
  fake_sfence(((gig_hal_t *)ctx)->fh, has_va, va, has_asid, asid);
}
static void gig_disk_write(void *ctx, uint32_t slot, const uint64_t page[HAL_PAGE_WORDS]) {
  fake_disk_write(((gig_hal_t *)ctx)->fh, slot, page);
}
static void gig_disk_read(void *ctx, uint32_t slot, uint64_t page[HAL_PAGE_WORDS]) {
  fake_disk_read(((gig_hal_t *)ctx)->fh, slot, page);
}
static void gig_wait(void *ctx, uint64_t cycles) { fake_wait(((gig_hal_t *)ctx)->fh, cycles); }

static void test_gig_page(void **state) {
  /* Sv39, 1 frame of 1 GiB at 0xc0000000 (1 GiB aligned).  A fault at VA0
  ** writes the leaf into the root itself: root[1] = PPN 0xc0000 (low 18
  ** bits zero) << 10 | V R W X U (Svadu) = 0x3000001f, one table page,
  ** and zeroes 2^27 words, 0xc0000000 .. 0xfffffff8, nothing else. */
  fx_t *fx = *state;
  gig_hal_t g = { &fx->fh, 0, 0, 0 };
  hal_t hal = { &g, gig_read, gig_write, gig_satp, gig_sfence, gig_disk_write, gig_disk_read, gig_wait };
  uint64_t root;

  memset(fx, 0, sizeof *fx);
  fake_hal_init(&fx->fh, &fx->hal);
  fx->cfg.mode = SATP_MODE_SV39;
  fx->cfg.adue = 1;
  fx->cfg.policy = OS_POLICY_LRU;
  fx->cfg.frames = 1;
  fx->cfg.user_base = GIG_BASE;
  fx->cfg.pt_frames = FAKE_PT_PAGES;
  fx->cfg.pt_base = FAKE_PT_BASE;
  fx->cfg.page_shift = 30;
  assert_null(os_config_check(&fx->cfg));
  assert_int_equal(os_init(&fx->os, &fx->cfg, &hal), 0);
  assert_int_equal(os_switch_to(&fx->os, 0), 0);
  assert_int_equal(os_handle_fault(&fx->os, 0, VA0 + 0x12345678, CAUSE_LOAD_PAGE_FAULT), OS_RETRY);
  root = fx->os.proc[0].root_ppn << 12;
  assert_true(fake_read64(&fx->fh, root + 8u) == UINT64_C(0x3000001f));
  assert_int_equal(fx->os.proc[0].pt_pages, 1);
  assert_true(g.writes == UINT64_C(1) << 27);
  assert_true(g.lo == GIG_BASE && g.hi == GIG_BASE + (UINT64_C(1) << 30) - 8u);
  assert_int_equal(fx->os.st.minor_faults, 1);
  assert_true(sfenced(fx, 0, VA0, 0));                     /* the page's first address */
  assert_true(os_frame_of(&fx->os, 0, VA0 + 0x3ffffff8) == 0);
}

/* ---- 7. Configurations the OS refuses ---- */

static void test_config_errors(void **state) {
  os_config_t c;
  const char *e;

  (void)state;
  memset(&c, 0, sizeof c);
  c.mode = SATP_MODE_SV39;
  c.adue = 1;
  c.frames = 4;
  c.pt_frames = 16;
  c.pt_base = UINT64_C(0x80000000);
  c.user_base = UINT64_C(0x80800000);      /* 2 MiB aligned, not 1 GiB */
  c.swap_slots = 4;
  c.page_shift = 0;                        /* 0 means 4 KiB */
  assert_null(os_config_check(&c));
  c.page_shift = 21;
  assert_null(os_config_check(&c));
  c.user_base = UINT64_C(0x80801000);      /* 4 KiB aligned only */
  e = os_config_check(&c);
  assert_non_null(e);
  assert_non_null(strstr(e, "aligned to the page size"));
  c.user_base = UINT64_C(0x80800000);
  c.page_shift = 13;                       /* not a page size of Sv39/Sv48 */
  assert_non_null(os_config_check(&c));
  c.page_shift = 30;
  assert_non_null(os_config_check(&c));    /* 0x80800000 is not 1 GiB aligned */
  c.user_base = UINT64_C(0xc0000000);
  assert_null(os_config_check(&c));
  c.swap_slots = 16384;                    /* 16384 x 262144 blocks = 2^32: one too many */
  assert_non_null(os_config_check(&c));
  c.swap_slots = 16383;
  assert_null(os_config_check(&c));
  c.page_shift = 21;                       /* a 2 MiB pool overlapping the kernel pool */
  c.user_base = UINT64_C(0x80000000);
  assert_non_null(os_config_check(&c));
}

int main(void) {
  const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown_big)
    T(test_one_fault_per_region),
    T(test_513_small_vs_two_huge),
    T(test_huge_swap_round_trip),
    T(test_sv48_svade),
    T(test_gig_page),
    cmocka_unit_test(test_config_errors),
#undef T
  };
  return cmocka_run_group_tests(tests, 0, 0);
}
