// mmu_tlm.h -- the C model (cmodel/mmu.h) as a loosely-timed TLM-2.0 MMU.
//
//   initiator --(virtual address)--> [tgt] mmu_tlm [mem] --(physical address)--> memory
//
// b_transport on tgt takes a generic payload whose address is a virtual address: a read
// is a load, a write a store, and a read with mmu_tlm_ext::fetch set an instruction fetch.
// The model runs the request cycle by cycle (docs/timing-contract.md) until its response;
// the delay grows by (cycles stepped) x clock period, the cycles being the model's own:
// the accepting cycle plus the latency (5 for a TLB hit with its data in L1, 801 for an
// Sv39 walk from DRAM).  A translated access is then forwarded on mem with the physical
// address, the payload's own data pointer and length: its response status and delay are
// the memory's.  A fault is not forwarded: the status is TLM_ADDRESS_ERROR_RESPONSE and an
// mmu_tlm_ext (when the initiator attached one) carries the cause (12/13/15 page fault,
// 1/5/7 access fault) and tval.
//
// The data is a 64-bit word, as on the model's port: the payload must be 8 bytes (any
// other length: TLM_BURST_ERROR_RESPONSE, the model not run), byte enables are not
// supported (TLM_BYTE_ENABLE_ERROR_RESPONSE), and the word forwarded is the one at
// pa & ~7.  Page tables are read and A/D bits written by the model in its own physical
// memory (mmu_t.mem, written through mmu_mem_write64 or by the OS firmware's HAL); the
// memory behind mem must be that same store (tlm_mem.h wraps it), or hold only data.
//
// DMI is refused on tgt (every address is translated: get_direct_mem_ptr returns false
// for the whole address space) and debug transport is not offered.
#ifndef MMULAB_MMU_TLM_H
#define MMULAB_MMU_TLM_H

#include <cstdint>
#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/simple_target_socket.h>
extern "C" {
#include "lockstep.h"
#include "mmu.h"
}

// Request options in, translation results out.  Ignorable: without it a request is a
// load/store in the module's default privilege and CSR levels.
struct mmu_tlm_ext : tlm::tlm_extension<mmu_tlm_ext> {
  // in
  bool fetch = false;        // a read is an instruction fetch (MMU_OP_X)
  bool use_csr = false;      // the four below replace the module's defaults
  uint8_t priv = 0;          // MMU_PRIV_U / MMU_PRIV_S
  uint8_t sum = 0, mxr = 0, adue = 1;
  // out
  bool fault = false;
  uint32_t cause = 0;        // RISC-V exception code when fault
  uint64_t tval = 0;         // the faulting virtual address
  uint64_t paddr = 0;        // 0 on fault
  bool tlb_hit = false;
  uint32_t level = 0;        // cache level of the data: 0 L1 .. 3 DRAM
  uint64_t cycles = 0;       // model cycles of this request (accepting cycle + latency)
  uint64_t latency = 0;      // accepting edge .. response (the contract's latency)

  tlm::tlm_extension_base *clone() const override { return new mmu_tlm_ext(*this); }
  void copy_from(const tlm::tlm_extension_base &e) override { *this = static_cast<const mmu_tlm_ext &>(e); }
};

class mmu_tlm : public sc_core::sc_module {
 public:
  tlm_utils::simple_target_socket<mmu_tlm> tgt;      // virtual addresses in
  tlm_utils::simple_initiator_socket<mmu_tlm> mem;   // physical addresses out

  // ls: the model stepped by this module (a lockstep_t so the OS HAL of sim/hal_model.h
  // can share it; lockstep_init(ls, &model, NULL) for the model alone).  Not owned.
  mmu_tlm(sc_core::sc_module_name name, lockstep_t *ls, sc_core::sc_time period);

  // Defaults for requests without an mmu_tlm_ext carrying use_csr.
  uint8_t priv = 0, sum = 0, mxr = 0, adue = 1;

  // The control inputs of the port, one cycle each with the MMU idle: satp write,
  // sfence.vma (has_va / has_asid as rs1 / rs2 != x0), flush.  delay grows by a period.
  void write_satp(uint64_t satp, sc_core::sc_time &delay);
  void sfence(bool has_va, uint64_t va, bool has_asid, uint16_t asid, sc_core::sc_time &delay);

  uint64_t hangs = 0;        // requests the model never answered (a bug: never expected)

 private:
  lockstep_t *ls_;
  sc_core::sc_time period_;
  uint64_t cycle_limit_;

  void b_transport(tlm::tlm_generic_payload &p, sc_core::sc_time &delay);
  bool get_direct_mem_ptr(tlm::tlm_generic_payload &p, tlm::tlm_dmi &dmi);
  int run(const mmu_in_t *req, mmu_out_t *out, uint64_t *cycles, uint64_t *latency);
  void control(const mmu_in_t *in, sc_core::sc_time &delay);
};

#endif
