/*
** hal.h -- the only door between the OS firmware and the hardware.
** The firmware never sees the model, the RTL or the FPGA: it calls these.
** A HAL is a table of functions plus an opaque context; sim/hal_model.c
** implements it over the C model, the lockstep harness over both sides.
*/
#ifndef MMULAB_HAL_H
#define MMULAB_HAL_H

#include <stdint.h>

#define HAL_PAGE_WORDS 512u   /* 64-bit words in a 4 KiB page */

typedef struct {
  void *ctx;
  /* Physical memory, one 8-byte aligned word.  No cycles are counted:
  ** the firmware's own memory traffic is not what mmulab measures. */
  uint64_t (*mem_read64)(void *ctx, uint64_t pa);
  void (*mem_write64)(void *ctx, uint64_t pa, uint64_t value);
  /* Control port of the MMU (each takes one clock cycle, contract §Control). */
  void (*satp_write)(void *ctx, uint64_t satp);
  void (*sfence)(void *ctx, int has_va, uint64_t va, int has_asid, uint16_t asid);
  /* Swap device: one 4 KiB block per number (`slot` here).  With huge
  ** pages the OS's swap slot spans several consecutive blocks (os.h). */
  void (*disk_write)(void *ctx, uint32_t slot, const uint64_t page[HAL_PAGE_WORDS]);
  void (*disk_read)(void *ctx, uint32_t slot, uint64_t page[HAL_PAGE_WORDS]);
  /* Time the OS spends (fault handling, disk transfers): the MMU is idle,
  ** the harness adds the cycles to the run's total. */
  void (*wait)(void *ctx, uint64_t cycles);
} hal_t;

#endif
