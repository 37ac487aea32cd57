/*
** test_opt.c -- the next-use oracle of OPT (sim/opt.c) on a hand-made
** trace: every value below is read off the five records by eye.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "riscv.h"
#include "mmu_port.h"
#include "opt.h"

static void test_next_use(void **state) {
  (void)state;
  /* index: 0          1          2          3          4
  **        pid0 p1    pid0 p2    pid1 p1    pid0 p1    pid0 p2   (p = va >> 12) */
  trace_rec_t rec[5] = {
    { 0x1000, 1, MMU_OP_R, 8, 0 }, { 0x2000, 2, MMU_OP_W, 8, 0 }, { 0x1000, 3, MMU_OP_R, 8, 1 },
    { 0x1008, 4, MMU_OP_R, 8, 0 }, { 0x2ff8, 5, MMU_OP_X, 8, 0 },
  };
  trace_t t = { rec, 5, 5, 0 };
  opt_t o;
  assert_int_equal(opt_init(&o, &t), 0);
  /* nothing has run: no page has a known next use */
  assert_true(opt_next_use(&o, 0, 1) == OS_NEVER);
  opt_done(&o, 0);                                   /* pid 0 page 1 next at 3 */
  assert_true(opt_next_use(&o, 0, 1) == 3);
  assert_true(opt_next_use(&o, 1, 1) == OS_NEVER);   /* same vpn, other pid: another page */
  opt_done(&o, 1);                                   /* pid 0 page 2 next at 4 (0x2ff8 is page 2) */
  assert_true(opt_next_use(&o, 0, 2) == 4);
  opt_done(&o, 2);                                   /* pid 1 page 1: never again */
  assert_true(opt_next_use(&o, 1, 1) == OS_NEVER);
  assert_true(opt_next_use(&o, 0, 1) == 3);          /* untouched by pid 1's access */
  opt_done(&o, 3);                                   /* pid 0 page 1 (0x1008): never again */
  assert_true(opt_next_use(&o, 0, 1) == OS_NEVER);
  assert_true(opt_next_use(&o, 0, 2) == 4);
  opt_done(&o, 4);
  assert_true(opt_next_use(&o, 0, 2) == OS_NEVER);
  assert_true(opt_next_use(&o, 5, 0x99) == OS_NEVER);   /* a page the trace never touches */
  opt_free(&o);
}

/* Many pages through the table (it grows with the trace): page k of pid
** k % 64 is used at k and k + n, so after record k its next use is k + n. */
static void test_many_pages(void **state) {
  (void)state;
  enum { N = 5000 };
  static trace_rec_t rec[2 * N];
  for (uint32_t k = 0; k < 2 * N; k++) {
    uint32_t p = k % N;
    rec[k] = (trace_rec_t){ (uint64_t)p << 12, k + 1, MMU_OP_R, 8, (uint8_t)(p % 64) };
  }
  trace_t t = { rec, 2 * N, 2 * N, 0 };
  opt_t o;
  assert_int_equal(opt_init(&o, &t), 0);
  for (uint32_t k = 0; k < N; k++) opt_done(&o, k);
  for (uint32_t p = 0; p < N; p += 97) assert_true(opt_next_use(&o, p % 64, p) == (uint64_t)p + N);
  for (uint32_t k = N; k < 2 * N; k++) opt_done(&o, k);
  for (uint32_t p = 0; p < N; p += 97) assert_true(opt_next_use(&o, p % 64, p) == OS_NEVER);
  opt_free(&o);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_next_use),
    cmocka_unit_test(test_many_pages),
  };
  return cmocka_run_group_tests_name("opt", tests, NULL, NULL);
}
