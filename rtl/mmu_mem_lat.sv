// mmu_mem_lat.sv -- the memory side of mmu_core in simulation: cache latency model + RAM port
// Takes one request (valid/ready), drives the synchronous RAM port in that cycle, and answers
// after the L1/L2/L3/DRAM latency of mmu_cache_lat. Part of mmulab; not for synthesis.
// The C twin is the latency part of cmodel/mmu.c + cmodel/cache.c; docs/rtl.md "Memory interface".
// Licence: as the mmulab repository.
`default_nettype none

module mmu_mem_lat #(
  parameter integer L1Size      = 32768,    // L1 bytes
  parameter integer L1Ways      = 8,        // L1 ways
  parameter integer L1Lat       = 4,        // L1 hit latency in cycles (>= 2)
  parameter integer L2Size      = 262144,   // L2 bytes
  parameter integer L2Ways      = 8,        // L2 ways
  parameter integer L2Lat       = 12,       // L2 hit latency (>= 2)
  parameter integer L3Size      = 2097152,  // L3 bytes
  parameter integer L3Ways      = 16,       // L3 ways
  parameter integer L3Lat       = 40,       // L3 hit latency (>= 2)
  parameter integer Line        = 64,       // cache line bytes, power of two >= 8
  parameter integer DramLat     = 200,      // latency of an access missing every level (>= 2)
  parameter integer CachePolicy = 0         // cache replacement: 0 LRU, 1 tree-PLRU, 2 random
) (
  input  logic        clk_i,
  input  logic        rst_ni,            // synchronous, active low
  input  logic        flush_i,           // the caches are flushed (after this edge's access)
  // request from mmu_core
  input  logic        mreq_valid_i,
  output logic        mreq_ready_o,      // idle: nothing outstanding (state only)
  input  logic        mreq_we_i,
  input  logic [55:0] mreq_addr_i,
  input  logic [63:0] mreq_wdata_i,
  // response to mmu_core: in the last cycle of the access's latency (state + mem_rdata_i)
  output logic        mrsp_valid_o,
  output logic [63:0] mrsp_rdata_o,
  output logic [1:0]  mrsp_level_o,
  // memory port: one 64-bit word per request; read data arrives in the next cycle
  output logic        mem_valid_o,
  output logic        mem_we_o,
  output logic [55:0] mem_addr_o,
  output logic [63:0] mem_wdata_o,
  input  logic [63:0] mem_rdata_i
);
  localparam integer MaxLat = (L1Lat > L2Lat ? L1Lat : L2Lat) > (L3Lat > DramLat ? L3Lat : DramLat)
                            ? (L1Lat > L2Lat ? L1Lat : L2Lat) : (L3Lat > DramLat ? L3Lat : DramLat);
  localparam integer LatW = $clog2(MaxLat + 1);   // latency counter width

  logic            busy_q, busy_d;       // a request accepted, its response not yet given
  logic [LatW-1:0] left_q, left_d;       // cycles left after this one (mmu.c left_q)
  logic [1:0]      level_q, level_d;     // the level the access hit
  logic            rd_pend_q, rd_pend_d; // mem_rdata_i holds the read (the cycle after accept)
  logic [63:0]     rdata_q, rdata_d;     // the read, kept after that cycle

  logic            accept;
  logic [1:0]      cache_level;
  logic [LatW-1:0] cache_lat;

  assign mreq_ready_o = !busy_q;
  assign accept       = mreq_valid_i && !busy_q;

  mmu_cache_lat #(
    .L1Size (L1Size), .L1Ways (L1Ways), .L1Lat (L1Lat),
    .L2Size (L2Size), .L2Ways (L2Ways), .L2Lat (L2Lat),
    .L3Size (L3Size), .L3Ways (L3Ways), .L3Lat (L3Lat),
    .Line (Line), .DramLat (DramLat), .Policy (CachePolicy), .LatW (LatW), .PaW (56)
  ) u_cache (
    .clk_i     (clk_i),
    .rst_ni    (rst_ni),
    .flush_i   (flush_i),
    .access_i  (accept),
    .addr_i    (mreq_addr_i),
    .level_o   (cache_level),
    .latency_o (cache_lat)
  );

  // the RAM sees the request in the cycle it is accepted
  assign mem_valid_o = accept;
  assign mem_we_o    = accept && mreq_we_i;
  assign mem_addr_o  = accept ? mreq_addr_i : 56'd0;
  assign mem_wdata_o = (accept && mreq_we_i) ? mreq_wdata_i : 64'd0;

  assign mrsp_valid_o = busy_q && (left_q == LatW'(1));
  assign mrsp_rdata_o = rd_pend_q ? mem_rdata_i : rdata_q;
  assign mrsp_level_o = level_q;

  always @(*) begin
    busy_d    = busy_q;
    left_d    = left_q;
    level_d   = level_q;
    rd_pend_d = 1'b0;
    rdata_d   = rd_pend_q ? mem_rdata_i : rdata_q;
    if (accept) begin
      busy_d    = 1'b1;
      left_d    = cache_lat - LatW'(1);   // >= 1: the response is at least one cycle later
      level_d   = cache_level;
      rd_pend_d = !mreq_we_i;   // a write's response keeps rdata_q: the core ignores it
    end else begin              // idle: left_q is 1 (from reset, or the last response)
      if (left_q == LatW'(1)) busy_d = 1'b0;
      else                    left_d = left_q - LatW'(1);
    end
  end

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      busy_q    <= 1'b0;
      left_q    <= LatW'(1);   // as after a response: the idle cycles change nothing
      level_q   <= 2'd0;
      rd_pend_q <= 1'b0;
      rdata_q   <= 64'd0;
    end else begin
      busy_q    <= busy_d;
      left_q    <= left_d;
      level_q   <= level_d;
      rd_pend_q <= rd_pend_d;
      rdata_q   <= rdata_d;
    end
  end
endmodule

`default_nettype wire
