/*
** scenario_corners.c -- the corner cases of a generated scenario (see
** scenario_corners.h): physical frames and PTE slots handed out at random
** without repeats, and one function per corner case of the walk.
*/
#include <string.h>
#include "mmu_port.h"
#include "riscv.h"
#include "scenario_corners.h"
#include "scenario_gen.h"

#define MEM_PPN    UINT64_C(0x80000)    /* default memory: ppn 0x80000 .. 0xbffff */
#define TABLE_PPN  (MEM_PPN + 1u)       /* tables: the first 4 MiB, above page 0 */
#define TABLE_N    1023u
#define DATA_PPN   (MEM_PPN + 0x400u)   /* 4 KiB data pages: the next 4 MiB */
#define DATA_N     1024u
#define HUGE_FIRST 4u                   /* 2 MiB pages: 2 MiB frames 4..63 (8..128 MiB) */
#define HUGE_N     60u

uint32_t gen_rnd(gen_t *g, uint32_t n) { return (uint32_t)(scenario_gen_next(&g->rng) % n); }
static uint64_t rnd64(gen_t *g) { return scenario_gen_next(&g->rng); }

/* A page number in [first, first+n) (steps of `step` pages) not handed out yet. */
static uint64_t take_frame(gen_t *g, uint64_t first, uint32_t n, uint32_t step) {
  for (;;) {
    uint64_t ppn = first + (uint64_t)gen_rnd(g, n) * step;
    uint32_t i = 0;
    while (i < g->nframes && g->frame[i] != ppn) i++;
    if (i == g->nframes) {
      g->frame[g->nframes++] = ppn;
      return ppn;
    }
  }
}

static uint64_t take_table(gen_t *g) { return take_frame(g, TABLE_PPN, TABLE_N, 1); }
static uint64_t take_data(gen_t *g) { return take_frame(g, DATA_PPN, DATA_N, 1); }
static uint64_t take_huge(gen_t *g) { return take_frame(g, MEM_PPN + HUGE_FIRST * 512u, HUGE_N, 512); }

static uint32_t take_index(gen_t *g, uint32_t level) {
  for (;;) {
    uint32_t j = gen_rnd(g, 512);
    if (!g->used[level][j]) {
      g->used[level][j] = 1;
      return j;
    }
  }
}

static uint64_t pte_slot(const gen_t *g, uint32_t level, uint32_t index) {
  return (g->table[level] << RV_PAGE_SHIFT) + (uint64_t)index * RV_PTE_SIZE;
}

static void add_word(gen_t *g, uint64_t addr, uint64_t value) {
  g->waddr[g->nwords] = addr;
  g->wval[g->nwords++] = value;
}

/* Put a PTE in the path table of `level` at a fresh index; returns the index. */
static uint32_t put_pte(gen_t *g, uint32_t level, uint64_t pte) {
  uint32_t j = take_index(g, level);
  add_word(g, pte_slot(g, level, j), pte);
  return j;
}

/* A canonical va through the path down to `level`, index j there, random below. */
static uint64_t va_at(gen_t *g, uint32_t level, uint32_t j) {
  uint64_t va = gen_rnd(g, RV_PAGE_SIZE);
  for (uint32_t l = 0; l < g->levels; l++) {
    uint64_t vpn = l > level ? g->path[l] : l == level ? j : gen_rnd(g, 512);
    va |= vpn << (RV_PAGE_SHIFT + RV_VPN_BITS * l);
  }
  uint32_t bits = rv_va_bits(g->mode);
  if ((va >> (bits - 1u)) & 1u) va |= ~((UINT64_C(1) << bits) - 1u);   /* sign-extend */
  return va;
}

static uint32_t rnd_op(gen_t *g) { return gen_rnd(g, 3); }   /* MMU_OP_R, W, X */
static uint32_t rnd_rw(gen_t *g) { return gen_rnd(g, 2) ? MMU_OP_W : MMU_OP_R; }

static gen_event_t *add_access(gen_t *g, gen_group_t *gr, uint32_t op, uint64_t va) {
  gen_event_t *e = &gr->ev[gr->n++];
  memset(e, 0, sizeof *e);
  e->kind = GEN_EV_ACCESS;
  e->op = op;
  e->addr = va;
  e->value = op == MMU_OP_W ? rnd64(g) : 0;
  e->priv = e->sum = e->mxr = e->adue = -1;
  return e;
}

/* U bit of a page used from `priv`, so the U/S check passes. */
static uint64_t u_for(uint32_t priv) { return priv == MMU_PRIV_U ? PTE_U : 0u; }

/* ---- the corner cases, one group each ---- */

/* A 4 KiB page accessed (cached in the TLB); later remapped by a word
** write, accessed again without sfence (stale), then after an sfence. */
static void corner_stale(gen_t *g, gen_group_t *first, gen_group_t *later) {
  uint32_t priv = gen_rnd(g, 2);
  uint64_t flags = PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D | u_for(priv);
  uint64_t p1 = take_data(g), p2 = take_data(g);
  uint32_t j = put_pte(g, 0, pte_make(p1, flags));
  uint64_t va = va_at(g, 0, j);
  uint64_t off = va & (RV_PAGE_SIZE - 8u);
  add_word(g, (p1 << RV_PAGE_SHIFT) + off, rnd64(g));
  add_word(g, (p2 << RV_PAGE_SHIFT) + off, rnd64(g));
  uint32_t op = gen_rnd(g, 2) ? MMU_OP_R : rnd_op(g);
  add_access(g, first, op, va)->priv = (int)priv;
  gen_event_t *w = &later->ev[later->n++];
  memset(w, 0, sizeof *w);
  w->kind = GEN_EV_WORD;
  w->addr = pte_slot(g, 0, j);
  w->value = pte_make(p2, flags);
  add_access(g, later, op, va)->priv = (int)priv;
  gen_event_t *sf = &later->ev[later->n++];
  memset(sf, 0, sizeof *sf);
  sf->kind = GEN_EV_SFENCE;
  uint32_t variant = gen_rnd(g, 4);   /* all four cover a non-global entry of our ASID */
  sf->sf_va = variant & 1u;
  sf->sf_asid = (variant >> 1) & 1u;
  sf->addr = va;
  add_access(g, later, op, va)->priv = (int)priv;
}

/* A 1 GiB U page (level 2) from S mode: SUM=0 faults, SUM=1 works. */
static void corner_sum(gen_t *g, gen_group_t *gr) {
  uint64_t flags = PTE_V | PTE_R | PTE_W | PTE_U | PTE_A | PTE_D | (gen_rnd(g, 2) ? PTE_X : 0u);
  uint32_t j = put_pte(g, 2, pte_make(MEM_PPN, flags));
  for (uint32_t k = 0; k < 2; k++) {
    uint64_t va = va_at(g, 2, j) & ~((UINT64_C(1) << 30) - 1u);
    /* offsets from 256 MiB up: stores never land on the tables and pages below */
    va |= (UINT64_C(1) << 28) + rnd64(g) % (UINT64_C(3) << 28);
    gen_event_t *e = add_access(g, gr, rnd_rw(g), va);
    e->priv = MMU_PRIV_S;
    e->sum = (int)k;
  }
}

/* An execute-only 2 MiB page (level 1) read with MXR=0 (fault), MXR=1,
** and sometimes fetched at another offset (a TLB hit). */
static void corner_mxr(gen_t *g, gen_group_t *gr) {
  uint32_t priv = gen_rnd(g, 2);
  uint64_t flags = PTE_V | PTE_X | PTE_A | u_for(priv) | (gen_rnd(g, 2) ? PTE_D : 0u);
  uint32_t j = put_pte(g, 1, pte_make(take_huge(g), flags));
  uint64_t va = va_at(g, 1, j);
  for (uint32_t k = 0; k < 2; k++) {
    gen_event_t *e = add_access(g, gr, MMU_OP_R, va);
    e->priv = (int)priv;
    e->mxr = (int)k;
  }
  if (gen_rnd(g, 2)) {
    uint64_t va2 = (va & ~((UINT64_C(1) << 21) - 1u)) | gen_rnd(g, 1u << 21);
    add_access(g, gr, MMU_OP_X, va2)->priv = (int)priv;
  }
}

/* A clean 4 KiB page (D=0, A random) under Svade (fault), then Svadu. */
static void corner_clean(gen_t *g, gen_group_t *gr) {
  uint32_t priv = gen_rnd(g, 2);
  uint64_t a = gen_rnd(g, 2) ? PTE_A : 0u;
  uint32_t j = put_pte(g, 0, pte_make(take_data(g), PTE_V | PTE_R | PTE_W | a | u_for(priv)));
  uint64_t va = va_at(g, 0, j);
  gen_event_t *e = add_access(g, gr, a ? MMU_OP_W : rnd_rw(g), va);   /* A=1: only a store needs D */
  e->priv = (int)priv;
  e->adue = 0;
  e = add_access(g, gr, a ? MMU_OP_W : rnd_rw(g), va);   /* Svadu sets A, or D */
  e->priv = (int)priv;
  e->adue = 1;
}

/* A superpage (2 MiB or 1 GiB) whose PPN has low bits set. */
static void corner_misaligned(gen_t *g, gen_group_t *gr) {
  uint32_t priv = gen_rnd(g, 2);
  uint32_t level = gen_rnd(g, 2) ? 1u : 2u;
  uint64_t ppn =
      level == 1 ? take_huge(g) + 1u + gen_rnd(g, 511) : MEM_PPN + 1u + gen_rnd(g, (1u << 18) - 1u);
  uint64_t flags = PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D | u_for(priv);
  uint32_t j = put_pte(g, level, pte_make(ppn, flags));
  add_access(g, gr, rnd_op(g), va_at(g, level, j))->priv = (int)priv;
}

/* W without R, at level 0 or 1. */
static void corner_w_no_r(gen_t *g, gen_group_t *gr) {
  uint32_t level = gen_rnd(g, 2);
  uint64_t ppn = level ? take_huge(g) : take_data(g);
  uint64_t flags =
      PTE_V | PTE_W | PTE_A | PTE_D | (gen_rnd(g, 2) ? PTE_X : 0u) | (gen_rnd(g, 2) ? PTE_U : 0u);
  uint32_t j = put_pte(g, level, pte_make(ppn, flags));
  add_access(g, gr, rnd_op(g), va_at(g, level, j));
}

/* A pointer (level 1 or 2) with A, D or U set: reserved for non-leaf PTEs. */
static void corner_nonleaf_adu(gen_t *g, gen_group_t *gr) {
  static const uint64_t bit[3] = { PTE_A, PTE_D, PTE_U };
  uint32_t level = 1u + gen_rnd(g, 2);
  uint32_t j = put_pte(g, level, pte_make(take_table(g), PTE_V | bit[gen_rnd(g, 3)]));
  add_access(g, gr, rnd_op(g), va_at(g, level, j));
}

/* A PTE (leaf or pointer, level 0..2) with one of bits 63:54 set. */
static void corner_reserved(gen_t *g, gen_group_t *gr) {
  uint32_t level = gen_rnd(g, 3);
  uint64_t pte;
  if (level > 0 && gen_rnd(g, 2)) {
    pte = pte_make(take_table(g), PTE_V);
  } else {
    uint64_t ppn = level == 0 ? take_data(g) : level == 1 ? take_huge(g) : MEM_PPN;
    pte = pte_make(ppn, PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D | (gen_rnd(g, 2) ? PTE_U : 0u));
  }
  pte |= UINT64_C(1) << (54u + gen_rnd(g, 10));
  uint32_t j = put_pte(g, level, pte);
  add_access(g, gr, rnd_op(g), va_at(g, level, j));
}

/* A PTE whose PPN is outside memory: a pointer (the next PTE fetch is an
** access fault) or a 4 KiB leaf (the data access is). */
static void corner_outside(gen_t *g, gen_group_t *gr) {
  uint64_t ppn = gen_rnd(g, 2) ? 1u + gen_rnd(g, (uint32_t)MEM_PPN - 1u)         /* below memory */
                               : MEM_PPN + 0x40000u + gen_rnd(g, 0x100000u);      /* above it */
  if (gen_rnd(g, 2)) {
    uint32_t level = 1u + gen_rnd(g, 2);
    uint32_t j = put_pte(g, level, pte_make(ppn, PTE_V));
    add_access(g, gr, rnd_op(g), va_at(g, level, j));
  } else {
    uint32_t priv = gen_rnd(g, 2);
    uint64_t flags = PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D | u_for(priv);
    uint32_t j = put_pte(g, 0, pte_make(ppn, flags));
    add_access(g, gr, rnd_op(g), va_at(g, 0, j))->priv = (int)priv;
  }
}

/* A va whose bits above the mode's width are not copies of its top bit. */
static void corner_noncanonical(gen_t *g, gen_group_t *gr) {
  uint32_t bits = rv_va_bits(g->mode);
  uint64_t va = va_at(g, 0, gen_rnd(g, 512)) ^ (UINT64_C(1) << (bits + gen_rnd(g, 64u - bits)));
  add_access(g, gr, rnd_op(g), va);
}

void gen_build(gen_t *g, gen_group_t gr[GEN_GROUPS], uint64_t seed) {
  g->rng = scenario_gen_seed(seed);
  g->mode = gen_rnd(g, 2) ? SATP_MODE_SV48 : SATP_MODE_SV39;
  g->levels = rv_levels(g->mode);
  g->asid = (uint16_t)gen_rnd(g, 0x10000u);
  /* the path: root -> ... -> level-0 table */
  for (uint32_t l = g->levels; l-- > 0;) g->table[l] = take_table(g);
  for (uint32_t l = g->levels - 1u; l > 0; l--) g->path[l] = put_pte(g, l, pte_make(g->table[l - 1u], PTE_V));
  /* groups 0 and 10 are the stale case's two halves */
  corner_stale(g, &gr[0], &gr[10]);
  corner_sum(g, &gr[1]);
  corner_mxr(g, &gr[2]);
  corner_clean(g, &gr[3]);
  corner_misaligned(g, &gr[4]);
  corner_w_no_r(g, &gr[5]);
  corner_nonleaf_adu(g, &gr[6]);
  corner_reserved(g, &gr[7]);
  corner_outside(g, &gr[8]);
  corner_noncanonical(g, &gr[9]);
}
