/*
** fault.c -- the page-fault handler: A/D faults (Svade), major faults
** (page read back from swap) and minor faults (zero-filled first touch).
** Every new mapping is followed by an sfence for that page and ASID.
*/
#include "os.h"
#include "frames.h"
#include "os_internal.h"
#include "pagetable.h"
#include "reclaim.h"
#include "swap.h"

static os_fault_result_t segv(os_t *os) {
  os->st.segv++;
  return OS_SEGV;
}

/* Install frame f as pid's page at va (the whole naturally aligned page
** of the OS's size that holds va) and make the TLB forget the old PTE:
** an sfence with any va inside a superpage flushes it (timing contract
** §5), the page's first address is used. */
static void map(os_t *os, uint32_t pid, uint64_t va, uint64_t pte_pa, uint32_t f, uint64_t bits) {
  uint64_t base = os_page_base(os, va);

  frames_assign(os, f, pid, base >> RV_PAGE_SHIFT);
  os_hw_write(os, pte_pa, pte_make(frames_pa(os, f) >> RV_PAGE_SHIFT, bits));
  os_hw_sfence_page(os, base, pid);
}

/* A valid leaf faulted.  Under Svade that is the hardware asking for A
** (or D on a store); under Svadu the hardware sets them itself, so there
** is nothing the OS can fix. */
static os_fault_result_t ad_fault(os_t *os, uint32_t pid, uint64_t va, uint32_t cause, uint64_t pte_pa,
                                  uint64_t pte) {
  uint64_t want = pte | PTE_A | (cause == CAUSE_STORE_PAGE_FAULT ? PTE_D : 0u);

  if (os->cfg.adue || want == pte) return segv(os);
  os_hw_write(os, pte_pa, want);
  os_hw_sfence_page(os, os_page_base(os, va), pid);
  os->st.ad_faults++;
  return OS_RETRY;
}

/* The page is in swap: bring it back and map it dirty, since its slot is
** freed and RAM now holds the only copy. */
static os_fault_result_t major_fault(os_t *os, uint32_t pid, uint64_t va, uint64_t pte_pa, uint64_t pte) {
  uint32_t slot = (uint32_t)pte_ppn(pte), f;
  os_fault_result_t r;

  if (!swap_owned(os, slot, pid)) return segv(os);
  r = reclaim_frame(os, pid, &f);
  if (r != OS_RETRY) return r == OS_SEGV ? segv(os) : r;
  swap_in(os, slot, f);
  swap_free(os, slot);
  map(os, pid, va, pte_pa, f, OS_PTE_USER | PTE_A | PTE_D);
  os->proc[pid].major_faults++;
  os->st.major_faults++;
  os->st.swap_ins++;
  return OS_RETRY;
}

/* First touch: a zeroed frame (all of it, for a huge page).  Svadu maps
** with A=D=0 for the hardware to set; Svade sets A now, and D too if this
** very access is a store. */
static os_fault_result_t minor_fault(os_t *os, uint32_t pid, uint64_t va, uint32_t cause, uint64_t pte_pa) {
  uint64_t bits = OS_PTE_USER;
  uint32_t f;
  os_fault_result_t r = reclaim_frame(os, pid, &f);

  if (r != OS_RETRY) return r == OS_SEGV ? segv(os) : r;
  if (!os->cfg.adue) bits |= PTE_A | (cause == CAUSE_STORE_PAGE_FAULT ? PTE_D : 0u);
  os_hw_zero_user_page(os, frames_pa(os, f));
  map(os, pid, va, pte_pa, f, bits);
  os->proc[pid].minor_faults++;
  os->st.minor_faults++;
  return OS_RETRY;
}

os_fault_result_t os_handle_fault(os_t *os, uint32_t pid, uint64_t va, uint32_t cause) {
  uint64_t pte_pa, pte;
  pt_status_t w;

  os->st.faults++;
  os_hw_wait(os, os->cfg.fault_cycles);   /* the handler ran, whatever it finds */
  if (cause != CAUSE_FETCH_PAGE_FAULT && cause != CAUSE_LOAD_PAGE_FAULT && cause != CAUSE_STORE_PAGE_FAULT)
    return segv(os);
  if (pid >= OS_MAX_PROCS) return segv(os);
  if (os->proc[pid].state == OS_PROC_KILLED) return OS_KILLED;
  if (os->proc[pid].state != OS_PROC_ALIVE) return segv(os);
  while ((w = pagetable_walk(os, pid, va, 1, &pte_pa)) == PT_NOMEM) {
    os_fault_result_t r = reclaim_pt(os, pid);
    if (r != OS_RETRY) return r == OS_SEGV ? segv(os) : r;
  }
  if (w != PT_OK) return segv(os);              /* non-canonical va or a table we did not write */
  pte = os_hw_read(os, pte_pa);
  if (pte & PTE_V) return ad_fault(os, pid, va, cause, pte_pa, pte);
  if (pte & OS_PTE_SWAPPED) return major_fault(os, pid, va, pte_pa, pte);
  if (pte == 0) return minor_fault(os, pid, va, cause, pte_pa);
  return segv(os);
}
