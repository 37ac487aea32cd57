/*
** gen_rtl_params.c -- write the RTL's copies of the default configuration
** from cmodel/mmu_params.h, its one source.
**   gen_rtl_params vh  > rtl/mmu_defaults.svh   Verilog `defines, one per parameter
**   gen_rtl_params mk  > build/gen/rtl_defaults.mk   RTL_* ?= for the Verilator build
** Built and run by the Makefile (make rtl-params; make test checks the .vh).
*/
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "mmu_params.h"

static void vh(void) {
  puts("// mmu_defaults.svh -- the default MMU configuration as Verilog macros.");
  puts("// GENERATED from cmodel/mmu_params.h by scripts/gen_rtl_params.c (make rtl-params):");
  puts("// do not edit; make test fails when it differs from what the generator writes.");
  puts("`ifndef MMU_DEFAULTS_VH");
  puts("`define MMU_DEFAULTS_VH");
#define VH(v, m, val, addr, doc)                                                                       \
  if (addr) printf("`define MMU_DEFAULT_%-13s 64'h%016" PRIx64 "  // %s\n", #m, (uint64_t)(val), doc); \
  else printf("`define MMU_DEFAULT_%-13s %-20" PRIu64 "  // %s\n", #m, (uint64_t)(val), doc);
  MMU_PARAMS(VH)
#undef VH
  puts("`endif");
}

static void mk(void) {
  puts("# rtl_defaults.mk -- GENERATED from cmodel/mmu_params.h by scripts/gen_rtl_params.c.");
#define MK(v, m, val, addr, doc)                                      \
  if (addr) printf("RTL_%s ?= 0x%" PRIx64 "\n", #m, (uint64_t)(val)); \
  else printf("RTL_%s ?= %" PRIu64 "\n", #m, (uint64_t)(val));
  MMU_PARAMS(MK)
#undef MK
}

int main(int argc, char **argv) {
  if (argc == 2 && !strcmp(argv[1], "vh")) vh();
  else if (argc == 2 && !strcmp(argv[1], "mk")) mk();
  else {
    fprintf(stderr, "usage: %s vh|mk\n", argv[0]);
    return 2;
  }
  return ferror(stdout) ? 1 : 0;
}
