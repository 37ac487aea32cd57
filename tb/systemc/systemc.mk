# tb/systemc/systemc.mk -- the SystemC lockstep harness and the TLM-2.0 MMU (docs/systemc.md).
# Included by the top Makefile's phase 2 (it uses BUILD, OBJ, CC, CXX, CFLAGS, CORE_SRC,
# TB_SRC, TRACE and the C object rules from there).  Everything goes under build/systemc/:
#   vl/, vl-bugs/   rtl/ verilated with --sc (C++17, FST tracing), built once; vl-bugs is
#                   rtl/ + tb/mutants/bugs.patch (docs/rtl-bugs.md), +define+MMULAB_BUGS
#   mmulab-sc       mmulab's main, runner, lockstep and report, the RTL dut being the
#                   SystemC harness (sc_harness.cpp, sc_glue.cpp): `make sc-run`
#   mmulab-sc-bugs  the same over vl-bugs (--rtl-bug N: the mismatch report and waveform)
#   tlm_example     the C model behind a TLM-2.0 target socket, a trace replayed through it
#                   into a TLM memory (mmu_tlm.cpp, tlm_mem.cpp, tlm_example.cpp): `make sc-tlm`
#   test_mmu_tlm    the TLM test (tb/systemc/test/test_mmu_tlm.cpp)
# Debian's libsystemc-dev 2.3.4 is built for C++17: every SystemC file is compiled with it.

SC_DIR      := $(BUILD)/systemc
SC_INCLUDE  ?= /usr/include
SC_LIBDIR   ?= /usr/lib/x86_64-linux-gnu
SC_CXXSTD   := -std=c++17
SC_VLROOT   := $(shell verilator --getenv VERILATOR_ROOT 2>/dev/null)
SC_RTL_SRCS := $(RTL_ALL_SRCS)   # rtl/files.mk, included by the Makefile
SC_VL_RT_O  := verilated.o verilated_dpi.o verilated_threads.o verilated_fst_c.o
# Verilator's and SystemC's headers are -isystem: -Werror is for our code (/usr/include is
# one already, and naming it again would break the C++ library's #include_next)
SC_CXXFLAGS := $(SC_CXXSTD) -O2 -g -Wall -Wextra -Werror \
               $(if $(filter /usr/include,$(SC_INCLUDE)),,-isystem $(SC_INCLUDE)) \
               -isystem $(SC_VLROOT)/include -isystem $(SC_VLROOT)/include/vltstd \
               -Iarch -Icmodel -Ifirmware -Itb -Isim -Icli -Itb/systemc
SC_LDLIBS   := -L$(SC_LIBDIR) -lsystemc -lz -lpthread
SC_C_OBJS   := $(call objs,$(OBJ),$(CORE_SRC) $(TB_SRC))
SC_HDRS     := $(wildcard tb/systemc/*.h tb/*.h tb/verilator/tlb_deep_read.h sim/*.h cli/*.h arch/*.h cmodel/*.h)

MMULAB_SC      := $(SC_DIR)/mmulab-sc
MMULAB_SC_BUGS := $(SC_DIR)/mmulab-sc-bugs
SC_TLM_EX      := $(SC_DIR)/tlm_example
SC_TLM_TEST    := $(SC_DIR)/test_mmu_tlm

.PHONY: sc-run sc-tlm sc-bins

# sc_harness_build NAME VERILATOR-FLAGS CXX-FLAGS: rtl/ verilated in $(SC_DIR)/NAME (the
# default RTL parameters: rtl/mmu_defaults.svh, made from cmodel/mmu_params.h as
# mmu_config_default is), the harness compiled against it in
# $(SC_DIR)/NAME-obj, and $(SC_DIR)/mmulab-sc(-bugs) linked.
define sc_harness_build
$(SC_DIR)/$(1)/Vmmu_top__ALL.a: $(SC_RTL_SRCS) rtl/mmu_defaults.svh tb/systemc/systemc.mk \
    $(if $(filter vl-bugs,$(1)),tb/mutants/bugs.patch)
	@mkdir -p $(SC_DIR)/$(1)
	$(if $(filter vl-bugs,$(1)),rm -rf $(SC_DIR)/$(1)/rtl && mkdir -p $(SC_DIR)/$(1)/rtl && \
	  cp $(SC_RTL_SRCS) rtl/mmu_defaults.svh $(SC_DIR)/$(1)/rtl/ && \
	  patch -s -p1 -d $(SC_DIR)/$(1)/rtl < tb/mutants/bugs.patch,@:)
	verilator --sc -O2 --no-timing -Wall --x-initial unique --trace-fst $(2) \
	  --top-module mmu_top -Irtl --Mdir $(SC_DIR)/$(1) -CFLAGS "$(SC_CXXSTD) -O2" \
	  $(if $(filter vl-bugs,$(1)),$(addprefix $(SC_DIR)/$(1)/rtl/,$(notdir $(SC_RTL_SRCS))),$(SC_RTL_SRCS))
	SYSTEMC_INCLUDE=$(SC_INCLUDE) SYSTEMC_LIBDIR=$(SC_LIBDIR) \
	  $(MAKE) --no-print-directory -C $(SC_DIR)/$(1) -f Vmmu_top.mk Vmmu_top__ALL.a $(SC_VL_RT_O)
$(addprefix $(SC_DIR)/$(1)/,$(SC_VL_RT_O)): $(SC_DIR)/$(1)/Vmmu_top__ALL.a
$(SC_DIR)/$(1)-obj/%.o: tb/systemc/%.cpp $(SC_HDRS) $(SC_DIR)/$(1)/Vmmu_top__ALL.a
	@mkdir -p $$(@D)
	$(CXX) $(SC_CXXFLAGS) -isystem $(SC_DIR)/$(1) $(3) -c $$< -o $$@
$(SC_DIR)/mmulab-sc$(if $(filter vl-bugs,$(1)),-bugs): $(addprefix $(SC_DIR)/$(1)-obj/,sc_harness.o sc_glue.o sc_main.o) \
    $(SC_DIR)/main.o $(SC_C_OBJS) $(SC_DIR)/$(1)/Vmmu_top__ALL.a $(addprefix $(SC_DIR)/$(1)/,$(SC_VL_RT_O))
	$(CXX) $(SC_CXXSTD) $$^ $(SC_LDLIBS) -o $$@
endef
$(eval $(call sc_harness_build,vl,,-DRTL_BUGS=0))
$(eval $(call sc_harness_build,vl-bugs,+define+MMULAB_BUGS,-DRTL_BUGS=1))

# mmulab's main, renamed so that SystemC's main can call it from sc_main
$(SC_DIR)/main.o: cli/main.c $(SC_HDRS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Dmain=mmulab_main -c $< -o $@

# The TLM side needs no RTL.
$(SC_DIR)/tlm/%.o: tb/systemc/%.cpp $(SC_HDRS)
	@mkdir -p $(@D)
	$(CXX) $(SC_CXXFLAGS) -c $< -o $@
$(SC_DIR)/tlm/test_%.o: tb/systemc/test/test_%.cpp $(SC_HDRS)
	@mkdir -p $(@D)
	$(CXX) $(SC_CXXFLAGS) -c $< -o $@
SC_TLM_OBJS := $(addprefix $(SC_DIR)/tlm/,mmu_tlm.o tlm_mem.o)
$(SC_TLM_EX): $(SC_DIR)/tlm/tlm_example.o $(SC_TLM_OBJS) $(SC_C_OBJS)
	$(CXX) $(SC_CXXSTD) $^ $(SC_LDLIBS) -o $@
$(SC_TLM_TEST): $(SC_DIR)/tlm/test_mmu_tlm.o $(SC_TLM_OBJS) $(SC_C_OBJS)
	$(CXX) $(SC_CXXSTD) $^ $(SC_LDLIBS) -lcmocka -o $@

sc-bins: $(MMULAB_SC) $(MMULAB_SC_BUGS) $(SC_TLM_EX) $(SC_TLM_TEST)
# scripts/run-tests.sh runs test_mmu_tlm and tb/systemc/test/test_systemc.sh
test: sc-bins

# The shipped trace through the SystemC harness (model + RTL in lockstep): the same report
# as `make run`.
sc-run: $(MMULAB_SC)
	$(MMULAB_SC) $(TRACE)

# The same trace through the TLM-2.0 MMU into a TLM memory: the totals of --model-only.
sc-tlm: $(SC_TLM_EX)
	$(SC_TLM_EX) $(TRACE)
