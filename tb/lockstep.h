/*
** lockstep.h -- the model and a second implementation (the RTL), stepped
** together: every cycle both get the same inputs and every output port is
** compared.  Without a dut it is the model alone, at no extra cost.
*/
#ifndef MMULAB_LOCKSTEP_H
#define MMULAB_LOCKSTEP_H

#include <stdint.h>
#include "dut.h"
#include "mmu.h"

#define LOCKSTEP_MAX_DIFFS 16u

typedef struct {
  char port[32];          /* RTL port name, e.g. "resp_paddr_o"; deep: "tlb[3].vpn" */
  uint64_t rtl, model;
} lockstep_diff_t;

typedef struct {
  mmu_t *model;           /* the golden model (not owned) */
  dut_t dut;              /* the RTL; dut.step == NULL: model only (owned) */
  uint64_t cycles;        /* cycles stepped */
  uint64_t compared;      /* cycles whose outputs were compared */
  int mismatch;           /* set at the first differing cycle, then kept */
  uint64_t mismatch_cycle;
  mmu_in_t mismatch_in;   /* inputs of that cycle */
  lockstep_diff_t diff[LOCKSTEP_MAX_DIFFS];
  uint32_t ndiff;
  /* waveform window, for a replay: dump cycles [wave_from, wave_to) */
  const char *wave_path;
  uint64_t wave_from, wave_to;
  int wave_open;
  int wave_failed;
  int deep;               /* also compare TLB entries and LRU ages after every edge */
} lockstep_t;

/* Bind the model and (if dut is not NULL and dut->step is set) take
** ownership of the dut. */
void lockstep_init(lockstep_t *ls, mmu_t *model, const dut_t *dut);
/* Free the dut (closing any waveform); the model is the caller's. */
void lockstep_free(lockstep_t *ls);

int lockstep_has_dut(const lockstep_t *ls);

/* One cycle of both.  *out gets the model's outputs.  A difference sets
** ls->mismatch and records the cycle, inputs and differing ports (first
** mismatch only). */
void lockstep_step(lockstep_t *ls, const mmu_in_t *in, mmu_out_t *out);

/* Deep mode: after every cycle whose ports agree, compare the TLB too:
** each entry's valid bit, the fields of entries valid on both sides
** (level, perm, asid, vpn, ppn), and the LRU age of every way when the
** TLB's policy is true LRU.  Names like "tlb[3].vpn", "tlb_age[0][5]".
** Returns 0, or -1 when the dut cannot show its TLB. */
int lockstep_set_deep(lockstep_t *ls);

/* Compare two output sets port by port, in the contract's port order; the
** first `max` differences go to diff.  Returns the number of differences. */
uint32_t lockstep_compare(const mmu_out_t *rtl, const mmu_out_t *model, lockstep_diff_t *diff,
                          uint32_t max);

/* Ask for a waveform of cycles [from, to) in path (replay after a mismatch). */
void lockstep_wave_window(lockstep_t *ls, const char *path, uint64_t from, uint64_t to);

/* Should the driver stop?  At the first mismatch; in a replay, once the
** waveform window is complete. */
int lockstep_stop(const lockstep_t *ls);

/* Physical memory, for the firmware: reads come from the model, writes go
** to both sides (each owns its memory). */
uint64_t lockstep_mem_read64(const lockstep_t *ls, uint64_t pa);
void lockstep_mem_write64(lockstep_t *ls, uint64_t pa, uint64_t value);

#endif
