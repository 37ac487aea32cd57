/*
** pagetable.c -- software page-table walk and the kernel pool of
** page-table pages.  All table memory is read and written through the HAL:
** the firmware has no other view of physical memory.
*/
#include "pagetable.h"
#include "os_internal.h"

void pagetable_init(os_t *os) {
  for (uint32_t i = 0; i < os->cfg.pt_frames; i++) os->pt_owner[i] = OS_NONE;
}

uint64_t pagetable_page_pa(const os_t *os, uint32_t page) {
  return os->cfg.pt_base + ((uint64_t)page << RV_PAGE_SHIFT);
}

uint32_t pagetable_page_new(os_t *os, uint32_t pid) {
  /* Lowest free index: allocations are rare (one per 2 MiB of address
  ** space touched), so a scan is cheap and keeps the choice deterministic. */
  for (uint32_t i = 0; i < os->cfg.pt_frames; i++) {
    if (os->pt_owner[i] != OS_NONE) continue;
    os->pt_owner[i] = pid;
    os->proc[pid].pt_pages++;
    os_hw_zero_page(os, pagetable_page_pa(os, i));  /* a fresh table maps nothing */
    return i;
  }
  return OS_NONE;
}

void pagetable_free_all(os_t *os, uint32_t pid) {
  for (uint32_t i = 0; i < os->cfg.pt_frames; i++)
    if (os->pt_owner[i] == pid) os->pt_owner[i] = OS_NONE;
  os->proc[pid].pt_pages = 0;
}

int pagetable_va_ok(const os_t *os, uint64_t va) {
  uint32_t bits = rv_va_bits(os->cfg.mode);
  uint64_t top = va >> (bits - 1u);            /* bits 63..VA-1 */
  return top == 0 || top == (UINT64_MAX >> (bits - 1u));
}

/* Is ppn one of the kernel pool's pages?  A pointer anywhere else was not
** written by this OS. */
static int in_pool(const os_t *os, uint64_t ppn) {
  uint64_t first = os->cfg.pt_base >> RV_PAGE_SHIFT;
  return ppn >= first && ppn - first < os->cfg.pt_frames;
}

pt_status_t pagetable_walk(os_t *os, uint32_t pid, uint64_t va, int alloc, uint64_t *pte_pa) {
  uint32_t levels = rv_levels(os->cfg.mode), leaf = os_leaf_level(os);
  uint64_t table = os->proc[pid].root_ppn << RV_PAGE_SHIFT;

  if (!pagetable_va_ok(os, va)) return PT_BAD;
  for (uint32_t i = levels - 1u; i > leaf; i--) {
    uint64_t idx = (va >> (RV_PAGE_SHIFT + RV_VPN_BITS * i)) & 511u;
    uint64_t pa = table + idx * RV_PTE_SIZE;
    uint64_t pte = os_hw_read(os, pa);

    if (pte & PTE_V) {
      if ((pte & (PTE_R | PTE_W | PTE_X)) || !in_pool(os, pte_ppn(pte)))
        return PT_BAD;                         /* leaf above the OS's level, or foreign pointer */
      table = pte_ppn(pte) << RV_PAGE_SHIFT;
      continue;
    }
    if (pte != 0) return PT_BAD;                           /* swapped marks live in leaves only */
    if (!alloc) return PT_MISSING;
    uint32_t page = pagetable_page_new(os, pid);
    if (page == OS_NONE) return PT_NOMEM;
    table = pagetable_page_pa(os, page);
    os_hw_write(os, pa, pte_make(table >> RV_PAGE_SHIFT, OS_PTE_TABLE));
  }
  *pte_pa = table + ((va >> (RV_PAGE_SHIFT + RV_VPN_BITS * leaf)) & 511u) * RV_PTE_SIZE;
  return PT_OK;
}
