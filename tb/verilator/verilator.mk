# tb/verilator/verilator.mk -- verilate rtl/mmu_top.sv and build the lockstep test.
# Called by the top Makefile as a sub-make (paths are relative to the repository root); also
# usable alone: make -f tb/verilator/verilator.mk RTL_TWIN=1 rtl-lockstep-run (the top's build/verilator)
# The RTL parameters below must equal the mmu_config_t the harness passes (rtl_dut_config_diff checks).

VERILATOR      ?= verilator
VERILATOR_ROOT ?= $(shell $(VERILATOR) --getenv VERILATOR_ROOT 2>/dev/null)
VL_DIR         ?= build/verilator
VL_OBJ         := $(VL_DIR)/obj
VL_CC          ?= gcc
VL_CXX         ?= g++
VL_OPT         ?= -O2
# OPT_FAST of Verilator's generated makefile: the per-cycle code (Verilator's default is -Os)
VL_OPT_FAST    ?= -O2
# more verilator options (experiments: make ... VL_XFLAGS="--x-assign fast")
VL_XFLAGS      ?=

# RTL parameters.  Their defaults are read from cmodel/mmu_params.h, the one source of the
# default configuration (mmu_config_default and rtl/mmu_defaults.svh come from it too):
# RTL_TLB_ENTRIES ?= the value of MMU_DEFAULT_TLB_ENTRIES, and so on for every MMU_DEFAULT_*.
MMU_PARAMS_H    := cmodel/mmu_params.h
MMU_PARAM_NAMES := $(shell sed -n 's/^\#define MMU_DEFAULT_\([A-Z0-9_]*\) .*/\1/p' $(MMU_PARAMS_H))
mmu_param = $(shell sed -n 's/^\#define MMU_DEFAULT_$(1)  *\(0x[0-9a-fA-F]*\|[0-9]*\)u.*/\1/p' $(MMU_PARAMS_H))
$(foreach p,$(MMU_PARAM_NAMES),$(eval RTL_$(p) ?= $(call mmu_param,$(p))))
ifneq ($(words $(MMU_PARAM_NAMES)),20)
$(error $(MMU_PARAMS_H): expected 20 MMU_DEFAULT_* parameters, read $(words $(MMU_PARAM_NAMES)))
endif
RTL_TRACE        ?= 0
# 1 (the default build, build/verilator, and build/verilator-bugs): this build is verilated without
# FST tracing (the fast engine), and a traced twin of it in $(VL_DIR)/wave, verilated with
# --prefix Vmmu_topw and its shim compiled with RTL_TWIN=2 (names rtlw_dut_*, rtl_dut.h), is
# linked into the same rtl_dut.o with tb/verilator/rtl_twin.c, which opens the twin for a run
# that may write a waveform or starts from a random reset (docs/bench.md, "Two builds").
RTL_TWIN         ?= 0
VL_PREFIX        := $(if $(filter 2,$(RTL_TWIN)),Vmmu_topw,Vmmu_top)
ifeq ($(RTL_TWIN),1)
ifneq ($(RTL_TRACE),0)
$(error RTL_TWIN=1 is the untraced half of a two-build binary: RTL_TRACE must be 0)
endif
endif
RTL_BUGS         ?= 0
# 1: verilated with line and toggle coverage (make coverage; never the default build)
RTL_COVERAGE     ?= 0
# 1: mmu_core is a gate-level iCE40 netlist in RTL_SRCS (fpga/fpga.mk, make fpga-gate): mmu_top
# gets -DMMU_GATE, the cell library its Verilator define, and the harness -DRTL_GATE
RTL_GATE         ?= 0
# 1 (the traced builds): tb/verilator/mmu_model.sv, the C model's outputs, verilated as a second
# top module beside mmu_top, so a mismatch's FST shows them as TOP.mmu_model (docs/lockstep.md)
RTL_MODEL_SCOPE  ?= $(if $(filter 1,$(RTL_TRACE)),$(if $(filter 1,$(RTL_GATE)),0,1),0)
# 1 (the default fast build, build/verilator): the Verilated C++ compiled with gcc's profile
# feedback (-fprofile-use), the profile from a training build of the same verilation in
# $(VL_DIR)/pgo: RTL_PGO=gen, instrumented (-fprofile-generate), its test_lockstep run on random
# stimulus (VL_PGO_TRAIN), not on the bench's trace (docs/bench.md, "Profile feedback")
RTL_PGO          ?= 0
VL_PGO_DIR       := $(VL_DIR)/pgo
VL_PGO_TRAIN     ?= -n 2000 1 2 3
RTL_MODEL_SRC    := $(if $(filter 1,$(RTL_MODEL_SCOPE)),tb/verilator/mmu_model.sv)

include rtl/files.mk
RTL_SRCS  := $(RTL_ALL_SRCS)
RTL_INCS  := $(RTL_HDRS)
# rtl/ holds no bug or mutant logic.  RTL_BUGS=1 and RTL_MUTANTS=1 verilate a derived copy
# written into $(VL_DIR)/rtl by RTL_PREP: rtl/ with tb/mutants/bugs.patch applied (the ten
# deliberate bugs of docs/rtl-bugs.md behind a bug_i port), or the mutated copy of
# scripts/mutate-rtl.py (every mutant behind a mut_sel_i port; docs/mutants.md).
RTL_MUTANTS ?= 0
MUT_SEED    ?= 1
MUT_ARGS    ?=
ifeq ($(RTL_BUGS),1)
RTL_VL_DIR := $(VL_DIR)/rtl
RTL_PREP   := rm -rf $(RTL_VL_DIR) && mkdir -p $(RTL_VL_DIR) && cp $(RTL_SRCS) $(RTL_INCS) $(RTL_VL_DIR)/ && \
              patch -s -p1 -d $(RTL_VL_DIR) < tb/mutants/bugs.patch
RTL_PREP_DEPS := tb/mutants/bugs.patch
else ifeq ($(RTL_MUTANTS),1)
RTL_VL_DIR := $(VL_DIR)/rtl
# a mutant this configuration cannot elaborate is left out (invalid.txt); MemBase/MemSize
# shape no generate block, so the lint does without their quoted values
RTL_PREP    = scripts/mutate-rtl.py --seed $(MUT_SEED) $(MUT_ARGS) --out $(RTL_VL_DIR) \
              --lint '$(VERILATOR) --lint-only --no-timing -Irtl -Wno-fatal -Wno-lint -Wno-style \
                      --top-module mmu_top $(filter-out "-GMem%,$(RTL_GFLAGS))' $(RTL_SRCS)
# the generator and its modules make the copy (+ a --keep file): a change to any re-mutates
RTL_PREP_DEPS := scripts/mutate-rtl.py $(wildcard scripts/mutrtl/*.py) $(filter %.txt,$(MUT_ARGS))
else
RTL_VL_DIR := rtl
RTL_PREP   := @:
RTL_PREP_DEPS :=
endif
ifneq ($(filter 1,$(RTL_BUGS) $(RTL_MUTANTS)),)
RTL_VL_SRCS := $(addprefix $(RTL_VL_DIR)/,$(notdir $(RTL_SRCS)))
else
RTL_VL_SRCS := $(RTL_SRCS)   # rtl/, or what a caller passes: fpga's netlist, lab 6's copy
endif

rtl_hex = 64'h$(patsubst 0x%,%,$(1))
RTL_GFLAGS := -GTlbEntries=$(RTL_TLB_ENTRIES) -GTlbWays=$(RTL_TLB_WAYS) \
  -GTlbPolicy=$(RTL_TLB_POLICY) -GSeed=$(RTL_SEED) \
  -GL1Size=$(RTL_L1_SIZE) -GL1Ways=$(RTL_L1_WAYS) -GL1Lat=$(RTL_L1_LAT) \
  -GL2Size=$(RTL_L2_SIZE) -GL2Ways=$(RTL_L2_WAYS) -GL2Lat=$(RTL_L2_LAT) \
  -GL3Size=$(RTL_L3_SIZE) -GL3Ways=$(RTL_L3_WAYS) -GL3Lat=$(RTL_L3_LAT) \
  -GLine=$(RTL_LINE) -GDramLat=$(RTL_DRAM_LAT) -GCachePolicy=$(RTL_CACHE_POLICY) \
  "-GMemBase=$(call rtl_hex,$(RTL_MEM_BASE))" "-GMemSize=$(call rtl_hex,$(RTL_MEM_SIZE))" \
  -GLookupCycles=$(RTL_LOOKUP_CYCLES) -GTlbRam=$(RTL_TLB_RAM)
RTL_DFLAGS := -DRTL_TLB_ENTRIES=$(RTL_TLB_ENTRIES) -DRTL_TLB_WAYS=$(RTL_TLB_WAYS) \
  -DRTL_TLB_POLICY=$(RTL_TLB_POLICY) -DRTL_SEED=$(RTL_SEED) \
  -DRTL_L1_SIZE=$(RTL_L1_SIZE) -DRTL_L1_WAYS=$(RTL_L1_WAYS) -DRTL_L1_LAT=$(RTL_L1_LAT) \
  -DRTL_L2_SIZE=$(RTL_L2_SIZE) -DRTL_L2_WAYS=$(RTL_L2_WAYS) -DRTL_L2_LAT=$(RTL_L2_LAT) \
  -DRTL_L3_SIZE=$(RTL_L3_SIZE) -DRTL_L3_WAYS=$(RTL_L3_WAYS) -DRTL_L3_LAT=$(RTL_L3_LAT) \
  -DRTL_LINE=$(RTL_LINE) -DRTL_DRAM_LAT=$(RTL_DRAM_LAT) -DRTL_CACHE_POLICY=$(RTL_CACHE_POLICY) \
  -DRTL_MEM_BASE=$(RTL_MEM_BASE)ull -DRTL_MEM_SIZE=$(RTL_MEM_SIZE)ull -DVM_TRACE=$(RTL_TRACE) \
  -DRTL_LOOKUP_CYCLES=$(RTL_LOOKUP_CYCLES) -DRTL_TLB_RAM=$(RTL_TLB_RAM) \
  -DRTL_BUGS=$(RTL_BUGS) -DRTL_MUTANTS=$(RTL_MUTANTS) -DVM_COVERAGE=$(RTL_COVERAGE) \
  -DRTL_MODEL_SCOPE=$(RTL_MODEL_SCOPE) \
  $(if $(filter 1,$(RTL_GATE)),-DRTL_GATE)

VL_FLAGS := --cc --build -j 1 $(VL_OPT) --no-timing -Wall --x-initial unique \
            --top-module mmu_top -Irtl --Mdir $(VL_OBJ) $(RTL_GFLAGS) $(VL_XFLAGS) \
            $(if $(filter 1,$(RTL_GATE)),,-MAKEFLAGS "OPT_FAST=$(VL_OPT_FAST)") \
            $(if $(filter 1,$(RTL_TRACE)),--trace-fst) \
            $(if $(filter 1,$(RTL_BUGS)),+define+MMULAB_BUGS) \
            $(if $(filter 1,$(RTL_COVERAGE)),--coverage-line --coverage-toggle) \
            $(if $(filter 1,$(RTL_GATE)),+define+MMU_GATE +define+NO_ICE40_DEFAULT_ASSIGNMENTS \
              -Wno-fatal -Wno-lint -Wno-style -MAKEFLAGS "OPT_FAST=-O0 OPT_SLOW=-O0 OPT_GLOBAL=-O0") \
            $(if $(filter 1,$(RTL_MUTANTS)),-Wno-fatal -Wno-lint -Wno-style) \
            $(if $(filter gen,$(RTL_PGO)),-CFLAGS "-fprofile-generate -fprofile-update=single") \
            $(if $(filter 1,$(RTL_PGO)),-CFLAGS "-fprofile-use -Wno-missing-profile") \
            -CFLAGS "-I$(CURDIR)/arch" -CFLAGS "-I$(CURDIR)/cmodel" -CFLAGS "$(VL_OPT)"
# two top modules (Verilator's MULTITOP: both under TOP, mmu_top's names unchanged)
ifneq ($(RTL_MODEL_SRC),)
VL_FLAGS := $(filter-out --top-module mmu_top,$(VL_FLAGS)) -Wno-MULTITOP --prefix $(VL_PREFIX)
else ifneq ($(VL_PREFIX),Vmmu_top)
VL_FLAGS += --prefix $(VL_PREFIX)
endif

VL_LIB  := $(VL_OBJ)/$(VL_PREFIX)__ALL.a
# Verilator's run-time library (VM_GLOBAL_FAST of the generated Vmmu_top_classes.mk).  A binary
# links it once: a two-build one (RTL_TWIN=1) the fast build's, with the FST writer its twin
# needs (the run-time's sources read VM_TRACE nowhere: docs/bench.md), the twin none of its own.
VL_RT   := $(if $(filter 2,$(RTL_TWIN)),,$(VL_OBJ)/verilated.o $(VL_OBJ)/verilated_dpi.o $(VL_OBJ)/verilated_threads.o \
           $(if $(filter 1,$(RTL_TRACE) $(RTL_TWIN)),$(VL_OBJ)/verilated_fst_c.o) \
           $(if $(filter 1,$(RTL_COVERAGE)),$(VL_OBJ)/verilated_cov.o))
VL_CSRC := cmodel/mmu.c cmodel/ptw.c cmodel/tlb.c cmodel/lru.c cmodel/cache.c cmodel/physmem.c
VL_COBJ := $(patsubst cmodel/%.c,$(VL_DIR)/c/%.o,$(VL_CSRC)) $(VL_DIR)/c/gtkw.o $(VL_DIR)/c/lockstep.o \
           $(VL_DIR)/c/mismatch.o $(VL_DIR)/c/coverage.o $(VL_DIR)/c/fst_date.o
VL_CFLAGS := -std=c11 -Wall -Wextra -Werror $(VL_OPT) -g -Iarch -Icmodel -Itb -Itb/verilator
VL_CXXFLAGS := -std=gnu++17 $(VL_OPT) -g -I$(VL_OBJ) -I$(VERILATOR_ROOT)/include \
               -I$(VERILATOR_ROOT)/include/vltstd -Iarch -Icmodel -Itb -Itb/verilator $(RTL_DFLAGS)

# Small configurations, each its own build, so replacement, set indexing and the 2-cycle
# stage (the read decided in the cycle it arrives) are exercised, and every replacement
# policy of the TLB and of the caches runs in lockstep:
#   small:  TLB 8 entries, 2-way (4 sets), tree-PLRU; caches of a few lines, random; L1 2 cycles
#   small2: TLB 12 entries, 3-way (4 sets), random (seed 0xace1); LRU caches, 32 B lines
#   small3: TLB 16 entries, 4-way (4 sets), true LRU; tree-PLRU caches (4/8/4 ways); L1 2 cycles
# (the default build: TLB 32 entries fully associative LRU, LRU caches, L1 4 cycles).
# All three with FST tracing, so build/mmulab-small* link as build/mmulab does.
RTL_SMALL := VL_DIR=$(VL_DIR)-small RTL_TRACE=1 RTL_TLB_ENTRIES=8 RTL_TLB_WAYS=2 RTL_TLB_POLICY=1 \
  RTL_L1_SIZE=256 RTL_L1_WAYS=2 RTL_L1_LAT=2 RTL_L2_SIZE=1024 RTL_L2_WAYS=4 RTL_L2_LAT=3 \
  RTL_L3_SIZE=3072 RTL_L3_WAYS=3 RTL_L3_LAT=5 RTL_LINE=64 RTL_DRAM_LAT=7 RTL_CACHE_POLICY=2
RTL_SMALL2 := VL_DIR=$(VL_DIR)-small2 RTL_TRACE=1 RTL_TLB_ENTRIES=12 RTL_TLB_WAYS=3 RTL_TLB_POLICY=2 \
  RTL_SEED=0xace1 RTL_L1_SIZE=512 RTL_L1_WAYS=4 RTL_L1_LAT=3 RTL_L2_SIZE=2048 RTL_L2_WAYS=2 \
  RTL_L2_LAT=2 RTL_L3_SIZE=8192 RTL_L3_WAYS=8 RTL_L3_LAT=9 RTL_LINE=32 RTL_DRAM_LAT=2 \
  RTL_CACHE_POLICY=0
RTL_SMALL3 := VL_DIR=$(VL_DIR)-small3 RTL_TRACE=1 RTL_TLB_ENTRIES=16 RTL_TLB_WAYS=4 RTL_TLB_POLICY=0 \
  RTL_L1_SIZE=512 RTL_L1_WAYS=4 RTL_L1_LAT=2 RTL_L2_SIZE=4096 RTL_L2_WAYS=8 RTL_L2_LAT=4 \
  RTL_L3_SIZE=8192 RTL_L3_WAYS=4 RTL_L3_LAT=6 RTL_LINE=32 RTL_DRAM_LAT=11 RTL_CACHE_POLICY=1

# lookup_cycles = 2 (docs/timing-contract.md 2a, the iCE40 build's timing): the default
# configuration otherwise, so the directed scenarios (default TLB) run on it too; FST tracing,
# so build/mmulab-lk2 links as build/mmulab does.
RTL_LK2 := VL_DIR=$(VL_DIR)-lk2 RTL_TRACE=1 RTL_LOOKUP_CYCLES=2
.PHONY: rtl-lk2-build
rtl-lk2-build:   ## the lookup_cycles = 2 build: RTL + test_lockstep + mmulab.opts in $(VL_DIR)-lk2
	$(MAKE) --no-print-directory -f tb/verilator/verilator.mk $(RTL_LK2) rtl-one-build

# tlb_ram (docs/timing-contract.md 2a, the block-RAM TLB rtl/mmu_tlb_ram.sv, lookup_cycles 2
# only): a set-associative TLB, 64 entries as 16 sets x 4 ways, true LRU, the default caches;
# FST tracing, so build/mmulab-ram links as build/mmulab does.
RTL_RAM := VL_DIR=$(VL_DIR)-ram RTL_TRACE=1 RTL_TLB_RAM=1 RTL_LOOKUP_CYCLES=2 RTL_TLB_ENTRIES=64 \
  RTL_TLB_WAYS=4
.PHONY: rtl-ram-build
rtl-ram-build:   ## the tlb_ram build: RTL + test_lockstep + mmulab.opts in $(VL_DIR)-ram
	$(MAKE) --no-print-directory -f tb/verilator/verilator.mk $(RTL_RAM) rtl-one-build

# The mmulab options that select this build's configuration (build/mmulab-small* needs them:
# rtl_dut_config_diff refuses any other).  The cache LFSR of the RTL always starts from 1 and
# --seed sets the model's cache seed too, so a build with random caches keeps RTL_SEED=1.
repl_name = $(if $(filter 0,$(1)),lru,$(if $(filter 1,$(1)),plru,random))
RTL_MMULAB_OPTS := --tlb-entries $(RTL_TLB_ENTRIES) --tlb-ways $(RTL_TLB_WAYS) \
  --tlb-policy $(call repl_name,$(RTL_TLB_POLICY)) --seed $(shell printf %u $(RTL_SEED)) \
  --l1-size $(RTL_L1_SIZE) --l1-ways $(RTL_L1_WAYS) --l1-lat $(RTL_L1_LAT) \
  --l2-size $(RTL_L2_SIZE) --l2-ways $(RTL_L2_WAYS) --l2-lat $(RTL_L2_LAT) \
  --l3-size $(RTL_L3_SIZE) --l3-ways $(RTL_L3_WAYS) --l3-lat $(RTL_L3_LAT) \
  --line $(RTL_LINE) --dram-lat $(RTL_DRAM_LAT) --cache-policy $(call repl_name,$(RTL_CACHE_POLICY)) \
  --lookup-cycles $(RTL_LOOKUP_CYCLES) $(if $(filter 1,$(RTL_TLB_RAM)),--tlb-ram)
$(VL_DIR)/mmulab.opts: tb/verilator/verilator.mk
	@mkdir -p $(@D)
	echo $(RTL_MMULAB_OPTS) > $@

.PHONY: rtl-verilate rtl-lockstep rtl-lockstep-run rtl-lockstep-clean rtl-lockstep-small rtl-bugs-test \
        rtl-small-builds rtl-one-build
rtl-verilate: $(VL_LIB)   ## verilate and compile rtl/ into build/verilator/obj
rtl-lockstep: $(VL_DIR)/test_lockstep   ## build the lockstep random test
rtl-one-build: $(VL_DIR)/rtl_dut.o $(VL_DIR)/test_lockstep $(VL_DIR)/mmulab.opts
rtl-small-builds:   ## the three small builds: RTL + test_lockstep + mmulab.opts in $(VL_DIR)-small*
	$(MAKE) --no-print-directory -f tb/verilator/verilator.mk $(RTL_SMALL) rtl-one-build
	$(MAKE) --no-print-directory -f tb/verilator/verilator.mk $(RTL_SMALL2) rtl-one-build
	$(MAKE) --no-print-directory -f tb/verilator/verilator.mk $(RTL_SMALL3) rtl-one-build
rtl-lockstep-run: $(VL_DIR)/test_lockstep   ## run it: 3 seeds, 2000 requests each, then random reset
	$(VL_DIR)/test_lockstep -n 2000 1 2 3
	$(VL_DIR)/test_lockstep -n 1000 -r 4 5
rtl-lockstep-small:   ## lockstep on the three small configurations (separate builds)
	$(MAKE) -f tb/verilator/verilator.mk $(RTL_SMALL) rtl-lockstep
	$(VL_DIR)-small/test_lockstep -n 3000 1 2 3
	$(VL_DIR)-small/test_lockstep -n 1000 -r 4 5
	$(MAKE) -f tb/verilator/verilator.mk $(RTL_SMALL2) rtl-lockstep
	$(VL_DIR)-small2/test_lockstep -n 3000 1 2 3
	$(VL_DIR)-small2/test_lockstep -n 1000 -r 4 5
	$(MAKE) -f tb/verilator/verilator.mk $(RTL_SMALL3) rtl-lockstep
	$(VL_DIR)-small3/test_lockstep -n 3000 1 2 3
	$(VL_DIR)-small3/test_lockstep -n 1000 -r 4 5
# The deliberate bugs of docs/rtl-bugs.md: test_lockstep over rtl/ + tb/mutants/bugs.patch
# verilated with +define+MMULAB_BUGS in its own directory (two builds, as the default one: untraced,
# and its traced twin for the waveforms of the mismatch replays), then the proof script; give
# MMULAB_BUGS=build/mmulab-bugs to run its trace-runner half too.
MMULAB_BUGS ?=
rtl-bugs-test:   ## every deliberate RTL bug caught with its expected first port, bug 0 passes
	$(MAKE) -f tb/verilator/verilator.mk VL_DIR=$(VL_DIR)-bugs RTL_BUGS=1 RTL_TWIN=1 rtl-lockstep
	tb/test/test_rtl_bugs.sh $(VL_DIR)-bugs/test_lockstep $(MMULAB_BUGS)
rtl-lockstep-clean:
	rm -rf $(VL_DIR) $(VL_DIR)-small $(VL_DIR)-small2 $(VL_DIR)-small3 $(VL_DIR)-bugs $(VL_DIR)-lk2 $(VL_DIR)-ram

$(VL_LIB): $(RTL_SRCS) $(RTL_INCS) $(RTL_PREP_DEPS) $(RTL_MODEL_SRC) tb/verilator/verilator.mk \
          $(if $(filter 1,$(RTL_PGO)),$(VL_PGO_DIR)/profile.stamp)
	@mkdir -p $(VL_OBJ)
	$(RTL_PREP)
	$(if $(filter 1,$(RTL_PGO)),rm -f $(VL_OBJ)/*.o $(VL_OBJ)/*.gcda && cp $(VL_PGO_DIR)/obj/*.gcda $(VL_OBJ)/)
	$(VERILATOR) $(VL_FLAGS) $(RTL_VL_SRCS) $(RTL_MODEL_SRC)
	$(if $(filter 1,$(RTL_PGO)),$(VL_PGO_CHECK))
	$(MAKE) -C $(VL_OBJ) -f $(VL_PREFIX).mk $(notdir $(VL_RT))
	@touch $@   # verilator leaves the archive alone when nothing changed

# gcc compiles a file without its profile silently (-Wno-missing-profile, for the runtime's
# FST writer the untraced training build lacks): every generated file with code must have had one
VL_PGO_CHECK = @for c in $(VL_OBJ)/$(VL_PREFIX)*.cpp; do case $$c in *__Dpi.cpp) continue ;; esac; \
  [ -f "$${c%.cpp}.gcda" ] || { echo "verilator.mk: $$c was compiled without a profile ($(VL_PGO_DIR))" >&2; \
  exit 1; }; done
# The profile of RTL_PGO=1: the training build (this configuration, RTL_TWIN=0: the same
# Verilated code as the fast build), its lockstep run on random stimulus, then its *.gcda,
# which the archive's compile above reads (gcc stops on a profile that does not fit the code).
# A mismatch in the training run only ends it early: an rtl/ being changed must still build,
# so that mmulab can report the mismatch; train.log keeps the run's result (make bench prints
# it).  Retrained whenever the RTL is verilated again.
$(VL_PGO_DIR)/profile.stamp: $(RTL_SRCS) $(RTL_INCS) tb/verilator/verilator.mk
	rm -rf $(VL_PGO_DIR)
	$(MAKE) --no-print-directory -f tb/verilator/verilator.mk VL_DIR=$(VL_PGO_DIR) RTL_PGO=gen RTL_TWIN=0 \
	  $(VL_PGO_DIR)/test_lockstep
	echo "test_lockstep $(VL_PGO_TRAIN)" > $(VL_PGO_DIR)/train.log
	$(VL_PGO_DIR)/test_lockstep $(VL_PGO_TRAIN) >> $(VL_PGO_DIR)/train.log 2>&1 || \
	  echo "test_lockstep exited $$? (the profile is of the run until then)" >> $(VL_PGO_DIR)/train.log
	@touch $@

$(VL_DIR)/c/%.o: tb/%.c tb/*.h tb/verilator/*.h cmodel/*.h arch/*.h
	@mkdir -p $(@D)
	$(VL_CC) $(VL_CFLAGS) -c $< -o $@

$(VL_DIR)/c/%.o: cmodel/%.c cmodel/*.h arch/*.h
	@mkdir -p $(VL_DIR)/c
	$(VL_CC) $(VL_CFLAGS) -c $< -o $@

# the driver: test_lockstep.c (its command line) and drv*.c (harness, tables, stimulus, scenarios)
VL_DRV := test_lockstep drv drv_tables drv_random drv_directed
$(VL_DIR)/drv/%.o: tb/verilator/%.c tb/verilator/*.h tb/*.h cmodel/*.h arch/*.h
	@mkdir -p $(@D)
	$(VL_CC) $(VL_CFLAGS) -c $< -o $@

# The shim is one object to link, rtl_dut.o, from its sources (rtl_dut.cpp: stepping, memory,
# waveform; rtl_dut_deep.cpp: the --deep reads; rtl_glue.c: the shim as a dut_t), joined by a
# relocatable link (ld -r).  Each is compiled with this build's RTL_TWIN (rtl_dut.h's names).
VL_SHIM := rtl_dut rtl_dut_deep
VL_SHIM_OBJ := $(patsubst %,$(VL_DIR)/shim/%.o,$(VL_SHIM)) $(VL_DIR)/shim/rtl_glue.o
$(VL_DIR)/shim/%.o: tb/verilator/%.cpp tb/verilator/rtl_dut.h tb/verilator/rtl_dut_impl.h tb/verilator/tlb_deep_read.h $(VL_LIB)
	@mkdir -p $(@D)
	$(VL_CXX) $(VL_CXXFLAGS) -DRTL_TWIN=$(RTL_TWIN) -c $< -o $@
$(VL_DIR)/shim/%.o: tb/verilator/%.c tb/verilator/rtl_dut.h tb/dut.h cmodel/*.h arch/*.h
	@mkdir -p $(@D)
	$(VL_CC) $(VL_CFLAGS) -DRTL_TWIN=$(RTL_TWIN) -c $< -o $@
ifeq ($(RTL_TWIN),1)
# The two-build binary: this build's shim, rtl_twin.c (dut_rtl_open), and the traced twin --
# its shim and its whole Verilated archive -- made by a sub-make in $(VLW_DIR), which knows
# when the twin is stale (FORCE: asked every time; the file's date says whether it changed).
VLW_DIR := $(VL_DIR)/wave
VLW_LIB := $(VLW_DIR)/obj/Vmmu_topw__ALL.a
VL_SHIM_OBJ += $(VL_DIR)/shim/rtl_twin.o $(VLW_DIR)/rtl_dut.o
.PHONY: FORCE
FORCE:
$(VLW_DIR)/rtl_dut.o: FORCE
	@$(MAKE) --no-print-directory -f tb/verilator/verilator.mk VL_DIR=$(VLW_DIR) RTL_TRACE=1 RTL_TWIN=2 RTL_PGO=0 $@
$(VL_DIR)/rtl_dut.o: $(VL_SHIM_OBJ)
	ld -r $(VL_SHIM_OBJ) --whole-archive $(VLW_LIB) --no-whole-archive -o $@
# which of the two a run gets, and that they are the same RTL (cmocka; scripts/run-tests.sh)
$(VL_DIR)/test_rtl_twin: tb/verilator/test/test_rtl_twin.c $(VL_DIR)/rtl_dut.o $(VL_COBJ) $(VL_LIB)
	@mkdir -p $(VL_DIR)/drv
	$(VL_CC) $(VL_CFLAGS) -DRTL_TWIN=1 -c $< -o $(VL_DIR)/drv/test_rtl_twin.o
	$(VL_CXX) $(VL_DIR)/drv/test_rtl_twin.o $(filter-out $<,$^) $(VL_RT) -lcmocka -lpthread -lz -o $@
else
$(VL_DIR)/rtl_dut.o: $(VL_SHIM_OBJ)
	ld -r $^ -o $@
endif

$(VL_DIR)/test_lockstep: $(patsubst %,$(VL_DIR)/drv/%.o,$(VL_DRV)) $(VL_DIR)/rtl_dut.o $(VL_COBJ) $(VL_LIB)
	$(VL_CXX) $^ $(VL_RT) -lpthread $(if $(filter 1,$(RTL_TRACE) $(RTL_TWIN)),-lz) \
	  $(if $(filter gen,$(RTL_PGO)),-fprofile-generate) -o $@
