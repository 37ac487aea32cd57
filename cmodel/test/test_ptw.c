/*
** test_ptw.c -- the walk's decisions against the RISC-V privileged spec.
** Every expected value is from the spec's translation process (steps
** noted) or computed by hand in the comment beside it.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "ptw.h"
#include "riscv.h"
#include "mmu_port.h"

static ptw_req_t req(uint32_t op, uint32_t priv) {
  ptw_req_t r = { 0x40005678u, op, priv, 0, 0, 1, SATP_MODE_SV39 };
  return r;
}

#define LEAF (PTE_V | PTE_R | PTE_W | PTE_X | PTE_U | PTE_A | PTE_D)

static void test_causes(void **state) {
  (void)state;
  /* spec table "Supervisor cause register values" */
  assert_int_equal(ptw_page_fault_cause(MMU_OP_X), 12);
  assert_int_equal(ptw_page_fault_cause(MMU_OP_R), 13);
  assert_int_equal(ptw_page_fault_cause(MMU_OP_W), 15);
  assert_int_equal(ptw_access_fault_cause(MMU_OP_X), 1);
  assert_int_equal(ptw_access_fault_cause(MMU_OP_R), 5);
  assert_int_equal(ptw_access_fault_cause(MMU_OP_W), 7);
}

static void test_canonical(void **state) {
  (void)state;
  /* Sv39: bits 63..39 must equal bit 38 */
  assert_true(ptw_canonical(UINT64_C(0x0000003fffffffff), SATP_MODE_SV39));
  assert_false(ptw_canonical(UINT64_C(0x0000004000000000), SATP_MODE_SV39));
  assert_true(ptw_canonical(UINT64_C(0xffffffc000000000), SATP_MODE_SV39));
  assert_false(ptw_canonical(UINT64_C(0xffffffbfffffffff), SATP_MODE_SV39));
  assert_false(ptw_canonical(UINT64_C(0x8000000000000000), SATP_MODE_SV39));
  /* Sv48: bits 63..48 must equal bit 47 */
  assert_true(ptw_canonical(UINT64_C(0x00007fffffffffff), SATP_MODE_SV48));
  assert_false(ptw_canonical(UINT64_C(0x0000800000000000), SATP_MODE_SV48));
  assert_true(ptw_canonical(UINT64_C(0xffff800000000000), SATP_MODE_SV48));
  assert_true(ptw_canonical(UINT64_C(0x0000004000000000), SATP_MODE_SV48));
  /* Bare translates nothing, so nothing is non-canonical */
  assert_true(ptw_canonical(UINT64_C(0x8000000000000000), SATP_MODE_BARE));
}

static void test_vpn_and_pte_addr(void **state) {
  (void)state;
  /* 0x12345678 >> 12 = 0x12345; & 0x1ff = 0x145.  >> 21 = 0x91.  >> 30 = 0 */
  assert_int_equal(ptw_vpn(0x12345678u, 0), 0x145);
  assert_int_equal(ptw_vpn(0x12345678u, 1), 0x91);
  assert_int_equal(ptw_vpn(0x12345678u, 2), 0);
  /* Sv48 level 3 = va[47:39]: 0x0000_7f80_0000_0000 >> 39 = 0xff */
  assert_int_equal(ptw_vpn(UINT64_C(0x00007f8000000000), 3), 0xff);
  /* table at ppn 0x80001 -> 0x80001000, + 0x145 * 8 = 0xa28 */
  assert_true(ptw_pte_addr(0x80001u, 0x12345678u, 0) == UINT64_C(0x80001a28));
}

static void test_invalid_and_reserved(void **state) {
  (void)state;
  ptw_req_t r = req(MMU_OP_R, MMU_PRIV_U);
  /* step 3: V=0 first, even if W-without-R is also there */
  assert_int_equal(ptw_decide(PTE_W, 0, &r).why, PTW_WHY_INVALID);
  assert_int_equal(ptw_decide(0, 2, &r).action, PTW_FAULT);
  assert_int_equal(ptw_decide(PTE_V | PTE_W, 0, &r).why, PTW_WHY_W_NO_R);
  assert_int_equal(ptw_decide(PTE_V | PTE_W | PTE_X, 1, &r).why, PTW_WHY_W_NO_R);
  /* bits 63:54 reserved without Svnapot/Svpbmt */
  assert_int_equal(ptw_decide(LEAF | (UINT64_C(1) << 63), 0, &r).why, PTW_WHY_RESERVED_BITS);
  assert_int_equal(ptw_decide(LEAF | (UINT64_C(1) << 54), 0, &r).why, PTW_WHY_RESERVED_BITS);
  /* RSW bits 9:8 are software's: ignored */
  assert_int_equal(ptw_decide(LEAF | (3u << 8), 0, &r).action, PTW_LEAF);
}

static void test_pointer(void **state) {
  (void)state;
  ptw_req_t r = req(MMU_OP_R, MMU_PRIV_U);
  /* pointer to ppn 0x80003 at level 1: next is level 0, vpn0 of 0x40005678
  ** is 5 -> 0x80003000 + 5*8 = 0x80003028 */
  ptw_decision_t d = ptw_decide(pte_make(0x80003u, PTE_V), 1, &r);
  assert_int_equal(d.action, PTW_NEXT);
  assert_true(d.next_addr == UINT64_C(0x80003028));
  /* G on a pointer is allowed (it is not A/D/U) */
  assert_int_equal(ptw_decide(pte_make(0x80003u, PTE_V | PTE_G), 1, &r).action, PTW_NEXT);
  /* spec: "For non-leaf PTEs, the D, A, and U bits are reserved" */
  assert_int_equal(ptw_decide(pte_make(0x80003u, PTE_V | PTE_A), 1, &r).why, PTW_WHY_NONLEAF_ADU);
  assert_int_equal(ptw_decide(pte_make(0x80003u, PTE_V | PTE_D), 1, &r).why, PTW_WHY_NONLEAF_ADU);
  assert_int_equal(ptw_decide(pte_make(0x80003u, PTE_V | PTE_U), 1, &r).why, PTW_WHY_NONLEAF_ADU);
  /* step 4: i = 0 and still a pointer */
  assert_int_equal(ptw_decide(pte_make(0x80003u, PTE_V), 0, &r).why, PTW_WHY_NO_LEAF);
}

static void test_user_supervisor(void **state) {
  (void)state;
  ptw_req_t r = req(MMU_OP_R, MMU_PRIV_U);
  uint64_t spage = LEAF & ~(uint64_t)PTE_U;
  assert_int_equal(ptw_decide(spage, 0, &r).why, PTW_WHY_S_FROM_U);
  r.priv = MMU_PRIV_S;
  assert_int_equal(ptw_decide(spage, 0, &r).action, PTW_LEAF);
  /* S load of a U page: only with SUM */
  assert_int_equal(ptw_decide(LEAF, 0, &r).why, PTW_WHY_U_FROM_S);
  r.sum = 1;
  assert_int_equal(ptw_decide(LEAF, 0, &r).action, PTW_LEAF);
  r.op = MMU_OP_W;
  assert_int_equal(ptw_decide(LEAF, 0, &r).action, PTW_LEAF);
  /* S fetch from a U page: never, SUM or not */
  r.op = MMU_OP_X;
  assert_int_equal(ptw_decide(LEAF, 0, &r).why, PTW_WHY_U_FROM_S);
}

static void test_rwx_and_mxr(void **state) {
  (void)state;
  ptw_req_t r = req(MMU_OP_W, MMU_PRIV_U);
  uint64_t ro = PTE_V | PTE_R | PTE_U | PTE_A | PTE_D;
  uint64_t xo = PTE_V | PTE_X | PTE_U | PTE_A | PTE_D;
  assert_int_equal(ptw_decide(ro, 0, &r).why, PTW_WHY_NO_PERM);
  r.op = MMU_OP_X;
  assert_int_equal(ptw_decide(ro, 0, &r).why, PTW_WHY_NO_PERM);
  assert_int_equal(ptw_decide(xo, 0, &r).action, PTW_LEAF);
  r.op = MMU_OP_R;
  assert_int_equal(ptw_decide(xo, 0, &r).why, PTW_WHY_NO_PERM);
  r.mxr = 1;   /* MXR: loads from executable pages succeed */
  assert_int_equal(ptw_decide(xo, 0, &r).action, PTW_LEAF);
  /* MXR does not make a U page readable from S without SUM */
  r.priv = MMU_PRIV_S;
  assert_int_equal(ptw_decide(xo, 0, &r).why, PTW_WHY_U_FROM_S);
}

static void test_misaligned_superpage(void **state) {
  (void)state;
  ptw_req_t r = req(MMU_OP_R, MMU_PRIV_U);
  /* level 1 (2 MiB): PPN[8:0] must be 0; 0x80401 has bit 0 set */
  assert_int_equal(ptw_decide(pte_make(0x80401u, LEAF), 1, &r).why, PTW_WHY_MISALIGNED);
  assert_int_equal(ptw_decide(pte_make(0x80400u, LEAF), 1, &r).action, PTW_LEAF);
  /* level 2 (1 GiB): PPN[17:0] must be 0; 0x80200 has bit 9 set */
  assert_int_equal(ptw_decide(pte_make(0x80200u, LEAF), 2, &r).why, PTW_WHY_MISALIGNED);
  assert_int_equal(ptw_decide(pte_make(0x80000u, LEAF), 2, &r).action, PTW_LEAF);
  /* level 0: any PPN is aligned */
  assert_int_equal(ptw_decide(pte_make(0x80401u, LEAF), 0, &r).action, PTW_LEAF);
  /* spec order: step 5 (permissions) before step 6 (alignment) */
  r.op = MMU_OP_X;
  uint64_t rw = pte_make(0x80401u, PTE_V | PTE_R | PTE_W | PTE_U | PTE_A | PTE_D);
  assert_int_equal(ptw_decide(rw, 1, &r).why, PTW_WHY_NO_PERM);
  /* step 6 before step 7: misaligned with A=0 under Svadu faults, no A/D write */
  r.op = MMU_OP_R;
  ptw_decision_t d = ptw_decide(pte_make(0x80401u, PTE_V | PTE_R | PTE_U), 1, &r);
  assert_int_equal(d.action, PTW_FAULT);
  assert_int_equal(d.why, PTW_WHY_MISALIGNED);
}

static void test_svade_svadu(void **state) {
  (void)state;
  ptw_req_t r = req(MMU_OP_R, MMU_PRIV_U);
  uint64_t noa = PTE_V | PTE_R | PTE_W | PTE_U;
  uint64_t nod = noa | PTE_A;
  r.adue = 0;   /* Svade: step 7 raises a page fault */
  assert_int_equal(ptw_decide(noa, 0, &r).why, PTW_WHY_A_CLEAR);
  assert_int_equal(ptw_decide(nod, 0, &r).action, PTW_LEAF);   /* load needs only A */
  r.op = MMU_OP_W;
  assert_int_equal(ptw_decide(nod, 0, &r).why, PTW_WHY_D_CLEAR);
  r.adue = 1;   /* Svadu: the walker writes the PTE with A (and D for a store) */
  ptw_decision_t d = ptw_decide(noa, 0, &r);
  assert_int_equal(d.action, PTW_LEAF_AD);
  assert_true(d.new_pte == (noa | PTE_A | PTE_D));
  r.op = MMU_OP_R;
  d = ptw_decide(noa, 0, &r);
  assert_int_equal(d.action, PTW_LEAF_AD);
  assert_true(d.new_pte == (noa | PTE_A));
  /* a permission fault is never turned into an A/D update */
  r.op = MMU_OP_X;
  assert_int_equal(ptw_decide(noa, 0, &r).why, PTW_WHY_NO_PERM);
}

static void test_leaf_pa(void **state) {
  (void)state;
  /* 4 KiB: ppn 0x80010 -> 0x80010000 | 0x678 */
  assert_true(ptw_leaf_pa(0x80010u, 0, 0x40005678u) == UINT64_C(0x80010678));
  /* 2 MiB: 0x80400000 | (0x40123456 & 0x1fffff = 0x123456) */
  assert_true(ptw_leaf_pa(0x80400u, 1, 0x40123456u) == UINT64_C(0x80523456));
  /* 1 GiB: 0x80000000 | (0x4abcdef0 & 0x3fffffff = 0x0abcdef0) */
  assert_true(ptw_leaf_pa(0x80000u, 2, 0x4abcdef0u) == UINT64_C(0x8abcdef0));
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_causes),           cmocka_unit_test(test_canonical),
    cmocka_unit_test(test_vpn_and_pte_addr), cmocka_unit_test(test_invalid_and_reserved),
    cmocka_unit_test(test_pointer),          cmocka_unit_test(test_user_supervisor),
    cmocka_unit_test(test_rwx_and_mxr),      cmocka_unit_test(test_misaligned_superpage),
    cmocka_unit_test(test_svade_svadu),      cmocka_unit_test(test_leaf_pa),
  };
  return cmocka_run_group_tests_name("ptw", tests, NULL, NULL);
}
