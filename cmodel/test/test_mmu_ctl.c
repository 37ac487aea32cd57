/*
** test_mmu_ctl.c -- the MMU model's control inputs: an sfence during a
** walk, ASIDs and global entries, Bare mode and satp's WARL MODE, and the
** configuration check (mmu_fixture.h's table).
*/
#include "mmu_fixture.h"

static void test_sfence_during_walk_drops_refill(void **state) {
  mmu_t *m = &((fixture_t *)*state)->m;
  uint64_t lat;
  access_opts_t o = LOAD_U;
  o.sfence_at = 300;           /* in the middle of PTE1 */
  access(m, 0x40005000u, o, &lat);
  assert_int_equal(m->cnt.refills_dropped, 1);
  /* not cached: a miss again (PTE lines in L1, data line in L1): 1+12+4 */
  mmu_out_t r = access(m, 0x40005000u, LOAD_U, &lat);
  assert_false(r.resp_tlb_hit);
  assert_int_equal(lat, 17);
  /* sfence on the refill edge itself: that is the last cycle of PTE0 =
  ** cycle 1 + 4 + 4 + 4 = 13 after accept (this access: 1 + 12 + data 4) */
  o.sfence_at = 13;
  ctl(m, (mmu_in_t){ .sfence_valid = 1 });
  access(m, 0x40005000u, o, &lat);
  assert_int_equal(lat, 17);
  assert_int_equal(m->cnt.refills_dropped, 2);
  /* without an sfence the walk refills, and the next access hits */
  o.sfence_at = -1;
  r = access(m, 0x40005000u, o, &lat);
  assert_false(r.resp_tlb_hit);
  r = access(m, 0x40005000u, o, &lat);
  assert_true(r.resp_tlb_hit);
}

static void test_asid_and_global(void **state) {
  mmu_t *m = &((fixture_t *)*state)->m;
  uint64_t lat;
  /* root[1] with G: every translation below it is global */
  mmu_mem_write64(m, 0x80001008u, pte_make(0x80002u, PTE_V | PTE_G));
  access(m, 0x40005000u, LOAD_U, &lat);
  /* switch to ASID 9, same root: the global entry still hits */
  set_satp(m, satp_make(SATP_MODE_SV39, 9, ROOT));
  mmu_out_t r = access(m, 0x40005000u, LOAD_U, &lat);
  assert_true(r.resp_tlb_hit);
  /* an ASID-scoped sfence leaves global entries alone */
  ctl(m, (mmu_in_t){ .sfence_valid = 1, .sfence_has_asid = 1, .sfence_asid = 9 });
  r = access(m, 0x40005000u, LOAD_U, &lat);
  assert_true(r.resp_tlb_hit);
  /* sfence by address removes it, whatever the ASID */
  ctl(m, (mmu_in_t){ .sfence_valid = 1, .sfence_has_va = 1, .sfence_vaddr = 0x40005abcu });
  r = access(m, 0x40005000u, LOAD_U, &lat);
  assert_false(r.resp_tlb_hit);
  /* a non-global entry under ASID 9 does not hit under ASID 7 */
  mmu_mem_write64(m, 0x80001008u, pte_make(0x80002u, PTE_V));
  ctl(m, (mmu_in_t){ .sfence_valid = 1 });
  access(m, 0x40005000u, LOAD_U, &lat);
  set_satp(m, satp_make(SATP_MODE_SV39, 7, ROOT));
  r = access(m, 0x40005000u, LOAD_U, &lat);
  assert_false(r.resp_tlb_hit);
}

static void test_bare_and_satp_warl(void **state) {
  mmu_t *m = &((fixture_t *)*state)->m;
  uint64_t lat;
  set_satp(m, 0);
  /* Bare: pa = va; LOOKUP + data cold 200 */
  mmu_out_t r = access(m, 0x80010008u, LOAD_U, &lat);
  assert_int_equal(lat, 201);
  assert_true(r.resp_paddr == UINT64_C(0x80010008));
  assert_false(r.resp_tlb_hit);
  /* outside memory: access fault in the data stage's first cycle */
  r = access(m, 0x1000u, LOAD_U, &lat);
  assert_int_equal(r.resp_cause, 5);
  assert_int_equal(lat, 2);
  /* satp MODE 10 (Sv57) is not supported: the write is ignored (WARL) */
  set_satp(m, satp_make(10u, 1, ROOT));
  assert_true(m->satp_q == 0);
}

static void test_config_check(void **state) {
  (void)state;
  mmu_config_t c;
  mmu_config_default(&c);
  assert_null(mmu_config_check(&c));
  c.tlb_ways = 3;
  assert_non_null(mmu_config_check(&c));
  mmu_config_default(&c);
  c.tlb_entries = 48;
  c.tlb_ways = 16;   /* 3 sets: not a power of two */
  assert_non_null(mmu_config_check(&c));
  mmu_config_default(&c);
  c.mem_base = 0x123;
  assert_non_null(mmu_config_check(&c));
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(test_sfence_during_walk_drops_refill, setup, teardown),
    cmocka_unit_test_setup_teardown(test_asid_and_global, setup, teardown),
    cmocka_unit_test_setup_teardown(test_bare_and_satp_warl, setup, teardown),
    cmocka_unit_test(test_config_check),
  };
  return cmocka_run_group_tests_name("mmu_ctl", tests, NULL, NULL);
}
