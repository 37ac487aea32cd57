// mmu_req_latch.sv -- the request of mmu_core as accepted: op, privilege, vaddr, store data,
// the CSR bits (SUM, MXR, ADUE) and satp's MODE, ASID and root PPN as they are before the edge.
// Part of mmulab; the C twin is cycle_idle in cmodel/mmu.c (contract section 1, "latched at accept").
// Licence: as the mmulab repository.
`default_nettype none

module mmu_req_latch (
  input  logic        clk_i,
  input  logic        rst_ni,       // synchronous, active low
  input  logic        accept_i,     // the request is accepted at this edge
  input  logic [1:0]  req_op_i,
  input  logic        req_priv_i,
  input  logic [63:0] req_vaddr_i,
  input  logic [63:0] req_wdata_i,
  input  logic        csr_sum_i,
  input  logic        csr_mxr_i,
  input  logic        csr_adue_i,
  input  logic [63:0] satp_i,       // satp before the accepting edge
  output logic [63:0] va_o,
  output logic [1:0]  op_o,
  output logic        priv_o,
  output logic        sum_o,
  output logic        mxr_o,
  output logic        adue_o,
  output logic [3:0]  mode_o,
  output logic [63:0] wdata_o,
  output logic [15:0] asid_o,
  output logic [43:0] root_ppn_o,
  output logic        canonical_o   // vaddr is canonical for the mode (Sv48: 48 bits, else 39)
);
  // decided here, from the request and satp as accepted, not from va_o and mode_o in LOOKUP: it
  // heads the iCE40 build's critical path there (LOOKUP's decision, docs/fpga.md)
  logic sv48, canonical;
  assign sv48      = (satp_i[63:60] == 4'd9);
  assign canonical = sv48 ? (&req_vaddr_i[63:47] || ~|req_vaddr_i[63:47])
                          : (&req_vaddr_i[63:38] || ~|req_vaddr_i[63:38]);

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      va_o       <= 64'd0;
      op_o       <= 2'd0;
      priv_o     <= 1'b0;
      sum_o      <= 1'b0;
      mxr_o      <= 1'b0;
      adue_o     <= 1'b0;
      mode_o     <= 4'd0;
      wdata_o    <= 64'd0;
      asid_o     <= 16'd0;
      root_ppn_o <= 44'd0;
      canonical_o <= 1'b0;
    end else if (accept_i) begin
      va_o       <= req_vaddr_i;
      op_o       <= req_op_i;
      priv_o     <= req_priv_i;
      sum_o      <= csr_sum_i;
      mxr_o      <= csr_mxr_i;
      adue_o     <= csr_adue_i;
      mode_o     <= satp_i[63:60];
      wdata_o    <= req_wdata_i;
      asid_o     <= satp_i[59:44];
      root_ppn_o <= satp_i[43:0];
      canonical_o <= canonical;
    end
  end
endmodule

`default_nettype wire
