/*
** test_lockstep.c -- the lockstep checker against a fake dut: a second C
** model that can be told to lie on one port in one cycle.  What the
** checker must report is known from the lie itself, not from its output.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "lockstep.h"
#include "riscv.h"
#include "mmu_port.h"
#include "runner.h"

typedef struct {
  mmu_t m;
  uint64_t cycle;          /* cycles this dut has stepped */
  uint64_t lie_cycle;      /* the cycle to corrupt, or UINT64_MAX */
  uint64_t lie_xor;        /* XOR into the lie port in that cycle */
  size_t lie_off, lie_size; /* the lie port: offset and size in mmu_out_t (resp_paddr) */
  uint64_t writes;         /* backdoor writes received */
  uint64_t wave_opened_at, wave_closed_at;
  int freed;
  int lie_tlb;             /* the deep view: entry 0's vpn XOR 1 when valid */
  /* set_model: the model's outputs given for the coming cycle */
  uint64_t models, model_first, model_last;   /* calls; cycles of the first and last */
  uint64_t model_wrong;    /* cycles whose given outputs differ from this twin's */
  int model_pending;
  mmu_out_t model;
  mmu_out_t model_at_202;  /* as given for cycle 202 */
} fake_t;

static void fake_step(void *ctx, const mmu_in_t *in, mmu_out_t *out) {
  fake_t *f = ctx;
  mmu_step(&f->m, in, out);
  if (f->model_pending && lockstep_compare(out, &f->model, NULL, 0)) f->model_wrong++;
  f->model_pending = 0;
  if (f->cycle == f->lie_cycle) {
    unsigned char *p = (unsigned char *)out + f->lie_off;
    if (f->lie_size == 1) *p ^= (unsigned char)f->lie_xor;
    else {
      uint64_t v;
      memcpy(&v, p, sizeof v);
      v ^= f->lie_xor;
      memcpy(p, &v, sizeof v);
    }
  }
  f->cycle++;
}
static uint64_t fake_read(void *ctx, uint64_t pa) { return mmu_mem_read64(&((fake_t *)ctx)->m, pa); }
static void fake_write(void *ctx, uint64_t pa, uint64_t v) {
  fake_t *f = ctx;
  f->writes++;
  mmu_mem_write64(&f->m, pa, v);
}
static int fake_wave_open(void *ctx, const char *path) {
  fake_t *f = ctx;
  (void)path;
  f->wave_opened_at = f->cycle;
  return 0;
}
static void fake_wave_close(void *ctx) {
  fake_t *f = ctx;
  f->wave_closed_at = f->cycle;
}
static void fake_set_model(void *ctx, const mmu_out_t *model) {
  fake_t *f = ctx;
  if (!f->models++) f->model_first = f->cycle;
  f->model_last = f->cycle;
  f->model = *model;
  f->model_pending = 1;
  if (f->cycle == 202) f->model_at_202 = *model;
}
static int fake_tlb_entry(void *ctx, uint32_t idx, tlb_entry_t *e) {
  fake_t *f = ctx;
  if (idx >= f->m.tlb.entries) return -1;
  *e = f->m.tlb.e[idx];
  if (f->lie_tlb && idx == 0 && e->valid) e->vpn ^= 1u;
  return 0;
}
static int fake_tlb_age(void *ctx, uint32_t set, uint32_t way) {
  fake_t *f = ctx;
  return f->m.tlb.repl.age[set * f->m.tlb.ways + way];
}
static void fake_free(void *ctx) {
  fake_t *f = ctx;
  mmu_free(&f->m);
  f->freed = 1;
}

static dut_t fake_dut(fake_t *f, const mmu_config_t *c) {
  memset(f, 0, sizeof *f);
  assert_int_equal(mmu_init(&f->m, c), 0);
  f->lie_cycle = UINT64_MAX;
  f->lie_off = offsetof(mmu_out_t, resp_paddr);
  f->lie_size = sizeof(uint64_t);
  f->wave_opened_at = f->wave_closed_at = UINT64_MAX;
  dut_t d = { .ctx = f,
              .step = fake_step,
              .mem_read64 = fake_read,
              .mem_write64 = fake_write,
              .wave_open = fake_wave_open,
              .wave_close = fake_wave_close,
              .free = fake_free,
              .tlb_entry = fake_tlb_entry,
              .tlb_age = fake_tlb_age };
  return d;
}

static void test_compare_names_and_order(void **state) {
  (void)state;
  mmu_out_t a, b;
  lockstep_diff_t d[4];
  memset(&a, 0, sizeof a);
  memset(&b, 0, sizeof b);
  assert_int_equal(lockstep_compare(&a, &b, d, 4), 0);
  /* three ports differ; they come back in the contract's port order */
  a.mem_wdata = 5;
  a.resp_valid = 1;
  b.resp_paddr = UINT64_C(0x80001000);
  assert_int_equal(lockstep_compare(&a, &b, d, 4), 3);
  assert_string_equal(d[0].port, "resp_valid_o");
  assert_true(d[0].rtl == 1 && d[0].model == 0);
  assert_string_equal(d[1].port, "resp_paddr_o");
  assert_true(d[1].rtl == 0 && d[1].model == UINT64_C(0x80001000));
  assert_string_equal(d[2].port, "mem_wdata_o");
  /* with room for one, the count is still the whole */
  assert_int_equal(lockstep_compare(&a, &b, d, 1), 3);
  assert_string_equal(d[0].port, "resp_valid_o");
}

/* Bare mode, an idle cycle, then a load of 0x80000000: accepted at cycle 1,
** LOOKUP cycle 2, DATA 3..202 (cold, 200), response in cycle 202. */
static void run_bare_load(lockstep_t *ls) {
  mmu_in_t in;
  mmu_out_t out;
  mmu_in_idle(&in);
  lockstep_step(ls, &in, &out);             /* cycle 0 */
  in.req_valid = 1;
  in.req_vaddr = UINT64_C(0x80000000);
  lockstep_step(ls, &in, &out);             /* cycle 1: accepted */
  assert_true(out.req_ready);
  mmu_in_idle(&in);
  for (int i = 0; i < 300 && !lockstep_stop(ls); i++) lockstep_step(ls, &in, &out);
}

static void test_identical_sides_agree(void **state) {
  (void)state;
  mmu_config_t c;
  mmu_config_default(&c);
  mmu_t model;
  fake_t f;
  assert_int_equal(mmu_init(&model, &c), 0);
  dut_t d = fake_dut(&f, &c);
  lockstep_t ls;
  lockstep_init(&ls, &model, &d);
  run_bare_load(&ls);
  assert_false(ls.mismatch);
  assert_int_equal(ls.cycles, 302);
  assert_int_equal(ls.compared, 302);
  lockstep_free(&ls);
  assert_true(f.freed);
  mmu_free(&model);
}

static void test_first_mismatch_reported(void **state) {
  (void)state;
  mmu_config_t c;
  mmu_config_default(&c);
  mmu_t model;
  fake_t f;
  assert_int_equal(mmu_init(&model, &c), 0);
  dut_t d = fake_dut(&f, &c);
  f.lie_cycle = 202;                        /* the response cycle (see run_bare_load) */
  f.lie_xor = 0x1000;
  lockstep_t ls;
  lockstep_init(&ls, &model, &d);
  run_bare_load(&ls);
  assert_true(ls.mismatch);
  assert_int_equal(ls.mismatch_cycle, 202);
  assert_int_equal(ls.cycles, 203);         /* stopped right after it */
  assert_int_equal(ls.ndiff, 1);
  assert_string_equal(ls.diff[0].port, "resp_paddr_o");
  assert_true(ls.diff[0].model == UINT64_C(0x80000000));
  assert_true(ls.diff[0].rtl == UINT64_C(0x80001000));
  lockstep_free(&ls);
  mmu_free(&model);
}

/* Each port, lied on alone (bit 0 flipped) in the response cycle, is the one mismatch: the
** compare of the cycles that agree looks at every port.  The list is mmu_out_t's fields,
** written here from mmu.h, with the contract's port names. */
static void test_every_port_checked(void **state) {
  (void)state;
  static const struct {
    const char *port;
    size_t off, size;
  } p[] = {
#define P(n, f) { n, offsetof(mmu_out_t, f), sizeof(((mmu_out_t *)0)->f) }
    P("req_ready_o", req_ready),       P("resp_valid_o", resp_valid), P("resp_fault_o", resp_fault),
    P("resp_cause_o", resp_cause),     P("resp_tval_o", resp_tval),   P("resp_paddr_o", resp_paddr),
    P("resp_tlb_hit_o", resp_tlb_hit), P("resp_level_o", resp_level), P("resp_rdata_o", resp_rdata),
    P("mem_valid_o", mem_valid),       P("mem_we_o", mem_we),         P("mem_addr_o", mem_addr),
    P("mem_wdata_o", mem_wdata),
#undef P
  };
  mmu_config_t c;
  mmu_config_default(&c);
  for (size_t i = 0; i < sizeof p / sizeof p[0]; i++) {
    mmu_t model;
    fake_t f;
    assert_int_equal(mmu_init(&model, &c), 0);
    dut_t d = fake_dut(&f, &c);
    f.lie_cycle = 202;
    f.lie_xor = 1;
    f.lie_off = p[i].off;
    f.lie_size = p[i].size;
    lockstep_t ls;
    lockstep_init(&ls, &model, &d);
    run_bare_load(&ls);
    assert_true(ls.mismatch);
    assert_int_equal(ls.mismatch_cycle, 202);
    assert_int_equal(ls.ndiff, 1);
    assert_string_equal(ls.diff[0].port, p[i].port);
    assert_true((ls.diff[0].rtl ^ ls.diff[0].model) == 1);
    lockstep_free(&ls);
    mmu_free(&model);
  }
}

static void test_wave_window_replay(void **state) {
  (void)state;
  mmu_config_t c;
  mmu_config_default(&c);
  mmu_t model;
  fake_t f;
  assert_int_equal(mmu_init(&model, &c), 0);
  dut_t d = fake_dut(&f, &c);
  f.lie_cycle = 202;
  f.lie_xor = 1;
  lockstep_t ls;
  lockstep_init(&ls, &model, &d);
  /* a replay asks for cycles [150, 210): opened before cycle 150 is
  ** stepped, closed before cycle 210, and the run goes on to 210 */
  lockstep_wave_window(&ls, "x.fst", 150, 210);
  run_bare_load(&ls);
  assert_int_equal(f.wave_opened_at, 150);
  assert_int_equal(ls.mismatch_cycle, 202);
  assert_int_equal(ls.cycles, 210);
  lockstep_free(&ls);
  assert_int_equal(f.wave_closed_at, 210);
  mmu_free(&model);
}

/* With set_model, the dut is given the model's outputs of each cycle of the waveform window,
** before it steps that cycle, and only then: a twin of the model computes the same outputs,
** and cycle 202 is the response of run_bare_load (pa 0x80000000, from DRAM: level 3). */
static void test_wave_model_fed(void **state) {
  (void)state;
  mmu_config_t c;
  mmu_config_default(&c);
  mmu_t model;
  fake_t f;
  assert_int_equal(mmu_init(&model, &c), 0);
  dut_t d = fake_dut(&f, &c);
  d.set_model = fake_set_model;
  f.lie_cycle = 202;
  f.lie_xor = 1;
  lockstep_t ls;
  lockstep_init(&ls, &model, &d);
  lockstep_wave_window(&ls, "x.fst", 150, 210);
  run_bare_load(&ls);
  assert_true(ls.wave_model);
  assert_int_equal(f.models, 60);
  assert_int_equal(f.model_first, 150);
  assert_int_equal(f.model_last, 209);
  assert_int_equal(f.model_wrong, 0);   /* the lie is the dut's own, after the compare */
  assert_true(f.model_at_202.resp_valid == 1 && f.model_at_202.resp_paddr == UINT64_C(0x80000000));
  assert_int_equal(f.model_at_202.resp_level, 3);
  lockstep_free(&ls);
  mmu_free(&model);
  /* without set_model the window has no model scope */
  assert_int_equal(mmu_init(&model, &c), 0);
  d = fake_dut(&f, &c);
  lockstep_init(&ls, &model, &d);
  lockstep_wave_window(&ls, "x.fst", 150, 210);
  run_bare_load(&ls);
  assert_false(ls.wave_model);
  assert_int_equal(f.models, 0);
  lockstep_free(&ls);
  mmu_free(&model);
}

static void test_memory_writes_reach_both(void **state) {
  (void)state;
  mmu_config_t c;
  mmu_config_default(&c);
  mmu_t model;
  fake_t f;
  assert_int_equal(mmu_init(&model, &c), 0);
  dut_t d = fake_dut(&f, &c);
  lockstep_t ls;
  lockstep_init(&ls, &model, &d);
  lockstep_mem_write64(&ls, 0x80000010u, 42);
  assert_true(mmu_mem_read64(&model, 0x80000010u) == 42);
  assert_true(mmu_mem_read64(&f.m, 0x80000010u) == 42);
  assert_true(lockstep_mem_read64(&ls, 0x80000010u) == 42);
  lockstep_free(&ls);
  mmu_free(&model);
}

/* The runner stops with RUNNER_MISMATCH at the access that was running. */
static void test_runner_stops_on_mismatch(void **state) {
  (void)state;
  runner_cfg_t c;
  runner_cfg_default(&c);
  runner_t r;
  char err[256];
  assert_int_equal(runner_init(&r, &c, err, sizeof err), 0);
  fake_t *f = test_malloc(sizeof *f);
  dut_t d = fake_dut(f, &r.cfg.mmu);
  runner_set_dut(&r, &d);
  trace_rec_t recs[2] = { { .op = MMU_OP_R, .va = 0x1000, .size = 8, .pid = 0, .line = 3 },
                          { .op = MMU_OP_R, .va = 0x1000, .size = 8, .pid = 0, .line = 4 } };
  assert_int_equal(runner_access(&r, &recs[0], err, sizeof err), RUNNER_DONE);
  assert_false(r.ls.mismatch);
  f->lie_cycle = f->cycle + 3;              /* during the second access */
  f->lie_xor = 4;
  assert_int_equal(runner_access(&r, &recs[1], err, sizeof err), RUNNER_MISMATCH);
  assert_true(r.cur == &recs[1]);
  assert_int_equal(r.ls.mismatch_cycle, f->lie_cycle);
  /* the second access is a TLB hit: accept (k), LOOKUP (k+1), DATA from
  ** k+2: cycle k+3 has no response, so the model's resp_paddr_o is 0 */
  assert_string_equal(r.ls.diff[0].port, "resp_paddr_o");
  assert_true(r.ls.diff[0].rtl == 4 && r.ls.diff[0].model == 0);
  runner_free(&r);
  assert_true(f->freed);
  test_free(f);
}

/* --deep: a TLB that differs only inside is caught at the edge that made
** it differ.  An Sv39 load through a hand-built table (as test_mmu.c):
** accept at 1, LOOKUP 2, three cold PTE stages of 200 cycles (3..602), so
** the refill is at the edge ending cycle 602; the ports never differ. */
static void test_deep_catches_tlb_state(void **state) {
  (void)state;
  mmu_config_t c;
  mmu_config_default(&c);
  mmu_t model;
  fake_t f;
  assert_int_equal(mmu_init(&model, &c), 0);
  dut_t d = fake_dut(&f, &c);
  f.lie_tlb = 1;
  lockstep_t ls;
  lockstep_init(&ls, &model, &d);
  assert_int_equal(lockstep_set_deep(&ls), 0);
  lockstep_mem_write64(&ls, 0x80001008u, pte_make(0x80002u, PTE_V));
  lockstep_mem_write64(&ls, 0x80002000u, pte_make(0x80003u, PTE_V));
  lockstep_mem_write64(&ls, 0x80003028u, pte_make(0x80010u, PTE_V | PTE_R | PTE_U | PTE_A | PTE_D));
  mmu_in_t in;
  mmu_out_t out;
  mmu_in_idle(&in);
  in.satp_we = 1;
  in.satp_wdata = satp_make(SATP_MODE_SV39, 1, 0x80001u);
  lockstep_step(&ls, &in, &out);            /* cycle 0 */
  mmu_in_idle(&in);
  in.req_valid = 1;
  in.req_vaddr = 0x40005000u;
  lockstep_step(&ls, &in, &out);            /* cycle 1: accepted */
  mmu_in_idle(&in);
  for (int i = 0; i < 1000 && !lockstep_stop(&ls); i++) lockstep_step(&ls, &in, &out);
  assert_true(ls.mismatch);
  assert_int_equal(ls.mismatch_cycle, 602);
  assert_string_equal(ls.diff[0].port, "tlb[0].vpn");
  /* vpn of 0x40005000 = 0x40005; the fake shows it XOR 1 */
  assert_true(ls.diff[0].model == 0x40005u && ls.diff[0].rtl == 0x40004u);
  lockstep_free(&ls);
  mmu_free(&model);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_compare_names_and_order),  cmocka_unit_test(test_identical_sides_agree),
    cmocka_unit_test(test_first_mismatch_reported),  cmocka_unit_test(test_every_port_checked),
    cmocka_unit_test(test_wave_window_replay),       cmocka_unit_test(test_wave_model_fed),
    cmocka_unit_test(test_memory_writes_reach_both), cmocka_unit_test(test_runner_stops_on_mismatch),
    cmocka_unit_test(test_deep_catches_tlb_state),
  };
  return cmocka_run_group_tests_name("lockstep", tests, NULL, NULL);
}
