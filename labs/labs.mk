# labs/labs.mk -- the course labs (labs/README.md): `make check LAB=N FILE=ANSWERS [SEED=S]`
# grades an answers file with `mmulab check` (cli/check*.c); `make check LAB=N SHEET=1
# [SEED=S]` prints variant S's sheet.  Included once by the Makefile's phase 2; $(MMULAB)
# is defined after this file is read, so the binary is spelled out here.  The labs' tests
# (labs/test/test_labs.sh) run in `make test` through scripts/run-tests.sh.
SEED ?= 1
.PHONY: check
check: $(BUILD)/mmulab
	@test -n "$(LAB)" || { echo "make check: expected LAB=N (build/mmulab check --list)"; exit 2; }
ifeq ($(SHEET),)
	@test -n "$(FILE)" || { echo "make check: expected FILE=ANSWERS (or SHEET=1 for the questions)"; exit 2; }
	$(BUILD)/mmulab check $(LAB) $(FILE) --seed $(SEED)
else
	$(BUILD)/mmulab check $(LAB) --sheet --seed $(SEED)
endif
