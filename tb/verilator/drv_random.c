/*
** drv_random.c -- the random stimulus of the lockstep driver (drv.h): requests with locality,
** satp writes, sfences and flushes at the edges that matter, backdoor PTE writes, and with -X
** short planned sequences that fill the TLB, conflict in the caches and reach every fault rule.
*/
#include <string.h>
#include "drv.h"
#include "mmu_port.h"

/* A virtual address: mostly mapped regions, with a small working set per region so the
** caches and the TLB hit too, plus unmapped, odd and non-canonical ones. */
static uint64_t random_va_new(lk_t *k) {
  rng_t *r = &k->r;
  uint64_t off = 64u * below(r, 8) + 8u * below(r, 8) + (chance(r, 50) ? below(r, 8) : 0);
  uint32_t t = below(r, 100);
  if (t < 30) return 4096u * below(r, 512) + off;                               /* L0A */
  if (t < 40) return 0xa00000u + 4096u * below(r, 512) + off;                   /* L0B */
  if (t < 55) return 0x200000u * (1u + below(r, 9)) + 4096u * below(r, 4) + off;   /* L1A leaves */
  if (t < 67) return (UINT64_C(0x40000000) * (1u + below(r, 10))) + 0x1000000u + 4096u * below(r, 8) + off;
  if (t < 72) return UINT64_C(0xffffffffc0000000) + 0x200000u * below(r, 3) + 4096u * below(r, 4) + off;
  if (t < 77) return UINT64_C(0x1c0000000) + 0x200000u * below(r, 2) + 4096u * below(r, 8) + off;
  if (t < 85) return (UINT64_C(1) << 39) * (1u + below(r, 3)) + MB + 0x1000000u + 4096u * below(r, 8) + off;
  if (t < 88) return UINT64_C(0xffff800000000000) + UINT64_C(0x7fffc0000000) + 4096u * below(r, 4) + off;
  if (t < 94) return rnd(r);                                                     /* mostly non-canonical */
  return 4096u * below(r, 1u << 20) + off;                                       /* mostly unmapped */
}

/* Most addresses reuse a page of a small hot list (TLB and cache hits), the rest are new. */
static uint64_t random_va(lk_t *k) {
  rng_t *r = &k->r;
  uint64_t va;
  if (satp_mode(k->satp) == SATP_MODE_BARE && chance(r, 700))   /* physical addresses */
    return MB + 0x1000000u + 4096u * below(r, 32) + 64u * below(r, 8) + 8u * below(r, 8);
  if (k->nhot && chance(r, 650)) {
    va = k->hot[below(r, k->nhot)] & ~UINT64_C(0xfff);
    return va | (64u * below(r, 8) + 8u * below(r, 8) + (chance(r, 50) ? below(r, 8) : 0));
  }
  va = random_va_new(k);
  if (k->nhot < HOT) k->hot[k->nhot++] = va;
  else k->hot[below(r, HOT)] = va;
  return va;
}

static uint64_t random_satp(lk_t *k) {
  rng_t *r = &k->r;
  uint32_t t = below(r, 100), asid = below(r, ASIDS);
  if (t < 40) return satp_make(SATP_MODE_SV39, asid, SV39_ROOT >> 12);
  if (t < 70) return satp_make(SATP_MODE_SV48, asid, SV48_ROOT >> 12);
  if (t < 80) return satp_make(SATP_MODE_BARE, 0, 0);
  if (t < 89) return (rnd(r) & ~(UINT64_C(0xf) << 60)) | ((uint64_t)(1u + below(r, 7)) << 60); /* ignored */
  if (t < 90) return rnd(r); /* anything, even a stray root */
  return satp_make(SATP_MODE_SV39, asid, (t & 1 ? L1A : SV48_ROOT) >> 12); /* odd roots */
}

static void random_sfence(lk_t *k, mmu_in_t *in) {
  rng_t *r = &k->r;
  in->sfence_valid = 1;
  in->sfence_has_va = (uint8_t)below(r, 2);
  in->sfence_has_asid = (uint8_t)below(r, 2);
  in->sfence_vaddr = random_va(k);
  in->sfence_asid = (uint16_t)below(r, ASIDS);
}

static plan_t *plan_add(lk_t *k, uint8_t kind) {
  static plan_t spare;
  if (k->plan_n >= PLAN_MAX) return &spare; /* full: the step is dropped */
  plan_t *p = &k->plan[k->plan_n++];
  memset(p, 0, sizeof *p);
  p->kind = kind;
  return p;
}
static void plan_satp(lk_t *k, uint64_t satp) { plan_add(k, P_SATP)->satp = satp; }
static void plan_req(lk_t *k, uint8_t op, uint8_t priv, uint64_t va) {
  plan_t *p = plan_add(k, P_REQ);
  p->op = op;
  p->priv = priv;
  p->va = va;
  p->sum = (uint8_t)chance(&k->r, 500);
  p->mxr = (uint8_t)chance(&k->r, 500);
  p->adue = (uint8_t)chance(&k->r, 500);
}
static void plan_sfence(lk_t *k, int has_va, uint64_t va, int has_asid, uint16_t asid) {
  plan_t *p = plan_add(k, P_SFENCE);
  p->has_va = (uint8_t)has_va;
  p->va = va;
  p->has_asid = (uint8_t)has_asid;
  p->asid = asid;
}
static uint8_t rnd_op(lk_t *k) { return (uint8_t)below(&k->r, 3); }
/* Mostly the classic ASIDs 0..3 (entries get reused), sometimes any 16-bit one. */
static uint16_t mix_asid(lk_t *k) {
  return (uint16_t)(chance(&k->r, 250) ? rnd(&k->r) : below(&k->r, ASIDS));
}
static uint64_t rnd_off(lk_t *k) { return 8u * below(&k->r, 512); }
#define SV39(a) satp_make(SATP_MODE_SV39, (a), SV39_ROOT >> 12)
#define SV48(a) satp_make(SATP_MODE_SV48, (a), SV48_ROOT >> 12)

/* Fill the TLB past full with distinct usable 4 KiB pages (a third global), then an sfence
** of a random form, then some of the pages again. */
static void recipe_fill(lk_t *k) {
  uint16_t asid = mix_asid(k);
  uint32_t n = k->m.tlb.entries + 2u * k->m.tlb.sets + 4u, start = below(&k->r, 500);
  uint64_t some = 0;
  plan_satp(k, chance(&k->r, 500) ? SV39(asid) : SV48(asid));
  for (uint32_t i = 0; i < n && i < 200; i++) {
    uint32_t pg = (start + i) % 500u;
    uint64_t va =
        (chance(&k->r, 333) ? UINT64_C(0x1c0400000) : UINT64_C(0x1400000)) + 4096u * pg + rnd_off(k);
    plan_req(k, (uint8_t)below(&k->r, 2), MMU_PRIV_S, va);
    k->plan[k->plan_n - 1].sum = 1;
    if (chance(&k->r, 100)) some = va;
    if (!some) some = va;
  }
  plan_sfence(k, chance(&k->r, 500), chance(&k->r, 700) ? some : random_va_new(k), chance(&k->r, 500),
              (uint16_t)(chance(&k->r, 600) ? asid : below(&k->r, ASIDS)));
  for (uint32_t i = 0; i < 8; i++)
    plan_req(k, MMU_OP_R, MMU_PRIV_S, UINT64_C(0x1400000) + 4096u * ((start + below(&k->r, n)) % 500u));
}

/* Conflict reads that push one line out of L1 and L2 (same L2 set, hence same L1 set) while
** it stays in L3; then the line is used again: a data read, or a walk reading that PTE. */
static void conflict_burst(lk_t *k, uint64_t target) {
  const cache_t *c = &k->m.cache;
  uint64_t line = UINT64_C(1) << c->line_shift, stride = (uint64_t)c->lvl[1].sets * line;
  uint32_t n = 2u * (c->lvl[0].ways + c->lvl[1].ways) + 2u;
  target &= ~(line - 1u);
  for (uint32_t j = 1; j <= n; j++) {
    uint64_t a = target + stride * j;
    if (a + line > MEM_END) a = target - stride * j;
    plan_req(k, MMU_OP_R, MMU_PRIV_S, a + 8u * below(&k->r, (uint32_t)(line / 8u)));
  }
}
static void recipe_cache(lk_t *k) {
  uint16_t asid = mix_asid(k);
  if (chance(&k->r, 500)) { /* data */
    uint64_t pa = MB + 0x3000000u + 64u * below(&k->r, 1u << 16);
    plan_satp(k, satp_make(SATP_MODE_BARE, 0, 0));
    plan_req(k, MMU_OP_R, MMU_PRIV_S, pa);
    conflict_burst(k, pa);
    plan_req(k, MMU_OP_R, MMU_PRIV_S, pa);
    plan_satp(k, SV39(asid));
    return;
  }
  /* a PTE: the walk of a 4 KiB page of L0C reads root[0], L1A[10], L0C[i]; one is the target */
  uint32_t pg = below(&k->r, 500);
  uint64_t va = UINT64_C(0x1400000) + 4096u * pg, ptes[3] = { SV39_ROOT, L1A + 80u, L0C + 8u * pg };
  plan_satp(k, SV39(asid));
  plan_req(k, MMU_OP_R, MMU_PRIV_S, va);
  plan_satp(k, satp_make(SATP_MODE_BARE, 0, 0));
  conflict_burst(k, ptes[below(&k->r, 3)]);
  plan_satp(k, SV39(asid));
  plan_sfence(k, 0, 0, 0, 0);
  plan_req(k, MMU_OP_R, MMU_PRIV_S, va);
}

/* A misaligned superpage with exactly one PPN bit of its mask set: each sequence takes the
** next of the 9 + 18 + 27 (page size, bit) pairs in turn. */
static void recipe_misaligned(lk_t *k) {
  const uint32_t bits = PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D;
  uint32_t n = k->mis_next++ % 54u;
  uint32_t size = n < 9 ? 1u : n < 27 ? 2u : 3u, b = n < 9 ? n : n < 27 ? n - 9u : n - 27u;
  uint16_t asid = mix_asid(k);
  uint64_t bit = UINT64_C(1) << (12u + b);
  if (size == 1) {
    wr(k, L1A + 8u * 7, pte(MB + 0x600000u + bit, bits));
    plan_satp(k, chance(&k->r, 500) ? SV39(asid) : SV48(asid));
    plan_req(k, rnd_op(k), MMU_PRIV_S, UINT64_C(0xe00000) + rnd_off(k));
  } else if (size == 2) {
    wr_root(k, 2, pte(MB + bit, bits));
    plan_satp(k, SV39(asid));
    plan_req(k, rnd_op(k), MMU_PRIV_S, (UINT64_C(2) << 30) + rnd_off(k));
  } else {
    wr(k, SV48_ROOT + 16u, pte(bit, bits));
    plan_satp(k, SV48(asid));
    plan_req(k, rnd_op(k), MMU_PRIV_S, (UINT64_C(2) << 39) + rnd_off(k));
  }
}

/* A lab page of each size gets random V R W X U A D bits (never W without R); an sfence of
** it, then three accesses of random op, privilege, SUM, MXR and A/D mode: the first walks,
** the others hit the TLB when the first refilled it. */
static void recipe_leaf(lk_t *k) {
  uint32_t size = below(&k->r, 4), bits = PTE_V;
  uint16_t asid = mix_asid(k);
  static const uint32_t rwx[] = { PTE_R, PTE_R | PTE_W, PTE_X, PTE_R | PTE_X, PTE_R | PTE_W | PTE_X };
  bits |= rwx[below(&k->r, 5)];
  if (chance(&k->r, 500)) bits |= PTE_U;
  if (chance(&k->r, 700)) bits |= PTE_A;
  if (chance(&k->r, 500)) bits |= PTE_D;
  uint64_t va, satp;
  switch (size) {
    case 0:
      wr(k, L0C + 8u * 505, pte(MB + 0x10f0000u, bits));
      va = UINT64_C(0x1400000) + 4096u * 505;
      break;
    case 1:
      wr(k, L1A + 8u * 15, pte(MB + 0x1000000u, bits));
      va = UINT64_C(0x1e00000) + 4096u * below(&k->r, 512);
      break;
    case 2:
      wr_root(k, 13, pte(MB, bits));
      va = (UINT64_C(13) << 30) + 0x1000000u + 4096u * below(&k->r, 512);
      break;
    default:
      wr(k, SV48_ROOT + 80u, pte(0, bits));
      va = (UINT64_C(10) << 39) + MB + 0x1000000u + 4096u * below(&k->r, 512);
      break;
  }
  satp = size == 3 || chance(&k->r, 300) ? SV48(asid) : SV39(asid);
  plan_satp(k, satp);
  plan_sfence(k, 1, va, 0, 0);
  for (uint32_t i = 0; i < 3; i++) plan_req(k, rnd_op(k), (uint8_t)below(&k->r, 2), va + rnd_off(k));
}

/* A fault of every non-leaf rule at every level, and data outside memory through each page
** size (twice: the walk refills, the second access hits). */
static void recipe_walk_faults(lk_t *k) {
  static const struct {
    uint8_t sv48;
    uint64_t va;
  } t[] = { { 1, UINT64_C(4) << 39 },
            { 1, UINT64_C(5) << 39 },
            { 1, UINT64_C(6) << 39 },
            { 1, UINT64_C(11) << 39 },
            { 1, UINT64_C(7) << 39 },
            { 0, UINT64_C(3) << 30 },
            { 0, UINT64_C(4) << 30 },
            { 0, UINT64_C(5) << 30 },
            { 0, UINT64_C(9) << 30 },
            { 0, UINT64_C(6) << 30 },
            { 0, UINT64_C(20) << 21 },
            { 0, UINT64_C(12) << 21 },
            { 0, UINT64_C(13) << 21 },
            { 0, UINT64_C(4) << 21 },
            { 0, UINT64_C(11) << 21 },
            { 0, UINT64_C(0x1400000) + 4096u * 500 },
            { 0, UINT64_C(0x1400000) + 4096u * 501 },
            { 0, UINT64_C(0x1400000) + 4096u * 502 },
            { 0, UINT64_C(0x1400000) + 4096u * 503 },
            { 0, UINT64_C(0x1400000) + 4096u * 504 },
            { 2, 0 },
            { 3, 0 },
            { 4, UINT64_C(0x1400000) + 4096u * 506 },
            { 4, UINT64_C(16) << 21 },
            { 4, UINT64_C(14) << 30 },
            { 5, UINT64_C(12) << 39 } };
  uint32_t i = below(&k->r, sizeof t / sizeof t[0]);
  uint16_t asid = mix_asid(k);
  uint8_t priv = (uint8_t)below(&k->r, 2);
  uint32_t u = chance(&k->r, 500) ? PTE_U : 0, bits = PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D | u;
  switch (t[i].sv48) {
    case 0: plan_satp(k, chance(&k->r, 500) ? SV39(asid) : SV48(asid)); break; /* same below root[0] */
    case 1: plan_satp(k, SV48(asid)); break;
    case 2: plan_satp(k, satp_make(SATP_MODE_SV39, asid, OUTSIDE >> 12)); break; /* root outside */
    case 3: plan_satp(k, satp_make(SATP_MODE_SV48, asid, OUTSIDE >> 12)); break;
    case 4: /* a page outside memory */
      wr(k, L0C + 8u * 506, pte(OUTSIDE, bits));
      wr(k, L1A + 8u * 16, pte(UINT64_C(0x40000000), bits));
      wr_root(k, 14, pte(0, bits));
      plan_satp(k, SV39(asid));
      break;
    default:
      wr(k, SV48_ROOT + 8u * 12, pte(0, bits));
      plan_satp(k, SV48(asid));
      break;
  }
  uint64_t va = t[i].va + rnd_off(k) + (t[i].sv48 == 2 || t[i].sv48 == 3 ? 4096u * below(&k->r, 16) : 0);
  if (t[i].sv48 >= 4) plan_sfence(k, 1, va, 0, 0);
  plan_req(k, rnd_op(k), priv, va);
  if (t[i].sv48 >= 4) plan_req(k, rnd_op(k), priv, va);
  if (t[i].sv48 == 2 || t[i].sv48 == 3) plan_satp(k, SV39(asid));
}

/* Now and then (idle, no sequence running) start a new sequence. */
static void mix_plan(lk_t *k) {
  uint32_t t = below(&k->r, 100);
  k->plan_n = k->plan_i = 0;
  if (t < 15) recipe_fill(k);
  else if (t < 35) recipe_cache(k);
  else if (t < 50) recipe_misaligned(k);
  else if (t < 80) recipe_leaf(k);
  else recipe_walk_faults(k);
}

/* -X: inputs of a cycle while a sequence runs; 0 when none runs (the classic inputs apply). */
static int mix_inputs(lk_t *k, mmu_in_t *in) {
  int idle = k->m.state_q == MMU_IDLE;
  if (k->plan_i >= k->plan_n) {
    if (!idle || !chance(&k->r, 60)) return 0;
    mix_plan(k);
  }
  mmu_in_idle(in);
  if (!idle) return 1;
  const plan_t *p = &k->plan[k->plan_i++];
  if (p->kind == P_SATP) {
    in->satp_we = 1;
    in->satp_wdata = k->satp = p->satp;
  } else if (p->kind == P_SFENCE) {
    in->sfence_valid = 1;
    in->sfence_has_va = p->has_va;
    in->sfence_vaddr = p->va;
    in->sfence_has_asid = p->has_asid;
    in->sfence_asid = p->asid;
  } else {
    in->req_valid = 1;
    in->req_op = p->op;
    in->req_priv = p->priv;
    in->req_vaddr = p->va;
    in->req_wdata = rnd(&k->r);
    in->csr_sum = p->sum;
    in->csr_mxr = p->mxr;
    in->csr_adue = p->adue;
  }
  return 1;
}

/* Control inputs come at a per-request rate, at random cycles of the request in flight,
** and on purpose at the edges that matter: the accepting edge and the refill edge. */
void drv_random_inputs(lk_t *k, mmu_in_t *in) {
  rng_t *r = &k->r;
  const mmu_t *m = &k->m;
  int refill_edge = (m->state_q == MMU_PTE || m->state_q == MMU_AD) && !m->first_q && m->left_q == 1;
  int idle = m->state_q == MMU_IDLE;
  mmu_in_idle(in);
  if (k->cycle == 0) { /* start translating: Sv39, ASID 1 */
    in->satp_we = 1;
    in->satp_wdata = k->satp = satp_make(SATP_MODE_SV39, 1, SV39_ROOT >> 12);
    /* From random flops, a load accepted at this edge too: it latches satp as reset left it,
    ** Bare (contract section 1, "Reset"), so an RTL whose satp skipped the reset walks instead */
    if (k->rand_reset) {
      in->req_valid = 1;
      in->req_op = MMU_OP_R;
      in->req_vaddr = MB + 0x1000000u;
    }
    return;
  }
  if (k->mix && mix_inputs(k, in)) return;
  /* a request: offered most cycles when idle, sometimes (ignored) while busy */
  if ((idle && chance(r, 700)) || chance(r, 20)) {
    uint32_t op = below(r, 100);
    in->req_valid = 1;
    in->req_op = (uint8_t)(op < 45 ? MMU_OP_R : op < 80 ? MMU_OP_W : MMU_OP_X);
    if (chance(r, 20)) k->priv = !k->priv; /* privilege and SUM change rarely, as in an OS */
    if (chance(r, 20)) k->sum = !k->sum;
    in->req_priv = (uint8_t)(chance(r, 900) ? k->priv : !k->priv);
    in->req_vaddr = random_va(k);
    in->req_wdata = rnd(r);
    in->csr_sum = (uint8_t)(chance(r, 900) ? k->sum : !k->sum);
    in->csr_mxr = (uint8_t)chance(r, 300);
    in->csr_adue = (uint8_t)chance(r, 500);
    if (idle) {
      /* a control event during this request: at the accepting edge or a little later
      ** (LOOKUP, the first PTE read), or anywhere in a walk */
      k->ctl_kind = below(r, 1000);
      k->ctl_at = k->ctl_kind < 90 ? k->cycle + below(r, 4) + (chance(r, 500) ? 0 : below(r, 900)) : 0;
    }
  }
  if ((k->ctl_at == k->cycle && k->ctl_kind < 30) || chance(r, idle ? 3 : 0)) {
    in->satp_we = 1;
    in->satp_wdata = random_satp(k);
    uint32_t mode = satp_mode(in->satp_wdata);
    if (mode == SATP_MODE_BARE || mode == SATP_MODE_SV39 || mode == SATP_MODE_SV48) k->satp = in->satp_wdata;
  }
  if ((k->ctl_at == k->cycle && k->ctl_kind >= 30) || (refill_edge && chance(r, 50)) ||
      chance(r, idle ? 3 : 0)) {
    if (chance(r, 150)) {
      in->flush = 1;
      if (chance(r, 300)) random_sfence(k, in);
    } else {
      random_sfence(k, in);
    }
  }
}

/* Re-randomise a level-0 PTE now and then (what an OS does between requests, or a
** racing hart: the walk in flight must then not refill).  Also, now and then, the leaf of
** the walk in flight while its A/D compare-and-set re-reads it (contract 3a): in ADR's first
** cycle the re-read sees the new value (a re-walk), in its later cycles the AD write that
** follows overwrites it; both sides get the write alike. */
void drv_backdoor(lk_t *k) {
  const mmu_t *m = &k->m;
  if (m->state_q == MMU_ADR && chance(&k->r, m->first_q ? 250 : 30)) {
    uint64_t a = m->pte_addr_q, table = a & ~UINT64_C(4095), v;
    uint32_t i = (uint32_t)((a - table) / 8u);
    if ((table == L0A || table == L0B) && i < 510) /* a random leaf, as below */
      v = drv_random_l0(&k->r, (table == L0A ? MB + 0x1000000u : MB + 0x1040000u) + 4096u * (i % 64u));
    else /* the fixed tables: flip A and/or D only */
      v = mmu_mem_read64(m, a) ^ (below(&k->r, 3) == 0 ? PTE_A : below(&k->r, 2) ? PTE_D : PTE_A | PTE_D);
    wr(k, a, v);
    lockstep_note(&k->ls, "backdoor write of the leaf in ADR", a, v);
  }
  if (!chance(&k->r, 5)) return;
  uint64_t table = below(&k->r, 2) ? L0A : L0B;
  uint32_t i = below(&k->r, 510);
  uint64_t v = drv_random_l0(&k->r, (table == L0A ? MB + 0x1000000u : MB + 0x1040000u) + 4096u * (i % 64u));
  wr(k, table + 8u * i, v);
  lockstep_note(&k->ls, "backdoor PTE write", table + 8u * i, v);
}
