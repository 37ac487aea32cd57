/*
** test_walk.c -- the untimed walk (walk.h) and the model's stage log
** (mmu_t.stage_log) on a hand-built Sv39 table.  Expected addresses are
** computed by hand from the spec's walk: PTE address = table + VPN[i]*8,
** leaf PA = PPN with the page offset (superpages: the VPN bits below the
** leaf level pass through).  Latencies are the contract's defaults.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "mmu.h"
#include "mmu_port.h"
#include "riscv.h"
#include "walk.h"

#define USER (PTE_V | PTE_R | PTE_W | PTE_X | PTE_U | PTE_A | PTE_D)

/* root 0x80001000: [1] -> L1 0x80002000, [3] -> V=0
** L1   0x80002000: [0] -> L0 0x80003000, [1] -> 2 MiB leaf at 0x80400000
** L0   0x80003000: [5] -> 4 KiB leaf 0x80010000; [6] -> pointer at level 0 (no leaf)
** root [4] points outside memory (0x1000): the next PTE read is an access fault. */
static void build(mmu_t *m) {
  mmu_mem_write64(m, 0x80001008u, pte_make(0x80002u, PTE_V));
  mmu_mem_write64(m, 0x80001020u, pte_make(0x00001u, PTE_V));
  mmu_mem_write64(m, 0x80002000u, pte_make(0x80003u, PTE_V));
  mmu_mem_write64(m, 0x80002008u, pte_make(0x80400u, USER));
  mmu_mem_write64(m, 0x80003028u, pte_make(0x80010u, USER));
  mmu_mem_write64(m, 0x80003030u, pte_make(0x80020u, PTE_V));
}

static int setup(void **state) {
  static mmu_t m;
  mmu_config_t c;
  mmu_config_default(&c);
  if (mmu_init(&m, &c)) return -1;
  build(&m);
  *state = &m;
  return 0;
}

static int teardown(void **state) {
  mmu_free(*state);
  return 0;
}

static ptw_req_t req(uint64_t va, uint32_t op) {
  ptw_req_t r;
  memset(&r, 0, sizeof r);
  r.va = va;
  r.op = (uint8_t)op;
  r.priv = MMU_PRIV_U;
  r.adue = 1;
  r.mode = SATP_MODE_SV39;
  return r;
}

static void test_4k_leaf(void **state) {
  mmu_walk_t w;
  ptw_req_t r = req(UINT64_C(0x40005678), MMU_OP_R);   /* vpn 1, 0, 5; offset 0x678 */
  mmu_walk_untimed(*state, &r, 0x80001u, &w);
  assert_int_equal(w.nsteps, 3);
  assert_true(w.step[0].pte_addr == 0x80001008u);
  assert_true(w.step[1].pte_addr == 0x80002000u);
  assert_true(w.step[2].pte_addr == 0x80003028u);
  assert_true(w.ok && w.has_leaf);
  assert_int_equal(w.leaf_level, 0);
  assert_true(w.pa == 0x80010678u);
}

static void test_2m_leaf(void **state) {
  mmu_walk_t w;
  ptw_req_t r = req(UINT64_C(0x40212345), MMU_OP_W);   /* vpn 1, 1; 2 MiB offset 0x12345 */
  mmu_walk_untimed(*state, &r, 0x80001u, &w);
  assert_int_equal(w.nsteps, 2);
  assert_true(w.ok);
  assert_int_equal(w.leaf_level, 1);
  assert_true(w.pa == 0x80412345u);
}

static void test_invalid_and_no_leaf(void **state) {
  mmu_walk_t w;
  ptw_req_t r = req(UINT64_C(0xc0000000), MMU_OP_R);   /* root[3]: V = 0 */
  mmu_walk_untimed(*state, &r, 0x80001u, &w);
  assert_int_equal(w.nsteps, 1);
  assert_false(w.ok || w.has_leaf);
  assert_int_equal(w.why, PTW_WHY_INVALID);
  assert_int_equal(w.cause, CAUSE_LOAD_PAGE_FAULT);
  r = req(UINT64_C(0x40006000), MMU_OP_X);              /* L0[6]: a pointer at level 0 */
  mmu_walk_untimed(*state, &r, 0x80001u, &w);
  assert_int_equal(w.nsteps, 3);
  assert_int_equal(w.why, PTW_WHY_NO_LEAF);
  assert_int_equal(w.cause, CAUSE_FETCH_PAGE_FAULT);
}

static void test_access_fault(void **state) {
  mmu_walk_t w;
  ptw_req_t r = req(UINT64_C(0x100000000), MMU_OP_W);  /* root[4] -> table at 0x1000 */
  mmu_walk_untimed(*state, &r, 0x80001u, &w);
  assert_int_equal(w.nsteps, 2);
  assert_true(w.step[1].pte_addr == 0x1000u);
  assert_int_equal(w.why, PTW_WHY_ACCESS);
  assert_int_equal(w.cause, CAUSE_STORE_ACCESS);
}

/* The timed walk logs each memory stage with the level that served it.  Cold caches: the
** three PTEs and the data come from DRAM (200 cycles each).  The same load again hits the
** TLB, so its only memory stage is DATA, from L1 (the first pass brought the line in). */
static void test_stage_log(void **state) {
  mmu_t *m = *state;
  mmu_in_t in;
  mmu_out_t o;
  mmu_in_idle(&in);
  in.satp_we = 1;
  in.satp_wdata = satp_make(SATP_MODE_SV39, 1, 0x80001u);
  mmu_step(m, &in, &o);
  for (int pass = 0; pass < 2; pass++) {
    mmu_in_idle(&in);
    in.req_valid = 1;
    in.req_op = MMU_OP_R;
    in.req_priv = MMU_PRIV_U;
    in.req_vaddr = UINT64_C(0x40005678);
    in.csr_adue = 1;
    mmu_step(m, &in, &o);
    mmu_in_idle(&in);
    do mmu_step(m, &in, &o);
    while (!o.resp_valid);
    if (pass == 0) {
      assert_int_equal(m->stage_len, 4);
      static const uint32_t level[3] = { 2, 1, 0 };
      for (uint32_t i = 0; i < 3; i++) {
        assert_int_equal(m->stage_log[i].stage, MMU_PTE);
        assert_int_equal(m->stage_log[i].walk_level, level[i]);
        assert_int_equal(m->stage_log[i].cache_level, CACHE_DRAM);
        assert_int_equal(m->stage_log[i].len, 200);
        assert_int_equal(m->stage_log[i].start, 2 + 200 * i);   /* LOOKUP is cycle 1 */
      }
      assert_int_equal(m->stage_log[3].stage, MMU_DATA);
      assert_true(m->stage_log[3].addr == 0x80010678u);
      assert_int_equal(m->stage_log[3].cache_level, CACHE_DRAM);
    } else {
      assert_int_equal(m->stage_len, 1);
      assert_int_equal(m->stage_log[0].stage, MMU_DATA);
      assert_int_equal(m->stage_log[0].cache_level, 0);   /* L1: the line of the first pass */
      assert_int_equal(m->stage_log[0].len, 4);
      assert_int_equal(m->stage_log[0].start, 2);
    }
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_4k_leaf),
    cmocka_unit_test(test_2m_leaf),
    cmocka_unit_test(test_invalid_and_no_leaf),
    cmocka_unit_test(test_access_fault),
    cmocka_unit_test(test_stage_log),
  };
  return cmocka_run_group_tests_name("walk", tests, setup, teardown);
}
