/*
** os_internal.h -- what the firmware's own modules share and os.h does not
** publish: HAL wrappers (so every wait is counted in st.os_cycles) and the
** PTE bit sets of user pages.  Not for use outside firmware/.
*/
#ifndef MMULAB_OS_INTERNAL_H
#define MMULAB_OS_INTERNAL_H

#include <stdint.h>
#include "os.h"
#include "riscv.h"

/* Every user leaf: valid, R W X, user-accessible (A and D added per case). */
#define OS_PTE_USER (PTE_V | PTE_R | PTE_W | PTE_X | PTE_U)
/* A pointer to the next level: V alone (A, D, U are reserved there). */
#define OS_PTE_TABLE PTE_V

static inline uint64_t os_hw_read(const os_t *os, uint64_t pa) { return os->hal.mem_read64(os->hal.ctx, pa); }

static inline void os_hw_write(const os_t *os, uint64_t pa, uint64_t value) {
  os->hal.mem_write64(os->hal.ctx, pa, value);
}

static inline void os_hw_wait(os_t *os, uint64_t cycles) {
  os->st.os_cycles += cycles;
  os->hal.wait(os->hal.ctx, cycles);
}

/* sfence.vma for one page of one address space. */
static inline void os_hw_sfence_page(const os_t *os, uint64_t va, uint32_t pid) {
  os->hal.sfence(os->hal.ctx, 1, va, 1, (uint16_t)pid);
}

/* Zero the 4 KiB page at pa, one word at a time (no libc here). */
static inline void os_hw_zero_page(const os_t *os, uint64_t pa) {
  for (uint32_t i = 0; i < HAL_PAGE_WORDS; i++) os_hw_write(os, pa + (uint64_t)i * 8u, 0);
}

/* The user page size as a shift (os_config_check allows 12, 21, 30). */
static inline uint32_t os_shift(const os_t *os) { return os->cfg.page_shift; }

/* 4 KiB blocks in one user page: 1, 512 or 262144. */
static inline uint32_t os_blocks(const os_t *os) {
  return UINT32_C(1) << (os->cfg.page_shift - RV_PAGE_SHIFT);
}

/* Page-table level of a user leaf: 0 (4 KiB), 1 (2 MiB), 2 (1 GiB). */
static inline uint32_t os_leaf_level(const os_t *os) {
  return (os->cfg.page_shift - RV_PAGE_SHIFT) / RV_VPN_BITS;
}

/* va rounded down to the start of its user page. */
static inline uint64_t os_page_base(const os_t *os, uint64_t va) {
  return va & ~((UINT64_C(1) << os->cfg.page_shift) - 1u);
}

/* Zero the user page at pa (every 4 KiB block of it). */
static inline void os_hw_zero_user_page(const os_t *os, uint64_t pa) {
  for (uint32_t b = 0; b < os_blocks(os); b++) os_hw_zero_page(os, pa + ((uint64_t)b << RV_PAGE_SHIFT));
}

#endif
