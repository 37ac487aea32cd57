/*
** gtkw.h -- write a GTKWave save file (.gtkw) that opens a waveform with
** the MMU's signals grouped and the view and a marker on a given cycle.
** The harness dumps cycle c as times 2c (clock low) and 2c+1 (rising edge).
*/
#ifndef MMULAB_GTKW_H
#define MMULAB_GTKW_H

#include <stdint.h>
#include "cache.h"

typedef struct {
  const char *name;            /* group label, e.g. "Request" */
  const char *const *signals;  /* full names, e.g. "TOP.mmu_top.req_valid_i"; NULL-terminated */
} gtkw_group_t;

/* The MMU's groups: ports (request, response, memory, control) and the
** RTL state that explains them (FSM, walk, TLB).  NULL-terminated. */
extern const gtkw_group_t gtkw_mmu_groups[];

/* Write `path` for the waveform `dump_path`: the view starts at cycle
** `from`, the primary marker is on cycle `marker`.  Signal names carry
** their bit ranges, as GTKWave wants for vectors; the cache latencies give
** the width of the RTL's stage counter.  Returns 0, or -1 if the file
** cannot be written. */
int gtkw_write(const char *path, const char *dump_path, uint64_t from, uint64_t marker,
               const gtkw_group_t *groups, const cache_cfg_t *cache);

#endif
