/*
** test_os_huge_policy.c -- the OS firmware's page replacement with 2 MiB
** pages against the fake HAL: LRU, FIFO, CLOCK and OPT count, age and
** evict whole huge pages (the rest of the huge-page tests: test_os_huge.c).
** Every expected number is computed by hand in the comment beside it.
*/
#include "os_huge_fixture.h"

/* ---- 5. Replacement counts huge pages ---- */

static uint32_t resident3(fx_t *fx) {
  uint32_t set = 0;

  for (unsigned n = 0; n < 3; n++)
    if (ref_leaf(&fx->fh, fx->fh.satp_of[0], R(n)) & 1) set |= P(n);
  return set;
}

static void test_lru_fifo_per_huge_page(void **state) {
  /* 2 frames; reads of region 0, region 1, region 0 at another 4 KiB page
  ** (0x1ff000: the same huge page, so a use of frame 0), region 2.
  ** LRU evicts region 1 (least recent): resident {0, 2}.  FIFO evicts
  ** region 0 (first in), use or not: resident {1, 2}.  3 faults each,
  ** 1 eviction (clean: a discard). */
  fx_t *fx = *state;
  const uint64_t refs[] = { R(0), R(1), R(0) + 0x1ff000, R(2) };

  boot_big(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 2, 0, 21);
  for (unsigned i = 0; i < 4; i++) assert_int_equal(sim(fx, 0, refs[i], REF_R), OS_RETRY);
  assert_int_equal(resident3(fx), P(0) | P(2));
  check_counts(fx, 3, 2);
  free(fx->fh.big);
  fx->fh.big = 0;

  boot_big(fx, SATP_MODE_SV39, 1, OS_POLICY_FIFO, 2, 0, 21);
  for (unsigned i = 0; i < 4; i++) assert_int_equal(sim(fx, 0, refs[i], REF_R), OS_RETRY);
  assert_int_equal(resident3(fx), P(1) | P(2));
  check_counts(fx, 3, 2);
}

static void test_clock_per_huge_page(void **state) {
  /* CLOCK, 2 frames, reads of regions 0, 1, 2.  At region 2's fault both
  ** level-1 leaves have A=1 (the walker set it): the hand clears frame 0's
  ** (sfence R(0)), frame 1's (sfence R(1)), and takes frame 0 (region 0).
  ** Region 1 keeps A=0; region 2 was read after mapping, A=1. */
  fx_t *fx = *state;
  uint32_t ev;

  boot_big(fx, SATP_MODE_SV39, 1, OS_POLICY_CLOCK, 2, 0, 21);
  assert_int_equal(sim(fx, 0, R(0), REF_R), OS_RETRY);
  assert_int_equal(sim(fx, 0, R(1) + 0x3000, REF_R), OS_RETRY);
  ev = fx->fh.nev;
  assert_int_equal(sim(fx, 0, R(2) + 0x5000, REF_R), OS_RETRY);
  assert_int_equal(resident3(fx), P(1) | P(2));
  assert_int_equal(ref_leaf(&fx->fh, fx->fh.satp_of[0], R(1)) & 0x40, 0);
  assert_int_equal(ref_leaf(&fx->fh, fx->fh.satp_of[0], R(2)) & 0x40, 0x40);
  assert_true(sfenced(fx, ev, R(0), 0));
  assert_true(sfenced(fx, ev, R(1), 0));
  check_counts(fx, 3, 2);
}

typedef struct {
  uint64_t asked[8];
  uint32_t n;
} oracle_log_t;

/* Region 0 is used again at 10, region 1 at 5, anything else never. */
static uint64_t fake_next_use(void *ctx, uint32_t pid, uint64_t vpn) {
  oracle_log_t *log = ctx;

  (void)pid;
  if (log->n < 8) log->asked[log->n] = vpn;
  log->n++;
  return vpn == R(0) >> 12 ? 10u : vpn == R(1) >> 12 ? 5u : OS_NEVER;
}

static void test_opt_per_huge_page(void **state) {
  /* OPT, 2 frames, reads of region 0 (at +0x7000), 1 (+0x9000), 2.  The
  ** oracle is asked about each resident page by its first 4 KiB page
  ** number (os.h): 0x40000 and 0x40200, never the 4 KiB page that was
  ** read.  Region 0's next use (10) is later than region 1's (5): it goes. */
  fx_t *fx = *state;
  oracle_log_t log;
  os_oracle_t o = { &log, fake_next_use };

  memset(&log, 0, sizeof log);
  boot_big(fx, SATP_MODE_SV39, 1, OS_POLICY_OPT, 2, 0, 21);
  os_set_oracle(&fx->os, &o);
  assert_int_equal(sim(fx, 0, R(0) + 0x7000, REF_R), OS_RETRY);
  assert_int_equal(sim(fx, 0, R(1) + 0x9000, REF_R), OS_RETRY);
  assert_int_equal(sim(fx, 0, R(2), REF_R), OS_RETRY);
  assert_int_equal(resident3(fx), P(1) | P(2));
  assert_int_equal(log.n, 2);
  assert_true(log.asked[0] == 0x40000 && log.asked[1] == 0x40200);
  check_counts(fx, 3, 2);
}

int main(void) {
  const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown_big)
    T(test_lru_fifo_per_huge_page),
    T(test_clock_per_huge_page),
    T(test_opt_per_huge_page),
#undef T
  };
  return cmocka_run_group_tests(tests, 0, 0);
}
