// mmu_cache_level.sv -- tag array of one cache level (L1, L2 or L3) of the latency model
// Probe, fill (lowest invalid way, else the victim) and touch, exactly as cmodel/cache.c.
// Part of mmulab; the C twin is one cache_level_t of cmodel/cache.c.
// Licence: as the mmulab repository.
`default_nettype none

module mmu_cache_level #(
  parameter integer Sets      = 64,  // sets of this level (size / (line * ways)), power of two
  parameter integer Ways      = 8,   // ways of this level, 1..64
  parameter integer LineShift = 6,   // log2 of the line size in bytes
  parameter integer Policy    = 0,   // replacement: 0 LRU, 1 tree-PLRU, 2 random (seed 1)
  parameter integer PaW       = 56   // physical address width
) (
  input  logic           clk_i,
  input  logic           rst_ni,
  input  logic           flush_i,   // every line invalid, replacement reset (after an access)
  input  logic           access_i,  // this level is reached by an access at this edge
  input  logic [PaW-1:0] addr_i,    // physical address of the access
  output logic           hit_o      // the line of addr_i is present (pure probe)
);
  localparam integer SetBits = (Sets > 1) ? $clog2(Sets) : 0;   // index bits of the line number
  localparam integer IdxW    = (Sets > 1) ? $clog2(Sets) : 1;   // width of a set number
  localparam integer WayW    = (Ways > 1) ? $clog2(Ways) : 1;   // width of a way number
  localparam integer LineW   = PaW - LineShift;                  // line number width
  localparam integer TagW    = LineW - SetBits;                  // tag = line number above the index

  logic [LineW-1:0]     line;
  logic [IdxW-1:0]      set;
  logic [TagW-1:0]      tag;
  // The tag and valid rows are memories without reset: live_q[set] = 0 means "all ways
  // invalid" (cache_init / cache_flush), so reset and flush only clear live_q.  A tag is one
  // element per way (no row wider than a word to read and rebuild).
  logic [Sets-1:0]      live_q;
  logic [Ways-1:0]      valid_q [Sets];
  logic [TagW-1:0]      tag_q [Sets][Ways];
  logic [Ways-1:0]      valid_row;
  logic [Ways-1:0]      hit_vec;
  logic [WayW-1:0]      hit_way, free_way, victim, fill_way;
  logic                 has_free;

  assign line = addr_i[PaW-1:LineShift];
  if (Sets > 1) begin : g_index
    assign set = line[SetBits-1:0];
  end else begin : g_noindex
    assign set = '0;
  end
  assign tag = line[LineW-1:SetBits];
  logic unused_offset;
  assign unused_offset = ^addr_i[LineShift-1:0];   // the byte within the line

  // The probe is done only in a cycle that reaches this level: otherwise nothing reads it
  // (mmu_cache_lat's level is taken at an access), so it costs the simulation nothing.
  always @(*) begin
    valid_row = '0;
    hit_vec   = '0;
    hit_way   = '0;
    free_way  = '0;
    has_free  = 1'b0;
    if (access_i) begin
      if (live_q[set]) valid_row = valid_q[set];
      for (int w = 0; w < Ways; w++) hit_vec[w] = valid_row[w] && (tag_q[set][w] == tag);
      // the first matching way (cache.c probe), the lowest invalid way (fill)
      for (int w = Ways - 1; w >= 0; w--) begin
        if (hit_vec[w])    hit_way  = WayW'(w);
        if (!valid_row[w]) free_way = WayW'(w);
      end
      has_free = ~&valid_row;
    end
  end

  assign hit_o    = |hit_vec;
  assign fill_way = has_free ? free_way : victim;

  always @(posedge clk_i) begin   // one bit per set; flush after the access's fill
    // verilator lint_off WIDTHCONCAT
    if (!rst_ni || flush_i)      live_q <= '0;   // large for a big direct-mapped level
    // verilator lint_on WIDTHCONCAT
    else if (access_i && !hit_o) live_q[set] <= 1'b1;
  end

  always @(posedge clk_i) begin   // memories: guarded by live_q
    if (access_i && !hit_o) begin
      valid_q[set]          <= valid_row | (Ways'(1) << fill_way);
      tag_q[set][fill_way]  <= tag;
    end
  end

  mmu_lru #(
    .Sets   (Sets),
    .Ways   (Ways),
    .Policy (Policy),
    .Seed   (1)        // cache.c: the configuration has no seed, RANDOM starts from 1
  ) u_lru (
    .clk_i    (clk_i),
    .rst_ni   (rst_ni),
    .clear_i  (flush_i),
    .set_i    (set),
    .touch_i  (access_i),            // the hitting way, or the filled way
    .way_i    (hit_o ? hit_way : fill_way),
    .victim_o (victim)
  );
endmodule

`default_nettype wire
