/*
** scenario_run.c -- a scenario's lines as MMU input cycles (see
** scenario_run.h): the one place that turns scenario lines into mmu_in_t.
*/
#include <inttypes.h>
#include <stdio.h>
#include "mmu_port.h"
#include "scenario_run.h"

void scenario_run_config(mmu_config_t *cfg, const scenario_t *s) {
  mmu_config_default(cfg);
  cfg->mem_base = s->mem_base;
  cfg->mem_size = s->mem_size;
}

int scenario_run_open(mmu_t *m, lockstep_t *ls, mmu_config_t *cfg, const scenario_t *s, char *err,
                      size_t errlen) {
  scenario_run_config(cfg, s);
  if (mmu_init(m, cfg)) {
    snprintf(err, errlen, "cannot create the MMU model (out of memory?)");
    return -1;
  }
  lockstep_init(ls, m, NULL);
  return 0;
}

int scenario_run_line(lockstep_t *ls, const scn_item_t *it) {
  mmu_in_t in;
  mmu_out_t out;
  mmu_in_idle(&in);
  switch (it->kind) {
    case SCN_ACCESS: return 1;
    case SCN_WORD: lockstep_mem_write64(ls, it->addr, it->value); return 0;
    case SCN_SATP:
    case SCN_MODE:
      if (!it->satp_we) return 0;   /* a mode line while Bare: satp is not written */
      in.satp_we = 1;
      in.satp_wdata = it->kind == SCN_SATP ? it->value : it->satp;
      break;
    case SCN_SFENCE:
      in.sfence_valid = 1;
      in.sfence_has_va = it->has_va;
      in.sfence_vaddr = it->addr;
      in.sfence_has_asid = it->has_asid;
      in.sfence_asid = it->asid;
      break;
    case SCN_FLUSH: in.flush = 1; break;
    default: return 0;   /* settings: already folded into each access line */
  }
  lockstep_step(ls, &in, &out);
  return 0;
}

int scenario_run_access(lockstep_t *ls, const scn_item_t *it, scenario_access_t *a, char *err,
                        size_t errlen) {
  mmu_in_t in;
  mmu_out_t out;
  a->cycles = 0;
  a->nmem = 0;
  mmu_in_idle(&in);
  in.req_valid = 1;
  in.req_op = it->op;
  in.req_priv = it->priv;
  in.req_vaddr = it->addr;
  in.req_wdata = it->op == MMU_OP_W ? it->value : 0;
  in.csr_sum = it->sum;
  in.csr_mxr = it->mxr;
  in.csr_adue = it->adue;
  lockstep_step(ls, &in, &out);
  if (ls->mismatch) return 0;
  if (!out.req_ready) {
    snprintf(err, errlen, "line %u: the MMU was not ready for the access", it->line);
    return -1;
  }
  uint64_t n = 0;
  mmu_in_idle(&in);
  do {
    if (++n > SCENARIO_RUN_CYCLES) {
      snprintf(err, errlen, "line %u: no response after %" PRIu64 " cycles", it->line, SCENARIO_RUN_CYCLES);
      return -1;
    }
    lockstep_step(ls, &in, &out);
    if (ls->mismatch) return 0;
    if (out.mem_valid) {
      if (a->mem_start) {
        if (a->nmem >= a->mem_cap) {
          snprintf(err, errlen, "line %u: more memory stages than a walk has", it->line);
          return -1;
        }
        a->mem_start[a->nmem] = n;
      }
      a->nmem++;
    }
  } while (!out.resp_valid);
  a->resp = out;
  a->cycles = n;
  return 0;
}
