// rtl_dut_impl.h -- the Verilator shim's private part: the includes, the RTL_* parameters the
// RTL was verilated with, and struct rtl_dut.  Shared by the shim's sources only (rtl_dut.cpp:
// stepping, memory, waveform; rtl_dut_deep.cpp: the TLB state read by name for --deep);
// everything else sees tb/verilator/rtl_dut.h.
#ifndef MMULAB_RTL_DUT_IMPL_H
#define MMULAB_RTL_DUT_IMPL_H

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include "verilated.h"
#if VM_TRACE
#include "verilated_fst_c.h"
#endif
extern "C" {   // the C model's headers declare C functions
#include "fst_date.h"
#include "lockstep.h"
#include "physmem.h"
#include "rtl_dut.h"
}
// The Verilated model: Vmmu_top, or the traced twin of a two-build binary (RTL_TWIN 2,
// rtl_dut.h), verilated with --prefix Vmmu_topw so its classes do not clash with the fast one's.
#if RTL_TWIN == 2
#include "Vmmu_topw.h"
#include "Vmmu_topw___024root.h"
typedef Vmmu_topw rtl_vtop_t;
#else
#include "Vmmu_top.h"
#include "Vmmu_top___024root.h"
typedef Vmmu_top rtl_vtop_t;
#endif

// The parameters the RTL was verilated with: verilator.mk passes the same values to
// verilator -G and here -D, from its RTL_* variables, whose defaults it generates from
// cmodel/mmu_params.h.  No second copy of the defaults here: a build without them stops.
#if !defined(RTL_TLB_ENTRIES) || !defined(RTL_TLB_WAYS) || !defined(RTL_TLB_POLICY) || !defined(RTL_SEED) || \
    !defined(RTL_L1_SIZE) || !defined(RTL_L1_WAYS) || !defined(RTL_L1_LAT) || !defined(RTL_L2_SIZE) ||       \
    !defined(RTL_L2_WAYS) || !defined(RTL_L2_LAT) || !defined(RTL_L3_SIZE) || !defined(RTL_L3_WAYS) ||       \
    !defined(RTL_L3_LAT) || !defined(RTL_LINE) || !defined(RTL_DRAM_LAT) || !defined(RTL_CACHE_POLICY) ||    \
    !defined(RTL_MEM_BASE) || !defined(RTL_MEM_SIZE) || !defined(RTL_LOOKUP_CYCLES)
#error "the RTL shim needs the RTL_* parameters as -D flags (tb/verilator/verilator.mk)"
#endif

#define RTL_RESET_CYCLES 4   // rst_ni low this many edges in rtl_dut_new

#ifndef RTL_BUGS
#define RTL_BUGS 0   // 1: rtl/ + tb/mutants/bugs.patch, +define+MMULAB_BUGS: the bug_i port
#endif
#ifndef RTL_MUTANTS
#define RTL_MUTANTS 0   // 1: the copy of scripts/mutate-rtl.py, with the mut_sel_i port
#endif
#ifndef RTL_MODEL_SCOPE
#define RTL_MODEL_SCOPE 0   // 1: tb/verilator/mmu_model.sv verilated beside mmu_top (traced builds)
#endif

struct rtl_dut {
  VerilatedContext *ctx;
  rtl_vtop_t *top;
#if VM_TRACE
  VerilatedFstC *tfp;
  std::string wave_path;   // of the open FST, to strip its date once closed
#endif
  physmem_t mem;
  uint64_t cycles;
  mmu_in_t last_in;   // the inputs on the ports now (rtl_dut_step writes only a change)
#if RTL_MODEL_SCOPE
  int model_on;          // rtl_dut_set_model called since the waveform opened
  mmu_out_t model;       // the C model's outputs of this cycle, for TOP.mmu_model
  int rise_pending;      // the rising edge's dump waits for the model's next outputs
  uint64_t rise_rdata;   // mem_rdata_i as that edge saw it
#endif
};

#endif
