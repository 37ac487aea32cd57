/*
** test_os_memory.c -- the OS firmware against a fake HAL, memory: the swap round trip, isolation of address spaces, and the OOM killer.
** Residency is never taken from the firmware's word: the test walks the page tables itself
** (ref_translate / ref_leaf in fake_hal.h, a second implementation of the spec's walk) and
** plays the hardware, including Svadu's A/D updates.  Expected values carry their source.
*/
#include "os_fixture.h"

/* ---- 4. Swap round trip ---- */

static void test_swap_round_trip(void **state) {
  /* Svadu, LRU, 2 frames, 4 slots.  P written (hardware sets D), Q and R
  ** read.  R's fault evicts P (least recent, dirty) to slot 0 (the lowest
  ** free).  Reading P again is a major fault; its frame comes from Q (the
  ** least recent now, clean: discarded). */
  enum { Pg = 5, Q = 6, R = 7 };
  fx_t *fx = *state;
  uint64_t root, pa, pte;

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 2, 4);
  assert_int_equal(sim(fx, 0, PG(Pg), REF_W), OS_RETRY);
  root = fx->fh.satp_of[0];
  assert_true(ref_leaf(&fx->fh, root, PG(Pg)) & 0x80);   /* D, set by the "hardware" */
  pa = pa_of(fx, 0, PG(Pg));
  for (unsigned i = 0; i < 512; i++)                      /* the program's data */
    *fake_word(&fx->fh, pa + i * 8u) = UINT64_C(0x1234000000000000) + i;
  assert_int_equal(sim(fx, 0, PG(Q), REF_R), OS_RETRY);
  assert_int_equal(sim(fx, 0, PG(R), REF_R), OS_RETRY);

  /* P is out: PTE = OS_PTE_SWAPPED (bit 8) | slot 0 << 10, V=0 (os.h). */
  assert_int_equal(ref_leaf(&fx->fh, root, PG(Pg)), 0x100);
  for (unsigned i = 0; i < 512; i++) assert_true(fx->fh.swap[0][i] == UINT64_C(0x1234000000000000) + i);
  assert_int_equal(fx->os.st.swap_outs, 1);
  assert_int_equal(fx->fh.disk_writes, 1);
  assert_int_equal(fx->os.proc[0].swapped, 1);

  assert_int_equal(sim(fx, 0, PG(Pg), REF_R), OS_RETRY);
  pa = pa_of(fx, 0, PG(Pg));
  for (unsigned i = 0; i < 512; i++)
    assert_true(*fake_word(&fx->fh, pa + i * 8u) == UINT64_C(0x1234000000000000) + i);
  assert_int_equal(fx->os.st.major_faults, 1);
  assert_int_equal(fx->os.proc[0].major_faults, 1);
  assert_int_equal(fx->os.st.swap_ins, 1);
  assert_int_equal(fx->fh.disk_reads, 1);
  assert_int_equal(fx->os.proc[0].swapped, 0);            /* slot freed on the way in */
  pte = ref_leaf(&fx->fh, root, PG(Pg));
  assert_int_equal(pte & 0xc0, 0xc0);                     /* mapped A=1 D=1 (os.h) */
  /* Q was clean: dropped, not written (one disk write in total). */
  assert_int_equal(ref_leaf(&fx->fh, root, PG(Q)), 0);
  assert_int_equal(fx->os.st.discards, 1);
  assert_int_equal(fx->fh.disk_writes, 1);
  assert_int_equal(fx->os.st.evictions, 2);
  assert_int_equal(fx->os.st.minor_faults, 3);            /* P, Q, R first touches */
  /* Time: 4 faults x 1000 + 2 page transfers x 1,000,000 (contract §7). */
  assert_true(fx->fh.waited == 4u * 1000u + 2u * 1000000u);
  assert_true(fx->os.st.os_cycles == fx->fh.waited);

  /* Evicting P again must write it out again (it is dirty), to slot 0,
  ** which the swap-in freed: read Q (evicts R, clean), then R (evicts P). */
  assert_int_equal(sim(fx, 0, PG(Q), REF_R), OS_RETRY);
  assert_int_equal(sim(fx, 0, PG(R), REF_R), OS_RETRY);
  assert_int_equal(ref_leaf(&fx->fh, root, PG(Pg)), 0x100);
  assert_int_equal(fx->os.st.swap_outs, 2);
}

static void test_swap_lowest_slot(void **state) {
  /* 1 frame, 4 slots, writes to pages 1 2 3 4: each fault after the first
  ** evicts the previous page, dirty, into the lowest free slot: 1 -> 0,
  ** 2 -> 1, 3 -> 2.  Reading 1 back frees slot 0 (and evicts 4 -> 3);
  ** the next dirty eviction (1 again, mapped dirty) takes slot 0 again. */
  fx_t *fx = *state;
  uint64_t root;

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_FIFO, 1, 4);
  for (unsigned p = 1; p <= 4; p++) assert_int_equal(sim(fx, 0, PG(p), REF_W), OS_RETRY);
  root = fx->fh.satp_of[0];
  for (unsigned p = 1; p <= 3; p++)                        /* SWAPPED | slot << 10 */
    assert_int_equal(ref_leaf(&fx->fh, root, PG(p)), 0x100 | ((uint64_t)(p - 1) << 10));
  assert_int_equal(sim(fx, 0, PG(1), REF_R), OS_RETRY);
  assert_int_equal(ref_leaf(&fx->fh, root, PG(4)), 0x100 | (3u << 10));
  assert_int_equal(sim(fx, 0, PG(5), REF_R), OS_RETRY);
  assert_int_equal(ref_leaf(&fx->fh, root, PG(1)), 0x100);
  assert_int_equal(fx->os.proc[0].swapped, 4);
  assert_int_equal(fx->os.st.swap_outs, 5);
}

static void test_first_touch_is_zero(void **state) {
  /* Fake memory starts as junk; a first touch must read zeros (a minor
  ** fault zero-fills, os.h). */
  fx_t *fx = *state;
  uint64_t pa;

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 2, 0);
  assert_int_equal(sim(fx, 0, PG(9), REF_R), OS_RETRY);
  pa = pa_of(fx, 0, PG(9));
  assert_true(pa >= FAKE_USER_BASE && pa < FAKE_USER_BASE + 2 * 4096);
  for (unsigned i = 0; i < 512; i++) assert_true(*fake_word(&fx->fh, pa + i * 8u) == 0);
}

/* ---- 5. Isolation ---- */

static void test_isolation(void **state) {
  /* Two processes write the same va: each gets its own frame, and
  ** neither's table maps the other's frame (walk every leaf of both). */
  const uint64_t va = UINT64_C(0x40000000);
  fx_t *fx = *state;
  uint64_t pa0, pa1, leaves[8];
  unsigned n;

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 4, 0);
  assert_int_equal(sim(fx, 0, va, REF_W), OS_RETRY);
  pa0 = pa_of(fx, 0, va);
  *fake_word(&fx->fh, pa0) = 0xdead;
  assert_int_equal(sim(fx, 1, va, REF_R), OS_RETRY);
  pa1 = pa_of(fx, 1, va);
  assert_true(pa0 != 0 && pa1 != 0 && pa0 != pa1);
  assert_true(*fake_word(&fx->fh, pa1) == 0);             /* not pid 0's data */
  assert_true(*fake_word(&fx->fh, pa0) == 0xdead);        /* pid 1's fault left it alone */
  assert_true((fx->fh.satp_of[0] & ((UINT64_C(1) << 44) - 1)) !=
              (fx->fh.satp_of[1] & ((UINT64_C(1) << 44) - 1)));  /* separate roots */
  n = ref_leaves(&fx->fh, fx->fh.satp_of[1], leaves, 8);
  assert_int_equal(n, 1);
  assert_true(leaves[0] == pa1 >> 12);
  n = ref_leaves(&fx->fh, fx->fh.satp_of[0], leaves, 8);
  assert_int_equal(n, 1);
  assert_true(leaves[0] == pa0 >> 12);
  assert_int_equal(os_frame_of(&fx->os, 0, va), (pa0 - FAKE_USER_BASE) >> 12);
  assert_int_equal(os_frame_of(&fx->os, 1, va), (pa1 - FAKE_USER_BASE) >> 12);
}

static void test_switch_writes_satp(void **state) {
  /* satp = MODE 8 (Sv39) | ASID = pid | root PPN (privileged spec, satp),
  ** written only when the running process changes. */
  fx_t *fx = *state;
  uint64_t s5, root;

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 2, 0);
  assert_int_equal(fx->fh.nsatp, 0);                      /* os_init writes nothing */
  assert_int_equal(fx->fh.nev, 0);
  assert_int_equal(os_switch_to(&fx->os, 5), 0);
  assert_int_equal(fx->fh.nsatp, 1);
  s5 = fx->fh.satp;
  assert_int_equal(s5 >> 60, 8);
  assert_int_equal((s5 >> 44) & 0xffff, 5);
  root = (s5 & ((UINT64_C(1) << 44) - 1)) << 12;
  assert_true(root >= FAKE_PT_BASE && root < FAKE_PT_BASE + FAKE_PT_PAGES * 4096u);
  for (unsigned i = 0; i < 512; i++)                      /* root zeroed over the junk */
    assert_true(*fake_word(&fx->fh, root + i * 8u) == 0);
  assert_int_equal(os_switch_to(&fx->os, 5), 0);
  assert_int_equal(fx->fh.nsatp, 1);                      /* same pid: no write */
  assert_int_equal(os_switch_to(&fx->os, 6), 0);
  assert_int_equal(os_switch_to(&fx->os, 5), 0);
  assert_int_equal(fx->fh.nsatp, 3);
  assert_true(fx->fh.satp == s5);                         /* same root, same ASID */
  assert_int_equal(os_switch_to(&fx->os, OS_MAX_PROCS), -1);
}

/* ---- 6. OOM ---- */

static void test_oom_kills_largest_other(void **state) {
  /* 2 frames, 1 slot, LRU, Svadu, all writes (dirty):
  **  pid0 a -> f0; pid0 b -> f1                         rss0=2
  **  pid1 c: LRU victim a (dirty) -> slot 0             rss0=1 swap0=1 rss1=1
  **  pid1 d: victim b (dirty), no slot -> OOM; rss 1:1 tie -> lowest pid, 0.
  ** pid 1 goes on and gets b's frame. */
  fx_t *fx = *state;
  uint32_t pt_used = 0;

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 2, 1);
  assert_int_equal(sim(fx, 0, PG(0x10), REF_W), OS_RETRY);
  assert_int_equal(sim(fx, 0, PG(0x11), REF_W), OS_RETRY);
  assert_int_equal(sim(fx, 1, PG(0x20), REF_W), OS_RETRY);
  assert_int_equal(fx->os.proc[0].swapped, 1);
  assert_int_equal(sim(fx, 1, PG(0x21), REF_W), OS_RETRY);

  assert_int_equal(fx->os.st.oom_kills, 1);
  assert_int_equal(fx->os.nkill, 1);
  assert_int_equal(fx->os.kill[0].pid, 0);
  assert_int_equal(fx->os.kill[0].rss, 1);                /* b */
  assert_int_equal(fx->os.kill[0].swapped, 1);            /* a */
  assert_int_equal(fx->os.kill[0].seq, 4);                /* the 4th fault */
  assert_int_equal(fx->os.proc[0].state, OS_PROC_KILLED);
  assert_int_equal(fx->os.proc[1].rss, 2);
  assert_true(pa_of(fx, 1, PG(0x20)) != 0 && pa_of(fx, 1, PG(0x21)) != 0);  /* c, d resident */
  assert_int_equal(fx->os.swap_owner[0], OS_NONE);        /* a's slot is free again */
  assert_int_equal(fx->os.st.evictions, 1);               /* only a; b went with its owner */
  for (uint32_t i = 0; i < FAKE_PT_PAGES; i++) {
    assert_true(fx->os.pt_owner[i] != 0);                 /* pid 0's tables returned */
    pt_used += fx->os.pt_owner[i] != OS_NONE;
  }
  assert_int_equal(pt_used, 3);                           /* pid 1's Sv39 root + 2 */
  /* The kill flushed the whole ASID 0: sfence rs1=x0, rs2=0 (has_asid). */
  {
    int found = 0;
    for (uint32_t i = 0; i < fx->fh.nev; i++) {
      const fake_event_t *e = &fx->fh.ev[i];
      if (e->kind == EV_SFENCE && !e->has_va && e->has_asid && e->asid == 0) found++;
    }
    assert_int_equal(found, 1);
  }
  assert_int_equal(os_switch_to(&fx->os, 0), -1);         /* killed: no coming back */
  assert_int_equal(os_handle_fault(&fx->os, 0, PG(0x10), 13), OS_KILLED);
  assert_int_equal(os_frame_of(&fx->os, 0, PG(0x11)), OS_NONE);
}

static void test_oom_kills_faulting(void **state) {
  /* 2 frames, 1 slot:
  **  pid0 a -> f0; pid1 c -> f1
  **  pid1 d: victim a (pid 0, dirty) -> slot 0          rss0=0 swap0=1 rss1=2
  **  pid1 e: victim c (dirty), no slot -> OOM: pid 1 (rss 2 > 0) dies,
  **  and it is the faulting process: OS_KILLED. */
  fx_t *fx = *state;
  uint32_t evictions;

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 2, 1);
  assert_int_equal(sim(fx, 0, PG(0x10), REF_W), OS_RETRY);
  assert_int_equal(sim(fx, 1, PG(0x20), REF_W), OS_RETRY);
  assert_int_equal(sim(fx, 1, PG(0x21), REF_W), OS_RETRY);
  assert_int_equal(fx->os.proc[0].rss, 0);
  assert_int_equal(fx->os.proc[1].rss, 2);
  assert_int_equal(sim(fx, 1, PG(0x22), REF_W), OS_KILLED);

  assert_int_equal(fx->os.nkill, 1);
  assert_int_equal(fx->os.kill[0].pid, 1);
  assert_int_equal(fx->os.kill[0].rss, 2);
  assert_int_equal(fx->os.kill[0].swapped, 0);
  assert_int_equal(fx->os.proc[1].state, OS_PROC_KILLED);
  assert_int_equal(count_free(&fx->os), 2);               /* both of its frames free */
  assert_int_equal(fx->os.st.segv, 0);
  /* pid 0 survives: its page comes back from swap into a free frame, no
  ** eviction needed. */
  evictions = (uint32_t)fx->os.st.evictions;
  assert_int_equal(sim(fx, 0, PG(0x10), REF_R), OS_RETRY);
  assert_int_equal(fx->os.st.major_faults, 1);
  assert_int_equal(fx->os.st.evictions, evictions);
}

static void test_oom_pt_pool(void **state) {
  /* Kernel pool of 4 pages, Sv39 (3 levels: a first touch needs the root
  ** plus 2 tables).  pid0: root + 2 = 3 pages.  pid1: root = 4th page; its
  ** first touch needs 2 more -> OOM: pid0 (rss 1) > pid1 (rss 0) dies. */
  fx_t *fx = *state;

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 4, 0);
  fx->cfg.pt_frames = 4;
  assert_int_equal(os_init(&fx->os, &fx->cfg, &fx->hal), 0);
  assert_int_equal(sim(fx, 0, PG(1), REF_R), OS_RETRY);
  assert_int_equal(fx->os.proc[0].pt_pages, 3);
  assert_int_equal(sim(fx, 1, PG(1), REF_R), OS_RETRY);
  assert_int_equal(fx->os.nkill, 1);
  assert_int_equal(fx->os.kill[0].pid, 0);
  assert_int_equal(fx->os.kill[0].rss, 1);
  assert_int_equal(fx->os.proc[1].pt_pages, 3);
  assert_int_equal(count_free(&fx->os), 3);               /* 4 frames, pid 1 holds 1 */
  /* pid2 needs a root: pool has 1 free page (4 - 3). Its first touch needs
  ** 2: pid1 (rss 1) > pid2 (rss 0) dies, pid2 gets 3 pages. */
  assert_int_equal(sim(fx, 2, PG(1), REF_R), OS_RETRY);
  assert_int_equal(fx->os.kill[1].pid, 1);
  assert_int_equal(fx->os.proc[2].pt_pages, 3);
  /* pid3's root takes the last free page (4 - 3) without a kill; pid4
  ** then finds the pool empty when it is created: pid2 (rss 1) beats pid3
  ** (rss 0) and dies, pid4 gets its root. */
  assert_int_equal(os_switch_to(&fx->os, 3), 0);
  assert_int_equal(fx->os.nkill, 2);
  assert_int_equal(os_switch_to(&fx->os, 4), 0);
  assert_int_equal(fx->os.kill[2].pid, 2);
  assert_int_equal(fx->os.kill[2].rss, 1);
  assert_int_equal(fx->os.st.oom_kills, 3);
  assert_int_equal(fx->os.proc[4].state, OS_PROC_ALIVE);
  assert_int_equal((fx->fh.satp >> 44) & 0xffff, 4);
}

int main(void) {
  const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    T(test_swap_round_trip),    T(test_swap_lowest_slot),   T(test_first_touch_is_zero),
    T(test_isolation),          T(test_switch_writes_satp), T(test_oom_kills_largest_other),
    T(test_oom_kills_faulting), T(test_oom_pt_pool),
#undef T
  };
  return cmocka_run_group_tests_name("os_memory", tests, NULL, NULL);
}
