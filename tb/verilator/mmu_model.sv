// mmu_model.sv -- the C model's output ports in the RTL's waveform (docs/lockstep.md).
// A second top-level module beside mmu_top, verilated only into the traced builds
// (tb/verilator/verilator.mk, RTL_TRACE=1), so the FST has a scope TOP.mmu_model next to
// TOP.mmu_top.  It has no logic: tb/verilator/rtl_dut.cpp drives each input with the C
// model's output of the same cycle (mmu_top's port X_o arrives here as X_i) and mismatch_i
// with the lockstep's verdict on that cycle, so GTKWave can show model and RTL side by side.
// Part of mmulab.  Licence: as the mmulab repository.
`default_nettype none

/* verilator lint_off UNUSED */
module mmu_model (
  input  logic        mismatch_i,        // the cycle's RTL outputs differ from these
  // response
  input  logic        req_ready_i,
  input  logic        resp_valid_i,
  input  logic        resp_fault_i,
  input  logic [3:0]  resp_cause_i,
  input  logic [63:0] resp_tval_i,
  input  logic [55:0] resp_paddr_i,
  input  logic        resp_tlb_hit_i,
  input  logic [1:0]  resp_level_i,
  input  logic [63:0] resp_rdata_i,
  // memory port
  input  logic        mem_valid_i,
  input  logic        mem_we_i,
  input  logic [55:0] mem_addr_i,
  input  logic [63:0] mem_wdata_i
);
endmodule
/* verilator lint_on UNUSED */

`default_nettype wire
