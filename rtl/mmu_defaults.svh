// mmu_defaults.svh -- the default MMU configuration as Verilog macros.
// GENERATED from cmodel/mmu_params.h by scripts/gen_rtl_params.c (make rtl-params):
// do not edit; make test fails when it differs from what the generator writes.
`ifndef MMU_DEFAULTS_VH
`define MMU_DEFAULTS_VH
`define MMU_DEFAULT_TLB_ENTRIES   32                    // TLB entries in all, 1..4096
`define MMU_DEFAULT_TLB_WAYS      32                    // TLB ways (TlbEntries/TlbWays sets, a power of two)
`define MMU_DEFAULT_TLB_POLICY    0                     // TLB replacement: 0 LRU, 1 tree-PLRU, 2 random
`define MMU_DEFAULT_SEED          1                     // TLB random replacement: LFSR seed
`define MMU_DEFAULT_L1_SIZE       32768                 // L1 bytes
`define MMU_DEFAULT_L1_WAYS       8                     // L1 ways
`define MMU_DEFAULT_L1_LAT        4                     // L1 hit latency in cycles (>= 2)
`define MMU_DEFAULT_L2_SIZE       262144                // L2 bytes
`define MMU_DEFAULT_L2_WAYS       8                     // L2 ways
`define MMU_DEFAULT_L2_LAT        12                    // L2 hit latency (>= 2)
`define MMU_DEFAULT_L3_SIZE       2097152               // L3 bytes
`define MMU_DEFAULT_L3_WAYS       16                    // L3 ways
`define MMU_DEFAULT_L3_LAT        40                    // L3 hit latency (>= 2)
`define MMU_DEFAULT_LINE          64                    // cache line bytes, power of two >= 8
`define MMU_DEFAULT_DRAM_LAT      200                   // latency of an access missing every level (>= 2)
`define MMU_DEFAULT_CACHE_POLICY  0                     // cache replacement: 0 LRU, 1 tree-PLRU, 2 random
`define MMU_DEFAULT_MEM_BASE      64'h0000000080000000  // physical memory starts here (4 KiB aligned)
`define MMU_DEFAULT_MEM_SIZE      64'h0000000040000000  // physical memory bytes (4 KiB aligned, > 0)
`define MMU_DEFAULT_LOOKUP_CYCLES 1                     // LOOKUP cycles: 1, or 2 (registered lookup, refill one edge later; contract 2a)
`define MMU_DEFAULT_TLB_RAM       0                     // 1: block-RAM TLB, one set per lookup (mmu_tlb_ram; LookupCycles 2 only)
`endif
