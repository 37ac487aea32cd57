# Makefile -- build, run and test mmulab; everything is built under build/.
# `make` builds build/mmulab, `make run` runs the shipped trace, `make test`
# runs every test program and check.  `make help` lists the targets.

BUILD    := build
CC       := gcc
TRACE    := traces/default.trace

# ---- flags ----
CSTD     := -std=c11
WARN     := -Wall -Wextra -Werror
INCLUDES := -Icmodel -Ifirmware -Itb
DEPFLAGS := -MMD -MP
CFLAGS   := $(CSTD) $(WARN) -O2 $(INCLUDES)
# unit tests, CLI tests: address + undefined-behaviour sanitizers
SANITIZE    := -fsanitize=address,undefined -fno-omit-frame-pointer
TEST_CFLAGS := $(CSTD) $(WARN) -O1 -g $(SANITIZE) $(INCLUDES)
TEST_LDLIBS := -lcmocka
# the firmware must build with no C library at all
FREESTANDING_CFLAGS := $(CSTD) $(WARN) -O2 -ffreestanding -Icmodel -Ifirmware
export UBSAN_OPTIONS := halt_on_error=1:print_stacktrace=1

# ---- sources (globbed: new files and tests are picked up) ----
CMODEL_SRC := $(wildcard cmodel/*.c)
FW_SRC     := $(wildcard firmware/*.c)
TB_SRC     := $(filter-out tb/main.c,$(wildcard tb/*.c))
CORE_SRC   := $(CMODEL_SRC) $(FW_SRC)
TEST_SRC   := $(wildcard cmodel/test/test_*.c firmware/test/test_*.c tb/test/test_*.c)

OBJ  := $(BUILD)/obj
ASAN := $(BUILD)/asan
objs = $(patsubst %.c,$(1)/%.o,$(2))

MMULAB      := $(BUILD)/mmulab
MMULAB_ASAN := $(ASAN)/mmulab
TEST_BINS   := $(patsubst %.c,$(BUILD)/test/%,$(TEST_SRC))
DEPS_STAMP  := $(BUILD)/.deps-ok

.PHONY: all run test deps clean help
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
$(MMULAB): $(call objs,$(OBJ),$(CORE_SRC) $(TB_SRC) tb/main.c)
	$(CC) $(CFLAGS) $^ -o $@

$(MMULAB_ASAN): $(call objs,$(ASAN),$(CORE_SRC) $(TB_SRC) tb/main.c)
	$(CC) $(TEST_CFLAGS) $^ -o $@

# A test program is its test file + all of cmodel/ and firmware/ (+ tb/
# without main.c for tb tests: the shorter stem makes make pick that rule).
$(BUILD)/test/tb/test/%: $(ASAN)/tb/test/%.o $(call objs,$(ASAN),$(CORE_SRC) $(TB_SRC))
	@mkdir -p $(@D)
	$(CC) $(TEST_CFLAGS) $^ $(TEST_LDLIBS) -o $@

$(BUILD)/test/%: $(ASAN)/%.o $(call objs,$(ASAN),$(CORE_SRC))
	@mkdir -p $(@D)
	$(CC) $(TEST_CFLAGS) $^ $(TEST_LDLIBS) -o $@

# ---- targets ----
deps:
	scripts/install-deps.sh $(DEPS_STAMP)

$(DEPS_STAMP): scripts/install-deps.sh
	scripts/install-deps.sh $@

run: $(DEPS_STAMP) $(MMULAB)
	$(MMULAB) $(TRACE)

# Every unit test, the CLI tests, the freestanding check of the firmware
# and valgrind on one full run; the script prints "N passed, M failed".
test: $(DEPS_STAMP) $(TEST_BINS) $(MMULAB_ASAN) $(MMULAB)
	@CC="$(CC)" FREESTANDING_CFLAGS="$(FREESTANDING_CFLAGS)" BUILD="$(BUILD)" \
	  scripts/run-tests.sh $(MMULAB) $(MMULAB_ASAN) $(TRACE) $(TEST_BINS)

clean:
	rm -rf $(BUILD)

help:
	@echo "make all    build $(MMULAB) (the default target)"
	@echo "make run    install missing packages, build, run $(TRACE) and print the report"
	@echo "make test   install missing packages, run unit tests (ASan+UBSan), CLI tests, freestanding and valgrind checks"
	@echo "make deps   install the Debian packages mmulab needs (root; quick when all are there)"
	@echo "make clean  remove $(BUILD)/"
	@echo "make help   this list"

-include $(patsubst %.c,$(OBJ)/%.d,$(CORE_SRC) $(TB_SRC) tb/main.c)
-include $(patsubst %.c,$(ASAN)/%.d,$(CORE_SRC) $(TB_SRC) tb/main.c $(TEST_SRC))
