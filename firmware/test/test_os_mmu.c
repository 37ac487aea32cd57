/*
** test_os_mmu.c -- the OS firmware against a fake HAL, the hardware side: Svade A/D faults, sfence discipline, page-table shape,
** residency queries, refusals and configuration checks.
** Residency is never taken from the firmware's word: the test walks the page tables itself
** (ref_translate / ref_leaf in fake_hal.h, a second implementation of the spec's walk) and
** plays the hardware, including Svadu's A/D updates.  Expected values carry their source.
*/
#include "os_fixture.h"

/* ---- 7. Svade A/D faults ---- */

static void test_svade_ad_fault(void **state) {
  /* Svade (os.h): a read's first touch maps V R W X U A (0x5f); a store
  ** then faults with cause 15 on the valid leaf; the OS sets D (0xdf):
  ** one A/D fault, still one minor fault.  A store's first touch maps D
  ** at once, so it needs no A/D fault. */
  fx_t *fx = *state;
  uint64_t root;

  boot(fx, SATP_MODE_SV48, 0, OS_POLICY_LRU, 4, 0);
  assert_int_equal(sim(fx, 0, PG(3), REF_R), OS_RETRY);
  root = fx->fh.satp_of[0];
  assert_int_equal(ref_leaf(&fx->fh, root, PG(3)) & 0x3ff, 0x5f);
  assert_int_equal(sim(fx, 0, PG(3), REF_W), OS_RETRY);
  assert_int_equal(fx->os.st.ad_faults, 1);
  assert_int_equal(fx->os.st.minor_faults, 1);
  assert_int_equal(ref_leaf(&fx->fh, root, PG(3)) & 0x3ff, 0xdf);
  assert_int_equal(sim(fx, 0, PG(4), REF_W), OS_RETRY);
  assert_int_equal(ref_leaf(&fx->fh, root, PG(4)) & 0x3ff, 0xdf);
  assert_int_equal(fx->os.st.ad_faults, 1);
  assert_int_equal(fx->os.st.minor_faults, 2);
  assert_int_equal(fx->os.proc[0].minor_faults, 2);
  assert_int_equal(fx->pageins, 2);
}

static void test_svadu_maps_clean(void **state) {
  /* Svadu (os.h): the OS maps V R W X U with A=D=0 (0x1f) and the hardware
  ** sets them; the test's walker set A on the retried read, so 0x5f. */
  fx_t *fx = *state;
  uint64_t root;

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 4, 0);
  assert_int_equal(os_switch_to(&fx->os, 0), 0);
  assert_int_equal(os_handle_fault(&fx->os, 0, PG(2), 15), OS_RETRY);
  root = fx->fh.satp_of[0];
  assert_int_equal(ref_leaf(&fx->fh, root, PG(2)) & 0x3ff, 0x1f);
  assert_int_equal(sim(fx, 0, PG(2), REF_R), OS_RETRY);
  assert_int_equal(ref_leaf(&fx->fh, root, PG(2)) & 0x3ff, 0x5f);
}

/* ---- 8. sfence discipline ---- */

static void test_sfence_after_map_and_evict(void **state) {
  /* 1 frame, pid 3.  Page 0's fault must end with its PTE write then
  ** sfence(va 0, ASID 3); page 1's fault evicts page 0 (clean: PTE := 0,
  ** sfence va 0) and maps page 1 (PTE write, sfence va 0x1000).  Both
  ** leaves sit in one level-0 table, so nothing else is written. */
  fx_t *fx = *state;
  uint64_t root, leaf0, leaf1;
  uint32_t mark;
  const fake_event_t *e;

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 1, 0);
  assert_int_equal(sim(fx, 3, PG(0), REF_R), OS_RETRY);
  root = fx->fh.satp_of[3];
  leaf0 = ref_leaf_addr(&fx->fh, root, PG(0));
  leaf1 = ref_leaf_addr(&fx->fh, root, PG(1));
  assert_true(leaf0 != 0 && leaf1 == leaf0 + 8);
  e = &fx->fh.ev[fx->fh.nev - 2];
  assert_int_equal(e[0].kind, EV_PT_WRITE);
  assert_true(e[0].pa == leaf0 && (e[0].value & 1));
  assert_int_equal(e[1].kind, EV_SFENCE);
  assert_true(e[1].has_va && e[1].va == 0 && e[1].has_asid && e[1].asid == 3);

  mark = fx->fh.nev;
  assert_int_equal(sim(fx, 3, PG(1), REF_R), OS_RETRY);
  assert_int_equal(fx->fh.nev - mark, 4);
  e = &fx->fh.ev[mark];
  assert_int_equal(e[0].kind, EV_PT_WRITE);
  assert_true(e[0].pa == leaf0 && e[0].value == 0);
  assert_int_equal(e[1].kind, EV_SFENCE);
  assert_true(e[1].has_va && e[1].va == 0 && e[1].has_asid && e[1].asid == 3);
  assert_int_equal(e[2].kind, EV_PT_WRITE);
  assert_true(e[2].pa == leaf1 && (e[2].value & 1));
  assert_int_equal(e[3].kind, EV_SFENCE);
  assert_true(e[3].has_va && e[3].va == 0x1000 && e[3].has_asid && e[3].asid == 3);
}

/* ---- Page-table shape, residency query, refusals ---- */

static void test_table_levels(void **state) {
  /* A first touch builds the root's path: Sv39 has 3 levels (root + 2
  ** tables), Sv48 4 (root + 3) -- privileged spec.  A level-0 table covers
  ** 512 x 4 KiB = 2 MiB, so va 2 MiB needs one more; the upper half
  ** (canonical, Sv39: bits 63..38 all 1) uses another root slot: 2 more. */
  fx_t *fx = *state;

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 4, 0);
  assert_int_equal(sim(fx, 0, PG(0), REF_R), OS_RETRY);
  assert_int_equal(fx->os.proc[0].pt_pages, 3);
  assert_int_equal(sim(fx, 0, PG(1), REF_R), OS_RETRY);
  assert_int_equal(fx->os.proc[0].pt_pages, 3);
  assert_int_equal(sim(fx, 0, UINT64_C(0x200000), REF_R), OS_RETRY);
  assert_int_equal(fx->os.proc[0].pt_pages, 4);
  assert_int_equal(sim(fx, 0, UINT64_C(0xffffffc000000000), REF_R), OS_RETRY);
  assert_int_equal(fx->os.proc[0].pt_pages, 6);

  boot(fx, SATP_MODE_SV48, 1, OS_POLICY_LRU, 4, 0);
  assert_int_equal(sim(fx, 0, PG(0), REF_R), OS_RETRY);
  assert_int_equal(fx->os.proc[0].pt_pages, 4);
  /* Bit 38 alone: canonical in Sv48 (VA 48 bits), not in Sv39. */
  assert_int_equal(sim(fx, 0, UINT64_C(0x4000000000), REF_R), OS_RETRY);
}

static void test_frame_of(void **state) {
  /* os_frame_of agrees with the test's own walk, and says OS_NONE once
  ** the page is evicted (1 frame: the second page evicts the first). */
  fx_t *fx = *state;
  uint64_t pa;

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 1, 0);
  assert_int_equal(os_frame_of(&fx->os, 0, PG(1)), OS_NONE);  /* no such process yet */
  assert_int_equal(sim(fx, 0, PG(1), REF_R), OS_RETRY);
  pa = pa_of(fx, 0, PG(1));
  assert_int_equal(os_frame_of(&fx->os, 0, PG(1)), (pa - FAKE_USER_BASE) >> 12);
  assert_int_equal(os_frame_of(&fx->os, 0, PG(1) + 0x123), (pa - FAKE_USER_BASE) >> 12);
  assert_int_equal(sim(fx, 0, PG(2), REF_R), OS_RETRY);
  assert_int_equal(os_frame_of(&fx->os, 0, PG(1)), OS_NONE);
  assert_int_equal(os_frame_of(&fx->os, 0, PG(2)), 0);    /* the only frame */
  assert_int_equal(os_frame_of(&fx->os, 0, UINT64_C(0x4000000000)), OS_NONE);
}

static void test_segv(void **state) {
  /* Not served (os.h): a cause other than 12/13/15, a pid never switched
  ** to, a non-canonical va (Sv39: bit 38 set, 63..39 clear), a valid leaf
  ** under Svadu.  Each still costs fault_cycles and counts in st.faults. */
  fx_t *fx = *state;

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 2, 0);
  assert_int_equal(os_switch_to(&fx->os, 0), 0);
  assert_int_equal(os_handle_fault(&fx->os, 0, PG(1), 5), OS_SEGV);   /* load access fault */
  assert_int_equal(os_handle_fault(&fx->os, 0, PG(1), 0), OS_SEGV);
  assert_int_equal(os_handle_fault(&fx->os, 7, PG(1), 13), OS_SEGV);
  assert_int_equal(os_handle_fault(&fx->os, 64, PG(1), 13), OS_SEGV);
  assert_int_equal(os_handle_fault(&fx->os, 0, UINT64_C(0x4000000000), 13), OS_SEGV);
  assert_int_equal(os_handle_fault(&fx->os, 0, PG(1), 13), OS_RETRY);
  assert_int_equal(os_handle_fault(&fx->os, 0, PG(1), 13), OS_SEGV);  /* valid leaf, Svadu */
  assert_int_equal(fx->os.st.segv, 6);
  assert_int_equal(fx->os.st.faults, 7);
  assert_int_equal(fx->os.st.minor_faults, 1);
  assert_true(fx->fh.waited == 7u * 1000u);

  /* Svade: a valid leaf that already has A (and D for a store) has nothing
  ** to set: a second identical fault is not an A/D fault. */
  boot(fx, SATP_MODE_SV39, 0, OS_POLICY_LRU, 2, 0);
  assert_int_equal(os_switch_to(&fx->os, 0), 0);
  assert_int_equal(os_handle_fault(&fx->os, 0, PG(1), 15), OS_RETRY);
  assert_int_equal(os_handle_fault(&fx->os, 0, PG(1), 15), OS_SEGV);
  assert_int_equal(os_handle_fault(&fx->os, 0, PG(1), 13), OS_SEGV);
  assert_int_equal(fx->os.st.ad_faults, 0);
}

/* ---- 9. Configuration ---- */

static void test_bad_config(void **state) {
  /* Limits from os.h: frames 1..OS_MAX_FRAMES, pt_frames 1..OS_MAX_PT,
  ** swap 0..OS_MAX_SWAP, Sv39/Sv48 only, 4 KiB aligned bases, regions
  ** apart, below 2^56 (RV_PA_BITS).  Each bad field: a message naming it,
  ** and os_init refuses. */
  fx_t *fx = *state;
  os_config_t good, c;
  const char *msg;

  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_LRU, 4, 4);
  good = fx->cfg;

#define BAD(field_expr, word)                                                \
  do {                                                                       \
    c = good;                                                                \
    field_expr;                                                              \
    msg = os_config_check(&c);                                               \
    assert_non_null(msg);                                                    \
    if (!strstr(msg, word)) fail_msg("'%s' does not mention %s", msg, word); \
    assert_int_equal(os_init(&fx->os, &c, &fx->hal), -1);                    \
  } while (0)
#define GOOD(field_expr)                                 \
  do {                                                   \
    c = good;                                            \
    field_expr;                                          \
    assert_null(os_config_check(&c));                    \
    assert_int_equal(os_init(&fx->os, &c, &fx->hal), 0); \
  } while (0)

  BAD(c.frames = 0, "frames");
  BAD(c.frames = OS_MAX_FRAMES + 1, "frames");
  BAD(c.pt_frames = 0, "pt_frames");
  BAD(c.pt_frames = OS_MAX_PT + 1, "pt_frames");
  BAD(c.swap_slots = OS_MAX_SWAP + 1, "swap");
  BAD(c.mode = SATP_MODE_BARE, "Sv39");
  BAD(c.mode = 10, "Sv39");
  BAD(c.adue = 2, "adue");
  BAD(c.policy = (os_policy_t)5, "policy");   /* 0..4: LRU, FIFO, CLOCK, OPT, STUDENT */
  BAD(c.user_base = FAKE_USER_BASE + 0x800, "aligned");
  BAD(c.pt_base = FAKE_PT_BASE + 8, "aligned");
  BAD(c.pt_base = FAKE_USER_BASE + 3 * 4096, "overlap");      /* inside the frames */
  BAD(c.user_base = FAKE_PT_BASE + 63 * 4096, "overlap");     /* the pool's last page */
  BAD(c.user_base = (UINT64_C(1) << 56) - 4096, "2^56");      /* 4 frames pass 2^56 */
  assert_non_null(os_config_check(NULL));
  assert_int_equal(os_init(&fx->os, &good, NULL), -1);

  /* The limits themselves are fine. */
  GOOD(c.frames = OS_MAX_FRAMES; c.user_base = UINT64_C(0x100000000));
  GOOD(c.pt_frames = OS_MAX_PT; c.pt_base = UINT64_C(0x200000000));
  GOOD(c.swap_slots = 0);
  GOOD(c.swap_slots = OS_MAX_SWAP);
  GOOD(c.mode = SATP_MODE_SV48);
  GOOD(c.user_base = FAKE_PT_BASE + 64 * 4096);               /* touching, not overlapping */
  GOOD(c.user_base = (UINT64_C(1) << 56) - 4 * 4096);         /* ends exactly at 2^56 */
#undef BAD
#undef GOOD
}

int main(void) {
  const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    T(test_svade_ad_fault), T(test_svadu_maps_clean), T(test_sfence_after_map_and_evict),
    T(test_table_levels),   T(test_frame_of),         T(test_segv),
    T(test_bad_config),
#undef T
  };
  return cmocka_run_group_tests_name("os_mmu", tests, NULL, NULL);
}
