/*
** test_mmu_stall.c -- the model's memory-stall test mode (docs/timing-contract.md 2b):
** mem_stall = 1 in cycle c holds a memory stage's first cycle c+1 (nothing observable, no
** access), so each stall cycle makes that stage, and the request, one cycle longer.  Latencies
** added up by hand from sections 2 and 2b (LOOKUP 1, L1 4, DRAM 200; stall cycles added).
*/
#include "mmu_fixture.h"

/* One load as mmu_fixture.h's access() (U mode, Svadu), with mem_stall = 1 in the cycles of
** runs[0..nruns-1] and, if sfence_at >= 0, an sfence in that cycle. */
static mmu_out_t access_stalled(mmu_t *m, uint64_t va, const stall_run_t *runs, int nruns, int sfence_at,
                                uint64_t *lat) {
  access_opts_t o = LOAD_U;
  o.stalls = runs;
  o.nstalls = nruns;
  o.sfence_at = sfence_at;
  return access(m, va, o, lat);
}

/* Cold Sv39 walk, everything in DRAM: 1 + 3 x 200 + 200 = 801 without stalls; the PTE stages
** start in cycles 2, 202, 402 and DATA in 602.  Stall inputs in cycles 201..203 hold cycles
** 202..204, the first cycle of PTE(1): it accesses in 205, and every later stage moves by 3. */
static void test_cold_walk_three_stalls_on_pte1(void **state) {
  mmu_t *m = &((fixture_t *)*state)->m;
  uint64_t lat;
  const stall_run_t runs[] = { { 201, 203 } };
  mmu_out_t r = access_stalled(m, 0x40005678u, runs, 1, -1, &lat);
  assert_int_equal(lat, 801 + 3);
  assert_true(r.resp_paddr == UINT64_C(0x80010678));
  assert_false(r.resp_fault);
  assert_int_equal(nmem, 4);
  assert_int_equal(memlog[0].cycle, 2);
  assert_true(memlog[0].addr == UINT64_C(0x80001008));
  assert_int_equal(memlog[1].cycle, 205);
  assert_true(memlog[1].addr == UINT64_C(0x80002000));
  assert_int_equal(memlog[2].cycle, 405);
  assert_int_equal(memlog[3].cycle, 605);
  assert_true(memlog[3].addr == UINT64_C(0x80010678));
  assert_int_equal(m->cnt.mem_stalls, 3);
  assert_int_equal(m->cnt.latency_sum, 804);
}

/* Stalls on two stages add up: the input of cycle 1 holds PTE(2)'s first cycle (2), so it
** accesses in 3 and every later stage is one cycle later (DATA's first cycle 603); the input
** of cycle c holds c+1, so inputs 602 and 603 hold 603 and 604 and DATA accesses in 605.
** 801 + 1 + 2 = 804. */
static void test_stalls_on_two_stages(void **state) {
  mmu_t *m = &((fixture_t *)*state)->m;
  uint64_t lat;
  const stall_run_t runs[] = { { 1, 1 }, { 602, 603 } };
  mmu_out_t r = access_stalled(m, 0x40005678u, runs, 2, -1, &lat);
  assert_int_equal(lat, 804);
  assert_true(r.resp_paddr == UINT64_C(0x80010678));
  assert_int_equal(memlog[0].cycle, 3);
  assert_int_equal(memlog[3].cycle, 605);
  assert_int_equal(m->cnt.mem_stalls, 3);
}

/* A stall input whose next cycle is not a memory stage's first cycle does nothing: inputs
** 2..199 hold cycles 3..200, in which PTE(2) (accessed at once in cycle 2) waits for its
** response: still 801, PTE(1) still accesses in 202, no stall counted. */
static void test_stall_while_waiting_costs_nothing(void **state) {
  mmu_t *m = &((fixture_t *)*state)->m;
  uint64_t lat;
  const stall_run_t runs[] = { { 2, 199 } };
  mmu_out_t r = access_stalled(m, 0x40005678u, runs, 1, -1, &lat);
  assert_int_equal(lat, 801);
  assert_true(r.resp_paddr == UINT64_C(0x80010678));
  assert_int_equal(m->cnt.mem_stalls, 0);
  assert_int_equal(memlog[1].cycle, 202);
}

/* A run of stalls from the LOOKUP cycle on holds PTE(2)'s first cycle for as long as it lasts:
** inputs 1..200 hold cycles 2..201, the access is in 202: 801 + 200. */
static void test_long_stall_run(void **state) {
  mmu_t *m = &((fixture_t *)*state)->m;
  uint64_t lat;
  const stall_run_t runs[] = { { 1, 200 } };
  access_stalled(m, 0x40005678u, runs, 1, -1, &lat);
  assert_int_equal(lat, 1001);
  assert_int_equal(memlog[0].cycle, 202);
  assert_int_equal(m->cnt.mem_stalls, 200);
}

/* A TLB hit with its line in L1: LOOKUP 1 + DATA 4 = 5; DATA's first cycle (2) held by the
** inputs of cycles 1 and 2: 7, the access in cycle 4.  The response is the same. */
static void test_hit_data_stalled(void **state) {
  mmu_t *m = &((fixture_t *)*state)->m;
  uint64_t lat;
  mmu_out_t a = access(m, 0x40005678u, LOAD_U, &lat);   /* cold: fills TLB and caches */
  assert_int_equal(lat, 801);
  const stall_run_t runs[] = { { 1, 2 } };
  mmu_out_t b = access_stalled(m, 0x40005678u, runs, 1, -1, &lat);
  assert_int_equal(lat, 5 + 2);
  assert_true(b.resp_tlb_hit);
  assert_int_equal(b.resp_level, 0);
  assert_true(b.resp_paddr == a.resp_paddr);
  assert_true(b.resp_rdata == a.resp_rdata);
  assert_int_equal(nmem, 1);
  assert_int_equal(memlog[0].cycle, 4);
}

/* An access fault needs no memory, so its 1-cycle stage never stalls: Bare mode, an address
** below memory: LOOKUP 1 + the fault 1 = 2, with mem_stall = 1 in every cycle. */
static void test_access_fault_never_stalls(void **state) {
  mmu_t *m = &((fixture_t *)*state)->m;
  uint64_t lat;
  set_satp(m, 0);   /* Bare */
  const stall_run_t runs[] = { { 1, 1000 } };
  mmu_out_t r = access_stalled(m, 0x1000u, runs, 1, -1, &lat);
  assert_int_equal(lat, 2);
  assert_true(r.resp_fault);
  assert_int_equal(r.resp_cause, CAUSE_LOAD_ACCESS);
  assert_int_equal(nmem, 0);
  assert_int_equal(m->cnt.mem_stalls, 0);
}

static int setup_lk2(void **state) {
  static fixture_t f;
  mmu_config_t c;
  mmu_config_default(&c);
  c.lookup_cycles = 2;
  assert_int_equal(mmu_init(&f.m, &c), 0);
  build_sv39(&f.m);
  set_satp(&f.m, satp_make(SATP_MODE_SV39, 7, ROOT));
  *state = &f;
  return 0;
}

/* lookup_cycles = 2: the refill is at the edge ending DATA's first cycle as first entered,
** not at its access after the stalls (2b).  Cold walk: LOOKUP 2, PTEs from cycle 3, DATA's
** first cycle 603; inputs 602..604 hold 603..605.  An sfence in cycle 604, after the refill
** edge (603) and before the access (606), drops the new entry but cancels no refill; the
** latency is 802 + 3. */
static void test_lk2_refill_at_first_stalled_edge(void **state) {
  mmu_t *m = &((fixture_t *)*state)->m;
  uint64_t lat;
  const stall_run_t runs[] = { { 602, 604 } };
  mmu_out_t r = access_stalled(m, 0x40005678u, runs, 1, 604, &lat);
  assert_int_equal(lat, 805);
  assert_true(r.resp_paddr == UINT64_C(0x80010678));
  assert_int_equal(memlog[3].cycle, 606);
  assert_int_equal(m->cnt.refills_dropped, 0);
  assert_int_equal(m->cnt.mem_stalls, 3);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(test_cold_walk_three_stalls_on_pte1, setup, teardown),
    cmocka_unit_test_setup_teardown(test_stalls_on_two_stages, setup, teardown),
    cmocka_unit_test_setup_teardown(test_stall_while_waiting_costs_nothing, setup, teardown),
    cmocka_unit_test_setup_teardown(test_long_stall_run, setup, teardown),
    cmocka_unit_test_setup_teardown(test_hit_data_stalled, setup, teardown),
    cmocka_unit_test_setup_teardown(test_access_fault_never_stalls, setup, teardown),
    cmocka_unit_test_setup_teardown(test_lk2_refill_at_first_stalled_edge, setup_lk2, teardown),
  };
  return cmocka_run_group_tests_name("mmu_stall", tests, NULL, NULL);
}
