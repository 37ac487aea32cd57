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
#define IN(name, v)                                    \
  if (v) {                                             \
    fprintf(f, " %s=0x%" PRIx64, name, (uint64_t)(v)); \
    any = 1;                                           \
  }
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
  IN("mem_stall_i", in->mem_stall);
#undef IN
  fputs(any ? "\n" : " all 0 (idle)\n", f);
}

static const char *stage_name(mmu_state_t s) {
  switch (s) {
    case MMU_IDLE: return "IDLE";
    case MMU_LOOKUP: return "LOOKUP";
    case MMU_PTE: return "PTE";
    case MMU_ADR: return "ADR";
    case MMU_AD: return "AD";
    case MMU_DATA: return "DATA";
  }
  return "?";
}

void mismatch_capture(mismatch_t *m, const lockstep_t *ls, const char *source, const char *running) {
  const mmu_t *md = ls->model;
  m->ls = *ls;
  snprintf(m->source, sizeof m->source, "%s", source ? source : "");
  snprintf(m->running, sizeof m->running, "%s", running ? running : "");
  if (md->state_q == MMU_PTE || md->state_q == MMU_ADR || md->state_q == MMU_AD)
    snprintf(m->model, sizeof m->model, "%s level %u, %s cycle of the stage, %u left%s",
             stage_name(md->state_q), (unsigned)md->level_q, md->first_q ? "first" : "later",
             (unsigned)md->left_q, md->kill_q ? ", refill cancelled" : "");
  else
    snprintf(m->model, sizeof m->model, "%s%s", stage_name(md->state_q),
             md->state_q != MMU_IDLE && md->kill_q ? ", refill cancelled" : "");
}

void mismatch_gtkw_path(char *out, size_t outlen, const char *wave) {
  size_t n = strlen(wave);
  if (n > 4 && !strcmp(wave + n - 4, ".fst")) n -= 4;
  snprintf(out, outlen, "%.*s.gtkw", (int)n, wave);
}

static void print_event(FILE *f, const mismatch_t *r, const lockstep_event_t *e) {
  fprintf(f, "    cycle %-9" PRIu64 " ", e->cycle);
  switch (e->kind) {
    case LOCKSTEP_EV_REQ:
      if (e->line && r->source[0]) fprintf(f, "%s:%u  ", r->source, e->line);
      fprintf(f, "%c 0x%" PRIx64 "  ", op_name[e->op < 3 ? e->op : 0], e->a);
      if (e->pid != LOCKSTEP_NO_PID) fprintf(f, "pid %u  ", e->pid);
      if (!e->done) fputs("-> in flight\n", f);
      else if (e->cause) fprintf(f, "-> cause %u after %" PRIu64 " cycles\n", e->cause, e->latency);
      else fprintf(f, "-> pa 0x%" PRIx64 " after %" PRIu64 " cycles\n", e->b, e->latency);
      break;
    case LOCKSTEP_EV_SATP: fprintf(f, "satp <- 0x%016" PRIx64 "\n", e->a); break;
    case LOCKSTEP_EV_SFENCE:
      fputs("sfence.vma", f);
      if (e->has_va) fprintf(f, " va 0x%" PRIx64, e->a);
      if (e->has_asid) fprintf(f, " asid 0x%" PRIx64, e->b);
      if (!e->has_va && !e->has_asid) fputs(" (all)", f);
      fputc('\n', f);
      break;
    case LOCKSTEP_EV_FLUSH: fputs("flush\n", f); break;
    default: fprintf(f, "%s 0x%" PRIx64 " 0x%" PRIx64 "\n", e->text, e->a, e->b); break;
  }
}

static void print_events(FILE *f, const mismatch_t *r) {
  const lockstep_t *ls = &r->ls;
  uint64_t n = ls->nev < LOCKSTEP_EVENTS ? ls->nev : LOCKSTEP_EVENTS;
  if (!n) return;
  fprintf(f, "  last %" PRIu64 " requests and control events (oldest first):\n", n);
  for (uint64_t i = ls->nev - n; i < ls->nev; i++) print_event(f, r, &ls->ev[i % LOCKSTEP_EVENTS]);
}

void mismatch_report(FILE *f, const mismatch_t *r, const char *wave, const char *gtkw, const char *how) {
  const lockstep_t *ls = &r->ls;
  fprintf(f, "LOCKSTEP MISMATCH at cycle %" PRIu64 " (waveform time %" PRIu64 ")\n", ls->mismatch_cycle,
          2u * ls->mismatch_cycle);
  if (r->running[0]) fprintf(f, "  running %s\n", r->running);
  fprintf(f, "  %-16s %-20s %-20s\n", "port", "RTL", "model");
  for (uint32_t i = 0; i < ls->ndiff; i++)
    fprintf(f, "  %-16s 0x%-18" PRIx64 " 0x%-18" PRIx64 "\n", ls->diff[i].port, ls->diff[i].rtl,
            ls->diff[i].model);
  if (ls->ndiff && strncmp(ls->diff[0].port, "tlb", 3) == 0)
    fprintf(f, "  (deep compare: the TLB as the edge ending cycle %" PRIu64 " left it; the ports agreed)\n",
            ls->mismatch_cycle);
  print_inputs(f, &ls->mismatch_in);
  fprintf(f, "  model stage after that edge: %s\n", r->model);
  print_events(f, r);
  if (wave)
    fprintf(f, "  waveform: %s (cycles %" PRIu64 "..%" PRIu64 "), GTKWave save file %s%s%s\n", wave,
            mismatch_wave_from(ls->mismatch_cycle), mismatch_wave_to(ls->mismatch_cycle) - 1u, gtkw,
            how ? ": " : "", how ? how : "");
}
