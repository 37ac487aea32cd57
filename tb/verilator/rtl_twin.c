/*
** rtl_twin.c -- dut_rtl_open of a binary that links two builds of the RTL (tb/verilator/
** verilator.mk RTL_TWIN=1: build/mmulab, build/verilator/test_lockstep, the bench): the fast
** untraced build, or its traced twin (--prefix Vmmu_topw) for a run that may write a waveform
** and for a random-reset run, whose initial flop values depend on the build (docs/bench.md).
*/
#include "dut.h"
#include "rtl_dut.h"

int dut_rtl_open(dut_t *d, const mmu_config_t *cfg, const dut_rtl_opts_t *o, char *err, size_t errlen) {
  if (o->wave || o->rand_reset_seed) return rtlw_dut_open(d, cfg, o, err, errlen);
  return rtl_dut_open(d, cfg, o, err, errlen);
}
