/*
** physmem.h -- sparse physical memory: 64-bit words, 4 KiB pages created
** on first write, unwritten memory reads as zero.  The model owns one; the
** lockstep harness owns a second for the RTL.  Deterministic: no iteration
** order leaks out.
*/
#ifndef MMULAB_PHYSMEM_H
#define MMULAB_PHYSMEM_H

#include <stdint.h>

typedef struct physmem_page physmem_page_t;

typedef struct {
  uint64_t base, size;        /* the range that exists: [base, base+size) */
  physmem_page_t **bucket;    /* hash of page number -> page, chained */
  uint32_t nbuckets;
  uint64_t pages;             /* pages allocated so far */
} physmem_t;

/* Returns 0, or -1 if size is 0, base/size not 4 KiB aligned, the range
** wraps or passes 2^56, or no memory. */
int physmem_init(physmem_t *m, uint64_t base, uint64_t size);
void physmem_free(physmem_t *m);

/* Is [pa, pa+len) inside the range?  len >= 1. */
int physmem_in_range(const physmem_t *m, uint64_t pa, uint64_t len);

/* Word access at pa & ~7.  Out of range: read gives 0, write is ignored;
** callers check physmem_in_range first (the MMU turns it into an access
** fault). */
uint64_t physmem_read64(const physmem_t *m, uint64_t pa);
void physmem_write64(physmem_t *m, uint64_t pa, uint64_t value);

#endif
