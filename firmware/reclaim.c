/*
** reclaim.c -- eviction and the decision to OOM-kill.  A clean page can
** only be an untouched zero-filled one (pages from swap are mapped dirty),
** so dropping it loses nothing: its next fault zero-fills again.
*/
#include "reclaim.h"
#include "frames.h"
#include "oom.h"
#include "os_internal.h"
#include "pagetable.h"
#include "swap.h"

enum { EVICT_OK, EVICT_NO_SWAP, EVICT_BAD };

/* Take frame f from its owner: swap out if dirty, else drop; unmap and
** flush the owner's TLB entry for the page. */
static int evict(os_t *os, uint32_t f) {
  uint32_t owner = os->frame[f].owner;
  uint64_t va = os->frame[f].vpn << RV_PAGE_SHIFT, pte_pa, pte;

  if (owner == OS_NONE || pagetable_walk(os, owner, va, 0, &pte_pa) != PT_OK) return EVICT_BAD;
  pte = os_hw_read(os, pte_pa);
  if (!(pte & PTE_V) || pte_ppn(pte) != frames_pa(os, f) >> RV_PAGE_SHIFT) return EVICT_BAD;
  if (pte & PTE_D) {
    uint32_t slot = swap_alloc(os, owner);
    if (slot == OS_NONE) return EVICT_NO_SWAP;
    swap_out(os, f, slot);
    pte = pte_make(slot, OS_PTE_SWAPPED);   /* V=0, PPN field = slot */
    os->st.swap_outs++;
  } else {
    pte = 0;
    os->st.discards++;
  }
  os_hw_write(os, pte_pa, pte);
  os_hw_sfence_page(os, va, owner);
  os->st.evictions++;
  frames_unlink(os, f);
  return EVICT_OK;
}

os_fault_result_t reclaim_frame(os_t *os, uint32_t pid, uint32_t *f) {
  /* Each pass either returns or kills a process, and pids are never
  ** reused, so this ends. */
  for (;;) {
    uint32_t got = frames_take_free(os), killed;
    int r;

    if (got != OS_NONE) {
      *f = got;
      return OS_RETRY;
    }
    got = frames_victim(os);
    if (got == OS_NONE) return OS_SEGV; /* OPT without its oracle, or a student policy's bad victim */
    r = evict(os, got);
    if (r == EVICT_OK) {
      *f = got;
      return OS_RETRY;
    }
    if (r == EVICT_BAD) return OS_SEGV;
    killed = oom_kill_largest(os); /* dirty victim and swap full */
    if (killed == OS_NONE) return OS_SEGV;
    if (killed == pid) return OS_KILLED;
  }
}

os_fault_result_t reclaim_pt(os_t *os, uint32_t pid) {
  uint32_t killed = oom_kill_largest(os);

  if (killed == OS_NONE) return OS_SEGV;
  return killed == pid ? OS_KILLED : OS_RETRY;
}
