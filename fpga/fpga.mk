# fpga/fpga.mk -- the iCE40 flow of mmu_core and its gate-level lockstep (docs/fpga.md).
# Included by the top Makefile (phase 2; paths from the repository root).
#   make fpga       synthesize, place and route two configurations, bitstreams, the table
#   make fpga-gate  the HX8K netlists of mmu_core (hx8k, hx8k-ram) verilated in mmu_top, in
#                   lockstep with the model (make fpga-gate-run)
#   make fpga-gate-neg  the same with mutated netlists, which the lockstep must catch
#   make fpga-uart-test the UART board top (mmu_uart_top) under Icarus, a host testbench
# Configurations (one variable per board setting, as icebreaker's main.mk):
#   hx8k: mmu_core with a 16-entry fully-associative LRU TLB, iCE40HX8K-CT256, HX8K breakout pins
#   up5k: mmu_core with an 8-entry fully-associative LRU TLB, iCE40UP5K-SG48, iCEBreaker pins
#   hx8k-ram: mmu_core with the block-RAM TLB (TlbRam 1, tlb_ram: rtl/mmu_tlb_ram.sv), 64 entries
#     as 16 sets x 4 ways, LRU, on the hx8k's device and pins
# Both are Sv39+Sv48 with ASIDs (the core has no option to leave either out), and both with
# LookupCycles = 2 (FPGA_LOOKUP_CYCLES; docs/timing-contract.md 2a: the registered lookup, the
# refill one edge later), so the gate-level lockstep runs the model with lookup_cycles = 2.

FPGA_DIR     := $(BUILD)/fpga
YOSYS        ?= yosys
NEXTPNR      ?= nextpnr-ice40
ICEPACK      ?= icepack
ICE40_CELLS  ?= $(shell $(YOSYS)-config --datdir 2>/dev/null || echo /usr/share/yosys)/ice40/cells_sim.v
FPGA_FREQ    ?= 60
FPGA_SEEDS   ?= 1 2 3
FPGA_LOOKUP_CYCLES ?= 2
FPGA_CORE_SRCS := $(RTL_CORE_SRCS)   # rtl/core.f (rtl/files.mk, included by the Makefile)
FPGA_CFGS    := hx8k up5k hx8k-ram
FPGA_ENTRIES_hx8k := 16
FPGA_DEVICE_hx8k  := --hx8k --package ct256
FPGA_PCF_hx8k     := fpga/hx8k-breakout.pcf
FPGA_ENTRIES_up5k := 8
FPGA_DEVICE_up5k  := --up5k --package sg48
FPGA_PCF_up5k     := fpga/icebreaker.pcf
FPGA_ENTRIES_hx8k-ram := 64
FPGA_WAYS_hx8k-ram    := 4
FPGA_RAM_hx8k-ram     := 1
FPGA_DEVICE_hx8k-ram  := $(FPGA_DEVICE_hx8k)
FPGA_PCF_hx8k-ram     := $(FPGA_PCF_hx8k)
# ways (default: fully associative) and TlbRam (default 0) of a configuration
fpga_ways = $(or $(FPGA_WAYS_$(1)),$(FPGA_ENTRIES_$(1)))
fpga_ram  = $(or $(FPGA_RAM_$(1)),0)

.PHONY: fpga fpga-synth fpga-gate fpga-gate-run
.SECONDARY: $(foreach c,$(FPGA_CFGS),$(FPGA_DIR)/core-$(c).v $(FPGA_DIR)/top-$(c).json $(FPGA_DIR)/top-$(c).asc)

# 1. mmu_core alone: synth_ice40, its cell counts, and the netlist (write_verilog)
$(FPGA_DIR)/core-%.v: $(FPGA_CORE_SRCS) rtl/mmu_defaults.svh fpga/fpga.mk
	@mkdir -p $(@D)
	$(YOSYS) -q -l $(FPGA_DIR)/core-$*.log -p "read_verilog -Irtl -sv $(FPGA_CORE_SRCS); \
	  chparam -set TlbEntries $(FPGA_ENTRIES_$*) -set TlbWays $(call fpga_ways,$*) \
	    -set LookupCycles $(FPGA_LOOKUP_CYCLES) -set TlbRam $(call fpga_ram,$*) mmu_core; \
	  synth_ice40 -top mmu_core; tee -q -o $(FPGA_DIR)/core-$*.stat stat; \
	  write_verilog -noattr $@"

# 2. the board top (mmu_uart_top: UART at 115200 baud from the 12 MHz clock) around that
# netlist (read as iCE40 cells), then place, route, pack
FPGA_TOP_SRCS := fpga/mmu_uart_top.sv fpga/mmu_uart_rx.sv fpga/mmu_uart_tx.sv
$(FPGA_DIR)/top-%.json: $(FPGA_DIR)/core-%.v $(FPGA_TOP_SRCS)
	$(YOSYS) -q -l $(FPGA_DIR)/top-$*.log -p "read_verilog -lib $(ICE40_CELLS); \
	  read_verilog $(FPGA_DIR)/core-$*.v; read_verilog -sv $(FPGA_TOP_SRCS); \
	  synth_ice40 -top mmu_uart_top -json $@"
# every seed of FPGA_SEEDS (placement is a search: the seed moves Fmax by several MHz), the
# fastest placement kept as top-CFG.asc/.pnr.json/.pnr.log, every seed's Fmax in top-CFG.seeds.json
$(FPGA_DIR)/top-%.asc: $(FPGA_DIR)/top-%.json fpga/pnr_seeds.py
	python3 fpga/pnr_seeds.py $(FPGA_DIR)/top-$* $< $(FPGA_PCF_$*) "$(FPGA_SEEDS)" -- \
	  $(NEXTPNR) $(FPGA_DEVICE_$*) --freq $(FPGA_FREQ) --timing-allow-fail
$(FPGA_DIR)/top-%.bin: $(FPGA_DIR)/top-%.asc
	$(ICEPACK) $< $@

fpga-synth: $(patsubst %,$(FPGA_DIR)/core-%.v,$(FPGA_CFGS))
fpga: $(patsubst %,$(FPGA_DIR)/top-%.bin,$(FPGA_CFGS)) fpga/report.py
	python3 fpga/report.py $(FPGA_DIR) $(FPGA_FREQ) $(FPGA_LOOKUP_CYCLES) $(FPGA_CFGS)

# 3. gate-level lockstep: rtl/mmu_top.sv with -DMMU_GATE takes mmu_core from a netlist of step 1,
# mmu_mem_lat stays behavioural; verilated by tb/verilator/verilator.mk in its own directory,
# with the TLB the netlist has (the model is configured to match: mmulab.opts). Two netlists:
# hx8k (the 16-entry flop CAM) in build/fpga/gate, hx8k-ram (the block-RAM TLB, SB_RAM40_4K
# cells) in build/fpga/gate-ram.
# No FST tracing, and the C++ compiled at -O0 (verilator.mk, RTL_GATE): the netlist's C++ is
# ~40 files of 1-2 MB, slow to compile, and the short runs of test_gate.sh need no speed.
# $(call fpga_gate_mk,DIR,CFG,NETLIST): verilator.mk's variables for NETLIST of configuration CFG
fpga_gate_mk = VL_DIR=$(1) RTL_TRACE=0 RTL_TLB_ENTRIES=$(FPGA_ENTRIES_$(2)) \
  RTL_TLB_WAYS=$(call fpga_ways,$(2)) RTL_TLB_RAM=$(call fpga_ram,$(2)) \
  RTL_LOOKUP_CYCLES=$(FPGA_LOOKUP_CYCLES) \
  "RTL_SRCS=$(RTL_SIM_SRCS) $(3) rtl/mmu_lru.sv $(ICE40_CELLS)" RTL_GATE=1
FPGA_GATE        := $(FPGA_DIR)/gate
FPGA_GATE_RAM    := $(FPGA_DIR)/gate-ram
MMULAB_GATE      := $(BUILD)/mmulab-gate
MMULAB_GATE_RAM  := $(BUILD)/mmulab-gate-ram
fpga-gate-lib: $(FPGA_DIR)/core-hx8k.v
	@$(MAKE) --no-print-directory -f $(VL_MK) $(call fpga_gate_mk,$(FPGA_GATE),hx8k,$<) rtl-one-build
fpga-gate-ram-lib: $(FPGA_DIR)/core-hx8k-ram.v
	@$(MAKE) --no-print-directory -f $(VL_MK) $(call fpga_gate_mk,$(FPGA_GATE_RAM),hx8k-ram,$<) rtl-one-build
# $(call fpga_gate_link,DIR): mmulab against the gate build in DIR
fpga_gate_link = $(CXX) $(filter %.o,$^) $(1)/rtl_dut.o $(1)/obj/Vmmu_top__ALL.a \
  $(addprefix $(1)/obj/,verilated.o verilated_dpi.o verilated_threads.o) $(RTL_LDLIBS) -o $@
$(MMULAB_GATE): $(call objs,$(OBJ),$(CORE_SRC) $(TB_SRC) $(MAIN_SRC)) fpga-gate-lib
	$(call fpga_gate_link,$(FPGA_GATE))
$(MMULAB_GATE_RAM): $(call objs,$(OBJ),$(CORE_SRC) $(TB_SRC) $(MAIN_SRC)) fpga-gate-ram-lib
	$(call fpga_gate_link,$(FPGA_GATE_RAM))
fpga-gate: $(MMULAB_GATE) $(MMULAB_GATE_RAM)
fpga-gate-run: fpga-gate
	bash fpga/test_gate.sh $(FPGA_GATE) $(MMULAB_GATE) $(TRACE)
	bash fpga/test_gate.sh $(FPGA_GATE_RAM) $(MMULAB_GATE_RAM) $(TRACE)
.PHONY: fpga-gate-lib fpga-gate-ram-lib

# 4. the negative checks (not in make test: two more netlist builds, ~1-5 min): the hx8k netlist
# with the LUT of resp_fault_o stuck at 0 must fail the lockstep (fpga/test_gate_neg.sh)
FPGA_GATE_MUT := $(FPGA_DIR)/gate-mut
$(FPGA_DIR)/core-hx8k-mut.v: $(FPGA_DIR)/core-hx8k.v fpga/mutate_netlist.py
	python3 fpga/mutate_netlist.py $< $@ resp_fault_o
fpga-gate-neg: fpga-gate-neg-hx8k fpga-gate-neg-ram
fpga-gate-neg-hx8k: $(FPGA_DIR)/core-hx8k-mut.v
	@$(MAKE) --no-print-directory -f $(VL_MK) $(call fpga_gate_mk,$(FPGA_GATE_MUT),hx8k,$<) rtl-one-build
	bash fpga/test_gate_neg.sh $(FPGA_GATE_MUT)
# and the hx8k-ram netlist with one SB_RAM40_4K never read (RCLKE tied to 0)
FPGA_GATE_RAM_MUT := $(FPGA_DIR)/gate-ram-mut
$(FPGA_DIR)/core-hx8k-ram-mut.v: $(FPGA_DIR)/core-hx8k-ram.v fpga/mutate_netlist.py
	python3 fpga/mutate_netlist.py $< $@ --ram-read-off
fpga-gate-neg-ram: $(FPGA_DIR)/core-hx8k-ram-mut.v
	@$(MAKE) --no-print-directory -f $(VL_MK) $(call fpga_gate_mk,$(FPGA_GATE_RAM_MUT),hx8k-ram,$<) rtl-one-build
	bash fpga/test_gate_neg.sh $(FPGA_GATE_RAM_MUT)
.PHONY: fpga-gate-neg fpga-gate-neg-hx8k fpga-gate-neg-ram

# the UART board top in simulation (Icarus, in make test): fpga/test_uart.sh
fpga-uart-test:
	sh fpga/test_uart.sh
.PHONY: fpga-uart-test

# make test runs the gate-level lockstep (scripts/run-tests.sh, "gate-level lockstep" block):
# the netlist build is a prerequisite, its paths go to the script in the environment
test: $(MMULAB_GATE) $(MMULAB_GATE_RAM)
test: export FPGA_GATE_DIR := $(FPGA_GATE)
test: export MMULAB_GATE_BIN := $(MMULAB_GATE)
test: export FPGA_GATE_RAM_DIR := $(FPGA_GATE_RAM)
test: export MMULAB_GATE_RAM_BIN := $(MMULAB_GATE_RAM)
