// rtl/core.f -- the MMU core: TLB, walker, A/D update, fault checks; synthesizable, what
// fpga/ builds.  With rtl/sim.f it is THE list of RTL files: every build reads it
// (rtl/files.mk for make, `sed 's://.*::' rtl/sim.f rtl/core.f` for the scripts).
// One path a line, from the repository root.
rtl/mmu_core.sv
rtl/mmu_core_out.sv
rtl/mmu_req_latch.sv
rtl/mmu_tlb.sv
rtl/mmu_tlb_ram.sv
rtl/mmu_lru.sv
rtl/mmu_ptw.sv
rtl/mmu_leaf_check.sv
