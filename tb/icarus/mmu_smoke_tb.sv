// mmu_smoke_tb.sv -- Icarus smoke test of rtl/mmu_top.sv: one Sv39 walk and one TLB hit
// Behavioural synchronous RAM on the memory port; checks response fields and latency.
// Part of mmulab; run by scripts/icarus-smoke.sh.  Expected values are hand computed below.
// Licence: as the mmulab repository.
`timescale 1ns/1ps
`default_nettype none

module mmu_smoke_tb;
  localparam [63:0] MemBase = 64'h8000_0000;
  localparam integer Words = 65536;           // 512 KiB of behavioural RAM from MemBase

  logic        clk = 1'b0, rst_n = 1'b0;
  logic        req_valid = 1'b0, req_ready;
  logic [1:0]  req_op = 2'd0;
  logic        req_priv = 1'b1;
  logic [63:0] req_vaddr = 64'd0, req_wdata = 64'd0;
  logic        satp_we = 1'b0;
  logic [63:0] satp_wdata = 64'd0;
  logic        resp_valid, resp_fault, resp_tlb_hit;
  logic [3:0]  resp_cause;
  logic [63:0] resp_tval, resp_rdata;
  logic [55:0] resp_paddr;
  logic [1:0]  resp_level;
  logic        mem_valid, mem_we;
  logic [55:0] mem_addr;
  logic [63:0] mem_wdata, mem_rdata;
  logic [63:0] ram [Words];
  integer      errors = 0, reads = 0;

  mmu_top dut (
    .clk_i (clk), .rst_ni (rst_n),
    .req_valid_i (req_valid), .req_ready_o (req_ready), .req_op_i (req_op),
    .req_priv_i (req_priv), .req_vaddr_i (req_vaddr), .req_wdata_i (req_wdata),
    .csr_sum_i (1'b0), .csr_mxr_i (1'b0), .csr_adue_i (1'b0),
    .satp_we_i (satp_we), .satp_wdata_i (satp_wdata),
    .sfence_valid_i (1'b0), .sfence_has_va_i (1'b0), .sfence_vaddr_i (64'd0),
    .sfence_has_asid_i (1'b0), .sfence_asid_i (16'd0), .flush_i (1'b0), .mem_stall_i (1'b0),
    .resp_valid_o (resp_valid), .resp_fault_o (resp_fault), .resp_cause_o (resp_cause),
    .resp_tval_o (resp_tval), .resp_paddr_o (resp_paddr), .resp_tlb_hit_o (resp_tlb_hit),
    .resp_level_o (resp_level), .resp_rdata_o (resp_rdata),
    .mem_valid_o (mem_valid), .mem_we_o (mem_we), .mem_addr_o (mem_addr),
    .mem_wdata_o (mem_wdata), .mem_rdata_i (mem_rdata)
  );

  always #5 clk = ~clk;

  // synchronous RAM: the request of a cycle is served at its edge, read data next cycle
  always @(posedge clk) begin
    mem_rdata <= 64'd0;
    if (mem_valid) begin
      reads = reads + (mem_we ? 0 : 1);
      if (mem_we) ram[(mem_addr - MemBase[55:0]) >> 3] <= mem_wdata;
      else        mem_rdata <= ram[(mem_addr - MemBase[55:0]) >> 3];
    end
  end

  function automatic integer idx(input logic [63:0] pa);
    idx = integer'((pa - MemBase) >> 3);
  endfunction

  task automatic check(input string what, input logic [63:0] got, input logic [63:0] want);
    if (got !== want) begin
      $display("FAIL %s: got 0x%0h, want 0x%0h", what, got, want);
      errors = errors + 1;
    end
  endtask

  // Offer one request; return its latency (edges from the accepting edge to the edge
  // ending the response cycle) and leave the response fields sampled in the resp_* copies.
  logic [63:0] r_paddr, r_rdata;
  logic        r_fault, r_hit;
  logic [1:0]  r_level;
  logic        done;
  task automatic translate(input logic [63:0] va, output integer latency);
    req_vaddr = va;
    req_op    = 2'd0;          // load
    req_priv  = 1'b1;          // S-mode
    req_valid = 1'b1;
    @(posedge clk);            // accepting edge (the FSM is idle: req_ready is 1)
    #1 req_valid = 1'b0;
    latency = 0;
    done = 1'b0;
    while (!done) begin
      @(posedge clk);
      latency = latency + 1;
      if (resp_valid) begin    // sampled just before this edge: the response cycle
        r_paddr = {8'd0, resp_paddr};
        r_rdata = resp_rdata;
        r_fault = resp_fault;
        r_hit   = resp_tlb_hit;
        r_level = resp_level;
        done = 1'b1;
      end else if (latency > 2000) begin
        $display("FAIL: no response");
        $finish;
      end
    end
    #1;
  endtask

  integer lat;
  initial begin
    for (int i = 0; i < Words; i++) ram[i] = 64'd0;
    // Sv39 tables for va 0x403010: vpn2 = va[38:30] = 0, vpn1 = va[29:21] = 2,
    // vpn0 = va[20:12] = 3, offset 0x010.
    // root page 0x80001: root[0] @ 0x80001000 -> pointer to page 0x80002:
    //   PPN 0x80002 << 10 = 0x20000800, | V = 0x20000801
    ram[idx(64'h8000_1000)] = 64'h2000_0801;
    // L1[2] @ 0x80002000 + 2*8 = 0x80002010 -> pointer to page 0x80003: 0x20000c01
    ram[idx(64'h8000_2010)] = 64'h2000_0c01;
    // L0[3] @ 0x80003000 + 3*8 = 0x80003018 -> leaf PPN 0x80010, bits D A W R V = 0xc7:
    //   0x80010 << 10 = 0x20004000, | 0xc7 = 0x200040c7
    ram[idx(64'h8000_3018)] = 64'h2000_40c7;
    // data word at pa = 0x80010000 | 0x010 = 0x80010010
    ram[idx(64'h8001_0010)] = 64'h1122_3344_5566_7788;

    repeat (3) @(posedge clk);
    #1 rst_n = 1'b1;
    // satp = MODE Sv39 (8) << 60 | ASID 0 | PPN 0x80001 = 0x8000000000080001
    satp_wdata = 64'h8000_0000_0008_0001;
    satp_we = 1'b1;
    @(posedge clk);
    #1 satp_we = 1'b0;

    // 1) cold: TLB miss, 3 PTEs and the data all from DRAM (latency 200 each).
    //    Contract section 2: LOOKUP 1 + 3 x PTE(200) + DATA(200) = 801.
    translate(64'h40_3010, lat);
    check("walk latency", lat, 801);
    check("walk fault", r_fault, 0);
    check("walk tlb_hit", r_hit, 0);
    check("walk paddr", r_paddr, 64'h8001_0010);
    check("walk level (DRAM)", r_level, 3);
    check("walk rdata", r_rdata, 64'h1122_3344_5566_7788);
    check("walk memory reads (3 PTEs + data)", reads, 4);
    @(posedge clk);            // back in IDLE one cycle after the response

    // 2) the same word again: TLB hit, the line is now in L1 (filled by the first access).
    //    LOOKUP 1 + DATA(L1 4) = 5.
    translate(64'h40_3010, lat);
    check("hit latency", lat, 5);
    check("hit tlb_hit", r_hit, 1);
    check("hit paddr", r_paddr, 64'h8001_0010);
    check("hit level (L1)", r_level, 0);
    check("hit rdata", r_rdata, 64'h1122_3344_5566_7788);
    check("hit memory reads (data only)", reads, 5);

    if (errors == 0) $display("PASS: mmu_smoke_tb (walk 801 cycles, hit 5 cycles)");
    else $display("FAIL: %0d errors", errors);
    $finish;
  end
endmodule

`default_nettype wire
