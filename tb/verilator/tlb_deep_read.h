// tlb_deep_read.h -- the TLB's entries and LRU ages of a Verilated mmu_top, read by their
// Verilated names (u_core.g_tlb.u_tlb, its u_lru; RTL_TLB_RAM 1: u_core.g_tlb_ram.u_tlb, the
// block-RAM TLB, whose entries are fields of its row_q[set]), for the lockstep's --deep
// compare.  One copy for both harnesses that verilate mmu_top: the C++ shim (rtl_dut_deep.cpp)
// and the SystemC one (tb/systemc/sc_harness.cpp, the flop TLB only).  ROOT is that build's
// Vmmu_top___024root; the names are the same in both.  The caller checks idx / set / way
// against its build's parameters.
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

#if defined(RTL_TLB_RAM) && RTL_TLB_RAM
#define VL_TLB(n) mmu_top__DOT__u_core__DOT__g_tlb_ram__DOT__u_tlb__DOT__##n
#else
#define VL_TLB(n) mmu_top__DOT__u_core__DOT__g_tlb__DOT__u_tlb__DOT__##n
#endif

// Entry idx of the TLB (valid bit and fields).
template <typename ROOT>
static inline void vl_tlb_entry(const ROOT *r, uint32_t idx, tlb_entry_t *e) {
  e->valid = (uint8_t)vl_field(r->mmu_top__DOT__tlb_valid, idx, 1);
#if defined(RTL_TLB_RAM) && RTL_TLB_RAM
  // entry set * ways + way is bits [way * 106, +106) of row_q[set]: {level 2, perm 8,
  // asid 16, vpn 36, ppn 44} (rtl/mmu_tlb_ram.sv)
  const unsigned lo = (idx % RTL_TLB_WAYS) * 106u;
  const auto &row = r->VL_TLB(row_q)[idx / RTL_TLB_WAYS];
  e->level = (uint8_t)vl_field(row, lo + 104, 2);
  e->perm = (uint8_t)vl_field(row, lo + 96, 8);
  e->asid = (uint16_t)vl_field(row, lo + 80, 16);
  e->vpn = vl_field(row, lo + 44, 36);
  e->ppn = vl_field(row, lo, 44);
#else
  e->level = r->VL_TLB(level_q)[idx];
  e->perm = r->VL_TLB(perm_q)[idx];
  e->asid = r->VL_TLB(asid_q)[idx];
  e->vpn = r->VL_TLB(vpn_q)[idx];
  e->ppn = r->VL_TLB(ppn_q)[idx];
#endif
}

// The true-LRU age of (set, way), ages agew bits wide.  A row never touched since reset or
// flush reads as age[w] = w (rtl/mmu_lru.sv).
template <typename ROOT>
static inline int vl_tlb_age(const ROOT *r, uint32_t set, uint32_t way, unsigned agew) {
  if (!vl_field(r->VL_TLB(u_lru__DOT__g_lru__DOT__live_q), set, 1)) return (int)way;
  return (int)vl_field(r->VL_TLB(u_lru__DOT__g_lru__DOT__age_q)[set], way * agew, agew);
}

#endif
