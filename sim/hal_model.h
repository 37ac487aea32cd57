/*
** hal_model.h -- the firmware's HAL (firmware/hal.h) over the MMU: the C
** model, or model and RTL in lockstep.  Memory goes to the backdoor of
** both, satp/sfence take one cycle, the swap device is an in-memory
** array, and wait() adds to a counter.
*/
#ifndef MMULAB_HAL_MODEL_H
#define MMULAB_HAL_MODEL_H

#include <stdint.h>
#include "hal.h"
#include "lockstep.h"

typedef struct {
  lockstep_t *ls;
  uint64_t **slot;        /* swap store: slot[i] is NULL until first written */
  uint32_t slots;
  uint64_t os_cycles;     /* sum of wait() calls: time the OS spent */
  uint64_t disk_reads, disk_writes;
  uint32_t error;         /* a HAL call the model could not serve (see hal_model_error) */
} hal_model_t;

enum {
  HAL_MODEL_OK = 0,
  HAL_MODEL_BAD_SLOT,     /* disk transfer to a slot >= slots */
  HAL_MODEL_NO_MEMORY,    /* a swap page could not be allocated */
  HAL_MODEL_BUSY          /* satp/sfence while a request was in flight */
};

/* Bind to an MMU (not owned) with `slots` swap slots.  Returns 0, or -1
** when the slot table cannot be allocated. */
int hal_model_init(hal_model_t *h, lockstep_t *ls, uint32_t slots);
void hal_model_free(hal_model_t *h);

/* Fill *hal with the functions of this HAL and ctx = h. */
void hal_model_bind(hal_model_t *h, hal_t *hal);

/* Text for h->error, e.g. "disk transfer to a slot beyond the swap size". */
const char *hal_model_error(uint32_t error);

#endif
