/*
** test_stimulus.c -- the stimulus format: lines as docs/bench.md writes
** them, a file read back event by event, bad files refused, the digest.
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
#include "riscv.h"
#include "mmu_port.h"
#include "stimulus.h"

/* A fresh temporary file name (the file exists, empty). */
static void temp_path(char *path, size_t len) {
  snprintf(path, len, "/tmp/test_stimulus_XXXXXX");
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  close(fd);
}

static void write_text(const char *path, const char *text) {
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
}

static char *read_text(const char *path) {
  static char buf[4096];
  FILE *f = fopen(path, "r");
  assert_non_null(f);
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  buf[n] = 0;
  fclose(f);
  return buf;
}

/* Every line as docs/bench.md specifies it: hex without 0x for addresses,
** values and C fields; decimal for counts and the P line's sizes. */
static void test_lines(void **state) {
  (void)state;
  char path[64];
  temp_path(path, sizeof path);
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  mmu_config_t c;
  mmu_config_default(&c);
  stim_put_header(f, &c, UINT64_C(0x80000000), 655360);
  stim_put_idle(f, 213);
  mmu_in_t in;
  mmu_in_idle(&in);
  in.req_valid = 1;
  in.req_op = MMU_OP_W;
  in.req_vaddr = UINT64_C(0x806010);
  in.req_wdata = UINT64_C(0xdeadbeef);
  in.csr_adue = 1;
  stim_put_cycle(f, &in);
  stim_put_write(f, UINT64_C(0x80001008), UINT64_C(0x20000c01));
  stim_sum_t s = { 214, 1, 0, STIM_DIGEST0 };
  stim_put_end(f, &s);
  fclose(f);
  /* P: mmu_config_default = docs/timing-contract.md defaults: TLB 32 entries
  ** 32 ways LRU(0) seed 1; L1 32 KiB 8-way 4, L2 256 KiB 8-way 12, L3 2 MiB
  ** 16-way 40; 64 B lines, DRAM 200, LRU; memory 1 GiB = 0x40000000 at
  ** 0x80000000.  C: the 16 fields of mmu_in_t in declaration order, op W = 1. */
  assert_string_equal(read_text(path),
                      "mmulab-stimulus 1\n"
                      "P 32 32 0 1 32768 8 4 262144 8 12 2097152 16 40 64 200 0 80000000 40000000\n"
                      "R 80000000 655360\n"
                      "I 213\n"
                      "C 1 1 0 806010 deadbeef 0 0 1 0 0 0 0 0 0 0 0\n"
                      "W 80001008 20000c01\n"
                      "E 214 1 0 cbf29ce484222325\n");
  remove(path);
}

/* A file read back: events in order, inputs of the C line, totals. */
static void test_load(void **state) {
  (void)state;
  char path[64], err[256];
  temp_path(path, sizeof path);
  write_text(path, "mmulab-stimulus 1\n"
                   "P 8 2 1 7 256 2 2 1024 4 3 3072 3 5 64 7 2 80000000 40000000\n"
                   "R 80000000 1024\n"
                   "W 80000010 ffffffffffffffff\n"
                   "I 5\n"
                   "C 0 0 0 0 0 0 0 0 1 8000000000080001 0 0 0 0 0 0\n"
                   "C 0 0 0 0 0 0 0 0 0 0 1 1 1 7000 3 0\n"
                   "I 2\n"
                   "E 9 1 4 1234abcd\n");
  stim_t s;
  assert_int_equal(stim_load(&s, path, err, sizeof err), 0);
  /* the P line field by field, in the order of stim_put_header */
  assert_int_equal(s.cfg.tlb_entries, 8);
  assert_int_equal(s.cfg.tlb_ways, 2);
  assert_int_equal(s.cfg.tlb_policy, REPL_PLRU);
  assert_int_equal(s.cfg.seed, 7);
  assert_int_equal(s.cfg.cache.level[2].size, 3072);
  assert_int_equal(s.cfg.cache.level[2].ways, 3);
  assert_int_equal(s.cfg.cache.level[2].latency, 5);
  assert_int_equal(s.cfg.cache.dram_latency, 7);
  assert_int_equal(s.cfg.cache.policy, REPL_RANDOM);
  assert_true(s.cfg.mem_size == UINT64_C(0x40000000));
  assert_true(s.ram_base == UINT64_C(0x80000000));
  assert_int_equal(s.ram_words, 1024);
  /* five events: W, I 5, C, C, I 2; two C lines give two inputs */
  assert_int_equal(s.nev, 5);
  assert_int_equal(s.nin, 2);
  assert_int_equal(s.ev[0].kind, STIM_WRITE);
  assert_true(s.ev[0].a == UINT64_C(0x80000010) && s.ev[0].b == UINT64_MAX);
  assert_int_equal(s.ev[1].kind, STIM_IDLE);
  assert_int_equal(s.ev[1].a, 5);
  assert_int_equal(s.ev[2].kind, STIM_CYCLE);
  assert_int_equal(s.ev[3].a, 1);
  assert_int_equal(s.in[0].satp_we, 1);
  assert_true(s.in[0].satp_wdata == UINT64_C(0x8000000000080001));
  assert_int_equal(s.in[1].sfence_valid, 1);
  assert_int_equal(s.in[1].sfence_has_va, 1);
  assert_int_equal(s.in[1].sfence_has_asid, 1);
  assert_true(s.in[1].sfence_vaddr == 0x7000);
  assert_int_equal(s.in[1].sfence_asid, 3);
  assert_int_equal(s.in[1].req_valid, 0);
  /* 5 + 1 + 1 + 2 = 9 cycles, as the E line says */
  assert_int_equal(s.sum.cycles, 9);
  assert_int_equal(s.sum.writes, 1);
  assert_int_equal(s.sum.responses, 4);
  assert_true(s.sum.digest == UINT64_C(0x1234abcd));
  stim_free(&s);
  remove(path);
}

/* The E line must agree with the events: 5 idle cycles, not 6. */
static void test_load_refuses_wrong_totals(void **state) {
  (void)state;
  char path[64], err[256];
  temp_path(path, sizeof path);
  write_text(path, "mmulab-stimulus 1\n"
                   "P 32 32 0 1 32768 8 4 262144 8 12 2097152 16 40 64 200 0 80000000 40000000\n"
                   "R 80000000 16\nI 5\nE 6 0 0 0\n");
  stim_t s;
  assert_int_equal(stim_load(&s, path, err, sizeof err), -1);
  assert_non_null(strstr(err, ":5: the E line's cycle or write count differs"));   /* 5 lines read */
  remove(path);
}

static void test_load_refuses_bad_lines(void **state) {
  (void)state;
  char path[64], err[256];
  stim_t s;
  temp_path(path, sizeof path);
  write_text(path, "mmulab-stimulus 2\n");
  assert_int_equal(stim_load(&s, path, err, sizeof err), -1);
  assert_non_null(strstr(err, ":1: not an mmulab stimulus of version 1"));
  write_text(path, "mmulab-stimulus 1\nR 80000000 16\nW 80000000\n");   /* W without value */
  assert_int_equal(stim_load(&s, path, err, sizeof err), -1);
  assert_non_null(strstr(err, ":3: bad W line"));
  write_text(path, "mmulab-stimulus 1\nR 80000000 16\nI 1\n");            /* no P, no E */
  assert_int_equal(stim_load(&s, path, err, sizeof err), -1);
  assert_non_null(strstr(err, "a P, R or E line is missing"));
  remove(path);
}

static void test_idle_is_all_zero(void **state) {
  (void)state;
  mmu_in_t in;
  mmu_in_idle(&in);
  assert_true(stim_in_is_idle(&in));
  in.sfence_asid = 1;    /* any one field set: not idle */
  assert_false(stim_in_is_idle(&in));
  mmu_in_idle(&in);
  in.csr_adue = 1;       /* the runner's idle cycles after accept are all zero; a request's
                         ** cycle carries csr_adue, so it must be a C line */
  assert_false(stim_in_is_idle(&in));
}

/* FNV-1a 64 over paddr, rdata, tval and the flag word, for responses only.
** Expected value computed independently in Python:
**   h=0xcbf29ce484222325; P=0x100000001b3; M=2**64
**   for w in (0x80010010, 0x1122334455667788, 0, 3): h=((h^w)*P)%M
**   hex(h) -> 0x64b13ec5e3c2d314
** (flags: fault 0, cause 0, tlb_hit 0, level 3 = DRAM -> 3). */
static void test_digest(void **state) {
  (void)state;
  mmu_out_t o;
  memset(&o, 0, sizeof o);
  o.resp_paddr = UINT64_C(0x80010010);
  o.resp_rdata = UINT64_C(0x1122334455667788);
  o.resp_level = 3;
  assert_true(stim_digest(STIM_DIGEST0, &o) == STIM_DIGEST0);   /* resp_valid = 0: unchanged */
  o.resp_valid = 1;
  assert_true(stim_digest(STIM_DIGEST0, &o) == UINT64_C(0x64b13ec5e3c2d314));
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_lines),
    cmocka_unit_test(test_load),
    cmocka_unit_test(test_load_refuses_wrong_totals),
    cmocka_unit_test(test_load_refuses_bad_lines),
    cmocka_unit_test(test_idle_is_all_zero),
    cmocka_unit_test(test_digest),
  };
  return cmocka_run_group_tests_name("stimulus", tests, NULL, NULL);
}
