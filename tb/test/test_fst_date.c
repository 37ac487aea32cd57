/*
** test_fst_date.c -- fst_strip_date (tb/fst_date.c) on hand-built files: the layout of
** fstapi.c's header block (type 0 at offset 0, "fstWriter..." at 74, the date at 202 for
** 119 bytes), so the expected bytes come from that layout, not from the function.
*/
#define _POSIX_C_SOURCE 200809L   /* mkstemp */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "fst_date.h"

enum { HEAD = 202 + 119, TOTAL = HEAD + 64 };

static void write_file(const char *path, const unsigned char *b, size_t n) {
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  assert_int_equal(fwrite(b, 1, n, f), n);
  assert_int_equal(fclose(f), 0);
}

static void read_file(const char *path, unsigned char *b, size_t n) {
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  assert_int_equal(fread(b, 1, n, f), n);
  assert_int_equal(fgetc(f), EOF);   /* not grown */
  fclose(f);
}

static void make_fst(unsigned char *b) {
  for (size_t i = 0; i < TOTAL; i++) b[i] = (unsigned char)(0x40 + i % 23);
  b[0] = 0;   /* FST_BL_HDR */
  memcpy(b + 74, "fstWriter", 9);
  memcpy(b + 202, "Wed Dec  2 06:00:00 2026\n", 25);
}

static char *tmp_path(void) {
  static char path[] = "/tmp/mmulab-fstdate-XXXXXX";
  strcpy(path, "/tmp/mmulab-fstdate-XXXXXX");
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  close(fd);
  return path;
}

/* The date field becomes the fixed text (NUL-padded to 119 bytes); every other byte stays. */
static void blanks_only_the_date(void **state) {
  (void)state;
  unsigned char in[TOTAL], out[TOTAL];
  static const char text[] = "mmulab: no date, so that a run's waveform is reproducible";
  char *p = tmp_path();
  make_fst(in);
  write_file(p, in, sizeof in);
  assert_int_equal(fst_strip_date(p), 0);
  read_file(p, out, sizeof out);
  assert_memory_equal(out, in, 202);
  assert_memory_equal(out + 202, text, sizeof text);   /* with its NUL */
  for (size_t i = 202 + sizeof text; i < HEAD; i++) assert_int_equal(out[i], 0);
  assert_memory_equal(out + HEAD, in + HEAD, TOTAL - HEAD);
  /* twice gives the same file: a rerun's waveform is byte-identical */
  assert_int_equal(fst_strip_date(p), 0);
  unsigned char again[TOTAL];
  read_file(p, again, sizeof again);
  assert_memory_equal(again, out, sizeof out);
  unlink(p);
}

/* Not an FST (wrong block type, no writer tag, too short, missing): untouched, -1. */
static void leaves_other_files_alone(void **state) {
  (void)state;
  unsigned char in[TOTAL], out[TOTAL];
  char *p = tmp_path();
  make_fst(in);
  in[0] = 1;
  write_file(p, in, sizeof in);
  assert_int_equal(fst_strip_date(p), -1);
  read_file(p, out, sizeof out);
  assert_memory_equal(out, in, sizeof in);

  make_fst(in);
  memcpy(in + 74, "vcdWriter", 9);
  write_file(p, in, sizeof in);
  assert_int_equal(fst_strip_date(p), -1);
  read_file(p, out, sizeof out);
  assert_memory_equal(out, in, sizeof in);

  make_fst(in);
  write_file(p, in, HEAD - 1);
  assert_int_equal(fst_strip_date(p), -1);
  read_file(p, out, HEAD - 1);
  assert_memory_equal(out, in, HEAD - 1);
  unlink(p);
  assert_int_equal(fst_strip_date("/nonexistent/mmulab.fst"), -1);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(blanks_only_the_date),
    cmocka_unit_test(leaves_other_files_alone),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
