/*
** test_mmu.c -- the MMU model against docs/timing-contract.md, with
** hand-built page tables.  Every latency below is added up by hand from
** the contract's stage table (LOOKUP 1, L1 4, L2 12, L3 40, DRAM 200).
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

static void build_sv39(mmu_t *m) {
  mmu_mem_write64(m, 0x80001008u, pte_make(0x80002u, PTE_V));
  mmu_mem_write64(m, 0x80001010u, pte_make(0x80000u, USER));
  mmu_mem_write64(m, 0x80002000u, pte_make(0x80003u, PTE_V));
  mmu_mem_write64(m, 0x80002008u, pte_make(0x80400u, USER));
  mmu_mem_write64(m, 0x80003028u, pte_make(0x80010u, USER));
  mmu_mem_write64(m, 0x80003030u, pte_make(0x80011u, USER));
}

/* Drive one control edge. */
static void ctl(mmu_t *m, mmu_in_t in) {
  mmu_out_t o;
  mmu_step(m, &in, &o);
}

static void set_satp(mmu_t *m, uint64_t satp) {
  mmu_in_t in;
  mmu_in_idle(&in);
  in.satp_we = 1;
  in.satp_wdata = satp;
  ctl(m, in);
}

typedef struct {
  uint32_t op, priv, sum, mxr, adue;
  uint64_t wdata;
  int sfence_at;        /* cycle after accept to pulse an sfence (all), or -1 */
} access_opts_t;

static const access_opts_t LOAD_U = { MMU_OP_R, MMU_PRIV_U, 0, 0, 1, 0, -1 };

/* Memory-port activity seen during the last access. */
typedef struct { uint64_t cycle, addr, wdata; int we; } memlog_t;
static memlog_t memlog[16];
static int nmem;

/* Issue one access; returns the response, *lat = cycles accept..response. */
static mmu_out_t access(mmu_t *m, uint64_t va, access_opts_t o, uint64_t *lat) {
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

static int setup(void **state) {
  static fixture_t f;
  mmu_config_t c;
  mmu_config_default(&c);
  assert_int_equal(mmu_init(&f.m, &c), 0);
  build_sv39(&f.m);
  set_satp(&f.m, satp_make(SATP_MODE_SV39, 7, ROOT));
  *state = &f;
  return 0;
}

static int teardown(void **state) {
  fixture_t *f = *state;
  mmu_free(&f->m);
  return 0;
}

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

static void test_faults_and_tlb_independence(void **state) {
  mmu_t *m = &((fixture_t *)*state)->m;
  uint64_t lat;
  /* non-canonical for Sv39: LOOKUP only, cause 13, tval = va */
  mmu_out_t r = access(m, UINT64_C(0x0000004000000000), LOAD_U, &lat);
  assert_int_equal(lat, 1);
  assert_true(r.resp_fault);
  assert_int_equal(r.resp_cause, 13);
  assert_true(r.resp_tval == UINT64_C(0x0000004000000000));
  assert_true(r.resp_paddr == 0);
  /* unmapped page 0x40007000: L0[7] = 0 -> page fault after 3 PTE reads,
  ** all DRAM (cold): 1 + 600 */
  access_opts_t st = LOAD_U;
  st.op = MMU_OP_W;
  r = access(m, 0x40007000u, st, &lat);
  assert_int_equal(lat, 601);
  assert_int_equal(r.resp_cause, 15);
  /* S-mode load of a U page without SUM: the walk says 13 ... */
  access_opts_t s = LOAD_U;
  s.priv = MMU_PRIV_S;
  r = access(m, 0x40005000u, s, &lat);
  assert_int_equal(r.resp_cause, 13);
  assert_false(r.resp_tlb_hit);
  assert_int_equal(lat, 1 + 4 + 4 + 4);   /* all three PTE lines in L1 now */
  /* ... faults are not cached, so cache it from U mode, then the hit says 13 too */
  access(m, 0x40005000u, LOAD_U, &lat);
  r = access(m, 0x40005000u, s, &lat);
  assert_true(r.resp_tlb_hit);
  assert_int_equal(r.resp_cause, 13);
  assert_int_equal(lat, 1);
  /* S fetch of a U page never works, even with SUM: cause 12 */
  s.op = MMU_OP_X;
  s.sum = 1;
  r = access(m, 0x40005000u, s, &lat);
  assert_int_equal(r.resp_cause, 12);
  /* 13: the non-canonical load, the S walk, the S hit */
  assert_int_equal(m->cnt.faults[13], 3);
  assert_int_equal(m->cnt.faults[12], 1);
  assert_int_equal(m->cnt.faults[15], 1);
}

static void test_access_faults(void **state) {
  mmu_t *m = &((fixture_t *)*state)->m;
  uint64_t lat;
  /* L0[8] points at a page outside memory (0x1000): access fault 5 after
  ** the data stage's first cycle: 1 + 3 PTEs + 1.  PTEs: root[1] 0x80001008
  ** (cold 200), L1[0] 0x80002000 (200), L0[8] 0x80003040 (cold, new line: 200) */
  mmu_mem_write64(m, 0x80003040u, pte_make(0x1u, USER));
  mmu_out_t r = access(m, 0x40008000u, LOAD_U, &lat);
  assert_int_equal(r.resp_cause, 5);
  assert_int_equal(lat, 1 + 600 + 1);
  /* root[3] points at a table outside memory (ppn 0x10 = 0x10000): the
  ** level-1 PTE fetch is an access fault, 7 for a store.  root[3] is at
  ** 0x80001018, in the line 0x80001000 that root[1] brought into L1:
  ** 1 + 4 + 1 */
  mmu_mem_write64(m, 0x80001018u, pte_make(0x10u, PTE_V));
  access_opts_t st = LOAD_U;
  st.op = MMU_OP_W;
  r = access(m, 0xc0000000u, st, &lat);
  assert_int_equal(r.resp_cause, 7);
  assert_int_equal(lat, 1 + 4 + 1);
  assert_true(r.resp_tval == UINT64_C(0xc0000000));
}

static void test_svadu_sets_a_and_d(void **state) {
  mmu_t *m = &((fixture_t *)*state)->m;
  uint64_t lat;
  uint64_t clean = pte_make(0x80011u, PTE_V | PTE_R | PTE_W | PTE_U);
  mmu_mem_write64(m, 0x80003030u, clean);
  /* load: walk (3 cold PTEs), ADR re-read (line in L1: 4), AD write of A
  ** (L1: 4), data cold 200 (contract section 3a) */
  mmu_out_t r = access(m, 0x40006000u, LOAD_U, &lat);
  assert_false(r.resp_fault);
  assert_int_equal(lat, 1 + 600 + 4 + 4 + 200);
  assert_true(mmu_mem_read64(m, 0x80003030u) == (clean | PTE_A));
  assert_int_equal(nmem, 6);
  assert_true(!memlog[3].we && memlog[3].addr == UINT64_C(0x80003030));   /* ADR */
  assert_int_equal(memlog[3].cycle, 602);
  assert_true(memlog[4].we && memlog[4].addr == UINT64_C(0x80003030));    /* AD */
  assert_true(memlog[4].wdata == (clean | PTE_A));
  assert_int_equal(memlog[4].cycle, 606);
  /* store: the TLB entry is clean, so it walks again (a miss) to set D:
  ** 1 + 4*3 + ADR 4 + AD 4 + data L1 4 */
  access_opts_t st = LOAD_U;
  st.op = MMU_OP_W;
  r = access(m, 0x40006000u, st, &lat);
  assert_false(r.resp_tlb_hit);
  assert_int_equal(lat, 1 + 12 + 4 + 4 + 4);
  assert_true(mmu_mem_read64(m, 0x80003030u) == (clean | PTE_A | PTE_D));
  /* now a store hits */
  r = access(m, 0x40006000u, st, &lat);
  assert_true(r.resp_tlb_hit);
  assert_int_equal(lat, 5);
  assert_int_equal(m->cnt.ad_writes, 2);
  assert_int_equal(m->cnt.tlb_misses, 2);
}

static void test_svade_faults(void **state) {
  mmu_t *m = &((fixture_t *)*state)->m;
  uint64_t lat;
  uint64_t noa = pte_make(0x80011u, PTE_V | PTE_R | PTE_W | PTE_U);
  mmu_mem_write64(m, 0x80003030u, noa);
  access_opts_t ld = LOAD_U;
  ld.adue = 0;
  mmu_out_t r = access(m, 0x40006000u, ld, &lat);
  assert_int_equal(r.resp_cause, 13);
  assert_true(mmu_mem_read64(m, 0x80003030u) == noa);   /* no hardware update */
  /* OS sets A; the load succeeds and is cached with D = 0 */
  mmu_mem_write64(m, 0x80003030u, noa | PTE_A);
  r = access(m, 0x40006000u, ld, &lat);
  assert_false(r.resp_fault);
  /* a store hits the clean entry: Svade fault 15 from the TLB, latency 1 */
  ld.op = MMU_OP_W;
  r = access(m, 0x40006000u, ld, &lat);
  assert_true(r.resp_tlb_hit);
  assert_int_equal(r.resp_cause, 15);
  assert_int_equal(lat, 1);
  assert_int_equal(m->cnt.ad_writes, 0);
}

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
    cmocka_unit_test_setup_teardown(test_cold_walk_then_hits, setup, teardown),
    cmocka_unit_test_setup_teardown(test_store_and_load_data, setup, teardown),
    cmocka_unit_test_setup_teardown(test_superpages, setup, teardown),
    cmocka_unit_test_setup_teardown(test_faults_and_tlb_independence, setup, teardown),
    cmocka_unit_test_setup_teardown(test_access_faults, setup, teardown),
    cmocka_unit_test_setup_teardown(test_svadu_sets_a_and_d, setup, teardown),
    cmocka_unit_test_setup_teardown(test_svade_faults, setup, teardown),
    cmocka_unit_test_setup_teardown(test_sfence_during_walk_drops_refill, setup, teardown),
    cmocka_unit_test_setup_teardown(test_asid_and_global, setup, teardown),
    cmocka_unit_test_setup_teardown(test_bare_and_satp_warl, setup, teardown),
    cmocka_unit_test(test_pte_from_l2_and_l3),
    cmocka_unit_test(test_sv48_four_levels),
    cmocka_unit_test(test_config_check),
  };
  return cmocka_run_group_tests_name("mmu", tests, NULL, NULL);
}
