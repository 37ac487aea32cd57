// mmu_lru.sv -- replacement state of a set-associative structure (TLB, caches)
// True LRU ages, tree-PLRU node bits or a 16-bit LFSR, exactly as cmodel/lru.c.
// Part of mmulab; the C twin is cmodel/lru.c (lru_reset/lru_touch/lru_victim).
// Licence: as the mmulab repository.
`default_nettype none

module mmu_lru #(
  parameter integer Sets   = 1,   // number of sets (power of two)
  parameter integer Ways   = 32,  // ways per set, 1..64 (PLRU: a power of two)
  parameter integer Policy = 0,   // 0 true LRU, 1 tree-PLRU, 2 LFSR random (repl_policy_t)
  parameter integer Seed   = 1    // random: LFSR reset value, low 16 bits (0 is taken as 1)
) (
  input  logic                                       clk_i,
  input  logic                                       rst_ni,
  input  logic                                       clear_i,  // lru_reset (flush), after a touch
  input  logic [((Sets > 1) ? $clog2(Sets) : 1)-1:0] set_i,    // set of victim_o and of a touch
  input  logic                                       touch_i,  // lru_touch(set_i, way_i) at this edge
  input  logic [((Ways > 1) ? $clog2(Ways) : 1)-1:0] way_i,
  output logic [((Ways > 1) ? $clog2(Ways) : 1)-1:0] victim_o  // lru_victim(set_i)
);
  localparam integer WayW = (Ways > 1) ? $clog2(Ways) : 1;   // way number width
  localparam integer AgeW = WayW;                              // an age is 0..Ways-1
  localparam integer TreeW = (Ways > 1) ? Ways - 1 : 1;        // PLRU node bits per set
  localparam integer Depth = (Ways > 1) ? $clog2(Ways) : 0;    // PLRU tree depth
  localparam [15:0] SeedEff = (Seed[15:0] == 16'd0) ? 16'd1 : Seed[15:0];

  if (Policy == 0) begin : g_lru
    // Per set a row of Ways ages.  The rows are a memory without reset: live_q[set] = 0
    // means "as after lru_reset" (age[w] = w), so reset and flush only clear live_q.
    // No victim is stored: it is derived from the row.  Only a touch writes the row, and a fill
    // (the one reader of victim_o) always touches, so the row need be read, searched and aged
    // only in a cycle that touches (rd).  Simulation does just that: a cycle without a touch
    // costs it nothing (victim_o is 0 then).  Synthesis reads the row every cycle instead, so
    // touch_i (a late signal: the lookup's hit, the fill's kill) is only the rows' write enable
    // and not the first gate of the age compare (Fmax, docs/fpga.md).  The two differ
    // only in victim_o in a cycle without a touch, which nothing reads: the gate-level lockstep
    // (fpga/test_gate.sh) runs the synthesis form against the model.
    logic [Sets-1:0]        live_q /*verilator public_flat_rd*/;   // public: --deep
    logic [Ways*AgeW-1:0]   age_q [Sets] /*verilator public_flat_rd*/;
    logic [Ways*AgeW-1:0]   row, row_d;
    logic [AgeW-1:0]        old_age, a;
    logic [WayW-1:0]        victim;
    logic                   rd;
`ifdef SYNTHESIS
    assign rd = 1'b1;
`else
    assign rd = touch_i;
`endif

    always @(*) begin
      row    = '0;
      victim = '0;
      if (rd) begin
        if (live_q[set_i]) row = age_q[set_i];
        else for (int w = 0; w < Ways; w++) row[w*AgeW +: AgeW] = AgeW'(w);
        // victim: the way whose age is Ways-1.  The ages of a row are a permutation of
        // 0..Ways-1 (lru_reset's, and a touch keeps it one), so exactly one way matches and an
        // OR of the matches is lru_victim's first match, without a priority chain.
        for (int w = 0; w < Ways; w++)
          if (row[w*AgeW +: AgeW] == AgeW'(Ways - 1)) victim = victim | WayW'(w);
      end
    end
    assign victim_o = victim;

    always @(*) begin
      // touch: younger ways age by one, the touched way becomes 0 (only when touching)
      row_d   = '0;
      old_age = '0;
      a       = '0;
      if (rd) begin
        old_age = row[way_i*AgeW +: AgeW];
        for (int w = 0; w < Ways; w++) begin
          a = row[w*AgeW +: AgeW];
          if (WayW'(w) == way_i)  row_d[w*AgeW +: AgeW] = '0;
          else if (a < old_age)   row_d[w*AgeW +: AgeW] = a + 1'b1;
          else                    row_d[w*AgeW +: AgeW] = a;
        end
      end
    end

    always @(posedge clk_i) begin   // one bit per set; clear after the touch
      // verilator lint_off WIDTHCONCAT
      if (!rst_ni || clear_i) live_q <= '0;
      // verilator lint_on WIDTHCONCAT
      else if (touch_i)       live_q[set_i] <= 1'b1;
    end

    always @(posedge clk_i) begin   // memory: guarded by live_q, no reset needed
      if (touch_i) age_q[set_i] <= row_d;
    end
  end else if (Policy == 1) begin : g_plru
    if (Ways > 1) begin : g_tree
      // Node n has children 2n+1 (lower half) and 2n+2 (upper half); bit 1 = victim above.
      logic [Sets-1:0]  live_q;
      logic [TreeW-1:0] tree_q [Sets];
      logic [TreeW-1:0] row, row_d;
      logic [WayW-1:0]  victim;
      integer           node, vnode;

      always @(*) begin
        row = live_q[set_i] ? tree_q[set_i] : '0;
        // victim: follow the bits from the root
        vnode = 0;
        victim = '0;
        for (int d = 0; d < Depth; d++) begin
          victim[Depth-1-d] = row[vnode];
          vnode = 2 * vnode + 1 + (row[vnode] ? 1 : 0);
        end
      end

      always @(*) begin
        // touch: point every node on the path away from way_i (only when touching)
        row_d = row;
        node = 0;
        if (touch_i)
          for (int d = 0; d < Depth; d++) begin
            row_d[node] = ~way_i[Depth-1-d];
            node = 2 * node + 1 + (way_i[Depth-1-d] ? 1 : 0);
          end
      end

      always @(posedge clk_i) begin   // one bit per set; clear after the touch
        // verilator lint_off WIDTHCONCAT
        if (!rst_ni || clear_i) live_q <= '0;
        // verilator lint_on WIDTHCONCAT
        else if (touch_i)       live_q[set_i] <= 1'b1;
      end

      always @(posedge clk_i) begin   // memory: guarded by live_q
        if (touch_i) tree_q[set_i] <= row_d;
      end

      assign victim_o = victim;
    end else begin : g_one
      assign victim_o = '0;   // one way: nothing to choose, no state (lru.c: tree == NULL)
      logic unused_plru;
      assign unused_plru = ^{clk_i, rst_ni, clear_i, set_i, touch_i, way_i};
    end
  end else begin : g_random
    // 16-bit Fibonacci LFSR x^16+x^14+x^13+x^11+1, shifting right: taps are bits 0,2,3,5.
    // One register for all sets; it advances on every touch.
    logic [15:0] lfsr_q, lfsr_d;
    logic [31:0] unused_rem;

    always @(*) begin
      lfsr_d = lfsr_q;
      if (touch_i) lfsr_d = {lfsr_q[0] ^ lfsr_q[2] ^ lfsr_q[3] ^ lfsr_q[5], lfsr_q[15:1]};
      if (clear_i) lfsr_d = SeedEff;
    end

    always @(posedge clk_i) begin
      if (!rst_ni) lfsr_q <= SeedEff;
      else         lfsr_q <= lfsr_d;
    end

    assign unused_rem = {16'd0, lfsr_q} % Ways;
    assign victim_o = unused_rem[WayW-1:0];
    logic unused_rand;
    assign unused_rand = ^{set_i, way_i};
  end
endmodule

`default_nettype wire
