/*
** test_runner_port.c -- runner_port_t (sim/runner.h): a request path other
** than the runner's own stepping (the TLM example's socket uses it).  A hook
** that steps the model the way a bus master would (offer, wait for ready,
** wait for the response) is a second implementation of the runner's issue:
** a run through it must end in the same state, counter for counter, with
** the same request log; a hook
** that gives no response is an internal error, not a hang.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "mmu_port.h"
#include "riscv.h"
#include "runner.h"

/* Two processes, a write-then-read of the same page, a second page, an
** instruction fetch, a read of a page never written, across a process
** switch and back: demand faults, TLB hits and misses, A/D updates. */
static const char trace_text[] = "W 0x1000 8 1\nR 0x1000 8 1\nW 0x2008 8 1\nX 0x3000 8 2\nR 0x1000 8 2\n"
                                 "R 0x2008 8 1\nW 0x1000 8 2\nR 0x5000 8 1\nR 0x1000 8 1\n";

typedef struct {
  runner_t *r;
  uint64_t calls;
  int fail;       /* give no response */
} hook_t;

static int issue(void *ctx, const mmu_in_t *req, mmu_out_t *out, uint64_t *latency) {
  hook_t *h = ctx;
  h->calls++;
  if (h->fail) return -1;
  mmu_in_t idle;
  mmu_in_idle(&idle);
  do lockstep_step(&h->r->ls, req, out);
  while (!out->req_ready);
  uint64_t n = 0;
  do {
    lockstep_step(&h->r->ls, &idle, out);
    n++;
  } while (!out->resp_valid);
  *latency = n;
  return 0;
}

static void run(runner_t *r, hook_t *h, const trace_t *t) {
  runner_cfg_t cfg;
  runner_cfg_default(&cfg);
  cfg.os.frames = 2;   /* two user frames for five pages: evictions and swap-ins too */
  char err[512];
  if (runner_init(r, &cfg, err, sizeof err)) fail_msg("runner_init: %s", err);
  if (h) {
    h->r = r;
    r->port.ctx = h;
    r->port.issue = issue;
  }
  int rc = runner_run(r, t, "port.trace", err, sizeof err);
  if (rc) fail_msg("runner_run: %d %s", rc, err);
}

static void test_same_run_through_a_port(void **state) {
  (void)state;
  trace_t t;
  char err[256];
  assert_int_equal(
      trace_parse_text(&t, trace_text, strlen(trace_text), "port.trace", SATP_MODE_SV39, err, sizeof err), 0);
  runner_t a, b;
  hook_t h = { 0 };
  run(&a, NULL, &t);
  run(&b, &h, &t);
  assert_int_equal(h.calls, a.mmu.cnt.accesses);   /* every request went through the hook */
  assert_true(h.calls > t.n);                       /* faulting tries too */
  assert_int_equal(b.mmu.cnt.cycles, a.mmu.cnt.cycles);
  assert_int_equal(b.mmu.cnt.latency_sum, a.mmu.cnt.latency_sum);
  assert_int_equal(runner_total_cycles(&b), runner_total_cycles(&a));
  assert_memory_equal(&b.st, &a.st, sizeof a.st);
  assert_int_equal(b.st.completed, t.n);
  assert_true(b.st.retries > 0);
  assert_int_equal(b.ls.nev, a.ls.nev);   /* the lockstep's log of requests and control inputs */
  for (uint32_t i = 0; i < LOCKSTEP_EVENTS; i++) {
    const lockstep_event_t *x = &a.ls.ev[i], *y = &b.ls.ev[i];
    assert_int_equal(y->kind, x->kind);
    assert_int_equal(y->cycle, x->cycle);
    assert_int_equal(y->line, x->line);
    assert_int_equal(y->latency, x->latency);
    assert_int_equal(y->cause, x->cause);
    assert_int_equal(y->a, x->a);
    assert_int_equal(y->b, x->b);
  }
  runner_free(&a);
  runner_free(&b);
  trace_free(&t);
}

static void test_no_response_is_an_error(void **state) {
  (void)state;
  runner_cfg_t cfg;
  runner_cfg_default(&cfg);
  runner_t r;
  char err[512];
  assert_int_equal(runner_init(&r, &cfg, err, sizeof err), 0);
  hook_t h = { &r, 0, 1 };
  r.port.ctx = &h;
  r.port.issue = issue;
  trace_rec_t rec = { 0 };
  rec.op = MMU_OP_R;
  rec.va = 0x1000;
  rec.size = 8;
  rec.line = 1;
  assert_int_equal(runner_access(&r, &rec, err, sizeof err), -1);
  assert_non_null(strstr(err, "the MMU port gave no response"));
  assert_int_equal(h.calls, 1);
  runner_free(&r);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_same_run_through_a_port),
    cmocka_unit_test(test_no_response_is_an_error),
  };
  return cmocka_run_group_tests_name("runner_port", tests, NULL, NULL);
}
