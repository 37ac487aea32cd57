// mmu_cache_lat.sv -- L1/L2/L3/DRAM latency model: which level an access hits, and its latency
// Probes L1, L2, L3 in order; the hit level is touched, every level above it is filled.
// Part of mmulab; the C twin is cmodel/cache.c (cache_access, cache_latency, cache_flush).
// Licence: as the mmulab repository.
`default_nettype none

module mmu_cache_lat #(
  parameter integer L1Size  = 32768,    // L1 bytes
  parameter integer L1Ways  = 8,        // L1 ways
  parameter integer L1Lat   = 4,        // cycles of an access that hits L1 (>= 2)
  parameter integer L2Size  = 262144,   // L2 bytes
  parameter integer L2Ways  = 8,        // L2 ways
  parameter integer L2Lat   = 12,       // cycles of an L2 hit (>= 2)
  parameter integer L3Size  = 2097152,  // L3 bytes
  parameter integer L3Ways  = 16,       // L3 ways
  parameter integer L3Lat   = 40,       // cycles of an L3 hit (>= 2)
  parameter integer Line    = 64,       // line size in bytes, power of two >= 8, all levels
  parameter integer DramLat = 200,      // cycles of an access that misses every level (>= 2)
  parameter integer Policy  = 0,        // replacement of every level: 0 LRU, 1 PLRU, 2 random
  parameter integer LatW    = 8,        // width of latency_o, holds the largest latency
  parameter integer PaW     = 56        // physical address width
) (
  input  logic            clk_i,
  input  logic            rst_ni,
  input  logic            flush_i,    // all levels invalid, replacement reset (after the access)
  input  logic            access_i,   // an access to the line of addr_i at this edge
  input  logic [PaW-1:0]  addr_i,
  output logic [1:0]      level_o,    // where it hits: 0 L1, 1 L2, 2 L3, 3 DRAM (pure)
  output logic [LatW-1:0] latency_o   // the cycles of that level (pure)
);
  localparam integer LineShift = $clog2(Line);
  logic hit1, hit2, hit3;

  mmu_cache_level #(
    .Sets (L1Size / (Line * L1Ways)), .Ways (L1Ways), .LineShift (LineShift),
    .Policy (Policy), .PaW (PaW)
  ) u_l1 (
    .clk_i (clk_i), .rst_ni (rst_ni), .flush_i (flush_i),
    .access_i (access_i), .addr_i (addr_i), .hit_o (hit1)
  );

  mmu_cache_level #(
    .Sets (L2Size / (Line * L2Ways)), .Ways (L2Ways), .LineShift (LineShift),
    .Policy (Policy), .PaW (PaW)
  ) u_l2 (
    .clk_i (clk_i), .rst_ni (rst_ni), .flush_i (flush_i),
    .access_i (access_i && !hit1), .addr_i (addr_i), .hit_o (hit2)
  );

  mmu_cache_level #(
    .Sets (L3Size / (Line * L3Ways)), .Ways (L3Ways), .LineShift (LineShift),
    .Policy (Policy), .PaW (PaW)
  ) u_l3 (
    .clk_i (clk_i), .rst_ni (rst_ni), .flush_i (flush_i),
    .access_i (access_i && !hit1 && !hit2), .addr_i (addr_i), .hit_o (hit3)
  );

  always @(*) begin
    if (hit1)      begin level_o = 2'd0; latency_o = LatW'(L1Lat);   end
    else if (hit2) begin level_o = 2'd1; latency_o = LatW'(L2Lat);   end
    else if (hit3) begin level_o = 2'd2; latency_o = LatW'(L3Lat);   end
    else           begin level_o = 2'd3; latency_o = LatW'(DramLat); end
  end
endmodule

`default_nettype wire
