// rtl_dut_deep.cpp -- the Verilator shim's deep reads: the TLB's entries and LRU ages, read by
// their Verilated names, for the lockstep's --deep compare (tb/lockstep.c).  Part of the shim
// object rtl_dut.o (tb/verilator/verilator.mk links the two sources into it).
#include "rtl_dut_impl.h"

// Bits [lo, lo+n) of a Verilated value: a plain integer or a VlWide.
template <typename T>
static uint64_t field(const T &v, unsigned lo, unsigned n) {
  return (static_cast<uint64_t>(v) >> lo) & ((n < 64 ? (UINT64_C(1) << n) : 0) - 1u);
}
template <std::size_t W>
static uint64_t field(const VlWide<W> &v, unsigned lo, unsigned n) {
  uint64_t r = 0;
  for (unsigned i = 0; i < n; i++) r |= (uint64_t)((v[(lo + i) / 32] >> ((lo + i) % 32)) & 1u) << i;
  return r;
}

// The TLB's rows and ages are read by name inside mmu_core (u_core.u_tlb); a gate-level
// netlist (RTL_GATE, fpga/fpga.mk) has no such names: -1, the deep compare is unavailable.
extern "C" int rtl_dut_tlb_entry(const rtl_dut_t *d, uint32_t idx, tlb_entry_t *e) {
#if RTL_TLB_ENTRIES <= 64 && !defined(RTL_GATE)
  if (idx >= RTL_TLB_ENTRIES) return -1;
  const auto *r = d->top->rootp;
  e->valid = (uint8_t)field(r->mmu_top__DOT__tlb_valid, idx, 1);
  e->level = r->mmu_top__DOT__u_core__DOT__u_tlb__DOT__level_q[idx];
  e->perm = r->mmu_top__DOT__u_core__DOT__u_tlb__DOT__perm_q[idx];
  e->asid = r->mmu_top__DOT__u_core__DOT__u_tlb__DOT__asid_q[idx];
  e->vpn = r->mmu_top__DOT__u_core__DOT__u_tlb__DOT__vpn_q[idx];
  e->ppn = r->mmu_top__DOT__u_core__DOT__u_tlb__DOT__ppn_q[idx];
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
  const auto *r = d->top->rootp;
  // a row that was never touched since reset/flush reads as age[w] = w (mmu_lru.sv)
  if (!field(r->mmu_top__DOT__u_core__DOT__u_tlb__DOT__u_lru__DOT__g_lru__DOT__live_q, set, 1))
    return (int)way;
  return (int)field(r->mmu_top__DOT__u_core__DOT__u_tlb__DOT__u_lru__DOT__g_lru__DOT__age_q[set], way * agew,
                    agew);
#else
  (void)d;
  (void)set;
  (void)way;
  return -1;
#endif
}
