// rtl_dut_deep.cpp -- the Verilator shim's deep reads: the TLB's entries and LRU ages, read by
// their Verilated names, for the lockstep's --deep compare (tb/lockstep.c).  Part of the shim
// object rtl_dut.o (tb/verilator/verilator.mk links the two sources into it).
#include "rtl_dut_impl.h"
#include "tlb_deep_read.h"

// The TLB's rows and ages are read by name inside mmu_core (u_core.g_tlb.u_tlb or, the
// block-RAM TLB, u_core.g_tlb_ram.u_tlb: tlb_deep_read.h); a gate-level
// netlist (RTL_GATE, fpga/fpga.mk) has no such names: -1, the deep compare is unavailable.
extern "C" int rtl_dut_tlb_entry(const rtl_dut_t *d, uint32_t idx, tlb_entry_t *e) {
#if RTL_TLB_ENTRIES <= 64 && !defined(RTL_GATE)
  if (idx >= RTL_TLB_ENTRIES) return -1;
  vl_tlb_entry(d->top->rootp, idx, e);
  return 0;
#else
  (void)d;
  (void)idx;
  (void)e;
  return -1;
#endif
}

extern "C" int rtl_dut_tlb_age(const rtl_dut_t *d, uint32_t set, uint32_t way) {
#if RTL_TLB_POLICY == 0 && !defined(RTL_GATE)
  const uint32_t ways = RTL_TLB_WAYS, sets = RTL_TLB_ENTRIES / RTL_TLB_WAYS;
  if (set >= sets || way >= ways) return -1;
  unsigned agew = 0;
  while ((1u << agew) < ways) agew++;
  if (!agew) agew = 1;
  return vl_tlb_age(d->top->rootp, set, way, agew);
#else
  (void)d;
  (void)set;
  (void)way;
  return -1;
#endif
}
