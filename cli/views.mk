# cli/views.mk -- the OS views (--vmstat, --free, --pmap, --proc-vmstat), `mmulab sweep`
# and the workloads row of `make bench` (docs/views.md, docs/bench.md).  Included once by
# the Makefile's phase 2, after its source lists and before its rules (so names the
# Makefile defines later, like $(MMULAB) and $(WL_TRACES), are spelled out here).
# (cli/*.c are mmulab's sources through the Makefile's TB_SRC; nothing to add here.)

# make bench: after the engines' table, one row per shipped workload (scripts/bench-workloads.sh):
# accesses/s and cycles/s of `mmulab --model-only` and of `mmulab` (lockstep).
# (The Makefile's WL_TRACES is defined after this file is read, so the same list is made here.)
VIEWS_WL_TRACES := $(addprefix $(BUILD)/workloads/,$(addsuffix .trace.gz,\
                   $(sort $(basename $(notdir $(wildcard traces/workloads/*.c)))) two_procs))
bench: $(VIEWS_WL_TRACES) $(BUILD)/mmulab
bench: export BENCH_MMULAB := $(BUILD)/mmulab
bench: export BENCH_WORKLOADS := $(VIEWS_WL_TRACES)

.PHONY: sweep-demo
# make sweep-demo: the thrashing knee of a shipped workload, as CSV + PNG + SVG in build/sweep/
SWEEP_TRACE ?= $(BUILD)/workloads/matmul_naive.trace.gz
sweep-demo: $(BUILD)/mmulab $(SWEEP_TRACE)
	@mkdir -p $(BUILD)/sweep
	$(BUILD)/mmulab sweep --param frames --values 1,2,4,8,16,32,64,128 --out $(BUILD)/sweep/frames $(SWEEP_TRACE)
