// replay_tb.sv -- replays a recorded stimulus (docs/bench.md) on rtl/mmu_top.sv under Icarus
// Reads build/bench/stimulus.txt with $fscanf, serves the memory port from an array, counts.
// Part of mmulab; run by build/bench/mmubench (make bench).  Plusargs: +stim=PATH, +max_cycles=N,
// +parse_only: read the file exactly as a replay does, but clock nothing and store no backdoor
// write, so mmubench can subtract the cost of reading from the replay's wall time (the C
// engines replay from memory, the file read before their clock starts).
// Licence: as the mmulab repository.
`timescale 1ns/1ps
`default_nettype none
`include "mmu_defaults.svh"

module replay_tb;
  // The RTL's parameters: the defaults of cmodel/mmu_params.h, via rtl/mmu_defaults.svh.
  // The stimulus's P line must say the same, or the replay refuses to run.
  localparam integer      TlbEntries  =  `MMU_DEFAULT_TLB_ENTRIES;
  localparam integer      TlbWays     =  `MMU_DEFAULT_TLB_WAYS;
  localparam integer      TlbPolicy   =  `MMU_DEFAULT_TLB_POLICY;
  localparam integer      Seed        =  `MMU_DEFAULT_SEED;
  localparam integer      L1Size      =  `MMU_DEFAULT_L1_SIZE;
  localparam integer      L1Ways      =  `MMU_DEFAULT_L1_WAYS;
  localparam integer      L1Lat       =  `MMU_DEFAULT_L1_LAT;
  localparam integer      L2Size      =  `MMU_DEFAULT_L2_SIZE;
  localparam integer      L2Ways      =  `MMU_DEFAULT_L2_WAYS;
  localparam integer      L2Lat       =  `MMU_DEFAULT_L2_LAT;
  localparam integer      L3Size      =  `MMU_DEFAULT_L3_SIZE;
  localparam integer      L3Ways      =  `MMU_DEFAULT_L3_WAYS;
  localparam integer      L3Lat       =  `MMU_DEFAULT_L3_LAT;
  localparam integer      Line        =  `MMU_DEFAULT_LINE;
  localparam integer      DramLat     =  `MMU_DEFAULT_DRAM_LAT;
  localparam integer      CachePolicy =  `MMU_DEFAULT_CACHE_POLICY;
  localparam logic [63:0] MemBase     =  `MMU_DEFAULT_MEM_BASE;
  localparam logic [63:0] MemSize     =  `MMU_DEFAULT_MEM_SIZE;
  localparam integer      ResetCycles = 4;              // as RTL_RESET_CYCLES of rtl_dut.cpp
  localparam logic [63:0] Digest0     = 64'hcbf2_9ce4_8422_2325;   // FNV-1a 64 offset basis
  localparam logic [63:0] Prime       = 64'h0000_0100_0000_01b3;   // FNV-1a 64 prime

  // ==== the DUT ====
  logic        clk = 1'b0, rst_n = 1'b0;
  logic        req_valid, req_ready, req_priv, csr_sum, csr_mxr, csr_adue;
  logic [1:0]  req_op;
  logic [63:0] req_vaddr, req_wdata, satp_wdata, sfence_vaddr;
  logic        satp_we, sfence_valid, sfence_has_va, sfence_has_asid, flush;
  logic [15:0] sfence_asid;
  logic        resp_valid, resp_fault, resp_tlb_hit;
  logic [3:0]  resp_cause;
  logic [63:0] resp_tval, resp_rdata;
  logic [55:0] resp_paddr;
  logic [1:0]  resp_level;
  logic        mem_valid, mem_we;
  logic [55:0] mem_addr;
  logic [63:0] mem_wdata, mem_rdata = 64'd0;

  mmu_top #(
    .TlbEntries (TlbEntries), .TlbWays (TlbWays), .TlbPolicy (TlbPolicy), .Seed (Seed),
    .L1Size (L1Size), .L1Ways (L1Ways), .L1Lat (L1Lat),
    .L2Size (L2Size), .L2Ways (L2Ways), .L2Lat (L2Lat),
    .L3Size (L3Size), .L3Ways (L3Ways), .L3Lat (L3Lat),
    .Line (Line), .DramLat (DramLat), .CachePolicy (CachePolicy),
    .MemBase (MemBase), .MemSize (MemSize)
  ) dut (
    .clk_i (clk), .rst_ni (rst_n),
    .req_valid_i (req_valid), .req_ready_o (req_ready), .req_op_i (req_op),
    .req_priv_i (req_priv), .req_vaddr_i (req_vaddr), .req_wdata_i (req_wdata),
    .csr_sum_i (csr_sum), .csr_mxr_i (csr_mxr), .csr_adue_i (csr_adue),
    .satp_we_i (satp_we), .satp_wdata_i (satp_wdata),
    .sfence_valid_i (sfence_valid), .sfence_has_va_i (sfence_has_va),
    .sfence_vaddr_i (sfence_vaddr), .sfence_has_asid_i (sfence_has_asid),
    .sfence_asid_i (sfence_asid), .flush_i (flush),
    .mem_stall_i (1'b0),   // the stimulus format has no stall: replays run without stalls
    .resp_valid_o (resp_valid), .resp_fault_o (resp_fault), .resp_cause_o (resp_cause),
    .resp_tval_o (resp_tval), .resp_paddr_o (resp_paddr), .resp_tlb_hit_o (resp_tlb_hit),
    .resp_level_o (resp_level), .resp_rdata_o (resp_rdata),
    .mem_valid_o (mem_valid), .mem_we_o (mem_we), .mem_addr_o (mem_addr),
    .mem_wdata_o (mem_wdata), .mem_rdata_i (mem_rdata)
  );

  // ==== physical memory: [ram_base, ram_base + 8*ram_words), sized by the R line ====
  bit   [63:0] ram [];             // 2-state: starts at 0 like the C memories
  logic [63:0] ram_base, ram_words;

  // ==== counters ====
  logic [63:0] cycles = 64'd0, writes = 64'd0, responses = 64'd0, outside = 64'd0;
  logic [63:0] digest = Digest0;
  logic [63:0] max_cycles;         // +max_cycles=N: stop before cycle N+1 (default: no limit)
  logic        parse_only;         // +parse_only: count the cycles, simulate none of them

  function automatic logic in_ram(input logic [63:0] pa);
    in_ram = pa >= ram_base && ((pa - ram_base) >> 3) < ram_words;
  endfunction

  task automatic idle_inputs;
    req_valid = 1'b0; req_op = 2'd0; req_priv = 1'b0; req_vaddr = 64'd0; req_wdata = 64'd0;
    csr_sum = 1'b0; csr_mxr = 1'b0; csr_adue = 1'b0; satp_we = 1'b0; satp_wdata = 64'd0;
    sfence_valid = 1'b0; sfence_has_va = 1'b0; sfence_has_asid = 1'b0; sfence_vaddr = 64'd0;
    sfence_asid = 16'd0; flush = 1'b0;
  endtask

  // One clock cycle with the inputs as they are, as rtl_dut_step does: sample this cycle's
  // outputs (functions of state only), serve the memory port at the edge, and present the
  // read data after the edge, so the RTL sees it in the next cycle (a synchronous RAM).
  logic [63:0] rdata_next;
  task automatic one_cycle;
    #1;
    if (resp_valid) begin
      responses = responses + 64'd1;
      digest = (digest ^ {8'd0, resp_paddr}) * Prime;
      digest = (digest ^ resp_rdata) * Prime;
      digest = (digest ^ resp_tval) * Prime;
      digest = (digest ^ {39'd0, resp_fault, 4'd0, resp_cause, 7'd0, resp_tlb_hit, 6'd0, resp_level})
               * Prime;
    end
    rdata_next = 64'd0;
    if (mem_valid) begin
      if (!in_ram({8'd0, mem_addr})) outside = outside + 64'd1;
      else if (mem_we) ram[({8'd0, mem_addr} - ram_base) >> 3] = mem_wdata;
      else rdata_next = ram[({8'd0, mem_addr} - ram_base) >> 3];
    end
    clk = 1'b1;
    #1;
    mem_rdata = rdata_next;
    clk = 1'b0;
    cycles = cycles + 64'd1;
  endtask

  // A cycle of the stimulus: simulated, or only counted (+parse_only).
  task automatic next_cycle;
    if (parse_only) cycles = cycles + 64'd1;
    else one_cycle();
  endtask

  // ==== the replay ====
  string       path;
  integer      fd, n, version;
  logic [8*16-1:0] magic;          // "mmulab-stimulus"
  logic [7:0]  tag;
  logic [63:0] a, b, f [0:17];     // fields of the line being read
  logic        done, ok, complete;

  task automatic finish_with(input string why);
    if (why.len() != 0) $display("replay_tb: FAIL: %s", why);
    $display("replay_tb: cycles %0d writes %0d responses %0d digest %h outside %0d complete %0d",
             cycles, writes, responses, digest, outside, complete);
    $finish;
  endtask

  initial begin
    complete = 1'b0;
    if (!$value$plusargs("max_cycles=%d", max_cycles)) max_cycles = ~64'd0;
    parse_only = $test$plusargs("parse_only");
    if (!$value$plusargs("stim=%s", path)) finish_with("no +stim=PATH");
    fd = $fopen(path, "r");
    if (fd == 0) finish_with({"cannot open ", path});
    n = $fscanf(fd, "%s %d", magic, version);
    if (n != 2 || magic != "mmulab-stimulus" || version != 1)
      finish_with("not an mmulab stimulus of version 1");
    // P: the parameters the recording was made with
    n = $fscanf(fd, " %c %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %h %h", tag,
                f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11], f[12],
                f[13], f[14], f[15], f[16], f[17]);
    if (n != 19 || tag != "P") finish_with("bad P line");
    if (f[0] != TlbEntries || f[1] != TlbWays || f[2] != TlbPolicy || f[3] != Seed ||
        f[4] != L1Size || f[5] != L1Ways || f[6] != L1Lat || f[7] != L2Size || f[8] != L2Ways ||
        f[9] != L2Lat || f[10] != L3Size || f[11] != L3Ways || f[12] != L3Lat || f[13] != Line ||
        f[14] != DramLat || f[15] != CachePolicy || f[16] != MemBase || f[17] != MemSize)
      finish_with("the stimulus was recorded with other RTL parameters than this testbench's");
    // R: the range every access stays in
    n = $fscanf(fd, " %c %h %d", tag, ram_base, ram_words);
    if (n != 3 || tag != "R") finish_with("bad R line");
    ram = new[ram_words];

    idle_inputs();
    repeat (ResetCycles) begin   // synchronous reset, as rtl_dut_new: no memory service
      #1 clk = 1'b1;
      #1 clk = 1'b0;
    end
    rst_n = 1'b1;

    done = 1'b0;
    ok = 1'b1;
    while (!done) begin
      if (cycles == max_cycles) done = 1'b1;
      else begin
        n = $fscanf(fd, " %c", tag);
        if (n != 1) begin
          ok = 1'b0;
          done = 1'b1;
        end else case (tag)
          "I": begin                           // a run of all-zero cycles
            n = $fscanf(fd, "%d", a);
            if (n != 1) begin ok = 1'b0; done = 1'b1; a = 64'd0; end
            idle_inputs();
            while (a != 64'd0 && cycles != max_cycles) begin
              next_cycle();
              a = a - 64'd1;
            end
          end
          "C": begin                           // one cycle with these inputs (mmu_in_t order)
            n = $fscanf(fd, "%h %h %h %h %h %h %h %h %h %h %h %h %h %h %h %h", f[0], f[1], f[2],
                        f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11], f[12], f[13],
                        f[14], f[15]);
            if (n != 16) begin ok = 1'b0; done = 1'b1; end
            else begin
              req_valid = f[0][0]; req_op = f[1][1:0]; req_priv = f[2][0]; req_vaddr = f[3];
              req_wdata = f[4]; csr_sum = f[5][0]; csr_mxr = f[6][0]; csr_adue = f[7][0];
              satp_we = f[8][0]; satp_wdata = f[9]; sfence_valid = f[10][0];
              sfence_has_va = f[11][0]; sfence_has_asid = f[12][0]; sfence_vaddr = f[13];
              sfence_asid = f[14][15:0]; flush = f[15][0];
              next_cycle();
            end
          end
          "W": begin                           // backdoor write between cycles
            n = $fscanf(fd, "%h %h", a, b);
            if (n != 2) begin ok = 1'b0; done = 1'b1; end
            else begin
              writes = writes + 64'd1;
              if (!in_ram(a)) outside = outside + 64'd1;
              else if (!parse_only) ram[(a - ram_base) >> 3] = b;
            end
          end
          "E": begin
            complete = 1'b1;
            done = 1'b1;
          end
          default: begin
            ok = 1'b0;
            done = 1'b1;
          end
        endcase
      end
    end
    $fclose(fd);
    finish_with(ok ? "" : "unreadable stimulus line");
  end
endmodule

`default_nettype wire
