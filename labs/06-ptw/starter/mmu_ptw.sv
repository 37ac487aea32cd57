// mmu_ptw.sv -- lab 6 starter: what one PTE read at a level means for a request.
// Write the decision below; labs/06-ptw/README.md explains the ports and the rules, and
// `make check LAB=6 FILE=mmu_ptw.sv` grades it by lockstep against the C model
// (cmodel/ptw.c, ptw_decide, is the golden model).  Licence: as the mmulab repository.
`default_nettype none

module mmu_ptw (
`ifdef MMULAB_BUGS
  input  wire  [7:0]  bug_i,        // deliberate bug number (not used in this lab)
`endif
  input  logic [63:0] pte_i,        // the PTE read
  input  logic [1:0]  level_i,      // its level: 0 = 4 KiB leaf level, 2 = Sv39 root, 3 = Sv48 root
  input  logic [63:0] va_i,         // virtual address of the request
  input  logic [1:0]  op_i,         // 0 R, 1 W, 2 X
  input  logic        priv_i,       // 0 U, 1 S
  input  logic        sum_i,        // sstatus.SUM: S may touch U pages (not execute them)
  input  logic        mxr_i,        // sstatus.MXR: loads may read X-only pages
  input  logic        adue_i,       // 1 Svadu (hardware sets A/D), 0 Svade (fault instead)
  output logic [1:0]  action_o,     // ActNext / ActLeaf / ActLeafAd / ActFault below
  output logic [55:0] next_addr_o,  // ActNext: physical address of the next PTE
  output logic [63:0] new_pte_o     // ActLeafAd: the PTE with A (and D for a store) set
);
  localparam [1:0] ActNext = 2'd0, ActLeaf = 2'd1, ActLeafAd = 2'd2, ActFault = 2'd3;

  // TODO: decide.  This stub says "leaf, nothing to check" for every PTE: the walk stops at
  // the root, and every access goes to a wrong physical address.
  assign action_o    = ActLeaf;
  assign next_addr_o = 56'd0;       // TODO: {ppn, 12'h000} + vpn[level-1] * 8
  assign new_pte_o   = pte_i;       // TODO: A, and D for a store

  // the inputs the stub does not use yet (Verilator -Wall wants every input read)
  logic unused;
  assign unused = ^{pte_i, level_i, va_i, op_i, priv_i, sum_i, mxr_i, adue_i, ActNext, ActLeafAd, ActFault};
endmodule

`default_nettype wire
