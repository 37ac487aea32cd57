/*
** test_mmu_cas.c -- the Svadu A/D update as a compare-and-set (contract
** section 3a): the leaf PTE is changed through the backdoor between the
** walk's read and the A/D write.  Every cycle number below is added up by
** hand from docs/timing-contract.md (LOOKUP 1, L1 4, DRAM 200).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "mmu.h"
#include "riscv.h"
#include "mmu_port.h"

/* Sv39, ASID 3, root 0x80001000 (ppn = pa >> 12):
**   root 0x80001000 [1] -> 0x80002000;  L1 0x80002000 [0] -> 0x80003000
**   L0   0x80003000 [5] = CLEAN: 4 KiB page 0x80010000, V R W U, A = D = 0
** va 0x40005000 = vpn[2] 1, vpn[1] 0, vpn[0] 5: the leaf is at 0x80003028. */
#define ROOT    0x80001u
#define LEAF_AT UINT64_C(0x80003028)
#define VA      UINT64_C(0x40005000)
#define URW     (PTE_V | PTE_R | PTE_W | PTE_U)
#define CLEAN   pte_make(0x80010u, URW)

/* Cold walk, cycle numbers after the accepting edge (contract section 2):
** 1 LOOKUP; 2..201 PTE2, 202..401 PTE1, 402..601 PTE0 (DRAM each: the
** leaf is read at the edge ending 402); 602..605 ADR (the leaf's line is
** in L1 now: 4; the re-read at the edge ending 602). */
#define LEAF_READ 402u
#define ADR_FIRST 602u

/* What the memory port did in one cycle. */
typedef struct {
  uint64_t cycle, addr, wdata;
  int we;
} port_t;

typedef struct {
  mmu_t m;
  port_t port[32];   /* cycles with mem_valid, in order */
  int nport;
  uint64_t lat;      /* accept .. response, cycles */
  mmu_out_t resp;
} fx_t;

static int setup(void **state) {
  static fx_t f;
  mmu_config_t c;
  memset(&f, 0, sizeof f);
  mmu_config_default(&c);
  assert_int_equal(mmu_init(&f.m, &c), 0);
  mmu_mem_write64(&f.m, 0x80001008u, pte_make(0x80002u, PTE_V));
  mmu_mem_write64(&f.m, 0x80002000u, pte_make(0x80003u, PTE_V));
  mmu_mem_write64(&f.m, LEAF_AT, CLEAN);
  mmu_in_t in;
  mmu_out_t o;
  mmu_in_idle(&in);
  in.satp_we = 1;
  in.satp_wdata = satp_make(SATP_MODE_SV39, 3, ROOT);
  mmu_step(&f.m, &in, &o);
  *state = &f;
  return 0;
}

static int teardown(void **state) {
  mmu_free(&((fx_t *)*state)->m);
  return 0;
}

/* One U-mode Svadu access; before the step of cycle `at` (the edge ending
** it is the first to see it) the backdoor writes `value` to the leaf. */
static void run(fx_t *f, uint32_t op, uint64_t at, uint64_t value) {
  mmu_in_t in;
  mmu_out_t out;
  mmu_in_idle(&in);
  in.req_valid = 1;
  in.req_op = (uint8_t)op;
  in.req_priv = MMU_PRIV_U;
  in.req_vaddr = VA;
  in.req_wdata = 0x1234u;
  in.csr_adue = 1;
  mmu_step(&f->m, &in, &out);
  assert_true(out.req_ready);
  f->nport = 0;
  mmu_in_idle(&in);
  for (uint64_t n = 1;; n++) {
    if (n == at) mmu_mem_write64(&f->m, LEAF_AT, value);
    mmu_step(&f->m, &in, &out);
    if (out.mem_valid) {
      assert_true(f->nport < 32);
      port_t p = { n, out.mem_addr, out.mem_wdata, out.mem_we };
      f->port[f->nport++] = p;
    } else {
      assert_true(out.mem_addr == 0 && out.mem_we == 0 && out.mem_wdata == 0);
    }
    if (out.resp_valid) {
      f->lat = n;
      f->resp = out;
      return;
    }
    assert_true(n < 10000);
  }
}

static void port_is(const fx_t *f, int i, uint64_t cycle, uint64_t addr, int we, uint64_t wdata) {
  assert_true(i < f->nport);
  assert_int_equal(f->port[i].cycle, cycle);
  assert_true(f->port[i].addr == addr);
  assert_int_equal(f->port[i].we, we);
  assert_true(f->port[i].wdata == wdata);
}

/* (a) Nothing changes: ADR 602..605 reads the leaf (we 0), the compare is
** equal, AD 606..609 writes CLEAN|A (we 1), DATA 610..809 reads the data
** word from DRAM.  Latency 1 + 3*200 + 4 + 4 + 200 = 809. */
static void test_unchanged_writes_ad(void **state) {
  fx_t *f = *state;
  run(f, MMU_OP_R, 0, 0);
  assert_false(f->resp.resp_fault);
  assert_int_equal(f->lat, 809);
  assert_true(f->resp.resp_paddr == UINT64_C(0x80010000));
  assert_int_equal(f->nport, 6);
  port_is(f, 0, 2, 0x80001008u, 0, 0);
  port_is(f, 1, 202, 0x80002000u, 0, 0);
  port_is(f, 2, LEAF_READ, LEAF_AT, 0, 0);
  port_is(f, 3, ADR_FIRST, LEAF_AT, 0, 0);
  port_is(f, 4, 606, LEAF_AT, 1, CLEAN | PTE_A);
  port_is(f, 5, 610, 0x80010000u, 0, 0);
  assert_true(mmu_mem_read64(&f->m, LEAF_AT) == (CLEAN | PTE_A));
  assert_int_equal(f->m.cnt.ad_rereads, 1);
  assert_int_equal(f->m.cnt.ad_retries, 0);
  assert_int_equal(f->m.cnt.ad_writes, 1);
}

/* (a') A store: the same stages, AD writes CLEAN|A|D; the data word is
** written in DATA 610..809. */
static void test_unchanged_store_writes_a_and_d(void **state) {
  fx_t *f = *state;
  run(f, MMU_OP_W, 0, 0);
  assert_false(f->resp.resp_fault);
  assert_int_equal(f->lat, 809);
  assert_int_equal(f->nport, 6);
  port_is(f, 4, 606, LEAF_AT, 1, CLEAN | PTE_A | PTE_D);
  port_is(f, 5, 610, 0x80010000u, 1, 0x1234u);
  assert_true(mmu_mem_read64(&f->m, LEAF_AT) == (CLEAN | PTE_A | PTE_D));
}

/* (b) Between the leaf read (edge 402) and the re-read (edge 602) the OS
** remaps the page: 0x80020000, A already set.  ADR reads it, the compare
** fails: no write; the walk restarts at the root with every line in L1:
** PTE2 606..609, PTE1 610..613, PTE0 614..617 (the new leaf needs no A/D
** write for a load), DATA 618..817 from 0x80020000 (DRAM).
** Latency 1 + 600 + 4 + 3*4 + 200 = 817.  The response and the TLB entry
** use the new PTE: the next load hits, 1 + L1 4 = 5, pa 0x80020000. */
static void test_changed_valid_rewalks(void **state) {
  fx_t *f = *state;
  const uint64_t moved = pte_make(0x80020u, URW | PTE_A);
  run(f, MMU_OP_R, 500, moved);
  assert_false(f->resp.resp_fault);
  assert_int_equal(f->lat, 817);
  assert_true(f->resp.resp_paddr == UINT64_C(0x80020000));
  assert_int_equal(f->resp.resp_level, CACHE_DRAM);
  assert_int_equal(f->nport, 8);
  port_is(f, 2, LEAF_READ, LEAF_AT, 0, 0);
  port_is(f, 3, ADR_FIRST, LEAF_AT, 0, 0);
  port_is(f, 4, 606, 0x80001008u, 0, 0);   /* root again, not a write */
  port_is(f, 5, 610, 0x80002000u, 0, 0);
  port_is(f, 6, 614, LEAF_AT, 0, 0);
  port_is(f, 7, 618, 0x80020000u, 0, 0);
  assert_true(mmu_mem_read64(&f->m, LEAF_AT) == moved);   /* never written */
  assert_int_equal(f->m.cnt.ad_writes, 0);
  assert_int_equal(f->m.cnt.ad_retries, 1);
  assert_int_equal(f->m.walk_len, 3);        /* the log holds the new walk */
  assert_true(f->m.walk_log[2].pte == moved);
  run(f, MMU_OP_R, 0, 0);
  assert_true(f->resp.resp_tlb_hit);
  assert_int_equal(f->lat, 5);
  assert_true(f->resp.resp_paddr == UINT64_C(0x80020000));
}

/* (b') The new PTE is clean too (0x80030000, A = 0): the re-walk's leaf
** needs A again: PTE 606..617 as in (b), ADR 618..621 (equal now), AD
** 622..625 writes moved|A, DATA 626..825.  1 + 600 + 4 + 12 + 4 + 4 + 200. */
static void test_changed_clean_rewalks_and_writes(void **state) {
  fx_t *f = *state;
  const uint64_t moved = pte_make(0x80030u, URW);
  run(f, MMU_OP_R, 500, moved);
  assert_false(f->resp.resp_fault);
  assert_int_equal(f->lat, 825);
  assert_true(f->resp.resp_paddr == UINT64_C(0x80030000));
  assert_int_equal(f->nport, 10);
  port_is(f, 7, 618, LEAF_AT, 0, 0);
  port_is(f, 8, 622, LEAF_AT, 1, moved | PTE_A);
  port_is(f, 9, 626, 0x80030000u, 0, 0);
  assert_true(mmu_mem_read64(&f->m, LEAF_AT) == (moved | PTE_A));
  assert_int_equal(f->m.cnt.ad_rereads, 2);
  assert_int_equal(f->m.cnt.ad_retries, 1);
}

/* (c) The OS unmaps the page (V = 0) before the re-read: the re-walk
** reads PTE2 606..609, PTE1 610..613, PTE0 614..617 and faults in 617
** (load page fault 13, tval = va).  Nothing is written or cached: the
** next load walks again (a miss) and faults the same way, 1 + 3*4 = 13. */
static void test_changed_invalid_faults(void **state) {
  fx_t *f = *state;
  run(f, MMU_OP_R, ADR_FIRST, 0);   /* the last cycle whose edge the re-read sees */
  assert_true(f->resp.resp_fault);
  assert_int_equal(f->resp.resp_cause, 13);
  assert_true(f->resp.resp_tval == VA);
  assert_int_equal(f->lat, 617);
  assert_int_equal(f->nport, 7);
  port_is(f, 6, 614, LEAF_AT, 0, 0);
  assert_true(mmu_mem_read64(&f->m, LEAF_AT) == 0);
  assert_int_equal(f->m.cnt.ad_writes, 0);
  run(f, MMU_OP_R, 0, 0);
  assert_false(f->resp.resp_tlb_hit);
  assert_int_equal(f->resp.resp_cause, 13);
  assert_int_equal(f->lat, 13);
}

/* The window the compare does not close (contract 3a, "What is not
** atomic"): a write after the re-read's edge (602) and before the AD
** write's edge (606) is overwritten by CLEAN|A, and the access completes
** with the old translation, 809 cycles as in (a). */
static void test_write_after_reread_is_lost(void **state) {
  fx_t *f = *state;
  run(f, MMU_OP_R, ADR_FIRST + 1u, 0);
  assert_false(f->resp.resp_fault);
  assert_int_equal(f->lat, 809);
  assert_true(f->resp.resp_paddr == UINT64_C(0x80010000));
  assert_true(mmu_mem_read64(&f->m, LEAF_AT) == (CLEAN | PTE_A));
  assert_int_equal(f->m.cnt.ad_retries, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(test_unchanged_writes_ad, setup, teardown),
    cmocka_unit_test_setup_teardown(test_unchanged_store_writes_a_and_d, setup, teardown),
    cmocka_unit_test_setup_teardown(test_changed_valid_rewalks, setup, teardown),
    cmocka_unit_test_setup_teardown(test_changed_clean_rewalks_and_writes, setup, teardown),
    cmocka_unit_test_setup_teardown(test_changed_invalid_faults, setup, teardown),
    cmocka_unit_test_setup_teardown(test_write_after_reread_is_lost, setup, teardown),
  };
  return cmocka_run_group_tests_name("mmu_cas", tests, NULL, NULL);
}
