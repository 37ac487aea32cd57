// mmu_uart_top.sv -- mmu_core on an iCE40 board behind a UART (iCEBreaker, HX8K breakout)
// The host sends commands (satp write, sfence/flush, translate) and is the core's memory: each
// memory request goes out as an 'M' packet and is answered by a 'D' packet. Protocol:
// docs/fpga.md ("The board top"). Part of mmulab (fpga/). Licence: as the mmulab repository.
`default_nettype none

module mmu_uart_top #(
  parameter integer ClksPerBit = 104   // UART bit time in clock cycles (12 MHz, 115200 baud)
) (
  input  logic clk_i,      // board clock (12 MHz on both boards)
  input  logic rst_ni,     // active low (iCEBreaker BTN_N; pulled up on the HX8K breakout)
  input  logic rx_i,       // UART from the host (FTDI TX)
  output logic tx_o,       // UART to the host (FTDI RX)
  output logic led_o       // on while a translation is in flight
);
  // ==== reset: the pin through two flops, and a power-on count (iCE40 flops start at 0) ====
  logic [1:0] rst_sync_q;
  logic [3:0] por_q;
  logic       rst_n;
  always @(posedge clk_i) begin
    rst_sync_q <= {rst_sync_q[0], rst_ni};
    if (!rst_sync_q[1])  por_q <= 4'd0;
    else if (!(&por_q)) por_q <= por_q + 4'd1;
  end
  assign rst_n = &por_q;

  // ==== UART ====
  logic [7:0] rx_data, tx_data;
  logic       rx_valid, tx_valid, tx_ready;

  mmu_uart_rx #(.ClksPerBit (ClksPerBit)) u_rx (
    .clk_i (clk_i), .rst_ni (rst_n), .rx_i (rx_i), .data_o (rx_data), .valid_o (rx_valid)
  );
  mmu_uart_tx #(.ClksPerBit (ClksPerBit)) u_tx (
    .clk_i (clk_i), .rst_ni (rst_n), .data_i (tx_data), .valid_i (tx_valid),
    .ready_o (tx_ready), .tx_o (tx_o)
  );

  // ==== commands from the host: a command byte, then its payload (MSB first) ====
  localparam [7:0] CmdT = 8'h54, CmdS = 8'h53, CmdF = 8'h46, CmdD = 8'h44;   // 'T' 'S' 'F' 'D'
  localparam [7:0] RepM = 8'h4d, RepR = 8'h52, RepK = 8'h4b, RepErr = 8'h3f; // 'M' 'R' 'K' '?'

  logic [135:0] pl_q, pl_d;       // payload bytes, the last one in [7:0]
  logic [7:0]   cmd_q, cmd_d;     // the command whose payload is coming
  logic [4:0]   need_q, need_d;   // payload bytes still to come; 0 = next byte is a command
  // the command complete this cycle, one-hot (none: 0): decoded a cycle early, so the core's
  // inputs (mrsp_valid, satp_we) are one LUT from flops, not an 8-bit compare; an 'F' is
  // decoded with its flags into sfence_q / flush_q, so sfence_valid_i and flush_i come straight
  // from flops (they head the core's refill enable, docs/fpga.md)
  localparam integer ExT = 0, ExS = 1, ExD = 2;
  logic [2:0]   exec_q, exec_d;
  logic         sfence_q, sfence_d, flush_q, flush_d;
  logic         ack_q, ack_d;     // a one-byte reply to send ('K' or '?')
  logic [7:0]   ack_byte_q, ack_byte_d;
  logic [143:0] tx_buf_q, tx_buf_d;   // the packet being sent, next byte in [143:136]
  logic [4:0]   tx_left_q, tx_left_d; // bytes of tx_buf_q still to send

  always @(*) begin
    pl_d       = pl_q;
    cmd_d      = cmd_q;
    need_d     = need_q;
    exec_d     = 3'd0;
    sfence_d   = 1'b0;
    flush_d    = 1'b0;
    ack_d      = ack_q;
    ack_byte_d = ack_byte_q;
    if (ack_q && tx_ready && tx_left_q == 5'd0) ack_d = 1'b0;   // sent (see the tx mux)
    if (rx_valid) begin
      if (need_q == 5'd0) begin
        cmd_d = rx_data;
        case (rx_data)
          CmdT:    need_d = 5'd17;      // flags, vaddr[63:0], wdata[63:0]
          CmdS:    need_d = 5'd8;       // satp[63:0]
          CmdF:    need_d = 5'd11;      // flags, asid[15:0], vaddr[63:0]
          CmdD:    need_d = 5'd9;       // level, rdata[63:0]
          default: begin                // unknown: '?'
            ack_d      = 1'b1;
            ack_byte_d = RepErr;
          end
        endcase
      end else begin
        pl_d   = {pl_q[127:0], rx_data};
        need_d = need_q - 5'd1;
        if (need_q == 5'd1) begin
          exec_d   = {cmd_q == CmdD, cmd_q == CmdS, cmd_q == CmdT};
          sfence_d = (cmd_q == CmdF) && pl_d[81];
          flush_d  = (cmd_q == CmdF) && pl_d[80];
          if (cmd_q == CmdS || cmd_q == CmdF) begin
            ack_d      = 1'b1;
            ack_byte_d = RepK;
          end
        end
      end
    end
  end

  // ==== the core ====
  logic        req_valid, req_ready, resp_valid, resp_fault, resp_tlb_hit;
  logic [3:0]  resp_cause;
  logic [55:0] resp_paddr;
  logic [1:0]  resp_level;
  logic [63:0] resp_rdata, resp_tval;
  logic        mreq_valid, mreq_ready, mreq_we, mrsp_valid;
  logic [55:0] mreq_addr;
  logic [63:0] mreq_wdata;
  logic        req_pend_q, req_pend_d;   // a 'T' waits for req_ready
  logic        busy_q, busy_d;           // a translation accepted, its 'R' not yet queued
  logic        mem_out_q, mem_out_d;     // an 'M' sent, its 'D' not yet come

  assign req_valid  = req_pend_q;
  assign mrsp_valid = exec_q[ExD] && mem_out_q;

  /* verilator lint_off PINCONNECTEMPTY */
  mmu_core u_core (   // parameters: as synthesized (fpga/fpga.mk chparam), else the defaults
    .clk_i             (clk_i),
    .rst_ni            (rst_n),
    .req_valid_i       (req_valid),
    .req_ready_o       (req_ready),
    .req_op_i          (pl_q[129:128]),
    .req_priv_i        (pl_q[130]),
    .req_vaddr_i       (pl_q[127:64]),
    .req_wdata_i       (pl_q[63:0]),
    .csr_sum_i         (pl_q[131]),
    .csr_mxr_i         (pl_q[132]),
    .csr_adue_i        (pl_q[133]),
    .satp_we_i         (exec_q[ExS]),
    .satp_wdata_i      (pl_q[63:0]),
    .sfence_valid_i    (sfence_q),
    .sfence_has_va_i   (pl_q[82]),
    .sfence_vaddr_i    (pl_q[63:0]),
    .sfence_has_asid_i (pl_q[83]),
    .sfence_asid_i     (pl_q[79:64]),
    .flush_i           (flush_q),
    .resp_valid_o      (resp_valid),
    .resp_fault_o      (resp_fault),
    .resp_cause_o      (resp_cause),
    .resp_tval_o       (resp_tval),
    .resp_paddr_o      (resp_paddr),
    .resp_tlb_hit_o    (resp_tlb_hit),
    .resp_level_o      (resp_level),
    .resp_rdata_o      (resp_rdata),
    .mreq_valid_o      (mreq_valid),
    .mreq_ready_i      (mreq_ready),
    .mreq_we_o         (mreq_we),
    .mreq_addr_o       (mreq_addr),
    .mreq_wdata_o      (mreq_wdata),
    .mrsp_valid_i      (mrsp_valid),
    .mrsp_rdata_i      (pl_q[63:0]),
    .mrsp_level_i      (pl_q[65:64]),
    .tlb_valid_o       ()
  );
  /* verilator lint_on PINCONNECTEMPTY */

  // ==== replies: the 18-byte packet buffer ('M' or 'R') first, else the one-byte ack ====
  // the core's memory request is taken when no packet is being sent and none is outstanding
  assign mreq_ready = mreq_valid && !mem_out_q && (tx_left_q == 5'd0);
  assign tx_valid   = (tx_left_q != 5'd0) || ack_q;
  assign tx_data    = (tx_left_q != 5'd0) ? tx_buf_q[143:136] : ack_byte_q;

  always @(*) begin
    tx_buf_d   = tx_buf_q;
    tx_left_d  = tx_left_q;
    req_pend_d = req_pend_q;
    busy_d     = busy_q;
    mem_out_d  = mem_out_q;
    // Idle (nothing to send), tx_buf takes the core's 'M' or 'R' fields in every cycle, so its
    // enable does not wait for resp_valid (the end of the core's longest path); tx_left says
    // whether what it took is a packet.  The core never requests memory in a response cycle.
    if (tx_left_q == 5'd0) begin
      tx_buf_d = mreq_ready ? {RepM, 7'd0, mreq_we, 8'd0, mreq_addr, mreq_wdata}
                            : {RepR, resp_fault, resp_tlb_hit, resp_level, resp_cause, 8'd0,
                               resp_paddr, resp_rdata};
    end else if (tx_ready) begin
      tx_buf_d  = {tx_buf_q[135:0], 8'd0};
      tx_left_d = tx_left_q - 5'd1;
    end
    // a 'T' while a translation is in flight breaks the protocol and is dropped
    if (exec_q[ExT] && !busy_q) begin
      req_pend_d = 1'b1;
      busy_d     = 1'b1;
    end
    if (req_pend_q && req_ready) req_pend_d = 1'b0;
    if (mrsp_valid) mem_out_d = 1'b0;
    if (mreq_ready) begin               // 'M', flags (bit 0 we), addr, wdata: taken above
      tx_left_d = 5'd18;
      mem_out_d = 1'b1;
    end
    if (resp_valid) begin               // 'R', status, paddr, rdata (tx_buf is idle: docs/fpga.md)
      tx_left_d = 5'd18;
      busy_d    = 1'b0;
    end
  end

  always @(posedge clk_i) begin
    if (!rst_n) begin
      pl_q       <= '0;
      cmd_q      <= 8'd0;
      need_q     <= 5'd0;
      exec_q     <= 3'd0;
      sfence_q   <= 1'b0;
      flush_q    <= 1'b0;
      ack_q      <= 1'b0;
      ack_byte_q <= 8'd0;
      tx_buf_q   <= '0;
      tx_left_q  <= 5'd0;
      req_pend_q <= 1'b0;
      busy_q     <= 1'b0;
      mem_out_q  <= 1'b0;
    end else begin
      pl_q       <= pl_d;
      cmd_q      <= cmd_d;
      need_q     <= need_d;
      exec_q     <= exec_d;
      sfence_q   <= sfence_d;
      flush_q    <= flush_d;
      ack_q      <= ack_d;
      ack_byte_q <= ack_byte_d;
      tx_buf_q   <= tx_buf_d;
      tx_left_q  <= tx_left_d;
      req_pend_q <= req_pend_d;
      busy_q     <= busy_d;
      mem_out_q  <= mem_out_d;
    end
  end

  assign led_o = busy_q;

  logic unused_top;   // the host knows the faulting address: it sent it
  assign unused_top = ^resp_tval;
endmodule

`default_nettype wire
