/*
** test_record.c -- the recording dut: it forwards every call to the real
** dut unchanged, writes idle runs as one I line, counts and checks ranges.
*/
#define _POSIX_C_SOURCE 200809L   /* mkstemp */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "record.h"
#include "riscv.h"
#include "mmu_port.h"

/* A dut that keeps what it was given and answers from a script. */
typedef struct {
  uint64_t steps, writes, reads, freed;
  uint64_t last_vaddr, last_pa, last_value;
  uint64_t resp_at;          /* cycle (0-based) with resp_valid = 1 */
  uint64_t mem_at;           /* cycle with a memory-port access ... */
  uint64_t mem_addr;         /* ... to this address */
} fake_t;

static void fake_step(void *ctx, const mmu_in_t *in, mmu_out_t *out) {
  fake_t *f = ctx;
  memset(out, 0, sizeof *out);
  if (in->req_valid) f->last_vaddr = in->req_vaddr;
  if (f->steps == f->resp_at) {
    out->resp_valid = 1;
    out->resp_paddr = UINT64_C(0x80010010);
    out->resp_rdata = UINT64_C(0x1122334455667788);
    out->resp_level = 3;
  }
  if (f->steps == f->mem_at) {
    out->mem_valid = 1;
    out->mem_addr = f->mem_addr;
  }
  f->steps++;
}
static uint64_t fake_read(void *ctx, uint64_t pa) {
  fake_t *f = ctx;
  f->reads++;
  return pa + 1;
}
static void fake_write(void *ctx, uint64_t pa, uint64_t value) {
  fake_t *f = ctx;
  f->writes++;
  f->last_pa = pa;
  f->last_value = value;
}
static void fake_free(void *ctx) { ((fake_t *)ctx)->freed++; }

static void fake_dut(fake_t *f, dut_t *d) {
  memset(d, 0, sizeof *d);
  d->ctx = f;
  d->step = fake_step;
  d->mem_read64 = fake_read;
  d->mem_write64 = fake_write;
  d->free = fake_free;
}

static void temp_path(char *path, size_t len) {
  snprintf(path, len, "/tmp/test_record_XXXXXX");
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  close(fd);
}

/* The part of the file after the P and R lines. */
static const char *body(const char *path) {
  static char buf[4096];
  FILE *f = fopen(path, "r");
  assert_non_null(f);
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  buf[n] = 0;
  fclose(f);
  const char *p = strstr(buf, "\nR ");
  assert_non_null(p);
  p = strchr(p + 1, '\n');
  assert_non_null(p);
  return p + 1;
}

/* Run: 3 idle, a write, a request, 2 idle; the response comes in cycle 4. */
static void test_records_and_forwards(void **state) {
  (void)state;
  char path[64];
  temp_path(path, sizeof path);
  fake_t f = { 0 };
  f.resp_at = 4;
  f.mem_at = UINT64_MAX;
  dut_t inner, d;
  fake_dut(&f, &inner);
  record_t r;
  mmu_config_t c;
  mmu_config_default(&c);
  assert_int_equal(record_open(&r, path, &inner, &c, UINT64_C(0x80000000), 16), 0);
  record_bind(&r, &d);
  mmu_in_t idle, req;
  mmu_out_t out;
  mmu_in_idle(&idle);
  mmu_in_idle(&req);
  req.req_valid = 1;
  req.req_op = MMU_OP_R;
  req.req_vaddr = UINT64_C(0x403010);
  for (int i = 0; i < 3; i++) d.step(d.ctx, &idle, &out);
  d.mem_write64(d.ctx, UINT64_C(0x80000008), 42);
  d.step(d.ctx, &req, &out);
  for (int i = 0; i < 2; i++) d.step(d.ctx, &idle, &out);
  assert_int_equal(out.resp_valid, 0);    /* cycle 5: the fake's outputs come through */
  /* forwarded unchanged: 6 steps, the write, a read with the fake's answer */
  assert_true(d.mem_read64(d.ctx, 100) == 101);
  assert_int_equal(f.steps, 6);
  assert_int_equal(f.writes, 1);
  assert_int_equal(f.reads, 1);
  assert_true(f.last_pa == UINT64_C(0x80000008) && f.last_value == 42);
  assert_true(f.last_vaddr == UINT64_C(0x403010));
  /* totals: 6 cycles, 1 write, 1 response (cycle 4) */
  assert_int_equal(r.sum.cycles, 6);
  assert_int_equal(r.sum.writes, 1);
  assert_int_equal(r.sum.responses, 1);
  /* the digest of the one response: the fake's outputs are those of
  ** test_stimulus.c's test_digest, whose value Python computed */
  assert_true(r.sum.digest == UINT64_C(0x64b13ec5e3c2d314));
  assert_int_equal(record_close(&r), 0);
  /* the idle cycles before the write are one I line; the two after the
  ** request are written when the recording closes */
  assert_string_equal(body(path), "I 3\n"
                                  "W 80000008 2a\n"
                                  "C 1 0 0 403010 0 0 0 0 0 0 0 0 0 0 0 0\n"
                                  "I 2\n"
                                  "E 6 1 1 64b13ec5e3c2d314\n");
  /* the dut's free frees the inner dut only */
  d.free(d.ctx);
  assert_int_equal(f.freed, 1);
  remove(path);
}

/* The range is [0x80000000, 0x80000000 + 8*4) = up to 0x8000001f: the
** last word inside is 0x80000018; 0x80000020 and 0x7ffffff8 are outside,
** and so is a memory-port access to 0x90000000. */
static void test_counts_outside(void **state) {
  (void)state;
  char path[64];
  temp_path(path, sizeof path);
  fake_t f = { 0 };
  f.resp_at = UINT64_MAX;
  f.mem_at = 0;
  f.mem_addr = UINT64_C(0x90000000);
  dut_t inner, d;
  fake_dut(&f, &inner);
  record_t r;
  mmu_config_t c;
  mmu_config_default(&c);
  assert_int_equal(record_open(&r, path, &inner, &c, UINT64_C(0x80000000), 4), 0);
  record_bind(&r, &d);
  d.mem_write64(d.ctx, UINT64_C(0x80000018), 1);
  assert_int_equal(r.outside, 0);
  d.mem_write64(d.ctx, UINT64_C(0x80000020), 1);
  assert_int_equal(r.outside, 1);
  d.mem_write64(d.ctx, UINT64_C(0x7ffffff8), 1);
  assert_int_equal(r.outside, 2);
  mmu_in_t idle;
  mmu_out_t out;
  mmu_in_idle(&idle);
  d.step(d.ctx, &idle, &out);             /* the fake's cycle 0 accesses 0x90000000 */
  assert_int_equal(r.outside, 3);
  d.step(d.ctx, &idle, &out);             /* no access */
  assert_int_equal(r.outside, 3);
  assert_int_equal(record_close(&r), 0);
  d.free(d.ctx);
  remove(path);
}

static void test_open_fails_on_bad_path(void **state) {
  (void)state;
  fake_t f = { 0 };
  dut_t inner;
  fake_dut(&f, &inner);
  record_t r;
  mmu_config_t c;
  mmu_config_default(&c);
  assert_int_equal(record_open(&r, "/nonexistent-dir/stimulus.txt", &inner, &c, 0, 1), -1);
  assert_int_equal(f.freed, 0);           /* the inner dut is still the caller's */
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_records_and_forwards),
    cmocka_unit_test(test_counts_outside),
    cmocka_unit_test(test_open_fails_on_bad_path),
  };
  return cmocka_run_group_tests_name("record", tests, NULL, NULL);
}
