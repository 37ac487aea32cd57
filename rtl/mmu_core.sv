// mmu_core.sv -- the mmulab Sv39/Sv48 MMU core: TLB, page-table walker, A/D compare-and-set, faults
// Moore stage machine IDLE/LOOKUP/PTE/ADR/AD/DATA; memory through a valid/ready request and a
// response valid, any latency, one access outstanding. No cache model (that is mmu_mem_lat.sv).
// Part of mmulab; the C twin is cmodel/mmu.c, the contract is docs/timing-contract.md.
// Licence: as the mmulab repository.
`default_nettype none
`include "mmu_defaults.svh"   // the defaults, generated from cmodel/mmu_params.h

module mmu_core #(
  parameter integer      TlbEntries  = `MMU_DEFAULT_TLB_ENTRIES, // TLB entries in all, 1..4096
  parameter integer      TlbWays     = `MMU_DEFAULT_TLB_WAYS,  // TLB ways (TlbEntries/TlbWays sets, a power of two)
  parameter integer      TlbPolicy   = `MMU_DEFAULT_TLB_POLICY, // TLB replacement: 0 LRU, 1 tree-PLRU, 2 random
  parameter integer      Seed        = `MMU_DEFAULT_SEED,      // TLB random replacement: LFSR seed
  parameter logic [63:0] MemBase     = `MMU_DEFAULT_MEM_BASE,  // physical memory starts here (4 KiB aligned)
  parameter logic [63:0] MemSize     = `MMU_DEFAULT_MEM_SIZE,  // physical memory bytes (4 KiB aligned, > 0)
  parameter integer      LookupCycles = `MMU_DEFAULT_LOOKUP_CYCLES, // 1, or 2: registered lookup (contract 2a)
  parameter integer      TlbRam      = `MMU_DEFAULT_TLB_RAM    // 1: block-RAM TLB (mmu_tlb_ram, LookupCycles 2)
) (
  input  logic        clk_i,
  input  logic        rst_ni,            // synchronous, active low
  // request
  input  logic        req_valid_i,
  output logic        req_ready_o,
  input  logic [1:0]  req_op_i,          // 0 R, 1 W, 2 X
  input  logic        req_priv_i,        // 0 U, 1 S
  input  logic [63:0] req_vaddr_i,
  input  logic [63:0] req_wdata_i,
  input  logic        csr_sum_i,
  input  logic        csr_mxr_i,
  input  logic        csr_adue_i,        // 1 Svadu, 0 Svade
  // control
  input  logic        satp_we_i,
  input  logic [63:0] satp_wdata_i,
  input  logic        sfence_valid_i,
  input  logic        sfence_has_va_i,
  input  logic [63:0] sfence_vaddr_i,
  input  logic        sfence_has_asid_i,
  input  logic [15:0] sfence_asid_i,
  input  logic        flush_i,
  // response
  output logic        resp_valid_o,
  output logic        resp_fault_o,
  output logic [3:0]  resp_cause_o,
  output logic [63:0] resp_tval_o,
  output logic [55:0] resp_paddr_o,
  output logic        resp_tlb_hit_o,
  output logic [1:0]  resp_level_o,
  output logic [63:0] resp_rdata_o,
  // memory request (docs/rtl.md "Memory interface"): held until ready; one outstanding
  output logic        mreq_valid_o,
  input  logic        mreq_ready_i,
  output logic        mreq_we_o,
  output logic [55:0] mreq_addr_o,
  output logic [63:0] mreq_wdata_o,
  // memory response: one per accepted request, any number of cycles later (>= 1), no ready
  input  logic        mrsp_valid_i,
  input  logic [63:0] mrsp_rdata_i,      // the word read (a read's response)
  input  logic [1:0]  mrsp_level_i,      // where it was served: 0 L1 .. 3 DRAM (resp_level_o)
  // observation: the TLB's valid bits (the harness's deep compare)
  output logic [TlbEntries-1:0] tlb_valid_o
);
  // ==== parameters ====
  // StAdr, the A/D re-read and compare, runs before StAd; numbered last as in mmu.h
  localparam [2:0] StIdle = 3'd0, StLookup = 3'd1, StPte = 3'd2, StAd = 3'd3, StData = 3'd4,
                   StAdr = 3'd5;
  localparam [1:0] ActNext = 2'd0, ActLeaf = 2'd1, ActLeafAd = 2'd2, ActFault = 2'd3;
  localparam [3:0] ModeBare = 4'd0, ModeSv39 = 4'd8, ModeSv48 = 4'd9;
  localparam [1:0] OpW = 2'd1, OpX = 2'd2;

  // physical address of va through a leaf of `level` with PPN ppn (ptw_leaf_pa)
  function automatic logic [55:0] leaf_pa(input logic [43:0] ppn, input logic [1:0] level,
                                          input logic [38:0] va);
    case (level)
      2'd0:    leaf_pa = {ppn,        va[11:0]};
      2'd1:    leaf_pa = {ppn[43:9],  va[20:0]};
      2'd2:    leaf_pa = {ppn[43:18], va[29:0]};
      default: leaf_pa = {ppn[43:27], va[38:0]};
    endcase
  endfunction

  // [MemBase, MemBase+MemSize) holds the 8-byte word at the aligned address a (physmem_in_range)
  // A power-of-two size with MemBase a multiple of it (the default: 1 GiB at 2 GiB) is one
  // masked compare of the bits above the size; any other range takes two 64-bit compares.
  localparam logic [63:0] MemMask  = ~(MemSize - 64'd1);
  localparam logic        MemAlign = ((MemSize & (MemSize - 64'd1)) == 64'd0) &&
                                     ((MemBase & ~MemMask) == 64'd0);
  function automatic logic in_mem(input logic [63:0] a);
    if (MemAlign) in_mem = ((a & MemMask) == MemBase);
    else          in_mem = (a >= MemBase) && ((a - MemBase) < MemSize);
  endfunction

  // ==== state ====
  logic [63:0]     satp_q;
  logic [2:0]      state_q;
  logic            first_q;                // the stage's request is not yet accepted (LOOKUP: L1)
  // the request, latched at accept
  logic [63:0]     va_q, wdata_q;          // (mmu_req_latch.sv)
  logic [1:0]      op_q;
  logic            priv_q, sum_q, mxr_q, adue_q;
  logic [3:0]      mode_q;
  logic [15:0]     asid_q;
  logic [43:0]     root_ppn_q;
  // walk
  logic [1:0]      level_q;
  logic [55:0]     pte_addr_q;
  logic [63:0]     pte_q;                  // the PTE read (captured from the response)
  logic            global_q;               // a PTE on the path had G
  logic            kill_q;                 // an sfence/flush since accept: no refill
  logic            tlb_hit_q;
  logic [63:0]     leaf_pte_q;             // the leaf (its level: level_q, kept from the leaf on)
  logic            fill_pend_q;            // LookupCycles 2: refill at DATA's first edge
  // data
  logic [63:0]     pa_q;                   // 64 bits: in Bare mode it is the whole vaddr

  // ==== datapath ====
  logic            accept;                 // the request is accepted at this edge
  logic            sfence_now, is_w, is_x, bare, sv48, canonical;
  logic [3:0]      pf_cause, af_cause;
  logic            done;                   // the stage's response is here: decide now
  logic [63:0]     pte_eff, word;
  logic            ad_same;
  logic            pte_in_mem, word_in_mem;
  logic [55:0]     root_pte_addr;
  logic [8:0]      root_vpn;

  assign accept = (state_q == StIdle) && req_valid_i;
  assign sfence_now = sfence_valid_i || flush_i;
  assign is_w = (op_q == OpW);
  assign is_x = (op_q == OpX);
  assign bare = (mode_q == ModeBare);
  assign sv48 = (mode_q == ModeSv48);
  assign pf_cause = is_x ? 4'd12 : is_w ? 4'd15 : 4'd13;
  assign af_cause = is_x ? 4'd1  : is_w ? 4'd7  : 4'd5;
  assign done    = !first_q && mrsp_valid_i;
  // the PTE decided on: the response's word, read only in its cycle (done), so no mux with
  // the captured copy pte_q (one LUT level less before mmu_ptw, the iCE40 critical path)
  assign pte_eff = mrsp_rdata_i;
  // ADR compares the re-read with pte_q, the leaf as its PTE stage read it (contract 3a)
  assign ad_same = (mrsp_rdata_i == pte_q);
  assign word = {pa_q[63:3], 3'b000};
  assign pte_in_mem  = in_mem({8'd0, pte_addr_q});
  assign word_in_mem = in_mem(word);
  assign root_vpn = sv48 ? va_q[47:39] : va_q[38:30];
  assign root_pte_addr = {root_ppn_q, root_vpn, 3'b000};   // = ppn*4096 + vpn*8, no carry

  // ---- TLB ----
  logic        lk_hit;
  logic [1:0]  lk_level;
  logic [7:0]  lk_perm;
  logic [43:0] lk_ppn;
  logic        hit_ok;
  logic        tlb_touch, tlb_inval, tlb_fill;
  logic [1:0]  fill_level;
  logic [63:0] fill_pte;
  logic        fill_g;

  // TlbRam 0: the flop TLB of the contract's section 4; 1: the block-RAM TLB of the tlb_ram
  // option (one set per lookup, sfence invalidates all; LookupCycles 2 only, contract 2a).
  // The sfence operands go unused by the RAM TLB: every sfence clears every entry.
  if (TlbRam == 0) begin : g_tlb
    mmu_tlb #(
      .Entries (TlbEntries), .Ways (TlbWays), .Policy (TlbPolicy), .Seed (Seed),
      .LookupCycles (LookupCycles)
    ) u_tlb (
      .clk_i         (clk_i),
      .rst_ni        (rst_ni),
      .lk_en_i       (state_q == StLookup),
      .lk_vpn_i      (va_q[47:12]),
      .lk_asid_i     (asid_q),
      .pre_en_i      (accept),
      .pre_vpn_i     (req_vaddr_i[47:12]),
      .pre_asid_i    (satp_q[59:44]),
      .lk_hit_o      (lk_hit),
      .lk_level_o    (lk_level),
      .lk_perm_o     (lk_perm),
      .lk_ppn_o      (lk_ppn),
      .touch_i       (tlb_touch),
      .inval_i       (tlb_inval),
      .fill_i        (tlb_fill),
      .fill_level_i  (fill_level),
      .fill_perm_i   ({fill_pte[7:6], fill_g, fill_pte[4:0]}),
      .fill_asid_i   (asid_q),
      .fill_vpn_i    (va_q[47:12]),
      .fill_ppn_i    (fill_pte[53:10]),
      .sfence_i      (sfence_valid_i),
      .sf_has_va_i   (sfence_has_va_i),
      .sf_vpn_i      (sfence_vaddr_i[47:12]),
      .sf_has_asid_i (sfence_has_asid_i),
      .sf_asid_i     (sfence_asid_i),
      .flush_i       (flush_i),
      .valid_o       (tlb_valid_o)
    );
  end else begin : g_tlb_ram
    // an elaboration error in every tool (Icarus 11 has no elaboration $fatal): the missing
    // module's name is the message
    if (LookupCycles != 2) begin : g_bad_cfg
      mmu_tlb_ram_needs_lookup_cycles_2 u_stop ();
    end
    logic unused_sf;
    assign unused_sf = ^{sfence_has_va_i, sfence_vaddr_i, sfence_has_asid_i, sfence_asid_i};
    mmu_tlb_ram #(
      .Entries (TlbEntries), .Ways (TlbWays), .Policy (TlbPolicy), .Seed (Seed)
    ) u_tlb (
      .clk_i         (clk_i),
      .rst_ni        (rst_ni),
      .lk_en_i       (state_q == StLookup),
      .lk_vpn_i      (va_q[47:12]),
      .lk_asid_i     (asid_q),
      .lk_hit_o      (lk_hit),
      .lk_level_o    (lk_level),
      .lk_perm_o     (lk_perm),
      .lk_ppn_o      (lk_ppn),
      .touch_i       (tlb_touch),
      .inval_i       (tlb_inval),
      .fill_i        (tlb_fill),
      .fill_level_i  (fill_level),
      .fill_perm_i   ({fill_pte[7:6], fill_g, fill_pte[4:0]}),
      .fill_asid_i   (asid_q),
      .fill_vpn_i    (va_q[47:12]),
      .fill_ppn_i    (fill_pte[53:10]),
      .sfence_i      (sfence_valid_i),
      .flush_i       (flush_i),
      .valid_o       (tlb_valid_o)
    );
  end

  mmu_leaf_check u_hit_check (
    .perm_i (lk_perm), .op_i (op_q), .priv_i (priv_q), .sum_i (sum_q), .mxr_i (mxr_q),
    .adue_i (adue_q), .ok_o (hit_ok)
  );

  // refill from the leaf PTE stage (pte_eff) or from the AD stage (leaf_pte_q); LookupCycles 2:
  // always from the registers, in DATA's first cycle (contract 2a)
  logic fill_leaf;
  assign fill_leaf = (LookupCycles == 2) || (state_q == StAd);
  assign fill_level  = level_q;   // a walk's level_q stays at its leaf's until the next walk
  assign fill_pte    = fill_leaf ? leaf_pte_q : pte_eff;
  assign fill_g      = fill_leaf ? global_q : (global_q || pte_eff[5]);

  // ---- page-table walk decision ----
  logic [1:0]  action;
  logic [55:0] next_addr;
  logic [63:0] new_pte;

  mmu_ptw u_ptw (
    .pte_i (pte_eff), .level_i (level_q), .va_i (va_q), .op_i (op_q), .priv_i (priv_q),
    .sum_i (sum_q), .mxr_i (mxr_q), .adue_i (adue_q),
    .action_o (action), .next_addr_o (next_addr), .new_pte_o (new_pte)
  );

  // ==== the request, its CSR bits and satp's fields, latched at accept ====
  mmu_req_latch u_req (
    .clk_i (clk_i), .rst_ni (rst_ni), .accept_i (accept),
    .req_op_i (req_op_i), .req_priv_i (req_priv_i), .req_vaddr_i (req_vaddr_i),
    .req_wdata_i (req_wdata_i), .csr_sum_i (csr_sum_i), .csr_mxr_i (csr_mxr_i),
    .csr_adue_i (csr_adue_i), .satp_i (satp_q),
    .va_o (va_q), .op_o (op_q), .priv_o (priv_q), .sum_o (sum_q), .mxr_o (mxr_q),
    .adue_o (adue_q), .mode_o (mode_q), .wdata_o (wdata_q), .asid_o (asid_q),
    .root_ppn_o (root_ppn_q), .canonical_o (canonical)
  );

  // ==== outputs: functions of the state and of the memory response (mmu_core_out.sv) ====
  mmu_core_out #(.LookupCycles (LookupCycles)) u_out (
    .state_q (state_q), .first_q (first_q), .bare (bare), .canonical (canonical),
    .lk_hit (lk_hit), .hit_ok (hit_ok), .pte_in_mem (pte_in_mem), .word_in_mem (word_in_mem),
    .done (done), .action (action), .pf_cause (pf_cause), .af_cause (af_cause),
    .tlb_hit_q (tlb_hit_q), .is_w (is_w), .va_q (va_q), .wdata_q (wdata_q),
    .pte_addr_q (pte_addr_q), .leaf_pte_q (leaf_pte_q), .pa_q (pa_q[55:0]), .word (word[55:0]),
    .mrsp_level_i (mrsp_level_i), .mrsp_rdata_i (mrsp_rdata_i),
    .req_ready_o (req_ready_o), .resp_valid_o (resp_valid_o), .resp_fault_o (resp_fault_o),
    .resp_cause_o (resp_cause_o), .resp_tval_o (resp_tval_o), .resp_paddr_o (resp_paddr_o),
    .resp_tlb_hit_o (resp_tlb_hit_o), .resp_level_o (resp_level_o), .resp_rdata_o (resp_rdata_o),
    .mreq_valid_o (mreq_valid_o), .mreq_we_o (mreq_we_o), .mreq_addr_o (mreq_addr_o),
    .mreq_wdata_o (mreq_wdata_o)
  );

  // ==== the TLB's commands at this edge (combinational: the TLB acts on them at the edge) ====
  // a hit LOOKUP decides on (LookupCycles 2: in its second cycle), of a translated, canonical
  // address.  lk_hit is 1 only in LOOKUP's cycles (LookupCycles 1: first_q is 0 all through) and,
  // with LookupCycles 2, in the cycle after LOOKUP too: first_q is 1 there after a stage starts,
  // but 0 in IDLE after a response from LOOKUP, hence the state term
  logic lk_hit_now, fill_now;
  assign lk_hit_now = (state_q == StLookup) && lk_hit && !first_q && !bare && canonical;
  // the refill: a leaf PTE's or the AD write's response; LookupCycles 2: DATA's first edge
  assign fill_now  = (LookupCycles == 2) ? fill_pend_q   // 1 only in DATA's first cycle
                                         : (done && ((state_q == StPte && action == ActLeaf) ||
                                                     state_q == StAd));
  always @(*) begin
    tlb_touch = lk_hit_now;             // every match touches
    // Svadu store to a clean page: walk again to set D
    tlb_inval = lk_hit_now && hit_ok && is_w && !lk_perm[7];
    tlb_fill  = 1'b0;
    if (fill_now) tlb_fill = !(kill_q || sfence_now);
  end

  // ==== next state: stage work, then satp, sfence, flush ====
  // Clocked, each register written only where it changes: Verilator evaluates this once per
  // edge, not in every evaluation of the inputs (docs/bench.md). The comparisons the stages
  // decide on are read here only; the outputs of the same cycle are mmu_core_out's.
  always @(posedge clk_i) begin
    if (!rst_ni) begin
      state_q      <= StIdle;
      first_q      <= 1'b0;
      level_q      <= 2'd0;
      pte_addr_q   <= 56'd0;
      pte_q        <= 64'd0;
      global_q     <= 1'b0;
      tlb_hit_q    <= 1'b0;
      leaf_pte_q   <= 64'd0;
      fill_pend_q  <= 1'b0;
      pa_q         <= 64'd0;
    end else begin
      // a PTE stage's response word, for ADR's compare with the re-read (contract 3a): taken in
      // every PTE cycle, so the one kept is the last, the response's (the leaf's, on to ADR);
      // in the cycles before, it shows whatever the memory side drives
      if (state_q == StPte) pte_q <= mrsp_rdata_i;

      case (state_q)
        StIdle: begin
          if (req_valid_i) begin        // accept: mmu_req_latch latches the request, CSRs, satp
            global_q    <= 1'b0;
            tlb_hit_q   <= 1'b0;
            fill_pend_q <= 1'b0;
            first_q     <= (LookupCycles == 2);   // L1 of a 2-cycle LOOKUP registers the lookup
            state_q     <= StLookup;
          end
        end
        StLookup: begin
          if (LookupCycles == 2 && first_q) begin
            first_q <= 1'b0;            // L1: the TLB registers the lookup (contract 2a)
          end else if (bare) begin
            pa_q    <= va_q;
            state_q <= StData;
            first_q <= 1'b1;
          end else if (!canonical) begin
            state_q <= StIdle;
          end else if (lk_hit && !hit_ok) begin
            tlb_hit_q <= 1'b1;
            state_q   <= StIdle;
          end else if (lk_hit && !(is_w && !lk_perm[7])) begin
            tlb_hit_q <= 1'b1;
            pa_q      <= {8'd0, leaf_pa(lk_ppn, lk_level, va_q[38:0])};
            state_q   <= StData;
            first_q   <= 1'b1;
          end else begin                // a miss, or a clean store's hit (tlb_inval): walk
            level_q    <= sv48 ? 2'd3 : 2'd2;
            pte_addr_q <= root_pte_addr;
            state_q    <= StPte;
            first_q    <= 1'b1;
          end
        end
        StPte: begin
          if (first_q) begin
            if (!pte_in_mem) begin
              state_q <= StIdle;        // access fault
            end else if (mreq_ready_i) begin
              first_q <= 1'b0;          // accepted: wait for the response
            end
          end else if (done) begin
            if (pte_eff[5]) global_q <= 1'b1;
            case (action)
              ActNext: begin
                level_q    <= level_q - 2'd1;
                pte_addr_q <= next_addr;
                first_q    <= 1'b1;
              end
              ActFault: state_q <= StIdle;
              default: begin            // leaf
                leaf_pte_q   <= (action == ActLeaf) ? pte_eff : new_pte;
                first_q      <= 1'b1;
                if (action == ActLeafAd) begin
                  state_q <= StAdr;
                end else begin
                  if (LookupCycles == 2) fill_pend_q <= 1'b1;   // else tlb_fill at this edge
                  pa_q    <= {8'd0, leaf_pa(pte_eff[53:10], level_q, va_q[38:0])};
                  state_q <= StData;
                end
              end
            endcase
          end
        end
        StAdr: begin
          if (first_q) begin
            if (mreq_ready_i) first_q <= 1'b0;
          end else if (done && ad_same) begin
            state_q <= StAd;            // unchanged: write A/D
            first_q <= 1'b1;
          end else if (done) begin      // changed: no write, walk again from the root
            level_q    <= sv48 ? 2'd3 : 2'd2;
            pte_addr_q <= root_pte_addr;
            global_q   <= 1'b0;
            state_q    <= StPte;
            first_q    <= 1'b1;
          end
        end
        StAd: begin
          if (first_q) begin
            if (mreq_ready_i) first_q <= 1'b0;
          end else if (done) begin
            if (LookupCycles == 2) fill_pend_q <= 1'b1;   // else tlb_fill at this edge
            pa_q    <= {8'd0, leaf_pa(leaf_pte_q[53:10], level_q, va_q[38:0])};
            state_q <= StData;
            first_q <= 1'b1;
          end
        end
        StData: begin
          fill_pend_q <= 1'b0;   // LookupCycles 2: refilled at DATA's first edge (set entering DATA)
          if (first_q) begin
            if (!word_in_mem) begin
              state_q <= StIdle;        // access fault
            end else if (mreq_ready_i) begin
              first_q <= 1'b0;
            end
          end else if (done) begin
            state_q <= StIdle;
          end
        end
        default: state_q <= StIdle;
      endcase
    end
  end

  // control, after the stage work (contract section 4, "Order of effects")
  always @(posedge clk_i) begin
    if (!rst_ni) begin
      satp_q <= 64'd0;
    end else if (satp_we_i && (satp_wdata_i[63:60] == ModeBare || satp_wdata_i[63:60] == ModeSv39 ||
                               satp_wdata_i[63:60] == ModeSv48)) begin
      satp_q <= satp_wdata_i;           // WARL: other modes are ignored
    end
  end

  // kill: set at the accepting edge if sfence/flush is there, later at any edge with sfence/flush
  // that does not end the request (the stages end it exactly where they respond: resp_valid_o)
  // No reset: kill_q is read only after an accept, and every idle edge, the accepting one
  // among them, loads it.
  always @(posedge clk_i) begin
    if (state_q == StIdle) begin
      kill_q <= sfence_now;
    end else if (sfence_now) begin
      kill_q <= 1'b1;
    end
  end

  logic unused_core;   // the sfence VA is compared as vaddr[47:12]; G comes from fill_g
  assign unused_core = ^{sfence_vaddr_i[63:48], sfence_vaddr_i[11:0],
                         fill_pte[63:54], fill_pte[9:8], fill_pte[5]};
endmodule

`default_nettype wire
