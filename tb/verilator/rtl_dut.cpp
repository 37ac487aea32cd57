// rtl_dut.cpp -- Verilator shim: rtl/mmu_top.sv stepped one cycle per call, like mmu_step.
// C++ only where Verilator makes it so (examples/make_tracing_c/sim_main.cpp manner):
// a VerilatedContext, the model, eval() per clock phase; the memory is the C physmem_t.
#include "rtl_dut_impl.h"

// Why cfg cannot run on this build, or nullptr.
extern "C" const char *rtl_dut_config_diff(const mmu_config_t *c) {
  if (c->tlb_entries != RTL_TLB_ENTRIES) return "tlb_entries";
  if (c->tlb_ways != RTL_TLB_WAYS) return "tlb_ways";
  if ((int)c->tlb_policy != RTL_TLB_POLICY) return "tlb_policy";
  // the seed only matters to random replacement; the register keeps its low 16 bits
  if (c->tlb_policy == REPL_RANDOM && (c->seed & 0xffffu) != (RTL_SEED & 0xffffu)) return "seed";
  const uint32_t size[3] = { RTL_L1_SIZE, RTL_L2_SIZE, RTL_L3_SIZE };
  const uint32_t ways[3] = { RTL_L1_WAYS, RTL_L2_WAYS, RTL_L3_WAYS };
  const uint32_t lat[3] = { RTL_L1_LAT, RTL_L2_LAT, RTL_L3_LAT };
  for (int i = 0; i < 3; i++) {
    if (c->cache.level[i].size != size[i]) return "cache level size";
    if (c->cache.level[i].ways != ways[i]) return "cache level ways";
    if (c->cache.level[i].latency != lat[i]) return "cache level latency";
  }
  if (c->cache.line != RTL_LINE) return "cache line";
  if (c->cache.dram_latency != RTL_DRAM_LAT) return "dram latency";
  if ((int)c->cache.policy != RTL_CACHE_POLICY) return "cache policy";
  if (c->mem_base != RTL_MEM_BASE) return "mem_base";
  if (c->mem_size != RTL_MEM_SIZE) return "mem_size";
  if (c->lookup_cycles != RTL_LOOKUP_CYCLES) return "lookup_cycles";
  if (c->tlb_ram != RTL_TLB_RAM) return "tlb_ram";
  return nullptr;
}

extern "C" void rtl_dut_config(mmu_config_t *c) {
  mmu_config_default(c);
  c->tlb_entries = RTL_TLB_ENTRIES;
  c->tlb_ways = RTL_TLB_WAYS;
  c->tlb_policy = (repl_policy_t)RTL_TLB_POLICY;
  c->seed = RTL_SEED;
  const uint32_t size[3] = { RTL_L1_SIZE, RTL_L2_SIZE, RTL_L3_SIZE };
  const uint32_t ways[3] = { RTL_L1_WAYS, RTL_L2_WAYS, RTL_L3_WAYS };
  const uint32_t lat[3] = { RTL_L1_LAT, RTL_L2_LAT, RTL_L3_LAT };
  for (int i = 0; i < 3; i++) {
    c->cache.level[i].size = size[i];
    c->cache.level[i].ways = ways[i];
    c->cache.level[i].latency = lat[i];
  }
  c->cache.line = RTL_LINE;
  c->cache.dram_latency = RTL_DRAM_LAT;
  c->cache.policy = (repl_policy_t)RTL_CACHE_POLICY;
  c->mem_base = RTL_MEM_BASE;
  c->mem_size = RTL_MEM_SIZE;
  c->lookup_cycles = RTL_LOOKUP_CYCLES;
  c->tlb_ram = RTL_TLB_RAM;
}

// The ports of mmu_top as the model's mmu_out_t, read after the falling phase's eval.
static void read_outputs(const rtl_vtop_t *t, mmu_out_t *out) {
  out->req_ready = t->req_ready_o;
  out->resp_valid = t->resp_valid_o;
  out->resp_fault = t->resp_fault_o;
  out->resp_cause = t->resp_cause_o;
  out->resp_tlb_hit = t->resp_tlb_hit_o;
  out->resp_level = t->resp_level_o;
  out->resp_paddr = t->resp_paddr_o;
  out->resp_tval = t->resp_tval_o;
  out->resp_rdata = t->resp_rdata_o;
  out->mem_valid = t->mem_valid_o;
  out->mem_we = t->mem_we_o;
  out->mem_addr = t->mem_addr_o;
  out->mem_wdata = t->mem_wdata_o;
}

#if VM_TRACE
static void flush_rise(rtl_dut_t *d);

static void close_wave(rtl_dut_t *d) {
  if (!d->tfp) return;
  flush_rise(d);
  d->tfp->close();
  delete d->tfp;
  d->tfp = nullptr;
#if RTL_MODEL_SCOPE
  d->model_on = 0;
#endif
  fst_strip_date(d->wave_path.c_str());   // tb/fst_date.h: a reproducible waveform
}
#endif

#if RTL_MODEL_SCOPE
// TOP.mmu_model (tb/verilator/mmu_model.sv): the C model's outputs beside the RTL's, written
// through rootp.  They change where the RTL's do, at the rising edge that starts their cycle:
// the dump of the edge ending cycle c (time 2c+1) waits for the model's outputs of c+1, the
// next rtl_dut_set_model.  `mismatch` is the lockstep's port compare of cycle c, from its
// sample (clock low, time 2c) on.
static void model_drive(rtl_dut_t *d) {
  auto *r = d->top->rootp;
  const mmu_out_t *m = &d->model;
  r->mmu_model__DOT__req_ready_o = m->req_ready;
  r->mmu_model__DOT__resp_valid_o = m->resp_valid;
  r->mmu_model__DOT__resp_fault_o = m->resp_fault;
  r->mmu_model__DOT__resp_cause_o = m->resp_cause;
  r->mmu_model__DOT__resp_tval_o = m->resp_tval;
  r->mmu_model__DOT__resp_paddr_o = m->resp_paddr;
  r->mmu_model__DOT__resp_tlb_hit_o = m->resp_tlb_hit;
  r->mmu_model__DOT__resp_level_o = m->resp_level;
  r->mmu_model__DOT__resp_rdata_o = m->resp_rdata;
  r->mmu_model__DOT__mem_valid_o = m->mem_valid;
  r->mmu_model__DOT__mem_we_o = m->mem_we;
  r->mmu_model__DOT__mem_addr_o = m->mem_addr;
  r->mmu_model__DOT__mem_wdata_o = m->mem_wdata;
}

static void model_mark(rtl_dut_t *d) {
  mmu_out_t r;
  read_outputs(d->top, &r);
  // the lockstep's own port table, so the marker and the report never disagree on a port
  d->top->rootp->mmu_model__DOT__mismatch = lockstep_compare(&r, &d->model, nullptr, 0) != 0;
}
#endif

// The waiting dump of the last rising edge (time 2c-1, c = d->cycles), with mem_rdata_i as
// the edge saw it: the RTL's side of the waveform is the same with or without the model.
static void flush_rise(rtl_dut_t *d) {
#if RTL_MODEL_SCOPE && VM_TRACE
  if (!d->rise_pending) return;
  d->rise_pending = 0;
  const uint64_t rdata = d->top->mem_rdata_i;
  d->top->mem_rdata_i = d->rise_rdata;
  d->tfp->dump(2 * d->cycles - 1);
  d->top->mem_rdata_i = rdata;
#else
  (void)d;
#endif
}

// One clock: falling phase (inputs applied, outputs settle), then the rising edge.
static void tick(rtl_dut_t *d) {
  d->top->clk_i = 0;
  d->top->eval();
#if VM_TRACE
#if RTL_MODEL_SCOPE
  if (d->model_on) model_mark(d);
#endif
  if (d->tfp) d->tfp->dump(2 * d->cycles);
#endif
}

static void rise(rtl_dut_t *d) {
  d->top->clk_i = 1;
  d->top->eval();
#if VM_TRACE
#if RTL_MODEL_SCOPE
  if (d->tfp && d->model_on) {
    d->rise_pending = 1;
    d->rise_rdata = d->top->mem_rdata_i;
    return;
  }
#endif
  if (d->tfp) d->tfp->dump(2 * d->cycles + 1);
#endif
}

// The ports of mmu_in_t (bug_i and mut_sel_i are driven by rtl_dut_set_bug and rtl_dut_new).
static void set_inputs(rtl_dut_t *d, const mmu_in_t *in) {
  rtl_vtop_t *t = d->top;
  t->req_valid_i = in->req_valid;
  t->req_op_i = in->req_op & 3u;
  t->req_priv_i = in->req_priv & 1u;
  t->req_vaddr_i = in->req_vaddr;
  t->req_wdata_i = in->req_wdata;
  t->csr_sum_i = in->csr_sum & 1u;
  t->csr_mxr_i = in->csr_mxr & 1u;
  t->csr_adue_i = in->csr_adue & 1u;
  t->satp_we_i = in->satp_we & 1u;
  t->satp_wdata_i = in->satp_wdata;
  t->sfence_valid_i = in->sfence_valid & 1u;
  t->sfence_has_va_i = in->sfence_has_va & 1u;
  t->sfence_vaddr_i = in->sfence_vaddr;
  t->sfence_has_asid_i = in->sfence_has_asid & 1u;
  t->sfence_asid_i = in->sfence_asid;
  t->flush_i = in->flush & 1u;
  t->mem_stall_i = in->mem_stall & 1u;
}

extern "C" rtl_dut_t *rtl_dut_new(const mmu_config_t *cfg, const char *wave_path, uint64_t rand_reset_seed) {
  const char *why = rtl_dut_config_diff(cfg);
  if (why) {
    std::fprintf(stderr,
                 "rtl_dut: configuration differs from the verilated RTL in %s "
                 "(rebuild with the matching RTL_* variables of verilator.mk)\n",
                 why);
    return nullptr;
  }
#if !VM_TRACE
  if (wave_path) {
    std::fprintf(stderr, "rtl_dut: waveforms need a build with RTL_TRACE=1\n");
    return nullptr;
  }
#endif
  rtl_dut_t *d = new rtl_dut_t();
  if (physmem_init(&d->mem, cfg->mem_base, cfg->mem_size)) {
    delete d;
    return nullptr;
  }
  d->ctx = new VerilatedContext;
  // Before the model exists: its constructor draws the initial values of every flop
  // and memory (verilated with --x-initial unique).
  if (rand_reset_seed) {
    d->ctx->randReset(2);
    d->ctx->randSeed((int)(rand_reset_seed ^ (rand_reset_seed >> 32)) | 1);
  } else {
    d->ctx->randReset(0);
  }
#if VM_TRACE
  d->tfp = nullptr;
  // always: a waveform may be opened later (the replay after a mismatch); until
  // then no trace file is open and dumping costs nothing
  d->ctx->traceEverOn(true);
#endif
  d->top = new rtl_vtop_t{ d->ctx, "TOP" };
#if VM_TRACE
  if (wave_path) {
    d->tfp = new VerilatedFstC;
    d->top->trace(d->tfp, 99);
    d->tfp->open(wave_path);
    d->wave_path = wave_path;
  }
#endif
  // ports a random reset may have drawn too: no bug until rtl_dut_set_bug; the mutant of the
  // whole run, which scripts/mutants.sh selects for every tool that makes a DUT
#if RTL_BUGS
  d->top->bug_i = 0;
#endif
#if RTL_MUTANTS
  const char *mut = std::getenv("MMULAB_MUTANT");
  d->top->mut_sel_i = mut ? (uint32_t)std::strtoul(mut, nullptr, 10) : 0u;
#endif
  mmu_in_t idle;
  mmu_in_idle(&idle);
  set_inputs(d, &idle);
  d->last_in = idle;
  d->top->mem_rdata_i = 0;
  d->top->rst_ni = 0;
  for (int i = 0; i < RTL_RESET_CYCLES; i++) {   // synchronous reset: needs edges
    tick(d);
    rise(d);
  }
  d->top->rst_ni = 1;
  d->cycles = 0;
  return d;
}

extern "C" void rtl_dut_step(rtl_dut_t *d, const mmu_in_t *in, mmu_out_t *out) {
  rtl_vtop_t *t = d->top;
  flush_rise(d);   // when no rtl_dut_set_model came since the last edge
  // the ports keep what was written last: most cycles repeat the last one's inputs (idle runs)
  if (std::memcmp(in, &d->last_in, sizeof *in)) {
    set_inputs(d, in);
    d->last_in = *in;
  }
  tick(d);
  // outputs of this cycle: they depend on the state (and the RAM's read register) only
  read_outputs(t, out);
  // the synchronous RAM: the request of this cycle is done at the edge
  uint64_t rdata = 0;
  if (out->mem_valid) {
    if (out->mem_we) physmem_write64(&d->mem, out->mem_addr, out->mem_wdata);
    else rdata = physmem_read64(&d->mem, out->mem_addr);
  }
  rise(d);
  t->mem_rdata_i = rdata;   // seen from the next cycle on
  d->cycles++;
}

extern "C" uint64_t rtl_dut_mem_read64(const rtl_dut_t *d, uint64_t pa) {
  return physmem_read64(&d->mem, pa);
}

extern "C" void rtl_dut_mem_write64(rtl_dut_t *d, uint64_t pa, uint64_t value) {
  physmem_write64(&d->mem, pa, value);
}

extern "C" int rtl_dut_wave_open(rtl_dut_t *d, const char *path) {
#if VM_TRACE
  if (d->tfp) return -1;
  d->tfp = new VerilatedFstC;
  d->top->trace(d->tfp, 99);
  d->tfp->open(path);
  if (!d->tfp->isOpen()) {
    delete d->tfp;
    d->tfp = nullptr;
    return -1;
  }
  d->wave_path = path;
  return 0;
#else
  (void)d;
  (void)path;
  return -1;
#endif
}

extern "C" void rtl_dut_wave_close(rtl_dut_t *d) {
#if VM_TRACE
  close_wave(d);
#else
  (void)d;
#endif
}

extern "C" void rtl_dut_set_model(rtl_dut_t *d, const mmu_out_t *model) {
#if RTL_MODEL_SCOPE && VM_TRACE
  d->model = *model;
  model_drive(d);
  d->model_on = 1;
  flush_rise(d);
#else
  (void)d;
  (void)model;
#endif
}

extern "C" int rtl_dut_has_model_scope(void) { return RTL_MODEL_SCOPE && VM_TRACE; }

extern "C" int rtl_dut_set_bug(rtl_dut_t *d, uint32_t bug) {
  if (bug && !RTL_BUGS) return -1;
#if RTL_BUGS
  d->top->bug_i = bug;
#else
  (void)d;
#endif
  return 0;
}

extern "C" int rtl_dut_has_bugs(void) { return RTL_BUGS; }

#if VM_COVERAGE
// A build verilated with --coverage (make coverage) writes the line and toggle counts of
// each instance, when it is freed, to $MMULAB_VLCOV-N.dat (N counts the instances of this
// process); verilator_coverage merges the files.  Without MMULAB_VLCOV nothing is written.
static void write_coverage(rtl_dut_t *d) {
  static unsigned n;
  const char *prefix = std::getenv("MMULAB_VLCOV");
  if (!prefix || !*prefix) return;
  std::string path = std::string(prefix) + "-" + std::to_string(n++) + ".dat";
  d->ctx->coveragep()->write(path.c_str());
}
#endif

extern "C" void rtl_dut_free(rtl_dut_t *d) {
  if (!d) return;
  d->top->final();
#if VM_TRACE
  close_wave(d);
#endif
#if VM_COVERAGE
  write_coverage(d);
#endif
  delete d->top;
  delete d->ctx;
  physmem_free(&d->mem);
  delete d;
}
