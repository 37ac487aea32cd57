// mmu_tlb_ram.sv -- set-associative TLB whose rows are a synchronous-read memory (block RAM)
// The `tlb_ram` option of the contract (docs/timing-contract.md 2a, LookupCycles 2 only):
// every entry lives in set vpn & (sets-1) of the request that filled it, a lookup probes that
// one set (levels 0..3, ways ascending, first match wins) and every sfence.vma invalidates
// every entry.  The set is read at the edge ending LOOKUP's first cycle (L1), the valid bits
// of that set registered at the same edge; the second cycle (L2) compares.
// Part of mmulab; the C twin is cmodel/tlb.c with tlb_ram (contract sections 2a, 4 and 5).
// Licence: as the mmulab repository.
`default_nettype none

module mmu_tlb_ram #(
  parameter integer Entries = 16,   // entries in all (sets * ways)
  parameter integer Ways    = 4,    // ways per set, 1..64; Entries/Ways sets, a power of two
  parameter integer Policy  = 0,    // replacement: 0 LRU, 1 tree-PLRU, 2 random
  parameter integer Seed    = 1     // random: LFSR seed
) (
  input  logic               clk_i,
  input  logic               rst_ni,
  // lookup: lk_en_i in LOOKUP's cycles; lk_* are the result of the read at the last edge
  // with lk_en_i (L1's edge, as the core uses them in L2) compared with lk_vpn_i/lk_asid_i
  // now (the request's, latched at accept: the same in L1 and L2)
  input  logic               lk_en_i,
  input  logic [35:0]        lk_vpn_i,    // vaddr[47:12]
  input  logic [15:0]        lk_asid_i,
  output logic               lk_hit_o,
  output logic [1:0]         lk_level_o,
  output logic [7:0]         lk_perm_o,   // leaf bits, G effective
  output logic [43:0]        lk_ppn_o,
  // at this edge, in this order: touch / invalidate the entry lk_* name, or fill, then
  // sfence (every entry), then flush; never fill and sfence together (mmu_core)
  input  logic               touch_i,
  input  logic               inval_i,
  input  logic               fill_i,
  input  logic [1:0]         fill_level_i,
  input  logic [7:0]         fill_perm_i,
  input  logic [15:0]        fill_asid_i,
  input  logic [35:0]        fill_vpn_i,  // the request's vaddr[47:12], unmasked: its set
  input  logic [43:0]        fill_ppn_i,
  input  logic               sfence_i,
  input  logic               flush_i,
  output logic [Entries-1:0] valid_o      // for deep compare: entry set * Ways + way
);
  localparam integer Sets = Entries / Ways;
  localparam integer SetW = (Sets > 1) ? $clog2(Sets) : 1;
  localparam integer WayW = (Ways > 1) ? $clog2(Ways) : 1;
  localparam integer IdxW = (Entries > 1) ? $clog2(Entries) : 1;
  localparam integer RowW = 106;    // an entry: {level 2, perm 8, asid 16, vpn 36, ppn 44}

  // VPN bits above the page of a level (level_mask of tlb.c, inverted)
  function automatic logic [35:0] vpn_keep(input logic [1:0] level);
    case (level)
      2'd0:    vpn_keep = 36'hf_ffff_ffff;
      2'd1:    vpn_keep = 36'hf_ffff_fe00;
      2'd2:    vpn_keep = 36'hf_fffc_0000;
      default: vpn_keep = 36'hf_f800_0000;
    endcase
  endfunction

  logic [Entries-1:0]   valid_q, valid_d;
  logic [SetW-1:0]      lk_set, fill_set, lk_set_q;
  logic [Ways-1:0]      lk_valid_q;              // the read set's valid bits, as at L1's edge
  logic [Ways*RowW-1:0] rd_q;                    // the read set's rows (the RAM's read data)
  logic [WayW-1:0]      fill_way, free_way, victim, hit_way;
  logic                 has_free;
  logic [35:0]          fill_vpn_m;
  logic [43:0]          fill_ppn_m;

  if (Sets > 1) begin : g_sets
    assign lk_set   = lk_vpn_i[SetW-1:0];
    assign fill_set = fill_vpn_i[SetW-1:0];
  end else begin : g_one_set
    assign lk_set   = '0;
    assign fill_set = '0;
  end
  assign fill_vpn_m = fill_vpn_i & vpn_keep(fill_level_i);
  assign fill_ppn_m = fill_ppn_i & {8'hff, vpn_keep(fill_level_i)};

  // ---- the rows: one memory word per set, Ways entries wide (way w at bits w*RowW), one
  // read port with a registered address and enable, one write port with a per-way enable:
  // no reset, read only where the valid bit (a flop) says so.  Public for --deep.
  logic [Ways*RowW-1:0] row_q [Sets] /*verilator public_flat_rd*/;
  always @(posedge clk_i) begin
    for (int w = 0; w < Ways; w++)
      if (fill_i && fill_way == WayW'(w))
        row_q[fill_set][w*RowW +: RowW] <= {fill_level_i, fill_perm_i, fill_asid_i, fill_vpn_m,
                                            fill_ppn_m};
    if (lk_en_i) rd_q <= row_q[lk_set];
  end

  // the valid bits of the set read, before the edge (an sfence/flush at it does not change
  // the result, contract 2a), and the set, for the touch/invalidate at L2's edge
  always @(posedge clk_i) begin
    if (!rst_ni) begin
      lk_valid_q <= '0;
      lk_set_q   <= '0;
    end else if (lk_en_i) begin
      for (int w = 0; w < Ways; w++) lk_valid_q[w] <= valid_q[32'(lk_set) * Ways + w];
      lk_set_q <= lk_set;
    end
  end

  // ---- second cycle: compare the ways read, level then way priority (one-hot pick) ----
  logic [Ways-1:0] match, m_lvl0, m_lvl1, m_lvl2, m_lvl3, m_first, pick;
  logic [1:0]      hit_level;
  logic [7:0]      hit_perm;
  logic [43:0]     hit_ppn;
  logic [RowW-1:0] row_w;
  always @(*) begin
    hit_way   = '0;
    hit_level = '0;
    hit_perm  = '0;
    hit_ppn   = '0;
    for (int w = 0; w < Ways; w++) begin
      row_w = rd_q[w*RowW +: RowW];
      match[w] = lk_valid_q[w] && (((row_w[79:44] ^ lk_vpn_i) & vpn_keep(row_w[105:104])) == 36'd0)
                 && (row_w[101] || row_w[95:80] == lk_asid_i);
      m_lvl0[w] = match[w] && row_w[105:104] == 2'd0;
      m_lvl1[w] = match[w] && row_w[105:104] == 2'd1;
      m_lvl2[w] = match[w] && row_w[105:104] == 2'd2;
      m_lvl3[w] = match[w] && row_w[105:104] == 2'd3;
    end
    m_first = (|m_lvl0) ? m_lvl0 : (|m_lvl1) ? m_lvl1 : (|m_lvl2) ? m_lvl2 : m_lvl3;
    for (int w = 0; w < Ways; w++) begin
      row_w = rd_q[w*RowW +: RowW];
      pick[w] = m_first[w] && !(|(m_first & ((Ways'(1) << w) - Ways'(1))));
      if (pick[w]) begin
        hit_way   = hit_way | WayW'(w);
        hit_level = hit_level | row_w[105:104];
        hit_perm  = hit_perm | row_w[103:96];
        hit_ppn   = hit_ppn | row_w[43:0];
      end
    end
  end
  assign lk_hit_o   = |pick;
  assign lk_level_o = hit_level;
  assign lk_perm_o  = hit_perm;
  assign lk_ppn_o   = hit_ppn;

  // ---- fill: lowest invalid way of the request's set, else the victim ----
  logic [Ways-1:0] set_free;
  always @(*) begin
    free_way = '0;
    has_free = 1'b0;
    for (int w = 0; w < Ways; w++) set_free[w] = !valid_q[32'(fill_set) * Ways + w];
    for (int w = 0; w < Ways; w++)
      if (set_free[w] && !(|(set_free & ((Ways'(1) << w) - Ways'(1))))) begin
        free_way = free_way | WayW'(w);
        has_free = 1'b1;
      end
  end
  assign fill_way = has_free ? free_way : victim;

  mmu_lru #(
    .Sets (Sets), .Ways (Ways), .Policy (Policy), .Seed (Seed)
  ) u_lru (
    .clk_i    (clk_i),
    .rst_ni   (rst_ni),
    .clear_i  (flush_i),
    .set_i    (fill_i ? fill_set : lk_set_q),
    .touch_i  (fill_i || touch_i),
    .way_i    (fill_i ? fill_way : hit_way),
    .victim_o (victim)
  );

  // ---- next state: touch/invalidate or fill, then sfence (all), then flush (all) ----
  logic [IdxW-1:0] hit_idx, fill_idx;
  assign hit_idx  = IdxW'(32'(lk_set_q) * Ways + 32'(hit_way));
  assign fill_idx = IdxW'(32'(fill_set) * Ways + 32'(fill_way));
  always @(*) begin
    valid_d = valid_q;
    if (inval_i) valid_d[hit_idx] = 1'b0;
    if (fill_i) valid_d[fill_idx] = 1'b1;
    if (sfence_i || flush_i) valid_d = '0;
  end
  always @(posedge clk_i) begin
    if (!rst_ni) valid_q <= '0;
    else         valid_q <= valid_d;
  end
  assign valid_o = valid_q;
endmodule

`default_nettype wire
