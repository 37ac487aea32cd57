/*
** test_runner.c -- end-to-end runs of tiny traces through runner, model
** and firmware.  Fault counts are the textbook's (Silberschatz, Operating
** System Concepts, ch. "Virtual Memory"); latencies are worked out by hand
** from docs/timing-contract.md in the comment beside each expectation.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "riscv.h"
#include "mmu_port.h"
#include "runner.h"

#define PAGE 4096u

/* The textbook reference string (Silberschatz, fig. "FIFO page-replacement
** algorithm"): 12 faults under LRU, 15 under FIFO, with 3 frames. */
static const uint32_t textbook[20] = { 7, 0, 1, 2, 0, 3, 0, 4, 2, 3, 0, 3, 2, 1, 2, 0, 1, 7, 0, 1 };
/* Belady's anomaly string: FIFO gives 9 faults with 3 frames, 10 with 4. */
static const uint32_t belady[12] = { 1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5 };

/* The next record of a run: its line number counts the accesses so far. */
static trace_rec_t rec(const runner_t *r, uint32_t op, uint64_t va, uint32_t pid) {
  trace_rec_t t;
  t.op = (uint8_t)op;
  t.va = va;
  t.size = 8;
  t.pid = (uint8_t)pid;
  t.line = (uint32_t)r->st.accesses + 1u;
  return t;
}

static void start(runner_t *r, const runner_cfg_t *cfg) {
  char err[256];
  int rc = runner_init(r, cfg, err, sizeof err);
  if (rc) fail_msg("runner_init: %s", err);
}

/* One access that must complete; returns the latency of its last try. */
static uint64_t ok(runner_t *r, uint32_t op, uint64_t va, uint32_t pid) {
  char err[512];
  trace_rec_t t = rec(r, op, va, pid);
  int rc = runner_access(r, &t, err, sizeof err);
  if (rc != RUNNER_DONE) fail_msg("access %u 0x%llx pid %u: rc %d: %s", op, (unsigned long long)va, pid, rc,
                                  rc < 0 ? err : "");
  return r->last_latency;
}

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

static void test_layout(void **state) {
  (void)state;
  runner_cfg_t c;
  runner_cfg_default(&c);
  /* kernel pool first at 0x80000000; 1024 pages * 4 KiB = 0x400000 */
  assert_true(c.os.pt_base == UINT64_C(0x80000000));
  assert_true(c.os.user_base == UINT64_C(0x80400000));
  /* 1 GiB of physical memory holds both pools: (1024 + 256) * 4096 = 0x500000 */
  assert_true(c.mmu.mem_base == UINT64_C(0x80000000));
  assert_true(c.mmu.mem_size == UINT64_C(0x40000000));
  assert_true(c.os.user_base + 256u * 4096u <= c.mmu.mem_base + c.mmu.mem_size);
  assert_null(runner_cfg_check(&c));
  c.os.frames = 0;
  assert_non_null(runner_cfg_check(&c));   /* os_config_check refuses 0 frames */
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

static void test_first_access_latency_sv39(void **state) {
  (void)state;
  runner_t r;
  runner_cfg_t c;
  runner_cfg_default(&c);   /* Sv39, Svadu, L1 4, DRAM 200 */
  start(&r, &c);
  ok(&r, MMU_OP_R, 0x1000, 0);
  /* try 1: LOOKUP 1 + PTE(2) of the new root, whose line no access has
  ** brought into any cache (the firmware's writes bypass them) -> DRAM
  ** 200; V=0 -> page fault: 201.  The OS maps the page.
  ** try 2: LOOKUP 1 + PTE(2) 4 (the root line is in L1 since try 1) +
  ** PTE(1) 200 + PTE(0) 200 (tables just made by the OS: uncached) + ADR 4
  ** + AD 4 (Svadu sets A as a compare-and-set, contract 3a: re-read, then
  ** write; the leaf's line is in L1 after its read) + DATA 200 (a
  ** zero-filled frame nobody read) = 613. */
  assert_int_equal(r.last_latency, 613);
  assert_int_equal(r.mmu.cnt.latency_sum, 201 + 613);
  assert_int_equal(r.mmu.cnt.pte_reads, 1 + 3);
  assert_int_equal(r.mmu.cnt.ad_writes, 1);
  assert_int_equal(r.mmu.cache.dram_accesses, 4);   /* root, PTE(1), PTE(0), data */
  assert_int_equal(r.mmu.cache.lvl[0].hits, 3);     /* root on try 2, ADR re-read, AD write */
  assert_int_equal(r.mmu.cnt.faults[CAUSE_LOAD_PAGE_FAULT], 1);
  /* where the PTEs came from: try 1 root DRAM; try 2 root L1, PTE(1) and
  ** PTE(0) DRAM.  The data: DRAM. */
  assert_int_equal(r.mmu.cnt.pte_level[0], 1);
  assert_int_equal(r.mmu.cnt.pte_level[1] + r.mmu.cnt.pte_level[2], 0);
  assert_int_equal(r.mmu.cnt.pte_level[3], 1 + 2);
  assert_int_equal(r.st.data_level[3], 1);
  /* cycles: satp write 1 + (1 accept + 201) + OS sfence 1 + (1 + 613) */
  assert_int_equal(r.mmu.cnt.cycles, 1 + 202 + 1 + 614);
  assert_int_equal(r.hal.os_cycles, 1000);          /* one fault, no disk */
  /* the same word again: TLB hit 1 + data in L1 4 = 5 (contract table) */
  assert_int_equal(ok(&r, MMU_OP_R, 0x1000, 0), 5);
  assert_int_equal(r.mmu.cnt.tlb_hits, 1);
  assert_int_equal(r.st.data_level[0], 1);
  /* a store to the clean page: the TLB entry has D=0, Svadu drops it and
  ** walks (contract §3): 1 + 3 PTEs in L1 12 + ADR 4 + AD 4 + data L1 4 = 25 */
  assert_int_equal(ok(&r, MMU_OP_W, 0x1000, 0), 25);
  assert_int_equal(r.mmu.cnt.tlb_misses, 3);
  /* now D=1 in the TLB: 1 + 4 */
  assert_int_equal(ok(&r, MMU_OP_W, 0x1008, 0), 5);
  runner_free(&r);
}

static void test_first_access_latency_sv48(void **state) {
  (void)state;
  runner_t r;
  runner_cfg_t c;
  runner_cfg_default(&c);
  c.os.mode = SATP_MODE_SV48;
  start(&r, &c);
  ok(&r, MMU_OP_X, 0x400000, 0);
  /* try 1: 1 + root PTE(3) from DRAM 200 = 201; try 2: 1 + root 4 + three
  ** new tables 3 * 200 + ADR 4 + AD 4 + data 200 = 813 */
  assert_int_equal(r.mmu.cnt.latency_sum, 201 + 813);
  assert_int_equal(r.last_latency, 813);
  assert_int_equal(r.mmu.cnt.faults[CAUSE_FETCH_PAGE_FAULT], 1);
  runner_free(&r);
}

static void test_svade_ad_faults(void **state) {
  (void)state;
  runner_t r;
  runner_cfg_t c;
  runner_cfg_default(&c);
  c.os.adue = 0;
  start(&r, &c);
  ok(&r, MMU_OP_R, 0x2000, 0);
  /* try 1 as in Sv39 above: 201.  Svade: the OS maps with A=1 already,
  ** so try 2 has no AD stage: 1 + 4 + 200 + 200 + 200 = 605 */
  assert_int_equal(r.mmu.cnt.latency_sum, 201 + 605);
  assert_int_equal(r.mmu.cnt.ad_writes, 0);
  /* store to the clean page: TLB hit with D=0 under Svade is a page fault
  ** found in LOOKUP (1 cycle); the OS sets D (an A/D fault) and the retry
  ** walks with every PTE in L1: 1 + 3 * 4 + data L1 4 = 17 */
  uint64_t before = r.mmu.cnt.latency_sum;
  assert_int_equal(ok(&r, MMU_OP_W, 0x2000, 0), 17);
  assert_int_equal(r.mmu.cnt.latency_sum - before, 1 + 17);
  assert_int_equal(r.os->st.ad_faults, 1);
  assert_int_equal(r.os->st.minor_faults, 1);
  assert_int_equal(r.mmu.cnt.faults[CAUSE_STORE_PAGE_FAULT], 1);
  runner_free(&r);
}

static void test_isolation(void **state) {
  (void)state;
  runner_t r;
  runner_cfg_t c;
  runner_cfg_default(&c);
  start(&r, &c);
  /* two processes store to the same virtual word, then read it back:
  ** each must see its own value (the shadow checks it, rc -1 otherwise) */
  ok(&r, MMU_OP_W, 0x5000, 1);
  ok(&r, MMU_OP_W, 0x5000, 2);
  ok(&r, MMU_OP_R, 0x5000, 1);
  ok(&r, MMU_OP_R, 0x5000, 2);
  ok(&r, MMU_OP_R, 0x5008, 2);   /* never stored: reads zero */
  assert_int_equal(r.st.loads_verified, 3);
  uint32_t f1 = os_frame_of(r.os, 1, 0x5000), f2 = os_frame_of(r.os, 2, 0x5000);
  assert_true(f1 != OS_NONE && f2 != OS_NONE && f1 != f2);
  runner_free(&r);
}

static void test_data_check_catches_corruption(void **state) {
  (void)state;
  runner_t r;
  runner_cfg_t c;
  runner_cfg_default(&c);
  start(&r, &c);
  ok(&r, MMU_OP_W, 0x3010, 0);
  /* change the word behind the runner's back: the next load must fail */
  uint32_t f = os_frame_of(r.os, 0, 0x3010);
  assert_true(f != OS_NONE);
  mmu_mem_write64(&r.mmu, c.os.user_base + (uint64_t)f * PAGE + 0x10u, 0x1234);
  char err[512];
  trace_rec_t t = rec(&r, MMU_OP_R, 0x3010, 0);
  assert_int_equal(runner_access(&r, &t, err, sizeof err), -1);
  assert_non_null(strstr(err, "data check"));
  assert_non_null(strstr(err, "0x0000000000001234"));
  runner_free(&r);
}

/* The PTE address of the leaf of the model's last walk. */
static uint64_t last_leaf(const runner_t *r) {
  assert_true(r->mmu.walk_len >= 1);
  return r->mmu.walk_log[r->mmu.walk_len - 1].pte_addr;
}

static void test_access_fault_is_internal_error(void **state) {
  (void)state;
  runner_t r;
  runner_cfg_t c;
  runner_cfg_default(&c);
  start(&r, &c);
  ok(&r, MMU_OP_R, 0x4000, 0);
  uint64_t leaf = last_leaf(&r);
  uint64_t pte = mmu_mem_read64(&r.mmu, leaf);
  /* point the leaf at 0x10_0000_0000, far past the 5 MiB of memory */
  mmu_mem_write64(&r.mmu, leaf, pte_make(UINT64_C(0x1000000000) >> 12, pte & 0xffu));
  r.os->hal.sfence(r.os->hal.ctx, 0, 0, 0, 0);
  char err[512];
  trace_rec_t t = rec(&r, MMU_OP_R, 0x4000, 0);
  assert_int_equal(runner_access(&r, &t, err, sizeof err), -1);
  assert_non_null(strstr(err, "access fault (cause 5)"));   /* 5: load access fault */
  runner_free(&r);
}

static void test_segv(void **state) {
  (void)state;
  runner_t r;
  runner_cfg_t c;
  runner_cfg_default(&c);
  start(&r, &c);
  ok(&r, MMU_OP_R, 0x6000, 3);
  uint64_t leaf = last_leaf(&r);
  /* make it a supervisor page: a U-mode load faults (13) on a valid leaf,
  ** which under Svadu the OS cannot fix -> OS_SEGV */
  mmu_mem_write64(&r.mmu, leaf, mmu_mem_read64(&r.mmu, leaf) & ~(uint64_t)PTE_U);
  r.os->hal.sfence(r.os->hal.ctx, 0, 0, 0, 0);
  char err[512];
  trace_rec_t t = rec(&r, MMU_OP_R, 0x6008, 3);
  assert_int_equal(runner_access(&r, &t, err, sizeof err), RUNNER_SEGV);
  assert_int_equal(r.st.segv, 1);
  assert_int_equal(r.nsegv, 1);
  assert_int_equal(r.segv[0].pid, 3);
  assert_true(r.segv[0].va == 0x6008u);
  assert_int_equal(r.segv[0].cause, CAUSE_LOAD_PAGE_FAULT);
  assert_int_equal(r.segv[0].line, t.line);
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

static void test_run_and_counts(void **state) {
  (void)state;
  runner_t r;
  runner_cfg_t c;
  runner_cfg_default(&c);
  start(&r, &c);
  trace_rec_t recs[4] = { rec(&r, MMU_OP_W, 0x10, 0), rec(&r, MMU_OP_R, 0x10, 0), rec(&r, MMU_OP_X, 0x20, 0),
                          rec(&r, MMU_OP_R, 0x7000, 5) };
  for (uint32_t i = 0; i < 4; i++) recs[i].line = i + 1u;
  trace_t t = { recs, 4, 4, 0 };
  char err[512];
  assert_int_equal(runner_run(&r, &t, "t.trace", err, sizeof err), 0);
  assert_int_equal(r.st.accesses, 4);
  assert_int_equal(r.st.by_op[MMU_OP_R], 2);
  assert_int_equal(r.st.by_op[MMU_OP_W], 1);
  assert_int_equal(r.st.by_op[MMU_OP_X], 1);
  assert_int_equal(r.st.completed, 4);
  assert_int_equal(r.st.loads_verified, 3);  /* R, X and R; the W is a store */
  /* two pages touched (0x0 by pid 0, 0x7000 by pid 5): 2 minor faults,
  ** and 2 retries */
  assert_int_equal(r.os->st.minor_faults, 2);
  assert_int_equal(r.st.retries, 2);
  assert_true(runner_total_cycles(&r) == r.mmu.cnt.cycles + 2000u);
  runner_free(&r);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_layout),
    cmocka_unit_test(test_textbook_lru_reads),
    cmocka_unit_test(test_textbook_lru_writes),
    cmocka_unit_test(test_textbook_fifo),
    cmocka_unit_test(test_belady_anomaly),
    cmocka_unit_test(test_swap_keeps_data),
    cmocka_unit_test(test_first_access_latency_sv39),
    cmocka_unit_test(test_first_access_latency_sv48),
    cmocka_unit_test(test_svade_ad_faults),
    cmocka_unit_test(test_isolation),
    cmocka_unit_test(test_data_check_catches_corruption),
    cmocka_unit_test(test_access_fault_is_internal_error),
    cmocka_unit_test(test_segv),
    cmocka_unit_test(test_oom_kill),
    cmocka_unit_test(test_run_and_counts),
  };
  return cmocka_run_group_tests_name("runner", tests, NULL, NULL);
}
