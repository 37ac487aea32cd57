/*
** test_runner_huge.c -- huge pages (--page-size 2M) through the whole system
** simulation: the layout and the memory-fit check of runner_cfg_check, the
** OPT oracle per 2 MiB page (sim/opt.c), and end-to-end runs on the C model
** where every load is checked against the shadow.  Each expected number is
** worked out by hand beside it.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "riscv.h"
#include "mmu_port.h"
#include "opt.h"
#include "runner.h"

#define HUGE UINT64_C(0x200000)
#define VA0  UINT64_C(0x40000000)

static runner_cfg_t cfg_huge(uint32_t frames, uint32_t pt_frames) {
  runner_cfg_t c;
  runner_cfg_default(&c);
  c.os.page_shift = 21;
  c.os.frames = frames;
  c.os.pt_frames = pt_frames;
  runner_cfg_layout(&c);
  return c;
}

static void test_layout_and_fit(void **state) {
  (void)state;
  /* 1024 pool pages = 4 MiB from 0x80000000: user frames from 0x80400000,
  ** already 2 MiB aligned.  1 GiB = 512 huge pages, the pool takes 2 of
  ** them: 510 fit, 511 do not. */
  runner_cfg_t c = cfg_huge(510, 1024);
  assert_true(c.os.user_base == UINT64_C(0x80400000));
  assert_int_equal(runner_max_frames(&c), 510);
  assert_null(runner_cfg_check(&c));
  c = cfg_huge(511, 1024);
  const char *e = runner_cfg_check(&c);
  assert_non_null(e);
  assert_non_null(strstr(e, "--frames 511 x --page-size 2M does not fit"));
  assert_non_null(strstr(e, "at most 510 frames"));
  /* 1025 pool pages end at 0x80401000: rounded up to 0x80600000, so 509 fit. */
  c = cfg_huge(509, 1025);
  assert_true(c.os.user_base == UINT64_C(0x80600000));
  assert_null(runner_cfg_check(&c));
  c = cfg_huge(510, 1025);
  assert_non_null(runner_cfg_check(&c));
  /* 1 GiB pages: the pool rounds user_base up to 0xc0000000, the end of memory. */
  c = cfg_huge(1, 1);
  c.os.page_shift = 30;
  e = runner_cfg_check(&c);
  assert_non_null(e);
  assert_non_null(strstr(e, "--page-size 1G does not fit"));
  /* 4 KiB pages: the largest pools (16384 + 65536 pages = 320 MiB) still fit. */
  runner_cfg_default(&c);
  c.os.pt_frames = 16384;
  c.os.frames = 65536;
  assert_null(runner_cfg_check(&c));
  /* the swap device: 256 slots of 2 MiB = 131072 blocks of 4 KiB */
  c = cfg_huge(4, 1024);
  assert_int_equal(runner_swap_blocks(&c), 131072);
}

static void test_opt_huge(void **state) {
  (void)state;
  /* index:  0            1            2            3
  **         region 0     region 1     region 0     region 1
  **         +0x1000      +0x0         +0x1ff000    +0x5000     (2 MiB regions from VA0)
  ** With 4 KiB pages records 0 and 2 are different pages; with 2 MiB pages
  ** they are one, so after record 0 region 0's next use is record 2. */
  trace_rec_t rec[4] = {
    { VA0 + 0x1000, 1, MMU_OP_R, 8, 0 },
    { VA0 + HUGE, 2, MMU_OP_R, 8, 0 },
    { VA0 + 0x1ff000, 3, MMU_OP_R, 8, 0 },
    { VA0 + HUGE + 0x5000, 4, MMU_OP_R, 8, 0 },
  };
  trace_t t = { rec, 4, 4, 0 };
  opt_t o;
  assert_int_equal(opt_init_pages(&o, &t, 21), 0);
  opt_done(&o, 0);
  /* asked by the page's first 4 KiB page number (os.h): 0x40000 */
  assert_true(opt_next_use(&o, 0, VA0 >> 12) == 2);
  opt_done(&o, 1);
  assert_true(opt_next_use(&o, 0, (VA0 + HUGE) >> 12) == 3);
  opt_done(&o, 2);
  assert_true(opt_next_use(&o, 0, VA0 >> 12) == OS_NEVER);
  opt_free(&o);
  /* The same trace with 4 KiB pages: record 0's page is never used again. */
  assert_int_equal(opt_init(&o, &t), 0);
  opt_done(&o, 0);
  assert_true(opt_next_use(&o, 0, (VA0 + 0x1000) >> 12) == OS_NEVER);
  opt_free(&o);
}

/* Run text as a trace; the run must finish. */
static void run_text(runner_t *r, const runner_cfg_t *c, const char *text) {
  char err[512];
  trace_t t;
  if (trace_parse_text(&t, text, strlen(text), "huge.trace", SATP_MODE_SV39, err, sizeof err))
    fail_msg("%s", err);
  if (runner_init(r, c, err, sizeof err)) fail_msg("runner_init: %s", err);
  if (runner_run(r, &t, "huge.trace", err, sizeof err)) fail_msg("runner_run: %s", err);
  trace_free(&t);
}

static void test_run_one_region(void **state) {
  (void)state;
  /* Four 4 KiB pages of one 2 MiB region, written then read back: with
  ** 4 KiB pages 4 faults, with 2 MiB pages 1; the 4 loads verified both ways. */
  const char *text = "W 0x40000000\nW 0x40001008\nW 0x40002010\nW 0x401ff018\n"
                     "R 0x40000000\nR 0x40001008\nR 0x40002010\nR 0x401ff018\n";
  runner_t r;
  runner_cfg_t c;
  runner_cfg_default(&c);
  run_text(&r, &c, text);
  assert_int_equal(r.os->st.minor_faults, 4);
  assert_int_equal(r.st.loads_verified, 4);
  runner_free(&r);
  c = cfg_huge(256, 1024);
  run_text(&r, &c, text);
  assert_int_equal(r.os->st.minor_faults, 1);
  assert_int_equal(r.st.loads_verified, 4);
  assert_int_equal(r.os->proc[0].rss, 1);
  /* The TLB holds one 2 MiB entry: the first access misses twice (the
  ** faulting try caches nothing, the retry walks and fills), the other 7 hit. */
  assert_int_equal(r.mmu.cnt.tlb_misses, 2);
  assert_int_equal(r.mmu.cnt.tlb_hits, 7);
  runner_free(&r);
}

static void test_run_swap(void **state) {
  (void)state;
  /* 1 frame of 2 MiB, 4 slots; regions 0, 1, 0 written then read:
  **   W r0      minor (1)
  **   W r1      minor (2): r0 dirty -> swap out (1)
  **   R r0      major (1): r1 dirty -> swap out (2), r0 in (1), data checked
  **   R r1      major (2): r0 (mapped dirty) out (3), r1 in (2), data checked
  ** OS time: 4 faults x 1000 + (3 + 2) pages x 512 blocks x 1,000,000. */
  const char *text = "W 0x40000008\nW 0x40200010\nR 0x40000008\nR 0x40200010\n";
  runner_t r;
  runner_cfg_t c = cfg_huge(1, 1024);
  c.os.swap_slots = 4;
  run_text(&r, &c, text);
  assert_int_equal(r.os->st.minor_faults, 2);
  assert_int_equal(r.os->st.major_faults, 2);
  assert_int_equal(r.os->st.swap_outs, 3);
  assert_int_equal(r.os->st.swap_ins, 2);
  assert_int_equal(r.st.loads_verified, 2);
  assert_int_equal(r.hal.disk_writes, 3u * 512u);
  assert_int_equal(r.hal.disk_reads, 2u * 512u);
  assert_true(r.hal.os_cycles == 4u * 1000u + UINT64_C(5) * 512u * 1000000u);
  /* The sfence at r0's last eviction (its base va, inside the 2 MiB entry)
  ** flushed it: the TLB holds one valid entry, r1's, a level-1 entry whose
  ** PPN is frame 0 = 0x80400 (user_base >> 12). */
  uint32_t valid = 0;
  for (uint32_t i = 0; i < r.mmu.tlb.entries; i++) {
    const tlb_entry_t *e = &r.mmu.tlb.e[i];
    if (!e->valid) continue;
    valid++;
    assert_int_equal(e->level, 1);
    assert_true(e->vpn == (VA0 + HUGE) >> 12 && e->ppn == 0x80400);
  }
  assert_int_equal(valid, 1);
  runner_free(&r);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_layout_and_fit),
    cmocka_unit_test(test_opt_huge),
    cmocka_unit_test(test_run_one_region),
    cmocka_unit_test(test_run_swap),
  };
  return cmocka_run_group_tests(tests, 0, 0);
}
