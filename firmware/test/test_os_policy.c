/*
** test_os_policy.c -- the OS firmware against a fake HAL, the replacement-policy hook
** (policy.h, OS_POLICY_STUDENT): the product's default policy (round robin, FIFO while
** nothing is freed) on the textbook string, the A/D helpers read and clear the PTE the
** test's own walk sees, and an OOM kill tells the policy which frames it lost.
*/
#include "os_fixture.h"
#include "policy.h"

/* silb: Silberschatz ch. 9, FIFO with 3 frames 15 faults (os_fixture.h). */

static void test_default_is_fifo(void **state) {
  /* Round robin over frames 0 1 2 with no frame ever freed evicts in load
  ** order: FIFO's table, silb_fifo3 (os_fixture.h), 15 faults. */
  fx_t *fx = *state;

  for (unsigned m = 0; m < 2; m++) {   /* Svade's A/D faults must not change it */
    boot(fx, SATP_MODE_SV39, m, OS_POLICY_STUDENT, 3, 0);
    run_string(fx, silb, silb_fifo3, 20);
    check_counts(fx, 15, 3);
  }
}

static void test_helpers_read_and_clear(void **state) {
  fx_t *fx = *state;
  /* Svadu: page 0 read (frame 0), page 1 written (frame 1), frame 2 free. */
  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_STUDENT, 3, 4);
  assert_int_equal(sim(fx, 0, PG(0), REF_R), OS_RETRY);
  assert_int_equal(sim(fx, 0, PG(1), REF_W), OS_RETRY);
  assert_int_equal(policy_frames(&fx->os), 3);
  assert_true(policy_in_use(&fx->os, 0) && policy_in_use(&fx->os, 1));
  assert_false(policy_in_use(&fx->os, 2) || policy_in_use(&fx->os, 3) || policy_in_use(&fx->os, OS_NONE));
  assert_true(policy_accessed(&fx->os, 0) && policy_accessed(&fx->os, 1));
  assert_false(policy_accessed(&fx->os, 2) || policy_dirty(&fx->os, 2) || policy_take_accessed(&fx->os, 2));
  assert_false(policy_dirty(&fx->os, 0));
  assert_true(policy_dirty(&fx->os, 1));

  /* Take frame 1's A: the PTE (by the test's walk) has A=0, D still 1, and
  ** the one sfence is for page 1 of ASID 0. */
  uint32_t before = fx->fh.nev;
  assert_int_equal(policy_take_accessed(&fx->os, 1), 1);
  assert_int_equal(ref_leaf(&fx->fh, fx->fh.satp_of[0], PG(1)) & 0xc0u, 0x80u);
  assert_int_equal(fx->fh.nev, before + 2u);   /* the PTE write, then the sfence */
  assert_int_equal(fx->fh.ev[before + 1u].kind, EV_SFENCE);
  assert_true(fx->fh.ev[before + 1u].has_va && fx->fh.ev[before + 1u].va == PG(1));
  assert_true(fx->fh.ev[before + 1u].has_asid && fx->fh.ev[before + 1u].asid == 0);
  assert_false(policy_accessed(&fx->os, 1));
  assert_int_equal(policy_take_accessed(&fx->os, 1), 0);   /* already clear: nothing written */
  assert_int_equal(fx->fh.nev, before + 2u);
  assert_true(policy_dirty(&fx->os, 1));

  /* The next access walks again and the hardware sets A once more. */
  assert_int_equal(sim(fx, 0, PG(1), REF_R), OS_RETRY);
  assert_true(policy_accessed(&fx->os, 1));
}

static void test_oom_kill_removes(void **state) {
  fx_t *fx = *state;

  /* No swap, 2 frames: pid 0 dirties pages 0 and 1; pid 1's first page
  ** needs a victim, which is dirty with nowhere to go, so the largest
  ** process (pid 0) is killed: both its frames leave the policy, and the
  ** round-robin hand then finds them free. */
  boot(fx, SATP_MODE_SV39, 1, OS_POLICY_STUDENT, 2, 0);
  assert_int_equal(sim(fx, 0, PG(0), REF_W), OS_RETRY);
  assert_int_equal(sim(fx, 0, PG(1), REF_W), OS_RETRY);
  assert_int_equal(sim(fx, 1, PG(0), REF_R), OS_RETRY);
  assert_int_equal(fx->os.st.oom_kills, 1);
  assert_int_equal(fx->os.proc[0].state, OS_PROC_KILLED);
  assert_int_equal(fx->os.proc[1].rss, 1);
  assert_int_equal(fx->os.st.segv, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    T(test_default_is_fifo),
    T(test_helpers_read_and_clear),
    T(test_oom_kill_removes),
#undef T
  };
  return cmocka_run_group_tests_name("os_policy", tests, NULL, NULL);
}
