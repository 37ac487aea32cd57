// rtl/sim.f -- the simulation top: mmu_top = mmu_core (rtl/core.f) + mmu_mem_lat, the
// L1/L2/L3/DRAM latency model on the core's valid/ready memory interface (docs/rtl.md).
// mmu_cache_level also uses mmu_lru (in rtl/core.f).  One path a line, from the repository root.
rtl/mmu_top.sv
rtl/mmu_mem_lat.sv
rtl/mmu_cache_lat.sv
rtl/mmu_cache_level.sv
