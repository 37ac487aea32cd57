/*
** test_runner.c -- end-to-end runs of tiny traces through runner, model
** and firmware: the memory layout, first-access latencies, Svade, process
** isolation, the data check, internal errors, SEGV, whole-trace counts.
** Latencies are worked out by hand from docs/timing-contract.md in the
** comment beside each expectation.  Replacement and swap: test_runner_paging.c.
*/
#include "runner_fixture.h"

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
    cmocka_unit_test(test_first_access_latency_sv39),
    cmocka_unit_test(test_first_access_latency_sv48),
    cmocka_unit_test(test_svade_ad_faults),
    cmocka_unit_test(test_isolation),
    cmocka_unit_test(test_data_check_catches_corruption),
    cmocka_unit_test(test_access_fault_is_internal_error),
    cmocka_unit_test(test_segv),
    cmocka_unit_test(test_run_and_counts),
  };
  return cmocka_run_group_tests_name("runner", tests, NULL, NULL);
}
