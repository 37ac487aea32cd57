/*
** test_physmem.c -- unit tests of physmem.c: zero fill, word access,
** range edges (including a wrapping length) and out-of-range writes.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "physmem.h"

#define BASE UINT64_C(0x80000000)
#define SIZE UINT64_C(0x10000)          /* 64 KiB: [0x80000000, 0x80010000) */

static void test_init_rejects_bad_ranges(void **state) {
  physmem_t m;
  (void)state;
  assert_int_equal(physmem_init(&m, BASE, 0), -1);                     /* size 0 */
  assert_int_equal(physmem_init(&m, BASE + 8, SIZE), -1);              /* base not 4 KiB aligned */
  assert_int_equal(physmem_init(&m, BASE, SIZE + 8), -1);              /* size not 4 KiB aligned */
  /* 2^56 - 4096 + 8192 passes 2^56 by one page; + 4096 ends exactly at 2^56 */
  assert_int_equal(physmem_init(&m, (UINT64_C(1) << 56) - 4096, 8192), -1);
  assert_int_equal(physmem_init(&m, (UINT64_C(1) << 56) - 4096, 4096), 0);
  physmem_free(&m);
  /* 0xFFFF_FFFF_FFFF_F000 + 0x2000 wraps past 2^64 */
  assert_int_equal(physmem_init(&m, UINT64_C(0xFFFFFFFFFFFFF000), 0x2000), -1);
  assert_int_equal(physmem_init(&m, BASE, SIZE), 0);
  physmem_free(&m);
}

static void test_unwritten_reads_zero(void **state) {
  physmem_t m;
  (void)state;
  assert_int_equal(physmem_init(&m, BASE, SIZE), 0);
  assert_true(physmem_read64(&m, BASE) == 0);
  assert_true(physmem_read64(&m, BASE + SIZE - 8) == 0);
  assert_int_equal(m.pages, 0);   /* reads allocate nothing */
  physmem_free(&m);
}

static void test_write_then_read(void **state) {
  physmem_t m;
  (void)state;
  assert_int_equal(physmem_init(&m, BASE, SIZE), 0);
  physmem_write64(&m, BASE + 8, UINT64_C(0x1122334455667788));
  assert_true(physmem_read64(&m, BASE + 8) == UINT64_C(0x1122334455667788));
  assert_true(physmem_read64(&m, BASE) == 0);          /* neighbours untouched */
  assert_true(physmem_read64(&m, BASE + 16) == 0);
  assert_int_equal(m.pages, 1);
  physmem_write64(&m, BASE + 8, UINT64_C(0xdeadbeefcafef00d));   /* overwrite */
  assert_true(physmem_read64(&m, BASE + 8) == UINT64_C(0xdeadbeefcafef00d));
  /* the last word of the range, in a second page */
  physmem_write64(&m, BASE + SIZE - 8, UINT64_C(0xfeedface));
  assert_true(physmem_read64(&m, BASE + SIZE - 8) == UINT64_C(0xfeedface));
  assert_int_equal(m.pages, 2);
  physmem_free(&m);
}

/* Word access at pa & ~7: 0x80000013 & ~7 = 0x80000010, and every byte
** address 0x80000010..0x80000017 names that word. */
static void test_misaligned_uses_aligned_word(void **state) {
  physmem_t m;
  (void)state;
  assert_int_equal(physmem_init(&m, BASE, SIZE), 0);
  physmem_write64(&m, BASE + 0x13, 42);
  assert_true(physmem_read64(&m, BASE + 0x10) == 42);
  assert_true(physmem_read64(&m, BASE + 0x17) == 42);
  assert_true(physmem_read64(&m, BASE + 0x18) == 0);   /* next word */
  assert_true(physmem_read64(&m, BASE + 0x0f) == 0);   /* previous word */
  /* at the end of the range: the last byte 0x8000FFFF names the word at
  ** 0x8000FFF8, which is inside even though [pa, pa+8) would not be */
  physmem_write64(&m, BASE + SIZE - 3, 99);
  assert_true(physmem_read64(&m, BASE + SIZE - 8) == 99);
  assert_true(physmem_read64(&m, BASE + SIZE - 1) == 99);
  physmem_free(&m);
}

static void test_in_range_edges(void **state) {
  physmem_t m;
  (void)state;
  assert_int_equal(physmem_init(&m, BASE, SIZE), 0);
  assert_true(physmem_in_range(&m, BASE, 1));
  assert_false(physmem_in_range(&m, BASE - 1, 1));
  assert_false(physmem_in_range(&m, BASE - 1, 2));            /* straddles the base */
  assert_true(physmem_in_range(&m, BASE + SIZE - 1, 1));      /* last byte */
  assert_false(physmem_in_range(&m, BASE + SIZE, 1));         /* one past the end */
  assert_true(physmem_in_range(&m, BASE + SIZE - 8, 8));      /* last word */
  assert_false(physmem_in_range(&m, BASE + SIZE - 7, 8));     /* straddles the end */
  assert_true(physmem_in_range(&m, BASE, SIZE));              /* the whole range */
  assert_false(physmem_in_range(&m, BASE, SIZE + 1));
  assert_false(physmem_in_range(&m, 0, 1));
  assert_false(physmem_in_range(&m, UINT64_MAX, 1));
  /* pa + len wraps: 0x80000008 + 0xFFFF_FFFF_FFFF_FFFF = 0x80000007 mod
  ** 2^64, which a naive pa+len <= base+size check would accept */
  assert_false(physmem_in_range(&m, BASE + 8, UINT64_MAX));
  assert_false(physmem_in_range(&m, UINT64_MAX - 3, 8));
  physmem_free(&m);
}

static void test_out_of_range_write_ignored(void **state) {
  physmem_t m;
  (void)state;
  assert_int_equal(physmem_init(&m, BASE, SIZE), 0);
  physmem_write64(&m, BASE + SIZE, 7);        /* first word past the end */
  physmem_write64(&m, BASE - 8, 7);           /* last word before the base */
  assert_int_equal(m.pages, 0);               /* nothing was created */
  assert_true(physmem_read64(&m, BASE + SIZE) == 0);
  assert_true(physmem_read64(&m, BASE - 8) == 0);
  assert_true(physmem_read64(&m, BASE + SIZE - 8) == 0);
  assert_true(physmem_read64(&m, BASE) == 0);
  physmem_free(&m);
}

/* Pages 4096 page numbers apart (16 MiB) all collide under a hash that is
** "page number mod 4096"; each must still keep its own value. */
static void test_many_pages_keep_their_values(void **state) {
  physmem_t m;
  uint64_t i, stride = UINT64_C(4096) * 4096;
  (void)state;
  assert_int_equal(physmem_init(&m, BASE, 20 * stride), 0);
  for (i = 0; i < 20; i++) physmem_write64(&m, BASE + i * stride + 0x18, i + 100);
  for (i = 0; i < 300; i++) physmem_write64(&m, BASE + i * 4096, i + 1000);
  /* 300 pages at 0..299 plus 19 at i*stride (i>=1; i=0 is page 0 again) */
  assert_int_equal(m.pages, 319);
  for (i = 0; i < 20; i++) assert_true(physmem_read64(&m, BASE + i * stride + 0x18) == i + 100);
  for (i = 0; i < 300; i++) assert_true(physmem_read64(&m, BASE + i * 4096) == i + 1000);
  physmem_free(&m);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_init_rejects_bad_ranges),
    cmocka_unit_test(test_unwritten_reads_zero),
    cmocka_unit_test(test_write_then_read),
    cmocka_unit_test(test_misaligned_uses_aligned_word),
    cmocka_unit_test(test_in_range_edges),
    cmocka_unit_test(test_out_of_range_write_ignored),
    cmocka_unit_test(test_many_pages_keep_their_values),
  };
  return cmocka_run_group_tests_name("physmem", tests, NULL, NULL);
}
