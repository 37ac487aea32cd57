/*
** os_huge_fixture.h -- what the huge-page tests of the OS firmware share
** (test_os_huge.c, test_os_huge_policy.c): an OS booted with a page size
** of 1 << shift on a third region of the fake HAL, and readers of what it
** wrote (a word, pid 0's root table, whether an sfence was issued).
*/
#ifndef MMULAB_OS_HUGE_FIXTURE_H
#define MMULAB_OS_HUGE_FIXTURE_H

#include "os_fixture.h"

#define BIG_BASE   UINT64_C(0x80800000)   /* 2 MiB aligned, clear of the fake's two regions */
#define HUGE       UINT64_C(0x200000)     /* 2 MiB */
#define HUGE_WORDS (HUGE / 8u)
#define VA0        UINT64_C(0x40000000)   /* region n: VA0 + n * 2 MiB; Sv39 root index 1 */
#define R(n)       (VA0 + (uint64_t)(n) * HUGE)

/* PTE bits, literal (privileged spec): V R W X U = 0x1f, A 0x40, D 0x80, RSW bit 8. */
#define LEAF_BITS UINT64_C(0x1f)

/* Boot an OS of page size 1 << shift on a BIG_BASE region of `frames`
** pages of that size, junk-filled, with `swap` slots of it on a block
** device big enough.  The fixture's boot() with a third region. */
static inline void boot_big(fx_t *fx, uint32_t mode, uint32_t adue, os_policy_t pol, uint32_t frames,
                            uint32_t swap, uint32_t shift) {
  uint64_t bytes = (uint64_t)frames << shift;
  uint32_t blocks = swap << (shift - 12u);

  memset(fx, 0, sizeof *fx);
  fake_hal_init(&fx->fh, &fx->hal);
  fx->fh.big = malloc((size_t)bytes);
  assert_non_null(fx->fh.big);
  for (uint64_t i = 0; i < bytes / 8u; i++) fx->fh.big[i] = FAKE_JUNK;
  fx->fh.big_base = BIG_BASE;
  fx->fh.big_bytes = bytes;
  fx->fh.leaf_level = (shift - 12u) / 9u;
  if (blocks) {
    fx->fh.big_swap = calloc(blocks, sizeof *fx->fh.big_swap);
    assert_non_null(fx->fh.big_swap);
    fx->fh.big_swap_blocks = blocks;
  }
  fx->cfg.mode = mode;
  fx->cfg.adue = adue;
  fx->cfg.policy = pol;
  fx->cfg.frames = frames;
  fx->cfg.user_base = BIG_BASE;
  fx->cfg.pt_frames = FAKE_PT_PAGES;
  fx->cfg.pt_base = FAKE_PT_BASE;
  fx->cfg.swap_slots = swap;
  fx->cfg.fault_cycles = 1000;
  fx->cfg.disk_cycles = 1000000;
  fx->cfg.page_shift = shift;
  assert_null(os_config_check(&fx->cfg));
  assert_int_equal(os_init(&fx->os, &fx->cfg, &fx->hal), 0);
}

static inline int teardown_big(void **state) {
  fx_t *fx = *state;

  free(fx->fh.big);
  free(fx->fh.big_swap);
  fx->fh.big = 0;
  fx->fh.big_swap = 0;
  return teardown(state);
}

/* The word at pa, which must be in one of the fake's regions. */
static inline uint64_t word(fx_t *fx, uint64_t pa) {
  uint64_t *w = fake_word(&fx->fh, pa);

  assert_non_null(w);
  return *w;
}

/* pid 0's root table, from the satp it was given (PPN in bits 43:0). */
static inline uint64_t root_of(const fx_t *fx) {
  return (fx->fh.satp_of[0] & ((UINT64_C(1) << 44) - 1u)) << 12;
}

/* Was an sfence for (va, asid) issued at event index >= from? */
static inline int sfenced(const fx_t *fx, uint32_t from, uint64_t va, uint32_t asid) {
  for (uint32_t i = from; i < fx->fh.nev && i < FAKE_EVENTS; i++) {
    const fake_event_t *e = &fx->fh.ev[i];
    if (e->kind == EV_SFENCE && e->has_va && e->va == va && e->has_asid && e->asid == asid) return 1;
  }
  return 0;
}

#endif
