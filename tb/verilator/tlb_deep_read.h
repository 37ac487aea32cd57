// tlb_deep_read.h -- the TLB's entries and LRU ages of a Verilated mmu_top, read by their
// Verilated names (u_core.u_tlb, its u_lru), for the lockstep's --deep compare.  One copy for
// both harnesses that verilate mmu_top: the C++ shim (rtl_dut_deep.cpp) and the SystemC one
// (tb/systemc/sc_harness.cpp).  ROOT is that build's Vmmu_top___024root; the names are the
// same in both.  The caller checks idx / set / way against its build's parameters.
#ifndef MMULAB_TLB_DEEP_READ_H
#define MMULAB_TLB_DEEP_READ_H

#include <cstddef>
#include <cstdint>
#include "verilated.h"
extern "C" {
#include "tlb.h"
}

// Bits [lo, lo+n) of a Verilated value: a plain integer or a VlWide.
template <typename T>
static inline uint64_t vl_field(const T &v, unsigned lo, unsigned n) {
  return (static_cast<uint64_t>(v) >> lo) & ((n < 64 ? (UINT64_C(1) << n) : 0) - 1u);
}
template <std::size_t W>
static inline uint64_t vl_field(const VlWide<W> &v, unsigned lo, unsigned n) {
  uint64_t r = 0;
  for (unsigned i = 0; i < n; i++) r |= (uint64_t)((v[(lo + i) / 32] >> ((lo + i) % 32)) & 1u) << i;
  return r;
}

// Entry idx of the TLB (valid bit and fields).
template <typename ROOT>
static inline void vl_tlb_entry(const ROOT *r, uint32_t idx, tlb_entry_t *e) {
  e->valid = (uint8_t)vl_field(r->mmu_top__DOT__tlb_valid, idx, 1);
  e->level = r->mmu_top__DOT__u_core__DOT__u_tlb__DOT__level_q[idx];
  e->perm = r->mmu_top__DOT__u_core__DOT__u_tlb__DOT__perm_q[idx];
  e->asid = r->mmu_top__DOT__u_core__DOT__u_tlb__DOT__asid_q[idx];
  e->vpn = r->mmu_top__DOT__u_core__DOT__u_tlb__DOT__vpn_q[idx];
  e->ppn = r->mmu_top__DOT__u_core__DOT__u_tlb__DOT__ppn_q[idx];
}

// The true-LRU age of (set, way), ages agew bits wide.  A row never touched since reset or
// flush reads as age[w] = w (rtl/mmu_lru.sv).
template <typename ROOT>
static inline int vl_tlb_age(const ROOT *r, uint32_t set, uint32_t way, unsigned agew) {
  if (!vl_field(r->mmu_top__DOT__u_core__DOT__u_tlb__DOT__u_lru__DOT__g_lru__DOT__live_q, set, 1))
    return (int)way;
  return (int)vl_field(r->mmu_top__DOT__u_core__DOT__u_tlb__DOT__u_lru__DOT__g_lru__DOT__age_q[set],
                       way * agew, agew);
}

#endif
