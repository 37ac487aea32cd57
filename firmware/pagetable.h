/*
** pagetable.h -- the firmware's software walk of Sv39/Sv48 tables through
** the HAL, and the kernel pool that page-table pages come from.
** User leaves sit at one level, the OS's page size (os.h): level 0 for
** 4 KiB, 1 for 2 MiB, 2 for 1 GiB; pointers are V alone, leaves carry R/W/X.
*/
#ifndef MMULAB_PAGETABLE_H
#define MMULAB_PAGETABLE_H

#include <stdint.h>
#include "os.h"

typedef enum {
  PT_OK = 0,      /* *pte_pa is the leaf PTE's address */
  PT_MISSING,     /* a table on the path is absent (walk without alloc) */
  PT_NOMEM,       /* a table was needed and the kernel pool is empty */
  PT_BAD          /* va not canonical, or a PTE on the path the OS never writes */
} pt_status_t;

/* Mark every pool page free. */
void pagetable_init(os_t *os);

/* Physical address of pool page `page`. */
uint64_t pagetable_page_pa(const os_t *os, uint32_t page);

/* Take the lowest free pool page for pid, zero it through the HAL and
** count it in pid's pt_pages.  Returns its index, or OS_NONE if none left. */
uint32_t pagetable_page_new(os_t *os, uint32_t pid);

/* Return every pool page owned by pid (an OOM kill); nothing is written. */
void pagetable_free_all(os_t *os, uint32_t pid);

/* Is va canonical for the configured mode (bits 63..VA-1 all equal)? */
int pagetable_va_ok(const os_t *os, uint64_t va);

/* Walk pid's table to the PTE of va at the user leaf level (0 for 4 KiB
** pages, 1 for 2 MiB, 2 for 1 GiB).  With alloc, absent tables are
** created (zeroed, owned by pid); a PT_NOMEM walk may be repeated after
** memory was freed: tables made so far stay. */
pt_status_t pagetable_walk(os_t *os, uint32_t pid, uint64_t va, int alloc, uint64_t *pte_pa);

#endif
