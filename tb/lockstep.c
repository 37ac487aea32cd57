/*
** lockstep.c -- step model and dut together and compare every port.
** The compare walks a table of the ports, so a port added to mmu_out_t is
** one line here and is then compared, reported and named like the rest.
*/
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include "lockstep.h"

typedef struct {
  const char *port;
  size_t off, size;
} port_t;

#define PORT(name, field) { name, offsetof(mmu_out_t, field), sizeof(((mmu_out_t *)0)->field) }
static const port_t ports[] = {
  PORT("req_ready_o", req_ready),       PORT("resp_valid_o", resp_valid), PORT("resp_fault_o", resp_fault),
  PORT("resp_cause_o", resp_cause),     PORT("resp_tval_o", resp_tval),   PORT("resp_paddr_o", resp_paddr),
  PORT("resp_tlb_hit_o", resp_tlb_hit), PORT("resp_level_o", resp_level), PORT("resp_rdata_o", resp_rdata),
  PORT("mem_valid_o", mem_valid),       PORT("mem_we_o", mem_we),         PORT("mem_addr_o", mem_addr),
  PORT("mem_wdata_o", mem_wdata),
};

static uint64_t port_value(const mmu_out_t *o, const port_t *p) {
  const unsigned char *b = (const unsigned char *)o + p->off;
  if (p->size == 1) return *b;
  uint64_t v;
  memcpy(&v, b, sizeof v);
  return v;
}

/* Every port at once, for the cycles that agree (all but one of a run): one expression, no
** branch per port; only a difference walks the table above to name the ports.  Both lists
** must name every field of mmu_out_t: the assertions fail when one is added. */
_Static_assert(sizeof ports / sizeof ports[0] == 13, "a port of mmu_out_t: add it here and to ports_same");
_Static_assert(sizeof(mmu_out_t) == 56, "mmu_out_t changed: update ports[] and ports_same");
static int ports_same(const mmu_out_t *a, const mmu_out_t *b) {
  uint64_t d = (uint64_t)(a->req_ready ^ b->req_ready) | (uint64_t)(a->resp_valid ^ b->resp_valid) |
               (uint64_t)(a->resp_fault ^ b->resp_fault) | (uint64_t)(a->resp_cause ^ b->resp_cause) |
               (a->resp_tval ^ b->resp_tval) | (a->resp_paddr ^ b->resp_paddr) |
               (uint64_t)(a->resp_tlb_hit ^ b->resp_tlb_hit) | (uint64_t)(a->resp_level ^ b->resp_level) |
               (a->resp_rdata ^ b->resp_rdata) | (uint64_t)(a->mem_valid ^ b->mem_valid) |
               (uint64_t)(a->mem_we ^ b->mem_we) | (a->mem_addr ^ b->mem_addr) |
               (a->mem_wdata ^ b->mem_wdata);
  return d == 0;
}

uint32_t lockstep_compare(const mmu_out_t *rtl, const mmu_out_t *model, lockstep_diff_t *diff, uint32_t max) {
  uint32_t n = 0;
  for (size_t i = 0; i < sizeof ports / sizeof ports[0]; i++) {
    uint64_t a = port_value(rtl, &ports[i]), b = port_value(model, &ports[i]);
    if (a == b) continue;
    if (n < max) {
      snprintf(diff[n].port, sizeof diff[n].port, "%s", ports[i].port);
      diff[n].rtl = a;
      diff[n].model = b;
    }
    n++;
  }
  return n;
}

void lockstep_init(lockstep_t *ls, mmu_t *model, const dut_t *dut) {
  memset(ls, 0, sizeof *ls);
  ls->model = model;
  ls->tag_pid = LOCKSTEP_NO_PID;
  if (dut && dut->step) ls->dut = *dut;
}

int lockstep_has_dut(const lockstep_t *ls) { return ls->dut.step != NULL; }

static void wave_close(lockstep_t *ls) {
  if (ls->wave_open && ls->dut.wave_close) ls->dut.wave_close(ls->dut.ctx);
  ls->wave_open = 0;
}

void lockstep_free(lockstep_t *ls) {
  wave_close(ls);
  if (ls->dut.free) ls->dut.free(ls->dut.ctx);
  memset(&ls->dut, 0, sizeof ls->dut);
}

void lockstep_wave_window(lockstep_t *ls, const char *path, uint64_t from, uint64_t to) {
  ls->wave_path = path;
  ls->wave_from = from;
  ls->wave_to = to;
}

static void wave_tick(lockstep_t *ls) {
  if (!ls->wave_path || !lockstep_has_dut(ls)) return;
  if (!ls->wave_open && !ls->wave_failed && ls->cycles >= ls->wave_from && ls->cycles < ls->wave_to) {
    if (ls->dut.wave_open && ls->dut.wave_open(ls->dut.ctx, ls->wave_path) == 0) ls->wave_open = 1;
    else ls->wave_failed = 1;
    ls->wave_model = ls->wave_open && ls->dut.set_model;
  }
  if (ls->wave_open && ls->cycles >= ls->wave_to) wave_close(ls);
}

int lockstep_set_deep(lockstep_t *ls) {
  tlb_entry_t e;
  if (!lockstep_has_dut(ls) || !ls->dut.tlb_entry || ls->dut.tlb_entry(ls->dut.ctx, 0, &e)) return -1;
  ls->deep = 1;
  return 0;
}

static uint32_t add_diff(lockstep_diff_t *d, uint32_t n, const char *name, uint64_t rtl, uint64_t model) {
  if (n < LOCKSTEP_MAX_DIFFS) {
    snprintf(d[n].port, sizeof d[n].port, "%s", name);
    d[n].rtl = rtl;
    d[n].model = model;
  }
  return n + 1;
}

/* The TLB as the edge left it, entry by entry, then the LRU ages. */
static uint32_t deep_compare(lockstep_t *ls, lockstep_diff_t *diff) {
  const tlb_t *t = &ls->model->tlb;
  uint32_t n = 0;
  char name[32];
  for (uint32_t i = 0; i < t->entries; i++) {
    const tlb_entry_t *m = &t->e[i];
    tlb_entry_t r;
    if (ls->dut.tlb_entry(ls->dut.ctx, i, &r)) continue;
#define FIELD(f)                                            \
  if (r.f != m->f) {                                        \
    snprintf(name, sizeof name, "tlb[%" PRIu32 "]." #f, i); \
    n = add_diff(diff, n, name, r.f, m->f);                 \
  }
    FIELD(valid)
    if (r.valid && m->valid) {
      FIELD(level)
      FIELD(perm)
      FIELD(asid)
      FIELD(vpn)
      FIELD(ppn)
    }
#undef FIELD
  }
  if (t->repl.policy == REPL_LRU && ls->dut.tlb_age)
    for (uint32_t s = 0; s < t->sets; s++)
      for (uint32_t w = 0; w < t->ways; w++) {
        int a = ls->dut.tlb_age(ls->dut.ctx, s, w);
        uint32_t want = t->repl.age[s * t->ways + w];
        if (a >= 0 && (uint32_t)a != want) {
          snprintf(name, sizeof name, "tlb_age[%" PRIu32 "][%" PRIu32 "]", s, w);
          n = add_diff(diff, n, name, (uint64_t)a, want);
        }
      }
  return n;
}

void lockstep_tag(lockstep_t *ls, uint32_t line, uint32_t pid) {
  ls->tag_line = line;
  ls->tag_pid = pid;
}

static lockstep_event_t *ev_push(lockstep_t *ls, lockstep_ev_kind_t kind) {
  lockstep_event_t *e = &ls->ev[ls->nev++ % LOCKSTEP_EVENTS];
  memset(e, 0, sizeof *e);
  e->kind = (uint8_t)kind;
  e->cycle = ls->cycles;
  return e;
}

void lockstep_note(lockstep_t *ls, const char *text, uint64_t a, uint64_t b) {
  lockstep_event_t *e = ev_push(ls, LOCKSTEP_EV_NOTE);
  snprintf(e->text, sizeof e->text, "%s", text);
  e->a = a;
  e->b = b;
}

/* The events of one cycle: out is its outputs, in the inputs of its edge. */
static void ev_log(lockstep_t *ls, const mmu_in_t *in, const mmu_out_t *out) {
  if (out->resp_valid && ls->pending && ls->nev - (ls->pending - 1u) <= LOCKSTEP_EVENTS) {
    lockstep_event_t *q = &ls->ev[(ls->pending - 1u) % LOCKSTEP_EVENTS];
    q->done = 1;
    q->latency = ls->cycles - q->cycle;
    q->cause = out->resp_fault ? out->resp_cause : 0u;
    q->b = out->resp_paddr;
  }
  if (out->resp_valid) ls->pending = 0;
  if (in->req_valid && out->req_ready) {
    lockstep_event_t *e = ev_push(ls, LOCKSTEP_EV_REQ);
    e->op = in->req_op;
    e->a = in->req_vaddr;
    e->line = ls->tag_line;
    e->pid = ls->tag_pid;
    ls->pending = ls->nev;
  }
  if (in->satp_we) ev_push(ls, LOCKSTEP_EV_SATP)->a = in->satp_wdata;
  if (in->sfence_valid) {
    lockstep_event_t *e = ev_push(ls, LOCKSTEP_EV_SFENCE);
    e->has_va = in->sfence_has_va;
    e->has_asid = in->sfence_has_asid;
    e->a = in->sfence_vaddr;
    e->b = in->sfence_asid;
  }
  if (in->flush) ev_push(ls, LOCKSTEP_EV_FLUSH);
}

void lockstep_step(lockstep_t *ls, const mmu_in_t *in, mmu_out_t *out) {
  wave_tick(ls);
  mmu_step(ls->model, in, out);
  ev_log(ls, in, out);
  if (lockstep_has_dut(ls)) {
    mmu_out_t r;
    if (ls->wave_open && ls->dut.set_model) ls->dut.set_model(ls->dut.ctx, out);   /* for the waveform */
    ls->dut.step(ls->dut.ctx, in, &r);
    ls->compared++;
    if (!ls->mismatch) {
      uint32_t n = ports_same(&r, out) ? 0 : lockstep_compare(&r, out, ls->diff, LOCKSTEP_MAX_DIFFS);
      if (!n && ls->deep) n = deep_compare(ls, ls->diff);
      if (n) {
        ls->mismatch = 1;
        ls->mismatch_cycle = ls->cycles;
        ls->mismatch_in = *in;
        ls->ndiff = n < LOCKSTEP_MAX_DIFFS ? n : LOCKSTEP_MAX_DIFFS;
      }
    }
  }
  ls->cycles++;
}

int lockstep_stop(const lockstep_t *ls) {
  if (!ls->mismatch) return 0;
  return !ls->wave_path || ls->cycles >= ls->wave_to;
}

void lockstep_finish_wave(lockstep_t *ls) {
  mmu_in_t idle;
  mmu_out_t out;
  mmu_in_idle(&idle);
  while (ls->wave_open && ls->cycles < ls->wave_to) lockstep_step(ls, &idle, &out);
  wave_tick(ls);
}

uint64_t lockstep_mem_read64(const lockstep_t *ls, uint64_t pa) { return mmu_mem_read64(ls->model, pa); }

void lockstep_mem_write64(lockstep_t *ls, uint64_t pa, uint64_t value) {
  mmu_mem_write64(ls->model, pa, value);
  if (lockstep_has_dut(ls)) ls->dut.mem_write64(ls->dut.ctx, pa, value);
}
