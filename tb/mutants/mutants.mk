# tb/mutants/mutants.mk -- make mutants: the mutation score of rtl/ under the lockstep suite.
# Included by the top Makefile (phase 2: $(OBJ), $(CORE_SRC), $(VL_MK), rtl_libs are known).
# scripts/mutate-rtl.py writes ONE mutated copy of rtl/ (every mutant behind mut_sel_i); it is
# verilated once per RTL configuration of tb/verilator/verilator.mk (RTL_MUTANTS=1: default in
# $(MUT_DIR)/vl, the three small ones in $(MUT_DIR)/vl-small*) and of the three below (lk2,
# memodd, ram), mmulab is linked against each,
# and scripts/run-mutants.py runs the lockstep suite per mutant ($MMULAB_MUTANT), MUT_JOBS at a
# time.  docs/mutants.md.  MUT_ARGS: every mutation point by default (--max 0, since run 8);
# MUT_ARGS="--max 500 --keep tb/mutants/smoke.txt" draws a seeded sample (MUT_SEED) as runs 1-7 did.

MUT_DIR   := $(BUILD)/mutants
MUT_VL    := $(MUT_DIR)/vl
MUT_CFGS  := default small small2 small3 lk2 memodd ram
# three configurations of the mutants suite only (the default one but for one parameter each),
# for the RTL that the four above never run (docs/mutants.md, step 6):
#   lk2:    lookup_cycles = 2 (verilator.mk's RTL_LK2): the registered lookup, the refill at
#           DATA's first edge (fill_pend_q);
#   memodd: memory 0x80000000 + 768 MiB, a size that is not a power of two: in_mem's two-compare
#           branch (mmu_core.sv, MemAlign = 0); only tb/mutants/scenarios/*.scn with its `mem`
#           line and test_lockstep run there (mmulab's trace and --random use the default memory).
#   ram:    the block-RAM TLB (TlbRam 1, rtl/mmu_tlb_ram.sv, lookup_cycles 2), 16 entries as
#           4 sets x 4 ways, LRU: small enough that the random driver fills and evicts every set
#           (the RAM-TLB build of make test has 64 entries, verilator.mk's RTL_RAM).
MUT_LK2     := RTL_LOOKUP_CYCLES=2
MUT_RAM     := RTL_TLB_RAM=1 RTL_LOOKUP_CYCLES=2 RTL_TLB_ENTRIES=16 RTL_TLB_WAYS=4
MUT_MEMODD  := RTL_MEM_SIZE=0x30000000
MUT_JOBS  ?= 2
MUT_SEED  ?= 1
MUT_ARGS  ?= --max 0
MUT_ONLY  ?=
# cycles of the bounded equivalence check of each survivor (scripts/prove-mutants.py, Yosys);
# 0: no proofs.  Results are cached in $(MUT_DIR)/prove by the texts they were proven on.
MUT_PROVE ?= 12
mut_vl     = $(if $(filter default,$(1)),$(MUT_VL),$(MUT_VL)-$(1))
MUT_MMULAB := $(addprefix $(MUT_DIR)/mmulab-,$(MUT_CFGS))
MUT_VLFLAGS = VL_DIR=$(MUT_VL) RTL_MUTANTS=1 RTL_TRACE=1 MUT_SEED=$(MUT_SEED) MUT_ARGS="$(MUT_ARGS)"

.PHONY: mutants mutants-rtl mutants-rtl-default
# the sub-make re-verilates when rtl/ or scripts/mutate-rtl.py changed
mutants-rtl-default:
	@$(MAKE) --no-print-directory -f $(VL_MK) $(MUT_VLFLAGS) rtl-one-build
mutants-rtl: mutants-rtl-default
	@$(MAKE) --no-print-directory -f $(VL_MK) $(MUT_VLFLAGS) rtl-small-builds
	@$(MAKE) --no-print-directory -f $(VL_MK) $(MUT_VLFLAGS) VL_DIR=$(MUT_VL)-lk2 $(MUT_LK2) rtl-one-build
	@$(MAKE) --no-print-directory -f $(VL_MK) $(MUT_VLFLAGS) VL_DIR=$(MUT_VL)-memodd $(MUT_MEMODD) rtl-one-build
	@$(MAKE) --no-print-directory -f $(VL_MK) $(MUT_VLFLAGS) VL_DIR=$(MUT_VL)-ram $(MUT_RAM) rtl-one-build

$(MUT_DIR)/mmulab-default: $(call objs,$(OBJ),$(CORE_SRC) $(TB_SRC) $(MAIN_SRC)) mutants-rtl-default
	$(CXX) $(filter %.o,$^) $(call rtl_libs,$(MUT_VL)) $(RTL_LDLIBS) -o $@
define mut_mmulab_rule
$(MUT_DIR)/mmulab-$(1): $(call objs,$(OBJ),$(CORE_SRC) $(TB_SRC) $(MAIN_SRC)) mutants-rtl
	$(CXX) $$(filter %.o,$$^) $(call rtl_libs,$(MUT_VL)-$(1)) $(RTL_LDLIBS) -o $$@
endef
$(foreach c,$(filter-out default,$(MUT_CFGS)),$(eval $(call mut_mmulab_rule,$(c))))

# make mutants [MUT_JOBS=2] [MUT_ONLY=K,K-K] [MUT_SEED=1 MUT_ARGS=...]: every mutant, every
# configuration; prints each result, the totals, the kill rate and every survivor's diff,
# each survivor marked argued (tb/mutants/equivalent.txt, docs/mutants.md) or NOT ARGUED and
# with its Yosys verdict (MUT_PROVE), the score over the mutants not proven equivalent, and
# writes $(MUT_DIR)/report.txt.
mutants: $(MUT_MMULAB)
	scripts/run-mutants.py --jobs $(MUT_JOBS) $(if $(MUT_ONLY),--only $(MUT_ONLY)) \
	  --prove $(MUT_PROVE) --prove-cache $(MUT_DIR)/prove \
	  --equivalent tb/mutants/equivalent.txt --report $(MUT_DIR)/report.txt $(MUT_DIR)

# make test: the machinery check (default configuration only): the unmutated copy passes,
# the mutants of tb/mutants/smoke.txt are all killed (scripts/run-tests.sh, MUT_DIR).
test: $(MUT_DIR)/mmulab-default
