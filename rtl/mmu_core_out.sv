// mmu_core_out.sv -- the core's Moore outputs: what each stage of mmu_core shows at its ports
// Per stage: the fault it finds (and its cause), the response, the memory request; no state.
// Part of mmulab; the C twin is the out->... half of each cycle_* function of cmodel/mmu.c.
// Licence: as the mmulab repository.
`default_nettype none

module mmu_core_out #(
  parameter integer LookupCycles = 1   // 2: LOOKUP's first cycle shows nothing (contract 2a)
) (
  // the core's state and what it computed from it
  input  logic [2:0]  state_q,
  input  logic        first_q,           // the stage's first cycle (LOOKUP: its first of 2)
  input  logic        bare,
  input  logic        canonical,
  input  logic        lk_hit,            // the TLB lookup (LOOKUP) and its permission check
  input  logic        hit_ok,
  input  logic        pte_in_mem,
  input  logic        word_in_mem,
  input  logic        done,              // the stage's memory response is here
  input  logic [1:0]  action,            // mmu_ptw's decision on the PTE
  input  logic [3:0]  pf_cause,
  input  logic [3:0]  af_cause,
  input  logic        tlb_hit_q,
  input  logic        is_w,
  input  logic [63:0] va_q,
  input  logic [63:0] wdata_q,
  input  logic [55:0] pte_addr_q,
  input  logic [63:0] leaf_pte_q,
  input  logic [55:0] pa_q,
  input  logic [55:0] word,
  input  logic [1:0]  mrsp_level_i,
  input  logic [63:0] mrsp_rdata_i,
  // mmu_core's ports
  output logic        req_ready_o,
  output logic        resp_valid_o,
  output logic        resp_fault_o,
  output logic [3:0]  resp_cause_o,
  output logic [63:0] resp_tval_o,
  output logic [55:0] resp_paddr_o,
  output logic        resp_tlb_hit_o,
  output logic [1:0]  resp_level_o,
  output logic [63:0] resp_rdata_o,
  output logic        mreq_valid_o,
  output logic        mreq_we_o,
  output logic [55:0] mreq_addr_o,
  output logic [63:0] mreq_wdata_o
);
  // as mmu_core.sv
  localparam [2:0] StIdle = 3'd0, StLookup = 3'd1, StPte = 3'd2, StAd = 3'd3, StData = 3'd4,
                   StAdr = 3'd5;
  localparam [1:0] ActFault = 2'd3;

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
    mreq_valid_o   = 1'b0;
    mreq_we_o      = 1'b0;
    // address and write data are read only with mreq_valid_o (docs/rtl.md): no zeroes needed
    mreq_addr_o    = (state_q == StData) ? word : pte_addr_q;
    mreq_wdata_o   = (state_q == StAd) ? leaf_pte_q : wdata_q;
    case (state_q)
      StLookup: begin                   // LookupCycles 2: nothing in L1 (first_q)
        if (!(LookupCycles == 2 && first_q) && !bare && (!canonical || (lk_hit && !hit_ok))) begin
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
            mreq_valid_o = 1'b1;
          end
        end else if (done && action == ActFault) begin
          fault = 1'b1;
        end
      end
      StAdr: begin
        if (first_q) begin              // the re-read (no range check: PTE(i) read it)
          mreq_valid_o = 1'b1;
        end
      end
      StAd: begin
        if (first_q) begin
          mreq_valid_o = 1'b1;
          mreq_we_o    = 1'b1;
        end
      end
      StData: begin
        if (first_q) begin
          if (!word_in_mem) begin
            fault       = 1'b1;
            fault_cause = af_cause;
          end else begin
            mreq_valid_o = 1'b1;
            if (is_w) begin
              mreq_we_o    = 1'b1;
            end
          end
        end else if (done) begin
          resp_valid_o   = 1'b1;
          resp_paddr_o   = pa_q;
          resp_tlb_hit_o = tlb_hit_q;
          resp_level_o   = mrsp_level_i;
          resp_rdata_o   = is_w ? 64'd0 : mrsp_rdata_i;
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
endmodule

`default_nettype wire
