/*
** rtl_dut.h -- the Verilated RTL (rtl/mmu_top.sv) behind the C model's own interface.
** rtl_dut_step has the semantics of mmu_step, so a C harness can run both in lockstep.
** Implemented in C++ (rtl_dut.cpp) only because Verilator makes it so.
*/
#ifndef MMULAB_RTL_DUT_H
#define MMULAB_RTL_DUT_H

#include <stddef.h>
#include <stdint.h>
#include "dut.h"
#include "mmu.h"

/* One binary may link two builds of this shim (tb/verilator/verilator.mk RTL_TWIN, the
** default build): the fast untraced model under the names below, and its traced twin
** (verilated with --prefix Vmmu_topw) for waveforms.  The twin's sources are compiled with
** RTL_TWIN=2, which renames every name this header exports, the struct's tag included, from
** rtl_dut to rtlw_dut; rtl_twin.c chooses between the two (dut.h dut_rtl_open).
** RTL_TWIN: 0 a build alone, 1 the fast half of a two-build binary, 2 its traced twin. */
#ifndef RTL_TWIN
#define RTL_TWIN 0
#endif
#if RTL_TWIN == 2
#define rtl_dut                 rtlw_dut
#define rtl_dut_new             rtlw_dut_new
#define rtl_dut_config_diff     rtlw_dut_config_diff
#define rtl_dut_config          rtlw_dut_config
#define rtl_dut_step            rtlw_dut_step
#define rtl_dut_mem_read64      rtlw_dut_mem_read64
#define rtl_dut_mem_write64     rtlw_dut_mem_write64
#define rtl_dut_tlb_entry       rtlw_dut_tlb_entry
#define rtl_dut_tlb_age         rtlw_dut_tlb_age
#define rtl_dut_wave_open       rtlw_dut_wave_open
#define rtl_dut_wave_close      rtlw_dut_wave_close
#define rtl_dut_set_model       rtlw_dut_set_model
#define rtl_dut_has_model_scope rtlw_dut_has_model_scope
#define rtl_dut_set_bug         rtlw_dut_set_bug
#define rtl_dut_has_bugs        rtlw_dut_has_bugs
#define rtl_dut_free            rtlw_dut_free
#define rtl_dut_open            rtlw_dut_open
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef struct rtl_dut rtl_dut_t;

/* Build the RTL, hold rst_ni low for a few cycles and release it, so the first
** rtl_dut_step is the cycle mmu_step would run first after mmu_init.  cfg must
** equal the parameters the RTL was verilated with (tb/verilator/verilator.mk
** RTL_* variables); else NULL and a message on stderr.  wave_path: an FST file
** to dump every cycle to, or NULL (needs a build with RTL_TRACE=1, else NULL is
** returned when it is not NULL).  rand_reset_seed: 0 = every flop and memory
** starts at 0; else they start random from that seed (Verilator --x-initial
** unique, randReset(2)), which the reset must make harmless.  A build of the
** mutated copy (RTL_MUTANTS=1, docs/mutants.md) drives mutant
** $MMULAB_MUTANT (decimal; unset or 0: none) on mut_sel_i for the whole run. */
rtl_dut_t *rtl_dut_new(const mmu_config_t *cfg, const char *wave_path, uint64_t rand_reset_seed);

/* The first field where cfg differs from the parameters this build was
** verilated with ("tlb_entries", ...), or NULL when it can run. */
const char *rtl_dut_config_diff(const mmu_config_t *cfg);

/* The configuration the RTL was verilated with (start from it to build a model
** that rtl_dut_new accepts). */
void rtl_dut_config(mmu_config_t *cfg);

/* One clock cycle, as mmu_step: *out gets this cycle's outputs (functions of
** state only), then the rising edge applies *in.  The RTL's memory port is
** served from the dut's own physical memory: a request of this cycle is done
** at this edge and a read's data is on mem_rdata_i in the next cycle. */
void rtl_dut_step(rtl_dut_t *d, const mmu_in_t *in, mmu_out_t *out);

/* Backdoor of the dut's own memory (firmware, loaders): no cycles, no caches. */
uint64_t rtl_dut_mem_read64(const rtl_dut_t *d, uint64_t pa);
void rtl_dut_mem_write64(rtl_dut_t *d, uint64_t pa, uint64_t value);

/* Deep compare: TLB entry idx as a tlb_entry_t (0), or -1 when this build
** cannot show it (more than 64 entries).  And the LRU age of a TLB way
** (0 = most recent), or -1 unless the TLB's policy is true LRU. */
int rtl_dut_tlb_entry(const rtl_dut_t *d, uint32_t idx, tlb_entry_t *e);
int rtl_dut_tlb_age(const rtl_dut_t *d, uint32_t set, uint32_t way);

/* Start writing an FST waveform to path from the next cycle (cycle c is
** dumped at times 2c and 2c+1), or stop.  0, or -1 when this build has no
** tracing (RTL_TRACE=0) or the file cannot be opened. */
int rtl_dut_wave_open(rtl_dut_t *d, const char *path);
void rtl_dut_wave_close(rtl_dut_t *d);

/* The C model's outputs of the coming cycle, for the waveform: call before the
** rtl_dut_step of every cycle while a waveform is open.  A build verilated with
** tb/verilator/mmu_model.sv (RTL_MODEL_SCOPE=1, the traced builds) dumps them
** as scope TOP.mmu_model beside TOP.mmu_top, with `mismatch` = some output port
** differs (docs/lockstep.md); elsewhere (rtl_dut_has_model_scope() == 0) it
** does nothing.  The RTL's signals in the waveform are the same either way. */
void rtl_dut_set_model(rtl_dut_t *d, const mmu_out_t *model);
int rtl_dut_has_model_scope(void);

/* Drive deliberate bug `bug` (docs/rtl-bugs.md; 0 = none) from now on.
** Only builds of rtl/ + tb/mutants/bugs.patch (RTL_BUGS=1) have the bug_i
** port: elsewhere a nonzero bug returns -1. */
int rtl_dut_set_bug(rtl_dut_t *d, uint32_t bug);
int rtl_dut_has_bugs(void);

void rtl_dut_free(rtl_dut_t *d);

/* This build as a dut_t (tb/verilator/rtl_glue.c): dut_rtl_open's contract, for this build
** only (o->wave and o->rand_reset_seed choose nothing here). */
int rtl_dut_open(dut_t *d, const mmu_config_t *cfg, const dut_rtl_opts_t *o, char *err, size_t errlen);
#if RTL_TWIN == 1
/* The traced twin's rtl_dut_open (compiled as rtl_dut_open with RTL_TWIN=2). */
int rtlw_dut_open(dut_t *d, const mmu_config_t *cfg, const dut_rtl_opts_t *o, char *err, size_t errlen);
#endif

#ifdef __cplusplus
}
#endif

#endif
