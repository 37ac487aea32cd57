/*
** test_grow.c -- grow_room (sim/grow.h): the first allocation, room left
** (the same array back), doubling with the elements kept, and the refusal
** past 2^32 elements that leaves the array and its capacity as they were.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "grow.h"

static void test_first_then_double(void **state) {
  (void)state;
  uint32_t cap = 0, n = 0;
  uint64_t *a = grow_room(NULL, n, &cap, sizeof *a, 4u);
  assert_non_null(a);
  assert_int_equal(cap, 4);                    /* `first` when empty */
  for (; n < 4; n++) {
    assert_ptr_equal(grow_room(a, n, &cap, sizeof *a, 4u), a);   /* room: no realloc */
    a[n] = 100u + n;
  }
  assert_int_equal(cap, 4);
  a = grow_room(a, n, &cap, sizeof *a, 4u);    /* full: 4 -> 8, the four kept */
  assert_non_null(a);
  assert_int_equal(cap, 8);
  for (uint32_t i = 0; i < 4; i++) assert_int_equal(a[i], 100u + i);
  a = grow_room(a, 8, &cap, sizeof *a, 4u);
  assert_int_equal(cap, 16);
  free(a);
}

static void test_refuses_past_uint32(void **state) {
  (void)state;
  /* a capacity whose double does not fit 32 bits: NULL, nothing changed
  ** (the array is never touched, so a dummy pointer is enough) */
  uint32_t cap = UINT32_C(0x80000001);
  char dummy;
  assert_null(grow_room(&dummy, cap, &cap, 1, 4u));
  assert_int_equal(cap, UINT32_C(0x80000001));
  /* elements so large that twice the count overflows size_t */
  cap = 2;
  char *p = malloc(2);
  assert_non_null(p);
  assert_null(grow_room(p, 2, &cap, SIZE_MAX / 3u, 4u));
  assert_int_equal(cap, 2);
  free(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_first_then_double),
    cmocka_unit_test(test_refuses_past_uint32),
  };
  return cmocka_run_group_tests_name("grow", tests, NULL, NULL);
}
