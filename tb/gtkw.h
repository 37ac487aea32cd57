/*
** gtkw.h -- write a GTKWave save file (.gtkw) that opens a lockstep mismatch's
** waveform: the ports that differ first, each RTL port beside the C model's
** (scope TOP.mmu_model, tb/verilator/mmu_model.sv), then the MMU's signals
** grouped; the view zoomed to a few dozen cycles around the failing cycle,
** with the primary marker on it.
** The harness dumps cycle c as times 2c (clock low) and 2c+1 (rising edge).
*/
#ifndef MMULAB_GTKW_H
#define MMULAB_GTKW_H

#include <stdint.h>
#include "cache.h"
#include "lockstep.h"

typedef struct {
  const char *name;            /* group label, e.g. "Request" */
  const char *const *signals;  /* full names, e.g. "TOP.mmu_top.req_valid_i"; NULL-terminated */
} gtkw_group_t;

/* The MMU's groups: ports (request, response, memory, control) and the
** RTL state that explains them (FSM, walk, TLB).  NULL-terminated. */
extern const gtkw_group_t gtkw_mmu_groups[];

/* Write `path` for the waveform `dump_path` of the run that stopped at the
** mismatch in ls (its cycle, and its differing ports in contract order): the
** dump starts at cycle `from`.  First a group "Differing" with each
** differing port as TOP.mmu_top.X_o and, when model_scope (the dump has
** TOP.mmu_model: lockstep_t.wave_model of the replay), the model's value
** TOP.mmu_model.X_o below it and TOP.mmu_model.mismatch on top; then
** `groups` without those ports.  Without model_scope the file is the same less every line naming
** mmu_model.  A deep-compare difference (a TLB field, no port) adds no row.
** Signal names carry their bit ranges, as GTKWave wants for vectors; the
** cache latencies give the width of the RTL's stage counter.  Returns 0, or
** -1 if the file cannot be written. */
int gtkw_write(const char *path, const char *dump_path, uint64_t from, const lockstep_t *ls, int model_scope,
               const gtkw_group_t *groups, const cache_cfg_t *cache);

#endif
