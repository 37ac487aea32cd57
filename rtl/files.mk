# rtl/files.mk -- the RTL file lists of rtl/core.f and rtl/sim.f for make (paths from the
# repository root).  Included by tb/verilator/verilator.mk, tb/systemc/systemc.mk, fpga/fpga.mk.
rtl_f = $(shell sed 's:[[:space:]]*//.*::' $(1))
RTL_CORE_SRCS := $(call rtl_f,rtl/core.f)
RTL_SIM_SRCS  := $(call rtl_f,rtl/sim.f)
RTL_ALL_SRCS  := $(RTL_SIM_SRCS) $(RTL_CORE_SRCS)
RTL_HDRS      := rtl/mmu_defaults.svh
