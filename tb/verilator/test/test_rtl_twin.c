/*
** test_rtl_twin.c -- dut_rtl_open of a two-build binary (tb/verilator/rtl_twin.c, the default
** build): a run without a waveform gets the fast untraced build, --wave, a mismatch's replay
** (o->wave) and a random reset get the traced twin, and the two builds are the same RTL.
** Usage: test_rtl_twin [DIR]   (DIR: where the test's FST files go; default build)
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>
#include "dut.h"
#include "lockstep.h"
#include "mmu_port.h"
#include "riscv.h"
#include "rtl_dut.h"

/* A dut of the default configuration opened with (seed, wave); the caller frees it. */
static void open_dut(dut_t *d, uint64_t seed, int wave) {
  mmu_config_t cfg;
  rtl_dut_config(&cfg);
  dut_rtl_opts_t o = { seed, 0, wave };
  char err[256] = "";
  assert_int_equal(dut_rtl_open(d, &cfg, &o, err, sizeof err), 0);
}

/* 1 when path exists and starts as an FST file does (block type 0, FST_BL_HDR, of gtkwave's
** fstapi.h), else 0. */
static int fst_written(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return 0;
  int c = fgetc(f);
  fclose(f);
  return c == 0;
}

/* Open a waveform at path on d, run 4 idle cycles, close it: what wave_open returned. */
static int try_wave(dut_t *d, const char *path) {
  remove(path);
  if (d->wave_open(d->ctx, path)) return -1;
  mmu_in_t in;
  mmu_out_t out;
  mmu_in_idle(&in);
  for (int i = 0; i < 4; i++) d->step(d->ctx, &in, &out);
  d->wave_close(d->ctx);
  return 0;
}

/* No waveform asked for: the untraced build, which cannot open one (rtl_dut.h: -1 without
** RTL_TRACE) and has no TOP.mmu_model scope (set_model NULL). */
static void test_default_run_is_untraced(void **state) {
  char path[1024];
  snprintf(path, sizeof path, "%s/test_rtl_twin-fast.fst", (const char *)*state);
  dut_t d;
  open_dut(&d, 0, 0);
  assert_null(d.set_model);
  assert_int_equal(try_wave(&d, path), -1);
  assert_false(fst_written(path));
  d.free(d.ctx);
  assert_int_equal(rtl_dut_has_model_scope(), 0);
}

/* o->wave (--wave, the replay after a mismatch): the traced twin writes the FST. */
static void test_wave_run_is_traced(void **state) {
  char path[1024];
  snprintf(path, sizeof path, "%s/test_rtl_twin-wave.fst", (const char *)*state);
  dut_t d;
  open_dut(&d, 0, 1);
  assert_non_null(d.set_model);
  assert_int_equal(try_wave(&d, path), 0);
  assert_true(fst_written(path));
  d.free(d.ctx);
}

/* A random reset: the traced twin from the start, so the replay draws the same flop values. */
static void test_rand_reset_run_is_traced(void **state) {
  char path[1024];
  snprintf(path, sizeof path, "%s/test_rtl_twin-rand.fst", (const char *)*state);
  dut_t d;
  open_dut(&d, 5, 0);
  assert_non_null(d.set_model);
  assert_int_equal(try_wave(&d, path), 0);
  assert_true(fst_written(path));
  d.free(d.ctx);
}

/* Both builds are rtl/: the same ports in every cycle of one walk, and the response the timing
** contract gives.  Sv39, root table at 0x80001000 whose entry 2 is a 1 GiB leaf (V R W X A D)
** mapping VA 0x80000000 to PA 0x80000000.  Cycle 0 writes satp, cycle 1 accepts a load of
** 0x80000010, cycle 2 is LOOKUP (miss), 3..202 the PTE stage from DRAM (200), 203..402 the data
** from DRAM (another line): resp_valid in cycle 402 (docs/timing-contract.md section 2). */
static void test_both_builds_same_ports(void **state) {
  (void)state;
  dut_t fast, wave;
  open_dut(&fast, 0, 0);
  open_dut(&wave, 0, 1);
  const uint64_t leaf = ((uint64_t)0x80000 << 10) | PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D;
  const uint64_t word = UINT64_C(0x1122334455667788);
  dut_t *both[2] = { &fast, &wave };
  for (int k = 0; k < 2; k++) {
    both[k]->mem_write64(both[k]->ctx, 0x80001010u, leaf);
    both[k]->mem_write64(both[k]->ctx, 0x80000010u, word);
  }
  int64_t resp_cycle = -1;
  mmu_out_t resp = { 0 };
  for (int64_t c = 0; c < 420; c++) {
    mmu_in_t in;
    mmu_in_idle(&in);
    if (c == 0) {
      in.satp_we = 1;
      in.satp_wdata = satp_make(SATP_MODE_SV39, 1, 0x80001);
    }
    if (c == 1) {
      in.req_valid = 1;
      in.req_op = MMU_OP_R;
      in.req_priv = MMU_PRIV_S;
      in.req_vaddr = 0x80000010u;
    }
    mmu_out_t a, b;
    fast.step(fast.ctx, &in, &a);
    wave.step(wave.ctx, &in, &b);
    assert_int_equal(lockstep_compare(&a, &b, NULL, 0), 0);
    if (a.resp_valid) {
      assert_int_equal(resp_cycle, -1);
      resp_cycle = c;
      resp = a;
    }
  }
  assert_int_equal(resp_cycle, 402);
  assert_int_equal(resp.resp_fault, 0);
  assert_int_equal(resp.resp_paddr, 0x80000010u);
  assert_int_equal(resp.resp_rdata, word);
  fast.free(fast.ctx);
  wave.free(wave.ctx);
}

int main(int argc, char **argv) {
  void *dir = argc > 1 ? argv[1] : "build";
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_prestate(test_default_run_is_untraced, dir),
    cmocka_unit_test_prestate(test_wave_run_is_traced, dir),
    cmocka_unit_test_prestate(test_rand_reset_run_is_traced, dir),
    cmocka_unit_test_prestate(test_both_builds_same_ports, dir),
  };
  return cmocka_run_group_tests_name("rtl_twin", tests, NULL, NULL);
}
