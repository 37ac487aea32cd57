/*
** test_os.c -- the OS firmware against a fake HAL (fake_hal.h): textbook
** fault counts for LRU/FIFO/CLOCK, swap round trip, isolation, OOM, Svade
** A/D faults, sfence discipline, page-table shape and config checking.
**
** Residency is never taken from the firmware's word: the test walks the
** page tables itself (ref_translate / ref_leaf in fake_hal.h, a second
** implementation of the spec's walk) and plays the hardware, including
** Svadu's A/D updates.  Expected values carry their source in a comment.
*/
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

#define P(x) (1u << (x))          /* page x in a residency set */
#define PG(x) ((uint64_t)(x) * 4096u)

typedef struct {
  os_t os;
  fake_hal_t fh;
  hal_t hal;
  os_config_t cfg;
  uint32_t pageins;               /* accesses that found their page absent: the test's count */
} fx_t;

static int setup(void **state)
{
  fx_t *fx = calloc(1, sizeof *fx);

  if (!fx)
    return -1;
  fake_hal_init(&fx->fh, &fx->hal);
  *state = fx;
  return 0;
}

static int teardown(void **state)
{
  fx_t *fx = *state;
  int bad = fx->fh.bad != 0;      /* the OS touched memory outside its two regions */

  free(fx);
  return bad ? -1 : 0;
}

/* Fresh memory and HAL records, then an OS with the fake regions. */
static void boot(fx_t *fx, uint32_t mode, uint32_t adue, os_policy_t pol, uint32_t frames,
                 uint32_t swap)
{
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
static int sim(fx_t *fx, uint32_t pid, uint64_t va, int op)
{
  uint64_t pa = 0;
  uint32_t cause;

  if (os_switch_to(&fx->os, pid) != 0)
    return -1;
  assert_int_equal((fx->fh.satp >> 44) & 0xffffu, pid);  /* satp carries pid's ASID */
  cause = ref_translate(&fx->fh, fx->fh.satp, va, op, (int)fx->cfg.adue, &pa);
  if (cause) {
    int r;
    if (!(ref_leaf(&fx->fh, fx->fh.satp, va) & 1))
      fx->pageins++;
    r = (int)os_handle_fault(&fx->os, pid, va, cause);
    if (r != OS_RETRY)
      return r;
    assert_int_equal(ref_translate(&fx->fh, fx->fh.satp, va, op, (int)fx->cfg.adue, &pa), 0);
  }
  os_access_done(&fx->os, pid, va, pa);
  return OS_RETRY;
}

/* Which of pages 0..n-1 does pid have resident, by the test's own walk? */
static uint32_t resident(fx_t *fx, uint32_t pid, unsigned n)
{
  uint32_t set = 0;

  for (unsigned p = 0; p < n; p++)
    if (ref_leaf(&fx->fh, fx->fh.satp_of[pid], PG(p)) & 1)
      set |= P(p);
  return set;
}

/* Physical address of pid's page at va, by the test's own walk (0 if absent). */
static uint64_t pa_of(fx_t *fx, uint32_t pid, uint64_t va)
{
  uint64_t pte = ref_leaf(&fx->fh, fx->fh.satp_of[pid], va);
  return (pte & 1) ? ref_ppn(pte) << 12 : 0;
}

static uint32_t count_free(const os_t *os)
{
  uint32_t n = 0;

  for (uint32_t f = os->free_head; f != OS_NONE; f = os->frame[f].next)
    n++;
  return n;
}

/* Read pages refs[] in turn as pid 0; after each, the resident set must be
** want[i] (the hand tables next to each caller). */
static void run_string(fx_t *fx, const uint8_t *refs, const uint32_t *want, unsigned n)
{
  for (unsigned i = 0; i < n; i++) {
    uint32_t got;
    assert_int_equal(sim(fx, 0, PG(refs[i]), REF_R), OS_RETRY);
    got = resident(fx, 0, 8);
    if (got != want[i])
      fail_msg("step %u (page %u): resident %#x, want %#x", i, refs[i], got, want[i]);
  }
}

/* Counters every pure-read reference string must show: faults as the
** test counted them, each one a minor fault (reads never dirty a page),
** every fault beyond the first `frames` an eviction, every eviction a
** discard (clean), nothing swapped. */
static void check_counts(fx_t *fx, uint32_t faults, uint32_t frames)
{
  assert_int_equal(fx->pageins, faults);
  assert_int_equal(fx->os.st.minor_faults + fx->os.st.major_faults, faults);
  assert_int_equal(fx->os.st.major_faults, 0);
  assert_int_equal(fx->os.st.evictions, faults - frames);
  assert_int_equal(fx->os.st.discards, faults - frames);
  assert_int_equal(fx->os.st.swap_outs, 0);
  assert_int_equal(fx->os.st.segv, 0);
}

/* ---- 1. Textbook reference strings ---- */

/* Silberschatz, Galvin, Gagne, Operating System Concepts, ch. 9 (10th ed.
** ch. 10), reference string with 3 frames: FIFO 15 faults, LRU 12. */
static const uint8_t silb[20] = {7, 0, 1, 2, 0, 3, 0, 4, 2, 3, 0, 3, 2, 1, 2, 0, 1, 7, 0, 1};

static void test_lru_textbook(void **state)
{
  /* LRU, 3 frames, recency order least recent first (F = fault):
  **  7 F [7]      0 F [7 0]    1 F [7 0 1]  2 F [0 1 2]  0   [1 2 0]
  **  3 F [2 0 3]  0   [2 3 0]  4 F [3 0 4]  2 F [0 4 2]  3 F [4 2 3]
  **  0 F [2 3 0]  3   [2 0 3]  2   [0 3 2]  1 F [3 2 1]  2   [3 1 2]
  **  0 F [1 2 0]  1   [2 0 1]  7 F [0 1 7]  0   [1 7 0]  1   [7 0 1]
  ** 12 faults, as the book says.  Run in all four mode/A-D combinations:
  ** reads only, so Sv39/Sv48 and Svadu/Svade must not change the count. */
  static const uint32_t want[20] = {
    P(7), P(0)|P(7), P(0)|P(1)|P(7), P(0)|P(1)|P(2), P(0)|P(1)|P(2),
    P(0)|P(2)|P(3), P(0)|P(2)|P(3), P(0)|P(3)|P(4), P(0)|P(2)|P(4), P(2)|P(3)|P(4),
    P(0)|P(2)|P(3), P(0)|P(2)|P(3), P(0)|P(2)|P(3), P(1)|P(2)|P(3), P(1)|P(2)|P(3),
    P(0)|P(1)|P(2), P(0)|P(1)|P(2), P(0)|P(1)|P(7), P(0)|P(1)|P(7), P(0)|P(1)|P(7)};
  fx_t *fx = *state;

  for (unsigned m = 0; m < 4; m++) {
    boot(fx, m & 1 ? SATP_MODE_SV48 : SATP_MODE_SV39, m >> 1, OS_POLICY_LRU, 3, 0);
    run_string(fx, silb, want, 20);
    check_counts(fx, 12, 3);
  }
}

static void test_fifo_textbook(void **state)
{
  /* FIFO, 3 frames, queue oldest first:
  **  7 F [7]      0 F [7 0]    1 F [7 0 1]  2 F [0 1 2]  0   [0 1 2]
  **  3 F [1 2 3]  0 F [2 3 0]  4 F [3 0 4]  2 F [0 4 2]  3 F [4 2 3]
  **  0 F [2 3 0]  3   [2 3 0]  2   [2 3 0]  1 F [3 0 1]  2 F [0 1 2]
  **  0   [0 1 2]  1   [0 1 2]  7 F [1 2 7]  0 F [2 7 0]  1 F [7 0 1]
  ** 15 faults, as the book says. */
  static const uint32_t want[20] = {
    P(7), P(0)|P(7), P(0)|P(1)|P(7), P(0)|P(1)|P(2), P(0)|P(1)|P(2),
    P(1)|P(2)|P(3), P(0)|P(2)|P(3), P(0)|P(3)|P(4), P(0)|P(2)|P(4), P(2)|P(3)|P(4),
    P(0)|P(2)|P(3), P(0)|P(2)|P(3), P(0)|P(2)|P(3), P(0)|P(1)|P(3), P(0)|P(1)|P(2),
    P(0)|P(1)|P(2), P(0)|P(1)|P(2), P(1)|P(2)|P(7), P(0)|P(2)|P(7), P(0)|P(1)|P(7)};
  fx_t *fx = *state;

  for (unsigned m = 0; m < 4; m++) {
    boot(fx, m & 1 ? SATP_MODE_SV48 : SATP_MODE_SV39, m >> 1, OS_POLICY_FIFO, 3, 0);
    run_string(fx, silb, want, 20);
    check_counts(fx, 15, 3);
  }
}

/* Belady's anomaly (Belady, Nelson, Shedler 1969; Silberschatz ch. 9):
** 1 2 3 4 1 2 5 1 2 3 4 5 under FIFO faults 9 times with 3 frames and 10
** times with 4. */
static const uint8_t belady[12] = {1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5};

static void test_fifo_belady(void **state)
{
  /* 3 frames, queue oldest first:
  **  1 F [1]  2 F [1 2]  3 F [1 2 3]  4 F [2 3 4]  1 F [3 4 1]  2 F [4 1 2]
  **  5 F [1 2 5]  1 [1 2 5]  2 [1 2 5]  3 F [2 5 3]  4 F [5 3 4]  5 [5 3 4]
  ** 9 faults. */
  static const uint32_t want3[12] = {
    P(1), P(1)|P(2), P(1)|P(2)|P(3), P(2)|P(3)|P(4), P(1)|P(3)|P(4), P(1)|P(2)|P(4),
    P(1)|P(2)|P(5), P(1)|P(2)|P(5), P(1)|P(2)|P(5), P(2)|P(3)|P(5), P(3)|P(4)|P(5),
    P(3)|P(4)|P(5)};
  /* 4 frames:
  **  1 F [1]  2 F [1 2]  3 F [1 2 3]  4 F [1 2 3 4]  1 [..]  2 [..]
  **  5 F [2 3 4 5]  1 F [3 4 5 1]  2 F [4 5 1 2]  3 F [5 1 2 3]
  **  4 F [1 2 3 4]  5 F [2 3 4 5]
  ** 10 faults: more frames, more faults. */
  static const uint32_t want4[12] = {
    P(1), P(1)|P(2), P(1)|P(2)|P(3), P(1)|P(2)|P(3)|P(4), P(1)|P(2)|P(3)|P(4),
    P(1)|P(2)|P(3)|P(4), P(2)|P(3)|P(4)|P(5), P(1)|P(3)|P(4)|P(5), P(1)|P(2)|P(4)|P(5),
    P(1)|P(2)|P(3)|P(5), P(1)|P(2)|P(3)|P(4), P(2)|P(3)|P(4)|P(5)};
  fx_t *fx = *state;

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_FIFO, 3, 0);
  run_string(fx, belady, want3, 12);
  check_counts(fx, 9, 3);
  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_FIFO, 4, 0);
  run_string(fx, belady, want4, 12);
  check_counts(fx, 10, 4);
}

/* ---- OPT: Belady's MIN with the test's own oracle ---- */

/* The test's oracle: a plain forward scan of the reference string from the
** access after `pos` (a second implementation beside sim/opt.c's index). */
typedef struct {
  const uint8_t *refs;
  unsigned n, pos;
} scan_oracle_t;

static uint64_t scan_next_use(void *ctx, uint32_t pid, uint64_t vpn)
{
  const scan_oracle_t *o = ctx;

  (void)pid;
  for (unsigned i = o->pos + 1u; i < o->n; i++)
    if (o->refs[i] == vpn)
      return i;
  return OS_NEVER;
}

static void test_opt_textbook(void **state)
{
  /* OPT, 3 frames; at each fault the resident page used farthest ahead goes:
  **  7 F [7]  0 F [7 0]  1 F [7 0 1]
  **  2 F  next: 7@17 0@4 1@13 -> out 7 [0 1 2]      0 hit
  **  3 F  next: 0@6 1@13 2@8 -> out 1 [0 2 3]        0 hit
  **  4 F  next: 0@10 2@8 3@9 -> out 0 [2 3 4]        2 hit, 3 hit
  **  0 F  next: 2@12 3@11 4 never -> out 4 [0 2 3]   3 hit, 2 hit
  **  1 F  next: 0@15 2@14 3 never -> out 3 [0 1 2]   2, 0, 1 hit
  **  7 F  next: 0@18 1@19 2 never -> out 2 [0 1 7]   0, 1 hit
  ** 9 faults, as Silberschatz says (the fewest any policy can have). */
  static const uint32_t want[20] = {
    P(7), P(0)|P(7), P(0)|P(1)|P(7), P(0)|P(1)|P(2), P(0)|P(1)|P(2),
    P(0)|P(2)|P(3), P(0)|P(2)|P(3), P(2)|P(3)|P(4), P(2)|P(3)|P(4), P(2)|P(3)|P(4),
    P(0)|P(2)|P(3), P(0)|P(2)|P(3), P(0)|P(2)|P(3), P(0)|P(1)|P(2), P(0)|P(1)|P(2),
    P(0)|P(1)|P(2), P(0)|P(1)|P(2), P(0)|P(1)|P(7), P(0)|P(1)|P(7), P(0)|P(1)|P(7)};
  fx_t *fx = *state;
  scan_oracle_t so = { silb, 20, 0 };
  os_oracle_t oracle = { &so, scan_next_use };

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_OPT, 3, 0);
  os_set_oracle(&fx->os, &oracle);
  for (unsigned i = 0; i < 20; i++) {
    uint32_t got;
    so.pos = i;
    assert_int_equal(sim(fx, 0, PG(silb[i]), REF_R), OS_RETRY);
    got = resident(fx, 0, 8);
    if (got != want[i])
      fail_msg("step %u (page %u): resident %#x, want %#x", i, silb[i], got, want[i]);
  }
  check_counts(fx, 9, 3);
}

static void test_opt_needs_oracle(void **state)
{
  fx_t *fx = *state;

  /* One frame: the first page takes the free frame; the second needs a
  ** victim, and without an oracle OPT cannot name one. */
  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_OPT, 1, 0);
  assert_int_equal(sim(fx, 0, PG(0), REF_R), OS_RETRY);
  assert_int_equal(sim(fx, 0, PG(1), REF_R), OS_SEGV);
  assert_int_equal(fx->os.st.segv, 1);
  assert_int_equal(fx->os.st.evictions, 0);
}

static void test_lru_belady_string(void **state)
{
  /* LRU is a stack algorithm: no anomaly.  3 frames, least recent first:
  **  1 F [1]  2 F [1 2]  3 F [1 2 3]  4 F [2 3 4]  1 F [3 4 1]  2 F [4 1 2]
  **  5 F [1 2 5]  1 [2 5 1]  2 [5 1 2]  3 F [1 2 3]  4 F [2 3 4]  5 F [3 4 5]
  ** 10 faults. */
  static const uint32_t want3[12] = {
    P(1), P(1)|P(2), P(1)|P(2)|P(3), P(2)|P(3)|P(4), P(1)|P(3)|P(4), P(1)|P(2)|P(4),
    P(1)|P(2)|P(5), P(1)|P(2)|P(5), P(1)|P(2)|P(5), P(1)|P(2)|P(3), P(2)|P(3)|P(4),
    P(3)|P(4)|P(5)};
  /* 4 frames:
  **  1 F  2 F  3 F  4 F [1 2 3 4]  1 [2 3 4 1]  2 [3 4 1 2]  5 F [4 1 2 5]
  **  1 [4 2 5 1]  2 [4 5 1 2]  3 F [5 1 2 3]  4 F [1 2 3 4]  5 F [2 3 4 5]
  ** 8 faults. */
  static const uint32_t want4[12] = {
    P(1), P(1)|P(2), P(1)|P(2)|P(3), P(1)|P(2)|P(3)|P(4), P(1)|P(2)|P(3)|P(4),
    P(1)|P(2)|P(3)|P(4), P(1)|P(2)|P(4)|P(5), P(1)|P(2)|P(4)|P(5), P(1)|P(2)|P(4)|P(5),
    P(1)|P(2)|P(3)|P(5), P(1)|P(2)|P(3)|P(4), P(2)|P(3)|P(4)|P(5)};
  fx_t *fx = *state;

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 3, 0);
  run_string(fx, belady, want3, 12);
  check_counts(fx, 10, 3);
  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 4, 0);
  run_string(fx, belady, want4, 12);
  check_counts(fx, 8, 4);
}

/* ---- 2. CLOCK / second chance ---- */

static void test_clock_second_chance(void **state)
{
  /* Svadu, 3 frames, reads of 1 2 3 4 2 5 6 3.  Free frames go 0, 1, 2 in
  ** order; a mapping starts with A=0 and the retried access sets A (the
  ** hardware's AD stage).  fN = frame N (page, A), h = hand after the step:
  **  1 F  f0=(1,1)                                  h=0
  **  2 F  f1=(2,1)                                  h=0
  **  3 F  f2=(3,1)                                  h=0
  **  4 F  clear f0,f1,f2; f0 A=0 -> victim 1; f0=(4,1)    h=1
  **  2    hit: f1=(2,1)
  **  5 F  f1 A=1 -> clear; f2 (3) A=0 -> victim; f2=(5,1) h=0
  **       (FIFO would have evicted 2, the oldest arrival: 2 got its second chance)
  **  6 F  f0 A=1 -> clear; f1 (2) A=0 -> victim; f1=(6,1) h=2
  **  3 F  f2 A=1 -> clear; f0 (4) A=0 -> victim; f0=(3,1) h=1
  ** 7 faults. */
  static const uint8_t refs[8] = {1, 2, 3, 4, 2, 5, 6, 3};
  static const uint32_t want[8] = {
    P(1), P(1)|P(2), P(1)|P(2)|P(3), P(2)|P(3)|P(4), P(2)|P(3)|P(4),
    P(2)|P(4)|P(5), P(4)|P(5)|P(6), P(3)|P(5)|P(6)};
  fx_t *fx = *state;
  uint64_t root;

  uint32_t mark;
  const fake_event_t *e;

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_CLOCK, 3, 0);
  run_string(fx, refs, want, 5);
  mark = fx->fh.nev;
  run_string(fx, refs + 5, want + 5, 1);    /* page 5 */
  root = fx->fh.satp_of[0];
  /* Step "5" as the HAL saw it: clear 2's A and flush it (a TLB copy would
  ** keep A=1), drop clean 3 and flush, map 5 and flush. */
  assert_int_equal(fx->fh.nev - mark, 6);
  e = &fx->fh.ev[mark];
  assert_true(e[0].kind == EV_PT_WRITE && e[0].pa == ref_leaf_addr(&fx->fh, root, PG(2)));
  assert_int_equal(e[0].value & 0x41, 0x01);                     /* still V, A gone */
  assert_true(e[1].kind == EV_SFENCE && e[1].has_va && e[1].va == PG(2) && e[1].asid == 0);
  assert_true(e[2].kind == EV_PT_WRITE && e[2].pa == ref_leaf_addr(&fx->fh, root, PG(3)));
  assert_true(e[2].value == 0);
  assert_true(e[3].kind == EV_SFENCE && e[3].has_va && e[3].va == PG(3));
  assert_true(e[4].kind == EV_PT_WRITE && e[4].pa == ref_leaf_addr(&fx->fh, root, PG(5)));
  assert_true(e[5].kind == EV_SFENCE && e[5].has_va && e[5].va == PG(5));
  /* After "5" (table above): 4 keeps A=1, 2 lost it, 5 was just used. */
  assert_true(ref_leaf(&fx->fh, root, PG(4)) & 0x40);
  assert_false(ref_leaf(&fx->fh, root, PG(2)) & 0x40);
  assert_true(ref_leaf(&fx->fh, root, PG(5)) & 0x40);
  run_string(fx, refs + 6, want + 6, 2);
  assert_int_equal(fx->os.clock_hand, 1);   /* h=1 in the last row */
  assert_int_equal(pa_of(fx, 0, PG(3)), FAKE_USER_BASE);  /* f0=(3,1) */
  check_counts(fx, 7, 3);
}

static void test_clock_svade_a_fault(void **state)
{
  /* Svade, 2 frames: reads 1 2 3.  The fault for 3 sweeps: f0 (1) and f1
  ** (2) mapped with A=1 by the OS are cleared, f0 is the victim.  Page 2
  ** stays valid with A=0, so reading it faults (cause 13) on a valid leaf:
  ** an A/D fault, not a page-in (os.h, Svade). */
  fx_t *fx = *state;

  boot(fx, SATP_MODE_SV39, 0, OS_POLICY_CLOCK, 2, 0);
  assert_int_equal(sim(fx, 0, PG(1), REF_R), OS_RETRY);
  assert_int_equal(sim(fx, 0, PG(2), REF_R), OS_RETRY);
  assert_int_equal(sim(fx, 0, PG(3), REF_R), OS_RETRY);
  assert_int_equal(resident(fx, 0, 8), P(2) | P(3));
  assert_false(ref_leaf(&fx->fh, fx->fh.satp_of[0], PG(2)) & 0x40);
  assert_int_equal(sim(fx, 0, PG(2), REF_R), OS_RETRY);
  assert_int_equal(fx->os.st.ad_faults, 1);
  assert_int_equal(fx->pageins, 3);
  assert_int_equal(fx->os.st.minor_faults, 3);
  assert_true(ref_leaf(&fx->fh, fx->fh.satp_of[0], PG(2)) & 0x40);
  assert_false(ref_leaf(&fx->fh, fx->fh.satp_of[0], PG(2)) & 0x80);  /* a read sets no D */
}

/* ---- 3. LRU order vs FIFO order ---- */

static void test_lru_evicts_least_recent(void **state)
{
  /* 3 frames, A B C then A then D.  LRU: recency [B C A] before D, so B
  ** goes.  FIFO: arrival [A B C], so A goes despite its recent use. */
  enum { A = 1, B = 2, C = 3, D = 4 };
  static const uint8_t refs[5] = {A, B, C, A, D};
  fx_t *fx = *state;

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 3, 0);
  for (unsigned i = 0; i < 3; i++)
    assert_int_equal(sim(fx, 0, PG(refs[i]), REF_R), OS_RETRY);
  /* Reports that are not uses of B by its owner change nothing (os.h:
  ** pa outside the user frames is ignored; the frame is pid 0's). */
  os_access_done(&fx->os, 1, PG(B), pa_of(fx, 0, PG(B)));
  os_access_done(&fx->os, 0, PG(B), FAKE_USER_BASE - 4096);
  os_access_done(&fx->os, 0, PG(B), FAKE_USER_BASE + 3 * 4096);  /* frame 3 of 3 */
  for (unsigned i = 3; i < 5; i++)
    assert_int_equal(sim(fx, 0, PG(refs[i]), REF_R), OS_RETRY);
  assert_int_equal(resident(fx, 0, 8), P(A) | P(C) | P(D));
  assert_int_equal(ref_leaf(&fx->fh, fx->fh.satp_of[0], PG(B)), 0);  /* clean: dropped, PTE 0 */

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_FIFO, 3, 0);
  for (unsigned i = 0; i < 5; i++)
    assert_int_equal(sim(fx, 0, PG(refs[i]), REF_R), OS_RETRY);
  assert_int_equal(resident(fx, 0, 8), P(B) | P(C) | P(D));
}

/* ---- 4. Swap round trip ---- */

static void test_swap_round_trip(void **state)
{
  /* Svadu, LRU, 2 frames, 4 slots.  P written (hardware sets D), Q and R
  ** read.  R's fault evicts P (least recent, dirty) to slot 0 (the lowest
  ** free).  Reading P again is a major fault; its frame comes from Q (the
  ** least recent now, clean: discarded). */
  enum { Pg = 5, Q = 6, R = 7 };
  fx_t *fx = *state;
  uint64_t root, pa, pte;

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 2, 4);
  assert_int_equal(sim(fx, 0, PG(Pg), REF_W), OS_RETRY);
  root = fx->fh.satp_of[0];
  assert_true(ref_leaf(&fx->fh, root, PG(Pg)) & 0x80);   /* D, set by the "hardware" */
  pa = pa_of(fx, 0, PG(Pg));
  for (unsigned i = 0; i < 512; i++)                      /* the program's data */
    *fake_word(&fx->fh, pa + i * 8u) = UINT64_C(0x1234000000000000) + i;
  assert_int_equal(sim(fx, 0, PG(Q), REF_R), OS_RETRY);
  assert_int_equal(sim(fx, 0, PG(R), REF_R), OS_RETRY);

  /* P is out: PTE = OS_PTE_SWAPPED (bit 8) | slot 0 << 10, V=0 (os.h). */
  assert_int_equal(ref_leaf(&fx->fh, root, PG(Pg)), 0x100);
  for (unsigned i = 0; i < 512; i++)
    assert_true(fx->fh.swap[0][i] == UINT64_C(0x1234000000000000) + i);
  assert_int_equal(fx->os.st.swap_outs, 1);
  assert_int_equal(fx->fh.disk_writes, 1);
  assert_int_equal(fx->os.proc[0].swapped, 1);

  assert_int_equal(sim(fx, 0, PG(Pg), REF_R), OS_RETRY);
  pa = pa_of(fx, 0, PG(Pg));
  for (unsigned i = 0; i < 512; i++)
    assert_true(*fake_word(&fx->fh, pa + i * 8u) == UINT64_C(0x1234000000000000) + i);
  assert_int_equal(fx->os.st.major_faults, 1);
  assert_int_equal(fx->os.proc[0].major_faults, 1);
  assert_int_equal(fx->os.st.swap_ins, 1);
  assert_int_equal(fx->fh.disk_reads, 1);
  assert_int_equal(fx->os.proc[0].swapped, 0);            /* slot freed on the way in */
  pte = ref_leaf(&fx->fh, root, PG(Pg));
  assert_int_equal(pte & 0xc0, 0xc0);                     /* mapped A=1 D=1 (os.h) */
  /* Q was clean: dropped, not written (one disk write in total). */
  assert_int_equal(ref_leaf(&fx->fh, root, PG(Q)), 0);
  assert_int_equal(fx->os.st.discards, 1);
  assert_int_equal(fx->fh.disk_writes, 1);
  assert_int_equal(fx->os.st.evictions, 2);
  assert_int_equal(fx->os.st.minor_faults, 3);            /* P, Q, R first touches */
  /* Time: 4 faults x 1000 + 2 page transfers x 1,000,000 (contract §7). */
  assert_true(fx->fh.waited == 4u * 1000u + 2u * 1000000u);
  assert_true(fx->os.st.os_cycles == fx->fh.waited);

  /* Evicting P again must write it out again (it is dirty), to slot 0,
  ** which the swap-in freed: read Q (evicts R, clean), then R (evicts P). */
  assert_int_equal(sim(fx, 0, PG(Q), REF_R), OS_RETRY);
  assert_int_equal(sim(fx, 0, PG(R), REF_R), OS_RETRY);
  assert_int_equal(ref_leaf(&fx->fh, root, PG(Pg)), 0x100);
  assert_int_equal(fx->os.st.swap_outs, 2);
}

static void test_swap_lowest_slot(void **state)
{
  /* 1 frame, 4 slots, writes to pages 1 2 3 4: each fault after the first
  ** evicts the previous page, dirty, into the lowest free slot: 1 -> 0,
  ** 2 -> 1, 3 -> 2.  Reading 1 back frees slot 0 (and evicts 4 -> 3);
  ** the next dirty eviction (1 again, mapped dirty) takes slot 0 again. */
  fx_t *fx = *state;
  uint64_t root;

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_FIFO, 1, 4);
  for (unsigned p = 1; p <= 4; p++)
    assert_int_equal(sim(fx, 0, PG(p), REF_W), OS_RETRY);
  root = fx->fh.satp_of[0];
  for (unsigned p = 1; p <= 3; p++)                        /* SWAPPED | slot << 10 */
    assert_int_equal(ref_leaf(&fx->fh, root, PG(p)), 0x100 | ((uint64_t)(p - 1) << 10));
  assert_int_equal(sim(fx, 0, PG(1), REF_R), OS_RETRY);
  assert_int_equal(ref_leaf(&fx->fh, root, PG(4)), 0x100 | (3u << 10));
  assert_int_equal(sim(fx, 0, PG(5), REF_R), OS_RETRY);
  assert_int_equal(ref_leaf(&fx->fh, root, PG(1)), 0x100);
  assert_int_equal(fx->os.proc[0].swapped, 4);
  assert_int_equal(fx->os.st.swap_outs, 5);
}

static void test_first_touch_is_zero(void **state)
{
  /* Fake memory starts as junk; a first touch must read zeros (a minor
  ** fault zero-fills, os.h). */
  fx_t *fx = *state;
  uint64_t pa;

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 2, 0);
  assert_int_equal(sim(fx, 0, PG(9), REF_R), OS_RETRY);
  pa = pa_of(fx, 0, PG(9));
  assert_true(pa >= FAKE_USER_BASE && pa < FAKE_USER_BASE + 2 * 4096);
  for (unsigned i = 0; i < 512; i++)
    assert_true(*fake_word(&fx->fh, pa + i * 8u) == 0);
}

/* ---- 5. Isolation ---- */

static void test_isolation(void **state)
{
  /* Two processes write the same va: each gets its own frame, and
  ** neither's table maps the other's frame (walk every leaf of both). */
  const uint64_t va = UINT64_C(0x40000000);
  fx_t *fx = *state;
  uint64_t pa0, pa1, leaves[8];
  unsigned n;

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 4, 0);
  assert_int_equal(sim(fx, 0, va, REF_W), OS_RETRY);
  pa0 = pa_of(fx, 0, va);
  *fake_word(&fx->fh, pa0) = 0xdead;
  assert_int_equal(sim(fx, 1, va, REF_R), OS_RETRY);
  pa1 = pa_of(fx, 1, va);
  assert_true(pa0 != 0 && pa1 != 0 && pa0 != pa1);
  assert_true(*fake_word(&fx->fh, pa1) == 0);             /* not pid 0's data */
  assert_true(*fake_word(&fx->fh, pa0) == 0xdead);        /* pid 1's fault left it alone */
  assert_true((fx->fh.satp_of[0] & ((UINT64_C(1) << 44) - 1)) !=
              (fx->fh.satp_of[1] & ((UINT64_C(1) << 44) - 1)));  /* separate roots */
  n = ref_leaves(&fx->fh, fx->fh.satp_of[1], leaves, 8);
  assert_int_equal(n, 1);
  assert_true(leaves[0] == pa1 >> 12);
  n = ref_leaves(&fx->fh, fx->fh.satp_of[0], leaves, 8);
  assert_int_equal(n, 1);
  assert_true(leaves[0] == pa0 >> 12);
  assert_int_equal(os_frame_of(&fx->os, 0, va), (pa0 - FAKE_USER_BASE) >> 12);
  assert_int_equal(os_frame_of(&fx->os, 1, va), (pa1 - FAKE_USER_BASE) >> 12);
}

static void test_switch_writes_satp(void **state)
{
  /* satp = MODE 8 (Sv39) | ASID = pid | root PPN (privileged spec, satp),
  ** written only when the running process changes. */
  fx_t *fx = *state;
  uint64_t s5, root;

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 2, 0);
  assert_int_equal(fx->fh.nsatp, 0);                      /* os_init writes nothing */
  assert_int_equal(fx->fh.nev, 0);
  assert_int_equal(os_switch_to(&fx->os, 5), 0);
  assert_int_equal(fx->fh.nsatp, 1);
  s5 = fx->fh.satp;
  assert_int_equal(s5 >> 60, 8);
  assert_int_equal((s5 >> 44) & 0xffff, 5);
  root = (s5 & ((UINT64_C(1) << 44) - 1)) << 12;
  assert_true(root >= FAKE_PT_BASE && root < FAKE_PT_BASE + FAKE_PT_PAGES * 4096u);
  for (unsigned i = 0; i < 512; i++)                      /* root zeroed over the junk */
    assert_true(*fake_word(&fx->fh, root + i * 8u) == 0);
  assert_int_equal(os_switch_to(&fx->os, 5), 0);
  assert_int_equal(fx->fh.nsatp, 1);                      /* same pid: no write */
  assert_int_equal(os_switch_to(&fx->os, 6), 0);
  assert_int_equal(os_switch_to(&fx->os, 5), 0);
  assert_int_equal(fx->fh.nsatp, 3);
  assert_true(fx->fh.satp == s5);                         /* same root, same ASID */
  assert_int_equal(os_switch_to(&fx->os, OS_MAX_PROCS), -1);
}

/* ---- 6. OOM ---- */

static void test_oom_kills_largest_other(void **state)
{
  /* 2 frames, 1 slot, LRU, Svadu, all writes (dirty):
  **  pid0 a -> f0; pid0 b -> f1                         rss0=2
  **  pid1 c: LRU victim a (dirty) -> slot 0             rss0=1 swap0=1 rss1=1
  **  pid1 d: victim b (dirty), no slot -> OOM; rss 1:1 tie -> lowest pid, 0.
  ** pid 1 goes on and gets b's frame. */
  fx_t *fx = *state;
  uint32_t pt_used = 0;

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 2, 1);
  assert_int_equal(sim(fx, 0, PG(0x10), REF_W), OS_RETRY);
  assert_int_equal(sim(fx, 0, PG(0x11), REF_W), OS_RETRY);
  assert_int_equal(sim(fx, 1, PG(0x20), REF_W), OS_RETRY);
  assert_int_equal(fx->os.proc[0].swapped, 1);
  assert_int_equal(sim(fx, 1, PG(0x21), REF_W), OS_RETRY);

  assert_int_equal(fx->os.st.oom_kills, 1);
  assert_int_equal(fx->os.nkill, 1);
  assert_int_equal(fx->os.kill[0].pid, 0);
  assert_int_equal(fx->os.kill[0].rss, 1);                /* b */
  assert_int_equal(fx->os.kill[0].swapped, 1);            /* a */
  assert_int_equal(fx->os.kill[0].seq, 4);                /* the 4th fault */
  assert_int_equal(fx->os.proc[0].state, OS_PROC_KILLED);
  assert_int_equal(fx->os.proc[1].rss, 2);
  assert_true(pa_of(fx, 1, PG(0x20)) != 0 && pa_of(fx, 1, PG(0x21)) != 0);  /* c, d resident */
  assert_int_equal(fx->os.swap_owner[0], OS_NONE);        /* a's slot is free again */
  assert_int_equal(fx->os.st.evictions, 1);               /* only a; b went with its owner */
  for (uint32_t i = 0; i < FAKE_PT_PAGES; i++) {
    assert_true(fx->os.pt_owner[i] != 0);                 /* pid 0's tables returned */
    pt_used += fx->os.pt_owner[i] != OS_NONE;
  }
  assert_int_equal(pt_used, 3);                           /* pid 1's Sv39 root + 2 */
  /* The kill flushed the whole ASID 0: sfence rs1=x0, rs2=0 (has_asid). */
  {
    int found = 0;
    for (uint32_t i = 0; i < fx->fh.nev; i++) {
      const fake_event_t *e = &fx->fh.ev[i];
      if (e->kind == EV_SFENCE && !e->has_va && e->has_asid && e->asid == 0)
        found++;
    }
    assert_int_equal(found, 1);
  }
  assert_int_equal(os_switch_to(&fx->os, 0), -1);         /* killed: no coming back */
  assert_int_equal(os_handle_fault(&fx->os, 0, PG(0x10), 13), OS_KILLED);
  assert_int_equal(os_frame_of(&fx->os, 0, PG(0x11)), OS_NONE);
}

static void test_oom_kills_faulting(void **state)
{
  /* 2 frames, 1 slot:
  **  pid0 a -> f0; pid1 c -> f1
  **  pid1 d: victim a (pid 0, dirty) -> slot 0          rss0=0 swap0=1 rss1=2
  **  pid1 e: victim c (dirty), no slot -> OOM: pid 1 (rss 2 > 0) dies,
  **  and it is the faulting process: OS_KILLED. */
  fx_t *fx = *state;
  uint32_t evictions;

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 2, 1);
  assert_int_equal(sim(fx, 0, PG(0x10), REF_W), OS_RETRY);
  assert_int_equal(sim(fx, 1, PG(0x20), REF_W), OS_RETRY);
  assert_int_equal(sim(fx, 1, PG(0x21), REF_W), OS_RETRY);
  assert_int_equal(fx->os.proc[0].rss, 0);
  assert_int_equal(fx->os.proc[1].rss, 2);
  assert_int_equal(sim(fx, 1, PG(0x22), REF_W), OS_KILLED);

  assert_int_equal(fx->os.nkill, 1);
  assert_int_equal(fx->os.kill[0].pid, 1);
  assert_int_equal(fx->os.kill[0].rss, 2);
  assert_int_equal(fx->os.kill[0].swapped, 0);
  assert_int_equal(fx->os.proc[1].state, OS_PROC_KILLED);
  assert_int_equal(count_free(&fx->os), 2);               /* both of its frames free */
  assert_int_equal(fx->os.st.segv, 0);
  /* pid 0 survives: its page comes back from swap into a free frame, no
  ** eviction needed. */
  evictions = (uint32_t)fx->os.st.evictions;
  assert_int_equal(sim(fx, 0, PG(0x10), REF_R), OS_RETRY);
  assert_int_equal(fx->os.st.major_faults, 1);
  assert_int_equal(fx->os.st.evictions, evictions);
}

static void test_oom_pt_pool(void **state)
{
  /* Kernel pool of 4 pages, Sv39 (3 levels: a first touch needs the root
  ** plus 2 tables).  pid0: root + 2 = 3 pages.  pid1: root = 4th page; its
  ** first touch needs 2 more -> OOM: pid0 (rss 1) > pid1 (rss 0) dies. */
  fx_t *fx = *state;

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 4, 0);
  fx->cfg.pt_frames = 4;
  assert_int_equal(os_init(&fx->os, &fx->cfg, &fx->hal), 0);
  assert_int_equal(sim(fx, 0, PG(1), REF_R), OS_RETRY);
  assert_int_equal(fx->os.proc[0].pt_pages, 3);
  assert_int_equal(sim(fx, 1, PG(1), REF_R), OS_RETRY);
  assert_int_equal(fx->os.nkill, 1);
  assert_int_equal(fx->os.kill[0].pid, 0);
  assert_int_equal(fx->os.kill[0].rss, 1);
  assert_int_equal(fx->os.proc[1].pt_pages, 3);
  assert_int_equal(count_free(&fx->os), 3);               /* 4 frames, pid 1 holds 1 */
  /* pid2 needs a root: pool has 1 free page (4 - 3). Its first touch needs
  ** 2: pid1 (rss 1) > pid2 (rss 0) dies, pid2 gets 3 pages. */
  assert_int_equal(sim(fx, 2, PG(1), REF_R), OS_RETRY);
  assert_int_equal(fx->os.kill[1].pid, 1);
  assert_int_equal(fx->os.proc[2].pt_pages, 3);
  /* pid3's root takes the last free page (4 - 3) without a kill; pid4
  ** then finds the pool empty when it is created: pid2 (rss 1) beats pid3
  ** (rss 0) and dies, pid4 gets its root. */
  assert_int_equal(os_switch_to(&fx->os, 3), 0);
  assert_int_equal(fx->os.nkill, 2);
  assert_int_equal(os_switch_to(&fx->os, 4), 0);
  assert_int_equal(fx->os.kill[2].pid, 2);
  assert_int_equal(fx->os.kill[2].rss, 1);
  assert_int_equal(fx->os.st.oom_kills, 3);
  assert_int_equal(fx->os.proc[4].state, OS_PROC_ALIVE);
  assert_int_equal((fx->fh.satp >> 44) & 0xffff, 4);
}

/* ---- 7. Svade A/D faults ---- */

static void test_svade_ad_fault(void **state)
{
  /* Svade (os.h): a read's first touch maps V R W X U A (0x5f); a store
  ** then faults with cause 15 on the valid leaf; the OS sets D (0xdf):
  ** one A/D fault, still one minor fault.  A store's first touch maps D
  ** at once, so it needs no A/D fault. */
  fx_t *fx = *state;
  uint64_t root;

  boot(fx, SATP_MODE_SV48, 0, OS_POLICY_LRU, 4, 0);
  assert_int_equal(sim(fx, 0, PG(3), REF_R), OS_RETRY);
  root = fx->fh.satp_of[0];
  assert_int_equal(ref_leaf(&fx->fh, root, PG(3)) & 0x3ff, 0x5f);
  assert_int_equal(sim(fx, 0, PG(3), REF_W), OS_RETRY);
  assert_int_equal(fx->os.st.ad_faults, 1);
  assert_int_equal(fx->os.st.minor_faults, 1);
  assert_int_equal(ref_leaf(&fx->fh, root, PG(3)) & 0x3ff, 0xdf);
  assert_int_equal(sim(fx, 0, PG(4), REF_W), OS_RETRY);
  assert_int_equal(ref_leaf(&fx->fh, root, PG(4)) & 0x3ff, 0xdf);
  assert_int_equal(fx->os.st.ad_faults, 1);
  assert_int_equal(fx->os.st.minor_faults, 2);
  assert_int_equal(fx->os.proc[0].minor_faults, 2);
  assert_int_equal(fx->pageins, 2);
}

static void test_svadu_maps_clean(void **state)
{
  /* Svadu (os.h): the OS maps V R W X U with A=D=0 (0x1f) and the hardware
  ** sets them; the test's walker set A on the retried read, so 0x5f. */
  fx_t *fx = *state;
  uint64_t root;

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 4, 0);
  assert_int_equal(os_switch_to(&fx->os, 0), 0);
  assert_int_equal(os_handle_fault(&fx->os, 0, PG(2), 15), OS_RETRY);
  root = fx->fh.satp_of[0];
  assert_int_equal(ref_leaf(&fx->fh, root, PG(2)) & 0x3ff, 0x1f);
  assert_int_equal(sim(fx, 0, PG(2), REF_R), OS_RETRY);
  assert_int_equal(ref_leaf(&fx->fh, root, PG(2)) & 0x3ff, 0x5f);
}

/* ---- 8. sfence discipline ---- */

static void test_sfence_after_map_and_evict(void **state)
{
  /* 1 frame, pid 3.  Page 0's fault must end with its PTE write then
  ** sfence(va 0, ASID 3); page 1's fault evicts page 0 (clean: PTE := 0,
  ** sfence va 0) and maps page 1 (PTE write, sfence va 0x1000).  Both
  ** leaves sit in one level-0 table, so nothing else is written. */
  fx_t *fx = *state;
  uint64_t root, leaf0, leaf1;
  uint32_t mark;
  const fake_event_t *e;

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 1, 0);
  assert_int_equal(sim(fx, 3, PG(0), REF_R), OS_RETRY);
  root = fx->fh.satp_of[3];
  leaf0 = ref_leaf_addr(&fx->fh, root, PG(0));
  leaf1 = ref_leaf_addr(&fx->fh, root, PG(1));
  assert_true(leaf0 != 0 && leaf1 == leaf0 + 8);
  e = &fx->fh.ev[fx->fh.nev - 2];
  assert_int_equal(e[0].kind, EV_PT_WRITE);
  assert_true(e[0].pa == leaf0 && (e[0].value & 1));
  assert_int_equal(e[1].kind, EV_SFENCE);
  assert_true(e[1].has_va && e[1].va == 0 && e[1].has_asid && e[1].asid == 3);

  mark = fx->fh.nev;
  assert_int_equal(sim(fx, 3, PG(1), REF_R), OS_RETRY);
  assert_int_equal(fx->fh.nev - mark, 4);
  e = &fx->fh.ev[mark];
  assert_int_equal(e[0].kind, EV_PT_WRITE);
  assert_true(e[0].pa == leaf0 && e[0].value == 0);
  assert_int_equal(e[1].kind, EV_SFENCE);
  assert_true(e[1].has_va && e[1].va == 0 && e[1].has_asid && e[1].asid == 3);
  assert_int_equal(e[2].kind, EV_PT_WRITE);
  assert_true(e[2].pa == leaf1 && (e[2].value & 1));
  assert_int_equal(e[3].kind, EV_SFENCE);
  assert_true(e[3].has_va && e[3].va == 0x1000 && e[3].has_asid && e[3].asid == 3);
}

/* ---- Page-table shape, residency query, refusals ---- */

static void test_table_levels(void **state)
{
  /* A first touch builds the root's path: Sv39 has 3 levels (root + 2
  ** tables), Sv48 4 (root + 3) -- privileged spec.  A level-0 table covers
  ** 512 x 4 KiB = 2 MiB, so va 2 MiB needs one more; the upper half
  ** (canonical, Sv39: bits 63..38 all 1) uses another root slot: 2 more. */
  fx_t *fx = *state;

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 4, 0);
  assert_int_equal(sim(fx, 0, PG(0), REF_R), OS_RETRY);
  assert_int_equal(fx->os.proc[0].pt_pages, 3);
  assert_int_equal(sim(fx, 0, PG(1), REF_R), OS_RETRY);
  assert_int_equal(fx->os.proc[0].pt_pages, 3);
  assert_int_equal(sim(fx, 0, UINT64_C(0x200000), REF_R), OS_RETRY);
  assert_int_equal(fx->os.proc[0].pt_pages, 4);
  assert_int_equal(sim(fx, 0, UINT64_C(0xffffffc000000000), REF_R), OS_RETRY);
  assert_int_equal(fx->os.proc[0].pt_pages, 6);

  boot(fx, SATP_MODE_SV48, 1, OS_POLICY_LRU, 4, 0);
  assert_int_equal(sim(fx, 0, PG(0), REF_R), OS_RETRY);
  assert_int_equal(fx->os.proc[0].pt_pages, 4);
  /* Bit 38 alone: canonical in Sv48 (VA 48 bits), not in Sv39. */
  assert_int_equal(sim(fx, 0, UINT64_C(0x4000000000), REF_R), OS_RETRY);
}

static void test_frame_of(void **state)
{
  /* os_frame_of agrees with the test's own walk, and says OS_NONE once
  ** the page is evicted (1 frame: the second page evicts the first). */
  fx_t *fx = *state;
  uint64_t pa;

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 1, 0);
  assert_int_equal(os_frame_of(&fx->os, 0, PG(1)), OS_NONE);  /* no such process yet */
  assert_int_equal(sim(fx, 0, PG(1), REF_R), OS_RETRY);
  pa = pa_of(fx, 0, PG(1));
  assert_int_equal(os_frame_of(&fx->os, 0, PG(1)), (pa - FAKE_USER_BASE) >> 12);
  assert_int_equal(os_frame_of(&fx->os, 0, PG(1) + 0x123), (pa - FAKE_USER_BASE) >> 12);
  assert_int_equal(sim(fx, 0, PG(2), REF_R), OS_RETRY);
  assert_int_equal(os_frame_of(&fx->os, 0, PG(1)), OS_NONE);
  assert_int_equal(os_frame_of(&fx->os, 0, PG(2)), 0);    /* the only frame */
  assert_int_equal(os_frame_of(&fx->os, 0, UINT64_C(0x4000000000)), OS_NONE);
}

static void test_segv(void **state)
{
  /* Not served (os.h): a cause other than 12/13/15, a pid never switched
  ** to, a non-canonical va (Sv39: bit 38 set, 63..39 clear), a valid leaf
  ** under Svadu.  Each still costs fault_cycles and counts in st.faults. */
  fx_t *fx = *state;

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 2, 0);
  assert_int_equal(os_switch_to(&fx->os, 0), 0);
  assert_int_equal(os_handle_fault(&fx->os, 0, PG(1), 5), OS_SEGV);   /* load access fault */
  assert_int_equal(os_handle_fault(&fx->os, 0, PG(1), 0), OS_SEGV);
  assert_int_equal(os_handle_fault(&fx->os, 7, PG(1), 13), OS_SEGV);
  assert_int_equal(os_handle_fault(&fx->os, 64, PG(1), 13), OS_SEGV);
  assert_int_equal(os_handle_fault(&fx->os, 0, UINT64_C(0x4000000000), 13), OS_SEGV);
  assert_int_equal(os_handle_fault(&fx->os, 0, PG(1), 13), OS_RETRY);
  assert_int_equal(os_handle_fault(&fx->os, 0, PG(1), 13), OS_SEGV);  /* valid leaf, Svadu */
  assert_int_equal(fx->os.st.segv, 6);
  assert_int_equal(fx->os.st.faults, 7);
  assert_int_equal(fx->os.st.minor_faults, 1);
  assert_true(fx->fh.waited == 7u * 1000u);

  /* Svade: a valid leaf that already has A (and D for a store) has nothing
  ** to set: a second identical fault is not an A/D fault. */
  boot(fx, SATP_MODE_SV39, 0, OS_POLICY_LRU, 2, 0);
  assert_int_equal(os_switch_to(&fx->os, 0), 0);
  assert_int_equal(os_handle_fault(&fx->os, 0, PG(1), 15), OS_RETRY);
  assert_int_equal(os_handle_fault(&fx->os, 0, PG(1), 15), OS_SEGV);
  assert_int_equal(os_handle_fault(&fx->os, 0, PG(1), 13), OS_SEGV);
  assert_int_equal(fx->os.st.ad_faults, 0);
}

/* ---- 9. Configuration ---- */

static void test_bad_config(void **state)
{
  /* Limits from os.h: frames 1..OS_MAX_FRAMES, pt_frames 1..OS_MAX_PT,
  ** swap 0..OS_MAX_SWAP, Sv39/Sv48 only, 4 KiB aligned bases, regions
  ** apart, below 2^56 (RV_PA_BITS).  Each bad field: a message naming it,
  ** and os_init refuses. */
  fx_t *fx = *state;
  os_config_t good, c;
  const char *msg;

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 4, 4);
  good = fx->cfg;

#define BAD(field_expr, word)                                   \
  do {                                                          \
    c = good;                                                   \
    field_expr;                                                 \
    msg = os_config_check(&c);                                  \
    assert_non_null(msg);                                       \
    if (!strstr(msg, word))                                     \
      fail_msg("'%s' does not mention %s", msg, word);          \
    assert_int_equal(os_init(&fx->os, &c, &fx->hal), -1);       \
  } while (0)
#define GOOD(field_expr)                                        \
  do {                                                          \
    c = good;                                                   \
    field_expr;                                                 \
    assert_null(os_config_check(&c));                           \
    assert_int_equal(os_init(&fx->os, &c, &fx->hal), 0);        \
  } while (0)

  BAD(c.frames = 0, "frames");
  BAD(c.frames = OS_MAX_FRAMES + 1, "frames");
  BAD(c.pt_frames = 0, "pt_frames");
  BAD(c.pt_frames = OS_MAX_PT + 1, "pt_frames");
  BAD(c.swap_slots = OS_MAX_SWAP + 1, "swap");
  BAD(c.mode = SATP_MODE_BARE, "Sv39");
  BAD(c.mode = 10, "Sv39");
  BAD(c.adue = 2, "adue");
  BAD(c.policy = (os_policy_t)4, "policy");   /* 0..3: LRU, FIFO, CLOCK, OPT */
  BAD(c.user_base = FAKE_USER_BASE + 0x800, "aligned");
  BAD(c.pt_base = FAKE_PT_BASE + 8, "aligned");
  BAD(c.pt_base = FAKE_USER_BASE + 3 * 4096, "overlap");      /* inside the frames */
  BAD(c.user_base = FAKE_PT_BASE + 63 * 4096, "overlap");     /* the pool's last page */
  BAD(c.user_base = (UINT64_C(1) << 56) - 4096, "2^56");      /* 4 frames pass 2^56 */
  assert_non_null(os_config_check(NULL));
  assert_int_equal(os_init(&fx->os, &good, NULL), -1);

  /* The limits themselves are fine. */
  GOOD(c.frames = OS_MAX_FRAMES; c.user_base = UINT64_C(0x100000000));
  GOOD(c.pt_frames = OS_MAX_PT; c.pt_base = UINT64_C(0x200000000));
  GOOD(c.swap_slots = 0);
  GOOD(c.swap_slots = OS_MAX_SWAP);
  GOOD(c.mode = SATP_MODE_SV48);
  GOOD(c.user_base = FAKE_PT_BASE + 64 * 4096);               /* touching, not overlapping */
  GOOD(c.user_base = (UINT64_C(1) << 56) - 4 * 4096);         /* ends exactly at 2^56 */
#undef BAD
#undef GOOD
}

int main(void)
{
  const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    T(test_lru_textbook),
    T(test_fifo_textbook),
    T(test_fifo_belady),
    T(test_opt_textbook),
    T(test_opt_needs_oracle),
    T(test_lru_belady_string),
    T(test_clock_second_chance),
    T(test_clock_svade_a_fault),
    T(test_lru_evicts_least_recent),
    T(test_swap_round_trip),
    T(test_swap_lowest_slot),
    T(test_first_touch_is_zero),
    T(test_isolation),
    T(test_switch_writes_satp),
    T(test_oom_kills_largest_other),
    T(test_oom_kills_faulting),
    T(test_oom_pt_pool),
    T(test_svade_ad_fault),
    T(test_svadu_maps_clean),
    T(test_sfence_after_map_and_evict),
    T(test_table_levels),
    T(test_frame_of),
    T(test_segv),
    T(test_bad_config),
#undef T
  };
  return cmocka_run_group_tests_name("os", tests, NULL, NULL);
}
