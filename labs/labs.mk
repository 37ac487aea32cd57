# labs/labs.mk -- the course labs (labs/README.md): `make check LAB=N FILE=ANSWERS [SEED=S]`
# grades an answers file with `mmulab check` (cli/check*.c); `make check LAB=N SHEET=1
# [SEED=S]` prints variant S's sheet.  Included once by the Makefile's phase 2; $(MMULAB)
# is defined after this file is read, so the binary is spelled out here.  The labs' tests
# (labs/test/test_labs.sh) run in `make test` through scripts/run-tests.sh.
SEED ?= 1
.PHONY: check
ifeq ($(LAB),6)
check: lab6-check
else ifeq ($(LAB),4)
check: lab4-check
else ifeq ($(LAB),5)
check: lab5-check
else
check: $(BUILD)/mmulab
	@test -n "$(LAB)" || { echo "make check: expected LAB=N (build/mmulab check --list)"; exit 2; }
ifeq ($(SHEET),)
	@test -n "$(FILE)" || { echo "make check: expected FILE=ANSWERS (or SHEET=1 for the questions)"; exit 2; }
	$(BUILD)/mmulab check $(LAB) $(FILE) --seed $(SEED)
else
	$(BUILD)/mmulab check $(LAB) --sheet --seed $(SEED)
endif
endif

# Lab 6 (labs/06-ptw/README.md): the student's mmu_ptw.sv verilated in a copy of rtl/ under
# $(BUILD)/lab6 and graded by lockstep (labs/06-ptw/check.sh).  The objects come from the
# $(BUILD)/mmulab build; the recipe expands the object list late, when the Makefile has it.
.PHONY: lab6-check
lab6-check:
	@test -n "$(FILE)" || { echo "make check LAB=6: expected FILE=mmu_ptw.sv"; exit 2; }
	@$(MAKE) --no-print-directory $(BUILD)/mmulab >/dev/null
	@BUILD=$(BUILD) CXX=$(CXX) LAB6_OBJS="$(call objs,$(OBJ),$(CORE_SRC) $(TB_SRC) $(MAIN_SRC))" \
	  bash labs/06-ptw/check.sh $(FILE) $(SEED)

# Lab 4 (labs/04-policy/README.md): the student's policy_student.c compiled freestanding and
# linked in place of firmware/policy_student.c into $(BUILD)/lab4/mmulab, graded on fault counts
# and the data check (labs/04-policy/check.sh).  Objects from the $(BUILD)/mmulab build, late.
LAB4_VARS = LAB4_OBJS="$(call objs,$(OBJ),$(filter-out firmware/policy_student.c,$(CORE_SRC)) $(TB_SRC) $(MAIN_SRC))" \
  LAB4_RTL="$(call rtl_libs,$(RTL_DIR)) $(RTL_LDLIBS)"
.PHONY: lab4-check
lab4-check:
	@test -n "$(FILE)" || { echo "make check LAB=4: expected FILE=policy_student.c"; exit 2; }
	@$(MAKE) --no-print-directory $(BUILD)/mmulab >/dev/null
	@BUILD=$(BUILD) CC=$(CC) CXX=$(CXX) FREESTANDING_CFLAGS="$(FREESTANDING_CFLAGS)" $(LAB4_VARS) \
	  bash labs/04-policy/check.sh $(FILE) $(SEED)

# make test runs labs/test/test_lab6.sh (scripts/run-tests.sh): it links an mmulab over each
# graded RTL from these objects (deferred: the Makefile defines them after this file).
test: export LAB6_OBJS = $(call objs,$(OBJ),$(CORE_SRC) $(TB_SRC) $(MAIN_SRC))
test: export LAB4_OBJS = $(call objs,$(OBJ),$(filter-out firmware/policy_student.c,$(CORE_SRC)) $(TB_SRC) $(MAIN_SRC))
test: export LAB4_RTL = $(call rtl_libs,$(RTL_DIR)) $(RTL_LDLIBS)

# Lab 5 (labs/05-rtl-bug/README.md): `make lab5-handout SEED=S` (or `make check LAB=5 SHEET=1
# SEED=S`) writes variant S, a copy of rtl/ with one mutant applied, built, with its bug
# report ($(BUILD)/lab5/S; the key in $(BUILD)/lab5/keys); `make check LAB=5 FILE=fixed.sv
# SEED=S ANSWERS=where.txt` grades the fix by lockstep (labs/05-rtl-bug/check.sh).  A copy
# equal to rtl/ is graded on the repository's own build ($(RTL_DIR), $(MMULAB)).
LAB5_ENV = BUILD=$(BUILD) CXX=$(CXX) LAB5_OBJS="$(call objs,$(OBJ),$(CORE_SRC) $(TB_SRC) $(MAIN_SRC))" \
  LAB5_CLEAN_VL=$(RTL_DIR) LAB5_CLEAN_MMULAB=$(MMULAB)
.PHONY: lab5-handout lab5-check lab5-bins
lab5-bins:
	@$(MAKE) --no-print-directory $(BUILD)/mmulab >/dev/null
	@$(MAKE) --no-print-directory -f $(VL_MK) $(RTL_VARS) $(LOCKSTEP) >/dev/null
lab5-handout: lab5-bins
	@$(LAB5_ENV) bash labs/05-rtl-bug/handout.sh $(SEED)
ifeq ($(SHEET),)
lab5-check: lab5-bins
	@test -n "$(FILE)" || { echo "make check LAB=5: expected FILE=fixed.sv (or SHEET=1 for the handout)"; exit 2; }
	@$(LAB5_ENV) bash labs/05-rtl-bug/check.sh $(FILE) $(SEED) $(ANSWERS)
else
lab5-check: lab5-handout
endif
# make test runs labs/test/test_lab5.sh (scripts/run-tests.sh) with these objects
test: export LAB5_OBJS = $(call objs,$(OBJ),$(CORE_SRC) $(TB_SRC) $(MAIN_SRC))
