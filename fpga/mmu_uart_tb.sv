// mmu_uart_tb.sv -- Icarus test of the board top mmu_uart_top.sv over its UART (docs/fpga.md)
// The testbench is the host: it sends satp/translate/sfence commands bit by bit on rx, decodes
// the top's tx line, answers every 'M' packet from a behavioural memory with a 'D' packet, and
// checks each packet against hand-computed values (the Sv39 walk of README's translate example).
// Part of mmulab; run by fpga/test_uart.sh. Licence: as the mmulab repository.
`timescale 1ns/1ps
`default_nettype none

module mmu_uart_tb;
  localparam integer Cpb = 8;                       // clocks per UART bit (fast simulation)
  localparam [63:0]  MemBase = 64'h8000_0000;
  localparam integer Words = 16384;                 // 128 KiB from MemBase
  // Sv39, ASID 0, root table at 0x80001000 (satp = MODE 8 | PPN 0x80001)
  localparam [63:0]  Satp = 64'h8000_0000_0008_0001;
  localparam [63:0]  Va = 64'h0000_0000_4000_5678;  // vpn2 1, vpn1 0, vpn0 5, offset 0x678
  localparam [63:0]  Pa = 64'h0000_0000_8001_0678;  // page 0x80010000 + 0x678

  logic clk = 1'b0, rst_n = 1'b0, rx = 1'b1;
  wire  tx, led;
  logic [63:0] mem [Words];
  integer errors = 0, mreqs = 0;

  mmu_uart_top #(.ClksPerBit (Cpb)) dut (
    .clk_i (clk), .rst_ni (rst_n), .rx_i (rx), .tx_o (tx), .led_o (led)
  );

  always #5 clk = ~clk;

  // ---- host -> board: one 8N1 byte, LSB first ----
  task automatic send_byte(input [7:0] b);
    integer i;
    begin
      rx = 1'b0;
      repeat (Cpb) @(posedge clk);
      for (i = 0; i < 8; i = i + 1) begin
        rx = b[i];
        repeat (Cpb) @(posedge clk);
      end
      rx = 1'b1;
      repeat (Cpb) @(posedge clk);
    end
  endtask
  task automatic send64(input [63:0] v);
    integer i;
    for (i = 7; i >= 0; i = i - 1) send_byte(v[i*8 +: 8]);
  endtask

  // ---- board -> host: a decoder of the tx line into a byte queue ----
  logic [7:0] q [1024];
  integer wr = 0, rd = 0;
  initial begin : decode
    integer i;
    logic [7:0] b;
    forever begin
      @(negedge tx);
      repeat (Cpb / 2) @(posedge clk);
      if (tx !== 1'b0) begin
        $display("FAIL: tx start bit not 0 at its middle");
        errors = errors + 1;
      end
      for (i = 0; i < 8; i = i + 1) begin
        repeat (Cpb) @(posedge clk);
        b[i] = tx;
      end
      repeat (Cpb) @(posedge clk);
      if (tx !== 1'b1) begin
        $display("FAIL: tx stop bit not 1");
        errors = errors + 1;
      end
      q[wr % 1024] = b;
      wr = wr + 1;
    end
  end
  task automatic get_byte(output [7:0] b);
    integer t;
    begin
      t = 0;
      while (rd == wr && t < 200000) begin
        @(posedge clk);
        t = t + 1;
      end
      if (rd == wr) begin
        $display("FAIL: no byte from the board within 200000 cycles");
        $finish;
      end
      b = q[rd % 1024];
      rd = rd + 1;
    end
  endtask
  task automatic get64(output [63:0] v);
    integer i;
    logic [7:0] b;
    for (i = 7; i >= 0; i = i - 1) begin
      get_byte(b);
      v[i*8 +: 8] = b;
    end
  endtask

  task automatic check(input [255:0] what, input [63:0] got, input [63:0] want);
    if (got !== want) begin
      $display("FAIL: %0s: got 0x%0h, expected 0x%0h", what, got, want);
      errors = errors + 1;
    end
  endtask

  // one command with a one-byte reply ('S', 'F', or an unknown one)
  task automatic expect_ack(input [7:0] want);
    logic [7:0] b;
    begin
      get_byte(b);
      check("one-byte reply", {56'd0, b}, {56'd0, want});
    end
  endtask

  // ---- a translation: 'T', then serve 'M' packets until the 'R' ----
  // addrs: the memory requests expected in order (n of them); level: the level answered for
  // the last one (the data access), 0 for the others. Returns the R packet's fields.
  task automatic translate(input [1:0] op, input priv, input [63:0] va, input [63:0] wdata,
                           input integer n, input [63:0] a0, input [63:0] a1, input [63:0] a2,
                           input [63:0] a3, output [7:0] status, output [63:0] paddr,
                           output [63:0] rdata);
    logic [7:0]  c, fl;
    logic [63:0] addr, wd;
    logic [63:0] want [4];
    integer      k, idx;
    begin
      want[0] = a0; want[1] = a1; want[2] = a2; want[3] = a3;
      send_byte("T");
      send_byte({2'b00, 1'b1, 1'b0, 1'b0, priv, op});   // adue 1 (Svadu), mxr 0, sum 0
      send64(va);
      send64(wdata);
      k = 0;
      get_byte(c);
      while (c == "M") begin
        get_byte(fl);
        get64(addr);
        get64(wd);
        if (k < n) check("M address", addr, want[k]);
        else begin
          $display("FAIL: memory request %0d at 0x%0h, expected only %0d", k, addr, n);
          errors = errors + 1;
        end
        idx = (addr - MemBase) >> 3;
        if (fl[0]) begin
          check("M write data", wd, wdata);
          mem[idx] = wd;
        end else check("M read has no data", wd, 64'd0);
        send_byte("D");
        send_byte((k == n - 1) ? 8'd3 : 8'd0);          // the data from DRAM, PTEs from L1
        send64(fl[0] ? 64'd0 : mem[idx]);
        k = k + 1;
        mreqs = mreqs + 1;
        get_byte(c);
      end
      check("R packet", {56'd0, c}, {56'd0, 8'h52});
      if (k != n) begin
        $display("FAIL: %0d memory requests, expected %0d", k, n);
        errors = errors + 1;
      end
      get_byte(status);
      get64(paddr);
      get64(rdata);
    end
  endtask

  logic [7:0]  st;
  logic [63:0] pa, rdv;
  integer i;

  initial begin
    for (i = 0; i < Words; i = i + 1) mem[i] = 64'd0;
    // the page tables of README's "Translate mode" example (hand-built there, read back here)
    mem[(64'h8000_1008 - MemBase) >> 3] = 64'h0000_0000_2000_0801;   // L2[1]: -> 0x80002000
    mem[(64'h8000_2000 - MemBase) >> 3] = 64'h0000_0000_2000_0c01;   // L1[0]: -> 0x80003000
    mem[(64'h8000_3028 - MemBase) >> 3] = 64'h0000_0000_2000_40df;   // L0[5]: 0x80010000 VRWXU-AD
    mem[(Pa - MemBase) >> 3]            = 64'h0000_0000_0000_1111;
    repeat (4) @(posedge clk);
    rst_n = 1'b1;
    repeat (40) @(posedge clk);

    send_byte("S"); send64(Satp); expect_ack("K");

    // 1. a miss: three PTE reads (L2[1], L1[0], L0[5]) and the data read
    translate(2'd0, 1'b0, Va, 64'd0, 4, 64'h8000_1008, 64'h8000_2000, 64'h8000_3028, Pa,
              st, pa, rdv);
    check("1 status (no fault, miss, level 3)", {56'd0, st}, {56'd0, 8'b0_0_11_0000});
    check("1 paddr", pa, Pa);
    check("1 rdata", rdv, 64'h1111);
    // 2. the same page again: a TLB hit, the data read alone
    translate(2'd0, 1'b0, Va, 64'd0, 1, Pa, 0, 0, 0, st, pa, rdv);
    check("2 status (hit)", {56'd0, st}, {56'd0, 8'b0_1_11_0000});
    check("2 rdata", rdv, 64'h1111);
    // 3. a store through the hit (D is set: no walk), then a load sees it
    translate(2'd1, 1'b0, Va, 64'hdead_beef_cafe_f00d, 1, Pa, 0, 0, 0, st, pa, rdv);
    check("3 status (hit)", {56'd0, st}, {56'd0, 8'b0_1_11_0000});
    check("3 rdata of a store", rdv, 64'd0);
    translate(2'd0, 1'b0, Va, 64'd0, 1, Pa, 0, 0, 0, st, pa, rdv);
    check("3 load after store", rdv, 64'hdead_beef_cafe_f00d);
    // 4. vpn0 6: L0[6] is 0 -> load page fault 13 after three PTE reads
    translate(2'd0, 1'b0, 64'h4000_6000, 64'd0, 3, 64'h8000_1008, 64'h8000_2000, 64'h8000_3030,
              0, st, pa, rdv);
    check("4 status (fault, cause 13)", {56'd0, st}, {56'd0, 8'b1_0_00_1101});
    check("4 paddr", pa, 64'd0);
    // 5. S-mode fetch from the U page: a hit, fault 12 in LOOKUP, no memory request
    translate(2'd2, 1'b1, Va, 64'd0, 0, 0, 0, 0, 0, st, pa, rdv);
    check("5 status (fault, hit, cause 12)", {56'd0, st}, {56'd0, 8'b1_1_00_1100});
    // 6. sfence.vma (all): the next load walks again
    send_byte("F"); send_byte(8'b0000_0010); send_byte(8'd0); send_byte(8'd0); send64(64'd0);
    expect_ack("K");
    translate(2'd0, 1'b0, Va, 64'd0, 4, 64'h8000_1008, 64'h8000_2000, 64'h8000_3028, Pa,
              st, pa, rdv);
    check("6 status (miss again)", {56'd0, st}, {56'd0, 8'b0_0_11_0000});
    // 7. an unknown command
    send_byte("Z"); expect_ack("?");

    if (led !== 1'b0) begin
      $display("FAIL: led on while idle");
      errors = errors + 1;
    end
    if (errors == 0) $display("PASS: mmu_uart_top: 8 translations, %0d memory packets", mreqs);
    else $display("FAIL: %0d errors", errors);
    $finish;
  end
endmodule

`default_nettype wire
