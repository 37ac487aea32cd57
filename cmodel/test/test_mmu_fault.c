/*
** test_mmu_fault.c -- the MMU model's faults and A/D bits: page faults
** (non-canonical, unmapped, U/S), access faults (outside memory), Svadu's
** A/D update and Svade's fault; latencies added up by hand from
** docs/timing-contract.md (mmu_fixture.h's table).
*/
#include "mmu_fixture.h"

static void test_faults_and_tlb_independence(void **state) {
  mmu_t *m = &((fixture_t *)*state)->m;
  uint64_t lat;
  /* non-canonical for Sv39: LOOKUP only, cause 13, tval = va */
  mmu_out_t r = access(m, UINT64_C(0x0000004000000000), LOAD_U, &lat);
  assert_int_equal(lat, 1);
  assert_true(r.resp_fault);
  assert_int_equal(r.resp_cause, 13);
  assert_true(r.resp_tval == UINT64_C(0x0000004000000000));
  assert_true(r.resp_paddr == 0);
  /* unmapped page 0x40007000: L0[7] = 0 -> page fault after 3 PTE reads,
  ** all DRAM (cold): 1 + 600 */
  access_opts_t st = LOAD_U;
  st.op = MMU_OP_W;
  r = access(m, 0x40007000u, st, &lat);
  assert_int_equal(lat, 601);
  assert_int_equal(r.resp_cause, 15);
  /* S-mode load of a U page without SUM: the walk says 13 ... */
  access_opts_t s = LOAD_U;
  s.priv = MMU_PRIV_S;
  r = access(m, 0x40005000u, s, &lat);
  assert_int_equal(r.resp_cause, 13);
  assert_false(r.resp_tlb_hit);
  assert_int_equal(lat, 1 + 4 + 4 + 4);   /* all three PTE lines in L1 now */
  /* ... faults are not cached, so cache it from U mode, then the hit says 13 too */
  access(m, 0x40005000u, LOAD_U, &lat);
  r = access(m, 0x40005000u, s, &lat);
  assert_true(r.resp_tlb_hit);
  assert_int_equal(r.resp_cause, 13);
  assert_int_equal(lat, 1);
  /* S fetch of a U page never works, even with SUM: cause 12 */
  s.op = MMU_OP_X;
  s.sum = 1;
  r = access(m, 0x40005000u, s, &lat);
  assert_int_equal(r.resp_cause, 12);
  /* 13: the non-canonical load, the S walk, the S hit */
  assert_int_equal(m->cnt.faults[13], 3);
  assert_int_equal(m->cnt.faults[12], 1);
  assert_int_equal(m->cnt.faults[15], 1);
}

static void test_access_faults(void **state) {
  mmu_t *m = &((fixture_t *)*state)->m;
  uint64_t lat;
  /* L0[8] points at a page outside memory (0x1000): access fault 5 after
  ** the data stage's first cycle: 1 + 3 PTEs + 1.  PTEs: root[1] 0x80001008
  ** (cold 200), L1[0] 0x80002000 (200), L0[8] 0x80003040 (cold, new line: 200) */
  mmu_mem_write64(m, 0x80003040u, pte_make(0x1u, USER));
  mmu_out_t r = access(m, 0x40008000u, LOAD_U, &lat);
  assert_int_equal(r.resp_cause, 5);
  assert_int_equal(lat, 1 + 600 + 1);
  /* root[3] points at a table outside memory (ppn 0x10 = 0x10000): the
  ** level-1 PTE fetch is an access fault, 7 for a store.  root[3] is at
  ** 0x80001018, in the line 0x80001000 that root[1] brought into L1:
  ** 1 + 4 + 1 */
  mmu_mem_write64(m, 0x80001018u, pte_make(0x10u, PTE_V));
  access_opts_t st = LOAD_U;
  st.op = MMU_OP_W;
  r = access(m, 0xc0000000u, st, &lat);
  assert_int_equal(r.resp_cause, 7);
  assert_int_equal(lat, 1 + 4 + 1);
  assert_true(r.resp_tval == UINT64_C(0xc0000000));
}

static void test_svadu_sets_a_and_d(void **state) {
  mmu_t *m = &((fixture_t *)*state)->m;
  uint64_t lat;
  uint64_t clean = pte_make(0x80011u, PTE_V | PTE_R | PTE_W | PTE_U);
  mmu_mem_write64(m, 0x80003030u, clean);
  /* load: walk (3 cold PTEs), ADR re-read (line in L1: 4), AD write of A
  ** (L1: 4), data cold 200 (contract section 3a) */
  mmu_out_t r = access(m, 0x40006000u, LOAD_U, &lat);
  assert_false(r.resp_fault);
  assert_int_equal(lat, 1 + 600 + 4 + 4 + 200);
  assert_true(mmu_mem_read64(m, 0x80003030u) == (clean | PTE_A));
  assert_int_equal(nmem, 6);
  assert_true(!memlog[3].we && memlog[3].addr == UINT64_C(0x80003030));   /* ADR */
  assert_int_equal(memlog[3].cycle, 602);
  assert_true(memlog[4].we && memlog[4].addr == UINT64_C(0x80003030));    /* AD */
  assert_true(memlog[4].wdata == (clean | PTE_A));
  assert_int_equal(memlog[4].cycle, 606);
  /* store: the TLB entry is clean, so it walks again (a miss) to set D:
  ** 1 + 4*3 + ADR 4 + AD 4 + data L1 4 */
  access_opts_t st = LOAD_U;
  st.op = MMU_OP_W;
  r = access(m, 0x40006000u, st, &lat);
  assert_false(r.resp_tlb_hit);
  assert_int_equal(lat, 1 + 12 + 4 + 4 + 4);
  assert_true(mmu_mem_read64(m, 0x80003030u) == (clean | PTE_A | PTE_D));
  /* now a store hits */
  r = access(m, 0x40006000u, st, &lat);
  assert_true(r.resp_tlb_hit);
  assert_int_equal(lat, 5);
  assert_int_equal(m->cnt.ad_writes, 2);
  assert_int_equal(m->cnt.tlb_misses, 2);
}

static void test_svade_faults(void **state) {
  mmu_t *m = &((fixture_t *)*state)->m;
  uint64_t lat;
  uint64_t noa = pte_make(0x80011u, PTE_V | PTE_R | PTE_W | PTE_U);
  mmu_mem_write64(m, 0x80003030u, noa);
  access_opts_t ld = LOAD_U;
  ld.adue = 0;
  mmu_out_t r = access(m, 0x40006000u, ld, &lat);
  assert_int_equal(r.resp_cause, 13);
  assert_true(mmu_mem_read64(m, 0x80003030u) == noa);   /* no hardware update */
  /* OS sets A; the load succeeds and is cached with D = 0 */
  mmu_mem_write64(m, 0x80003030u, noa | PTE_A);
  r = access(m, 0x40006000u, ld, &lat);
  assert_false(r.resp_fault);
  /* a store hits the clean entry: Svade fault 15 from the TLB, latency 1 */
  ld.op = MMU_OP_W;
  r = access(m, 0x40006000u, ld, &lat);
  assert_true(r.resp_tlb_hit);
  assert_int_equal(r.resp_cause, 15);
  assert_int_equal(lat, 1);
  assert_int_equal(m->cnt.ad_writes, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(test_faults_and_tlb_independence, setup, teardown),
    cmocka_unit_test_setup_teardown(test_access_faults, setup, teardown),
    cmocka_unit_test_setup_teardown(test_svadu_sets_a_and_d, setup, teardown),
    cmocka_unit_test_setup_teardown(test_svade_faults, setup, teardown),
  };
  return cmocka_run_group_tests_name("mmu_fault", tests, NULL, NULL);
}
