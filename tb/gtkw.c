/*
** gtkw.c -- GTKWave save files: groups of traces, view start and marker.
** Flag words are GTKWave's trace flags: 0x22 = hex | right-justify,
** 0x800200 = group begin | blank, 0x1000200 = group end | blank.
*/
#include <inttypes.h>
#include <stdio.h>
#include "gtkw.h"

#define P(s) "TOP.mmu_top." s
static const char *const request[] = {
  P("clk_i"), P("rst_ni"), P("req_valid_i"), P("req_ready_o"), P("req_op_i"), P("req_priv_i"),
  P("req_vaddr_i"), P("req_wdata_i"), P("csr_sum_i"), P("csr_mxr_i"), P("csr_adue_i"), NULL
};
static const char *const response[] = {
  P("resp_valid_o"), P("resp_fault_o"), P("resp_cause_o"), P("resp_tval_o"), P("resp_paddr_o"),
  P("resp_tlb_hit_o"), P("resp_level_o"), P("resp_rdata_o"), NULL
};
static const char *const memory[] = {
  P("mem_valid_o"), P("mem_we_o"), P("mem_addr_o"), P("mem_wdata_o"), P("mem_rdata_i"), NULL
};
static const char *const control[] = {
  P("satp_we_i"), P("satp_wdata_i"), P("sfence_valid_i"), P("sfence_has_va_i"), P("sfence_vaddr_i"),
  P("sfence_has_asid_i"), P("sfence_asid_i"), P("flush_i"), NULL
};
static const char *const state[] = {
  P("state_q"), P("first_q"), P("left_q"), P("level_q"), P("pte_addr_q"), P("pte_q"),
  P("satp_q"), P("kill_q"), P("global_q"), P("pa_q"), NULL
};
#undef P

const gtkw_group_t gtkw_mmu_groups[] = {
  { "Request", request },
  { "Response", response },
  { "Memory port", memory },
  { "Control", control },
  { "State", state },
  { NULL, NULL },
};

int gtkw_write(const char *path, const char *dump_path, uint64_t from, uint64_t marker,
               const gtkw_group_t *groups) {
  FILE *f = fopen(path, "w");
  if (!f) return -1;
  fprintf(f, "[*] mmulab: lockstep mismatch, marker on cycle %" PRIu64 "\n", marker);
  fprintf(f, "[dumpfile] \"%s\"\n", dump_path);
  fprintf(f, "[timestart] %" PRIu64 "\n", 2u * from);
  fprintf(f, "[size] 1400 800\n[pos] -1 -1\n");
  fprintf(f, "*-4.000000 %" PRIu64, 2u * marker);
  for (int i = 0; i < 26; i++) fputs(" -1", f);   /* named markers a..z unused */
  fputs("\n[treeopen] TOP.\n[treeopen] TOP.mmu_top.\n[signals_width] 260\n", f);
  fputs("[sst_expanded] 1\n[sst_width] 220\n", f);
  for (const gtkw_group_t *g = groups; g->name; g++) {
    fprintf(f, "@800200\n-%s\n", g->name);
    for (const char *const *s = g->signals; *s; s++) fprintf(f, "@22\n%s\n", *s);
    fprintf(f, "@1000200\n-%s\n", g->name);
  }
  return fclose(f) ? -1 : 0;
}
