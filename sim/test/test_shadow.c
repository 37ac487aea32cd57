/*
** test_shadow.c -- the data check's shadow memory: word granularity,
** per-process words, growth past the first table and dropping a pid.
** Expected values are the values the test itself stored.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "shadow.h"

static void test_store_and_expect(void **state) {
  (void)state;
  shadow_t s;
  assert_int_equal(shadow_init(&s), 0);
  assert_true(shadow_expected(&s, 0, 0x1000) == 0);     /* never stored: zero-filled */
  assert_int_equal(shadow_store(&s, 0, 0x1000, 0xaaaa), 0);
  assert_true(shadow_expected(&s, 0, 0x1000) == 0xaaaa);
  /* 0x1000..0x1007 are one word; 0x1008 is the next */
  assert_true(shadow_expected(&s, 0, 0x1007) == 0xaaaa);
  assert_true(shadow_expected(&s, 0, 0x1008) == 0);
  assert_true(shadow_expected(&s, 0, 0x0ff8) == 0);
  /* a store anywhere in the word replaces the value */
  assert_int_equal(shadow_store(&s, 0, 0x1003, 0xbbbb), 0);
  assert_true(shadow_expected(&s, 0, 0x1000) == 0xbbbb);
  assert_int_equal(s.n, 1);
  shadow_free(&s);
}

static void test_pids_are_separate(void **state) {
  (void)state;
  shadow_t s;
  assert_int_equal(shadow_init(&s), 0);
  assert_int_equal(shadow_store(&s, 1, 0x2000, 11), 0);
  assert_int_equal(shadow_store(&s, 2, 0x2000, 22), 0);
  assert_true(shadow_expected(&s, 1, 0x2000) == 11);
  assert_true(shadow_expected(&s, 2, 0x2000) == 22);
  assert_true(shadow_expected(&s, 3, 0x2000) == 0);
  /* the upper half of the address space is a different word */
  assert_true(shadow_expected(&s, 1, UINT64_C(0xffffffc000002000)) == 0);
  shadow_free(&s);
}

static void test_growth(void **state) {
  (void)state;
  shadow_t s;
  assert_int_equal(shadow_init(&s), 0);
  /* 5000 words in 3 processes: the table doubles several times */
  for (uint32_t i = 0; i < 5000; i++)
    assert_int_equal(shadow_store(&s, i % 3u, (uint64_t)i * 4096u + 8u * (i % 7u), (uint64_t)i * 31u + 1u),
                     0);
  assert_int_equal(s.n, 5000);
  assert_true(s.cap >= 10000);                 /* load kept at most 1/2 */
  for (uint32_t i = 0; i < 5000; i++)
    assert_true(shadow_expected(&s, i % 3u, (uint64_t)i * 4096u + 8u * (i % 7u)) == (uint64_t)i * 31u + 1u);
  shadow_free(&s);
}

static void test_drop_pid(void **state) {
  (void)state;
  shadow_t s;
  assert_int_equal(shadow_init(&s), 0);
  for (uint32_t i = 0; i < 300; i++) {
    assert_int_equal(shadow_store(&s, 4, (uint64_t)i * 8u, i + 1u), 0);
    assert_int_equal(shadow_store(&s, 5, (uint64_t)i * 8u, i + 1000u), 0);
  }
  assert_int_equal(shadow_drop_pid(&s, 4), 0);
  assert_int_equal(s.n, 300);
  for (uint32_t i = 0; i < 300; i++) {
    assert_true(shadow_expected(&s, 4, (uint64_t)i * 8u) == 0);          /* forgotten */
    assert_true(shadow_expected(&s, 5, (uint64_t)i * 8u) == i + 1000u);  /* kept */
  }
  shadow_free(&s);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_store_and_expect),
    cmocka_unit_test(test_pids_are_separate),
    cmocka_unit_test(test_growth),
    cmocka_unit_test(test_drop_pid),
  };
  return cmocka_run_group_tests_name("shadow", tests, NULL, NULL);
}
