/*
** runner_fixture.h -- the fixture of the runner's end-to-end tests
** (test_runner*.c): records made one at a time, numbered as a trace file
** would number them, and an access that must complete.  Each test makes
** its own runner from a runner_cfg_t and frees it.
*/
#ifndef MMULAB_RUNNER_FIXTURE_H
#define MMULAB_RUNNER_FIXTURE_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "riscv.h"
#include "mmu_port.h"
#include "runner.h"

#define PAGE 4096u

/* The next record of a run: its line number counts the accesses so far. */
static inline trace_rec_t rec(const runner_t *r, uint32_t op, uint64_t va, uint32_t pid) {
  trace_rec_t t;
  t.op = (uint8_t)op;
  t.va = va;
  t.size = 8;
  t.pid = (uint8_t)pid;
  t.line = (uint32_t)r->st.accesses + 1u;
  return t;
}

/* runner_init, failing the test with its message. */
static inline void start(runner_t *r, const runner_cfg_t *cfg) {
  char err[256];
  int rc = runner_init(r, cfg, err, sizeof err);
  if (rc) fail_msg("runner_init: %s", err);
}

/* One access that must complete; returns the latency of its last try. */
static inline uint64_t ok(runner_t *r, uint32_t op, uint64_t va, uint32_t pid) {
  char err[512];
  trace_rec_t t = rec(r, op, va, pid);
  int rc = runner_access(r, &t, err, sizeof err);
  if (rc != RUNNER_DONE)
    fail_msg("access %u 0x%llx pid %u: rc %d: %s", op, (unsigned long long)va, pid, rc, rc < 0 ? err : "");
  return r->last_latency;
}

#endif
