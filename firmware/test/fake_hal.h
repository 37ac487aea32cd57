/*
** fake_hal.h -- a HAL for the firmware tests, and a second, independent
** Sv39/Sv48 walker that plays the hardware: flat memory over the two
** regions, recorded satp/sfence/PTE writes, an array swap store, summed waits.
*/
#ifndef MMULAB_FAKE_HAL_H
#define MMULAB_FAKE_HAL_H

#include <stdint.h>
#include "hal.h"

#define FAKE_PT_BASE   UINT64_C(0x80000000)
#define FAKE_PT_PAGES  64u
#define FAKE_USER_BASE UINT64_C(0x80400000)
#define FAKE_FRAMES    16u
#define FAKE_SWAP      16u
#define FAKE_EVENTS    65536u
#define FAKE_JUNK      UINT64_C(0xa5a5a5a5a5a5a5a5)  /* V=1 garbage: unzeroed tables show */

enum { EV_SATP, EV_SFENCE, EV_PT_WRITE, EV_DISK_WRITE, EV_DISK_READ };

typedef struct {
  int kind;
  int has_va, has_asid;
  uint64_t va, pa, value;      /* sfence va; PT write address and value; satp in value */
  uint32_t asid, slot;
} fake_event_t;

typedef struct {
  uint64_t pt_mem[FAKE_PT_PAGES * HAL_PAGE_WORDS];
  uint64_t user_mem[FAKE_FRAMES * HAL_PAGE_WORDS];
  uint64_t swap[FAKE_SWAP][HAL_PAGE_WORDS];
  uint64_t satp;               /* as last written */
  uint64_t satp_of[65536];     /* last satp written with each ASID */
  uint32_t nsatp;
  uint64_t waited;
  uint32_t disk_reads, disk_writes;
  uint32_t bad;                /* accesses outside both regions, bad slots */
  fake_event_t ev[FAKE_EVENTS];
  uint32_t nev;                /* may pass FAKE_EVENTS: the excess went to spill */
  fake_event_t spill;
  /* Huge-page tests (test_os_huge.c): an optional third region the test
  ** allocates, and the level at which the walker accepts user leaves. */
  uint64_t *big;               /* big_bytes of memory at big_base, or NULL */
  uint64_t big_base, big_bytes;
  uint32_t leaf_level;         /* 0: 4 KiB leaves (every other test), 1: 2 MiB, 2: 1 GiB */
  uint64_t (*big_swap)[HAL_PAGE_WORDS];  /* big_swap_blocks 4 KiB blocks instead of swap[], or NULL */
  uint32_t big_swap_blocks;
} fake_hal_t;

static inline uint64_t *fake_word(fake_hal_t *h, uint64_t pa) {
  if (pa & 7u) return 0;
  if (pa >= FAKE_PT_BASE && pa < FAKE_PT_BASE + FAKE_PT_PAGES * 4096u)
    return &h->pt_mem[(pa - FAKE_PT_BASE) / 8u];
  if (pa >= FAKE_USER_BASE && pa < FAKE_USER_BASE + FAKE_FRAMES * 4096u)
    return &h->user_mem[(pa - FAKE_USER_BASE) / 8u];
  if (h->big && pa >= h->big_base && pa - h->big_base < h->big_bytes) return &h->big[(pa - h->big_base) / 8u];
  return 0;
}

static inline fake_event_t *fake_event(fake_hal_t *h, int kind) {
  fake_event_t *e = h->nev < FAKE_EVENTS ? &h->ev[h->nev] : &h->spill;

  h->nev++;
  e->kind = kind;
  e->has_va = e->has_asid = 0;
  e->va = e->pa = e->value = 0;
  e->asid = e->slot = 0;
  return e;
}

static inline uint64_t fake_read64(void *ctx, uint64_t pa) {
  fake_hal_t *h = ctx;
  uint64_t *w = fake_word(h, pa);

  if (!w) {
    h->bad++;
    return 0;
  }
  return *w;
}

static inline void fake_write64(void *ctx, uint64_t pa, uint64_t value) {
  fake_hal_t *h = ctx;
  uint64_t *w = fake_word(h, pa);

  if (!w) {
    h->bad++;
    return;
  }
  *w = value;
  if (pa >= FAKE_PT_BASE && pa < FAKE_PT_BASE + FAKE_PT_PAGES * 4096u) {
    fake_event_t *e = fake_event(h, EV_PT_WRITE);
    e->pa = pa;
    e->value = value;
  }
}

static inline void fake_satp_write(void *ctx, uint64_t satp) {
  fake_hal_t *h = ctx;

  h->satp = satp;
  h->satp_of[(satp >> 44) & 0xffffu] = satp;
  h->nsatp++;
  fake_event(h, EV_SATP)->value = satp;
}

static inline void fake_sfence(void *ctx, int has_va, uint64_t va, int has_asid, uint16_t asid) {
  fake_event_t *e = fake_event(ctx, EV_SFENCE);

  e->has_va = has_va;
  e->va = va;
  e->has_asid = has_asid;
  e->asid = asid;
}

static inline void fake_disk_write(void *ctx, uint32_t slot, const uint64_t page[HAL_PAGE_WORDS]) {
  fake_hal_t *h = ctx;

  h->disk_writes++;
  fake_event(h, EV_DISK_WRITE)->slot = slot;
  if (h->big_swap) {
    if (slot >= h->big_swap_blocks) {
      h->bad++;
      return;
    }
    for (unsigned i = 0; i < HAL_PAGE_WORDS; i++) h->big_swap[slot][i] = page[i];
    return;
  }
  if (slot >= FAKE_SWAP) {
    h->bad++;
    return;
  }
  for (unsigned i = 0; i < HAL_PAGE_WORDS; i++) h->swap[slot][i] = page[i];
}

static inline void fake_disk_read(void *ctx, uint32_t slot, uint64_t page[HAL_PAGE_WORDS]) {
  fake_hal_t *h = ctx;

  h->disk_reads++;
  fake_event(h, EV_DISK_READ)->slot = slot;
  if (h->big_swap) {
    if (slot >= h->big_swap_blocks) {
      h->bad++;
      return;
    }
    for (unsigned i = 0; i < HAL_PAGE_WORDS; i++) page[i] = h->big_swap[slot][i];
    return;
  }
  if (slot >= FAKE_SWAP) {
    h->bad++;
    return;
  }
  for (unsigned i = 0; i < HAL_PAGE_WORDS; i++) page[i] = h->swap[slot][i];
}

static inline void fake_wait(void *ctx, uint64_t cycles) { ((fake_hal_t *)ctx)->waited += cycles; }

/* Junk in all memory, so that a table or frame the OS forgets to zero
** shows up; then bind the functions. */
static inline void fake_hal_init(fake_hal_t *h, hal_t *hal) {
  for (unsigned i = 0; i < FAKE_PT_PAGES * HAL_PAGE_WORDS; i++) h->pt_mem[i] = FAKE_JUNK;
  for (unsigned i = 0; i < FAKE_FRAMES * HAL_PAGE_WORDS; i++) h->user_mem[i] = FAKE_JUNK;
  hal->ctx = h;
  hal->mem_read64 = fake_read64;
  hal->mem_write64 = fake_write64;
  hal->satp_write = fake_satp_write;
  hal->sfence = fake_sfence;
  hal->disk_write = fake_disk_write;
  hal->disk_read = fake_disk_read;
  hal->wait = fake_wait;
}

/* ---- The reference walker: the hardware's side, written from the RISC-V
** privileged spec ("Virtual Address Translation Process", Sv39/Sv48) and
** docs/timing-contract.md §3, with its own literal bit numbers:
** PTE bit 0 V, 1 R, 2 W, 3 X, 4 U, 6 A, 7 D, PPN at bits 53:10;
** satp MODE 63:60 (8 Sv39, 9 Sv48), ASID 59:44, PPN 43:0. */

enum { REF_R = 0, REF_W = 1, REF_X = 2 };

static inline uint64_t ref_ppn(uint64_t pte) { return (pte >> 10) & ((UINT64_C(1) << 44) - 1); }

/* Address of va's PTE at level h->leaf_level (0 unless a huge-page test
** set it) under satp, or 0 when a pointer is missing (0 is outside every
** fake region, so it never names a real PTE). */
static inline uint64_t ref_leaf_addr(fake_hal_t *h, uint64_t satp, uint64_t va) {
  int levels = (satp >> 60) == 9 ? 4 : 3, leaf = (int)h->leaf_level;
  uint64_t table = (satp & ((UINT64_C(1) << 44) - 1)) << 12;

  for (int i = levels - 1; i > leaf; i--) {
    uint64_t *w = fake_word(h, table + ((va >> (12 + 9 * i)) & 511) * 8);
    if (!w || (*w & 1) == 0 || (*w & 0xe) != 0)  /* absent, or not a pointer */
      return 0;
    table = ref_ppn(*w) << 12;
  }
  return table + ((va >> (12 + 9 * leaf)) & 511) * 8;
}

/* The raw leaf PTE of va (0 if the path is absent). */
static inline uint64_t ref_leaf(fake_hal_t *h, uint64_t satp, uint64_t va) {
  uint64_t a = ref_leaf_addr(h, satp, va), *w = a ? fake_word(h, a) : 0;
  return w ? *w : 0;
}

/* Translate a U-mode access as the MMU does.  Returns 0 and *pa, or the
** page-fault cause (12 X, 13 R, 15 W).  Under Svadu a missing A (or D on
** a store) is set in memory, as the hardware's AD stage does. */
static inline uint32_t ref_translate(fake_hal_t *h, uint64_t satp, uint64_t va, int op, int adue,
                                     uint64_t *pa) {
  uint32_t cause = op == REF_W ? 15u : op == REF_X ? 12u : 13u;
  int levels = (satp >> 60) == 9 ? 4 : 3, vabits = 12 + 9 * levels;
  uint64_t top = va >> (vabits - 1), table = (satp & ((UINT64_C(1) << 44) - 1)) << 12;

  if (top != 0 && top != (UINT64_MAX >> (vabits - 1))) return cause; /* not canonical */
  for (int i = levels - 1; i >= 0; i--) {
    uint64_t *w = fake_word(h, table + ((va >> (12 + 9 * i)) & 511) * 8), p;
    if (!w) return cause; /* (an access fault on real hardware) */
    p = *w;
    if (!(p & 1) || ((p & 4) && !(p & 2)) || (p >> 54)) return cause;
    if (p & 0xa) { /* R or X: a leaf */
      int ok = op == REF_W ? (p & 4) != 0 : op == REF_X ? (p & 8) != 0 : (p & 2) != 0;
      uint64_t need = 0x40 | (op == REF_W ? 0x80u : 0u);
      uint64_t low = (UINT64_C(1) << (9 * i)) - 1; /* PPN bits a level-i leaf must have zero */
      if (i != (int)h->leaf_level || !(p & 0x10) || !ok || (ref_ppn(p) & low))
        return cause; /* the test's page size; misaligned superpage */
      if ((p & need) != need) {
        if (!adue) return cause; /* Svade: the OS must set A/D */
        *w = p | need; /* Svadu: hardware sets them */
      }
      *pa = (ref_ppn(p) << 12) | (va & ((UINT64_C(1) << (12 + 9 * i)) - 1));
      return 0;
    }
    if (p & 0xd0) return cause; /* A, D or U on a pointer */
    table = ref_ppn(p) << 12;
  }
  return cause; /* level 0 held a pointer */
}

/* Every valid leaf reachable from satp's root, as PPNs into out[]; returns
** how many (at most max are stored). */
static inline unsigned ref_leaves_at(fake_hal_t *h, uint64_t table, int level, uint64_t *out, unsigned n,
                                     unsigned max) {
  for (unsigned i = 0; i < 512; i++) {
    uint64_t *w = fake_word(h, table + i * 8), p;
    if (!w || !((p = *w) & 1)) continue;
    if (p & 0xa) {
      if (n < max) out[n] = ref_ppn(p);
      n++;
    } else if (level > 0) {
      n = ref_leaves_at(h, ref_ppn(p) << 12, level - 1, out, n, max);
    }
  }
  return n;
}

static inline unsigned ref_leaves(fake_hal_t *h, uint64_t satp, uint64_t *out, unsigned max) {
  int levels = (satp >> 60) == 9 ? 4 : 3;
  return ref_leaves_at(h, (satp & ((UINT64_C(1) << 44) - 1)) << 12, levels - 1, out, 0, max);
}

#endif
