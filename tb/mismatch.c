/*
** mismatch.c -- the lockstep mismatch report (see mismatch.h).
** Values are printed in hex with the port's name, so a line reads like the
** waveform it points at.
*/
#include <inttypes.h>
#include <string.h>
#include "mismatch.h"
#include "riscv.h"

static const char op_name[3] = { 'R', 'W', 'X' };

uint64_t mismatch_wave_from(uint64_t c) { return c > MISMATCH_WAVE_BEFORE ? c - MISMATCH_WAVE_BEFORE : 0; }
uint64_t mismatch_wave_to(uint64_t c) { return c + MISMATCH_WAVE_AFTER; }

static void print_inputs(FILE *f, const mmu_in_t *in) {
  fputs("  inputs in that cycle:", f);
  int any = 0;
#define IN(name, v) if (v) { fprintf(f, " %s=0x%" PRIx64, name, (uint64_t)(v)); any = 1; }
  IN("req_valid_i", in->req_valid);
  IN("req_op_i", in->req_op);
  IN("req_priv_i", in->req_priv);
  IN("req_vaddr_i", in->req_vaddr);
  IN("req_wdata_i", in->req_wdata);
  IN("csr_sum_i", in->csr_sum);
  IN("csr_mxr_i", in->csr_mxr);
  IN("csr_adue_i", in->csr_adue);
  IN("satp_we_i", in->satp_we);
  IN("satp_wdata_i", in->satp_wdata);
  IN("sfence_valid_i", in->sfence_valid);
  IN("sfence_has_va_i", in->sfence_has_va);
  IN("sfence_vaddr_i", in->sfence_vaddr);
  IN("sfence_has_asid_i", in->sfence_has_asid);
  IN("sfence_asid_i", in->sfence_asid);
  IN("flush_i", in->flush);
#undef IN
  fputs(any ? "\n" : " all 0 (idle)\n", f);
}

void mismatch_capture(mismatch_t *m, const runner_t *r) {
  m->ls = r->ls;
  m->cur = r->cur;
  for (uint32_t i = 0; i < RUNNER_RECENT; i++) m->recent[i] = r->recent[i];
  m->nrecent = r->nrecent;
}

static void print_recent(FILE *f, const mismatch_t *r, const char *trace) {
  uint64_t n = r->nrecent < RUNNER_RECENT ? r->nrecent : RUNNER_RECENT;
  if (!n) return;
  fprintf(f, "  last %" PRIu64 " requests (oldest first):\n", n);
  for (uint64_t i = r->nrecent - n; i < r->nrecent; i++) {
    const runner_recent_t *q = &r->recent[i % RUNNER_RECENT];
    fprintf(f, "    cycle %-9" PRIu64 " %s:%u  %c 0x%" PRIx64 " pid %u  ", q->accept_cycle, trace, q->line,
            op_name[q->op < 3 ? q->op : 0], q->va, q->pid);
    if (!q->latency) fputs("-> in flight\n", f);
    else if (q->cause) fprintf(f, "-> cause %u after %" PRIu64 " cycles\n", q->cause, q->latency);
    else fprintf(f, "-> pa 0x%" PRIx64 " after %" PRIu64 " cycles\n", q->pa, q->latency);
  }
}

void mismatch_report(FILE *f, const mismatch_t *r, const char *trace, const char *wave,
                     const char *gtkw) {
  const lockstep_t *ls = &r->ls;
  fprintf(f, "LOCKSTEP MISMATCH at cycle %" PRIu64 " (waveform time %" PRIu64 ")\n", ls->mismatch_cycle,
          2u * ls->mismatch_cycle);
  if (r->cur)
    fprintf(f, "  running %s:%u: %c 0x%" PRIx64 " (pid %u)\n", trace, r->cur->line,
            op_name[r->cur->op < 3 ? r->cur->op : 0], r->cur->va, r->cur->pid);
  fprintf(f, "  %-16s %-20s %-20s\n", "port", "RTL", "model");
  for (uint32_t i = 0; i < ls->ndiff; i++)
    fprintf(f, "  %-16s 0x%-18" PRIx64 " 0x%-18" PRIx64 "\n", ls->diff[i].port, ls->diff[i].rtl,
            ls->diff[i].model);
  if (ls->ndiff && strncmp(ls->diff[0].port, "tlb", 3) == 0)
    fprintf(f, "  (--deep: the TLB as the edge ending cycle %" PRIu64 " left it; the ports agreed)\n",
            ls->mismatch_cycle);
  print_inputs(f, &ls->mismatch_in);
  print_recent(f, r, trace);
  if (wave)
    fprintf(f, "  waveform: %s (cycles %" PRIu64 "..%" PRIu64 "), GTKWave save file %s: make wave\n", wave,
            mismatch_wave_from(ls->mismatch_cycle), mismatch_wave_to(ls->mismatch_cycle) - 1u, gtkw);
  fprintf(f, "lockstep: %" PRIu64 " cycles compared, 1 mismatch\n", ls->compared);
}
