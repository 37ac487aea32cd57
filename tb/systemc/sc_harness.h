// sc_harness.h -- the Verilated RTL (verilator --sc) in a SystemC platform, one cycle per call.
// sc_harness holds the Verilated mmu_top (an sc_module, named "TOP" at the top of the
// hierarchy so its waveform names are mmulab's TOP.mmu_top.*), a synchronous RAM module on
// the same clock that serves its memory port, and the sc_signals between them.  sc_harness_step() has mmu_step's meaning: it drives this cycle's inputs on
// the signals, advances the SystemC kernel through the low phase and the rising edge
// (sc_start), and returns the outputs read from the output signals.  sc_glue.cpp puts it
// behind tb/dut.h, so the comparator is tb/lockstep.c, as in mmulab (docs/systemc.md).
#ifndef MMULAB_SC_HARNESS_H
#define MMULAB_SC_HARNESS_H

#include <cstdint>
#include <string>
#include <systemc>
#include "Vmmu_top.h"

#ifndef RTL_BUGS
#define RTL_BUGS 0   // 1: verilated with +define+MMULAB_BUGS, which adds the bug_i port
#endif
extern "C" {
#include "mmu.h"
#include "physmem.h"
}

class VerilatedFstC;

// The RTL's memory: a synchronous RAM over a physmem_t.  At each rising edge it does the
// request on the memory port (pre-edge values); the read data goes out at the falling edge
// that starts the next cycle, which is when the RTL may look at it (docs/timing-contract.md,
// mem_rdata_i) and when tb/verilator/rtl_dut.cpp sets it: the waveforms then agree.
SC_MODULE(sc_ram) {
  sc_core::sc_in<bool> clk_i;
  sc_core::sc_in<bool> valid_i, we_i;
  sc_core::sc_in<uint64_t> addr_i, wdata_i;
  sc_core::sc_out<uint64_t> rdata_o;
  physmem_t *mem = nullptr;   // owned by the harness
  uint64_t rdata_q = 0;   // read at the last rising edge

  void edge();
  void drive() { rdata_o.write(rdata_q); }
  SC_CTOR(sc_ram) {
    SC_METHOD(edge);
    sensitive << clk_i.pos();
    dont_initialize();
    SC_METHOD(drive);
    sensitive << clk_i.neg();
    dont_initialize();
  }
};

struct sc_harness {
  // the clock is driven by sc_harness_step (a phase per sc_start), not an sc_clock:
  // the model's cycle and the RTL's are then the same by construction
  sc_core::sc_signal<bool> clk, rst_n;
  sc_core::sc_signal<bool> req_valid, req_priv, csr_sum, csr_mxr, csr_adue, satp_we;
  sc_core::sc_signal<bool> sfence_valid, sfence_has_va, sfence_has_asid, flush, mem_stall;
  sc_core::sc_signal<uint32_t> req_op, sfence_asid;
  sc_core::sc_signal<uint64_t> req_vaddr, req_wdata, satp_wdata, sfence_vaddr;
  sc_core::sc_signal<bool> req_ready, resp_valid, resp_fault, resp_tlb_hit, mem_valid, mem_we;
  sc_core::sc_signal<uint32_t> resp_cause, resp_level;
  sc_core::sc_signal<uint64_t> resp_tval, resp_paddr, resp_rdata, mem_addr, mem_wdata, mem_rdata;
#if RTL_BUGS
  sc_core::sc_signal<uint32_t> bug;   // bug_i: deliberate bug N (docs/rtl-bugs.md), 0 = none
#endif

  Vmmu_top rtl;
  sc_ram ram;
  physmem_t mem;
  bool mem_ok;   // physmem_init succeeded (else the harness must not run)
  uint64_t cycles = 0;
  VerilatedFstC *fst = nullptr;
  std::string fst_path;

  explicit sc_harness(const mmu_config_t *cfg);   // before the first sc_start
  ~sc_harness();
};

// Hold rst_ni low for a few cycles with idle inputs, release it and clear the memory: the
// next step is the cycle mmu_step runs first after mmu_init.  Used at every open of the
// dut (SystemC cannot build modules once simulation has started, so the one harness of a
// process is reset instead of rebuilt).
void sc_harness_reset(sc_harness *h);

// One cycle, as mmu_step: *out gets this cycle's outputs, then the rising edge applies *in.
void sc_harness_step(sc_harness *h, const mmu_in_t *in, mmu_out_t *out);

// Deep compare (tb/lockstep.h): TLB entry idx as the last edge left it (0, or -1 when idx
// is out of range), and the LRU age of a TLB way (0 = most recent).  The default build: 32
// entries, fully associative, true LRU, as tb/verilator/rtl_dut.cpp reads them.
int sc_harness_tlb_entry(const sc_harness *h, uint32_t idx, tlb_entry_t *e);
int sc_harness_tlb_age(const sc_harness *h, uint32_t set, uint32_t way);

// FST waveform of the RTL from the next cycle on (cycle c at times 2c and 2c+1, as in
// tb/verilator/rtl_dut.cpp, so tb/gtkw.c's file fits).  0, or -1.
int sc_harness_wave_open(sc_harness *h, const char *path);
void sc_harness_wave_close(sc_harness *h);

#endif
