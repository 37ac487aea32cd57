// mmu_top.sv -- the mmulab Sv39/Sv48 MMU as simulated: mmu_core + mmu_mem_lat (latency model)
// The two are joined by the valid/ready memory interface of docs/rtl.md; the ports are the
// lockstep harness's (a synchronous-RAM memory port).
// Part of mmulab; the C twin is cmodel/mmu.c, the contract is docs/timing-contract.md.
// Licence: as the mmulab repository.
`default_nettype none
`include "mmu_defaults.svh"   // the defaults, generated from cmodel/mmu_params.h

module mmu_top #(
  parameter integer      TlbEntries  = `MMU_DEFAULT_TLB_ENTRIES, // TLB entries in all, 1..4096
  parameter integer      TlbWays     = `MMU_DEFAULT_TLB_WAYS,  // TLB ways (TlbEntries/TlbWays sets, a power of two)
  parameter integer      TlbPolicy   = `MMU_DEFAULT_TLB_POLICY, // TLB replacement: 0 LRU, 1 tree-PLRU, 2 random
  parameter integer      Seed        = `MMU_DEFAULT_SEED,      // TLB random replacement: LFSR seed
  parameter integer      L1Size      = `MMU_DEFAULT_L1_SIZE,   // L1 bytes
  parameter integer      L1Ways      = `MMU_DEFAULT_L1_WAYS,   // L1 ways
  parameter integer      L1Lat       = `MMU_DEFAULT_L1_LAT,    // L1 hit latency in cycles (>= 2)
  parameter integer      L2Size      = `MMU_DEFAULT_L2_SIZE,   // L2 bytes
  parameter integer      L2Ways      = `MMU_DEFAULT_L2_WAYS,   // L2 ways
  parameter integer      L2Lat       = `MMU_DEFAULT_L2_LAT,    // L2 hit latency (>= 2)
  parameter integer      L3Size      = `MMU_DEFAULT_L3_SIZE,   // L3 bytes
  parameter integer      L3Ways      = `MMU_DEFAULT_L3_WAYS,   // L3 ways
  parameter integer      L3Lat       = `MMU_DEFAULT_L3_LAT,    // L3 hit latency (>= 2)
  parameter integer      Line        = `MMU_DEFAULT_LINE,      // cache line bytes, power of two >= 8
  parameter integer      DramLat     = `MMU_DEFAULT_DRAM_LAT,  // latency of an access missing every level (>= 2)
  parameter integer      CachePolicy = `MMU_DEFAULT_CACHE_POLICY, // cache replacement: 0 LRU, 1 tree-PLRU, 2 random
  parameter logic [63:0] MemBase     = `MMU_DEFAULT_MEM_BASE,  // physical memory starts here (4 KiB aligned)
  parameter logic [63:0] MemSize     = `MMU_DEFAULT_MEM_SIZE,  // physical memory bytes (4 KiB aligned, > 0)
  parameter integer      LookupCycles = `MMU_DEFAULT_LOOKUP_CYCLES, // 1, or 2: registered lookup (contract 2a)
  parameter integer      TlbRam      = `MMU_DEFAULT_TLB_RAM    // 1: block-RAM TLB (tlb_ram, LookupCycles 2 only)
) (
  input  logic        clk_i,
  input  logic        rst_ni,            // synchronous, active low
  // request
  input  logic        req_valid_i,
  output logic        req_ready_o,
  input  logic [1:0]  req_op_i,          // 0 R, 1 W, 2 X
  input  logic        req_priv_i,        // 0 U, 1 S
  input  logic [63:0] req_vaddr_i,
  input  logic [63:0] req_wdata_i,
  input  logic        csr_sum_i,
  input  logic        csr_mxr_i,
  input  logic        csr_adue_i,        // 1 Svadu, 0 Svade
  // control
  input  logic        satp_we_i,
  input  logic [63:0] satp_wdata_i,
  input  logic        sfence_valid_i,
  input  logic        sfence_has_va_i,
  input  logic [63:0] sfence_vaddr_i,
  input  logic        sfence_has_asid_i,
  input  logic [15:0] sfence_asid_i,
  input  logic        flush_i,
  // test mode (contract 2b): 1 holds the memory interface in the next cycle; 0 = no stalls
  input  logic        mem_stall_i,
  // response
  output logic        resp_valid_o,
  output logic        resp_fault_o,
  output logic [3:0]  resp_cause_o,
  output logic [63:0] resp_tval_o,
  output logic [55:0] resp_paddr_o,
  output logic        resp_tlb_hit_o,
  output logic [1:0]  resp_level_o,
  output logic [63:0] resp_rdata_o,
  // memory port: one 64-bit word per request; read data arrives in the next cycle
  output logic        mem_valid_o,
  output logic        mem_we_o,
  output logic [55:0] mem_addr_o,
  output logic [63:0] mem_wdata_o,
  input  logic [63:0] mem_rdata_i
);
  // ==== the core: TLB, walker, A/D, faults ====
  logic        mreq_valid, mreq_ready, mreq_we;
  logic [55:0] mreq_addr;
  logic [63:0] mreq_wdata;
  logic        mrsp_valid;
  logic [63:0] mrsp_rdata;
  logic [1:0]  mrsp_level;
  logic [TlbEntries-1:0] tlb_valid /*verilator public_flat_rd*/;   // deep compare

  // ==== test mode: random memory stalls (docs/timing-contract.md 2b) ====
  // mem_stall_i is registered, so every output still depends on state only (a Moore machine):
  // while stall_q is 1 the latency model sees no request and the core no ready, so a stage's
  // first cycle repeats.  The model (cmodel/mmu.c, stall_q) takes the same input.
  logic        stall_q;
  logic        core_mreq_valid, core_mreq_ready;

  always_ff @(posedge clk_i) begin
    if (!rst_ni) stall_q <= 1'b0;
    else         stall_q <= mem_stall_i;
  end
  assign mreq_valid      = core_mreq_valid && !stall_q;
  assign core_mreq_ready = mreq_ready && !stall_q;

`ifdef MMU_GATE
  // the synthesized netlist of mmu_core (fpga/fpga.mk): its parameters are built in
  mmu_core u_core (
`else
  mmu_core #(
    .TlbEntries (TlbEntries), .TlbWays (TlbWays), .TlbPolicy (TlbPolicy), .Seed (Seed),
    .MemBase (MemBase), .MemSize (MemSize), .LookupCycles (LookupCycles), .TlbRam (TlbRam)
  ) u_core (
`endif
    .clk_i             (clk_i),
    .rst_ni            (rst_ni),
    .req_valid_i       (req_valid_i),
    .req_ready_o       (req_ready_o),
    .req_op_i          (req_op_i),
    .req_priv_i        (req_priv_i),
    .req_vaddr_i       (req_vaddr_i),
    .req_wdata_i       (req_wdata_i),
    .csr_sum_i         (csr_sum_i),
    .csr_mxr_i         (csr_mxr_i),
    .csr_adue_i        (csr_adue_i),
    .satp_we_i         (satp_we_i),
    .satp_wdata_i      (satp_wdata_i),
    .sfence_valid_i    (sfence_valid_i),
    .sfence_has_va_i   (sfence_has_va_i),
    .sfence_vaddr_i    (sfence_vaddr_i),
    .sfence_has_asid_i (sfence_has_asid_i),
    .sfence_asid_i     (sfence_asid_i),
    .flush_i           (flush_i),
    .resp_valid_o      (resp_valid_o),
    .resp_fault_o      (resp_fault_o),
    .resp_cause_o      (resp_cause_o),
    .resp_tval_o       (resp_tval_o),
    .resp_paddr_o      (resp_paddr_o),
    .resp_tlb_hit_o    (resp_tlb_hit_o),
    .resp_level_o      (resp_level_o),
    .resp_rdata_o      (resp_rdata_o),
    .mreq_valid_o      (core_mreq_valid),
    .mreq_ready_i      (core_mreq_ready),
    .mreq_we_o         (mreq_we),
    .mreq_addr_o       (mreq_addr),
    .mreq_wdata_o      (mreq_wdata),
    .mrsp_valid_i      (mrsp_valid),
    .mrsp_rdata_i      (mrsp_rdata),
    .mrsp_level_i      (mrsp_level),
    .tlb_valid_o       (tlb_valid)
  );

  // ==== the memory side: cache latency model and the RAM port ====
  mmu_mem_lat #(
    .L1Size (L1Size), .L1Ways (L1Ways), .L1Lat (L1Lat),
    .L2Size (L2Size), .L2Ways (L2Ways), .L2Lat (L2Lat),
    .L3Size (L3Size), .L3Ways (L3Ways), .L3Lat (L3Lat),
    .Line (Line), .DramLat (DramLat), .CachePolicy (CachePolicy)
  ) u_mem (
    .clk_i        (clk_i),
    .rst_ni       (rst_ni),
    .flush_i      (flush_i),
    .mreq_valid_i (mreq_valid),
    .mreq_ready_o (mreq_ready),
    .mreq_we_i    (mreq_we),
    .mreq_addr_i  (mreq_addr),
    .mreq_wdata_i (mreq_wdata),
    .mrsp_valid_o (mrsp_valid),
    .mrsp_rdata_o (mrsp_rdata),
    .mrsp_level_o (mrsp_level),
    .mem_valid_o  (mem_valid_o),
    .mem_we_o     (mem_we_o),
    .mem_addr_o   (mem_addr_o),
    .mem_wdata_o  (mem_wdata_o),
    .mem_rdata_i  (mem_rdata_i)
  );

  logic unused_top;   // read by the harness only
  assign unused_top = ^tlb_valid;
endmodule

`default_nettype wire
