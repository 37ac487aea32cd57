// mmu_ptw.sv -- what one PTE read at a level means for a request: next level, leaf, A/D, fault
// Combinational; the order of the checks is the fault priority of the contract.
// Part of mmulab; the C twin is ptw_decide in cmodel/ptw.c (RISC-V priv. spec steps 3-7).
// Licence: as the mmulab repository.
`default_nettype none

module mmu_ptw (
  input  logic [63:0] pte_i,        // the PTE read
  input  logic [1:0]  level_i,      // its level: 0 = 4 KiB leaf level
  input  logic [63:0] va_i,         // virtual address of the request
  input  logic [1:0]  op_i,         // 0 R, 1 W, 2 X
  input  logic        priv_i,       // 0 U, 1 S
  input  logic        sum_i,
  input  logic        mxr_i,
  input  logic        adue_i,       // 1 Svadu, 0 Svade
  output logic [1:0]  action_o,     // ActNext / ActLeaf / ActLeafAd / ActFault below
  output logic [55:0] next_addr_o,  // ActNext: physical address of the next PTE
  output logic [63:0] new_pte_o     // ActLeafAd: the PTE with A (and D for a store) set
);
  localparam [1:0] ActNext = 2'd0, ActLeaf = 2'd1, ActLeafAd = 2'd2, ActFault = 2'd3;

  logic        v, r, w, x, u, a, d;
  logic [43:0] ppn;
  logic [43:0] low_mask;     // PPN bits inside the page of this level
  logic [8:0]  vpn_next;     // vpn[level-1]
  logic [7:0]  need;         // A, and D for a store
  logic        full_ok;

  assign v = pte_i[0];
  assign r = pte_i[1];
  assign w = pte_i[2];
  assign x = pte_i[3];
  assign u = pte_i[4];
  assign a = pte_i[6];
  assign d = pte_i[7];
  assign ppn = pte_i[53:10];

  mmu_leaf_check u_full (
    .perm_i (pte_i[7:0]), .op_i (op_i), .priv_i (priv_i), .sum_i (sum_i), .mxr_i (mxr_i),
    .adue_i (adue_i), .ok_o (full_ok)
  );

  always @(*) begin
    case (level_i)
      2'd0:    low_mask = 44'h0;
      2'd1:    low_mask = 44'h1ff;
      2'd2:    low_mask = 44'h3ffff;
      default: low_mask = 44'h7ffffff;
    endcase
    case (level_i)
      2'd1:    vpn_next = va_i[20:12];
      2'd2:    vpn_next = va_i[29:21];
      default: vpn_next = va_i[38:30];   // level 3; level 0 has no next level
    endcase
  end

  assign need = {(op_i == 2'd1), 7'b100_0000};
  assign next_addr_o = {ppn, vpn_next, 3'b000};   // = ppn*4096 + vpn*8: vpn*8 < 4096, no carry
  assign new_pte_o = pte_i | {56'd0, need};

  always @(*) begin
    if (!v || (w && !r) || (pte_i[63:54] != 10'd0)) begin
      action_o = ActFault;                    // step 3
    end else if (!r && !x) begin              // step 4: a pointer
      if (a || d || u)            action_o = ActFault;
      else if (level_i == 2'd0)   action_o = ActFault;
      else                        action_o = ActNext;
    end else if ((ppn & low_mask) != 44'd0) begin
      action_o = ActFault;                    // step 6: misaligned superpage
    end else if (!full_ok) begin
      action_o = ActFault;                    // steps 5 and 7 (under Svade)
    end else if ((pte_i[7:0] & need) != need) begin
      action_o = ActLeafAd;                   // Svadu: write A/D first
    end else begin
      action_o = ActLeaf;
    end
  end

  logic unused_va;
  assign unused_va = ^{va_i[63:39], va_i[11:0], pte_i[9:8], pte_i[5]};
endmodule

`default_nettype wire
