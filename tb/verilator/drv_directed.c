/*
** drv_directed.c -- directed scenarios of the lockstep driver (-d NAME, drv.h): sequences the
** random stimulus reaches rarely or never, each with its reasoning in docs/rtl-bugs.md or the
** contract.
*/
#include <stdio.h>
#include <string.h>
#include "drv.h"
#include "mmu_port.h"

/* ---- directed scenarios (-d NAME): sequences the random driver reaches rarely or never,
** each the stimulus of one deliberate RTL bug of docs/rtl-bugs.md.  Same tables as the
** random run; every cycle is compared exactly as there. ---- */

#define D_SV39(asid) satp_make(SATP_MODE_SV39, (asid), SV39_ROOT >> 12)

/* One cycle of both; *om gets the model's outputs.  1 on a mismatch (in a replay: once
** the run has stopped, which the scenario's end or lockstep_finish_wave completes). */
static int d_step(lk_t *k, const mmu_in_t *in, mmu_out_t *om) {
  drv_step(k, in, om);
  return k->ls.mismatch;
}

static int d_control(lk_t *k, const mmu_in_t *in) {
  mmu_out_t om;
  return d_step(k, in, &om);
}

static int d_satp(lk_t *k, uint64_t satp) {
  mmu_in_t in;
  mmu_in_idle(&in);
  in.satp_we = 1;
  in.satp_wdata = k->satp = satp;
  return d_control(k, &in);
}

static void d_fence(mmu_in_t *in, int has_va, uint64_t va, int has_asid, uint16_t asid) {
  in->sfence_valid = 1;
  in->sfence_has_va = (uint8_t)has_va;
  in->sfence_vaddr = va;
  in->sfence_has_asid = (uint8_t)has_asid;
  in->sfence_asid = asid;
}

static int d_sfence(lk_t *k, int has_va, uint64_t va, int has_asid, uint16_t asid) {
  mmu_in_t in;
  mmu_in_idle(&in);
  d_fence(&in, has_va, va, has_asid, asid);
  return d_control(k, &in);
}

/* The edge ending this cycle refills the TLB if nothing cancels it: the last cycle of a leaf
** PTE stage that needs no A/D write, or of the AD stage (contract section 4, "Refill"). */
static int d_refill_edge(const mmu_t *m) {
  if (m->first_q || m->left_q != 1) return 0;
  if (m->state_q == MMU_AD) return 1;
  return m->state_q == MMU_PTE && ptw_decide(m->pte_q, m->level_q, &m->req_q).action == PTW_LEAF;
}

/* Offer one request (the MMU must be idle) and run until its response.  at_refill, when not
** NULL, is merged into the inputs of the refill edge; *fired says whether that edge came.
** Returns 1 on a mismatch, 2 on a hang. */
static int d_req(lk_t *k, uint8_t op, uint64_t va, uint8_t priv, uint8_t adue, const mmu_in_t *at_refill,
                 int *fired) {
  mmu_in_t in;
  mmu_out_t om;
  uint32_t n;
  mmu_in_idle(&in);
  in.req_valid = 1;
  in.req_op = op;
  in.req_priv = priv;
  in.req_vaddr = va;
  in.req_wdata = UINT64_C(0x5eed000000000000) | k->cycle;
  in.csr_adue = adue;
  if (d_step(k, &in, &om)) return 1;
  for (n = 0; n < HANG_CYCLES; n++) {
    mmu_in_idle(&in);
    if (at_refill && d_refill_edge(&k->m)) {
      in = *at_refill;
      lockstep_note(&k->ls, "control at the refill edge", in.sfence_vaddr, in.sfence_asid);
      if (fired) *fired = 1;
    }
    if (d_step(k, &in, &om)) return 1;
    if (om.resp_valid) return 0;
  }
  printf("lockstep: directed request 0x%llx: no response\n", (unsigned long long)va);
  return 2;
}

#define D_TRY(x)       \
  do {                 \
    int r_ = (x);      \
    if (r_) return r_; \
  } while (0)
#define S MMU_PRIV_S

/* bug 1: a 1 GiB leaf read from DRAM, then DATA: the model's DATA stage starts one cycle
** before the RTL's walk ends. */
static int sc_walk(lk_t *k) {
  return d_req(k, MMU_OP_R, UINT64_C(0x40000000) + 0x1000000u, S, 1, NULL, NULL);
}

/* bug 2: 33 pages through a full 32-way TLB, then the first page again. */
static int sc_lru(lk_t *k) {
  uint32_t i;
  for (i = 0; i < 40; i++)   /* usable 4 KiB leaves in L0A, VA i*4 KiB -> MB+16 MiB+i*4 KiB */
    wr(k, L0A + 8u * i, pte(MB + 0x1000000u + 4096u * i, PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D));
  for (i = 0; i <= k->m.tlb.entries; i++) D_TRY(d_req(k, MMU_OP_R, 4096u * i, S, 1, NULL, NULL));
  return d_req(k, MMU_OP_R, 0, S, 1, NULL, NULL);
}

/* bug 3: one VA in ASID 1, then in ASID 2 (same tables: only the timing can differ). */
static int sc_asid(lk_t *k) {
  D_TRY(d_req(k, MMU_OP_R, UINT64_C(0x40001000), S, 1, NULL, NULL));
  D_TRY(d_satp(k, D_SV39(2)));
  return d_req(k, MMU_OP_R, UINT64_C(0x40001000), S, 1, NULL, NULL);
}

/* bug 4: a 2 MiB page under the global pointer root[7], an sfence of its ASID, the page again. */
static int sc_global(lk_t *k) {
  const uint64_t va = UINT64_C(0x1c0200000);
  D_TRY(d_req(k, MMU_OP_R, va, S, 1, NULL, NULL));
  D_TRY(d_sfence(k, 0, 0, 1, 1));
  return d_req(k, MMU_OP_R, va, S, 1, NULL, NULL);
}

/* bug 5: a Svadu load from the 1 GiB page root[10] whose A and D are clear. */
static int sc_svadu(lk_t *k) { return d_req(k, MMU_OP_R, UINT64_C(0x280001000), S, 1, NULL, NULL); }

/* bug 6: a Svadu load from the misaligned 2 MiB page L1A[9] whose A and D are clear. */
static int sc_misaligned_clean(lk_t *k) { return d_req(k, MMU_OP_R, UINT64_C(0x1200040), S, 1, NULL, NULL); }

/* bug 7: a load from the misaligned 2 MiB page L1A[7] (A and D set: no A/D write). */
static int sc_misaligned(lk_t *k) { return d_req(k, MMU_OP_R, UINT64_C(0xe00040), S, 1, NULL, NULL); }

/* bug 8: a load through root[9], a pointer with U set. */
static int sc_nonleaf(lk_t *k) { return d_req(k, MMU_OP_R, UINT64_C(0x240200000), S, 1, NULL, NULL); }

/* bug 9: sfence of the very VA at the edge that refills it (rs1 != x0), then the VA again. */
static int sc_refill_sfence(lk_t *k) {
  const uint64_t va = UINT64_C(0x40002000);
  mmu_in_t f;
  int fired = 0;
  mmu_in_idle(&f);
  d_fence(&f, 1, va, 0, 0);
  D_TRY(d_req(k, MMU_OP_R, va, S, 1, &f, &fired));
  if (!fired) {
    printf("lockstep: directed refill-sfence: the refill edge never came\n");
    return 2;
  }
  return d_req(k, MMU_OP_R, va, S, 1, NULL, NULL);
}

/* bug 10: Svade: a load fills the D-clear 2 MiB page L1A[6], then a store hits it. */
static int sc_hit_cause(lk_t *k) {
  D_TRY(d_req(k, MMU_OP_R, UINT64_C(0xc00000), S, 0, NULL, NULL));
  return d_req(k, MMU_OP_W, UINT64_C(0xc00000), S, 0, NULL, NULL);
}

/* ---- scenarios for any TLB shape (scenario_t.any_tlb): no index or LRU reasoning, so the
** small, lk2 and tlb_ram builds run them too (the mutants' ram configuration, docs/mutants.md).
** Each checks on the model that the case it is about came (the valid TLB entries it made), so
** it cannot pass by never reaching it. ---- */

/* How many 4 KiB entries of the model's TLB a lookup of vpn in ASID 1 (the scenarios' satp)
** matches (tlb_entry_matches) whose PPN has every bit of ppn_mask set. */
static uint32_t d_tlb_count(const lk_t *k, uint64_t vpn, uint64_t ppn_mask) {
  uint32_t n = 0;
  for (uint32_t i = 0; i < k->m.tlb.entries; i++) {
    const tlb_entry_t *e = &k->m.tlb.e[i];
    if (e->level == 0 && tlb_entry_matches(e, vpn, 1) && (e->ppn & ppn_mask) == ppn_mask) n++;
  }
  return n;
}

/* A leaf whose PPN has bit 36 (then bit 43) set: pa past 2^48 (2^55), outside memory, so an
** access fault on the walk and again on the TLB hit that follows; the hit's PPN must keep the
** high bits (the fill's PPN mask: tb/mutants/scenarios/ppn_high.scn for the model alone). */
static int sc_ppn_high(lk_t *k) {
  static const uint32_t bit[] = { 36, 43 };
  const uint32_t rwx = PTE_R | PTE_W | PTE_X, ad = PTE_A | PTE_D;
  for (uint32_t i = 0; i < 2; i++) {
    const uint64_t va = 4096u * (60u + i); /* root[0] -> L1A[0] -> L0A[60 + i] */
    const uint64_t pa = MB + 0x1000000u + 4096u * i + ((uint64_t)1 << (bit[i] + 12));
    wr(k, L0A + 8u * (60u + i), pte(pa, PTE_V | rwx | ad));
    D_TRY(d_req(k, MMU_OP_R, va + 0x10, S, 1, NULL, NULL));   /* walk: access fault */
    if (d_tlb_count(k, va >> 12, (uint64_t)1 << bit[i]) != 1) {
      fprintf(stderr, "test_lockstep: ppn-high: the model holds no entry with PPN bit %u\n", bit[i]);
      return 2;
    }
    D_TRY(d_req(k, MMU_OP_R, va + 0x18, S, 1, NULL, NULL));   /* hit: access fault again */
  }
  return 0;
}

/* Two 4 KiB entries of one VA that both match a lookup: ASID 1's, then a global one made from
** the same leaf rewritten (G, another PPN) and walked in ASID 2 (an OS that broke "G means
** global everywhere"); back in ASID 1 the lowest index (the lowest way of the set) wins,
** within one page size (contract section 5; tb/mutants/scenarios/tlb_same_level.scn). */
static int sc_same_level(lk_t *k) {
  const uint32_t rwx = PTE_R | PTE_W | PTE_X, ad = PTE_A | PTE_D;
  const uint64_t va = 4096u * 62u; /* root[0] -> L1A[0] -> L0A[62] */
  wr(k, L0A + 8u * 62u, pte(MB + 0x1010000u, PTE_V | rwx | ad));
  D_TRY(d_req(k, MMU_OP_R, va + 0x20, S, 1, NULL, NULL));   /* walk: ASID 1's entry */
  wr(k, L0A + 8u * 62u, pte(MB + 0x1013000u, PTE_V | rwx | ad | PTE_G));
  D_TRY(d_satp(k, D_SV39(2)));
  D_TRY(d_req(k, MMU_OP_R, va + 0x20, S, 1, NULL, NULL));   /* misses it: the global entry */
  if (d_tlb_count(k, va >> 12, 0) != 2) {
    fprintf(stderr, "test_lockstep: same-level: the model holds no two entries that ASID 1 matches\n");
    return 2;
  }
  D_TRY(d_satp(k, D_SV39(1)));
  D_TRY(d_req(k, MMU_OP_R, va + 0x20, S, 1, NULL, NULL));   /* both match: ASID 1's */
  return d_req(k, MMU_OP_W, va + 0x28, S, 1, NULL, NULL);
}

/* ---- ad-cas: the leaf PTE changes during the walk (contract 3a, the A/D compare-and-set).
** Each request walks root[0] -> L1A[0] -> L0A[i] to a clean leaf (A = D = 0, Svadu); the
** backdoor writes L0A[i] on both sides before the step of ADR's cycle `at` (0 = its first
** cycle, whose edge makes the re-read; 1 = the next, inside the window the compare does not
** close).  The model must have done what the case says (checked on its counters), so the
** scenario cannot pass by never reaching the re-read. ---- */

/* One request with the leaf at `leaf` replaced by v in ADR cycle `at`; *retried gets the
** number of failed compares.  1 mismatch, 2 hang or the ADR never came. */
static int d_req_cas(lk_t *k, uint8_t op, uint64_t va, uint64_t leaf, uint64_t v, uint32_t at,
                     uint64_t *retried) {
  mmu_in_t in;
  mmu_out_t om;
  uint64_t before = k->m.cnt.ad_retries, adr = 0;
  int written = 0;
  mmu_in_idle(&in);
  in.req_valid = 1;
  in.req_op = op;
  in.req_priv = MMU_PRIV_S;
  in.req_vaddr = va;
  in.req_wdata = UINT64_C(0xca5000000000) | k->cycle;
  in.csr_adue = 1;
  if (d_step(k, &in, &om)) return 1;
  for (uint32_t n = 0; n < HANG_CYCLES; n++) {
    mmu_in_idle(&in);
    if (k->m.state_q == MMU_ADR && !written && adr++ == at) {
      wr(k, leaf, v);
      lockstep_note(&k->ls, "ad-cas: leaf written in ADR", leaf, v);
      written = 1;
    }
    if (d_step(k, &in, &om)) return 1;
    if (om.resp_valid) {
      *retried = k->m.cnt.ad_retries - before;
      if (written) return 0;
      printf("lockstep: directed ad-cas: request 0x%llx never reached ADR cycle %u\n", (unsigned long long)va,
             at);
      return 2;
    }
  }
  printf("lockstep: directed ad-cas: request 0x%llx: no response\n", (unsigned long long)va);
  return 2;
}

static int sc_ad_cas(lk_t *k) {
  const uint32_t rwx = PTE_R | PTE_W | PTE_X;
  struct {
    uint8_t op;
    uint32_t i;
    uint64_t to;
    uint32_t at;
    int sv48;
    uint64_t retries;
  } c[] = {
    { MMU_OP_R, 0x20, pte(MB + 0x1100000u, PTE_V | rwx | PTE_A), 0, 0, 1 },          /* new valid leaf */
    { MMU_OP_W, 0x21, pte(MB + 0x1101000u, PTE_V | rwx), 0, 0, 1 },                  /* new clean leaf */
    { MMU_OP_R, 0x22, 0, 0, 0, 1 },                                                  /* V = 0: fault */
    { MMU_OP_X, 0x23, pte(MB + 0x1103000u, PTE_V | PTE_R | PTE_W), 0, 0, 1 },        /* no X: fault */
    { MMU_OP_W, 0x24, pte(MB + 0x1104000u, PTE_V | rwx | PTE_A | PTE_D), 1, 0, 0 },  /* lost write */
    { MMU_OP_R, 0x25, pte(MB + 0x1105000u, PTE_V | rwx | PTE_A), 0, 1, 1 },          /* Sv48 re-walk */
  };
  for (uint32_t j = 0; j < sizeof c / sizeof c[0]; j++) {
    uint64_t leaf = L0A + 8u * c[j].i, va = 4096u * c[j].i, retried = 0;
    wr(k, leaf, pte(MB + 0x1000000u + 4096u * c[j].i, PTE_V | rwx));   /* clean: needs A */
    D_TRY(d_satp(k, c[j].sv48 ? satp_make(SATP_MODE_SV48, 1, SV48_ROOT >> 12) : D_SV39(1)));
    D_TRY(d_req_cas(k, c[j].op, va, leaf, c[j].to, c[j].at, &retried));
    if (retried != c[j].retries) {
      printf("lockstep: directed ad-cas case %u: %llu failed compares, expected %llu\n", j,
             (unsigned long long)retried, (unsigned long long)c[j].retries);
      return 2;
    }
  }
  return d_satp(k, D_SV39(1));
}
#undef S

static const scenario_t scenarios[] = {
  { "walk", sc_walk, 0 },
  { "lru", sc_lru, 0 },
  { "asid", sc_asid, 0 },
  { "global", sc_global, 0 },
  { "svadu", sc_svadu, 0 },
  { "misaligned-clean", sc_misaligned_clean, 0 },
  { "misaligned", sc_misaligned, 0 },
  { "nonleaf", sc_nonleaf, 0 },
  { "refill-sfence", sc_refill_sfence, 0 },
  { "hit-cause", sc_hit_cause, 0 },
  { "ad-cas", sc_ad_cas, 0 },
  { "ppn-high", sc_ppn_high, 1 },
  { "same-level", sc_same_level, 1 },
};
#define NSCENARIOS (sizeof scenarios / sizeof scenarios[0])

const scenario_t *drv_find_scenario(const char *name) {
  for (size_t i = 0; i < NSCENARIOS; i++)
    if (!strcmp(scenarios[i].name, name)) return &scenarios[i];
  fprintf(stderr, "test_lockstep: unknown scenario '%s'; known:", name);
  for (size_t i = 0; i < NSCENARIOS; i++) fprintf(stderr, " %s", scenarios[i].name);
  fputc('\n', stderr);
  return NULL;
}

int drv_scenario_begin(lk_t *k) { return d_satp(k, D_SV39(1)); }
