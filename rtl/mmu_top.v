// mmu_top.v -- the mmulab Sv39/Sv48 MMU: TLB, page-table walker, A/D update, latency model
// Moore stage machine IDLE/LOOKUP/PTE/ADR/AD/DATA with a synchronous-RAM memory port.
// Part of mmulab; the C twin is cmodel/mmu.c, the contract is docs/timing-contract.md.
// Licence: as the mmulab repository.
`default_nettype none
`include "mmu_defaults.vh"   // the defaults, generated from cmodel/mmu_params.h

module mmu_top #(
  parameter integer      TlbEntries  = `MMU_DEFAULT_TLB_ENTRIES, // TLB entries in all, 1..4096
  parameter integer      TlbWays     = `MMU_DEFAULT_TLB_WAYS,  // TLB ways (TlbEntries/TlbWays sets, a power of two)
  parameter integer      TlbPolicy   = `MMU_DEFAULT_TLB_POLICY, // TLB replacement: 0 LRU, 1 tree-PLRU, 2 random
  parameter integer      Seed        = `MMU_DEFAULT_SEED,      // TLB random replacement: LFSR seed
  parameter integer      L1Size      = `MMU_DEFAULT_L1_SIZE,   // L1 bytes
  parameter integer      L1Ways      = `MMU_DEFAULT_L1_WAYS,   // L1 ways
  parameter integer      L1Lat       = `MMU_DEFAULT_L1_LAT,    // L1 hit latency in cycles (>= 2)
  parameter integer      L2Size      = `MMU_DEFAULT_L2_SIZE,   // L2 bytes
  parameter integer      L2Ways      = `MMU_DEFAULT_L2_WAYS,   // L2 ways
  parameter integer      L2Lat       = `MMU_DEFAULT_L2_LAT,    // L2 hit latency (>= 2)
  parameter integer      L3Size      = `MMU_DEFAULT_L3_SIZE,   // L3 bytes
  parameter integer      L3Ways      = `MMU_DEFAULT_L3_WAYS,   // L3 ways
  parameter integer      L3Lat       = `MMU_DEFAULT_L3_LAT,    // L3 hit latency (>= 2)
  parameter integer      Line        = `MMU_DEFAULT_LINE,      // cache line bytes, power of two >= 8
  parameter integer      DramLat     = `MMU_DEFAULT_DRAM_LAT,  // latency of an access missing every level (>= 2)
  parameter integer      CachePolicy = `MMU_DEFAULT_CACHE_POLICY, // cache replacement: 0 LRU, 1 tree-PLRU, 2 random
  parameter logic [63:0] MemBase     = `MMU_DEFAULT_MEM_BASE,  // physical memory starts here (4 KiB aligned)
  parameter logic [63:0] MemSize     = `MMU_DEFAULT_MEM_SIZE   // physical memory bytes (4 KiB aligned, > 0)
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
  // memory port: one 64-bit word per request; read data arrives in the next cycle
  output logic        mem_valid_o,
  output logic        mem_we_o,
  output logic [55:0] mem_addr_o,
  output logic [63:0] mem_wdata_o,
  input  logic [63:0] mem_rdata_i
);
  // ==== parameters ====
  localparam integer MaxLat = (L1Lat > L2Lat ? L1Lat : L2Lat) > (L3Lat > DramLat ? L3Lat : DramLat)
                            ? (L1Lat > L2Lat ? L1Lat : L2Lat) : (L3Lat > DramLat ? L3Lat : DramLat);
  localparam integer LatW = $clog2(MaxLat + 1);   // stage cycle counter width

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
  function automatic logic in_mem(input logic [63:0] a);
    in_mem = (a >= MemBase) && ((a - MemBase) < MemSize);
  endfunction

  // ==== state ====
  logic [63:0]     satp_q, satp_d;
  logic [2:0]      state_q, state_d;
  logic            first_q, first_d;       // the stage's first cycle
  logic [LatW-1:0] left_q, left_d;         // cycles left after this one (mmu.c left_q)
  // the request, latched at accept
  logic [63:0]     va_q, va_d;
  logic [1:0]      op_q, op_d;
  logic            priv_q, priv_d, sum_q, sum_d, mxr_q, mxr_d, adue_q, adue_d;
  logic [3:0]      mode_q, mode_d;
  logic [63:0]     wdata_q, wdata_d;
  logic [15:0]     asid_q, asid_d;
  logic [43:0]     root_ppn_q, root_ppn_d;
  // walk
  logic [1:0]      level_q, level_d;
  logic [55:0]     pte_addr_q, pte_addr_d;
  logic [63:0]     pte_q, pte_d;           // the PTE read (captured from mem_rdata_i)
  logic            global_q, global_d;     // a PTE on the path had G
  logic            kill_q, kill_d;         // an sfence/flush since accept: no refill
  logic            tlb_hit_q, tlb_hit_d;
  logic [63:0]     leaf_pte_q, leaf_pte_d;
  logic [1:0]      leaf_level_q, leaf_level_d;
  logic            ad_same_q, ad_same_d;   // ADR: the word re-read equals pte_q (mmu.c ad_same_q)
  // data
  logic [63:0]     pa_q, pa_d;             // 64 bits: in Bare mode it is the whole vaddr
  logic [1:0]      data_level_q, data_level_d;
  logic [63:0]     rdata_q, rdata_d;
  logic            rd_pend_q, rd_pend_d;   // RTL only: mem_rdata_i holds this stage's read

  // ==== datapath ====
  logic            sfence_now, is_w, is_x, bare, sv48, canonical;
  logic [3:0]      pf_cause, af_cause;
  logic            last;
  logic [63:0]     pte_eff, rdata_eff, word;
  logic            ad_same_eff;
  logic            pte_in_mem, word_in_mem;
  logic [55:0]     root_pte_addr;
  logic [8:0]      root_vpn;

  assign sfence_now = sfence_valid_i || flush_i;
  assign is_w = (op_q == OpW);
  assign is_x = (op_q == OpX);
  assign bare = (mode_q == ModeBare);
  assign sv48 = (mode_q == ModeSv48);
  assign canonical = sv48 ? (&va_q[63:47] || ~|va_q[63:47]) : (&va_q[63:38] || ~|va_q[63:38]);
  assign pf_cause = is_x ? 4'd12 : is_w ? 4'd15 : 4'd13;
  assign af_cause = is_x ? 4'd1  : is_w ? 4'd7  : 4'd5;
  assign last = !first_q && (left_q == LatW'(1));
  // a stage's read arrives in its second cycle; later cycles use the captured copy
  assign pte_eff   = rd_pend_q ? mem_rdata_i : pte_q;
  assign rdata_eff = rd_pend_q ? mem_rdata_i : rdata_q;
  // ADR compares the re-read with pte_q, the leaf as its PTE stage read it (contract 3a)
  assign ad_same_eff = rd_pend_q ? (mem_rdata_i == pte_q) : ad_same_q;
  assign word = {pa_q[63:3], 3'b000};
  assign pte_in_mem  = in_mem({8'd0, pte_addr_q});
  assign word_in_mem = in_mem(word);
  assign root_vpn = sv48 ? va_q[47:39] : va_q[38:30];
  assign root_pte_addr = {root_ppn_q, 12'h000} + {44'd0, root_vpn, 3'b000};

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
  logic [TlbEntries-1:0] tlb_valid /*verilator public_flat_rd*/;   // deep compare

  mmu_tlb #(
    .Entries (TlbEntries), .Ways (TlbWays), .Policy (TlbPolicy), .Seed (Seed)
  ) u_tlb (
    .clk_i         (clk_i),
    .rst_ni        (rst_ni),
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
    .sf_has_va_i   (sfence_has_va_i),
    .sf_vpn_i      (sfence_vaddr_i[47:12]),
    .sf_has_asid_i (sfence_has_asid_i),
    .sf_asid_i     (sfence_asid_i),
    .flush_i       (flush_i),
    .valid_o       (tlb_valid)
  );

  mmu_leaf_check u_hit_check (
    .perm_i (lk_perm), .op_i (op_q), .priv_i (priv_q), .sum_i (sum_q), .mxr_i (mxr_q),
    .adue_i (adue_q), .ok_o (hit_ok)
  );

  // refill from the leaf PTE stage (pte_eff) or from the AD stage (leaf_pte_q)
  assign fill_level = (state_q == StAd) ? leaf_level_q : level_q;
  assign fill_pte   = (state_q == StAd) ? leaf_pte_q : pte_eff;
  assign fill_g     = (state_q == StAd) ? global_q : (global_q || pte_eff[5]);

  // ---- page-table walk decision ----
  logic [1:0]  action;
  logic [55:0] next_addr;
  logic [63:0] new_pte;

  mmu_ptw u_ptw (
    .pte_i (pte_eff), .level_i (level_q), .va_i (va_q), .op_i (op_q), .priv_i (priv_q),
    .sum_i (sum_q), .mxr_i (mxr_q), .adue_i (adue_q),
    .action_o (action), .next_addr_o (next_addr), .new_pte_o (new_pte)
  );

  // ---- latency model ----
  logic            cache_access;
  logic [1:0]      cache_level;
  logic [LatW-1:0] cache_lat;

  mmu_cache_lat #(
    .L1Size (L1Size), .L1Ways (L1Ways), .L1Lat (L1Lat),
    .L2Size (L2Size), .L2Ways (L2Ways), .L2Lat (L2Lat),
    .L3Size (L3Size), .L3Ways (L3Ways), .L3Lat (L3Lat),
    .Line (Line), .DramLat (DramLat), .Policy (CachePolicy), .LatW (LatW), .PaW (56)
  ) u_cache (
    .clk_i     (clk_i),
    .rst_ni    (rst_ni),
    .flush_i   (flush_i),
    .access_i  (cache_access),
    .addr_i    ((state_q == StData) ? word[55:0] : pte_addr_q),
    .level_o   (cache_level),
    .latency_o (cache_lat)
  );

  // ==== outputs: functions of the state only ====
  // A fault ends the request the same way in every stage (mmu.c respond_fault):
  // the stages only say whether, with which cause and hit flag.
  logic       fault;
  logic [3:0] fault_cause;
  logic       fault_hit;

  always @(*) begin
    fault          = 1'b0;
    fault_cause    = pf_cause;
    fault_hit      = tlb_hit_q;
    req_ready_o    = (state_q == StIdle);
    resp_valid_o   = 1'b0;
    resp_fault_o   = 1'b0;
    resp_cause_o   = 4'd0;
    resp_tval_o    = 64'd0;
    resp_paddr_o   = 56'd0;
    resp_tlb_hit_o = 1'b0;
    resp_level_o   = 2'd0;
    resp_rdata_o   = 64'd0;
    mem_valid_o    = 1'b0;
    mem_we_o       = 1'b0;
    mem_addr_o     = 56'd0;
    mem_wdata_o    = 64'd0;
    case (state_q)
      StLookup: begin
        if (!bare && (!canonical || (lk_hit && !hit_ok))) begin
          fault     = 1'b1;            // page fault found in LOOKUP
          fault_hit = canonical;       // a permission fault of a hit
        end
      end
      StPte: begin
        if (first_q) begin
          if (!pte_in_mem) begin
            fault       = 1'b1;
            fault_cause = af_cause;
          end else begin
            mem_valid_o = 1'b1;
            mem_addr_o  = pte_addr_q;
          end
        end else if (last && action == ActFault) begin
          fault = 1'b1;
        end
      end
      StAdr: begin
        if (first_q) begin              // the re-read (no range check: PTE(i) read it)
          mem_valid_o = 1'b1;
          mem_addr_o  = pte_addr_q;
        end
      end
      StAd: begin
        if (first_q) begin
          mem_valid_o = 1'b1;
          mem_we_o    = 1'b1;
          mem_addr_o  = pte_addr_q;
          mem_wdata_o = leaf_pte_q;
        end
      end
      StData: begin
        if (first_q) begin
          if (!word_in_mem) begin
            fault       = 1'b1;
            fault_cause = af_cause;
          end else begin
            mem_valid_o = 1'b1;
            mem_addr_o  = word[55:0];
            if (is_w) begin
              mem_we_o    = 1'b1;
              mem_wdata_o = wdata_q;
            end
          end
        end else if (last) begin
          resp_valid_o   = 1'b1;
          resp_paddr_o   = pa_q[55:0];
          resp_tlb_hit_o = tlb_hit_q;
          resp_level_o   = data_level_q;
          resp_rdata_o   = rdata_eff;
        end
      end
      default: ;
    endcase
    if (fault) begin
      resp_valid_o   = 1'b1;
      resp_fault_o   = 1'b1;
      resp_cause_o   = fault_cause;
      resp_tval_o    = va_q;
      resp_tlb_hit_o = fault_hit;
    end
  end

  // ==== next state: stage work, then satp, sfence, flush ====
  always @(*) begin
    satp_d       = satp_q;
    state_d      = state_q;
    first_d      = first_q;
    left_d       = left_q;
    va_d         = va_q;
    op_d         = op_q;
    priv_d       = priv_q;
    sum_d        = sum_q;
    mxr_d        = mxr_q;
    adue_d       = adue_q;
    mode_d       = mode_q;
    wdata_d      = wdata_q;
    asid_d       = asid_q;
    root_ppn_d   = root_ppn_q;
    level_d      = level_q;
    pte_addr_d   = pte_addr_q;
    pte_d        = pte_q;
    global_d     = global_q;
    kill_d       = kill_q;
    tlb_hit_d    = tlb_hit_q;
    leaf_pte_d   = leaf_pte_q;
    leaf_level_d = leaf_level_q;
    ad_same_d    = ad_same_q;
    pa_d         = pa_q;
    data_level_d = data_level_q;
    rdata_d      = rdata_q;
    rd_pend_d    = 1'b0;
    tlb_touch    = 1'b0;
    tlb_inval    = 1'b0;
    tlb_fill     = 1'b0;
    cache_access = 1'b0;

    // the read of a stage's first cycle is on mem_rdata_i in its second cycle: keep it
    if (rd_pend_q) begin
      if (state_q == StData)     rdata_d   = mem_rdata_i;
      else if (state_q == StAdr) ad_same_d = ad_same_eff;   // pte_q keeps the leaf as read
      else                       pte_d     = mem_rdata_i;
    end

    case (state_q)
      StIdle: begin
        if (req_valid_i) begin          // accept: latch the request, the CSRs and satp
          va_d       = req_vaddr_i;
          op_d       = req_op_i;
          priv_d     = req_priv_i;
          sum_d      = csr_sum_i;
          mxr_d      = csr_mxr_i;
          adue_d     = csr_adue_i;
          mode_d     = satp_q[63:60];
          wdata_d    = req_wdata_i;
          asid_d     = satp_q[59:44];
          root_ppn_d = satp_q[43:0];
          kill_d     = sfence_now;
          global_d   = 1'b0;
          tlb_hit_d  = 1'b0;
          state_d    = StLookup;
        end
      end
      StLookup: begin
        if (bare) begin
          pa_d    = va_q;
          state_d = StData;
          first_d = 1'b1;
          left_d  = '0;
        end else if (!canonical) begin
          state_d = StIdle;
        end else begin
          tlb_touch = lk_hit;           // every match touches
          if (lk_hit && !hit_ok) begin
            tlb_hit_d = 1'b1;
            state_d   = StIdle;
          end else if (lk_hit && !(is_w && !lk_perm[7])) begin
            tlb_hit_d = 1'b1;
            pa_d      = {8'd0, leaf_pa(lk_ppn, lk_level, va_q[38:0])};
            state_d   = StData;
            first_d   = 1'b1;
            left_d    = '0;
          end else begin
            tlb_inval  = lk_hit;        // Svadu store to a clean page: walk again to set D
            level_d    = sv48 ? 2'd3 : 2'd2;
            pte_addr_d = root_pte_addr;
            state_d    = StPte;
            first_d    = 1'b1;
            left_d     = '0;
          end
        end
      end
      StPte: begin
        if (first_q) begin
          if (!pte_in_mem) begin
            state_d = StIdle;           // access fault
          end else begin
            cache_access = 1'b1;
            left_d    = cache_lat - LatW'(1);
            first_d   = 1'b0;
            rd_pend_d = 1'b1;
          end
        end else if (!last) begin
          left_d = left_q - LatW'(1);
        end else begin
          if (pte_eff[5]) global_d = 1'b1;
          case (action)
            ActNext: begin
              level_d    = level_q - 2'd1;
              pte_addr_d = next_addr;
              first_d    = 1'b1;
              left_d     = '0;
            end
            ActFault: state_d = StIdle;
            default: begin              // leaf
              leaf_pte_d   = (action == ActLeaf) ? pte_eff : new_pte;
              leaf_level_d = level_q;
              first_d      = 1'b1;
              left_d       = '0;
              if (action == ActLeafAd) begin
                state_d = StAdr;
              end else begin
                tlb_fill = !(kill_q || sfence_now);
                pa_d     = {8'd0, leaf_pa(pte_eff[53:10], level_q, va_q[38:0])};
                state_d  = StData;
              end
            end
          endcase
        end
      end
      StAdr: begin
        if (first_q) begin
          cache_access = 1'b1;
          left_d    = cache_lat - LatW'(1);
          first_d   = 1'b0;
          rd_pend_d = 1'b1;
        end else if (!last) begin
          left_d = left_q - LatW'(1);
        end else if (ad_same_eff) begin
          state_d = StAd;               // unchanged: write A/D
          first_d = 1'b1;
          left_d  = '0;
        end else begin                  // changed: no write, walk again from the root
          level_d    = sv48 ? 2'd3 : 2'd2;
          pte_addr_d = root_pte_addr;
          global_d   = 1'b0;
          state_d    = StPte;
          first_d    = 1'b1;
          left_d     = '0;
        end
      end
      StAd: begin
        if (first_q) begin
          cache_access = 1'b1;
          left_d  = cache_lat - LatW'(1);
          first_d = 1'b0;
        end else if (!last) begin
          left_d = left_q - LatW'(1);
        end else begin
          tlb_fill = !(kill_q || sfence_now);
          pa_d     = {8'd0, leaf_pa(leaf_pte_q[53:10], leaf_level_q, va_q[38:0])};
          state_d  = StData;
          first_d  = 1'b1;
          left_d   = '0;
        end
      end
      StData: begin
        if (first_q) begin
          if (!word_in_mem) begin
            state_d = StIdle;           // access fault
          end else begin
            cache_access = 1'b1;
            left_d       = cache_lat - LatW'(1);
            first_d      = 1'b0;
            data_level_d = cache_level;
            if (is_w) rdata_d = 64'd0;
            else      rd_pend_d = 1'b1;
          end
        end else if (!last) begin
          left_d = left_q - LatW'(1);
        end else begin
          state_d = StIdle;
        end
      end
      default: state_d = StIdle;
    endcase

    // control, after the stage work (contract section 4, "Order of effects")
    if (satp_we_i && (satp_wdata_i[63:60] == ModeBare || satp_wdata_i[63:60] == ModeSv39 ||
                      satp_wdata_i[63:60] == ModeSv48))
      satp_d = satp_wdata_i;            // WARL: other modes are ignored
    if (sfence_now && state_d != StIdle) kill_d = 1'b1;
  end

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      satp_q       <= 64'd0;
      state_q      <= StIdle;
      first_q      <= 1'b0;
      left_q       <= '0;
      va_q         <= 64'd0;
      op_q         <= 2'd0;
      priv_q       <= 1'b0;
      sum_q        <= 1'b0;
      mxr_q        <= 1'b0;
      adue_q       <= 1'b0;
      mode_q       <= 4'd0;
      wdata_q      <= 64'd0;
      asid_q       <= 16'd0;
      root_ppn_q   <= 44'd0;
      level_q      <= 2'd0;
      pte_addr_q   <= 56'd0;
      pte_q        <= 64'd0;
      global_q     <= 1'b0;
      kill_q       <= 1'b0;
      tlb_hit_q    <= 1'b0;
      leaf_pte_q   <= 64'd0;
      leaf_level_q <= 2'd0;
      ad_same_q    <= 1'b0;
      pa_q         <= 64'd0;
      data_level_q <= 2'd0;
      rdata_q      <= 64'd0;
      rd_pend_q    <= 1'b0;
    end else begin
      satp_q       <= satp_d;
      state_q      <= state_d;
      first_q      <= first_d;
      left_q       <= left_d;
      va_q         <= va_d;
      op_q         <= op_d;
      priv_q       <= priv_d;
      sum_q        <= sum_d;
      mxr_q        <= mxr_d;
      adue_q       <= adue_d;
      mode_q       <= mode_d;
      wdata_q      <= wdata_d;
      asid_q       <= asid_d;
      root_ppn_q   <= root_ppn_d;
      level_q      <= level_d;
      pte_addr_q   <= pte_addr_d;
      pte_q        <= pte_d;
      global_q     <= global_d;
      kill_q       <= kill_d;
      tlb_hit_q    <= tlb_hit_d;
      leaf_pte_q   <= leaf_pte_d;
      leaf_level_q <= leaf_level_d;
      ad_same_q    <= ad_same_d;
      pa_q         <= pa_d;
      data_level_q <= data_level_d;
      rdata_q      <= rdata_d;
      rd_pend_q    <= rd_pend_d;
    end
  end

  logic unused_top;   // the sfence VA is compared as vaddr[47:12]; G comes from fill_g
  assign unused_top = ^{tlb_valid, sfence_vaddr_i[63:48], sfence_vaddr_i[11:0],
                        fill_pte[63:54], fill_pte[9:8], fill_pte[5]};
endmodule

`default_nettype wire
