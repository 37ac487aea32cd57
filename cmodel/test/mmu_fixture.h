/*
** mmu_fixture.h -- the fixture of the MMU model's tests (test_mmu*.c): a
** hand-built Sv39 page table, an access driven cycle by cycle from offer to
** response with the memory port logged, and a fresh model per test.
** Latencies in the tests are added up by hand from docs/timing-contract.md
** (LOOKUP 1, L1 4, L2 12, L3 40, DRAM 200).
*/
#ifndef MMULAB_MMU_FIXTURE_H
#define MMULAB_MMU_FIXTURE_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "mmu.h"
#include "riscv.h"
#include "mmu_port.h"

/* A hand-built Sv39 table (ppn = pa >> 12):
**   root   0x80001000: [1] -> 0x80002000      (va 0x4000_0000..0x7fff_ffff)
**                      [2] -> 1 GiB leaf 0x80000000 (va 0x8000_0000..)
**   L1     0x80002000: [0] -> 0x80003000, [1] -> 2 MiB leaf 0x80400000
**   L0     0x80003000: [5] -> 0x80010000 (va 0x40005000), [6] -> 0x80011000
*/
#define ROOT 0x80001u
#define USER (PTE_V | PTE_R | PTE_W | PTE_X | PTE_U | PTE_A | PTE_D)

typedef struct {
  mmu_t m;
  uint64_t satp;
} fixture_t;

static inline void build_sv39(mmu_t *m) {
  mmu_mem_write64(m, 0x80001008u, pte_make(0x80002u, PTE_V));
  mmu_mem_write64(m, 0x80001010u, pte_make(0x80000u, USER));
  mmu_mem_write64(m, 0x80002000u, pte_make(0x80003u, PTE_V));
  mmu_mem_write64(m, 0x80002008u, pte_make(0x80400u, USER));
  mmu_mem_write64(m, 0x80003028u, pte_make(0x80010u, USER));
  mmu_mem_write64(m, 0x80003030u, pte_make(0x80011u, USER));
}

/* Drive one control edge. */
static inline void ctl(mmu_t *m, mmu_in_t in) {
  mmu_out_t o;
  mmu_step(m, &in, &o);
}

static inline void set_satp(mmu_t *m, uint64_t satp) {
  mmu_in_t in;
  mmu_in_idle(&in);
  in.satp_we = 1;
  in.satp_wdata = satp;
  ctl(m, in);
}

/* Cycles after the accepting edge (1 = LOOKUP) whose mem_stall input is 1: [from, to]
** (docs/timing-contract.md 2b; the accept cycle, 0, never stalls here). */
typedef struct {
  uint64_t from, to;
} stall_run_t;

typedef struct {
  uint32_t op, priv, sum, mxr, adue;
  uint64_t wdata;
  int sfence_at;        /* cycle after accept to pulse an sfence (all), or -1 */
  const stall_run_t *stalls;   /* mem_stall = 1 in these runs of cycles (none: NULL, 0) */
  int nstalls;
} access_opts_t;

static const access_opts_t LOAD_U = { MMU_OP_R, MMU_PRIV_U, 0, 0, 1, 0, -1, NULL, 0 };

/* Memory-port activity seen during the last access (one log per test
** program: its tests run one after the other). */
typedef struct {
  uint64_t cycle, addr, wdata;
  int we;
} memlog_t;
static memlog_t memlog[16];
static int nmem;

/* Issue one access; returns the response, *lat = cycles accept..response. */
static inline mmu_out_t access(mmu_t *m, uint64_t va, access_opts_t o, uint64_t *lat) {
  mmu_in_t in;
  mmu_out_t out;
  mmu_in_idle(&in);
  in.req_valid = 1;
  in.req_vaddr = va;
  in.req_op = (uint8_t)o.op;
  in.req_priv = (uint8_t)o.priv;
  in.csr_sum = (uint8_t)o.sum;
  in.csr_mxr = (uint8_t)o.mxr;
  in.csr_adue = (uint8_t)o.adue;
  in.req_wdata = o.wdata;
  mmu_step(m, &in, &out);
  assert_true(out.req_ready);   /* the MMU is idle between accesses */
  uint64_t n = 0;
  nmem = 0;
  for (;;) {
    mmu_in_idle(&in);
    n++;
    if (o.sfence_at >= 0 && (uint64_t)o.sfence_at == n) in.sfence_valid = 1;
    for (int i = 0; i < o.nstalls; i++)
      if (n >= o.stalls[i].from && n <= o.stalls[i].to) in.mem_stall = 1;
    mmu_step(m, &in, &out);
    assert_false(out.req_ready);
    if (out.mem_valid && nmem < 16) {
      memlog_t e = { n, out.mem_addr, out.mem_wdata, out.mem_we };
      memlog[nmem++] = e;
    }
    if (out.resp_valid) break;
    assert_true(n < 100000);
  }
  *lat = n;
  return out;
}

static inline int setup(void **state) {
  static fixture_t f;
  mmu_config_t c;
  mmu_config_default(&c);
  assert_int_equal(mmu_init(&f.m, &c), 0);
  build_sv39(&f.m);
  set_satp(&f.m, satp_make(SATP_MODE_SV39, 7, ROOT));
  *state = &f;
  return 0;
}

static inline int teardown(void **state) {
  fixture_t *f = *state;
  mmu_free(&f->m);
  return 0;
}

#endif
