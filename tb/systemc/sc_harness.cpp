// sc_harness.cpp -- the Verilated RTL, its RAM and its signals, stepped by sc_start (sc_harness.h).
// Cycle c: inputs written and clk low for 1 ns (the RAM drives the last read's data, the
// RTL's outputs settle: they depend on its state only), outputs read, clk high for 1 ns
// (the RTL and the RAM see the rising edge).
#include "sc_harness.h"
#include <cstdio>
#include <cstring>
#include "verilated.h"
#include "verilated_fst_c.h"
#include "Vmmu_top___024root.h"
#include "verilator/tlb_deep_read.h"
extern "C" {
#include "fst_date.h"
#include "mmu_params.h"
}

static const int kResetCycles = 4;   // rst_ni low this many edges, as tb/verilator/rtl_dut.cpp
// the default build (cmodel/mmu_params.h): true LRU, age fields of log2(ways) bits
static_assert(MMU_DEFAULT_TLB_POLICY == 0, "sc_harness_tlb_age reads true-LRU ages");
static const uint32_t kTlbEntries = MMU_DEFAULT_TLB_ENTRIES, kTlbWays = MMU_DEFAULT_TLB_WAYS;
static const uint32_t kAgeBits = kTlbWays <= 2 ? 1 : 32u - (uint32_t)__builtin_clz(kTlbWays - 1u);

void sc_ram::edge() {
  uint64_t r = 0;
  if (valid_i.read()) {
    if (we_i.read()) physmem_write64(mem, addr_i.read(), wdata_i.read());
    else r = physmem_read64(mem, addr_i.read());
  }
  rdata_q = r;
}

sc_harness::sc_harness(const mmu_config_t *cfg) : rtl("TOP"), ram("ram") {
  mem_ok = physmem_init(&mem, cfg->mem_base, cfg->mem_size) == 0;
  ram.mem = &mem;
  rtl.clk_i(clk);
  rtl.rst_ni(rst_n);
  rtl.req_valid_i(req_valid);
  rtl.req_op_i(req_op);
  rtl.req_priv_i(req_priv);
  rtl.req_vaddr_i(req_vaddr);
  rtl.req_wdata_i(req_wdata);
  rtl.csr_sum_i(csr_sum);
  rtl.csr_mxr_i(csr_mxr);
  rtl.csr_adue_i(csr_adue);
  rtl.satp_we_i(satp_we);
  rtl.satp_wdata_i(satp_wdata);
  rtl.sfence_valid_i(sfence_valid);
  rtl.sfence_has_va_i(sfence_has_va);
  rtl.sfence_vaddr_i(sfence_vaddr);
  rtl.sfence_has_asid_i(sfence_has_asid);
  rtl.sfence_asid_i(sfence_asid);
  rtl.flush_i(flush);
  rtl.mem_stall_i(mem_stall);
  rtl.req_ready_o(req_ready);
  rtl.resp_valid_o(resp_valid);
  rtl.resp_fault_o(resp_fault);
  rtl.resp_cause_o(resp_cause);
  rtl.resp_tval_o(resp_tval);
  rtl.resp_paddr_o(resp_paddr);
  rtl.resp_tlb_hit_o(resp_tlb_hit);
  rtl.resp_level_o(resp_level);
  rtl.resp_rdata_o(resp_rdata);
  rtl.mem_valid_o(mem_valid);
  rtl.mem_we_o(mem_we);
  rtl.mem_addr_o(mem_addr);
  rtl.mem_wdata_o(mem_wdata);
  rtl.mem_rdata_i(mem_rdata);
#if RTL_BUGS
  rtl.bug_i(bug);
#endif
  ram.clk_i(clk);
  ram.valid_i(mem_valid);
  ram.we_i(mem_we);
  ram.addr_i(mem_addr);
  ram.wdata_i(mem_wdata);
  ram.rdata_o(mem_rdata);
}

sc_harness::~sc_harness() {
  sc_harness_wave_close(this);
  if (mem_ok) physmem_free(&mem);
}

static void drive(sc_harness *h, const mmu_in_t *in) {
  h->req_valid.write(in->req_valid & 1u);
  h->req_op.write(in->req_op & 3u);
  h->req_priv.write(in->req_priv & 1u);
  h->req_vaddr.write(in->req_vaddr);
  h->req_wdata.write(in->req_wdata);
  h->csr_sum.write(in->csr_sum & 1u);
  h->csr_mxr.write(in->csr_mxr & 1u);
  h->csr_adue.write(in->csr_adue & 1u);
  h->satp_we.write(in->satp_we & 1u);
  h->satp_wdata.write(in->satp_wdata);
  h->sfence_valid.write(in->sfence_valid & 1u);
  h->sfence_has_va.write(in->sfence_has_va & 1u);
  h->sfence_vaddr.write(in->sfence_vaddr);
  h->sfence_has_asid.write(in->sfence_has_asid & 1u);
  h->sfence_asid.write(in->sfence_asid);
  h->flush.write(in->flush & 1u);
  h->mem_stall.write(in->mem_stall & 1u);
}

// One phase: clk = level for 1 ns; the kernel runs every delta cycle the change causes.
static void phase(sc_harness *h, bool level) {
  h->clk.write(level);
  sc_core::sc_start(1, sc_core::SC_NS);
}

void sc_harness_reset(sc_harness *h) {
  mmu_in_t idle;
  mmu_in_idle(&idle);
  drive(h, &idle);
#if RTL_BUGS
  h->bug.write(0);   // reset as a fresh build: no bug (sc_glue sets it after)
#endif
  h->rst_n.write(false);
  for (int i = 0; i < kResetCycles; i++) {   // synchronous reset: needs edges
    phase(h, false);
    phase(h, true);
  }
  h->rst_n.write(true);
  h->ram.rdata_q = 0;   // the next cycle sees no read data, as after construction
  physmem_t fresh;
  if (physmem_init(&fresh, h->mem.base, h->mem.size) == 0) {   // all zero again
    physmem_free(&h->mem);
    h->mem = fresh;
  }
  h->cycles = 0;
}

void sc_harness_step(sc_harness *h, const mmu_in_t *in, mmu_out_t *out) {
  drive(h, in);
  phase(h, false);
  if (h->fst) h->fst->dump(2 * h->cycles);
  out->req_ready = h->req_ready.read();
  out->resp_valid = h->resp_valid.read();
  out->resp_fault = h->resp_fault.read();
  out->resp_cause = (uint8_t)h->resp_cause.read();
  out->resp_tlb_hit = h->resp_tlb_hit.read();
  out->resp_level = (uint8_t)h->resp_level.read();
  out->resp_paddr = h->resp_paddr.read();
  out->resp_tval = h->resp_tval.read();
  out->resp_rdata = h->resp_rdata.read();
  out->mem_valid = h->mem_valid.read();
  out->mem_we = h->mem_we.read();
  out->mem_addr = h->mem_addr.read();
  out->mem_wdata = h->mem_wdata.read();
  phase(h, true);
  if (h->fst) h->fst->dump(2 * h->cycles + 1);
  h->cycles++;
}

int sc_harness_wave_open(sc_harness *h, const char *path) {
  if (h->fst) return -1;
  h->fst = new VerilatedFstC;
  h->rtl.trace(h->fst, 99);
  h->fst->open(path);
  if (!h->fst->isOpen()) {
    delete h->fst;
    h->fst = nullptr;
    return -1;
  }
  h->fst_path = path;
  return 0;
}

void sc_harness_wave_close(sc_harness *h) {
  if (!h->fst) return;
  h->fst->close();
  delete h->fst;
  h->fst = nullptr;
  fst_strip_date(h->fst_path.c_str());   // tb/fst_date.h: a reproducible waveform
}

int sc_harness_tlb_entry(const sc_harness *h, uint32_t idx, tlb_entry_t *e) {
  if (idx >= kTlbEntries) return -1;
  vl_tlb_entry(h->rtl.rootp, idx, e);
  return 0;
}

int sc_harness_tlb_age(const sc_harness *h, uint32_t set, uint32_t way) {
  if (set >= kTlbEntries / kTlbWays || way >= kTlbWays) return -1;
  return vl_tlb_age(h->rtl.rootp, set, way, kAgeBits);
}
