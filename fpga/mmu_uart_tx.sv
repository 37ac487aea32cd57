// mmu_uart_tx.sv -- UART transmitter, 8N1, LSB first
// Takes a byte when ready_o (valid_i && ready_o at an edge), sends start, 8 data bits, stop,
// each for ClksPerBit cycles; ready_o again once the stop bit's time is over.
// Part of mmulab (fpga/, the board top mmu_uart_top.sv; protocol in docs/fpga.md).
// Licence: as the mmulab repository.
`default_nettype none

module mmu_uart_tx #(
  parameter integer ClksPerBit = 104   // clock cycles per bit: 12 MHz / 115200 baud = 104 (>= 2)
) (
  input  logic       clk_i,
  input  logic       rst_ni,    // synchronous, active low
  input  logic [7:0] data_i,
  input  logic       valid_i,   // a byte to send
  output logic       ready_o,   // idle: the byte is taken at this edge
  output logic       tx_o       // the line, idle high (a flop: no glitches)
);
  localparam integer CntW = $clog2(ClksPerBit);   // bit-time counter width

  logic [8:0]      shift_q, shift_d;       // {stop, data} still to send, from bit 0
  logic [3:0]      left_q, left_d;         // bit times left, the current one included; 0 = idle
  logic [CntW-1:0] cnt_q, cnt_d;           // cycles left in the current bit time
  logic            tx_q, tx_d;

  assign ready_o = (left_q == 4'd0);

  always @(*) begin
    shift_d = shift_q;
    left_d  = left_q;
    cnt_d   = cnt_q;
    tx_d    = tx_q;
    if (left_q == 4'd0) begin
      if (valid_i) begin                  // the start bit from the next cycle
        tx_d    = 1'b0;
        shift_d = {1'b1, data_i};
        left_d  = 4'd10;
        cnt_d   = CntW'(ClksPerBit - 1);
      end
    end else if (cnt_q != '0) begin
      cnt_d = cnt_q - 1'b1;
    end else begin                        // a bit time is over: the next bit, or idle
      left_d = left_q - 4'd1;
      if (left_q != 4'd1) begin
        tx_d    = shift_q[0];
        shift_d = {1'b1, shift_q[8:1]};
        cnt_d   = CntW'(ClksPerBit - 1);
      end
    end
  end

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      shift_q <= 9'h1ff;
      left_q  <= 4'd0;
      cnt_q   <= '0;
      tx_q    <= 1'b1;
    end else begin
      shift_q <= shift_d;
      left_q  <= left_d;
      cnt_q   <= cnt_d;
      tx_q    <= tx_d;
    end
  end

  assign tx_o = tx_q;
endmodule

`default_nettype wire
