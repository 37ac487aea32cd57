/*
** test_mmu_lk2.c -- the model with lookup_cycles = 2 (docs/timing-contract.md
** 2a): LOOKUP is 2 cycles (the lookup registered at the first edge), the TLB
** refill moves to the edge ending DATA's first cycle, and the sfence window
** grows by that edge.  Latencies added up by hand from 2a (LOOKUP 2, L1 4,
** DRAM 200), each beside the 1-cycle value the same sequence gives.
*/
#include "mmu_fixture.h"

static int setup_lk(void **state, uint32_t lookup_cycles) {
  static fixture_t f;
  mmu_config_t c;
  mmu_config_default(&c);
  c.lookup_cycles = lookup_cycles;
  assert_int_equal(mmu_init(&f.m, &c), 0);
  build_sv39(&f.m);
  set_satp(&f.m, satp_make(SATP_MODE_SV39, 7, ROOT));
  *state = &f;
  return 0;
}
static int setup_lk2(void **state) { return setup_lk(state, 2); }
static int setup_lk1(void **state) { return setup_lk(state, 1); }

static uint32_t tlb_valid_count(const mmu_t *m) {
  uint32_t n = 0;
  for (uint32_t i = 0; i < m->tlb.entries; i++) n += m->tlb.e[i].valid;
  return n;
}

static void test_cold_walk_hit_and_miss_in_l1(void **state) {
  mmu_t *m = &((fixture_t *)*state)->m;
  uint64_t lat;
  /* cold: LOOKUP 2 + PTE2 200 + PTE1 200 + PTE0 200 + DATA 200 = 802 */
  mmu_out_t r = access(m, 0x40005678u, LOAD_U, &lat);
  assert_int_equal(lat, 802);
  assert_false(r.resp_tlb_hit);
  assert_true(r.resp_paddr == UINT64_C(0x80010678));
  /* each stage's first cycle, one later than with 1 LOOKUP cycle: 3, 203, 403, 603 */
  assert_int_equal(nmem, 4);
  assert_int_equal(memlog[0].cycle, 3);
  assert_true(memlog[0].addr == UINT64_C(0x80001008));
  assert_int_equal(memlog[1].cycle, 203);
  assert_int_equal(memlog[2].cycle, 403);
  assert_int_equal(memlog[3].cycle, 603);
  assert_true(memlog[3].addr == UINT64_C(0x80010678));
  /* hit, line in L1: 2 + 4 = 6 */
  r = access(m, 0x40005678u, LOAD_U, &lat);
  assert_int_equal(lat, 6);
  assert_true(r.resp_tlb_hit);
  assert_int_equal(nmem, 1);
  assert_int_equal(memlog[0].cycle, 3);
  /* hit, cold line: 2 + 200 = 202 */
  r = access(m, 0x40005680u, LOAD_U, &lat);
  assert_int_equal(lat, 202);
  /* TLB emptied (caches kept): a miss with the 3 PTEs and the data in L1: 2 + 3*4 + 4 = 18 */
  ctl(m, (mmu_in_t){ .sfence_valid = 1 });
  r = access(m, 0x40005678u, LOAD_U, &lat);
  assert_int_equal(lat, 18);
  assert_false(r.resp_tlb_hit);
  assert_int_equal(m->cnt.latency_sum, 802 + 6 + 202 + 18);
}

/* the same sequence at the default timing: 801, 5, 201, 17 (contract section 2) */
static void test_same_sequence_one_cycle(void **state) {
  mmu_t *m = &((fixture_t *)*state)->m;
  uint64_t lat;
  access(m, 0x40005678u, LOAD_U, &lat);
  assert_int_equal(lat, 801);
  assert_int_equal(memlog[0].cycle, 2);
  access(m, 0x40005678u, LOAD_U, &lat);
  assert_int_equal(lat, 5);
  access(m, 0x40005680u, LOAD_U, &lat);
  assert_int_equal(lat, 201);
  ctl(m, (mmu_in_t){ .sfence_valid = 1 });
  access(m, 0x40005678u, LOAD_U, &lat);
  assert_int_equal(lat, 17);
}

/* faults decided in LOOKUP answer in its second cycle; Bare is 2 + DATA */
static void test_lookup_faults_and_bare(void **state) {
  mmu_t *m = &((fixture_t *)*state)->m;
  uint64_t lat;
  mmu_out_t r = access(m, UINT64_C(0x0000008012345678), LOAD_U, &lat);   /* not canonical in Sv39 */
  assert_int_equal(lat, 2);
  assert_true(r.resp_fault);
  assert_int_equal(r.resp_cause, CAUSE_LOAD_PAGE_FAULT);
  assert_false(r.resp_tlb_hit);
  /* walk 0x40005000 (U page), then an S-mode fetch from it hits and faults: 2 */
  access(m, 0x40005000u, LOAD_U, &lat);
  access_opts_t fetch = LOAD_U;
  fetch.op = MMU_OP_X;
  fetch.priv = MMU_PRIV_S;
  r = access(m, 0x40005000u, fetch, &lat);
  assert_int_equal(lat, 2);
  assert_true(r.resp_fault);
  assert_true(r.resp_tlb_hit);
  assert_int_equal(r.resp_cause, CAUSE_FETCH_PAGE_FAULT);
  /* Bare: 2 + DATA; the word 0x80200000 is in no cache: 202 */
  set_satp(m, 0);
  r = access(m, 0x80200000u, LOAD_U, &lat);
  assert_int_equal(lat, 202);
  assert_false(r.resp_tlb_hit);
  assert_true(r.resp_paddr == UINT64_C(0x80200000));
}

/* The refill is at the edge ending DATA's first cycle: cycle 603 of the cold walk above
** (PTE0 ends at 602, where the 1-cycle timing refills).  Stepped by hand. */
static void test_refill_edge(void **state) {
  mmu_t *m = &((fixture_t *)*state)->m;
  mmu_in_t in;
  mmu_out_t out;
  mmu_in_idle(&in);
  in.req_valid = 1;
  in.req_vaddr = 0x40005000u;
  in.csr_adue = 1;
  mmu_step(m, &in, &out);   /* the accepting edge */
  mmu_in_idle(&in);
  for (int n = 1; n <= 602; n++) mmu_step(m, &in, &out);
  assert_int_equal(tlb_valid_count(m), 0);
  mmu_step(m, &in, &out);   /* cycle 603: DATA's first cycle, the port busy */
  assert_true(out.mem_valid);
  assert_int_equal(tlb_valid_count(m), 1);
}

/* An sfence at the edge ending DATA's first cycle cancels the refill (the window's new
** last edge); one edge later it is too late: the entry is refilled, then invalidated. */
static void test_sfence_window(void **state) {
  mmu_t *m = &((fixture_t *)*state)->m;
  uint64_t lat;
  access_opts_t o = LOAD_U;
  o.sfence_at = 603;
  access(m, 0x40005000u, o, &lat);
  assert_int_equal(lat, 802);
  assert_int_equal(m->cnt.refills_dropped, 1);
  assert_int_equal(tlb_valid_count(m), 0);
  /* lines now in L1: the walk is 2 + 12 and DATA's first cycle is 15; sfence at 16 */
  o.sfence_at = 16;
  access(m, 0x40005000u, o, &lat);
  assert_int_equal(lat, 18);
  assert_int_equal(m->cnt.refills_dropped, 1);
}

/* 1-cycle timing, same first sfence: cycle 603 is after the refill edge (602) */
static void test_sfence_window_one_cycle(void **state) {
  mmu_t *m = &((fixture_t *)*state)->m;
  uint64_t lat;
  access_opts_t o = LOAD_U;
  o.sfence_at = 603;
  access(m, 0x40005000u, o, &lat);
  assert_int_equal(lat, 801);
  assert_int_equal(m->cnt.refills_dropped, 0);
  assert_int_equal(tlb_valid_count(m), 0);   /* refilled at 602, then the sfence took it */
}

/* An sfence at the edge ending LOOKUP's first cycle does not undo the registered hit: the
** request answers as a hit (6), and the entry is gone afterwards (the next one walks: 18). */
static void test_registered_hit_survives_sfence(void **state) {
  mmu_t *m = &((fixture_t *)*state)->m;
  uint64_t lat;
  access(m, 0x40005000u, LOAD_U, &lat);
  access_opts_t o = LOAD_U;
  o.sfence_at = 1;
  mmu_out_t r = access(m, 0x40005000u, o, &lat);
  assert_true(r.resp_tlb_hit);
  assert_int_equal(lat, 6);
  assert_int_equal(tlb_valid_count(m), 0);
  r = access(m, 0x40005000u, LOAD_U, &lat);
  assert_false(r.resp_tlb_hit);
  assert_int_equal(lat, 18);
}

static void test_config_check(void **state) {
  (void)state;
  mmu_config_t c;
  mmu_config_default(&c);
  assert_int_equal(c.lookup_cycles, 1);
  assert_null(mmu_config_check(&c));
  c.lookup_cycles = 2;
  assert_null(mmu_config_check(&c));
  c.lookup_cycles = 0;
  assert_string_equal(mmu_config_check(&c), "lookup cycles must be 1 or 2");
  c.lookup_cycles = 3;
  assert_string_equal(mmu_config_check(&c), "lookup cycles must be 1 or 2");
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(test_cold_walk_hit_and_miss_in_l1, setup_lk2, teardown),
    cmocka_unit_test_setup_teardown(test_same_sequence_one_cycle, setup_lk1, teardown),
    cmocka_unit_test_setup_teardown(test_lookup_faults_and_bare, setup_lk2, teardown),
    cmocka_unit_test_setup_teardown(test_refill_edge, setup_lk2, teardown),
    cmocka_unit_test_setup_teardown(test_sfence_window, setup_lk2, teardown),
    cmocka_unit_test_setup_teardown(test_sfence_window_one_cycle, setup_lk1, teardown),
    cmocka_unit_test_setup_teardown(test_registered_hit_survives_sfence, setup_lk2, teardown),
    cmocka_unit_test(test_config_check),
  };
  return cmocka_run_group_tests_name("mmu lookup_cycles 2", tests, NULL, NULL);
}
