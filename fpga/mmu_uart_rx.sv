// mmu_uart_rx.sv -- UART receiver, 8 data bits, no parity, 1 stop bit (8N1), LSB first
// Two synchronizer flops, the start bit checked at its middle, each bit sampled at its middle.
// Part of mmulab (fpga/, the board top mmu_uart_top.sv; protocol in docs/fpga.md).
// Licence: as the mmulab repository.
`default_nettype none

module mmu_uart_rx #(
  parameter integer ClksPerBit = 104   // clock cycles per bit: 12 MHz / 115200 baud = 104 (>= 4)
) (
  input  logic       clk_i,
  input  logic       rst_ni,    // synchronous, active low
  input  logic       rx_i,      // the line, idle high (asynchronous to clk_i)
  output logic [7:0] data_o,    // the byte received, valid with valid_o
  output logic       valid_o    // one cycle per byte whose stop bit was 1 (a framing error drops it)
);
  localparam integer CntW = $clog2(ClksPerBit);   // bit-time counter width
  localparam [1:0] StIdle = 2'd0, StStart = 2'd1, StData = 2'd2, StStop = 2'd3;

  logic [1:0]      sync_q;                 // the line through two flops
  logic [1:0]      state_q, state_d;
  logic [CntW-1:0] cnt_q, cnt_d;           // cycles to the next sample point
  logic [2:0]      bit_q, bit_d;           // data bit being received
  logic [7:0]      data_q, data_d;
  logic            valid_d, valid_q;
  logic            rx;

  assign rx = sync_q[1];

  always @(*) begin
    state_d = state_q;
    cnt_d   = cnt_q;
    bit_d   = bit_q;
    data_d  = data_q;
    valid_d = 1'b0;
    case (state_q)
      StIdle: if (!rx) begin              // a falling edge: wait half a bit for the middle
        state_d = StStart;
        cnt_d   = CntW'((ClksPerBit - 1) / 2);
      end
      StStart: begin
        if (cnt_q != '0) cnt_d = cnt_q - 1'b1;
        else if (rx) state_d = StIdle;    // a glitch, not a start bit
        else begin
          state_d = StData;
          cnt_d   = CntW'(ClksPerBit - 1);
          bit_d   = 3'd0;
        end
      end
      StData: begin
        if (cnt_q != '0) cnt_d = cnt_q - 1'b1;
        else begin
          data_d = {rx, data_q[7:1]};      // LSB first
          cnt_d  = CntW'(ClksPerBit - 1);
          bit_d  = bit_q + 3'd1;
          if (bit_q == 3'd7) state_d = StStop;
        end
      end
      default: begin                      // StStop
        if (cnt_q != '0) cnt_d = cnt_q - 1'b1;
        else begin
          valid_d = rx;                   // stop bit 1: a byte
          state_d = StIdle;
        end
      end
    endcase
  end

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      sync_q  <= 2'b11;
      state_q <= StIdle;
      cnt_q   <= '0;
      bit_q   <= 3'd0;
      data_q  <= 8'd0;
      valid_q <= 1'b0;
    end else begin
      sync_q  <= {sync_q[0], rx_i};
      state_q <= state_d;
      cnt_q   <= cnt_d;
      bit_q   <= bit_d;
      data_q  <= data_d;
      valid_q <= valid_d;
    end
  end

  assign data_o  = data_q;
  assign valid_o = valid_q;
endmodule

`default_nettype wire
