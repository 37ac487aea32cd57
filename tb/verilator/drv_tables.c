/*
** drv_tables.c -- the page tables the lockstep driver writes through the backdoor into both
** memories before a run (drv.h): fixed Sv39/Sv48 trees with random level-0 leaves, and with
** -X the extra entries of every fault rule and page size.
*/
#include <string.h>
#include "drv.h"

/* A random level-0 entry: mostly leaves of every permission mix, some broken ones. */
uint64_t drv_random_l0(rng_t *r, uint64_t pa) {
  static const uint32_t rwx[] = { PTE_R, PTE_R | PTE_W, PTE_X, PTE_R | PTE_X, PTE_R | PTE_W | PTE_X };
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
  for (i = 0; i < 512; i++) wr(k, table + 8u * i, drv_random_l0(&k->r, data + 4096u * (i % 64u)));
  /* the last page of memory, and the first page above it (access fault on data) */
  wr(k, table + 8u * 510, pte(MEM_END - 4096u, PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D));
  wr(k, table + 8u * 511, pte(MEM_END, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D));
}

void drv_build_tables(lk_t *k) {
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
void drv_build_tables_x(lk_t *k) {
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
