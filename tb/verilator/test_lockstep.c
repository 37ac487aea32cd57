/*
** test_lockstep.c -- random and directed (-d) lockstep test: the C model (cmodel/mmu.c) and
** the Verilated RTL (rtl_dut.h) get the same inputs; every mmu_out_t field is compared every cycle.
** Usage: test_lockstep [-n requests] [-r] [-w wave.fst] [-v] [-b bug] [-P] [-d scenario] seed...
**        [-X] [-c FILE [-l LABEL]]
** -X: the coverage mix: between the classic random requests, short planned sequences (TLB
** fills, cache conflict bursts, every fault rule at every level and page size, misaligned
** superpages at each PPN bit); without -X the random stream is the classic one, seed for seed.
** -c FILE: count the functional coverage bins (tb/coverage.h) and add them to FILE; -l LABEL
** names this build in the geometry bins (default "default").
** Exit 0 when all match, 1 on a mismatch (its first port on a line `first: PORT`), 2 on misuse.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mmu.h"
#include "riscv.h"
#include "mmu_port.h"
#include "gtkw.h"
#include "lockstep.h"
#include "rtl_dut.h"
#include "coverage.h"

#define MB         UINT64_C(0x80000000)   /* mmu_config_default's memory base */
#define SV39_ROOT  (MB + 0x1000u)         /* Sv39 root table */
#define L1A        (MB + 0x2000u)         /* level-1 table under root[0] */
#define L0A        (MB + 0x3000u)         /* level-0 table under L1A[0], random leaves */
#define L0B        (MB + 0x4000u)         /* level-0 table under L1A[5], random leaves */
#define L1G        (MB + 0x5000u)         /* level-1 table under a global pointer root[7] */
#define SV48_ROOT  (MB + 0x6000u)         /* Sv48 root table */
#define SV48_L2    (MB + 0x7000u)         /* Sv48 level-2 table: same entries as SV39_ROOT */
#define L0C        (MB + 0x8000u)         /* -X: level-0 table under L1A[10] and L1G[2] */
#define ASIDS      4u                     /* ASIDs drawn from 0..3, so entries get reused */
#define HANG_CYCLES 100000u               /* no response for this long: a hang */
#define HOT        24u                    /* hot list of addresses */
#define EVENTS     16u                    /* control events remembered for a report */

typedef struct {            /* xorshift64*: deterministic from the seed */
  uint64_t s;
} rng_t;

static uint64_t rnd(rng_t *r) {
  r->s ^= r->s >> 12;
  r->s ^= r->s << 25;
  r->s ^= r->s >> 27;
  return r->s * UINT64_C(2685821657736338717);
}
static uint32_t below(rng_t *r, uint32_t n) { return (uint32_t)(rnd(r) % n); }
static int chance(rng_t *r, uint32_t per_mille) { return below(r, 1000) < per_mille; }

typedef struct {
  mmu_t m;
  rtl_dut_t *d;
  rng_t r;
  uint64_t cycle;
  uint64_t hot[HOT];        /* recently drawn addresses, reused for locality */
  uint32_t nhot;
  int priv, sum;            /* the usual privilege and SUM of requests */
  uint64_t ctl_at;
  uint32_t ctl_kind;        /* < 30 satp write, else sfence or flush */          /* cycle of a control event planned for the request, 0 none */
  uint64_t satp;            /* the model's satp as the driver last wrote it (WARL aware) */
  char ev[EVENTS][96];      /* recent control events and accepts, for a mismatch report */
  uint32_t nev;
  int verbose;
  int ports_only;           /* ports only, as tb/lockstep.c: no TLB deep compare */
  const char *wave;         /* -w: the FST of the whole run, or NULL */
  cov_t *cov;               /* -c: coverage bins, or NULL */
  int mix;                  /* -X: planned sequences between the random requests */
  struct plan_s *plan;      /* -X: the sequence in progress */
  uint32_t plan_n, plan_i;
  uint32_t mis_next;        /* -X: the next (page size, PPN bit) of a misaligned superpage */
} lk_t;

/* One step of a planned sequence (-X), issued when the MMU is idle. */
enum { P_REQ, P_SATP, P_SFENCE };
typedef struct plan_s {
  uint8_t kind, op, priv, sum, mxr, adue, has_va, has_asid;
  uint64_t va;              /* P_REQ, P_SFENCE */
  uint64_t satp;            /* P_SATP */
  uint16_t asid;            /* P_SFENCE */
} plan_t;
#define PLAN_MAX 256u

static void note(lk_t *k, const char *what, uint64_t a, uint64_t b) {
  snprintf(k->ev[k->nev++ % EVENTS], sizeof k->ev[0], "cycle %llu: %s 0x%llx 0x%llx",
           (unsigned long long)k->cycle, what, (unsigned long long)a, (unsigned long long)b);
}

/* Both memories get every backdoor write. */
static void wr(lk_t *k, uint64_t pa, uint64_t v) {
  mmu_mem_write64(&k->m, pa, v);
  rtl_dut_mem_write64(k->d, pa, v);
}

static uint64_t pte(uint64_t pa, uint32_t bits) { return pte_make(pa >> 12, bits); }

/* A random level-0 entry: mostly leaves of every permission mix, some broken ones. */
static uint64_t random_l0(rng_t *r, uint64_t pa) {
  static const uint32_t rwx[] = {PTE_R, PTE_R | PTE_W, PTE_X, PTE_R | PTE_X, PTE_R | PTE_W | PTE_X};
  uint32_t t = below(r, 32), bits;
  if (t >= 16) return pte(pa, PTE_V | PTE_R | PTE_W | PTE_X | PTE_U | PTE_A | PTE_D);   /* usable */
  if (t == 0) return 0;                                   /* V = 0 */
  if (t == 1) return pte(pa, PTE_V);                      /* pointer at level 0 */
  if (t == 2) return pte(pa, PTE_V | PTE_W);              /* W without R */
  if (t == 3) return pte(pa, PTE_V | PTE_R) | (UINT64_C(1) << 61);   /* reserved bits */
  bits = PTE_V | rwx[below(r, 5)];
  if (chance(r, 500)) bits |= PTE_U;
  if (chance(r, 750)) bits |= PTE_A;
  if (chance(r, 500)) bits |= PTE_D;
  if (chance(r, 100)) bits |= PTE_G;
  return pte(pa, bits);
}

static void fill_l0(lk_t *k, uint64_t table, uint64_t data) {
  uint32_t i;
  for (i = 0; i < 512; i++) wr(k, table + 8u * i, random_l0(&k->r, data + 4096u * (i % 64u)));
  /* the last page of memory, and the first page above it (access fault on data) */
  wr(k, table + 8u * 510, pte(MB + (UINT64_C(1) << 30) - 4096u, PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D));
  wr(k, table + 8u * 511, pte(MB + (UINT64_C(1) << 30), PTE_V | PTE_R | PTE_W | PTE_A | PTE_D));
}

static void build_tables(lk_t *k) {
  const uint32_t ad = PTE_A | PTE_D, rwx = PTE_R | PTE_W | PTE_X;
  uint64_t root[512];
  uint32_t i;
  memset(root, 0, sizeof root);
  root[0] = pte(L1A, PTE_V);
  root[1] = pte(MB, PTE_V | rwx | ad);                              /* 1 GiB: all memory */
  root[2] = pte(MB + 4096u, PTE_V | rwx | ad);                      /* 1 GiB misaligned */
  root[3] = 0;                                                      /* invalid */
  root[4] = pte(L1A, PTE_V) | (UINT64_C(1) << 62);                  /* reserved bits */
  root[5] = pte(L1A, PTE_V | PTE_W);                                /* W without R */
  root[6] = pte(0x10000u, PTE_V);                                   /* next table outside memory */
  root[7] = pte(L1G, PTE_V | PTE_G);                                /* global pointer */
  root[8] = pte(MB, PTE_V | PTE_R | PTE_W | PTE_U | ad);            /* 1 GiB user alias */
  root[9] = pte(L1A, PTE_V | PTE_U);                                /* pointer with U: reserved */
  root[10] = pte(MB, PTE_V | PTE_R | PTE_W);                        /* 1 GiB clean (A/D clear) */
  root[511] = pte(L1A, PTE_V);                                      /* negative addresses */
  for (i = 0; i < 512; i++) {
    wr(k, SV39_ROOT + 8u * i, root[i]);
    wr(k, SV48_L2 + 8u * i, root[i]);
  }
  for (i = 0; i < 512; i++) {
    wr(k, SV48_ROOT + 8u * i, 0);
    wr(k, L1A + 8u * i, 0);
    wr(k, L1G + 8u * i, 0);
  }
  wr(k, SV48_ROOT + 0, pte(SV48_L2, PTE_V));
  wr(k, SV48_ROOT + 8, pte(0, PTE_V | rwx | ad));                   /* 512 GiB: pa = va - 2^39 */
  wr(k, SV48_ROOT + 16, pte(4096u, PTE_V | rwx | ad));              /* 512 GiB misaligned */
  wr(k, SV48_ROOT + 24, pte(0, PTE_V | PTE_X | PTE_A | PTE_U));     /* 512 GiB user fetch-only */
  wr(k, SV48_ROOT + 8u * 511, pte(SV48_L2, PTE_V | PTE_G));
  wr(k, L1A + 0, pte(L0A, PTE_V));
  wr(k, L1A + 8, pte(MB + 0x200000u, PTE_V | rwx | PTE_U | ad));    /* 2 MiB user */
  wr(k, L1A + 16, pte(MB + 0x400000u, PTE_V | PTE_R | PTE_W | PTE_U));   /* 2 MiB clean */
  wr(k, L1A + 24, pte(0x40000000u, PTE_V | PTE_R | PTE_W | ad));    /* 2 MiB outside memory */
  wr(k, L1A + 32, pte(L0A, PTE_V | PTE_A));                         /* pointer with A */
  wr(k, L1A + 40, pte(L0B, PTE_V));
  wr(k, L1A + 48, pte(MB + 0x600000u, PTE_V | PTE_R | PTE_W | PTE_A));   /* 2 MiB, D clear */
  wr(k, L1A + 56, pte(MB + 0x601000u, PTE_V | rwx | ad));           /* 2 MiB misaligned */
  wr(k, L1A + 64, pte(MB + 0x800000u, PTE_V | PTE_X | PTE_A));      /* 2 MiB execute-only */
  wr(k, L1A + 72, pte(MB + 0xc01000u, PTE_V | rwx));                 /* 2 MiB misaligned, clean */
  wr(k, L1G + 0, pte(L0A, PTE_V));
  wr(k, L1G + 8, pte(MB + 0xa00000u, PTE_V | rwx | ad));
  fill_l0(k, L0A, MB + 0x1000000u);
  fill_l0(k, L0B, MB + 0x1040000u);
}

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
  if (t < 89) return (rnd(r) & ~(UINT64_C(0xf) << 60)) | ((uint64_t)(1u + below(r, 7)) << 60);   /* ignored */
  if (t < 90) return rnd(r);                                       /* anything, even a stray root */
  return satp_make(SATP_MODE_SV39, asid, (t & 1 ? L1A : SV48_ROOT) >> 12);   /* odd roots */
}

static void random_sfence(lk_t *k, mmu_in_t *in) {
  rng_t *r = &k->r;
  in->sfence_valid = 1;
  in->sfence_has_va = (uint8_t)below(r, 2);
  in->sfence_has_asid = (uint8_t)below(r, 2);
  in->sfence_vaddr = random_va(k);
  in->sfence_asid = (uint16_t)below(r, ASIDS);
  note(k, in->sfence_has_va ? (in->sfence_has_asid ? "sfence va+asid" : "sfence va")
                            : (in->sfence_has_asid ? "sfence asid" : "sfence all"),
       in->sfence_vaddr, in->sfence_asid);
}

/* ---- -X, the coverage mix: planned sequences between the random requests ----
** Extra table entries (written only with -X, so the classic stream keeps its tables):
**   L0C (under L1A[10], VA 0x1400000, and the global pointer path L1G[2], VA 0x1c0400000):
**     [0..499] usable leaves (odd ones U), [500] pointer with A, [501] V=0, [502] W without R,
**     [503] reserved bits, [504] pointer at level 0, [505] a leaf whose bits each sequence
**     draws (the 4 KiB "lab" page), [506] a leaf outside memory (access fault on the data)
**   L1A: [11] next table outside memory, [12] W without R, [13] reserved bits, [15] 2 MiB lab
**     page, [16] 2 MiB page outside memory, [20] V=0
**   root (and SV48_L2): [12] 1 GiB A set D clear, [13] 1 GiB lab page, [14] 1 GiB outside
**   SV48_ROOT: [4] W without R, [5] reserved bits, [6] pointer with A, [7] next table outside
**     memory, [8] 512 GiB clean, [9] 512 GiB D clear, [10] 512 GiB lab page, [11] V=0,
**     [12] 512 GiB outside memory */
#define OUTSIDE UINT64_C(0x10000)        /* a table address below memory */

static void wr_root(lk_t *k, uint32_t i, uint64_t v) {   /* Sv39 root and Sv48 level 2 alike */
  wr(k, SV39_ROOT + 8u * i, v);
  wr(k, SV48_L2 + 8u * i, v);
}

static void build_tables_x(lk_t *k) {
  const uint32_t rwx = PTE_R | PTE_W | PTE_X, ad = PTE_A | PTE_D;
  for (uint32_t i = 0; i < 500; i++)
    wr(k, L0C + 8u * i, pte(MB + 0x1080000u + 4096u * i, PTE_V | rwx | ad | (i & 1 ? PTE_U : 0)));
  wr(k, L0C + 8u * 500, pte(MB + 0x1080000u, PTE_V | PTE_A));
  wr(k, L0C + 8u * 501, 0);
  wr(k, L0C + 8u * 502, pte(MB + 0x1080000u, PTE_V | PTE_W));
  wr(k, L0C + 8u * 503, pte(MB + 0x1080000u, PTE_V | rwx | ad) | (UINT64_C(1) << 60));
  wr(k, L0C + 8u * 504, pte(MB + 0x1080000u, PTE_V));
  for (uint32_t i = 505; i < 512; i++) wr(k, L0C + 8u * i, 0);
  wr(k, L1A + 8u * 10, pte(L0C, PTE_V));
  wr(k, L1A + 8u * 11, pte(OUTSIDE, PTE_V));
  wr(k, L1A + 8u * 12, pte(L0C, PTE_V | PTE_W));
  wr(k, L1A + 8u * 13, pte(L0C, PTE_V) | (UINT64_C(1) << 55));
  wr(k, L1A + 8u * 20, 0);
  wr(k, L1G + 8u * 2, pte(L0C, PTE_V));
  wr_root(k, 12, pte(MB, PTE_V | PTE_R | PTE_W | PTE_A));
  wr_root(k, 14, pte(0, PTE_V | rwx | ad));
  wr(k, SV48_ROOT + 8u * 4, pte(SV48_L2, PTE_V | PTE_W));
  wr(k, SV48_ROOT + 8u * 5, pte(SV48_L2, PTE_V) | (UINT64_C(1) << 63));
  wr(k, SV48_ROOT + 8u * 6, pte(SV48_L2, PTE_V | PTE_A));
  wr(k, SV48_ROOT + 8u * 7, pte(OUTSIDE, PTE_V));
  wr(k, SV48_ROOT + 8u * 8, pte(0, PTE_V | rwx));
  wr(k, SV48_ROOT + 8u * 9, pte(0, PTE_V | rwx | PTE_A));
  wr(k, SV48_ROOT + 8u * 11, 0);
}

static plan_t *plan_add(lk_t *k, uint8_t kind) {
  static plan_t spare;
  if (k->plan_n >= PLAN_MAX) return &spare;      /* full: the step is dropped */
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
    uint64_t va = (chance(&k->r, 333) ? UINT64_C(0x1c0400000) : UINT64_C(0x1400000)) + 4096u * pg + rnd_off(k);
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
    if (a + line > MB + (UINT64_C(1) << 30)) a = target - stride * j;
    plan_req(k, MMU_OP_R, MMU_PRIV_S, a + 8u * below(&k->r, (uint32_t)(line / 8u)));
  }
}
static void recipe_cache(lk_t *k) {
  uint16_t asid = mix_asid(k);
  if (chance(&k->r, 500)) {                 /* data */
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
  uint64_t va = UINT64_C(0x1400000) + 4096u * pg, ptes[3] = {SV39_ROOT, L1A + 80u, L0C + 8u * pg};
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
  static const uint32_t rwx[] = {PTE_R, PTE_R | PTE_W, PTE_X, PTE_R | PTE_X, PTE_R | PTE_W | PTE_X};
  bits |= rwx[below(&k->r, 5)];
  if (chance(&k->r, 500)) bits |= PTE_U;
  if (chance(&k->r, 700)) bits |= PTE_A;
  if (chance(&k->r, 500)) bits |= PTE_D;
  uint64_t va, satp;
  switch (size) {
    case 0: wr(k, L0C + 8u * 505, pte(MB + 0x10f0000u, bits)); va = UINT64_C(0x1400000) + 4096u * 505; break;
    case 1: wr(k, L1A + 8u * 15, pte(MB + 0x1000000u, bits)); va = UINT64_C(0x1e00000) + 4096u * below(&k->r, 512); break;
    case 2: wr_root(k, 13, pte(MB, bits)); va = (UINT64_C(13) << 30) + 0x1000000u + 4096u * below(&k->r, 512); break;
    default: wr(k, SV48_ROOT + 80u, pte(0, bits)); va = (UINT64_C(10) << 39) + MB + 0x1000000u + 4096u * below(&k->r, 512); break;
  }
  satp = size == 3 || chance(&k->r, 300) ? SV48(asid) : SV39(asid);
  plan_satp(k, satp);
  plan_sfence(k, 1, va, 0, 0);
  for (uint32_t i = 0; i < 3; i++) plan_req(k, rnd_op(k), (uint8_t)below(&k->r, 2), va + rnd_off(k));
}

/* A fault of every non-leaf rule at every level, and data outside memory through each page
** size (twice: the walk refills, the second access hits). */
static void recipe_walk_faults(lk_t *k) {
  static const struct { uint8_t sv48; uint64_t va; } t[] = {
    {1, UINT64_C(4) << 39}, {1, UINT64_C(5) << 39}, {1, UINT64_C(6) << 39}, {1, UINT64_C(11) << 39},
    {1, UINT64_C(7) << 39}, {0, UINT64_C(3) << 30}, {0, UINT64_C(4) << 30}, {0, UINT64_C(5) << 30},
    {0, UINT64_C(9) << 30}, {0, UINT64_C(6) << 30}, {0, UINT64_C(20) << 21}, {0, UINT64_C(12) << 21},
    {0, UINT64_C(13) << 21}, {0, UINT64_C(4) << 21}, {0, UINT64_C(11) << 21},
    {0, UINT64_C(0x1400000) + 4096u * 500}, {0, UINT64_C(0x1400000) + 4096u * 501},
    {0, UINT64_C(0x1400000) + 4096u * 502}, {0, UINT64_C(0x1400000) + 4096u * 503},
    {0, UINT64_C(0x1400000) + 4096u * 504}, {2, 0}, {3, 0},
    {4, UINT64_C(0x1400000) + 4096u * 506}, {4, UINT64_C(16) << 21}, {4, UINT64_C(14) << 30},
    {5, UINT64_C(12) << 39}};
  uint32_t i = below(&k->r, sizeof t / sizeof t[0]);
  uint16_t asid = mix_asid(k);
  uint8_t priv = (uint8_t)below(&k->r, 2);
  uint32_t u = chance(&k->r, 500) ? PTE_U : 0, bits = PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D | u;
  switch (t[i].sv48) {
    case 0: plan_satp(k, chance(&k->r, 500) ? SV39(asid) : SV48(asid)); break;   /* same below root[0] */
    case 1: plan_satp(k, SV48(asid)); break;
    case 2: plan_satp(k, satp_make(SATP_MODE_SV39, asid, OUTSIDE >> 12)); break;   /* root outside */
    case 3: plan_satp(k, satp_make(SATP_MODE_SV48, asid, OUTSIDE >> 12)); break;
    case 4:                                                   /* a page outside memory */
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
    note(k, "satp write", p->satp, 0);
  } else if (p->kind == P_SFENCE) {
    in->sfence_valid = 1;
    in->sfence_has_va = p->has_va;
    in->sfence_vaddr = p->va;
    in->sfence_has_asid = p->has_asid;
    in->sfence_asid = p->asid;
    note(k, "sfence va/asid", p->va, p->asid);
  } else {
    in->req_valid = 1;
    in->req_op = p->op;
    in->req_priv = p->priv;
    in->req_vaddr = p->va;
    in->req_wdata = rnd(&k->r);
    in->csr_sum = p->sum;
    in->csr_mxr = p->mxr;
    in->csr_adue = p->adue;
    note(k, "accept va/satp (planned)", p->va, k->satp);
  }
  return 1;
}

/* Control inputs come at a per-request rate, at random cycles of the request in flight,
** and on purpose at the edges that matter: the accepting edge and the refill edge. */
static void random_inputs(lk_t *k, mmu_in_t *in) {
  rng_t *r = &k->r;
  const mmu_t *m = &k->m;
  int refill_edge = (m->state_q == MMU_PTE || m->state_q == MMU_AD) && !m->first_q && m->left_q == 1;
  int idle = m->state_q == MMU_IDLE;
  mmu_in_idle(in);
  if (k->cycle == 0) {                      /* start translating: Sv39, ASID 1 */
    in->satp_we = 1;
    in->satp_wdata = k->satp = satp_make(SATP_MODE_SV39, 1, SV39_ROOT >> 12);
    return;
  }
  if (k->mix && mix_inputs(k, in)) return;
  /* a request: offered most cycles when idle, sometimes (ignored) while busy */
  if ((idle && chance(r, 700)) || chance(r, 20)) {
    uint32_t op = below(r, 100);
    in->req_valid = 1;
    in->req_op = (uint8_t)(op < 45 ? MMU_OP_R : op < 80 ? MMU_OP_W : MMU_OP_X);
    if (chance(r, 20)) k->priv = !k->priv;   /* privilege and SUM change rarely, as in an OS */
    if (chance(r, 20)) k->sum = !k->sum;
    in->req_priv = (uint8_t)(chance(r, 900) ? k->priv : !k->priv);
    in->req_vaddr = random_va(k);
    in->req_wdata = rnd(r);
    in->csr_sum = (uint8_t)(chance(r, 900) ? k->sum : !k->sum);
    in->csr_mxr = (uint8_t)chance(r, 300);
    in->csr_adue = (uint8_t)chance(r, 500);
    if (idle) {
      note(k, in->req_op == MMU_OP_R ? "accept R va/satp" : in->req_op == MMU_OP_W ?
           "accept W va/satp" : "accept X va/satp", in->req_vaddr, k->satp);
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
    if (mode == SATP_MODE_BARE || mode == SATP_MODE_SV39 || mode == SATP_MODE_SV48)
      k->satp = in->satp_wdata;
    note(k, "satp write", in->satp_wdata, 0);
  }
  if ((k->ctl_at == k->cycle && k->ctl_kind >= 30) || (refill_edge && chance(r, 50)) ||
      chance(r, idle ? 3 : 0)) {
    if (chance(r, 150)) {
      in->flush = 1;
      note(k, "flush", 0, 0);
      if (chance(r, 300)) random_sfence(k, in);
    } else {
      random_sfence(k, in);
    }
  }
}

/* Re-randomise a level-0 PTE now and then (what an OS does between requests, or a
** racing hart: the walk in flight must then not refill). */
static void backdoor(lk_t *k) {
  if (!chance(&k->r, 5)) return;
  uint64_t table = below(&k->r, 2) ? L0A : L0B;
  uint32_t i = below(&k->r, 510);
  uint64_t v = random_l0(&k->r, (table == L0A ? MB + 0x1000000u : MB + 0x1040000u) + 4096u * (i % 64u));
  wr(k, table + 8u * i, v);
  note(k, "backdoor PTE write", table + 8u * i, v);
}

/* With -w: a GTKWave save file beside the FST (x.fst -> x.gtkw) that opens on
** the failing cycle, as mmulab's mismatch replay writes. */
static void write_gtkw(lk_t *k) {
  char path[1024];
  /* 100 more idle cycles of the RTL in the FST: GTKWave drops a view start
  ** whose view would pass the end of the dump */
  mmu_in_t idle;
  mmu_out_t o;
  mmu_in_idle(&idle);
  for (int i = 0; i < 100; i++) rtl_dut_step(k->d, &idle, &o);
  size_t n = strlen(k->wave);
  if (n > 4 && !strcmp(k->wave + n - 4, ".fst")) n -= 4;
  snprintf(path, sizeof path, "%.*s.gtkw", (int)n, k->wave);
  uint64_t from = k->cycle > 100u ? k->cycle - 100u : 0u;
  if (gtkw_write(path, k->wave, from, k->cycle, gtkw_mmu_groups, &k->m.cfg.cache))
    printf("gtkwave: cannot write %s\n", path);
  else
    printf("waveform: %s, GTKWave save file %s (marker on cycle %llu)\n", k->wave, path,
           (unsigned long long)k->cycle);
}

/* Ports of this cycle, then (unless ports_only) the TLB valid bits after its edge.  On a
** difference: one line per differing signal and `first: NAME`, the first of them. */
static int compare(lk_t *k, const mmu_out_t *a, const mmu_out_t *b) {
  const char *first = NULL;
  char tlbname[32];
  /* the ports: tb/lockstep.c's table, in the contract's order */
  lockstep_diff_t diff[LOCKSTEP_MAX_DIFFS];
  uint32_t n = lockstep_compare(a, b, diff, LOCKSTEP_MAX_DIFFS);
  for (uint32_t i = 0; i < n && i < LOCKSTEP_MAX_DIFFS; i++) {
    if (!first) printf("lockstep: MISMATCH at cycle %llu\n", (unsigned long long)k->cycle);
    printf("  %-16s rtl 0x%llx  model 0x%llx\n", diff[i].port, (unsigned long long)diff[i].rtl,
           (unsigned long long)diff[i].model);
    if (!first) first = diff[0].port;
  }
  /* deep compare: the TLB's valid bits (entries of the same index in both) */
  for (uint32_t i = 0; i < k->m.tlb.entries && !k->ports_only; i++) {
    int v = rtl_dut_tlb_valid(k->d, i);
    if (v >= 0 && v != (int)k->m.tlb.e[i].valid) {
      if (!first) {
        printf("lockstep: MISMATCH at cycle %llu\n", (unsigned long long)k->cycle);
        snprintf(tlbname, sizeof tlbname, "tlb_valid[%u]", i);
        first = tlbname;
      }
      printf("  tlb_valid[%u]    rtl %d  model %d (after the edge)\n", i, v, k->m.tlb.e[i].valid);
    }
  }
  if (first) printf("first: %s\n", first);
  if (first && k->wave) write_gtkw(k);
  return first != NULL;
}

static void report(lk_t *k) {
  uint32_t i, n = k->nev < EVENTS ? k->nev : EVENTS;
  printf("  model state %d first %d left %u level %u kill %d\n  recent events:\n",
         (int)k->m.state_q, k->m.first_q, k->m.left_q, k->m.level_q, k->m.kill_q);
  for (i = 0; i < n; i++) printf("    %s\n", k->ev[(k->nev - n + i) % EVENTS]);
}

/* One seed: returns cycles compared, or -1 on a mismatch or setup failure. */
static long long run_seed(uint64_t seed, uint32_t requests, int rand_reset, const char *wave,
                          int verbose, uint32_t bug, int ports_only, int mix, cov_t *cov) {
  lk_t *k = calloc(1, sizeof *k);
  mmu_config_t cfg;
  mmu_in_t in;
  mmu_out_t om, od;
  uint32_t done = 0;
  uint64_t last_resp = 0;
  long long result = -1;
  if (!k) return -1;
  rtl_dut_config(&cfg);   /* the model runs the configuration the RTL was built with */
  k->r.s = seed * UINT64_C(0x9e3779b97f4a7c15) + 1u;
  k->verbose = verbose;
  k->ports_only = ports_only;
  k->mix = mix;
  k->cov = cov;
  if (mix && !(k->plan = calloc(PLAN_MAX, sizeof *k->plan))) goto out;
  if (mmu_init(&k->m, &cfg)) goto out;
  k->wave = wave;
  k->d = rtl_dut_new(&cfg, wave, rand_reset ? seed * UINT64_C(6364136223846793005) + 7u : 0);
  if (!k->d) goto out_m;
  if (rtl_dut_set_bug(k->d, bug)) goto out_d;   /* main checked rtl_dut_has_bugs */
  build_tables(k);
  if (mix) build_tables_x(k);
  while (done < requests) {
    random_inputs(k, &in);
    backdoor(k);
    if (cov) cov_before(cov, &k->m, &in);
    mmu_step(&k->m, &in, &om);
    if (cov) cov_after(cov, &k->m, &in, &om);
    rtl_dut_step(k->d, &in, &od);
    if (compare(k, &od, &om)) {
      report(k);
      goto out_d;
    }
    if (om.resp_valid) {
      done++;
      last_resp = k->cycle;
      if (verbose)
        printf("  cycle %llu resp mode %u va 0x%llx op %u fault %u cause %u pa 0x%llx hit %u "
               "level %u\n", (unsigned long long)k->cycle, k->m.req_q.mode,
               (unsigned long long)k->m.req_q.va, k->m.req_q.op, om.resp_fault, om.resp_cause,
               (unsigned long long)om.resp_paddr, om.resp_tlb_hit, om.resp_level);
      if (verbose > 1)
        for (uint32_t j = 0; j < k->m.walk_len; j++)
          printf("    level %u pte @0x%llx = 0x%llx: %s\n", k->m.walk_log[j].level,
                 (unsigned long long)k->m.walk_log[j].pte_addr,
                 (unsigned long long)k->m.walk_log[j].pte, ptw_why_text(k->m.walk_log[j].d.why));
    }
    k->cycle++;
    if (k->cycle - last_resp > HANG_CYCLES) {
      printf("lockstep: no response for %u cycles at cycle %llu\n", HANG_CYCLES,
             (unsigned long long)k->cycle);
      report(k);
      goto out_d;
    }
  }
  {
    const mmu_counters_t *c = &k->m.cnt;
    printf("lockstep: seed %llu%s: %u requests, %llu cycles; tlb hits %llu misses %llu, walks %llu, "
           "ad writes %llu, refills dropped %llu, faults pf %llu/%llu/%llu af %llu/%llu/%llu, "
           "sfences %llu, flushes %llu, satp writes %llu\n",
           (unsigned long long)seed, rand_reset ? " (random reset)" : "", done,
           (unsigned long long)k->cycle, (unsigned long long)c->tlb_hits,
           (unsigned long long)c->tlb_misses, (unsigned long long)c->walks,
           (unsigned long long)c->ad_writes, (unsigned long long)c->refills_dropped,
           (unsigned long long)c->faults[12], (unsigned long long)c->faults[13],
           (unsigned long long)c->faults[15], (unsigned long long)c->faults[1],
           (unsigned long long)c->faults[5], (unsigned long long)c->faults[7],
           (unsigned long long)c->sfences, (unsigned long long)c->flushes,
           (unsigned long long)c->satp_writes);
  }
  result = (long long)k->cycle;
out_d:
  rtl_dut_free(k->d);
out_m:
  mmu_free(&k->m);
out:
  free(k->plan);
  free(k);
  return result;
}

/* ---- directed scenarios (-d NAME): sequences the random driver reaches rarely or never,
** each the stimulus of one deliberate RTL bug of docs/rtl-bugs.md.  Same tables as the
** random run; every cycle is compared exactly as there. ---- */

#define D_SV39(asid) satp_make(SATP_MODE_SV39, (asid), SV39_ROOT >> 12)

/* One cycle of both; *om gets the model's outputs.  1 on a mismatch. */
static int d_step(lk_t *k, const mmu_in_t *in, mmu_out_t *om) {
  mmu_out_t od;
  if (k->cov) cov_before(k->cov, &k->m, in);
  mmu_step(&k->m, in, om);
  if (k->cov) cov_after(k->cov, &k->m, in, om);
  rtl_dut_step(k->d, in, &od);
  int bad = compare(k, &od, om);
  if (bad) report(k);
  k->cycle++;
  return bad;
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
  note(k, "satp write", satp, 0);
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
  note(k, "sfence va/asid", va, asid);
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
static int d_req(lk_t *k, uint8_t op, uint64_t va, uint8_t priv, uint8_t adue,
                 const mmu_in_t *at_refill, int *fired) {
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
  note(k, op == MMU_OP_R ? "accept R va/satp" : op == MMU_OP_W ? "accept W va/satp"
                                                               : "accept X va/satp", va, k->satp);
  if (d_step(k, &in, &om)) return 1;
  for (n = 0; n < HANG_CYCLES; n++) {
    mmu_in_idle(&in);
    if (at_refill && d_refill_edge(&k->m)) {
      in = *at_refill;
      note(k, "control at the refill edge", in.sfence_vaddr, in.sfence_asid);
      if (fired) *fired = 1;
    }
    if (d_step(k, &in, &om)) return 1;
    if (om.resp_valid) return 0;
  }
  printf("lockstep: directed request 0x%llx: no response\n", (unsigned long long)va);
  return 2;
}

#define D_TRY(x) do { int r_ = (x); if (r_) return r_; } while (0)
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
static int sc_svadu(lk_t *k) {
  return d_req(k, MMU_OP_R, UINT64_C(0x280001000), S, 1, NULL, NULL);
}

/* bug 6: a Svadu load from the misaligned 2 MiB page L1A[9] whose A and D are clear. */
static int sc_misaligned_clean(lk_t *k) {
  return d_req(k, MMU_OP_R, UINT64_C(0x1200040), S, 1, NULL, NULL);
}

/* bug 7: a load from the misaligned 2 MiB page L1A[7] (A and D set: no A/D write). */
static int sc_misaligned(lk_t *k) {
  return d_req(k, MMU_OP_R, UINT64_C(0xe00040), S, 1, NULL, NULL);
}

/* bug 8: a load through root[9], a pointer with U set. */
static int sc_nonleaf(lk_t *k) {
  return d_req(k, MMU_OP_R, UINT64_C(0x240200000), S, 1, NULL, NULL);
}

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
#undef S

typedef struct {
  const char *name;
  int (*run)(lk_t *k);
} scenario_t;

static const scenario_t scenarios[] = {
  {"walk", sc_walk}, {"lru", sc_lru}, {"asid", sc_asid}, {"global", sc_global},
  {"svadu", sc_svadu}, {"misaligned-clean", sc_misaligned_clean}, {"misaligned", sc_misaligned},
  {"nonleaf", sc_nonleaf}, {"refill-sfence", sc_refill_sfence}, {"hit-cause", sc_hit_cause},
};
#define NSCENARIOS (sizeof scenarios / sizeof scenarios[0])

/* Run scenario `name` on the tables of the random test: 0 all matched, 1 mismatch, 2 error. */
static int run_directed(const char *name, const char *wave, uint32_t bug, int ports_only, cov_t *cov) {
  const scenario_t *sc = NULL;
  mmu_config_t cfg;
  int rc = 2;
  for (size_t i = 0; i < NSCENARIOS; i++)
    if (!strcmp(scenarios[i].name, name)) sc = &scenarios[i];
  if (!sc) {
    fprintf(stderr, "test_lockstep: unknown scenario '%s'; known:", name);
    for (size_t i = 0; i < NSCENARIOS; i++) fprintf(stderr, " %s", scenarios[i].name);
    fputc('\n', stderr);
    return 2;
  }
  lk_t *k = calloc(1, sizeof *k);
  if (!k) return 2;
  rtl_dut_config(&cfg);
  k->ports_only = ports_only;
  k->cov = cov;
  if (cfg.tlb_entries != 32 || cfg.tlb_ways != 32 || cfg.tlb_policy != REPL_LRU) {
    /* the scenarios' reasoning (docs/rtl-bugs.md) assumes the default TLB */
    fprintf(stderr, "test_lockstep: directed scenarios need the default TLB (32 ways, LRU)\n");
    goto out;
  }
  if (mmu_init(&k->m, &cfg)) goto out;
  k->wave = wave;
  k->d = rtl_dut_new(&cfg, wave, 0);
  if (!k->d) goto out_m;
  if (rtl_dut_set_bug(k->d, bug)) goto out_d;
  build_tables(k);
  rc = d_satp(k, D_SV39(1));
  if (!rc) rc = sc->run(k);
  if (rc == 0)
    printf("lockstep: directed %s: %llu cycles compared, 0 mismatches\n", name,
           (unsigned long long)k->cycle);
out_d:
  rtl_dut_free(k->d);
out_m:
  mmu_free(&k->m);
out:
  free(k);
  return rc;
}

static cov_t *g_cov;   /* -c: the bins of this run, NULL without -c */
static int run(int argc, char **argv);

/* -c FILE: run main's work with coverage on, then add the bins to FILE. */
static int with_coverage(int argc, char **argv, const char *file, const char *label) {
  char err[256];
  int rc;
  if (!*label || strlen(label) >= sizeof g_cov->label || strchr(label, '.') || strchr(label, ' ')) {
    fprintf(stderr, "test_lockstep: -l %s: expected a label of 1..15 characters, no '.' or space\n", label);
    return 2;
  }
  g_cov = malloc(sizeof *g_cov);
  if (!g_cov) return 2;
  cov_init(g_cov, label);
  rc = run(argc, argv);     /* again, now with g_cov set (with_coverage is not re-entered) */
  if (cov_load_add(g_cov, file, err, sizeof err)) {
    fprintf(stderr, "test_lockstep: %s\n", err);
    rc = 2;
  } else if (cov_save(g_cov, file)) {
    fprintf(stderr, "test_lockstep: cannot write %s\n", file);
    rc = 2;
  }
  free(g_cov);
  g_cov = NULL;
  return rc;
}

/* The command line; with -c it runs itself again under with_coverage. */
static int run(int argc, char **argv) {
  uint32_t requests = 2000, bug = 0;
  int rand_reset = 0, verbose = 0, nseeds = 0, ports_only = 0, i;
  const char *wave = NULL, *scenario = NULL, *cov_file = NULL, *label = "default";
  int mix = 0;
  long long total = 0;
  for (i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-n") && i + 1 < argc) requests = (uint32_t)strtoul(argv[++i], NULL, 0);
    else if (!strcmp(argv[i], "-r")) rand_reset = 1;
    else if (!strcmp(argv[i], "-v")) verbose++;
    else if (!strcmp(argv[i], "-w") && i + 1 < argc) wave = argv[++i];
    else if (!strcmp(argv[i], "-b") && i + 1 < argc) bug = (uint32_t)strtoul(argv[++i], NULL, 0);
    else if (!strcmp(argv[i], "-P")) ports_only = 1;
    else if (!strcmp(argv[i], "-d") && i + 1 < argc) scenario = argv[++i];
    else if (!strcmp(argv[i], "-X")) mix = 1;
    else if (!strcmp(argv[i], "-c") && i + 1 < argc) cov_file = argv[++i];
    else if (!strcmp(argv[i], "-l") && i + 1 < argc) label = argv[++i];
    else if (argv[i][0] == '-') {
      fprintf(stderr, "usage: %s [-n requests] [-r] [-w wave.fst] [-v] [-b bug] [-P] [-d scenario] "
                      "[-X] [-c coverage-file [-l label]] seed...\n", argv[0]);
      return 2;
    }
  }
  if (cov_file && !g_cov) return with_coverage(argc, argv, cov_file, label);
  if (bug && !rtl_dut_has_bugs()) {
    fprintf(stderr, "test_lockstep: -b needs a build with RTL_BUGS=1 (verilated +define+MMULAB_BUGS)\n");
    return 2;
  }
  if (scenario) return run_directed(scenario, wave, bug, ports_only, g_cov);
  for (i = 1; i < argc; i++) {
    if (argv[i][0] == '-') {
      if (argv[i][1] && strchr("nwbdcl", argv[i][1]) && !argv[i][2]) i++;   /* and its value */
      continue;
    }
    long long c = run_seed(strtoull(argv[i], NULL, 0), requests, rand_reset, wave, verbose, bug,
                           ports_only, mix, g_cov);
    if (c < 0) {
      printf("lockstep: %lld cycles compared, 1 mismatch (seed %s)\n", total, argv[i]);
      return 1;
    }
    total += c;
    nseeds++;
  }
  if (nseeds == 0) {
    long long c = run_seed(1, requests, rand_reset, wave, verbose, bug, ports_only, mix, g_cov);
    if (c < 0) return 1;
    total += c;
  }
  printf("lockstep: %lld cycles compared, 0 mismatches\n", total);
  return 0;
}

int main(int argc, char **argv) { return run(argc, argv); }
