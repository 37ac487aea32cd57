/*
** test_trace.c -- the trace parser against docs/trace-format.md.
** Every expected message is copied from the table in that document; the
** canonical boundaries are from the RISC-V privileged spec (Sv39/Sv48).
*/
#define _POSIX_C_SOURCE 200809L   /* mkstemp, fdopen, unlink */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "riscv.h"
#include "mmu_port.h"
#include "trace.h"

#define SV39 SATP_MODE_SV39
#define SV48 SATP_MODE_SV48

/* Parse one line; returns what trace_parse_line returned. */
static int line(const char *text, uint32_t mode, trace_rec_t *r, char *err) {
  err[0] = '\0';
  return trace_parse_line(text, strlen(text), mode, r, err, 256);
}

/* The line must be an error with exactly this message. */
static void bad(const char *text, uint32_t mode, const char *msg) {
  trace_rec_t r;
  char err[256];
  assert_int_equal(line(text, mode, &r, err), -1);
  assert_string_equal(err, msg);
}

static void test_defaults(void **state) {
  (void)state;
  trace_rec_t r;
  char err[256];
  /* format doc: SIZE defaults to 8, PID to 0 */
  assert_int_equal(line("R 1000", SV39, &r, err), 1);
  assert_int_equal(r.op, MMU_OP_R);
  assert_true(r.va == 0x1000u);
  assert_int_equal(r.size, 8);
  assert_int_equal(r.pid, 0);
  /* SIZE given, PID still 0 */
  assert_int_equal(line("W 0x20 2", SV39, &r, err), 1);
  assert_int_equal(r.op, MMU_OP_W);
  assert_true(r.va == 0x20u);
  assert_int_equal(r.size, 2);
  assert_int_equal(r.pid, 0);
}

static void test_all_fields(void **state) {
  (void)state;
  trace_rec_t r;
  char err[256];
  assert_int_equal(line("X 0xDeadBeef 4 17", SV39, &r, err), 1);
  assert_int_equal(r.op, MMU_OP_X);
  assert_true(r.va == UINT64_C(0xdeadbeef));
  assert_int_equal(r.size, 4);
  assert_int_equal(r.pid, 17);
  /* each legal size, and the pid bounds 0 and 63 */
  assert_int_equal(line("R 0 1 63", SV39, &r, err), 1);
  assert_int_equal(r.size, 1);
  assert_int_equal(r.pid, 63);
  assert_int_equal(line("R 0 4 0", SV39, &r, err), 1);
  assert_int_equal(r.size, 4);
  assert_int_equal(line("R 0 8", SV39, &r, err), 1);
  assert_int_equal(r.size, 8);
}

static void test_lowercase_ops(void **state) {
  (void)state;
  trace_rec_t r;
  char err[256];
  assert_int_equal(line("r 10", SV39, &r, err), 1);
  assert_int_equal(r.op, MMU_OP_R);
  assert_int_equal(line("w 10", SV39, &r, err), 1);
  assert_int_equal(r.op, MMU_OP_W);
  assert_int_equal(line("x 10", SV39, &r, err), 1);
  assert_int_equal(r.op, MMU_OP_X);
}

static void test_hex_forms(void **state) {
  (void)state;
  trace_rec_t r;
  char err[256];
  assert_int_equal(line("R 0XAbC", SV39, &r, err), 1);     /* 0X prefix, mixed case */
  assert_true(r.va == 0xabcu);
  assert_int_equal(line("R abc", SV39, &r, err), 1);       /* no prefix */
  assert_true(r.va == 0xabcu);
  /* 21 digits, but leading zeros: the value 0x1234 fits */
  assert_int_equal(line("R 0x000000000000000001234", SV39, &r, err), 1);
  assert_true(r.va == 0x1234u);
  /* all 64 bits set: canonical in both modes (upper half) */
  assert_int_equal(line("R ffffffffffffffff", SV39, &r, err), 1);
  assert_true(r.va == UINT64_MAX);
}

static void test_separators_and_comments(void **state) {
  (void)state;
  trace_rec_t r;
  char err[256];
  assert_int_equal(line("\t W \t 0x40\t4   3  ", SV39, &r, err), 1);
  assert_true(r.va == 0x40u);
  assert_int_equal(r.size, 4);
  assert_int_equal(r.pid, 3);
  assert_int_equal(line("R 0x50 # trailing comment", SV39, &r, err), 1);
  assert_true(r.va == 0x50u);
  assert_int_equal(line("R 0x60#no space before it", SV39, &r, err), 1);
  assert_true(r.va == 0x60u);
  assert_int_equal(line("R 0x70 2 5\r", SV39, &r, err), 1);  /* DOS line end */
  assert_int_equal(r.pid, 5);
  /* blank and comment-only lines hold no access */
  assert_int_equal(line("", SV39, &r, err), 0);
  assert_int_equal(line("   \t \r", SV39, &r, err), 0);
  assert_int_equal(line("# R 0x1000", SV39, &r, err), 0);
  assert_int_equal(line("   # indented comment", SV39, &r, err), 0);
}

static void test_errors(void **state) {
  (void)state;
  /* messages: docs/trace-format.md, table "Errors" */
  bad("Q 1000", SV39, "expected an operation R, W or X, got 'Q'");
  bad("RW 1000", SV39, "expected an operation R, W or X, got 'RW'");
  bad("R", SV39, "expected an address after 'R', got end of line");
  bad("w   # comment", SV39, "expected an address after 'w', got end of line");
  bad("R 0xzz", SV39, "expected a hex address (optional 0x, at most 64 bits), got '0xzz'");
  bad("R 0x", SV39, "expected a hex address (optional 0x, at most 64 bits), got '0x'");
  bad("R -10", SV39, "expected a hex address (optional 0x, at most 64 bits), got '-10'");
  /* 17 significant digits = 65+ bits */
  bad("R 0x10000000000000000", SV39,
      "expected a hex address (optional 0x, at most 64 bits), got '0x10000000000000000'");
  bad("R 0 3", SV39, "expected a size 1, 2, 4 or 8, got '3'");
  bad("R 0 16", SV39, "expected a size 1, 2, 4 or 8, got '16'");
  bad("R 0 0", SV39, "expected a size 1, 2, 4 or 8, got '0'");
  bad("R 0 +8", SV39, "expected a size 1, 2, 4 or 8, got '+8'");
  bad("R 0 8 64", SV39, "expected a pid 0..63, got '64'");
  bad("R 0 8 -1", SV39, "expected a pid 0..63, got '-1'");
  bad("R 0 8 99999999999999999999", SV39, "expected a pid 0..63, got '99999999999999999999'");
  bad("R 0 8 1 extra", SV39, "expected end of line, got 'extra'");
}

static void test_long_token_is_cut(void **state) {
  (void)state;
  /* format doc: tokens past 32 characters are cut and followed by "..." */
  bad("R zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", SV39,
      "expected a hex address (optional 0x, at most 64 bits), got 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz...'");
  /* unprintable bytes show as '?' */
  bad("R 1\x01", SV39, "expected a hex address (optional 0x, at most 64 bits), got '1?'");
}

static void test_canonical_sv39(void **state) {
  (void)state;
  trace_rec_t r;
  char err[256];
  /* Sv39: bits 63..38 equal.  Highest user address 2^38-1 = 0x3fffffffff. */
  assert_int_equal(line("R 3fffffffff", SV39, &r, err), 1);
  bad("R 4000000000", SV39, "expected a canonical Sv39 address (bits 63..38 equal), got '4000000000'");
  /* lowest upper-half address: bits 63..38 all ones = 0xffffffc000000000 */
  assert_int_equal(line("R ffffffc000000000", SV39, &r, err), 1);
  bad("R 0xffffffbfffffffff", SV39,
      "expected a canonical Sv39 address (bits 63..38 equal), got '0xffffffbfffffffff'");
  bad("R 8000000000000000", SV39,
      "expected a canonical Sv39 address (bits 63..38 equal), got '8000000000000000'");
}

static void test_canonical_sv48(void **state) {
  (void)state;
  trace_rec_t r;
  char err[256];
  /* Sv48: bits 63..47 equal.  2^47-1 = 0x7fffffffffff; 2^38 is fine here */
  assert_int_equal(line("R 4000000000", SV48, &r, err), 1);
  assert_int_equal(line("R 7fffffffffff", SV48, &r, err), 1);
  bad("R 0x800000000000", SV48,
      "expected a canonical Sv48 address (bits 63..47 equal), got '0x800000000000'");
  assert_int_equal(line("R ffff800000000000", SV48, &r, err), 1);
  bad("R ffff7fffffffffff", SV48,
      "expected a canonical Sv48 address (bits 63..47 equal), got 'ffff7fffffffffff'");
}

static void test_text_line_numbers(void **state) {
  (void)state;
  trace_t t;
  char err[256];
  const char *text = "# header\n\nR 1000\nW 2000 4 1 # store\n  \nx 3000";   /* no final newline */
  assert_int_equal(trace_parse_text(&t, text, strlen(text), "a.trace", SV39, err, sizeof err), 0);
  assert_int_equal(t.n, 3);
  assert_int_equal(t.rec[0].line, 3);   /* lines 1, 2 are a comment and a blank */
  assert_true(t.rec[0].va == 0x1000u);
  assert_int_equal(t.rec[1].line, 4);
  assert_int_equal(t.rec[1].op, MMU_OP_W);
  assert_int_equal(t.rec[1].pid, 1);
  assert_int_equal(t.rec[2].line, 6);   /* the last line has no '\n' */
  assert_int_equal(t.rec[2].op, MMU_OP_X);
  trace_free(&t);
}

static void test_text_error_has_file_and_line(void **state) {
  (void)state;
  trace_t t;
  char err[256];
  const char *text = "R 0\n# two\nW 8\n\nR 0 5\nR 10\n";
  assert_int_equal(trace_parse_text(&t, text, strlen(text), "bad.trace", SV39, err, sizeof err), -1);
  assert_string_equal(err, "bad.trace:5: expected a size 1, 2, 4 or 8, got '5'");
  assert_int_equal(t.n, 0);            /* nothing kept from a bad trace */
  assert_null(t.rec);
}

static void test_empty_trace(void **state) {
  (void)state;
  trace_t t;
  char err[256];
  assert_int_equal(trace_parse_text(&t, "", 0, "e.trace", SV39, err, sizeof err), -1);
  assert_string_equal(err, "e.trace: expected at least one access, got none");
  const char *text = "# only a comment\n\n   \n";
  assert_int_equal(trace_parse_text(&t, text, strlen(text), "c.trace", SV39, err, sizeof err), -1);
  assert_string_equal(err, "c.trace: expected at least one access, got none");
}

static void test_load_missing_file(void **state) {
  (void)state;
  trace_t t;
  char err[256];
  assert_int_equal(trace_load(&t, "/nonexistent/x.trace", SV39, err, sizeof err), -1);
  assert_string_equal(err, "cannot open '/nonexistent/x.trace': No such file or directory");
}

static void test_load_file(void **state) {
  (void)state;
  char path[] = "/tmp/mmulab_test_trace_XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  /* more than the loader's first 64 KiB buffer: 6000 lines of 16 bytes */
  FILE *f = fdopen(fd, "w");
  assert_non_null(f);
  for (int i = 0; i < 6000; i++) fprintf(f, "W %08x 8 %u\n", (unsigned)i * 8u, (unsigned)(i % 3));
  fclose(f);
  trace_t t;
  char err[256];
  int rc = trace_load(&t, path, SV39, err, sizeof err);
  unlink(path);
  assert_int_equal(rc, 0);
  assert_int_equal(t.n, 6000);
  assert_true(t.rec[5999].va == 5999u * 8u);
  assert_int_equal(t.rec[5999].pid, 5999 % 3);
  assert_int_equal(t.rec[5999].line, 6000);
  trace_free(&t);
}

/* The pieces of (va, size) must be exactly these (va, size) pairs. */
static void split_is(uint64_t va, uint32_t size, uint32_t n, const uint64_t *want) {
  trace_piece_t p[16];
  assert_int_equal(trace_split(va, size, p, 16), n);
  for (uint32_t i = 0; i < n; i++) {
    assert_true(p[i].va == want[2 * i]);
    assert_int_equal(p[i].size, want[2 * i + 1]);
  }
}

static void test_split(void **state) {
  (void)state;
  split_is(0x1000, 8, 1, (const uint64_t[]){ 0x1000, 8 });
  split_is(0x1004, 4, 1, (const uint64_t[]){ 0x1004, 4 });
  split_is(0x1003, 1, 1, (const uint64_t[]){ 0x1003, 1 });
  /* 8 bytes at 0x1001: 1 to reach 2-alignment, 2 to reach 4, 4 to reach 8, 1 left */
  split_is(0x1001, 8, 4, (const uint64_t[]){ 0x1001, 1, 0x1002, 2, 0x1004, 4, 0x1008, 1 });
  /* across a page: 4 bytes at 0x1ffe are two translations, 0x1ffe and 0x2000 */
  split_is(0x1ffe, 4, 2, (const uint64_t[]){ 0x1ffe, 2, 0x2000, 2 });
  /* across a 64-byte line: 8 bytes at 0x103c touch lines 0x1000 and 0x1040 */
  split_is(0x103c, 8, 2, (const uint64_t[]){ 0x103c, 4, 0x1040, 4 });
  /* a 16-byte SSE load: two words */
  split_is(0x2000, 16, 2, (const uint64_t[]){ 0x2000, 8, 0x2008, 8 });
  /* a 3-byte instruction at 0x401ab70: 2 + 1 */
  split_is(0x401ab70, 3, 2, (const uint64_t[]){ 0x401ab70, 2, 0x401ab72, 1 });
  /* the count is returned even when the buffer is too small */
  trace_piece_t one;
  assert_int_equal(trace_split(0x1001, 8, &one, 1), 4);
  assert_true(one.va == 0x1001);
}

/* A misaligned line becomes its pieces, each with the line's number, op
** and pid; aligned lines stay one record; t.split counts the split lines. */
static void test_text_splits_misaligned(void **state) {
  (void)state;
  trace_t t;
  char err[256];
  const char *text = "W 0x1000 8 2\nR 0xffc 8 3\n# c\nX 0x1001 4\n";
  assert_int_equal(trace_parse_text(&t, text, strlen(text), "s.trace", SV39, err, sizeof err), 0);
  assert_int_equal(t.n, 1 + 2 + 3);    /* 8@1000; 4@ffc 4@1000; 1@1001 2@1002 1@1004 */
  assert_int_equal(t.split, 2);
  const uint64_t va[] = { 0x1000, 0xffc, 0x1000, 0x1001, 0x1002, 0x1004 };
  const uint8_t size[] = { 8, 4, 4, 1, 2, 1 };
  const uint32_t ln[] = { 1, 2, 2, 4, 4, 4 };
  for (unsigned i = 0; i < 6; i++) {
    assert_true(t.rec[i].va == va[i]);
    assert_int_equal(t.rec[i].size, size[i]);
    assert_int_equal(t.rec[i].line, ln[i]);
  }
  assert_int_equal(t.rec[2].op, MMU_OP_R);
  assert_int_equal(t.rec[2].pid, 3);
  assert_int_equal(t.rec[5].op, MMU_OP_X);
  trace_free(&t);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_defaults),
    cmocka_unit_test(test_all_fields),
    cmocka_unit_test(test_lowercase_ops),
    cmocka_unit_test(test_hex_forms),
    cmocka_unit_test(test_separators_and_comments),
    cmocka_unit_test(test_errors),
    cmocka_unit_test(test_long_token_is_cut),
    cmocka_unit_test(test_canonical_sv39),
    cmocka_unit_test(test_canonical_sv48),
    cmocka_unit_test(test_text_line_numbers),
    cmocka_unit_test(test_text_error_has_file_and_line),
    cmocka_unit_test(test_empty_trace),
    cmocka_unit_test(test_load_missing_file),
    cmocka_unit_test(test_load_file),
    cmocka_unit_test(test_split),
    cmocka_unit_test(test_text_splits_misaligned),
  };
  return cmocka_run_group_tests_name("trace", tests, NULL, NULL);
}
