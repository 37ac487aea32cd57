// mmu_tlm.cpp -- the C model behind a TLM-2.0 target socket (mmu_tlm.h).
// b_transport: check the payload, run the request through the model as sim/runner.c does
// (offer until accepted, step idle until the response), annotate the cycles, forward the
// translated word to the memory socket or return the fault.
#include "mmu_tlm.h"
#include <cstring>
extern "C" {
#include "mmu_port.h"
#include "riscv.h"
}

using sc_core::sc_time;

mmu_tlm::mmu_tlm(sc_core::sc_module_name name, lockstep_t *ls, sc_time period)
    : sc_module(name), tgt("tgt"), mem("mem"), ls_(ls), period_(period) {
  tgt.register_b_transport(this, &mmu_tlm::b_transport);
  tgt.register_get_direct_mem_ptr(this, &mmu_tlm::get_direct_mem_ptr);
  // the longest request: LOOKUP, four PTEs, an A/D write and the data, each at most the
  // slowest level (sim/runner.c's bound)
  const cache_cfg_t &c = ls->model->cfg.cache;
  uint64_t slow = c.dram_latency;
  for (uint32_t i = 0; i < CACHE_LEVELS; i++)
    if (c.level[i].latency > slow) slow = c.level[i].latency;
  cycle_limit_ = 8u * slow + 16u;
}

// Offer *req until accepted, then step idle until the response (*out: that cycle).
int mmu_tlm::run(const mmu_in_t *req, mmu_out_t *out, uint64_t *cycles, uint64_t *latency) {
  uint64_t start = ls_->cycles, n = 0;
  do {
    lockstep_step(ls_, req, out);
    if (++n > cycle_limit_) return -1;
  } while (!out->req_ready);
  mmu_in_t idle;
  mmu_in_idle(&idle);
  n = 0;
  do {
    lockstep_step(ls_, &idle, out);
    if (++n > cycle_limit_) return -1;
  } while (!out->resp_valid);
  *latency = n;
  *cycles = ls_->cycles - start;
  return 0;
}

void mmu_tlm::b_transport(tlm::tlm_generic_payload &p, sc_time &delay) {
  mmu_tlm_ext *ext = nullptr;
  p.get_extension(ext);
  tlm::tlm_command cmd = p.get_command();
  if (cmd == tlm::TLM_IGNORE_COMMAND) {
    p.set_response_status(tlm::TLM_OK_RESPONSE);
    return;
  }
  if (p.get_data_length() != 8 || p.get_streaming_width() < 8) {
    p.set_response_status(tlm::TLM_BURST_ERROR_RESPONSE);
    return;
  }
  if (p.get_byte_enable_ptr()) {
    p.set_response_status(tlm::TLM_BYTE_ENABLE_ERROR_RESPONSE);
    return;
  }
  mmu_in_t in;
  mmu_in_idle(&in);
  in.req_valid = 1;
  in.req_op = cmd == tlm::TLM_WRITE_COMMAND ? MMU_OP_W : (ext && ext->fetch ? MMU_OP_X : MMU_OP_R);
  bool csr = ext && ext->use_csr;
  in.req_priv = csr ? ext->priv : priv;
  in.csr_sum = csr ? ext->sum : sum;
  in.csr_mxr = csr ? ext->mxr : mxr;
  in.csr_adue = csr ? ext->adue : adue;
  in.req_vaddr = p.get_address();
  if (in.req_op == MMU_OP_W) std::memcpy(&in.req_wdata, p.get_data_ptr(), 8);   // little-endian host
  mmu_out_t out;
  uint64_t cycles = 0, latency = 0;
  if (run(&in, &out, &cycles, &latency)) {
    hangs++;
    p.set_response_status(tlm::TLM_GENERIC_ERROR_RESPONSE);
    return;
  }
  delay += period_ * (double)cycles;
  if (ext) {
    ext->fault = out.resp_fault;
    ext->cause = out.resp_fault ? out.resp_cause : 0u;
    ext->tval = out.resp_tval;
    ext->paddr = out.resp_paddr;
    ext->tlb_hit = out.resp_tlb_hit;
    ext->level = out.resp_level;
    ext->cycles = cycles;
    ext->latency = latency;
  }
  if (out.resp_fault) {
    p.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
    return;
  }
  // the word on the physical side; the model's latency already counts the DATA stage,
  // the memory adds what it annotates
  p.set_address(out.resp_paddr & ~UINT64_C(7));
  mem->b_transport(p, delay);
  p.set_address(in.req_vaddr);
  p.set_dmi_allowed(false);   // the memory's DMI hint is for physical addresses
}

// Every address is translated: no DMI anywhere on the virtual side.
bool mmu_tlm::get_direct_mem_ptr(tlm::tlm_generic_payload &, tlm::tlm_dmi &dmi) {
  dmi.set_start_address(0);
  dmi.set_end_address(~UINT64_C(0));
  dmi.set_granted_access(tlm::tlm_dmi::DMI_ACCESS_NONE);
  return false;
}

void mmu_tlm::control(const mmu_in_t *in, sc_time &delay) {
  mmu_out_t out;
  lockstep_step(ls_, in, &out);
  delay += period_;
}

void mmu_tlm::write_satp(uint64_t satp, sc_time &delay) {
  mmu_in_t in;
  mmu_in_idle(&in);
  in.satp_we = 1;
  in.satp_wdata = satp;
  control(&in, delay);
}

void mmu_tlm::sfence(bool has_va, uint64_t va, bool has_asid, uint16_t asid, sc_time &delay) {
  mmu_in_t in;
  mmu_in_idle(&in);
  in.sfence_valid = 1;
  in.sfence_has_va = has_va;
  in.sfence_vaddr = va;
  in.sfence_has_asid = has_asid;
  in.sfence_asid = asid;
  control(&in, delay);
}
