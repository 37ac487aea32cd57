/*
** test_runner_paging.c -- page replacement, swap and the OOM killer, end to
** end through runner, model and firmware.  Fault counts are the textbook's
** (Silberschatz, Operating System Concepts, ch. "Virtual Memory"); the
** other counts are worked out by hand beside each expectation.
*/
#include "runner_fixture.h"

/* The textbook reference string (Silberschatz, fig. "FIFO page-replacement
** algorithm"): 12 faults under LRU, 15 under FIFO, with 3 frames. */
static const uint32_t textbook[20] = { 7, 0, 1, 2, 0, 3, 0, 4, 2, 3, 0, 3, 2, 1, 2, 0, 1, 7, 0, 1 };
/* Belady's anomaly string: FIFO gives 9 faults with 3 frames, 10 with 4. */
static const uint32_t belady[12] = { 1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5 };

static void run_pages(runner_t *r, uint32_t op, const uint32_t *pages, uint32_t n) {
  for (uint32_t i = 0; i < n; i++) ok(r, op, (uint64_t)pages[i] * PAGE, 0);
}

static uint64_t page_faults(const runner_t *r) { return r->os->st.minor_faults + r->os->st.major_faults; }

static runner_cfg_t cfg_frames(uint32_t frames, os_policy_t policy) {
  runner_cfg_t c;
  runner_cfg_default(&c);
  c.os.frames = frames;
  c.os.policy = policy;
  return c;
}

static void test_textbook_lru_reads(void **state) {
  (void)state;
  runner_t r;
  runner_cfg_t c = cfg_frames(3, OS_POLICY_LRU);
  start(&r, &c);
  run_pages(&r, MMU_OP_R, textbook, 20);
  /* textbook: LRU, 3 frames -> 12 faults */
  assert_int_equal(page_faults(&r), 12);
  /* never written pages are clean: dropped on eviction, zero-filled again
  ** on the next touch, so every fault is minor and every eviction a discard */
  assert_int_equal(r.os->st.minor_faults, 12);
  assert_int_equal(r.os->st.evictions, 12 - 3);
  assert_int_equal(r.os->st.discards, 9);
  assert_int_equal(r.os->st.swap_outs, 0);
  assert_int_equal(r.st.loads_verified, 20);   /* every load read zero */
  runner_free(&r);
}

static void test_textbook_lru_writes(void **state) {
  (void)state;
  runner_t r;
  runner_cfg_t c = cfg_frames(3, OS_POLICY_LRU);
  start(&r, &c);
  run_pages(&r, MMU_OP_W, textbook, 20);
  /* 12 faults again; the first touches of pages 7,0,1,2,3,4 are minor (6),
  ** the other 6 re-touch a page sent to swap: by hand, the faults are
  ** 7 0 1 2 3 4 | 2 3 0 1 0 7 (majors after the bar). */
  assert_int_equal(page_faults(&r), 12);
  assert_int_equal(r.os->st.minor_faults, 6);
  assert_int_equal(r.os->st.major_faults, 6);
  /* every evicted page was written (or came back from swap dirty): 9 outs */
  assert_int_equal(r.os->st.evictions, 9);
  assert_int_equal(r.os->st.swap_outs, 9);
  assert_int_equal(r.os->st.swap_ins, 6);
  assert_int_equal(r.hal.disk_writes, 9);
  assert_int_equal(r.hal.disk_reads, 6);
  /* OS time: 12 faults * 1000 + 15 transfers * 1000000 */
  assert_true(r.hal.os_cycles == UINT64_C(12) * 1000u + UINT64_C(15) * 1000000u);
  assert_true(r.os->st.os_cycles == r.hal.os_cycles);
  runner_free(&r);
}

static void test_textbook_fifo(void **state) {
  (void)state;
  runner_t r;
  runner_cfg_t c = cfg_frames(3, OS_POLICY_FIFO);
  start(&r, &c);
  run_pages(&r, MMU_OP_R, textbook, 20);
  assert_int_equal(page_faults(&r), 15);   /* textbook: FIFO, 3 frames -> 15 */
  runner_free(&r);
}

static void test_belady_anomaly(void **state) {
  (void)state;
  runner_t r;
  runner_cfg_t c = cfg_frames(3, OS_POLICY_FIFO);
  start(&r, &c);
  run_pages(&r, MMU_OP_W, belady, 12);
  assert_int_equal(page_faults(&r), 9);    /* textbook: 3 frames -> 9 faults */
  runner_free(&r);
  c = cfg_frames(4, OS_POLICY_FIFO);
  start(&r, &c);
  run_pages(&r, MMU_OP_W, belady, 12);
  assert_int_equal(page_faults(&r), 10);   /* ... and 4 frames -> 10: more frames, more faults */
  runner_free(&r);
}

static void test_swap_keeps_data(void **state) {
  (void)state;
  runner_t r;
  runner_cfg_t c = cfg_frames(3, OS_POLICY_LRU);
  start(&r, &c);
  /* write pages 0..7 (a different word in each), then read them back */
  for (uint32_t p = 0; p < 8; p++) ok(&r, MMU_OP_W, (uint64_t)p * PAGE + 8u * p, 0);
  for (uint32_t p = 0; p < 8; p++) ok(&r, MMU_OP_R, (uint64_t)p * PAGE + 8u * p, 0);
  /* writes: 8 minor faults, pages 0..4 pushed out (5 swap-outs), 5,6,7
  ** resident.  Reads in order 0..7 under LRU: each read's page is the one
  ** evicted longest ago, so all 8 are major, each evicting the LRU page
  ** (5,6,7 and then 0..4 again, all dirty): 8 more swap-outs. */
  assert_int_equal(r.os->st.minor_faults, 8);
  assert_int_equal(r.os->st.major_faults, 8);
  assert_int_equal(r.os->st.swap_outs, 13);
  assert_int_equal(r.os->st.swap_ins, 8);
  /* and every word came back with the value stored (else rc was -1) */
  assert_int_equal(r.st.loads_verified, 8);
  runner_free(&r);
}

static void test_oom_kill(void **state) {
  (void)state;
  runner_t r;
  runner_cfg_t c = cfg_frames(2, OS_POLICY_LRU);
  c.os.swap_slots = 0;
  start(&r, &c);
  ok(&r, MMU_OP_W, 0x0000, 0);
  ok(&r, MMU_OP_W, 0x1000, 0);
  /* pid 1 needs a frame: none free, the LRU victim is dirty and there is
  ** no swap, so the OOM killer takes the largest RSS: pid 0 (2 pages) */
  ok(&r, MMU_OP_W, 0x0000, 1);
  assert_int_equal(r.os->st.oom_kills, 1);
  assert_int_equal(r.os->kill[0].pid, 0);
  assert_int_equal(r.os->kill[0].rss, 2);
  assert_int_equal(r.os->proc[0].state, OS_PROC_KILLED);
  assert_true(r.dropped == 1u);             /* pid 0's shadow words forgotten */
  char err[512];
  trace_rec_t t = rec(&r, MMU_OP_R, 0x0000, 0);
  assert_int_equal(runner_access(&r, &t, err, sizeof err), RUNNER_SKIPPED);
  assert_int_equal(r.st.skipped, 1);
  ok(&r, MMU_OP_R, 0x0000, 1);              /* pid 1 reads its own value back */
  assert_int_equal(r.st.loads_verified, 1);
  runner_free(&r);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_textbook_lru_reads), cmocka_unit_test(test_textbook_lru_writes),
    cmocka_unit_test(test_textbook_fifo),      cmocka_unit_test(test_belady_anomaly),
    cmocka_unit_test(test_swap_keeps_data),    cmocka_unit_test(test_oom_kill),
  };
  return cmocka_run_group_tests_name("runner_paging", tests, NULL, NULL);
}
