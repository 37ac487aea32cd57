/*
** test_coverage.c -- the functional coverage bins (tb/coverage.c) against hand-built page
** tables on the C model alone.  Each expected count follows from the tables and the cache
** rules (cold caches: every first touch of a line comes from DRAM, write-allocate fills L1),
** not from the counter's own output.
*/
#define _POSIX_C_SOURCE 200809L   /* mkstemp */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "coverage.h"
#include "riscv.h"
#include "mmu_port.h"

#define MB   UINT64_C(0x80000000)
#define ROOT (MB + 0x1000u)
#define L1T  (MB + 0x2000u)
#define L0T  (MB + 0x3000u)

typedef struct {
  mmu_t m;
  cov_t c;
} fx_t;

static mmu_out_t step(fx_t *f, const mmu_in_t *in) {
  mmu_out_t o;
  cov_before(&f->c, &f->m, in);
  mmu_step(&f->m, in, &o);
  cov_after(&f->c, &f->m, in, &o);
  return o;
}

static void satp(fx_t *f, uint16_t asid) {
  mmu_in_t in;
  mmu_in_idle(&in);
  in.satp_we = 1;
  in.satp_wdata = satp_make(SATP_MODE_SV39, asid, ROOT >> 12);
  step(f, &in);
}

static void sfence(fx_t *f, int has_va, uint64_t va, int has_asid, uint16_t asid) {
  mmu_in_t in;
  mmu_in_idle(&in);
  in.sfence_valid = 1;
  in.sfence_has_va = (uint8_t)has_va;
  in.sfence_vaddr = va;
  in.sfence_has_asid = (uint8_t)has_asid;
  in.sfence_asid = asid;
  step(f, &in);
}

/* One S-mode request, run to its response. */
static mmu_out_t req(fx_t *f, uint8_t op, uint64_t va) {
  mmu_in_t in;
  mmu_out_t o;
  mmu_in_idle(&in);
  in.req_valid = 1;
  in.req_op = op;
  in.req_priv = MMU_PRIV_S;
  in.req_vaddr = va;
  in.csr_adue = 1;
  o = step(f, &in);
  for (int n = 0; n < 10000 && !o.resp_valid; n++) {
    mmu_in_idle(&in);
    o = step(f, &in);
  }
  assert_true(o.resp_valid);
  return o;
}

static uint64_t count(const fx_t *f, const char *name) {
  int i = cov_find(&f->c, name);
  if (i < 0) fail_msg("no bin %s", name);
  return f->c.count[i];
}

/* root[0] -> L1T; L1T[0] -> L0T; L0T[1] a 4 KiB page (VA 0x1000, non-global, A and D set);
** L1T[1] a 2 MiB page whose PPN has bit 3 set (misaligned at PPN bit 3 alone). */
static int setup(void **state) {
  fx_t *f = calloc(1, sizeof *f);
  mmu_config_t cfg;
  const uint32_t leaf = PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D;
  if (!f) return -1;
  mmu_config_default(&cfg);
  if (mmu_init(&f->m, &cfg)) return -1;
  cov_init(&f->c, "t");
  mmu_mem_write64(&f->m, ROOT, pte_make(L1T >> 12, PTE_V));
  mmu_mem_write64(&f->m, L1T, pte_make(L0T >> 12, PTE_V));
  mmu_mem_write64(&f->m, L0T + 8, pte_make((MB + 0x10000u) >> 12, leaf));
  mmu_mem_write64(&f->m, L1T + 8, pte_make(((MB + 0x200000u) >> 12) | (1u << 3), leaf));
  satp(f, 1);
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fx_t *f = *state;
  mmu_free(&f->m);
  free(f);
  return 0;
}

static void walk_then_hit(void **state) {
  fx_t *f = *state;
  mmu_out_t o = req(f, MMU_OP_R, 0x1000);
  assert_int_equal(o.resp_fault, 0);
  assert_int_equal(count(f, "ok.4K.R.priv-S"), 1);
  assert_int_equal(count(f, "ok.4K.walk"), 1);
  assert_int_equal(count(f, "walk.sv39"), 1);
  assert_int_equal(count(f, "tlb.fill.lru"), 1);
  assert_int_equal(count(f, "tlb.fill.4K"), 1);
  assert_int_equal(count(f, "tlb.evict.lru"), 0);      /* 31 ways still empty */
  assert_int_equal(count(f, "t.pte-from.DRAM"), 3);     /* three tables, three cold lines */
  assert_int_equal(count(f, "t.data-from.DRAM"), 1);
  o = req(f, MMU_OP_R, 0x1008);                          /* same page, same line */
  assert_int_equal(o.resp_fault, 0);
  assert_int_equal(count(f, "ok.4K.tlb-hit"), 1);
  assert_int_equal(count(f, "t.data-from.L1"), 1);      /* the line the first read filled */
  assert_int_equal(count(f, "walk.sv39"), 1);           /* no second walk */
}

static void misaligned_bit(void **state) {
  fx_t *f = *state;
  mmu_out_t o = req(f, MMU_OP_W, 0x200000);
  assert_int_equal(o.resp_fault, 1);
  assert_int_equal(o.resp_cause, CAUSE_STORE_PAGE_FAULT);
  assert_int_equal(count(f, "fault.misaligned.W"), 1);
  assert_int_equal(count(f, "fault.misaligned.priv-S"), 1);
  assert_int_equal(count(f, "fault.misaligned.2M.walk"), 1);
  assert_int_equal(count(f, "misaligned.2M.ppn-bit3"), 1);
  assert_int_equal(count(f, "misaligned.2M.ppn-bit2"), 0);
  assert_int_equal(count(f, "tlb.fill.lru"), 0);        /* a fault never refills */
}

static void sfence_forms(void **state) {
  fx_t *f = *state;
  req(f, MMU_OP_R, 0x1000);                              /* one non-global entry, ASID 1 */
  sfence(f, 1, 0x1000, 1, 2);                            /* another ASID: it stays */
  assert_int_equal(count(f, "sfence.va+asid.miss-nonglobal"), 1);
  assert_int_equal(count(f, "sfence.va+asid.hit-nonglobal"), 0);
  sfence(f, 1, 0x5000, 0, 0);                            /* another page: it stays */
  assert_int_equal(count(f, "sfence.va.miss-nonglobal"), 1);
  sfence(f, 0, 0, 1, 1);                                 /* its ASID: gone */
  assert_int_equal(count(f, "sfence.asid.hit-nonglobal"), 1);
  assert_int_equal(count(f, "sfence.asid.miss-nonglobal"), 0);
  assert_int_equal(count(f, "sfence.all.hit-nonglobal"), 0);   /* nothing left to hit */
}

static void files(void **state) {
  fx_t *f = *state;
  char path[] = "/tmp/mmulab-cov-XXXXXX", err[256];
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  req(f, MMU_OP_R, 0x1000);
  assert_int_equal(cov_save(&f->c, path), 0);
  assert_int_equal(cov_load_add(&f->c, path, err, sizeof err), 0);
  assert_int_equal(count(f, "ok.4K.walk"), 2);           /* its own count added once more */
  FILE *w = fopen(path, "w");
  assert_non_null(w);
  fputs("3 ok.4K.walk\nthree ok.4K.walk\n", w);
  fclose(w);
  assert_int_equal(cov_load_add(&f->c, path, err, sizeof err), -1);
  char want[64];
  snprintf(want, sizeof want, "%s:2: expected 'COUNT BIN-NAME'", path);
  assert_non_null(strstr(err, want));
  remove(path);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(walk_then_hit, setup, teardown),
    cmocka_unit_test_setup_teardown(misaligned_bit, setup, teardown),
    cmocka_unit_test_setup_teardown(sfence_forms, setup, teardown),
    cmocka_unit_test_setup_teardown(files, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
