/*
** test_os_replace.c -- the OS firmware against a fake HAL, replacement: textbook fault counts of LRU, FIFO, OPT and CLOCK (Belady's
** anomaly included), and LRU against FIFO order.
** Residency is never taken from the firmware's word: the test walks the page tables itself
** (ref_translate / ref_leaf in fake_hal.h, a second implementation of the spec's walk) and
** plays the hardware, including Svadu's A/D updates.  Expected values carry their source.
*/
#include "os_fixture.h"

/* ---- 1. Textbook reference strings ---- */

/* silb (Silberschatz ch. 9) and its FIFO table silb_fifo3 are in os_fixture.h. */

static void test_lru_textbook(void **state) {
  /* LRU, 3 frames, recency order least recent first (F = fault):
  **  7 F [7]      0 F [7 0]    1 F [7 0 1]  2 F [0 1 2]  0   [1 2 0]
  **  3 F [2 0 3]  0   [2 3 0]  4 F [3 0 4]  2 F [0 4 2]  3 F [4 2 3]
  **  0 F [2 3 0]  3   [2 0 3]  2   [0 3 2]  1 F [3 2 1]  2   [3 1 2]
  **  0 F [1 2 0]  1   [2 0 1]  7 F [0 1 7]  0   [1 7 0]  1   [7 0 1]
  ** 12 faults, as the book says.  Run in all four mode/A-D combinations:
  ** reads only, so Sv39/Sv48 and Svadu/Svade must not change the count. */
  static const uint32_t want[20] = { P(7),
                                     P(0) | P(7),
                                     P(0) | P(1) | P(7),
                                     P(0) | P(1) | P(2),
                                     P(0) | P(1) | P(2),
                                     P(0) | P(2) | P(3),
                                     P(0) | P(2) | P(3),
                                     P(0) | P(3) | P(4),
                                     P(0) | P(2) | P(4),
                                     P(2) | P(3) | P(4),
                                     P(0) | P(2) | P(3),
                                     P(0) | P(2) | P(3),
                                     P(0) | P(2) | P(3),
                                     P(1) | P(2) | P(3),
                                     P(1) | P(2) | P(3),
                                     P(0) | P(1) | P(2),
                                     P(0) | P(1) | P(2),
                                     P(0) | P(1) | P(7),
                                     P(0) | P(1) | P(7),
                                     P(0) | P(1) | P(7) };
  fx_t *fx = *state;

  for (unsigned m = 0; m < 4; m++) {
    boot(fx, m & 1 ? SATP_MODE_SV48 : SATP_MODE_SV39, m >> 1, OS_POLICY_LRU, 3, 0);
    run_string(fx, silb, want, 20);
    check_counts(fx, 12, 3);
  }
}

static void test_fifo_textbook(void **state) {
  /* FIFO, 3 frames: silb_fifo3 (os_fixture.h, worked by hand), 15 faults as the book says. */
  fx_t *fx = *state;

  for (unsigned m = 0; m < 4; m++) {
    boot(fx, m & 1 ? SATP_MODE_SV48 : SATP_MODE_SV39, m >> 1, OS_POLICY_FIFO, 3, 0);
    run_string(fx, silb, silb_fifo3, 20);
    check_counts(fx, 15, 3);
  }
}

/* Belady's anomaly (Belady, Nelson, Shedler 1969; Silberschatz ch. 9):
** 1 2 3 4 1 2 5 1 2 3 4 5 under FIFO faults 9 times with 3 frames and 10
** times with 4. */
static const uint8_t belady[12] = { 1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5 };

static void test_fifo_belady(void **state) {
  /* 3 frames, queue oldest first:
  **  1 F [1]  2 F [1 2]  3 F [1 2 3]  4 F [2 3 4]  1 F [3 4 1]  2 F [4 1 2]
  **  5 F [1 2 5]  1 [1 2 5]  2 [1 2 5]  3 F [2 5 3]  4 F [5 3 4]  5 [5 3 4]
  ** 9 faults. */
  static const uint32_t want3[12] = { P(1),
                                      P(1) | P(2),
                                      P(1) | P(2) | P(3),
                                      P(2) | P(3) | P(4),
                                      P(1) | P(3) | P(4),
                                      P(1) | P(2) | P(4),
                                      P(1) | P(2) | P(5),
                                      P(1) | P(2) | P(5),
                                      P(1) | P(2) | P(5),
                                      P(2) | P(3) | P(5),
                                      P(3) | P(4) | P(5),
                                      P(3) | P(4) | P(5) };
  /* 4 frames:
  **  1 F [1]  2 F [1 2]  3 F [1 2 3]  4 F [1 2 3 4]  1 [..]  2 [..]
  **  5 F [2 3 4 5]  1 F [3 4 5 1]  2 F [4 5 1 2]  3 F [5 1 2 3]
  **  4 F [1 2 3 4]  5 F [2 3 4 5]
  ** 10 faults: more frames, more faults. */
  static const uint32_t want4[12] = { P(1),
                                      P(1) | P(2),
                                      P(1) | P(2) | P(3),
                                      P(1) | P(2) | P(3) | P(4),
                                      P(1) | P(2) | P(3) | P(4),
                                      P(1) | P(2) | P(3) | P(4),
                                      P(2) | P(3) | P(4) | P(5),
                                      P(1) | P(3) | P(4) | P(5),
                                      P(1) | P(2) | P(4) | P(5),
                                      P(1) | P(2) | P(3) | P(5),
                                      P(1) | P(2) | P(3) | P(4),
                                      P(2) | P(3) | P(4) | P(5) };
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

static uint64_t scan_next_use(void *ctx, uint32_t pid, uint64_t vpn) {
  const scan_oracle_t *o = ctx;

  (void)pid;
  for (unsigned i = o->pos + 1u; i < o->n; i++)
    if (o->refs[i] == vpn) return i;
  return OS_NEVER;
}

static void test_opt_textbook(void **state) {
  /* OPT, 3 frames; at each fault the resident page used farthest ahead goes:
  **  7 F [7]  0 F [7 0]  1 F [7 0 1]
  **  2 F  next: 7@17 0@4 1@13 -> out 7 [0 1 2]      0 hit
  **  3 F  next: 0@6 1@13 2@8 -> out 1 [0 2 3]        0 hit
  **  4 F  next: 0@10 2@8 3@9 -> out 0 [2 3 4]        2 hit, 3 hit
  **  0 F  next: 2@12 3@11 4 never -> out 4 [0 2 3]   3 hit, 2 hit
  **  1 F  next: 0@15 2@14 3 never -> out 3 [0 1 2]   2, 0, 1 hit
  **  7 F  next: 0@18 1@19 2 never -> out 2 [0 1 7]   0, 1 hit
  ** 9 faults, as Silberschatz says (the fewest any policy can have). */
  static const uint32_t want[20] = { P(7),
                                     P(0) | P(7),
                                     P(0) | P(1) | P(7),
                                     P(0) | P(1) | P(2),
                                     P(0) | P(1) | P(2),
                                     P(0) | P(2) | P(3),
                                     P(0) | P(2) | P(3),
                                     P(2) | P(3) | P(4),
                                     P(2) | P(3) | P(4),
                                     P(2) | P(3) | P(4),
                                     P(0) | P(2) | P(3),
                                     P(0) | P(2) | P(3),
                                     P(0) | P(2) | P(3),
                                     P(0) | P(1) | P(2),
                                     P(0) | P(1) | P(2),
                                     P(0) | P(1) | P(2),
                                     P(0) | P(1) | P(2),
                                     P(0) | P(1) | P(7),
                                     P(0) | P(1) | P(7),
                                     P(0) | P(1) | P(7) };
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
    if (got != want[i]) fail_msg("step %u (page %u): resident %#x, want %#x", i, silb[i], got, want[i]);
  }
  check_counts(fx, 9, 3);
}

static void test_opt_needs_oracle(void **state) {
  fx_t *fx = *state;

  /* One frame: the first page takes the free frame; the second needs a
  ** victim, and without an oracle OPT cannot name one. */
  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_OPT, 1, 0);
  assert_int_equal(sim(fx, 0, PG(0), REF_R), OS_RETRY);
  assert_int_equal(sim(fx, 0, PG(1), REF_R), OS_SEGV);
  assert_int_equal(fx->os.st.segv, 1);
  assert_int_equal(fx->os.st.evictions, 0);
}

static void test_lru_belady_string(void **state) {
  /* LRU is a stack algorithm: no anomaly.  3 frames, least recent first:
  **  1 F [1]  2 F [1 2]  3 F [1 2 3]  4 F [2 3 4]  1 F [3 4 1]  2 F [4 1 2]
  **  5 F [1 2 5]  1 [2 5 1]  2 [5 1 2]  3 F [1 2 3]  4 F [2 3 4]  5 F [3 4 5]
  ** 10 faults. */
  static const uint32_t want3[12] = { P(1),
                                      P(1) | P(2),
                                      P(1) | P(2) | P(3),
                                      P(2) | P(3) | P(4),
                                      P(1) | P(3) | P(4),
                                      P(1) | P(2) | P(4),
                                      P(1) | P(2) | P(5),
                                      P(1) | P(2) | P(5),
                                      P(1) | P(2) | P(5),
                                      P(1) | P(2) | P(3),
                                      P(2) | P(3) | P(4),
                                      P(3) | P(4) | P(5) };
  /* 4 frames:
  **  1 F  2 F  3 F  4 F [1 2 3 4]  1 [2 3 4 1]  2 [3 4 1 2]  5 F [4 1 2 5]
  **  1 [4 2 5 1]  2 [4 5 1 2]  3 F [5 1 2 3]  4 F [1 2 3 4]  5 F [2 3 4 5]
  ** 8 faults. */
  static const uint32_t want4[12] = { P(1),
                                      P(1) | P(2),
                                      P(1) | P(2) | P(3),
                                      P(1) | P(2) | P(3) | P(4),
                                      P(1) | P(2) | P(3) | P(4),
                                      P(1) | P(2) | P(3) | P(4),
                                      P(1) | P(2) | P(4) | P(5),
                                      P(1) | P(2) | P(4) | P(5),
                                      P(1) | P(2) | P(4) | P(5),
                                      P(1) | P(2) | P(3) | P(5),
                                      P(1) | P(2) | P(3) | P(4),
                                      P(2) | P(3) | P(4) | P(5) };
  fx_t *fx = *state;

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 3, 0);
  run_string(fx, belady, want3, 12);
  check_counts(fx, 10, 3);
  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 4, 0);
  run_string(fx, belady, want4, 12);
  check_counts(fx, 8, 4);
}

/* ---- 2. CLOCK / second chance ---- */

static void test_clock_second_chance(void **state) {
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
  static const uint8_t refs[8] = { 1, 2, 3, 4, 2, 5, 6, 3 };
  static const uint32_t want[8] = { P(1),
                                    P(1) | P(2),
                                    P(1) | P(2) | P(3),
                                    P(2) | P(3) | P(4),
                                    P(2) | P(3) | P(4),
                                    P(2) | P(4) | P(5),
                                    P(4) | P(5) | P(6),
                                    P(3) | P(5) | P(6) };
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

static void test_clock_svade_a_fault(void **state) {
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

static void test_lru_evicts_least_recent(void **state) {
  /* 3 frames, A B C then A then D.  LRU: recency [B C A] before D, so B
  ** goes.  FIFO: arrival [A B C], so A goes despite its recent use. */
  enum { A = 1, B = 2, C = 3, D = 4 };
  static const uint8_t refs[5] = { A, B, C, A, D };
  fx_t *fx = *state;

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 3, 0);
  for (unsigned i = 0; i < 3; i++) assert_int_equal(sim(fx, 0, PG(refs[i]), REF_R), OS_RETRY);
  /* Reports that are not uses of B by its owner change nothing (os.h:
  ** pa outside the user frames is ignored; the frame is pid 0's). */
  os_access_done(&fx->os, 1, PG(B), pa_of(fx, 0, PG(B)));
  os_access_done(&fx->os, 0, PG(B), FAKE_USER_BASE - 4096);
  os_access_done(&fx->os, 0, PG(B), FAKE_USER_BASE + 3 * 4096);  /* frame 3 of 3 */
  for (unsigned i = 3; i < 5; i++) assert_int_equal(sim(fx, 0, PG(refs[i]), REF_R), OS_RETRY);
  assert_int_equal(resident(fx, 0, 8), P(A) | P(C) | P(D));
  assert_int_equal(ref_leaf(&fx->fh, fx->fh.satp_of[0], PG(B)), 0);  /* clean: dropped, PTE 0 */

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_FIFO, 3, 0);
  for (unsigned i = 0; i < 5; i++) assert_int_equal(sim(fx, 0, PG(refs[i]), REF_R), OS_RETRY);
  assert_int_equal(resident(fx, 0, 8), P(B) | P(C) | P(D));
}

int main(void) {
  const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    T(test_lru_textbook),        T(test_fifo_textbook),       T(test_fifo_belady),
    T(test_opt_textbook),        T(test_opt_needs_oracle),    T(test_lru_belady_string),
    T(test_clock_second_chance), T(test_clock_svade_a_fault), T(test_lru_evicts_least_recent),
#undef T
  };
  return cmocka_run_group_tests_name("os_replace", tests, NULL, NULL);
}
