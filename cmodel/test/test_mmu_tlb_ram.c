/*
** test_mmu_tlb_ram.c -- the model with tlb_ram = 1 (docs/timing-contract.md
** 4a): one set per lookup and every sfence invalidates all, on the timing of
** lookup_cycles = 2 (2a).  A 64-entry TLB of 16 sets x 4 ways, the fixture's
** 2 MiB page (va 0x40200000..0x403fffff -> pa 0x80400000), and the same
** sequence on the default rules as the control.  Latencies added up by hand
** from 2a: LOOKUP 2, L1 4, DRAM 200; every line of the sequence falls in L1
** set 0 (pa >> 6 & 63 = 0; 32 KiB, 8 ways, 64 B lines: 64 sets), 5 lines in
** its 8 ways, so nothing is evicted.
*/
#include "mmu_fixture.h"

static int setup_ram(void **state, uint32_t tlb_ram) {
  static fixture_t f;
  mmu_config_t c;
  mmu_config_default(&c);
  c.lookup_cycles = 2;
  c.tlb_entries = 64;
  c.tlb_ways = 4;
  c.tlb_ram = tlb_ram;
  assert_int_equal(mmu_init(&f.m, &c), 0);
  build_sv39(&f.m);
  set_satp(&f.m, satp_make(SATP_MODE_SV39, 7, ROOT));
  *state = &f;
  return 0;
}
static int setup_tlb_ram(void **state) { return setup_ram(state, 1); }
static int setup_default_rules(void **state) { return setup_ram(state, 0); }

/* tlb_ram: vpn 0x40200 (set 0) walks and fills set 0; vpn 0x40201 (set 1) of the
** same 2 MiB page misses and walks again; vpn 0x40210 (set 0) hits set 0's entry */
static void test_superpage_one_set(void **state) {
  mmu_t *m = &((fixture_t *)*state)->m;
  uint64_t lat;
  /* cold: LOOKUP 2 + PTE2 200 + PTE1 (the 2 MiB leaf) 200 + DATA 200 = 602 */
  mmu_out_t r = access(m, 0x40200000u, LOAD_U, &lat);
  assert_int_equal(lat, 602);
  assert_false(r.resp_tlb_hit);
  assert_true(r.resp_paddr == UINT64_C(0x80400000));
  assert_int_equal(m->tlb.e[0].valid, 1);   /* set 0, way 0 */
  assert_int_equal(m->tlb.e[0].level, 1);
  assert_true(m->tlb.e[0].vpn == 0x40200);
  /* another set: LOOKUP 2 + PTE2 in L1 4 + PTE1 in L1 4 + DATA cold 200 = 210 */
  r = access(m, 0x40201008u, LOAD_U, &lat);
  assert_int_equal(lat, 210);
  assert_false(r.resp_tlb_hit);
  assert_true(r.resp_paddr == UINT64_C(0x80401008));
  assert_int_equal(nmem, 3);
  assert_int_equal(m->tlb.e[4].valid, 1);   /* set 1, way 0: the same page again */
  assert_true(m->tlb.e[4].vpn == 0x40200);
  /* set 0 again: a hit, LOOKUP 2 + DATA cold 200 = 202 */
  r = access(m, 0x40210000u, LOAD_U, &lat);
  assert_int_equal(lat, 202);
  assert_true(r.resp_tlb_hit);
  assert_true(r.resp_paddr == UINT64_C(0x80410000));
  assert_int_equal(m->cnt.tlb_hits, 1);
  assert_int_equal(m->cnt.tlb_misses, 2);
}

/* the control: the default rules put the 2 MiB entry in set (0x40200 >> 9) & 15 = 1
** and find it from every page of it: the second access hits, 2 + 200 = 202 */
static void test_superpage_default_rules(void **state) {
  mmu_t *m = &((fixture_t *)*state)->m;
  uint64_t lat;
  access(m, 0x40200000u, LOAD_U, &lat);
  assert_int_equal(lat, 602);
  assert_int_equal(m->tlb.e[4].valid, 1);
  mmu_out_t r = access(m, 0x40201008u, LOAD_U, &lat);
  assert_int_equal(lat, 202);
  assert_true(r.resp_tlb_hit);
}

/* an sfence of another ASID and another page: under tlb_ram every entry goes, so
** the load walks again (2 + 4 + 4 + data in L1 4 = 14); the default rules keep
** the entry (a hit, 2 + 4 = 6) */
static void sfence_other_then_reload(mmu_t *m, uint64_t *lat, mmu_out_t *r) {
  access(m, 0x40200000u, LOAD_U, lat);
  ctl(m, (mmu_in_t){ .sfence_valid = 1,
                     .sfence_has_va = 1,
                     .sfence_vaddr = 0x12345000u,
                     .sfence_has_asid = 1,
                     .sfence_asid = 9 });
  *r = access(m, 0x40200000u, LOAD_U, lat);
}
static void test_sfence_invalidates_all(void **state) {
  mmu_t *m = &((fixture_t *)*state)->m;
  uint64_t lat;
  mmu_out_t r;
  sfence_other_then_reload(m, &lat, &r);
  assert_int_equal(lat, 14);
  assert_false(r.resp_tlb_hit);
}
static void test_sfence_default_rules(void **state) {
  mmu_t *m = &((fixture_t *)*state)->m;
  uint64_t lat;
  mmu_out_t r;
  sfence_other_then_reload(m, &lat, &r);
  assert_int_equal(lat, 6);
  assert_true(r.resp_tlb_hit);
}

static void test_config_check(void **state) {
  (void)state;
  mmu_config_t c;
  mmu_config_default(&c);
  assert_int_equal(c.tlb_ram, 0);
  c.tlb_ram = 1;   /* with lookup_cycles 1: refused, the set is read in LOOKUP's first cycle */
  assert_non_null(mmu_config_check(&c));
  c.lookup_cycles = 2;
  assert_null(mmu_config_check(&c));
  c.tlb_ram = 2;
  assert_string_equal(mmu_config_check(&c), "tlb_ram must be 0 or 1");
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(test_superpage_one_set, setup_tlb_ram, teardown),
    cmocka_unit_test_setup_teardown(test_superpage_default_rules, setup_default_rules, teardown),
    cmocka_unit_test_setup_teardown(test_sfence_invalidates_all, setup_tlb_ram, teardown),
    cmocka_unit_test_setup_teardown(test_sfence_default_rules, setup_default_rules, teardown),
    cmocka_unit_test(test_config_check),
  };
  return cmocka_run_group_tests_name("mmu tlb_ram", tests, NULL, NULL);
}
