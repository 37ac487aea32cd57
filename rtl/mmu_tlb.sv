// mmu_tlb.sv -- set-associative, ASID-tagged TLB with 4 KiB .. 512 GiB pages
// Parallel match with level-then-way priority, fill, touch, invalidate, sfence.vma, flush.
// Part of mmulab; the C twin is cmodel/tlb.c (contract sections 4 and 5).
// Licence: as the mmulab repository.
`default_nettype none

module mmu_tlb #(
  parameter integer Entries = 32,   // entries in all (sets * ways), 1..4096
  parameter integer Ways    = 32,   // ways per set, 1..64; Entries/Ways sets, a power of two
  parameter integer Policy  = 0,    // replacement: 0 LRU, 1 tree-PLRU, 2 random
  parameter integer Seed    = 1,    // random: LFSR seed
  parameter integer LookupCycles = 1 // 1: lk_* are the lookup now; 2: registered (contract 2a)
) (
  input  logic                                             clk_i,
  input  logic                                             rst_ni,
  // lookup: tlb_lookup(vpn, asid) of this cycle, or (LookupCycles 2) of the cycle before; the
  // search runs only in a cycle with lk_en_i (a lookup's first cycle), its pick is 0 otherwise
  input  logic                                             lk_en_i,     // a lookup is made in this cycle
  input  logic [35:0]                                      lk_vpn_i,    // vaddr[47:12]
  input  logic [15:0]                                      lk_asid_i,
  // LookupCycles 2: the request being accepted at this edge (lk_* of the LOOKUP that follows):
  // its tags are compared at the accepting edge, not in LOOKUP (unused with LookupCycles 1)
  input  logic                                             pre_en_i,    // accept at this edge
  input  logic [35:0]                                      pre_vpn_i,   // req_vaddr[47:12]
  input  logic [15:0]                                      pre_asid_i,  // satp.ASID before it
  output logic                                             lk_hit_o,
  output logic [1:0]                                       lk_level_o,
  output logic [7:0]                                       lk_perm_o,   // leaf bits, G effective
  output logic [43:0]                                      lk_ppn_o,
  // at this edge, in this order: touch / invalidate the entry lk_* name, or fill, then
  // sfence, then flush; never fill and sfence together (mmu_core: contract section 5)
  input  logic                                             touch_i,     // tlb_touch(hit)
  input  logic                                             inval_i,     // tlb_invalidate(hit)
  input  logic                                             fill_i,      // tlb_fill
  input  logic [1:0]                                       fill_level_i,
  input  logic [7:0]                                       fill_perm_i,
  input  logic [15:0]                                      fill_asid_i,
  input  logic [35:0]                                      fill_vpn_i,
  input  logic [43:0]                                      fill_ppn_i,
  input  logic                                             sfence_i,
  input  logic                                             sf_has_va_i,
  input  logic [35:0]                                      sf_vpn_i,
  input  logic                                             sf_has_asid_i,
  input  logic [15:0]                                      sf_asid_i,
  input  logic                                             flush_i,
  output logic [Entries-1:0]                               valid_o      // for deep compare
);
  localparam integer Sets = Entries / Ways;                        // sets, a power of two
  localparam integer SetW = (Sets > 1) ? $clog2(Sets) : 1;        // set number width
  localparam integer WayW = (Ways > 1) ? $clog2(Ways) : 1;        // way number width
  localparam integer IdxW = (Entries > 1) ? $clog2(Entries) : 1;  // entry index width

  // Entry e[set * Ways + way], the layout of tlb.c.  The valid bits are reset; the fields are
  // a memory without reset, written only by a fill and read only where the entry is valid.
  // Public for the harness's --deep compare (a comment to every other tool).
  logic [Entries-1:0] valid_q, valid_d;
  logic [1:0]         level_q [Entries] /*verilator public_flat_rd*/;
  logic [7:0]         perm_q  [Entries] /*verilator public_flat_rd*/;
  logic [15:0]        asid_q  [Entries] /*verilator public_flat_rd*/;
  logic [35:0]        vpn_q   [Entries] /*verilator public_flat_rd*/;
  logic [43:0]        ppn_q   [Entries] /*verilator public_flat_rd*/;

  // VPN bits above the page of a level (level_mask of tlb.c, inverted)
  function automatic logic [35:0] vpn_keep(input logic [1:0] level);
    case (level)
      2'd0:    vpn_keep = 36'hf_ffff_ffff;
      2'd1:    vpn_keep = 36'hf_ffff_fe00;
      2'd2:    vpn_keep = 36'hf_fffc_0000;
      default: vpn_keep = 36'hf_f800_0000;
    endcase
  endfunction

  // ---- lookup: levels 0..3, ways ascending; the first match wins ----
  // A level-k entry that matches has the lookup's vpn above 9k bits, so it sits in the set
  // tlb_lookup probes for level k: checking every entry in parallel is the same search.
  // The priority is written as a one-hot pick (matches of the lowest level that has one, then
  // the lowest index with nothing below it) and an AND-OR read: a priority loop of "if"s
  // synthesizes to a chain of Entries*4 muxes, the critical path of the iCE40 build.

  // an entry's tags against a lookup's: the page's VPN bits, and the ASID unless global
  function automatic logic tag_eq(input logic [35:0] vpn_e, input logic [1:0] level,
                                  input logic g, input logic [15:0] asid_e,
                                  input logic [35:0] vpn, input logic [15:0] asid);
    tag_eq = (((vpn_e ^ vpn) & vpn_keep(level)) == 36'd0) && (g || asid_e == asid);
  endfunction

  // c_lvlk[i]: entry i is of level k and its tags equal the lookup's (valid or not)
  logic [Entries-1:0] c_lvl0, c_lvl1, c_lvl2, c_lvl3;
  if (LookupCycles == 2) begin : g_cmp_accept
    // The compare is made at the edge that accepts the request, from its vaddr and satp.ASID
    // (what mmu_req_latch latches, so lk_vpn_i/lk_asid_i in LOOKUP), and registered: LOOKUP's
    // first cycle is left the valid bits, the priority and the pick, the iCE40 build's critical
    // path before (docs/fpga.md). The same result as comparing in LOOKUP: an entry's fields
    // change only by a fill, and none is made from the accepting edge to LOOKUP's end (the
    // refill is at DATA's first edge, before IDLE); the valid bits, which an sfence or flush
    // may clear in between, are ANDed in LOOKUP. No reset: read only in LOOKUP, after an accept.
    logic [Entries-1:0] t_lvl0_q, t_lvl1_q, t_lvl2_q, t_lvl3_q;
    always @(posedge clk_i) begin
      if (pre_en_i)
        for (int i = 0; i < Entries; i++) begin
          t_lvl0_q[i] <= level_q[i] == 2'd0 &&
                         tag_eq(vpn_q[i], level_q[i], perm_q[i][5], asid_q[i], pre_vpn_i, pre_asid_i);
          t_lvl1_q[i] <= level_q[i] == 2'd1 &&
                         tag_eq(vpn_q[i], level_q[i], perm_q[i][5], asid_q[i], pre_vpn_i, pre_asid_i);
          t_lvl2_q[i] <= level_q[i] == 2'd2 &&
                         tag_eq(vpn_q[i], level_q[i], perm_q[i][5], asid_q[i], pre_vpn_i, pre_asid_i);
          t_lvl3_q[i] <= level_q[i] == 2'd3 &&
                         tag_eq(vpn_q[i], level_q[i], perm_q[i][5], asid_q[i], pre_vpn_i, pre_asid_i);
        end
    end
    assign c_lvl0 = t_lvl0_q;
    assign c_lvl1 = t_lvl1_q;
    assign c_lvl2 = t_lvl2_q;
    assign c_lvl3 = t_lvl3_q;
    logic unused_lk;
    assign unused_lk = ^{lk_vpn_i, lk_asid_i};
  end else begin : g_cmp_now
    // the compare in LOOKUP, only in a cycle that reads it: the search costs the simulation
    // nothing in the others
    always @(*) begin
      c_lvl0 = '0;
      c_lvl1 = '0;
      c_lvl2 = '0;
      c_lvl3 = '0;
      if (lk_en_i)
        for (int i = 0; i < Entries; i++) begin
          c_lvl0[i] = level_q[i] == 2'd0 &&
                      tag_eq(vpn_q[i], level_q[i], perm_q[i][5], asid_q[i], lk_vpn_i, lk_asid_i);
          c_lvl1[i] = level_q[i] == 2'd1 &&
                      tag_eq(vpn_q[i], level_q[i], perm_q[i][5], asid_q[i], lk_vpn_i, lk_asid_i);
          c_lvl2[i] = level_q[i] == 2'd2 &&
                      tag_eq(vpn_q[i], level_q[i], perm_q[i][5], asid_q[i], lk_vpn_i, lk_asid_i);
          c_lvl3[i] = level_q[i] == 2'd3 &&
                      tag_eq(vpn_q[i], level_q[i], perm_q[i][5], asid_q[i], lk_vpn_i, lk_asid_i);
        end
    end
    logic unused_pre;
    assign unused_pre = ^{pre_en_i, pre_vpn_i, pre_asid_i};
  end

  logic               hit;
  logic [Entries-1:0] m_lvl0, m_lvl1, m_lvl2, m_lvl3, m_first, pick;
  always @(*) begin
    m_lvl0 = '0;
    m_lvl1 = '0;
    m_lvl2 = '0;
    m_lvl3 = '0;
    m_first = '0;
    pick = '0;
    hit = 1'b0;
    if (lk_en_i) begin
      m_lvl0 = c_lvl0 & valid_q;
      m_lvl1 = c_lvl1 & valid_q;
      m_lvl2 = c_lvl2 & valid_q;
      m_lvl3 = c_lvl3 & valid_q;
      m_first = (|m_lvl0) ? m_lvl0 : (|m_lvl1) ? m_lvl1 : (|m_lvl2) ? m_lvl2 : m_lvl3;
      for (int i = 0; i < Entries; i++) begin
        pick[i] = m_first[i] && !(|(m_first & ((Entries'(1) << i) - Entries'(1))));
        hit = hit | pick[i];
      end
    end
  end

  // Simulation speed: the AND-OR read below runs only in a cycle with a pick, so a Verilated
  // cycle without one skips its Entries-wide loop (a quarter of the RTL's instructions per
  // cycle, docs/bench.md). Synthesis reads always, as the gates do anyway: the enable would
  // only add a gate in front of the hit's fields. Both forms give 0 without a pick (the
  // gate-level lockstep, fpga/test_gate.sh, runs the synthesis form against the model).
  logic pick_rd;
`ifdef SYNTHESIS
  assign pick_rd = 1'b1;
`else
  assign pick_rd = |pick;
`endif

  // the picked entry's index and fields: an AND-OR read
  logic [IdxW-1:0] rd_idx;
  logic [1:0]      rd_level;
  logic [7:0]      rd_perm;
  logic [43:0]     rd_ppn;
  always @(*) begin
    rd_idx   = '0;
    rd_level = '0;
    rd_perm  = '0;
    rd_ppn   = '0;
    if (pick_rd)
      for (int i = 0; i < Entries; i++)
        if (pick[i]) begin
          rd_idx   = rd_idx | IdxW'(i);
          rd_level = rd_level | level_q[i];
          rd_perm  = rd_perm | perm_q[i];
          rd_ppn   = rd_ppn | ppn_q[i];
        end
  end

  // LookupCycles 2 (contract 2a): the lookup is registered at every edge (the core uses it in
  // the cycle after its first LOOKUP cycle): the hit, the picked entry's index and its fields,
  // which are those the entry holds in the second cycle too: during LOOKUP nothing fills, and
  // an sfence or flush clears valid bits only.
  logic [IdxW-1:0] hit_idx;       // the entry lk_* name: touch and invalidate act on it
  if (LookupCycles == 2) begin : g_lookup_reg
    logic            lk_hit_q;
    logic [IdxW-1:0] lk_idx_q;
    logic [1:0]      lk_level_q;
    logic [7:0]      lk_perm_q;
    logic [43:0]     lk_ppn_q;
    always @(posedge clk_i) begin
      if (!rst_ni) begin
        lk_hit_q   <= 1'b0;
        lk_idx_q   <= '0;
        lk_level_q <= '0;
        lk_perm_q  <= '0;
        lk_ppn_q   <= '0;
      end else begin
        lk_hit_q   <= hit;
        lk_idx_q   <= rd_idx;
        lk_level_q <= rd_level;
        lk_perm_q  <= rd_perm;
        lk_ppn_q   <= rd_ppn;
      end
    end
    assign lk_hit_o   = lk_hit_q;
    assign hit_idx    = lk_idx_q;
    assign lk_level_o = lk_level_q;
    assign lk_perm_o  = lk_perm_q;
    assign lk_ppn_o   = lk_ppn_q;
  end else begin : g_lookup_now
    assign lk_hit_o   = hit;
    assign hit_idx    = rd_idx;
    assign lk_level_o = rd_level;
    assign lk_perm_o  = rd_perm;
    assign lk_ppn_o   = rd_ppn;
  end

  // ---- fill: set of the level, lowest invalid way, else the victim ----
  logic [35:0]     fill_vpn_m;
  logic [43:0]     fill_ppn_m;
  logic [SetW-1:0] fill_set, hit_set, lru_set;
  logic [WayW-1:0] fill_way, free_way, victim, hit_way;
  logic            has_free;
  logic [IdxW-1:0] fill_idx;
  logic [35:0]     fill_set_bits;

  assign fill_vpn_m = fill_vpn_i & vpn_keep(fill_level_i);
  assign fill_ppn_m = fill_ppn_i & {8'hff, vpn_keep(fill_level_i)};

  always @(*) begin
    case (fill_level_i)
      2'd0:    fill_set_bits = fill_vpn_m;
      2'd1:    fill_set_bits = 36'(fill_vpn_m[35:9]);
      2'd2:    fill_set_bits = 36'(fill_vpn_m[35:18]);
      default: fill_set_bits = 36'(fill_vpn_m[35:27]);
    endcase
  end

  if (Sets > 1) begin : g_sets
    assign fill_set = fill_set_bits[SetW-1:0];
    assign hit_set  = SetW'(32'(hit_idx) / Ways);
    logic unused_set_bits;
    assign unused_set_bits = ^fill_set_bits[35:SetW];
  end else begin : g_one_set
    assign fill_set = '0;
    assign hit_set  = '0;
    logic unused_set_bits;
    assign unused_set_bits = ^fill_set_bits;
  end
  assign hit_way = WayW'(32'(hit_idx) % Ways);

  // lowest invalid way of the fill set: one-hot pick and OR, as the lookup (no mux chain)
  logic [Ways-1:0] set_free;
  always @(*) begin
    free_way = '0;
    has_free = 1'b0;
    set_free = '0;
    if (fill_i) begin   // read by a fill only
      for (int w = 0; w < Ways; w++) set_free[w] = !valid_q[32'(fill_set) * Ways + w];
      for (int w = 0; w < Ways; w++)
        if (set_free[w] && !(|(set_free & ((Ways'(1) << w) - Ways'(1))))) begin
          free_way = free_way | WayW'(w);
          has_free = 1'b1;
        end
    end
  end

  assign fill_way = has_free ? free_way : victim;
  assign fill_idx = IdxW'(32'(fill_set) * Ways + 32'(fill_way));
  assign lru_set  = fill_i ? fill_set : hit_set;

  mmu_lru #(
    .Sets (Sets), .Ways (Ways), .Policy (Policy), .Seed (Seed)
  ) u_lru (
    .clk_i    (clk_i),
    .rst_ni   (rst_ni),
    .clear_i  (flush_i),
    .set_i    (lru_set),
    .touch_i  (fill_i || touch_i),
    .way_i    (fill_i ? fill_way : hit_way),
    .victim_o (victim)
  );

  // sfence.vma matches an entry (tlb_sfence): of the ASID unless global, page containing the VA.
  // The sfence operands are arguments: Icarus's @* does not see signals read inside a function.
  function automatic logic sf_match(input logic [1:0] level, input logic g,
                                    input logic [15:0] asid, input logic [35:0] vpn,
                                    input logic has_asid, input logic [15:0] sf_asid,
                                    input logic has_va, input logic [35:0] sf_vpn);
    sf_match = (!has_asid || (!g && asid == sf_asid)) &&
               (!has_va || (((vpn ^ sf_vpn) & vpn_keep(level)) == 36'd0));
  endfunction

  // ---- next state: touch/invalidate or fill, then sfence, then flush ----
  // The sfence compares the entries' flops: fill_i and sfence_i are never 1 at one edge
  // (mmu_core cancels a refill at an sfence edge, contract section 5), so no entry it compares
  // is being filled.

  always @(*) begin
    valid_d = valid_q;
    if (inval_i) valid_d[hit_idx] = 1'b0;
    if (fill_i) valid_d[fill_idx] = 1'b1;
    if (sfence_i)
      for (int i = 0; i < Entries; i++)
        if (sf_match(level_q[i], perm_q[i][5], asid_q[i], vpn_q[i],
                     sf_has_asid_i, sf_asid_i, sf_has_va_i, sf_vpn_i))
          valid_d[i] = 1'b0;
    if (flush_i) valid_d = '0;
  end

  always @(posedge clk_i) begin
    if (!rst_ni) valid_q <= '0;
    else         valid_q <= valid_d;
  end

  always @(posedge clk_i) begin   // memory: guarded by valid_q (a fill in reset is not kept)
    if (fill_i) begin
      level_q[fill_idx] <= fill_level_i;
      perm_q[fill_idx]  <= fill_perm_i;
      asid_q[fill_idx]  <= fill_asid_i;
      vpn_q[fill_idx]   <= fill_vpn_m;
      ppn_q[fill_idx]   <= fill_ppn_m;
    end
  end

  assign valid_o = valid_q;

`ifdef FORMAL
  // a hit implies a valid entry; the victim is a real way
  always @(*) begin
    for (int i = 0; i < Entries; i++) if (pick[i]) assert (valid_q[i]);
    assert (32'(victim) < Ways);
  end
`endif
endmodule

`default_nettype wire
