/*
** test_mmu.c -- the MMU model's walks and their latency against
** docs/timing-contract.md, with hand-built page tables (mmu_fixture.h):
** cold walks and hits, data, superpages, PTEs from L2 and L3, Sv48.
** Faults are in test_mmu_fault.c, sfence/ASID/satp in test_mmu_ctl.c.
*/
#include "mmu_fixture.h"

static void test_cold_walk_then_hits(void **state) {
  mmu_t *m = &((fixture_t *)*state)->m;
  uint64_t lat;
  /* cold: LOOKUP 1 + PTE2 200 + PTE1 200 + PTE0 200 + DATA 200 = 801 */
  mmu_out_t r = access(m, 0x40005678u, LOAD_U, &lat);
  assert_int_equal(lat, 801);
  assert_false(r.resp_fault);
  assert_false(r.resp_tlb_hit);
  assert_true(r.resp_paddr == UINT64_C(0x80010678));
  assert_int_equal(r.resp_level, CACHE_DRAM);
  /* memory port: each stage's first cycle, after the LOOKUP cycle 1:
  ** 2 (root[1] at 0x80001008), 202 (L1[0] at 0x80002000),
  ** 402 (L0[5] at 0x80003028), 602 (data word 0x80010678 & ~7) */
  assert_int_equal(nmem, 4);
  assert_int_equal(memlog[0].cycle, 2);
  assert_true(memlog[0].addr == UINT64_C(0x80001008));
  assert_int_equal(memlog[1].cycle, 202);
  assert_true(memlog[1].addr == UINT64_C(0x80002000));
  assert_int_equal(memlog[2].cycle, 402);
  assert_true(memlog[2].addr == UINT64_C(0x80003028));
  assert_int_equal(memlog[3].cycle, 602);
  assert_true(memlog[3].addr == UINT64_C(0x80010678));
  assert_int_equal(memlog[3].we, 0);
  /* same address: TLB hit, line in L1: 1 + 4 */
  r = access(m, 0x40005678u, LOAD_U, &lat);
  assert_int_equal(lat, 5);
  assert_true(r.resp_tlb_hit);
  assert_int_equal(r.resp_level, 0);
  /* next line of the same page: TLB hit, cold line: 1 + 200 */
  r = access(m, 0x40005680u, LOAD_U, &lat);
  assert_int_equal(lat, 201);
  /* neighbouring page: miss; root[1] and L1[0] lines are in L1, and
  ** L0[6] at 0x80003030 shares the 64 B line 0x80003000 with L0[5]:
  ** 1 + 4 + 4 + 4 + data cold 200 = 213 */
  r = access(m, 0x40006010u, LOAD_U, &lat);
  assert_int_equal(lat, 213);
  assert_true(r.resp_paddr == UINT64_C(0x80011010));
  assert_int_equal(m->cnt.tlb_hits, 2);
  assert_int_equal(m->cnt.tlb_misses, 2);
  assert_int_equal(m->cnt.walks, 2);
  assert_int_equal(m->cnt.pte_reads, 6);
  /* walk cycles: 600 + 12 */
  assert_int_equal(m->cnt.walk_cycles, 612);
  assert_int_equal(m->cnt.latency_sum, 801 + 5 + 201 + 213);
}

static void test_store_and_load_data(void **state) {
  mmu_t *m = &((fixture_t *)*state)->m;
  uint64_t lat;
  access_opts_t st = LOAD_U;
  st.op = MMU_OP_W;
  st.wdata = UINT64_C(0x1122334455667788);
  mmu_out_t r = access(m, 0x4000500cu, st, &lat);
  assert_false(r.resp_fault);
  assert_true(r.resp_rdata == 0);
  /* the store reached memory at the aligned word 0x80010008 */
  assert_true(mmu_mem_read64(m, 0x80010008u) == UINT64_C(0x1122334455667788));
  assert_true(memlog[nmem - 1].we && memlog[nmem - 1].addr == UINT64_C(0x80010008));
  r = access(m, 0x4000500cu, LOAD_U, &lat);
  assert_true(r.resp_rdata == UINT64_C(0x1122334455667788));
  /* and a fetch reads it too */
  access_opts_t fx = LOAD_U;
  fx.op = MMU_OP_X;
  r = access(m, 0x40005008u, fx, &lat);
  assert_true(r.resp_rdata == UINT64_C(0x1122334455667788));
}

static void test_superpages(void **state) {
  mmu_t *m = &((fixture_t *)*state)->m;
  uint64_t lat;
  /* 2 MiB leaf at L1[1]: LOOKUP 1 + PTE2 DRAM 200 + PTE1 DRAM 200 + data 200 */
  mmu_out_t r = access(m, 0x40323456u, LOAD_U, &lat);
  assert_int_equal(lat, 601);
  /* 0x80400000 | (0x40323456 & 0x1fffff = 0x123456) */
  assert_true(r.resp_paddr == UINT64_C(0x80523456));
  /* any other 4 KiB page inside the same 2 MiB hits the one entry */
  r = access(m, 0x403ff000u, LOAD_U, &lat);
  assert_true(r.resp_tlb_hit);
  assert_true(r.resp_paddr == UINT64_C(0x805ff000));
  /* 1 GiB leaf at root[2]: root line is now in L1: 1 + 4 + data 200 */
  r = access(m, 0x8abcdef0u, LOAD_U, &lat);
  assert_int_equal(lat, 205);
  assert_true(r.resp_paddr == UINT64_C(0x8abcdef0));
  assert_int_equal(m->cnt.walks, 2);
}

/* Tiny caches make PTE reads come from L2 or L3 on a hand-checkable path. */
static void test_pte_from_l2_and_l3(void **state) {
  (void)state;
  mmu_t m;
  mmu_config_t c;
  mmu_config_default(&c);
  c.cache.level[0].size = 64;   /* L1: one 64 B line */
  c.cache.level[0].ways = 1;
  assert_int_equal(mmu_init(&m, &c), 0);
  build_sv39(&m);
  set_satp(&m, satp_make(SATP_MODE_SV39, 1, ROOT));
  uint64_t lat;
  access(&m, 0x40005000u, LOAD_U, &lat);       /* cold: 801, fills L1-L3 */
  assert_int_equal(lat, 801);
  /* page 6: root[1], L1[0], L0[6] lines were filled into L2 by the first walk
  ** but L1 holds only the last line touched (the data 0x80010000):
  ** 1 + 12 + 12 + 12 + data cold 200 = 237 */
  access(&m, 0x40006000u, LOAD_U, &lat);
  assert_int_equal(lat, 237);
  assert_int_equal(m.cache.lvl[1].hits, 3);
  mmu_free(&m);

  c.cache.level[1].size = 64;   /* L2 too: one line */
  c.cache.level[1].ways = 1;
  assert_int_equal(mmu_init(&m, &c), 0);
  build_sv39(&m);
  set_satp(&m, satp_make(SATP_MODE_SV39, 1, ROOT));
  access(&m, 0x40005000u, LOAD_U, &lat);
  access(&m, 0x40006000u, LOAD_U, &lat);
  assert_int_equal(lat, 1 + 40 * 3 + 200);   /* 321: PTEs from L3 */
  mmu_free(&m);
}

static void test_sv48_four_levels(void **state) {
  (void)state;
  mmu_t m;
  mmu_config_t c;
  mmu_config_default(&c);
  c.mem_base = 0;
  c.mem_size = UINT64_C(1) << 40;   /* sparse: room for a 512 GiB page at 2^39 */
  assert_int_equal(mmu_init(&m, &c), 0);
  /* root 0x1000: [0] -> 0x2000, [1] -> 512 GiB leaf at 0x80_0000_0000 (ppn 2^27)
  ** 0x2000 L2: [0] -> 0x3000;  0x3000 L1: [0] -> 0x4000;  0x4000 L0: [1] -> 0x9000 */
  mmu_mem_write64(&m, 0x1000u, pte_make(0x2u, PTE_V));
  mmu_mem_write64(&m, 0x1008u, pte_make(UINT64_C(1) << 27, USER));
  mmu_mem_write64(&m, 0x2000u, pte_make(0x3u, PTE_V));
  mmu_mem_write64(&m, 0x3000u, pte_make(0x4u, PTE_V));
  mmu_mem_write64(&m, 0x4008u, pte_make(0x9u, USER));
  set_satp(&m, satp_make(SATP_MODE_SV48, 3, 0x1u));
  uint64_t lat;
  /* 4 cold PTEs + cold data: 1 + 4*200 + 200 */
  mmu_out_t r = access(&m, 0x1234u, LOAD_U, &lat);
  assert_int_equal(lat, 1001);
  assert_true(r.resp_paddr == UINT64_C(0x9234));
  /* va 0x0000_0080_1234_5678 (vpn3 = 1): 512 GiB leaf, root line cached:
  ** 1 + 4 + data 200; pa = 2^39 | (va & (2^39-1)) */
  r = access(&m, UINT64_C(0x0000008012345678), LOAD_U, &lat);
  assert_int_equal(lat, 205);
  assert_true(r.resp_paddr == (UINT64_C(1) << 39 | UINT64_C(0x12345678)));
  /* 0x0000_4000_0000_0000 is canonical in Sv48 (it is not in Sv39): a walk,
  ** root[128] = 0 -> page fault at the first PTE (new line, cold 200) */
  r = access(&m, UINT64_C(0x0000400000000000), LOAD_U, &lat);
  assert_int_equal(r.resp_cause, 13);
  assert_int_equal(lat, 201);
  mmu_free(&m);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(test_cold_walk_then_hits, setup, teardown),
    cmocka_unit_test_setup_teardown(test_store_and_load_data, setup, teardown),
    cmocka_unit_test_setup_teardown(test_superpages, setup, teardown),
    cmocka_unit_test(test_pte_from_l2_and_l3),
    cmocka_unit_test(test_sv48_four_levels),
  };
  return cmocka_run_group_tests_name("mmu", tests, NULL, NULL);
}
