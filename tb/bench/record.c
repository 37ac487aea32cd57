/*
** record.c -- the recording dut (see record.h): write, then forward.
** Idle cycles are counted and written as one I line when something else
** comes, since most cycles of a run wait for the caches.
*/
#include <string.h>
#include "record.h"

static void flush_idle(record_t *r) {
  if (!r->idle) return;
  stim_put_idle(r->f, r->idle);
  r->idle = 0;
}

static int outside(const record_t *r, uint64_t pa) {
  return pa < r->ram_base || (pa - r->ram_base) / 8u >= r->ram_words;
}

static void step(void *ctx, const mmu_in_t *in, mmu_out_t *out) {
  record_t *r = ctx;
  if (stim_in_is_idle(in)) {
    r->idle++;
  } else {
    flush_idle(r);
    stim_put_cycle(r->f, in);
  }
  r->inner.step(r->inner.ctx, in, out);
  r->sum.cycles++;
  if (out->resp_valid) r->sum.responses++;
  r->sum.digest = stim_digest(r->sum.digest, out);
  if (out->mem_valid && outside(r, out->mem_addr)) r->outside++;
}

static uint64_t mem_read64(void *ctx, uint64_t pa) {
  record_t *r = ctx;
  return r->inner.mem_read64(r->inner.ctx, pa);
}

static void mem_write64(void *ctx, uint64_t pa, uint64_t value) {
  record_t *r = ctx;
  flush_idle(r);
  stim_put_write(r->f, pa, value);
  r->sum.writes++;
  if (outside(r, pa)) r->outside++;
  r->inner.mem_write64(r->inner.ctx, pa, value);
}

static int wave_open(void *ctx, const char *path) {
  record_t *r = ctx;
  return r->inner.wave_open ? r->inner.wave_open(r->inner.ctx, path) : -1;
}

static void wave_close(void *ctx) {
  record_t *r = ctx;
  if (r->inner.wave_close) r->inner.wave_close(r->inner.ctx);
}

static void inner_free(void *ctx) {
  record_t *r = ctx;
  if (r->inner.free) r->inner.free(r->inner.ctx);
  memset(&r->inner, 0, sizeof r->inner);
}

int record_open(record_t *r, const char *path, const dut_t *inner, const mmu_config_t *cfg, uint64_t ram_base,
                uint64_t ram_words) {
  memset(r, 0, sizeof *r);
  r->f = fopen(path, "w");
  if (!r->f) return -1;
  r->inner = *inner;
  r->ram_base = ram_base;
  r->ram_words = ram_words;
  r->sum.digest = STIM_DIGEST0;
  stim_put_header(r->f, cfg, ram_base, ram_words);
  return 0;
}

void record_bind(record_t *r, dut_t *d) {
  memset(d, 0, sizeof *d);
  d->ctx = r;
  d->step = step;
  d->mem_read64 = mem_read64;
  d->mem_write64 = mem_write64;
  d->wave_open = wave_open;
  d->wave_close = wave_close;
  d->free = inner_free;
}

int record_close(record_t *r) {
  if (!r->f) return -1;
  flush_idle(r);
  stim_put_end(r->f, &r->sum);
  int bad = ferror(r->f);
  bad |= fclose(r->f);
  r->f = NULL;
  return bad ? -1 : 0;
}
