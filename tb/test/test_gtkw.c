/*
** test_gtkw.c -- the GTKWave save file of a mismatch (tb/gtkw.c) for hand-made mismatches:
** the lines it must hold are written out here from GTKWave's save-file format and the
** signal names of rtl/mmu_top.sv and tb/verilator/mmu_model.sv, not read back from gtkw.c.
*/
#define _POSIX_C_SOURCE 200809L   /* mkstemp */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "gtkw.h"

#define MAX_LINES 256

typedef struct {
  char *line[MAX_LINES];
  int n;
  char buf[16384];
} lines_t;

/* Write the file for ls (dump from cycle `from`) and read it back line by line. */
static void write_and_read(lines_t *l, const lockstep_t *ls, uint64_t from, int model) {
  char path[] = "/tmp/test_gtkw_XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  cache_cfg_t cache;
  cache_cfg_default(&cache);
  assert_int_equal(gtkw_write(path, "x.fst", from, ls, model, gtkw_mmu_groups, &cache), 0);
  FILE *f = fopen(path, "r");
  assert_non_null(f);
  size_t len = fread(l->buf, 1, sizeof l->buf - 1, f);
  assert_true(len < sizeof l->buf - 1);
  l->buf[len] = '\0';
  fclose(f);
  remove(path);
  l->n = 0;
  for (char *s = strtok(l->buf, "\n"); s; s = strtok(NULL, "\n")) {
    assert_true(l->n < MAX_LINES);
    l->line[l->n++] = s;
  }
}

static int find(const lines_t *l, const char *s) {
  for (int i = 0; i < l->n; i++)
    if (!strcmp(l->line[i], s)) return i;
  return -1;
}

static int count(const lines_t *l, const char *s) {
  int c = 0;
  for (int i = 0; i < l->n; i++) c += !strcmp(l->line[i], s);
  return c;
}

static void add_diff(lockstep_t *ls, const char *port, uint64_t rtl, uint64_t model) {
  lockstep_diff_t *d = &ls->diff[ls->ndiff++];
  snprintf(d->port, sizeof d->port, "%s", port);
  d->rtl = rtl;
  d->model = model;
}

/* Two ports and a deep difference at cycle 500 of a dump from cycle 300: the ports come
** first, in the report's order, RTL then model, under mismatch; not again in their groups. */
static void test_differing_first(void **state) {
  (void)state;
  lockstep_t ls;
  memset(&ls, 0, sizeof ls);
  ls.mismatch = 1;
  ls.mismatch_cycle = 500;
  add_diff(&ls, "resp_paddr_o", 0x80001000u, 0x80002000u);
  add_diff(&ls, "mem_we_o", 1, 0);
  add_diff(&ls, "tlb[3].vpn", 1, 2);
  lines_t l;
  write_and_read(&l, &ls, 300, 1);
  /* the view: 32 cycles before the marker, time 2c; the primary marker at 2 * 500 */
  assert_true(find(&l, "[timestart] 936") >= 0);
  int m = -1;
  for (int i = 0; i < l.n; i++)
    if (!strncmp(l.line[i], "*-6.000000 1000 -1 ", 19)) m = i;
  assert_true(m >= 0);
  assert_true(find(&l, "[treeopen] TOP.mmu_model.") >= 0);
  int g = find(&l, "-Differing");
  assert_true(g > 0);
  const char *want[] = {
    "@800200",
    "-Differing",
    "@22",
    "TOP.mmu_model.mismatch",
    "TOP.mmu_top.resp_paddr_o[55:0]",
    "TOP.mmu_model.resp_paddr_o[55:0]",
    "TOP.mmu_top.mem_we_o",
    "TOP.mmu_model.mem_we_o",
    "@1000200",
    "-Differing",
  };
  for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
    assert_string_equal(l.line[g - 1 + (int)i], want[i]);
  /* no trace before the group, each differing port once, the others still in their groups */
  for (int i = 0; i < g; i++) assert_true(strncmp(l.line[i], "TOP.", 4) != 0);
  assert_int_equal(count(&l, "TOP.mmu_top.resp_paddr_o[55:0]"), 1);
  assert_int_equal(count(&l, "TOP.mmu_top.mem_we_o"), 1);
  assert_int_equal(count(&l, "TOP.mmu_top.resp_valid_o"), 1);
  assert_int_equal(count(&l, "TOP.mmu_top.mem_addr_o[55:0]"), 1);
  assert_true(find(&l, "TOP.mmu_top.mem_addr_o[55:0]") > find(&l, "-Memory port"));
  /* the deep difference is no port: nothing names it */
  for (int i = 0; i < l.n; i++) assert_null(strstr(l.line[i], "tlb[3]"));
}

/* A dump without the model's scope (the SystemC harness): the same file less every line
** that names mmu_model. */
static void test_without_model_scope(void **state) {
  (void)state;
  lockstep_t ls;
  memset(&ls, 0, sizeof ls);
  ls.mismatch = 1;
  ls.mismatch_cycle = 500;
  add_diff(&ls, "req_ready_o", 0, 1);
  add_diff(&ls, "resp_cause_o", 13, 15);
  lines_t with, without;
  write_and_read(&with, &ls, 300, 1);
  write_and_read(&without, &ls, 300, 0);
  int j = 0;
  for (int i = 0; i < with.n; i++) {
    if (strstr(with.line[i], "mmu_model")) continue;
    assert_true(j < without.n);
    assert_string_equal(with.line[i], without.line[j]);
    j++;
  }
  assert_int_equal(j, without.n);
  int g = find(&without, "-Differing");
  assert_string_equal(without.line[g + 2], "TOP.mmu_top.req_ready_o");
  assert_string_equal(without.line[g + 3], "TOP.mmu_top.resp_cause_o[3:0]");
  assert_string_equal(without.line[g + 4], "@1000200");
}

/* Only a deep difference, near the start of the dump: no Differing group; the view starts
** at the dump's first cycle. */
static void test_deep_only(void **state) {
  (void)state;
  lockstep_t ls;
  memset(&ls, 0, sizeof ls);
  ls.mismatch = 1;
  ls.mismatch_cycle = 20;
  add_diff(&ls, "tlb_age[0][5]", 1, 2);
  lines_t l;
  write_and_read(&l, &ls, 0, 1);
  assert_int_equal(find(&l, "-Differing"), -1);
  assert_true(find(&l, "[timestart] 0") >= 0);
  assert_int_equal(count(&l, "TOP.mmu_top.resp_paddr_o[55:0]"), 1);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_differing_first),
    cmocka_unit_test(test_without_model_scope),
    cmocka_unit_test(test_deep_only),
  };
  return cmocka_run_group_tests_name("gtkw", tests, NULL, NULL);
}
