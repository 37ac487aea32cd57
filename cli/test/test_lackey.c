/*
** test_lackey.c -- the lackey importer against docs/import.md.
** Record lines are in lackey's own form (valgrind's lk_main.c prints
** "I  %08lx,%lu" and " L %08lx,%lu"); every split below is worked out by
** hand from the rule "largest naturally aligned piece of 1/2/4/8 bytes"
** (trace_split, tested in test_trace.c).
*/
#define _POSIX_C_SOURCE 200809L   /* mkdtemp */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include <cmocka.h>

#include "lackey.h"
#include "trace.h"
#include "riscv.h"
#include "textfile.h"

static char dir[64];

static int make_dir(void **state) {
  (void)state;
  strcpy(dir, "/tmp/test_lackey_XXXXXX");
  return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state) {
  (void)state;
  char cmd[96];
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  return system(cmd) ? -1 : 0;
}

static const char *path(const char *name) {
  static char p[2][128];
  static int which;
  which ^= 1;
  snprintf(p[which], sizeof p[which], "%s/%s", dir, name);
  return p[which];
}

static void write_file(const char *name, const char *text) {
  FILE *f = fopen(path(name), "w");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
}

static void write_gz(const char *name, const char *text) {
  gzFile g = gzopen(path(name), "wb");
  assert_non_null(g);
  assert_int_equal(gzputs(g, text), (int)strlen(text));
  assert_int_equal(gzclose(g), Z_OK);
}

/* The whole file, decompressed if it is gzip, as a NUL-terminated string. */
static char *slurp(const char *name) {
  char *buf, err[256];
  size_t len;
  assert_int_equal(textfile_read(path(name), &buf, &len, err, sizeof err), 0);
  char *s = malloc(len + 1);
  assert_non_null(s);
  memcpy(s, buf, len);
  s[len] = '\0';
  free(buf);
  return s;
}

static int parse(const char *text, lackey_rec_t *r, char *err) {
  err[0] = '\0';
  return lackey_parse_line(text, strlen(text), r, err, 256);
}

static void test_record_types(void **state) {
  (void)state;
  lackey_rec_t r;
  char err[256];
  assert_int_equal(parse("I  04015ed0,3", &r, err), 1);
  assert_int_equal(r.kind, 'I');
  assert_true(r.va == 0x4015ed0u);
  assert_int_equal(r.size, 3);
  assert_int_equal(parse(" L 1ffefffa58,8", &r, err), 1);
  assert_int_equal(r.kind, 'L');
  assert_true(r.va == UINT64_C(0x1ffefffa58));
  assert_int_equal(r.size, 8);
  assert_int_equal(parse(" S BE80199C,4\r", &r, err), 1);   /* upper-case hex, DOS line end */
  assert_int_equal(r.kind, 'S');
  assert_true(r.va == 0xbe80199cu);
  assert_int_equal(parse(" M 0025747C,1", &r, err), 1);
  assert_int_equal(r.kind, 'M');
  assert_int_equal(r.size, 1);
  assert_int_equal(parse(" L ffffffffffffffff,16", &r, err), 1);   /* 64 bits exactly */
  assert_true(r.va == UINT64_MAX);
  assert_int_equal(r.size, 16);
}

static void test_skipped_lines(void **state) {
  (void)state;
  lackey_rec_t r;
  char err[256];
  assert_int_equal(parse("==12345== Lackey, an example Valgrind tool", &r, err), 0);
  assert_int_equal(parse("--12345-- warning: L3 cache found", &r, err), 0);
  assert_int_equal(parse("", &r, err), 0);
  assert_int_equal(parse("  \t\r", &r, err), 0);
}

static void bad(const char *text, const char *msg) {
  lackey_rec_t r;
  char err[256];
  assert_int_equal(parse(text, &r, err), -1);
  assert_string_equal(err, msg);
}

static void test_malformed(void **state) {
  (void)state;
  bad("X 1000,4", "expected a lackey record 'I|L|S|M ADDR,SIZE' (valgrind --tool=lackey "
                  "--trace-mem=yes), got 'X 1000,4'");
  bad(" L 1000", "expected a hex address and ',' after 'L', got '1000'");
  bad(" L ,4", "expected a hex address and ',' after 'L', got ',4'");
  bad(" S zz,4", "expected a hex address and ',' after 'S', got 'zz,4'");
  bad(" L 10000000000000000,8", "expected a hex address and ',' after 'L', got '10000000000000000,8'");
  bad(" S 1000,0", "expected a size 1..4096 after the address, got '0'");
  bad(" S 1000,4097", "expected a size 1..4096 after the address, got '4097'");
  bad(" S 1000,", "expected a size 1..4096 after the address, got ''");
  bad(" S 1000,4x", "expected a size 1..4096 after the address, got '4x'");
  bad(" S 1000,4 extra", "expected end of line, got 'extra'");
  bad("Lackey", "expected a lackey record 'I|L|S|M ADDR,SIZE' (valgrind --tool=lackey "
                "--trace-mem=yes), got 'Lackey'");
}

static const char LOG[] = "==4242== Lackey, an example Valgrind tool\n"
                          "==4242== Command: ./a.out\n"
                          "I  00401000,4\n"
                          " L 1ffefff000,8\n"
                          " S 1ffefff00c,8\n"
                          " M 00602ffe,4\n"
                          "==4242== \n";
/* Hand-derived: I -> X, L -> R, S -> W, M -> R then W.  The store at
** ...00c crosses the word at ...010 (4 + 4); the modify at 0x602ffe crosses
** the page at 0x603000 (2 + 2), for the load and for the store. */
static const char TRACE[] = "X 0x401000 4 5\n"
                            "R 0x1ffefff000 8 5\n"
                            "W 0x1ffefff00c 4 5\n"
                            "W 0x1ffefff010 4 5\n"
                            "R 0x602ffe 2 5\n"
                            "R 0x603000 2 5\n"
                            "W 0x602ffe 2 5\n"
                            "W 0x603000 2 5\n";

static void check_import(const char *in, const char *out) {
  lackey_opts_t o = { 5, SATP_MODE_SV39, NULL };
  lackey_stats_t st;
  char err[256] = "";
  assert_int_equal(lackey_import(path(in), path(out), &o, &st, err, sizeof err), 0);
  assert_int_equal(st.lines, 7);
  assert_int_equal(st.records, 4);
  assert_int_equal(st.accesses, 8);
  assert_int_equal(st.split, 2);
  char *got = slurp(out);
  char want[1024];
  snprintf(want, sizeof want, "%s# 4 lackey records of %s (2 split), 8 accesses, pid 5\n", TRACE, path(in));
  assert_string_equal(got, want);
  free(got);
}

static void test_import_plain(void **state) {
  (void)state;
  write_file("plain.log", LOG);
  check_import("plain.log", "plain.trace");
}

static void test_import_gzip(void **state) {
  (void)state;
  write_gz("packed.log.gz", LOG);
  check_import("packed.log.gz", "packed.trace.gz");   /* gzip in, gzip out */
  FILE *f = fopen(path("packed.trace.gz"), "rb");     /* really gzip: magic 1f 8b */
  assert_non_null(f);
  assert_int_equal(fgetc(f), 0x1f);
  assert_int_equal(fgetc(f), 0x8b);
  fclose(f);
}

/* An import that must fail with exactly msg (the %s is the input's path)
** and leave no output file behind. */
static void import_fails(const char *log, uint32_t mode, const char *msg) {
  write_file("bad.log", log);
  write_file("bad.trace", "stale\n");
  lackey_opts_t o = { 0, mode, NULL };
  lackey_stats_t st;
  char err[512], want[512];
  assert_int_equal(lackey_import(path("bad.log"), path("bad.trace"), &o, &st, err, sizeof err), -1);
  snprintf(want, sizeof want, msg, path("bad.log"));
  assert_string_equal(err, want);
  assert_int_equal(access(path("bad.trace"), F_OK), -1);
}

static void test_import_errors(void **state) {
  (void)state;
  import_fails("==1== x\nI  00401000,4\n L 00402000;8\n", SATP_MODE_SV39,
               "%s:3: expected a hex address and ',' after 'L', got '00402000;8'");
  /* 0x4000000000 = 2^38 is the first address outside Sv39's user half */
  import_fails(" L 3ffffffff8,8\n L 4000000000,8\n", SATP_MODE_SV39,
               "%s:2: expected a user address below 0x4000000000 for Sv39 (--mode sv48 allows more), "
               "got 0x4000000000,8");
  /* an access whose last byte is past the user half */
  import_fails(" L 3ffffffffc,8\n", SATP_MODE_SV39,
               "%s:1: expected a user address below 0x4000000000 for Sv39 (--mode sv48 allows more), "
               "got 0x3ffffffffc,8");
  import_fails("==1== only valgrind's own lines\n", SATP_MODE_SV39,
               "%s: expected at least one lackey record (valgrind --tool=lackey --trace-mem=yes), got none");
  char longline[700];
  memset(longline, ' ', sizeof longline - 2);
  longline[sizeof longline - 2] = '\n';
  longline[sizeof longline - 1] = '\0';
  import_fails(longline, SATP_MODE_SV39, "%s:1: expected a line of at most 512 characters, got a longer one");
  /* a truncated gzip stream is an error, not a short trace */
  write_gz("whole.gz", LOG);
  FILE *f = fopen(path("whole.gz"), "rb");
  assert_non_null(f);
  char buf[256];
  size_t n = fread(buf, 1, sizeof buf, f);
  fclose(f);
  f = fopen(path("cut.gz"), "wb");
  assert_non_null(f);
  fwrite(buf, 1, n - 10, f);   /* drop the CRC and length trailer and a little more */
  fclose(f);
  lackey_opts_t o = { 0, SATP_MODE_SV39, NULL };
  lackey_stats_t st;
  char err[256];
  assert_int_equal(lackey_import(path("cut.gz"), path("cut.trace"), &o, &st, err, sizeof err), -1);
  assert_non_null(strstr(err, "cannot read"));
  assert_int_equal(access(path("cut.trace"), F_OK), -1);
}

static void test_sv48_allows_more(void **state) {
  (void)state;
  write_file("hi.log", " L 4000000000,8\n");
  lackey_opts_t o = { 1, SATP_MODE_SV48, "'prog'" };
  lackey_stats_t st;
  char err[256];
  assert_int_equal(lackey_import(path("hi.log"), path("hi.trace"), &o, &st, err, sizeof err), 0);
  char *got = slurp("hi.trace");
  assert_string_equal(got, "R 0x4000000000 8 1\n# 1 lackey records of 'prog' (0 split), 1 accesses, pid 1\n");
  free(got);
}

static void test_missing_input(void **state) {
  (void)state;
  lackey_opts_t o = { 0, SATP_MODE_SV39, NULL };
  lackey_stats_t st;
  char err[256], want[256];
  assert_int_equal(lackey_import(path("nope.log"), path("nope.trace"), &o, &st, err, sizeof err), -1);
  snprintf(want, sizeof want, "cannot open '%s': No such file or directory", path("nope.log"));
  assert_string_equal(err, want);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_record_types),     cmocka_unit_test(test_skipped_lines),
    cmocka_unit_test(test_malformed),        cmocka_unit_test(test_import_plain),
    cmocka_unit_test(test_import_gzip),      cmocka_unit_test(test_import_errors),
    cmocka_unit_test(test_sv48_allows_more), cmocka_unit_test(test_missing_input),
  };
  return cmocka_run_group_tests_name("lackey", tests, make_dir, remove_dir);
}
