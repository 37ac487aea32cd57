/*
** swap.h -- swap slots and page transfers to and from the swap device.
** A slot belongs to one process; the lowest free slot is always taken, so
** slot numbers are deterministic.
*/
#ifndef MMULAB_SWAP_H
#define MMULAB_SWAP_H

#include <stdint.h>
#include "os.h"

/* Mark every slot free. */
void swap_init(os_t *os);

/* Take the lowest free slot for pid (counted in its `swapped`), or OS_NONE. */
uint32_t swap_alloc(os_t *os, uint32_t pid);

/* Give slot back (its owner's `swapped` counted down). */
void swap_free(os_t *os, uint32_t slot);

/* Free every slot pid owns (an OOM kill). */
void swap_free_all(os_t *os, uint32_t pid);

/* Is slot a slot that pid owns? */
int swap_owned(const os_t *os, uint32_t slot, uint32_t pid);

/* Copy frame f to slot through the bounce buffer, block by block; costs
** disk_cycles per 4 KiB block (one for 4 KiB pages, 512 for 2 MiB). */
void swap_out(os_t *os, uint32_t f, uint32_t slot);

/* Copy slot into frame f the same way, at the same cost.
** The slot stays allocated: the caller frees it. */
void swap_in(os_t *os, uint32_t slot, uint32_t f);

#endif
