/*
** swap.c -- swap slot allocation and page transfers.  A page goes frame ->
** bounce -> disk on the way out and back on the way in, since the HAL's
** disk calls take a buffer and the firmware reaches RAM only word by word.
** A huge page moves as all of its 4 KiB blocks, each paying disk_cycles.
*/
#include "swap.h"
#include "frames.h"
#include "os_internal.h"

void swap_init(os_t *os) {
  for (uint32_t i = 0; i < os->cfg.swap_slots; i++) os->swap_owner[i] = OS_NONE;
  os->swap_hint = 0;
}

uint32_t swap_alloc(os_t *os, uint32_t pid) {
  for (uint32_t i = os->swap_hint; i < os->cfg.swap_slots; i++) {
    if (os->swap_owner[i] != OS_NONE) continue;
    os->swap_owner[i] = pid;
    os->proc[pid].swapped++;
    os->swap_hint = i + 1u;          /* everything below i+1 is now taken */
    return i;
  }
  os->swap_hint = os->cfg.swap_slots;
  return OS_NONE;
}

void swap_free(os_t *os, uint32_t slot) {
  os->proc[os->swap_owner[slot]].swapped--;
  os->swap_owner[slot] = OS_NONE;
  if (slot < os->swap_hint) os->swap_hint = slot;
}

void swap_free_all(os_t *os, uint32_t pid) {
  for (uint32_t i = 0; i < os->cfg.swap_slots; i++)
    if (os->swap_owner[i] == pid) swap_free(os, i);
}

int swap_owned(const os_t *os, uint32_t slot, uint32_t pid) {
  return slot < os->cfg.swap_slots && os->swap_owner[slot] == pid;
}

/* Block b of slot: a slot is os_blocks() consecutive 4 KiB blocks of the
** device (os.h), so 2 MiB pages need slots * 512 blocks. */
static uint32_t block_of(const os_t *os, uint32_t slot, uint32_t b) { return slot * os_blocks(os) + b; }

void swap_out(os_t *os, uint32_t f, uint32_t slot) {
  uint64_t pa = frames_pa(os, f);

  for (uint32_t b = 0; b < os_blocks(os); b++, pa += RV_PAGE_SIZE) {
    for (uint32_t i = 0; i < HAL_PAGE_WORDS; i++) os->bounce[i] = os_hw_read(os, pa + (uint64_t)i * 8u);
    os->hal.disk_write(os->hal.ctx, block_of(os, slot, b), os->bounce);
    os_hw_wait(os, os->cfg.disk_cycles);
  }
}

void swap_in(os_t *os, uint32_t slot, uint32_t f) {
  uint64_t pa = frames_pa(os, f);

  for (uint32_t b = 0; b < os_blocks(os); b++, pa += RV_PAGE_SIZE) {
    os->hal.disk_read(os->hal.ctx, block_of(os, slot, b), os->bounce);
    for (uint32_t i = 0; i < HAL_PAGE_WORDS; i++) os_hw_write(os, pa + (uint64_t)i * 8u, os->bounce[i]);
    os_hw_wait(os, os->cfg.disk_cycles);
  }
}
