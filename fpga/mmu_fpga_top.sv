// mmu_fpga_top.sv -- mmu_core on an iCE40 board behind a 7-pin shift-register host link
// The host shifts in every core input (352 bits), pulses go, captures and shifts out the outputs.
// The host also answers the core's memory requests over the same link. Part of mmulab (fpga/).
// Licence: as the mmulab repository.
`default_nettype none

module mmu_fpga_top (
  input  wire clk_i,       // board clock
  input  wire rst_ni,      // active low (a button); synchronous inside the core
  input  wire sin_i,       // serial data in, MSB of the input frame first
  input  wire shift_i,     // rising edge: shift sin_i into the input frame and the output frame out
  input  wire go_i,        // rising edge: pulse the frame's strobes into the core for one cycle
  input  wire cap_i,       // rising edge: load the output frame (the request/response state)
  output wire sout_o       // serial data out, MSB of the output frame first
);
  // ---- input frame (InW bits), MSB first on the wire ----
  // {req_op[1:0], req_priv, req_vaddr[63:0], req_wdata[63:0], sum, mxr, adue, satp_wdata[63:0],
  //  sfence_has_va, sfence_vaddr[63:0], sfence_has_asid, sfence_asid[15:0], mrsp_rdata[63:0],
  //  mrsp_level[1:0], strobes[5:0]}   strobes: req_valid satp_we sfence_valid flush mreq_ready mrsp_valid
  localparam integer InW  = 352;
  // ---- output frame (OutW bits), MSB first on the wire ----
  // {resp_seen, resp_fault, resp_cause[3:0], resp_tval[63:0], resp_paddr[55:0], resp_tlb_hit,
  //  resp_level[1:0], resp_rdata[63:0], req_ready, mreq_valid, mreq_we, mreq_addr[55:0],
  //  mreq_wdata[63:0]}   resp_*: the last response (resp_seen: one came since the last go)
  localparam integer OutW = 316;
  localparam integer RespW = 193;

  // the three host pins: two flops against metastability, a third for the edge
  logic [2:0] shift_q, go_q, cap_q;
  logic       shift_p, go_p, cap_p;
  always @(posedge clk_i) begin
    shift_q <= {shift_q[1:0], shift_i};
    go_q    <= {go_q[1:0], go_i};
    cap_q   <= {cap_q[1:0], cap_i};
  end
  assign shift_p = shift_q[1] && !shift_q[2];
  assign go_p    = go_q[1] && !go_q[2];
  assign cap_p   = cap_q[1] && !cap_q[2];

  logic [InW-1:0] in_q;
  always @(posedge clk_i) begin
    if (shift_p) in_q <= {in_q[InW-2:0], sin_i};
  end

  logic [5:0] strobe;
  assign strobe = in_q[5:0] & {6{go_p}};

  logic        req_ready, resp_valid, resp_fault, resp_tlb_hit;
  logic [3:0]  resp_cause;
  logic [63:0] resp_tval, resp_rdata;
  logic [55:0] resp_paddr;
  logic [1:0]  resp_level;
  logic        mreq_valid, mreq_we;
  logic [55:0] mreq_addr;
  logic [63:0] mreq_wdata;
  /* verilator lint_off PINCONNECTEMPTY */
  mmu_core u_core (   // parameters: as synthesized (fpga/fpga.mk chparam)
    .clk_i             (clk_i),
    .rst_ni            (rst_ni),
    .req_valid_i       (strobe[5]),
    .req_ready_o       (req_ready),
    .req_op_i          (in_q[351:350]),
    .req_priv_i        (in_q[349]),
    .req_vaddr_i       (in_q[348:285]),
    .req_wdata_i       (in_q[284:221]),
    .csr_sum_i         (in_q[220]),
    .csr_mxr_i         (in_q[219]),
    .csr_adue_i        (in_q[218]),
    .satp_we_i         (strobe[4]),
    .satp_wdata_i      (in_q[217:154]),
    .sfence_valid_i    (strobe[3]),
    .sfence_has_va_i   (in_q[153]),
    .sfence_vaddr_i    (in_q[152:89]),
    .sfence_has_asid_i (in_q[88]),
    .sfence_asid_i     (in_q[87:72]),
    .flush_i           (strobe[2]),
    .resp_valid_o      (resp_valid),
    .resp_fault_o      (resp_fault),
    .resp_cause_o      (resp_cause),
    .resp_tval_o       (resp_tval),
    .resp_paddr_o      (resp_paddr),
    .resp_tlb_hit_o    (resp_tlb_hit),
    .resp_level_o      (resp_level),
    .resp_rdata_o      (resp_rdata),
    .mreq_valid_o      (mreq_valid),
    .mreq_ready_i      (strobe[1]),
    .mreq_we_o         (mreq_we),
    .mreq_addr_o       (mreq_addr),
    .mreq_wdata_o      (mreq_wdata),
    .mrsp_valid_i      (strobe[0]),
    .mrsp_rdata_i      (in_q[71:8]),
    .mrsp_level_i      (in_q[7:6]),
    .tlb_valid_o       ()
  );
  /* verilator lint_on PINCONNECTEMPTY */

  // output frame: the response part loads when a response comes, the rest on a capture
  logic [OutW-1:0] out_q;
  always @(posedge clk_i) begin
    if (shift_p) begin
      out_q <= {out_q[OutW-2:0], 1'b0};
    end else begin
      if (resp_valid)
        out_q[OutW-1:OutW-RespW] <= {1'b1, resp_fault, resp_cause, resp_tval, resp_paddr,
                                     resp_tlb_hit, resp_level, resp_rdata};
      else if (go_p)
        out_q[OutW-1] <= 1'b0;   // resp_seen: cleared by the next go
      if (cap_p)
        out_q[OutW-RespW-1:0] <= {req_ready, mreq_valid, mreq_we, mreq_addr, mreq_wdata};
    end
  end
  assign sout_o = out_q[OutW-1];
endmodule

`default_nettype wire
