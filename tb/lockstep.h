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

/* The last requests and control inputs, kept by lockstep_step for a
** mismatch report, whichever front end drives the MMU. */
#define LOCKSTEP_EVENTS 12u
typedef enum {
  LOCKSTEP_EV_REQ = 0,    /* a request accepted (a: vaddr; b: paddr once done) */
  LOCKSTEP_EV_SATP,       /* satp written (a: value) */
  LOCKSTEP_EV_SFENCE,     /* sfence.vma (a: vaddr, b: asid, when has_va / has_asid) */
  LOCKSTEP_EV_FLUSH,      /* flush_i */
  LOCKSTEP_EV_NOTE        /* lockstep_note: text, a, b */
} lockstep_ev_kind_t;

typedef struct {
  uint8_t kind;           /* lockstep_ev_kind_t */
  uint8_t op;             /* REQ: MMU_OP_* */
  uint8_t done;           /* REQ: the response came */
  uint8_t has_va, has_asid;   /* SFENCE */
  uint32_t line, pid;     /* REQ: the front end's tag when accepted (lockstep_tag) */
  uint32_t cause;         /* REQ: 0, or the fault */
  uint64_t cycle;         /* the cycle whose edge took it */
  uint64_t a, b;
  uint64_t latency;       /* REQ: accept..response cycles */
  char text[48];          /* NOTE */
} lockstep_event_t;

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
  int wave_model;         /* the waveform shows the model's outputs too (dut.set_model) */
  int deep;               /* also compare TLB entries and LRU ages after every edge */
  /* event log: ev[n % LOCKSTEP_EVENTS] for the last LOCKSTEP_EVENTS of nev */
  lockstep_event_t ev[LOCKSTEP_EVENTS];
  uint64_t nev;
  uint64_t pending;       /* 1 + number of the in-flight request's event, 0 none */
  uint32_t tag_line, tag_pid;
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
uint32_t lockstep_compare(const mmu_out_t *rtl, const mmu_out_t *model, lockstep_diff_t *diff, uint32_t max);

/* Tag the requests accepted from now on (a trace's line and pid), for the
** event log; line 0: none, pid LOCKSTEP_NO_PID: none (the state after init). */
#define LOCKSTEP_NO_PID UINT32_MAX
void lockstep_tag(lockstep_t *ls, uint32_t line, uint32_t pid);

/* Add a free-text event to the log (a backdoor write, say). */
void lockstep_note(lockstep_t *ls, const char *text, uint64_t a, uint64_t b);

/* Ask for a waveform of cycles [from, to) in path (replay after a mismatch). */
void lockstep_wave_window(lockstep_t *ls, const char *path, uint64_t from, uint64_t to);

/* Should the driver stop?  At the first mismatch; in a replay, once the
** waveform window is complete. */
int lockstep_stop(const lockstep_t *ls);

/* A front end that ran out of stimulus before the waveform window closed:
** step idle cycles until it is complete (GTKWave drops a view start whose
** view would pass the end of the dump). */
void lockstep_finish_wave(lockstep_t *ls);

/* Physical memory, for the firmware: reads come from the model, writes go
** to both sides (each owns its memory). */
uint64_t lockstep_mem_read64(const lockstep_t *ls, uint64_t pa);
void lockstep_mem_write64(lockstep_t *ls, uint64_t pa, uint64_t value);

#endif
