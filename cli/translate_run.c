/*
** translate_run.c -- one `mmulab translate` run of a scenario (see
** translate_run.h): the model and the RTL opened for it, each access's
** cycles cut into the contract's stages for explain.c, and the replay
** with the waveform after a mismatch.
*/
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "explain.h"
#include "gtkw.h"
#include "lockstep.h"
#include "mismatch.h"
#include "mmu_port.h"
#include "riscv.h"
#include "scenario_run.h"
#include "translate_run.h"

/* One run of a scenario: the RTL's options and, for the replay after a
** mismatch, the waveform window. */
typedef struct {
  int json, model_only;
  uint32_t bug;
  const char *wave;
  uint64_t from, to;
  const char *name;           /* the scenario's file, or the --random title, for reports */
} run_opts_t;

/* ---- driving the model ---- */

/* Cut the request into its stages (contract section 2): LOOKUP is cycle 1;
** every other stage begins with a memory-port cycle, except a stage that
** finds its address outside memory: 1 cycle, the last, with no port use. */
static int build_stages(const mmu_t *m, explain_access_t *a, const uint64_t *start, uint32_t nev) {
  uint64_t s[EXPLAIN_MAX_STAGES + 1];
  int noport[EXPLAIN_MAX_STAGES + 1];
  uint32_t n = 0;
  s[n] = 1;
  noport[n++] = 1;
  for (uint32_t i = 0; i < nev; i++) {
    if (n >= EXPLAIN_MAX_STAGES) return -1;
    s[n] = start[i];
    noport[n++] = 0;
  }
  uint32_t cause = a->resp.resp_cause;
  int access_fault = a->resp.resp_fault && (cause == CAUSE_FETCH_ACCESS || cause == CAUSE_LOAD_ACCESS ||
                                            cause == CAUSE_STORE_ACCESS);
  if (access_fault) {
    if (n >= EXPLAIN_MAX_STAGES) return -1;
    s[n] = a->cycles;
    noport[n++] = 1;
  }
  uint32_t pte = 0, ev = 0;
  /* a Svadu A/D update is two stages, ADR (re-read) then AD (write): contract 3a.
  ** A failed compare (a re-walk) cannot happen here: nothing writes memory during
  ** an access of a scenario. */
  int ad_left = a->nsteps > 0 && a->step[a->nsteps - 1].d.action == PTW_LEAF_AD ? 2 : 0;
  for (uint32_t i = 0; i < n; i++) {
    explain_stage_t *st = &a->stage[i];
    uint64_t end = i + 1 < n ? s[i + 1] : a->cycles + 1u;
    if (end <= s[i]) return -1;
    st->len = end - s[i];
    st->cache = -1;
    if (!noport[i]) {   /* the model says which level served the stage's word */
      if (ev >= m->stage_len) return -1;
      const mmu_stage_event_t *e = &m->stage_log[ev++];
      if (e->start != s[i] || e->len != st->len) return -1;
      st->cache = (int)e->cache_level;
    }
    st->level = 0;
    if (i == 0) {
      st->kind = EXPLAIN_LOOKUP;
    } else if (pte < a->nsteps) {
      st->kind = EXPLAIN_PTE;
      st->level = a->step[pte++].level;
    } else if (ad_left) {
      st->kind = ad_left == 2 ? EXPLAIN_ADR : EXPLAIN_AD;
      ad_left--;
    } else {
      st->kind = EXPLAIN_DATA;
    }
  }
  a->nstages = n;
  return 0;
}

/* Issue one access and step until its response; what the model did goes
** into *a for explain.c. */
static int run_access(lockstep_t *ls, const scn_item_t *it, explain_access_t *a, char *err, size_t errlen) {
  mmu_t *m = ls->model;
  memset(a, 0, sizeof *a);
  a->it = it;
  a->tlb_idx = -1;
  a->satp = m->satp_q;
  uint32_t mode = satp_mode(a->satp);
  /* the lookup the MMU is about to make, to recognise a hit it drops */
  int pre = -1;
  if ((mode == SATP_MODE_SV39 || mode == SATP_MODE_SV48) && ptw_canonical(it->addr, mode)) {
    pre = tlb_lookup(&m->tlb, mmu_vpn(it->addr), (uint16_t)satp_asid(a->satp));
    if (pre >= 0) a->rewalk_entry = m->tlb.e[pre];
  }
  uint64_t start[EXPLAIN_MAX_STAGES];
  scenario_access_t sa = { .mem_start = start, .mem_cap = EXPLAIN_MAX_STAGES };
  if (scenario_run_access(ls, it, &sa, err, errlen)) return -1;
  if (ls->mismatch) return 0;
  a->resp = sa.resp;
  a->cycles = sa.cycles;
  a->req = m->req_q;
  a->nsteps = m->walk_len;
  memcpy(a->step, m->walk_log, sizeof a->step);
  if (sa.resp.resp_tlb_hit) {
    if (m->tlb_hit_idx < 0) {
      snprintf(err, errlen, "line %u: a TLB hit without an entry", it->line);
      return -1;
    }
    a->tlb_idx = m->tlb_hit_idx;
    a->entry = m->tlb.e[a->tlb_idx];
  } else if (pre >= 0) {
    a->rewalk = 1;   /* contract §3: a Svadu store on a clean entry walks again */
    a->rewalk_idx = pre;
  }
  if (build_stages(m, a, start, sa.nmem)) {
    snprintf(err, errlen, "line %u: the memory-port cycles do not form stages", it->line);
    return -1;
  }
  explain_analyse(m, a);
  return 0;
}

/* The lockstep stopped: keep what the report needs (the run frees the model). */
static void mismatch(mismatch_t *mm, const lockstep_t *ls, const char *name, const scn_item_t *it) {
  char running[320];
  snprintf(running, sizeof running, "%s:%u (scenario line %u)", name, it->line, it->line);
  if (mm) mismatch_capture(mm, ls, name, running);
}

/* Run every line of s, printing each access as it completes.  Returns 0,
** -1 with err set, or 1 when the lockstep found a mismatch (reported). */
static int run(const scenario_t *s, const run_opts_t *ro_, dut_open_fn open_rtl, explain_out_t *o,
               lockstep_t *result, mismatch_t *mm, char *err, size_t errlen) {
  int json = ro_->json;
  mmu_config_t cfg;
  mmu_t m;
  lockstep_t ls;
  if (scenario_run_open(&m, &ls, &cfg, s, err, errlen)) return -1;
  char off[400] = "--model-only";
  if (!open_rtl) {
    snprintf(off, sizeof off, "this binary has no RTL");
  } else if (!ro_->model_only) {
    dut_t d;
    dut_rtl_opts_t ro = { 0, ro_->bug, ro_->wave != NULL };   /* a replay: the traced build */
    if (open_rtl(&d, &cfg, &ro, off, sizeof off) == 0) {
      lockstep_init(&ls, &m, &d);
      if (ro_->wave) lockstep_wave_window(&ls, ro_->wave, ro_->from, ro_->to);
    } else if (ro_->bug) {
      snprintf(err, errlen, "%s", off);   /* a bug was asked for: no silent model-only run */
      lockstep_free(&ls);
      mmu_free(&m);
      return -2;
    }
  }
  int rc = 0;
  for (uint32_t i = 0; i < s->n && rc == 0; i++) {
    const scn_item_t *it = &s->item[i];
    if (scenario_run_line(&ls, it)) {   /* an access */
      explain_access_t a;
      lockstep_tag(&ls, it->line, LOCKSTEP_NO_PID);
      rc = run_access(&ls, it, &a, err, errlen);
      if (!rc && !ls.mismatch) {
        if (json) {
          explain_json(o->f, &a);
        } else {
          explain_text(o, &a);
          explain_printf(o, "\n");
        }
      }
    }
    if (!rc && ls.mismatch) {   /* the access, or a control cycle, differed */
      mismatch(mm, &ls, ro_->name, it);
      rc = 1;
    }
  }
  if (rc == 1) lockstep_finish_wave(&ls);   /* a replay: fill the waveform window */
  if (result) *result = ls;
  if (!rc && !json) {
    if (lockstep_has_dut(&ls))
      explain_printf(o, "lockstep: %" PRIu64 " cycles compared, 0 mismatches\n", ls.compared);
    else explain_printf(o, "lockstep: off (%s)\n", off);
  }
  lockstep_free(&ls);
  mmu_free(&m);
  return rc;
}

int translate_sheet(const scenario_t *s, const translate_opts_t *a, dut_open_fn open_rtl, const char *title,
                    const char *prefix, char *err, size_t errlen) {
  explain_out_t o;
  explain_out_init(&o, stdout, prefix);
  if (a->rtl_bug && !a->quiz) {   /* refuse before printing anything */
    mmu_config_t cfg;
    dut_t d;
    dut_rtl_opts_t ro = { 0, a->rtl_bug, 0 };
    scenario_run_config(&cfg, s);
    if (a->model_only) {
      snprintf(err, errlen, "--rtl-bug needs the RTL: not with --model-only");
      return -2;
    }
    if (!open_rtl) {
      snprintf(err, errlen, "--rtl-bug: this binary has no RTL");
      return -2;
    }
    if (open_rtl(&d, &cfg, &ro, err, errlen)) return -2;
    d.free(d.ctx);
  }
  if (!a->json) {
    explain_sheet(&o, s, title);
    explain_printf(&o, a->quiz ? "\nanswers (fill in):\n\n" : "\nanswers:\n\n");
  }
  if (a->quiz) {
    for (uint32_t i = 0; i < s->n; i++)
      if (s->item[i].kind == SCN_ACCESS) explain_blank(&o, &s->item[i]);
    return 0;
  }
  run_opts_t ro = { a->json, a->model_only, a->rtl_bug, NULL, 0, 0, a->file ? a->file : title };
  lockstep_t first;
  mismatch_t mm;
  int rc = run(s, &ro, open_rtl, &o, &first, &mm, err, errlen);
  if (rc != 1) return rc;
  /* a mismatch: replay with the waveform around it, as mmulab does for traces */
  char fst[1024], gtkw[1024];
  snprintf(fst, sizeof fst, "%s.fst", a->mismatch_out);
  mismatch_gtkw_path(gtkw, sizeof gtkw, fst);
  uint64_t c = first.mismatch_cycle;
  ro.wave = fst;
  ro.from = mismatch_wave_from(c);
  ro.to = mismatch_wave_to(c);
  FILE *null = fopen("/dev/null", "w");
  explain_out_t quiet;
  lockstep_t again;
  const char *why = NULL;
  if (!null) {
    why = "cannot open /dev/null";
  } else {
    explain_out_init(&quiet, null, "");
    if (run(s, &ro, open_rtl, &quiet, &again, NULL, err, errlen) != 1 || again.mismatch_cycle != c)
      why = "the replay did not fail the same way";
    else if (again.wave_failed) why = "this RTL build cannot write waveforms";
    fclose(null);
  }
  mmu_config_t cfg;
  mmu_config_default(&cfg);   /* translate runs the default caches */
  if (!why && gtkw_write(gtkw, fst, ro.from, &first, again.wave_model, gtkw_mmu_groups, &cfg.cache))
    why = "cannot write the GTKWave file";
  fflush(stdout);
  mismatch_report(o.f, &mm, why ? NULL : fst, gtkw, "make wave");
  if (why) fprintf(stderr, "mmulab: no waveform: %s\n", why);
  explain_printf(&o, "lockstep: %" PRIu64 " cycles compared, 1 mismatch\n", first.compared);
  return 1;
}
