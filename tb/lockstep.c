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
  PORT("req_ready_o", req_ready),
  PORT("resp_valid_o", resp_valid),
  PORT("resp_fault_o", resp_fault),
  PORT("resp_cause_o", resp_cause),
  PORT("resp_tval_o", resp_tval),
  PORT("resp_paddr_o", resp_paddr),
  PORT("resp_tlb_hit_o", resp_tlb_hit),
  PORT("resp_level_o", resp_level),
  PORT("resp_rdata_o", resp_rdata),
  PORT("mem_valid_o", mem_valid),
  PORT("mem_we_o", mem_we),
  PORT("mem_addr_o", mem_addr),
  PORT("mem_wdata_o", mem_wdata),
};

static uint64_t port_value(const mmu_out_t *o, const port_t *p) {
  const unsigned char *b = (const unsigned char *)o + p->off;
  if (p->size == 1) return *b;
  uint64_t v;
  memcpy(&v, b, sizeof v);
  return v;
}

uint32_t lockstep_compare(const mmu_out_t *rtl, const mmu_out_t *model, lockstep_diff_t *diff,
                          uint32_t max) {
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
#define FIELD(f) if (r.f != m->f) { snprintf(name, sizeof name, "tlb[%" PRIu32 "]." #f, i); \
                                   n = add_diff(diff, n, name, r.f, m->f); }
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

void lockstep_step(lockstep_t *ls, const mmu_in_t *in, mmu_out_t *out) {
  wave_tick(ls);
  mmu_step(ls->model, in, out);
  if (lockstep_has_dut(ls)) {
    mmu_out_t r;
    ls->dut.step(ls->dut.ctx, in, &r);
    ls->compared++;
    if (!ls->mismatch) {
      uint32_t n = lockstep_compare(&r, out, ls->diff, LOCKSTEP_MAX_DIFFS);
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

uint64_t lockstep_mem_read64(const lockstep_t *ls, uint64_t pa) { return mmu_mem_read64(ls->model, pa); }

void lockstep_mem_write64(lockstep_t *ls, uint64_t pa, uint64_t value) {
  mmu_mem_write64(ls->model, pa, value);
  if (lockstep_has_dut(ls)) ls->dut.mem_write64(ls->dut.ctx, pa, value);
}
