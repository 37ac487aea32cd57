// sc_glue.cpp -- the SystemC harness (sc_harness.h) as the dut of tb/dut.h: dut_rtl_open
// for build/systemc/mmulab-sc, which is mmulab's main, runner, lockstep and report linked
// with this file instead of tb/verilator/rtl_glue.c.  step() is one sc_harness_step.
//
// SystemC builds its module hierarchy once, before the first sc_start, and cannot add or
// delete modules afterwards; mmulab opens a dut more than once in a process (the replay
// after a mismatch, translate mode).  So the process has one harness, made by the first
// open and reset (rst_ni, memory cleared) at every later one: the only file-scope state,
// because the SystemC kernel itself is process-wide.
#include <cstdio>
#include "sc_harness.h"
#include "verilated.h"
extern "C" {
#include "dut.h"
}

static sc_harness *g_harness;   // the one harness of this process (see above)
static bool g_in_use;

static void step(void *ctx, const mmu_in_t *in, mmu_out_t *out) {
  sc_harness_step(static_cast<sc_harness *>(ctx), in, out);
}
static uint64_t mem_read64(void *ctx, uint64_t pa) {
  return physmem_read64(&static_cast<sc_harness *>(ctx)->mem, pa);
}
static void mem_write64(void *ctx, uint64_t pa, uint64_t v) {
  physmem_write64(&static_cast<sc_harness *>(ctx)->mem, pa, v);
}
static int wave_open(void *ctx, const char *path) {
  return sc_harness_wave_open(static_cast<sc_harness *>(ctx), path);
}
static void wave_close(void *ctx) { sc_harness_wave_close(static_cast<sc_harness *>(ctx)); }
static int tlb_entry(void *ctx, uint32_t idx, tlb_entry_t *e) {
  return sc_harness_tlb_entry(static_cast<sc_harness *>(ctx), idx, e);
}
static int tlb_age(void *ctx, uint32_t set, uint32_t way) {
  return sc_harness_tlb_age(static_cast<sc_harness *>(ctx), set, way);
}
static void dut_free(void *ctx) {
  sc_harness_wave_close(static_cast<sc_harness *>(ctx));
  g_in_use = false;   // kept for the next open: modules cannot be deleted mid-simulation
}

// The default RTL build's parameters are mmu_config_default's (rtl/mmu_top.sv defaults).
static const char *config_diff(const mmu_config_t *c) {
  mmu_config_t d;
  mmu_config_default(&d);
  if (c->tlb_entries != d.tlb_entries) return "tlb_entries";
  if (c->tlb_ways != d.tlb_ways) return "tlb_ways";
  if (c->tlb_policy != d.tlb_policy) return "tlb_policy";
  for (uint32_t i = 0; i < CACHE_LEVELS; i++) {
    if (c->cache.level[i].size != d.cache.level[i].size) return "cache level size";
    if (c->cache.level[i].ways != d.cache.level[i].ways) return "cache level ways";
    if (c->cache.level[i].latency != d.cache.level[i].latency) return "cache level latency";
  }
  if (c->cache.line != d.cache.line) return "cache line";
  if (c->cache.dram_latency != d.cache.dram_latency) return "dram latency";
  if (c->cache.policy != d.cache.policy) return "cache policy";
  if (c->mem_base != d.mem_base) return "mem_base";
  if (c->lookup_cycles != d.lookup_cycles) return "lookup_cycles";
  if (c->tlb_ram != d.tlb_ram) return "tlb_ram";
  if (c->mem_size != d.mem_size) return "mem_size";
  return nullptr;
}

extern "C" int dut_rtl_open(dut_t *d, const mmu_config_t *cfg, const dut_rtl_opts_t *o, char *err,
                            size_t errlen) {
  const char *diff = config_diff(cfg);
  if (diff) {
    std::snprintf(err, errlen, "the SystemC harness's RTL is the default build: %s differs", diff);
    return -1;
  }
  if (o->bug && !RTL_BUGS) {
    std::snprintf(err, errlen,
                  "--rtl-bug %u: this harness's RTL has no deliberate bugs; use build/systemc/mmulab-sc-bugs",
                  (unsigned)o->bug);
    return -1;
  }
  if (g_in_use) {
    std::snprintf(err, errlen, "the SystemC harness is already in use in this process");
    return -1;
  }
  if (!g_harness) {
    // before the model exists: its constructor draws every flop's initial value
    Verilated::randReset(o->rand_reset_seed ? 2 : 0);
    if (o->rand_reset_seed) Verilated::randSeed((int)(o->rand_reset_seed ^ (o->rand_reset_seed >> 32)) | 1);
    Verilated::traceEverOn(true);
    g_harness = new sc_harness(cfg);
  }
  if (!g_harness->mem_ok) {
    std::snprintf(err, errlen, "cannot build the SystemC harness: no memory for the RTL's physical memory");
    return -1;
  }
  // a later open with --rand-reset gets the flops the last run left, then the reset: the
  // random initial values are drawn once per process (docs/systemc.md)
  sc_harness_reset(g_harness);
#if RTL_BUGS
  g_harness->bug.write(o->bug);   // seen from the first cycle on
#endif
  g_in_use = true;
  *d = dut_t{};
  d->ctx = g_harness;
  d->step = step;
  d->mem_read64 = mem_read64;
  d->mem_write64 = mem_write64;
  d->wave_open = wave_open;
  d->wave_close = wave_close;
  d->free = dut_free;
  d->tlb_entry = tlb_entry;
  d->tlb_age = tlb_age;
  return 0;
}
