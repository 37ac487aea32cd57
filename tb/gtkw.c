/*
** gtkw.c -- GTKWave save files: the differing ports first, RTL beside model,
** then groups of traces; view start, zoom and marker.
** Flag words are GTKWave's trace flags: 0x22 = hex | right-justify,
** 0x800200 = group begin | blank, 0x1000200 = group end | blank.
*/
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "gtkw.h"

/* GTKWave zoom -6 shows about 128 time units, 64 cycles, in its default
** window: the view starts GTKW_LEAD cycles before the marker, so the cycles
** that led to it are on its left and as many after it on its right. */
#define GTKW_ZOOM "-6.000000"
#define GTKW_LEAD 32u

#define RTL_SCOPE   "TOP.mmu_top."
#define MODEL_SCOPE "TOP.mmu_model."   /* tb/verilator/mmu_model.sv */

#define P(s) "TOP.mmu_top." s
static const char *const request[] = {
  P("clk_i"),         P("rst_ni"),     P("req_valid_i"),       P("req_ready_o"),
  P("req_op_i[1:0]"), P("req_priv_i"), P("req_vaddr_i[63:0]"), P("req_wdata_i[63:0]"),
  P("csr_sum_i"),     P("csr_mxr_i"),  P("csr_adue_i"),        NULL
};
static const char *const response[] = {
  P("resp_valid_o"),      P("resp_fault_o"),       P("resp_cause_o[3:0]"),
  P("resp_tval_o[63:0]"), P("resp_paddr_o[55:0]"), P("resp_tlb_hit_o"),
  P("resp_level_o[1:0]"), P("resp_rdata_o[63:0]"), NULL
};
static const char *const memory[] = { P("mem_valid_o"),       P("mem_we_o"),          P("mem_addr_o[55:0]"),
                                      P("mem_wdata_o[63:0]"), P("mem_rdata_i[63:0]"), NULL };
static const char *const control[] = { P("satp_we_i"),
                                       P("satp_wdata_i[63:0]"),
                                       P("sfence_valid_i"),
                                       P("sfence_has_va_i"),
                                       P("sfence_vaddr_i[63:0]"),
                                       P("sfence_has_asid_i"),
                                       P("sfence_asid_i[15:0]"),
                                       P("flush_i"),
                                       NULL };
#undef P
/* The state that explains the ports lives in the core (rtl/mmu_core.sv, instance u_core); the
** stage counter in the latency model (rtl/mmu_mem_lat.sv, u_mem). */
#define C(s) "TOP.mmu_top.u_core." s
static const char *const state[] = {
  C("state_q[2:0]"), C("first_q"), C("level_q[1:0]"), C("pte_addr_q[55:0]"), C("pte_q[63:0]"),
  C("satp_q[63:0]"), C("kill_q"),  C("global_q"),     C("pa_q[63:0]"),       NULL
};
#undef C

const gtkw_group_t gtkw_mmu_groups[] = {
  { "Request", request }, { "Response", response }, { "Memory port", memory },
  { "Control", control }, { "State", state },       { NULL, NULL },
};

/* Bits of the stage counter left_q: rtl/mmu_mem_lat.sv's LatW = clog2(MaxLat+1). */
static uint32_t lat_width(const cache_cfg_t *c) {
  uint32_t max = c->dram_latency, w = 0;
  for (uint32_t i = 0; i < CACHE_LEVELS; i++)
    if (c->level[i].latency > max) max = c->level[i].latency;
  while ((UINT64_C(1) << w) < (uint64_t)max + 1u) w++;
  return w;
}

/* Is sig (e.g. "TOP.mmu_top.resp_paddr_o[55:0]") the RTL's port `port` ("resp_paddr_o")?
** Then *range is its bit range, from '[' on, or "". */
static int is_port(const char *sig, const char *port, const char **range) {
  size_t n = strlen(RTL_SCOPE), len = strlen(port);
  if (strncmp(sig, RTL_SCOPE, n) || strncmp(sig + n, port, len)) return 0;
  if (sig[n + len] != '\0' && sig[n + len] != '[') return 0;
  *range = sig + n + len;
  return 1;
}

/* Is sig one of the differing ports (which come first, not again in their group)? */
static int differs(const char *sig, const lockstep_t *ls) {
  const char *range;
  for (uint32_t i = 0; i < ls->ndiff; i++)
    if (is_port(sig, ls->diff[i].port, &range)) return 1;
  return 0;
}

/* The group "Differing": the failing cycle's differing ports in contract order, each
** RTL port X_o then the model's value of it, TOP.mmu_model.X_o.  A deep difference
** ("tlb[3].vpn") is no port: it adds no row.  Every line of the model's scope is one
** line, so the file without them is the file for a dump without TOP.mmu_model (the
** SystemC harness's). */
static void write_differing(FILE *f, const lockstep_t *ls, int model, const gtkw_group_t *groups) {
  int any = 0;
  for (uint32_t i = 0; i < ls->ndiff; i++) {
    const char *port = ls->diff[i].port, *range = NULL, *sig = NULL;
    for (const gtkw_group_t *g = groups; g->name && !sig; g++)
      for (const char *const *s = g->signals; *s && !sig; s++)
        if (is_port(*s, port, &range)) sig = *s;
    if (!sig) continue;
    if (!any) {   /* flags hold for the traces after them: one @22 for the group */
      fputs("@800200\n-Differing\n@22\n", f);
      if (model) fputs(MODEL_SCOPE "mismatch\n", f);
      any = 1;
    }
    fprintf(f, "%s\n", sig);
    if (model) fprintf(f, MODEL_SCOPE "%s%s\n", port, range);
  }
  if (any) fputs("@1000200\n-Differing\n", f);
}

int gtkw_write(const char *path, const char *dump_path, uint64_t from, const lockstep_t *ls, int model_scope,
               const gtkw_group_t *groups, const cache_cfg_t *cache) {
  FILE *f = fopen(path, "w");
  if (!f) return -1;
  uint64_t marker = ls->mismatch_cycle;
  fprintf(f, "[*] mmulab: lockstep mismatch, marker on cycle %" PRIu64 "\n", marker);
  if (model_scope)
    fputs("[*] TOP.mmu_model: the C model's values of mmu_top's output ports (tb/verilator/mmu_model.sv)\n",
          f);
  fprintf(f, "[dumpfile] \"%s\"\n", dump_path);
  /* No [size]: resizing drops [timestart]. */
  uint64_t view = marker > from + GTKW_LEAD ? marker - GTKW_LEAD : from;
  fprintf(f, "[timestart] %" PRIu64 "\n", 2u * view);
  fprintf(f, "*" GTKW_ZOOM " %" PRIu64, 2u * marker);
  for (int i = 0; i < 26; i++) fputs(" -1", f);   /* named markers a..z unused */
  fputs("\n[treeopen] TOP.\n[treeopen] TOP.mmu_top.\n[treeopen] TOP.mmu_top.u_core.\n", f);
  if (model_scope) fputs("[treeopen] " MODEL_SCOPE "\n", f);
  fputs("[signals_width] 260\n[sst_expanded] 1\n[sst_width] 220\n", f);
  write_differing(f, ls, model_scope, groups);
  for (const gtkw_group_t *g = groups; g->name; g++) {
    fprintf(f, "@800200\n-%s\n", g->name);
    for (const char *const *s = g->signals; *s; s++)
      if (!differs(*s, ls)) fprintf(f, "@22\n%s\n", *s);
    if (g->signals == state)   /* its width follows the latencies */
      fprintf(f, "@22\nTOP.mmu_top.u_mem.left_q[%u:0]\n", lat_width(cache) - 1u);
    fprintf(f, "@1000200\n-%s\n", g->name);
  }
  return fclose(f) ? -1 : 0;
}
