/*
** walk.h -- the page-table walk without time: what a walk of memory finds
** now, with the same decisions as the MMU's walk (ptw_decide, step by
** step) and no side effects: no cycles, no cache or TLB change, no A/D
** write.  The translate mode uses it to tell a stale TLB entry (a hit
** that memory no longer agrees with) from a correct one.
*/
#ifndef MMULAB_WALK_H
#define MMULAB_WALK_H

#include <stdint.h>
#include "mmu.h"

typedef struct {
  mmu_walk_step_t step[4];
  uint32_t nsteps;
  int ok;               /* a leaf allows the access */
  ptw_why_t why;        /* the rule that failed when !ok */
  uint32_t cause;       /* when !ok: the page or access fault cause */
  int has_leaf;         /* the walk reached a leaf (allowed or not) */
  uint64_t leaf_addr, leaf_pte;
  uint32_t leaf_level;
  uint64_t pa;          /* when ok */
} mmu_walk_t;

/* Walk the page table at root_ppn for r (mode Sv39/Sv48, canonical va)
** over m's memory.  A PTE address outside memory ends the walk with an
** access fault (why PTW_WHY_ACCESS). */
void mmu_walk_untimed(const mmu_t *m, const ptw_req_t *r, uint64_t root_ppn, mmu_walk_t *w);

/* Is w one of the rules decided at a leaf (privilege, permission,
** alignment, A/D), so that a walk failing it still found a leaf? */
int mmu_walk_why_at_leaf(ptw_why_t w);

#endif
