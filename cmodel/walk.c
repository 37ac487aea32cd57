/*
** walk.c -- the untimed page-table walk (see walk.h): ptw_decide on each
** PTE read straight from the model's memory.
*/
#include <string.h>
#include "walk.h"
#include "riscv.h"

int mmu_walk_why_at_leaf(ptw_why_t w) {
  return w == PTW_WHY_U_FROM_S || w == PTW_WHY_S_FROM_U || w == PTW_WHY_NO_PERM || w == PTW_WHY_MISALIGNED ||
         w == PTW_WHY_A_CLEAR || w == PTW_WHY_D_CLEAR;
}

void mmu_walk_untimed(const mmu_t *m, const ptw_req_t *r, uint64_t root_ppn, mmu_walk_t *w) {
  memset(w, 0, sizeof *w);
  uint32_t level = rv_levels(r->mode) - 1u;
  uint64_t addr = ptw_pte_addr(root_ppn, r->va, level);
  for (;;) {
    mmu_walk_step_t *s = &w->step[w->nsteps++];
    s->level = level;
    s->pte_addr = addr;
    if (!physmem_in_range(&m->mem, addr, RV_PTE_SIZE)) {
      ptw_decision_t d = { PTW_FAULT, PTW_WHY_ACCESS, 0, 0 };
      s->pte = 0;
      s->d = d;
      w->why = PTW_WHY_ACCESS;
      w->cause = ptw_access_fault_cause(r->op);
      return;
    }
    s->pte = mmu_mem_read64(m, addr);
    s->d = ptw_decide(s->pte, level, r);
    if (s->d.action == PTW_NEXT && level > 0 && w->nsteps < 4) {
      level--;
      addr = s->d.next_addr;
      continue;
    }
    if (s->d.action == PTW_FAULT) {
      w->why = s->d.why;
      w->cause = ptw_page_fault_cause(r->op);
      if (!mmu_walk_why_at_leaf(s->d.why)) return;
    } else {
      w->ok = 1;
      w->pa = ptw_leaf_pa(pte_ppn(s->pte), level, r->va);
    }
    w->has_leaf = 1;
    w->leaf_addr = addr;
    w->leaf_pte = s->pte;
    w->leaf_level = level;
    return;
  }
}
