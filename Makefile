# Makefile -- build, run and test mmulab; everything is built under build/.
# `make` builds build/mmulab (C model + firmware + the Verilated RTL in
# lockstep), `make run` runs the shipped trace, `make test` runs every test
# program and check.  `make help` lists the targets.

BUILD    := build
CC       := gcc
CXX      := g++
TRACE    := traces/default.trace

# ---- phase 1: install what is missing, before anything else ----
# A bare Debian 12 has no Verilator, cmocka or Yosys, and make is free to
# order prerequisites as it likes, so no build step may run before the
# packages are there.  The first make therefore only runs
# scripts/install-deps.sh and then the same goals again in a sub-make
# (MMULAB_DEPS_DONE=1), which is where every rule below lives.  `make -n
# GOAL` shows this order; scripts/test-setup-order.sh checks it.  Goals that
# need no tools (help, clean, deps) skip the sub-make.
NO_TOOL_GOALS := help clean deps
TOOL_GOALS := $(filter-out $(NO_TOOL_GOALS),$(or $(MAKECMDGOALS),all))
ifneq ($(if $(MMULAB_DEPS_DONE),,$(TOOL_GOALS)),)
.PHONY: $(MAKECMDGOALS) all install-then-build
$(or $(MAKECMDGOALS),all): install-then-build
	@:
install-then-build:
	scripts/install-deps.sh
	@$(MAKE) --no-print-directory MMULAB_DEPS_DONE=1 $(MAKECMDGOALS)
else
# ---- flags ----
CSTD     := -std=c11
WARN     := -Wall -Wextra -Werror
INCLUDES := -Iarch -Icmodel -Ifirmware -Itb -Itb/verilator -Isim -Icli
DEPFLAGS := -MMD -MP
CFLAGS   := $(CSTD) $(WARN) -O2 $(INCLUDES)
# unit tests, CLI tests: address + undefined-behaviour sanitizers
SANITIZE    := -fsanitize=address,undefined -fno-omit-frame-pointer
TEST_CFLAGS := $(CSTD) $(WARN) -O1 -g $(SANITIZE) $(INCLUDES)
TEST_LDLIBS := -lcmocka -lz
# the firmware must build with no C library at all
FREESTANDING_CFLAGS := $(CSTD) $(WARN) -O2 -ffreestanding -Iarch -Ifirmware
export UBSAN_OPTIONS := halt_on_error=1:print_stacktrace=1

# ---- sources (globbed: new files and tests are picked up) ----
CMODEL_SRC := $(wildcard cmodel/*.c)
FW_SRC     := $(wildcard firmware/*.c)
# the harness (tb/), the system simulation (sim/) and the CLI (cli/ without
# main.c): everything a front end links, and what their tests link
TB_SRC     := $(wildcard tb/*.c) $(wildcard sim/*.c) $(filter-out cli/main.c,$(wildcard cli/*.c))
CORE_SRC   := $(CMODEL_SRC) $(FW_SRC)
TEST_SRC   := $(wildcard cmodel/test/test_*.c firmware/test/test_*.c tb/test/test_*.c \
                sim/test/test_*.c cli/test/test_*.c)
# the OS views, mmulab sweep, the bench's workloads row (docs/views.md)
include cli/views.mk
# the course labs' checkers: make check LAB=N FILE=ANSWERS (labs/README.md)
include labs/labs.mk

OBJ  := $(BUILD)/obj
ASAN := $(BUILD)/asan
objs = $(patsubst %.c,$(1)/%.o,$(2))

# ---- the RTL, verilated by tb/verilator/verilator.mk (a sub-make) ----
# Two builds: rtl/ and rtl/ + tb/mutants/bugs.patch (docs/rtl-bugs.md).  Each is a two-build
# binary (verilator.mk RTL_TWIN=1): the fast untraced model runs, and its traced twin in
# $(RTL_DIR)/wave, linked into the same rtl_dut.o, writes the waveforms (--wave, the mismatch
# replay) and runs --rand-reset (docs/bench.md, "Two builds in one binary").
VL_MK    := tb/verilator/verilator.mk
include rtl/files.mk   # RTL_CORE_SRCS, RTL_SIM_SRCS: the RTL file lists rtl/core.f, rtl/sim.f
RTL_DIR  := $(BUILD)/verilator
RTLB_DIR := $(BUILD)/verilator-bugs
RTL_VARS  := VL_DIR=$(RTL_DIR) RTL_TWIN=1 RTL_PGO=1
RTLB_VARS := VL_DIR=$(RTLB_DIR) RTL_TWIN=1 RTL_BUGS=1
# what a program links of a build (its rtl_dut.o: the shim and the glue, in a two-build binary
# also the twin's shim and Verilated archive)
rtl_libs = $(1)/rtl_dut.o $(1)/obj/Vmmu_top__ALL.a $(addprefix $(1)/obj/,verilated.o \
           verilated_dpi.o verilated_threads.o verilated_fst_c.o)
RTL_LDLIBS := -lz -lpthread
MAIN_SRC := cli/main.c

MMULAB      := $(BUILD)/mmulab
COV_DIR     := $(BUILD)/coverage
COV_REPORT  := $(COV_DIR)/cov_report
MMULAB_BUGS := $(BUILD)/mmulab-bugs
MMULAB_ASAN := $(ASAN)/mmulab
LOCKSTEP    := $(RTL_DIR)/test_lockstep
LOCKSTEP_BUGS := $(RTLB_DIR)/test_lockstep
TEST_BINS   := $(patsubst %.c,$(BUILD)/test/%,$(TEST_SRC))
BENCH_DIR   := $(BUILD)/bench
BENCH       := $(BENCH_DIR)/mmubench
BENCH_VVP   := $(BENCH_DIR)/replay.vvp
BENCH_SRC   := $(wildcard tb/bench/*.c)
BENCH_TESTS := $(patsubst tb/bench/test/%.c,$(BENCH_DIR)/%,$(wildcard tb/bench/test/test_*.c))

.PHONY: all run test deps clean help rtl rtl-bugs rtl-small lockstep-bins wave regress
.SECONDARY:
.DELETE_ON_ERROR:

all: $(MMULAB)

# ---- pattern rules: one object tree per flag set ----
$(OBJ)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(DEPFLAGS) -c $< -o $@

$(ASAN)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(TEST_CFLAGS) $(DEPFLAGS) -c $< -o $@

# ---- programs ----
# The sub-make knows when the RTL must be verilated again; asking it is
# cheap, so these two are phony and the programs always relink.
rtl:
	@$(MAKE) --no-print-directory -f $(VL_MK) $(RTL_VARS) $(RTL_DIR)/rtl_dut.o
rtl-bugs:
	@$(MAKE) --no-print-directory -f $(VL_MK) $(RTLB_VARS) $(RTLB_DIR)/rtl_dut.o
# the random lockstep driver (tb/verilator/test_lockstep.c), both builds
# The three small configurations of verilator.mk (RTL_SMALL*: PLRU/random/LRU TLBs and
# caches, set-associative TLBs, 2-cycle L1), each verilated in its own directory with its
# test_lockstep, and an mmulab linked against each (run with the options in mmulab.opts).
SMALL_CFGS   := small small2 small3
MMULAB_SMALL := $(addprefix $(BUILD)/mmulab-,$(SMALL_CFGS))
rtl-small:
	@$(MAKE) --no-print-directory -f $(VL_MK) VL_DIR=$(RTL_DIR) rtl-small-builds
define mmulab_small_rule
$(BUILD)/mmulab-$(1): $(call objs,$(OBJ),$(CORE_SRC) $(TB_SRC) $(MAIN_SRC)) rtl-small
	$(CXX) $$(filter %.o,$$^) $(call rtl_libs,$(RTL_DIR)-$(1)) $(RTL_LDLIBS) -o $$@
endef
$(foreach c,$(SMALL_CFGS),$(eval $(call mmulab_small_rule,$(c))))
# lookup_cycles = 2 (docs/timing-contract.md 2a): its own build and an mmulab linked against it
MMULAB_LK2 := $(BUILD)/mmulab-lk2
.PHONY: rtl-lk2
rtl-lk2:
	@$(MAKE) --no-print-directory -f $(VL_MK) VL_DIR=$(RTL_DIR) rtl-lk2-build
$(MMULAB_LK2): $(call objs,$(OBJ),$(CORE_SRC) $(TB_SRC) $(MAIN_SRC)) rtl-lk2
	$(CXX) $(filter %.o,$^) $(call rtl_libs,$(RTL_DIR)-lk2) $(RTL_LDLIBS) -o $@
# tlb_ram, the block-RAM TLB (lookup_cycles 2, 64 entries 16 x 4): its own build and an mmulab
MMULAB_RAM := $(BUILD)/mmulab-ram
.PHONY: rtl-ram
rtl-ram:
	@$(MAKE) --no-print-directory -f $(VL_MK) VL_DIR=$(RTL_DIR) rtl-ram-build
$(MMULAB_RAM): $(call objs,$(OBJ),$(CORE_SRC) $(TB_SRC) $(MAIN_SRC)) rtl-ram
	$(CXX) $(filter %.o,$^) $(call rtl_libs,$(RTL_DIR)-ram) $(RTL_LDLIBS) -o $@
lockstep-bins: rtl rtl-bugs
	@$(MAKE) --no-print-directory -f $(VL_MK) $(RTL_VARS) $(LOCKSTEP) $(RTL_DIR)/test_rtl_twin
	@$(MAKE) --no-print-directory -f $(VL_MK) $(RTLB_VARS) $(LOCKSTEP_BUGS)

$(MMULAB): $(call objs,$(OBJ),$(CORE_SRC) $(TB_SRC) $(MAIN_SRC)) rtl
	$(CXX) $(filter %.o,$^) $(call rtl_libs,$(RTL_DIR)) $(RTL_LDLIBS) -o $@

$(MMULAB_BUGS): $(call objs,$(OBJ),$(CORE_SRC) $(TB_SRC) $(MAIN_SRC)) rtl-bugs
	$(CXX) $(filter %.o,$^) $(call rtl_libs,$(RTLB_DIR)) $(RTL_LDLIBS) -o $@

# The C is instrumented; the Verilated C++ is linked in as it is.
$(MMULAB_ASAN): $(call objs,$(ASAN),$(CORE_SRC) $(TB_SRC) $(MAIN_SRC)) rtl
	$(CXX) $(SANITIZE) $(filter %.o,$^) $(call rtl_libs,$(RTL_DIR)) $(RTL_LDLIBS) -o $@

# A test program is its test file + all of cmodel/ and firmware/ (+ tb/,
# sim/ and cli/ without main.c for their tests: the shorter stem makes make
# pick those rules).
define front_test_rule
$$(BUILD)/test/$(1)/test/%: $$(ASAN)/$(1)/test/%.o $$(call objs,$$(ASAN),$$(CORE_SRC) $$(TB_SRC))
	@mkdir -p $$(@D)
	$$(CC) $$(TEST_CFLAGS) $$^ $$(TEST_LDLIBS) -o $$@
endef
$(foreach d,tb sim cli,$(eval $(call front_test_rule,$(d))))

$(BUILD)/test/%: $(ASAN)/%.o $(call objs,$(ASAN),$(CORE_SRC))
	@mkdir -p $(@D)
	$(CC) $(TEST_CFLAGS) $^ $(TEST_LDLIBS) -o $@

# ---- the default configuration, written once (cmodel/mmu_params.h) ----
# rtl/mmu_defaults.svh is generated from it and committed (rtl/ reads on its own);
# `make rtl-params` rewrites it, make test fails when it is stale.
GEN_PARAMS := $(BUILD)/gen/gen_rtl_params
$(GEN_PARAMS): scripts/gen_rtl_params.c cmodel/mmu_params.h
	@mkdir -p $(@D)
	$(CC) $(CSTD) $(WARN) -Icmodel $< -o $@
.PHONY: rtl-params
rtl-params: $(GEN_PARAMS)
	$(GEN_PARAMS) vh > rtl/mmu_defaults.svh

# ---- targets ----
deps:
	scripts/install-deps.sh

run: $(MMULAB)
	$(MMULAB) $(TRACE)

# Every unit test, the CLI tests, the freestanding check of the firmware
# and valgrind on one full run; the script prints "N passed, M failed".
test: $(TEST_BINS) $(BENCH_TESTS) $(MMULAB_ASAN) $(MMULAB) $(MMULAB_BUGS) lockstep-bins workload-traces \
      $(MMULAB_SMALL) $(MMULAB_LK2) $(MMULAB_RAM) $(COV_REPORT) $(GEN_PARAMS)
	@CC="$(CC)" FREESTANDING_CFLAGS="$(FREESTANDING_CFLAGS)" BUILD="$(BUILD)" \
	  LOCKSTEP="$(LOCKSTEP)" LOCKSTEP_BUGS="$(LOCKSTEP_BUGS)" MMULAB_BUGS="$(MMULAB_BUGS)" \
	  SMALL_DIRS="$(addprefix $(RTL_DIR)-,$(SMALL_CFGS))" MMULAB_SMALL="$(MMULAB_SMALL)" \
	  COV_REPORT="$(COV_REPORT)" GEN_PARAMS="$(GEN_PARAMS)" \
	  LK2_DIR="$(RTL_DIR)-lk2" MMULAB_LK2="$(MMULAB_LK2)" RAM_DIR="$(RTL_DIR)-ram" MMULAB_RAM="$(MMULAB_RAM)" \
	  scripts/run-tests.sh $(MMULAB) $(MMULAB_ASAN) $(TRACE) $(TEST_BINS) $(BENCH_TESTS)

# The waveform of the last lockstep mismatch, opened at the failing cycle.
MISMATCH := $(BUILD)/mismatch
wave:
	@test -f $(MISMATCH).gtkw || { echo "no $(MISMATCH).gtkw: no lockstep mismatch has been recorded"; exit 1; }
	gtkwave $(MISMATCH).gtkw

# Many more seeds than make test, in shards run by GNU parallel, then one
# summary (docs/regress.md): make regress [SEEDS=24] [SHARDS=K] [JOBS=J]
# [SSHLOGINFILE=hosts] [REGRESS_ARGS=...]; scripts/regress.sbatch runs the
# same shards as a Slurm array.
SEEDS ?= 24
REGRESS := $(BUILD)/regress
regress: $(MMULAB) lockstep-bins
	scripts/regress.sh --seeds $(SEEDS) $(if $(SHARDS),--shards $(SHARDS)) $(if $(JOBS),--jobs $(JOBS)) \
	  $(if $(SSHLOGINFILE),--sshloginfile $(SSHLOGINFILE)) --out $(REGRESS) $(REGRESS_ARGS) $(MMULAB) $(LOCKSTEP)

# ---- make workloads: real programs, recorded with valgrind lackey ----
# Each traces/workloads/*.c is built static (less loader noise) and recorded
# by `mmulab record` with an empty environment (the same stack every run);
# two_procs interleaves two of them as pids 1 and 2 (docs/workloads.md).
WL_DIR     := $(BUILD)/workloads
WORKLOADS  := $(sort $(basename $(notdir $(wildcard traces/workloads/*.c))))
WL_TRACES  := $(addprefix $(WL_DIR)/,$(addsuffix .trace.gz,$(WORKLOADS) two_procs))
.PHONY: workloads workload-traces
workload-traces: $(WL_TRACES)
workloads: $(WL_TRACES) $(MMULAB)
	@scripts/workloads.py $(MMULAB) $(WL_TRACES)
$(WL_DIR)/%.bin: traces/workloads/%.c
	@mkdir -p $(@D)
	$(CC) -O1 -static -o $@ $<
# valgrind puts the program's full path on its stack, so the recording runs
# in a directory whose name has the same length wherever the clone is.
$(WL_DIR)/%.trace.gz: $(WL_DIR)/%.bin | $(MMULAB)
	d=$$(mktemp -d /tmp/mmulab-wl.XXXXXX) && cp $< $$d/$*.bin && \
	(cd $$d && env -i PATH=/usr/bin:/bin $(abspath $(MMULAB)) record -o $*.trace.gz -- ./$*.bin > $*.out) && \
	mv $$d/$*.trace.gz $@ && mv $$d/$*.out $(WL_DIR)/$*.out && rm -rf $$d
$(WL_DIR)/two_procs.trace.gz: $(WL_DIR)/list_walk.trace.gz $(WL_DIR)/hash_table.trace.gz
	scripts/interleave_traces.py 5000 $@ $(WL_DIR)/list_walk.trace.gz:1 $(WL_DIR)/hash_table.trace.gz:2

# ---- make coverage: functional bins and Verilator line/toggle coverage (docs/coverage.md) ----
# The four RTL configurations (default, small, small2, small3) verilated once more with
# --coverage-line --coverage-toggle under $(RTL_DIR)-cov* (never the fast builds); the lockstep
# driver with the coverage mix (-X) runs on each, counting the functional bins
# (tb/coverage.c) into $(COV_DIR)/functional.cov and the RTL's points into $(COV_DIR)/vl/.
# cov_report prints every bin and fails if one is below COV_TARGET; vlcov-summary.py prints
# line, branch and toggle coverage of rtl/; verilator_coverage annotates the sources under
# $(COV_DIR)/annotated.  About 10 minutes from clean (the four builds), 2-3 once built.
COV_TARGET ?= 1
COV_CFGS   := default small small2 small3
.PHONY: coverage rtl-cov
rtl-cov:
	@$(MAKE) --no-print-directory -f $(VL_MK) VL_DIR=$(RTL_DIR)-cov RTL_COVERAGE=1 rtl-one-build rtl-small-builds
$(COV_REPORT): tb/verilator/cov_report.c tb/coverage.c tb/coverage.h $(CMODEL_SRC) cmodel/*.h arch/*.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) tb/verilator/cov_report.c tb/coverage.c $(CMODEL_SRC) -o $@
coverage: rtl-cov $(COV_REPORT)
	@rm -rf $(COV_DIR)/vl $(COV_DIR)/annotated $(COV_DIR)/functional.cov && mkdir -p $(COV_DIR)/vl
	@set -e; for c in $(COV_CFGS); do \
	  ls=$(RTL_DIR)-cov; [ $$c = default ] || ls=$$ls-$$c; ls=$$ls/test_lockstep; \
	  n=20000; [ $$c = default ] && n=8000; \
	  echo "coverage: $$c: $$ls -X -n $$n 1 2; -n 2000 3; -r -n 1000 4"; \
	  MMULAB_VLCOV=$(COV_DIR)/vl/$$c-x $$ls -X -c $(COV_DIR)/functional.cov -l $$c -n $$n 1 2 | tail -n 1; \
	  MMULAB_VLCOV=$(COV_DIR)/vl/$$c-c $$ls -c $(COV_DIR)/functional.cov -l $$c -n 2000 3 | tail -n 1; \
	  MMULAB_VLCOV=$(COV_DIR)/vl/$$c-r $$ls -X -r -c $(COV_DIR)/functional.cov -l $$c -n 1000 4 | tail -n 1; \
	done
	@echo "== Verilator coverage of rtl/ (points hit at least once; all four configurations merged)"
	@scripts/vlcov-summary.py $(COV_DIR)/vl/*.dat | tee $(COV_DIR)/rtl-summary.txt
	@verilator_coverage --annotate $(COV_DIR)/annotated --annotate-min 1 \
	  --write $(COV_DIR)/rtl.dat $(COV_DIR)/vl/*.dat | sed 's/^/verilator_coverage: /'
	@echo "== functional coverage bins (tb/coverage.c)"
	@$(COV_REPORT) -t $(COV_TARGET) $(COV_DIR)/functional.cov > $(COV_DIR)/functional.txt; rc=$$?; \
	  cat $(COV_DIR)/functional.txt; [ $$rc -eq 0 ] || { echo "coverage: bins below target $(COV_TARGET) (marked MISS)"; exit 1; }

# ---- make bench: simulated cycles per second of each engine (docs/bench.md) ----
# mmubench records one lockstep run of $(TRACE) and replays it on the model, the
# RTL, both in lockstep and under Icarus (replay.vvp); its unit tests run first.
# BENCH_ARGS: more mmubench options, e.g. --icarus-cycles 20000.
.PHONY: bench
bench: $(BENCH_TESTS) $(BENCH) $(BENCH_VVP)
	@for t in $(BENCH_TESTS); do $$t >$$t.log 2>&1 || { cat $$t.log; exit 1; }; done
	@CFLAGS="$(CFLAGS)" scripts/bench.sh $(BENCH) $(BENCH_VVP) $(RTL_DIR) $(TRACE) \
	  --stimulus $(BENCH_DIR)/stimulus.txt $(BENCH_ARGS)
$(call objs,$(OBJ),$(BENCH_SRC)): CFLAGS += -Itb/bench
$(BENCH): $(call objs,$(OBJ),$(CORE_SRC) $(TB_SRC) $(BENCH_SRC)) rtl
	@mkdir -p $(@D)
	$(CXX) $(filter %.o,$^) $(call rtl_libs,$(RTL_DIR)) $(RTL_LDLIBS) -o $@
$(BENCH_VVP): tb/icarus/replay_tb.sv $(RTL_ALL_SRCS) $(RTL_HDRS)
	@mkdir -p $(@D)
	iverilog -g2012 -I rtl -s replay_tb -o $@ $(filter %.sv,$^)
$(BENCH_DIR)/test_%: tb/bench/test/test_%.c tb/bench/stimulus.c tb/bench/record.c $(CORE_SRC)
	@mkdir -p $(@D)
	$(CC) $(TEST_CFLAGS) -Itb/bench $^ $(TEST_LDLIBS) -o $@
-include $(patsubst %.c,$(OBJ)/%.d,$(BENCH_SRC))

# ---- make fuzz: libFuzzer on the two parsers of user input (clang) ----
# FUZZ_SECONDS each, seeded with the shipped traces and scenarios; a crash,
# a leak or undefined behaviour stops it with the input that caused it.
FUZZ_SECONDS ?= 60
FUZZ_DIR     := $(BUILD)/fuzz
FUZZ_FLAGS   := -g -O1 -fsanitize=fuzzer,address,undefined -Iarch -Icmodel -Ifirmware -Itb -Isim -Icli
.PHONY: fuzz
fuzz: $(FUZZ_DIR)/fuzz_trace $(FUZZ_DIR)/fuzz_scenario $(FUZZ_DIR)/fuzz_lackey
	@rm -rf $(FUZZ_DIR)/corpus && mkdir -p $(FUZZ_DIR)/corpus/trace $(FUZZ_DIR)/corpus/scenario $(FUZZ_DIR)/corpus/lackey
	@printf 'I  00401000,3' > $(FUZZ_DIR)/corpus/lackey/i; printf ' M 00602ffe,4' > $(FUZZ_DIR)/corpus/lackey/m
	@for f in traces/*.trace tb/test/bug-traces/*.trace; do \
	  { printf '\0'; cat $$f; } > $(FUZZ_DIR)/corpus/trace/$$(basename $$f); done
	@cp traces/scenarios/*.scn tb/test/bug-scenarios/*.scn $(FUZZ_DIR)/corpus/scenario/
	$(FUZZ_DIR)/fuzz_trace -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
	  -artifact_prefix=$(FUZZ_DIR)/ $(FUZZ_DIR)/corpus/trace
	$(FUZZ_DIR)/fuzz_scenario -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
	  -artifact_prefix=$(FUZZ_DIR)/ $(FUZZ_DIR)/corpus/scenario
	$(FUZZ_DIR)/fuzz_lackey -max_total_time=$(FUZZ_SECONDS) -max_len=600 \
	  -artifact_prefix=$(FUZZ_DIR)/ $(FUZZ_DIR)/corpus/lackey
$(FUZZ_DIR)/fuzz_trace: cli/fuzz/fuzz_trace.c sim/trace.c sim/grow.c sim/textfile.c cmodel/ptw.c
	@mkdir -p $(@D)
	clang $(FUZZ_FLAGS) $^ -lz -o $@
$(FUZZ_DIR)/fuzz_lackey: cli/fuzz/fuzz_lackey.c cli/lackey.c sim/trace.c sim/grow.c sim/textfile.c cmodel/ptw.c
	@mkdir -p $(@D)
	clang $(FUZZ_FLAGS) $^ -lz -o $@
$(FUZZ_DIR)/fuzz_scenario: cli/fuzz/fuzz_scenario.c cli/scenario.c sim/grow.c sim/textfile.c cmodel/ptw.c
	@mkdir -p $(@D)
	clang $(FUZZ_FLAGS) $^ -lz -o $@

# ---- make mutants: mutation score of rtl/ under the lockstep suite (docs/mutants.md) ----
include tb/mutants/mutants.mk

# ---- make sc-run / sc-tlm: the SystemC harness and the TLM-2.0 MMU (docs/systemc.md) ----
include tb/systemc/systemc.mk

# ---- make format-check: every C/C++ source follows .clang-format ----
.PHONY: format-check
format-check:
	scripts/check-format.sh

clean:
	rm -rf $(BUILD)

include fpga/fpga.mk   # make fpga, make fpga-gate: the iCE40 flow and the gate-level lockstep (docs/fpga.md)

help:
	@echo "make all    build $(MMULAB) (the default target)"
	@echo "make run    install missing packages, build, run $(TRACE) and print the report"
	@echo "make test   install missing packages, run unit tests (ASan+UBSan), CLI tests, freestanding and valgrind checks"
	@echo "make deps   install the Debian packages mmulab needs (root; quick when all are there; every tool goal runs it first)"
	@echo "make wave   open the last lockstep mismatch in GTKWave, at the failing cycle"
	@echo "make regress  lockstep on many random seeds in GNU parallel shards, one summary (SEEDS=24 JOBS=cores SSHLOGINFILE=hosts; docs/regress.md)"
	@echo "make workloads  record the real programs of traces/workloads/ and run each in lockstep"
	@echo "make bench  simulated cycles per second: model, RTL, lockstep, Icarus; accesses/s of each workload (docs/bench.md)"
	@echo "make check LAB=N FILE=ANSWERS [SEED=S]  grade a lab (SHEET=1: variant S's questions; LAB=4 FILE=policy_student.c: a firmware policy; LAB=6 FILE=mmu_ptw.sv: lockstep; labs/README.md)"
	@echo "make sweep-demo  mmulab sweep --param frames on a workload: CSV + PNG + SVG in $(BUILD)/sweep (docs/views.md)"
	@echo "make fuzz   libFuzzer on the trace, scenario and lackey parsers (FUZZ_SECONDS=60 each)"
	@echo "make coverage  functional bins (fail below COV_TARGET=1) + line/toggle coverage of rtl/ (docs/coverage.md; ~10 min from clean)"
	@echo "make mutants  mutants of rtl/ through the lockstep suite: kill rate, survivors (MUT_JOBS=2 MUT_ONLY=K,K-K; docs/mutants.md)"
	@echo "make rtl-params  rewrite rtl/mmu_defaults.svh from cmodel/mmu_params.h (the default configuration)"
	@echo "make fpga   iCE40 synth + place/route (nextpnr seeds FPGA_SEEDS, the best kept) of mmu_core (HX8K 16-entry TLB, UP5K 8-entry, HX8K block-RAM TLB), bitstreams, LC/RAM/Fmax table in $(BUILD)/fpga/report.json (docs/fpga.md)"
	@echo "make fpga-gate-run  the HX8K netlists of mmu_core (synth_ice40: hx8k, hx8k-ram) in lockstep with the model (docs/fpga.md)"
	@echo "make sc-run  $(TRACE) through the SystemC harness (RTL + model in lockstep), mmulab's report (docs/systemc.md)"
	@echo "make sc-tlm  $(TRACE) through the TLM-2.0 MMU into a TLM memory: the totals of --model-only"
	@echo "make format-check  every C/C++ source follows .clang-format, the one C style (clang-format-19; in make test)"
	@echo "make clean  remove $(BUILD)/"
	@echo "make help   this list"

-include $(patsubst %.c,$(OBJ)/%.d,$(CORE_SRC) $(TB_SRC) $(MAIN_SRC))
-include $(patsubst %.c,$(ASAN)/%.d,$(CORE_SRC) $(TB_SRC) $(MAIN_SRC) $(TEST_SRC))

endif  # phase 2
