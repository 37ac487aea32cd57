/*
** physmem.c -- sparse physical memory: 4 KiB pages of 64-bit words in a
** chained hash on the page number, allocated zeroed on first write.
*/
#include <stdlib.h>
#include "physmem.h"

#define PM_PAGE_SHIFT 12u
#define PM_WORDS      512u          /* 4096 / 8 */
#define PM_BUCKETS    4096u         /* fixed: lookup cost is not on any timed path */
#define PM_PA_LIMIT   (UINT64_C(1) << 56)

struct physmem_page {
  uint64_t pn;                      /* page number, pa >> 12 */
  physmem_page_t *next;
  uint64_t w[PM_WORDS];
};

static uint32_t bucket_of(const physmem_t *m, uint64_t pn) {
  /* Fibonacci hashing spreads consecutive page numbers over the buckets. */
  return (uint32_t)((pn * UINT64_C(0x9E3779B97F4A7C15)) >> 32) & (m->nbuckets - 1u);
}

static physmem_page_t *find_page(const physmem_t *m, uint64_t pn) {
  physmem_page_t *p;
  for (p = m->bucket[bucket_of(m, pn)]; p; p = p->next)
    if (p->pn == pn) return p;
  return NULL;
}

int physmem_init(physmem_t *m, uint64_t base, uint64_t size) {
  m->base = base;
  m->size = size;
  m->bucket = NULL;
  m->nbuckets = PM_BUCKETS;
  m->pages = 0;
  if (size == 0 || (base & 0xfffu) || (size & 0xfffu)) return -1;
  if (base >= PM_PA_LIMIT || size > PM_PA_LIMIT - base) return -1;   /* also no wrap */
  m->bucket = calloc(PM_BUCKETS, sizeof *m->bucket);
  return m->bucket ? 0 : -1;
}

void physmem_free(physmem_t *m) {
  uint32_t b;
  if (m->bucket) {
    for (b = 0; b < m->nbuckets; b++) {
      physmem_page_t *p = m->bucket[b];
      while (p) {
        physmem_page_t *n = p->next;
        free(p);
        p = n;
      }
    }
  }
  free(m->bucket);
  m->bucket = NULL;
  m->pages = 0;
}

int physmem_in_range(const physmem_t *m, uint64_t pa, uint64_t len) {
  uint64_t off;
  if (len == 0) return 0;   /* contract says len >= 1 */
  if (pa < m->base) return 0;
  off = pa - m->base;
  /* written as differences so pa+len never has to be formed (it may wrap) */
  return off < m->size && len <= m->size - off;
}

uint64_t physmem_read64(const physmem_t *m, uint64_t pa) {
  const physmem_page_t *p;
  pa &= ~UINT64_C(7);
  if (!m->bucket || !physmem_in_range(m, pa, 8)) return 0;
  p = find_page(m, pa >> PM_PAGE_SHIFT);
  return p ? p->w[(pa >> 3) & (PM_WORDS - 1u)] : 0;
}

void physmem_write64(physmem_t *m, uint64_t pa, uint64_t value) {
  physmem_page_t *p;
  uint64_t pn;
  pa &= ~UINT64_C(7);
  if (!m->bucket || !physmem_in_range(m, pa, 8)) return;
  pn = pa >> PM_PAGE_SHIFT;
  p = find_page(m, pn);
  if (!p) {
    uint32_t b;
    p = calloc(1, sizeof *p);
    if (!p) return;           /* out of memory: the write is lost, like out of range */
    b = bucket_of(m, pn);
    p->pn = pn;
    p->next = m->bucket[b];
    m->bucket[b] = p;
    m->pages++;
  }
  p->w[(pa >> 3) & (PM_WORDS - 1u)] = value;
}
