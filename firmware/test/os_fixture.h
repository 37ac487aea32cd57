/*
** os_fixture.h -- the fixture of the firmware tests (test_os_*.c): an OS booted on the
** fake HAL (fake_hal.h), accesses played as the hardware would (the test's own walk,
** ref_translate, decides residency, never the firmware's word), and the counts checked.
*/
#ifndef MMULAB_OS_FIXTURE_H
#define MMULAB_OS_FIXTURE_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "os.h"
#include "riscv.h"
#include "fake_hal.h"

#define P(x)  (1u << (x))          /* page x in a residency set */
#define PG(x) ((uint64_t)(x) * 4096u)

typedef struct {
  os_t os;
  fake_hal_t fh;
  hal_t hal;
  os_config_t cfg;
  uint32_t pageins;               /* accesses that found their page absent: the test's count */
} fx_t;

static inline int setup(void **state) {
  fx_t *fx = calloc(1, sizeof *fx);

  if (!fx) return -1;
  fake_hal_init(&fx->fh, &fx->hal);
  *state = fx;
  return 0;
}

static inline int teardown(void **state) {
  fx_t *fx = *state;
  int bad = fx->fh.bad != 0;      /* the OS touched memory outside its two regions */

  free(fx);
  return bad ? -1 : 0;
}

/* Fresh memory and HAL records, then an OS with the fake regions. */
static inline void boot(fx_t *fx, uint32_t mode, uint32_t adue, os_policy_t pol, uint32_t frames,
                        uint32_t swap) {
  memset(fx, 0, sizeof *fx);
  fake_hal_init(&fx->fh, &fx->hal);
  fx->cfg.mode = mode;
  fx->cfg.adue = adue;
  fx->cfg.policy = pol;
  fx->cfg.frames = frames;
  fx->cfg.user_base = FAKE_USER_BASE;
  fx->cfg.pt_frames = FAKE_PT_PAGES;
  fx->cfg.pt_base = FAKE_PT_BASE;
  fx->cfg.swap_slots = swap;
  fx->cfg.fault_cycles = 1000;
  fx->cfg.disk_cycles = 1000000;
  assert_null(os_config_check(&fx->cfg));
  assert_int_equal(os_init(&fx->os, &fx->cfg, &fx->hal), 0);
}

/* One U-mode access as the harness makes it: translate; on a page fault
** the OS serves it and the access is translated again, which must then
** succeed (one fault per access is all this OS ever needs); then the use
** is reported.  Returns OS_RETRY when the access completed, else the
** OS's answer (or -1 when the switch was refused). */
static inline int sim(fx_t *fx, uint32_t pid, uint64_t va, int op) {
  uint64_t pa = 0;
  uint32_t cause;

  if (os_switch_to(&fx->os, pid) != 0) return -1;
  assert_int_equal((fx->fh.satp >> 44) & 0xffffu, pid);  /* satp carries pid's ASID */
  cause = ref_translate(&fx->fh, fx->fh.satp, va, op, (int)fx->cfg.adue, &pa);
  if (cause) {
    int r;
    if (!(ref_leaf(&fx->fh, fx->fh.satp, va) & 1)) fx->pageins++;
    r = (int)os_handle_fault(&fx->os, pid, va, cause);
    if (r != OS_RETRY) return r;
    assert_int_equal(ref_translate(&fx->fh, fx->fh.satp, va, op, (int)fx->cfg.adue, &pa), 0);
  }
  os_access_done(&fx->os, pid, va, pa);
  return OS_RETRY;
}

/* Which of pages 0..n-1 does pid have resident, by the test's own walk? */
static inline uint32_t resident(fx_t *fx, uint32_t pid, unsigned n) {
  uint32_t set = 0;

  for (unsigned p = 0; p < n; p++)
    if (ref_leaf(&fx->fh, fx->fh.satp_of[pid], PG(p)) & 1) set |= P(p);
  return set;
}

/* Physical address of pid's page at va, by the test's own walk (0 if absent). */
static inline uint64_t pa_of(fx_t *fx, uint32_t pid, uint64_t va) {
  uint64_t pte = ref_leaf(&fx->fh, fx->fh.satp_of[pid], va);
  return (pte & 1) ? ref_ppn(pte) << 12 : 0;
}

static inline uint32_t count_free(const os_t *os) {
  uint32_t n = 0;

  for (uint32_t f = os->free_head; f != OS_NONE; f = os->frame[f].next) n++;
  return n;
}

/* Read pages refs[] in turn as pid 0; after each, the resident set must be
** want[i] (the hand tables next to each caller). */
/* Silberschatz, Galvin, Gagne, Operating System Concepts, ch. 9 (10th ed.
** ch. 10), reference string with 3 frames: FIFO 15 faults, LRU 12. */
static const uint8_t silb[20] = { 7, 0, 1, 2, 0, 3, 0, 4, 2, 3, 0, 3, 2, 1, 2, 0, 1, 7, 0, 1 };

/* FIFO on silb, 3 frames, queue oldest first (the pages resident after each reference):
**  7 F [7]      0 F [7 0]    1 F [7 0 1]  2 F [0 1 2]  0   [0 1 2]
**  3 F [1 2 3]  0 F [2 3 0]  4 F [3 0 4]  2 F [0 4 2]  3 F [4 2 3]
**  0 F [2 3 0]  3   [2 3 0]  2   [2 3 0]  1 F [3 0 1]  2 F [0 1 2]
**  0   [0 1 2]  1   [0 1 2]  7 F [1 2 7]  0 F [2 7 0]  1 F [7 0 1]
** 15 faults, as the book says. */
static const uint32_t silb_fifo3[20] = { P(7),
                                         P(0) | P(7),
                                         P(0) | P(1) | P(7),
                                         P(0) | P(1) | P(2),
                                         P(0) | P(1) | P(2),
                                         P(1) | P(2) | P(3),
                                         P(0) | P(2) | P(3),
                                         P(0) | P(3) | P(4),
                                         P(0) | P(2) | P(4),
                                         P(2) | P(3) | P(4),
                                         P(0) | P(2) | P(3),
                                         P(0) | P(2) | P(3),
                                         P(0) | P(2) | P(3),
                                         P(0) | P(1) | P(3),
                                         P(0) | P(1) | P(2),
                                         P(0) | P(1) | P(2),
                                         P(0) | P(1) | P(2),
                                         P(1) | P(2) | P(7),
                                         P(0) | P(2) | P(7),
                                         P(0) | P(1) | P(7) };

static inline void run_string(fx_t *fx, const uint8_t *refs, const uint32_t *want, unsigned n) {
  for (unsigned i = 0; i < n; i++) {
    uint32_t got;
    assert_int_equal(sim(fx, 0, PG(refs[i]), REF_R), OS_RETRY);
    got = resident(fx, 0, 8);
    if (got != want[i]) fail_msg("step %u (page %u): resident %#x, want %#x", i, refs[i], got, want[i]);
  }
}

/* Counters every pure-read reference string must show: faults as the
** test counted them, each one a minor fault (reads never dirty a page),
** every fault beyond the first `frames` an eviction, every eviction a
** discard (clean), nothing swapped. */
static inline void check_counts(fx_t *fx, uint32_t faults, uint32_t frames) {
  assert_int_equal(fx->pageins, faults);
  assert_int_equal(fx->os.st.minor_faults + fx->os.st.major_faults, faults);
  assert_int_equal(fx->os.st.major_faults, 0);
  assert_int_equal(fx->os.st.evictions, faults - frames);
  assert_int_equal(fx->os.st.discards, faults - frames);
  assert_int_equal(fx->os.st.swap_outs, 0);
  assert_int_equal(fx->os.st.segv, 0);
}

#endif
