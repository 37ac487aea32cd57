/*
** mmu_params.h -- the default MMU configuration, written once.
** mmu_config_default (cmodel/mmu.c) and cache_cfg_default (cmodel/cache.c)
** take their values from here, and scripts/gen_rtl_params.c turns the
** MMU_PARAMS table into everything else that must agree with them: the
** Verilog parameter defaults of rtl/mmu_top.sv and the Icarus testbenches
** (rtl/mmu_defaults.svh, committed so rtl/ reads on its own; make test
** checks it is current), and the RTL_* defaults of the Verilator build
** (build/gen/rtl_defaults.mk).  Change a default here, then `make
** rtl-params` rewrites rtl/mmu_defaults.svh.
*/
#ifndef MMULAB_MMU_PARAMS_H
#define MMULAB_MMU_PARAMS_H

#define MMU_DEFAULT_TLB_ENTRIES   32u           /* fully associative: ways = entries */
#define MMU_DEFAULT_TLB_WAYS      32u
#define MMU_DEFAULT_TLB_POLICY    0u            /* 0 LRU, 1 tree-PLRU, 2 random (repl_policy_t) */
#define MMU_DEFAULT_SEED          1u            /* LFSR seed of the random policies */
#define MMU_DEFAULT_L1_SIZE       32768u        /* 32 KiB */
#define MMU_DEFAULT_L1_WAYS       8u
#define MMU_DEFAULT_L1_LAT        4u            /* the lesson's L1 -> L2 -> L3 -> DRAM: 4/12/40/200 */
#define MMU_DEFAULT_L2_SIZE       262144u       /* 256 KiB */
#define MMU_DEFAULT_L2_WAYS       8u
#define MMU_DEFAULT_L2_LAT        12u
#define MMU_DEFAULT_L3_SIZE       2097152u      /* 2 MiB */
#define MMU_DEFAULT_L3_WAYS       16u
#define MMU_DEFAULT_L3_LAT        40u
#define MMU_DEFAULT_LINE          64u           /* cache line bytes */
#define MMU_DEFAULT_DRAM_LAT      200u
#define MMU_DEFAULT_CACHE_POLICY  0u            /* as TLB_POLICY */
#define MMU_DEFAULT_MEM_BASE      0x80000000u   /* physical memory: [base, base + size) */
#define MMU_DEFAULT_MEM_SIZE      0x40000000u   /* 1 GiB */
#define MMU_DEFAULT_LOOKUP_CYCLES 1u           /* 1, or 2: registered lookup, refill one edge later */
#define MMU_DEFAULT_TLB_RAM       0u           /* 1: block-RAM TLB (tlb_ram), lookup_cycles 2 only */

/* X(VerilogName, MAKE_NAME, value, is_address, comment): one row per RTL
** parameter of rtl/mmu_top.sv, in its order.  is_address: a 64-bit
** Verilog value (64'h...), else an integer. */
/* The table's columns are read by people: clang-format leaves them. */
/* clang-format off */
#define MMU_PARAMS(X) \
  X(TlbEntries,   TLB_ENTRIES,   MMU_DEFAULT_TLB_ENTRIES,   0, "TLB entries in all, 1..4096") \
  X(TlbWays,      TLB_WAYS,      MMU_DEFAULT_TLB_WAYS,      0, "TLB ways (TlbEntries/TlbWays sets, a power of two)") \
  X(TlbPolicy,    TLB_POLICY,    MMU_DEFAULT_TLB_POLICY,    0, "TLB replacement: 0 LRU, 1 tree-PLRU, 2 random") \
  X(Seed,         SEED,          MMU_DEFAULT_SEED,          0, "TLB random replacement: LFSR seed") \
  X(L1Size,       L1_SIZE,       MMU_DEFAULT_L1_SIZE,       0, "L1 bytes") \
  X(L1Ways,       L1_WAYS,       MMU_DEFAULT_L1_WAYS,       0, "L1 ways") \
  X(L1Lat,        L1_LAT,        MMU_DEFAULT_L1_LAT,        0, "L1 hit latency in cycles (>= 2)") \
  X(L2Size,       L2_SIZE,       MMU_DEFAULT_L2_SIZE,       0, "L2 bytes") \
  X(L2Ways,       L2_WAYS,       MMU_DEFAULT_L2_WAYS,       0, "L2 ways") \
  X(L2Lat,        L2_LAT,        MMU_DEFAULT_L2_LAT,        0, "L2 hit latency (>= 2)") \
  X(L3Size,       L3_SIZE,       MMU_DEFAULT_L3_SIZE,       0, "L3 bytes") \
  X(L3Ways,       L3_WAYS,       MMU_DEFAULT_L3_WAYS,       0, "L3 ways") \
  X(L3Lat,        L3_LAT,        MMU_DEFAULT_L3_LAT,        0, "L3 hit latency (>= 2)") \
  X(Line,         LINE,          MMU_DEFAULT_LINE,          0, "cache line bytes, power of two >= 8") \
  X(DramLat,      DRAM_LAT,      MMU_DEFAULT_DRAM_LAT,      0, "latency of an access missing every level (>= 2)") \
  X(CachePolicy,  CACHE_POLICY,  MMU_DEFAULT_CACHE_POLICY,  0, "cache replacement: 0 LRU, 1 tree-PLRU, 2 random") \
  X(MemBase,      MEM_BASE,      MMU_DEFAULT_MEM_BASE,      1, "physical memory starts here (4 KiB aligned)") \
  X(MemSize,      MEM_SIZE,      MMU_DEFAULT_MEM_SIZE,      1, "physical memory bytes (4 KiB aligned, > 0)") \
  X(LookupCycles, LOOKUP_CYCLES, MMU_DEFAULT_LOOKUP_CYCLES, 0, "LOOKUP cycles: 1, or 2 (registered lookup, refill one edge later; contract 2a)") \
  X(TlbRam,       TLB_RAM,       MMU_DEFAULT_TLB_RAM,       0, "1: block-RAM TLB, one set per lookup (mmu_tlb_ram; LookupCycles 2 only)")
/* clang-format on */

#endif
