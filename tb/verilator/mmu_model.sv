// mmu_model.sv -- the C model's output ports in the RTL's waveform (docs/lockstep.md).
// A second top-level module beside mmu_top, verilated only into the traced builds
// (tb/verilator/verilator.mk, RTL_MODEL_SCOPE=1), so the FST has a scope TOP.mmu_model next
// to TOP.mmu_top.  It has no logic and no ports: tb/verilator/rtl_dut.cpp writes each signal
// (public_flat_rw) with the C model's value of mmu_top's output port of the same name in the
// same cycle, and `mismatch` with the lockstep's verdict on that cycle.  The names end in _o
// because they are the model's values of those output ports.  No ports and only 2-state
// `bit`s: Verilator starts them at 0 without drawing a --rand-reset value (ports and logic
// would draw theirs before the RTL's flops and change the RTL's random initial state).
// Part of mmulab.  Licence: as the mmulab repository.
`default_nettype none

/* verilator lint_off UNDRIVEN */
/* verilator lint_off UNUSED */
module mmu_model;
  bit        mismatch       /*verilator public_flat_rw*/;   // some output port differs
  // request and response
  bit        req_ready_o    /*verilator public_flat_rw*/;
  bit        resp_valid_o   /*verilator public_flat_rw*/;
  bit        resp_fault_o   /*verilator public_flat_rw*/;
  bit [3:0]  resp_cause_o   /*verilator public_flat_rw*/;
  bit [63:0] resp_tval_o    /*verilator public_flat_rw*/;
  bit [55:0] resp_paddr_o   /*verilator public_flat_rw*/;
  bit        resp_tlb_hit_o /*verilator public_flat_rw*/;
  bit [1:0]  resp_level_o   /*verilator public_flat_rw*/;
  bit [63:0] resp_rdata_o   /*verilator public_flat_rw*/;
  // memory port
  bit        mem_valid_o    /*verilator public_flat_rw*/;
  bit        mem_we_o       /*verilator public_flat_rw*/;
  bit [55:0] mem_addr_o     /*verilator public_flat_rw*/;
  bit [63:0] mem_wdata_o    /*verilator public_flat_rw*/;
endmodule
/* verilator lint_on UNUSED */
/* verilator lint_on UNDRIVEN */

`default_nettype wire
