/*
** policy_hw.c -- what a policy of its own (policy.h) may ask: the frame
** count, whether a frame is in use, and the A/D bits of the page in it,
** read from (and A cleared in) its PTE through the HAL.
*/
#include "policy.h"
#include "frames.h"
#include "os_internal.h"
#include "pagetable.h"

uint32_t policy_frames(const os_t *os) { return os->cfg.frames; }

int policy_in_use(const os_t *os, uint32_t f) { return f < os->cfg.frames && os->frame[f].owner != OS_NONE; }

/* The leaf PTE mapping frame f's page, in *pte at *pte_pa: 1, or 0 when f
** is free or its PTE no longer points at it (the OS is unmapping it). */
static int leaf(os_t *os, uint32_t f, uint64_t *pte_pa, uint64_t *pte) {
  const os_frame_t *fr;

  if (!policy_in_use(os, f)) return 0;
  fr = &os->frame[f];
  if (pagetable_walk(os, fr->owner, fr->vpn << RV_PAGE_SHIFT, 0, pte_pa) != PT_OK) return 0;
  *pte = os_hw_read(os, *pte_pa);
  return (*pte & PTE_V) && pte_ppn(*pte) == frames_pa(os, f) >> RV_PAGE_SHIFT;
}

int policy_accessed(os_t *os, uint32_t f) {
  uint64_t pte_pa, pte;

  return leaf(os, f, &pte_pa, &pte) && (pte & PTE_A);
}

int policy_take_accessed(os_t *os, uint32_t f) {
  uint64_t pte_pa, pte;

  if (!leaf(os, f, &pte_pa, &pte) || !(pte & PTE_A)) return 0;
  os_hw_write(os, pte_pa, pte & ~(uint64_t)PTE_A);
  os_hw_sfence_page(os, os->frame[f].vpn << RV_PAGE_SHIFT, os->frame[f].owner); /* no stale A=1 in the TLB */
  return 1;
}

int policy_dirty(os_t *os, uint32_t f) {
  uint64_t pte_pa, pte;

  return leaf(os, f, &pte_pa, &pte) && (pte & PTE_D);
}
