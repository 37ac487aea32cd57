/*
** translate.c -- `mmulab translate`: drives one MMU model (and the RTL in
** lockstep) through a scenario, control lines as single cycles and each
** access cycle by cycle from accept to response, and hands what the model
** did to explain.c.
*/
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check_lab1.h"
#include "explain.h"
#include "gtkw.h"
#include "mismatch.h"
#include "lockstep.h"
#include "riscv.h"
#include "mmu_port.h"
#include "scenario.h"
#include "scenario_gen.h"
#include "translate.h"

#define EXIT_MISMATCH 1
#define EXIT_USAGE    2
#define EXIT_INTERNAL 3
#define CYCLE_LIMIT   UINT64_C(1000000)   /* one request; far above the worst path */

typedef struct {
  int json, quiz, random, model_only;
  uint64_t seed;
  uint32_t rtl_bug;           /* --rtl-bug: deliberate RTL bug (mmulab-bugs) */
  const char *mismatch_out;   /* --mismatch-out: PREFIX.fst / PREFIX.gtkw */
  const char *file;
} targs_t;

/* One run of a scenario: the RTL's options and, for the replay after a
** mismatch, the waveform window. */
typedef struct {
  int json, model_only;
  uint32_t bug;
  const char *wave;
  uint64_t from, to;
  const char *name;           /* the scenario's file, or the --random title, for reports */
} run_opts_t;

static void usage(FILE *f) {
  fputs("usage: mmulab translate [--json] [--quiz] [--random SEED] [--model-only] [SCENARIO]\n"
        "       mmulab translate --check ANSWERS SCENARIO   grade hand answers (labs/01-translate)\n"
        "Runs a scenario file (docs/translate.md: page-table words, satp, settings,\n"
        "sfences and R/W/X accesses) through the MMU model and prints, for each\n"
        "access, the walk as it is worked out by hand: PTE addresses and values,\n"
        "decisions, A/D write-back, physical address or exception, cycles.\n"
        "\n"
        "  --json         one JSON object per access instead of the worked sheet\n"
        "  --quiz         the sheet with blank answers (without it: the answer key)\n"
        "  --random SEED  generate a scenario from SEED instead of reading one; it is\n"
        "                 printed first, the answers follow as comments, so the whole\n"
        "                 output can be saved as a .scn file and run again\n"
        "  --model-only   the C model alone (without it the RTL runs in lockstep\n"
        "                 whenever the scenario's memory range is the RTL's)\n"
        "  --rtl-bug N    enable deliberate RTL bug N (build/mmulab-bugs, docs/rtl-bugs.md)\n"
        "  --mismatch-out PREFIX  on a mismatch write PREFIX.fst, PREFIX.gtkw (build/mismatch)\n"
        "\n"
        "Exit status: 0 done, 1 lockstep mismatch, 2 bad command line or scenario\n"
        "(message on stderr, nothing on stdout), 3 internal error.\n", f);
}

/* 0 to run, 1 for --help, -1 with a message in err. */
static int parse_args(targs_t *a, int argc, char **argv, char *err, size_t errlen) {
  memset(a, 0, sizeof *a);
  a->mismatch_out = "build/mismatch";
  for (int i = 1; i < argc; i++) {
    const char *s = argv[i];
    if (strcmp(s, "--help") == 0 || strcmp(s, "-h") == 0) return 1;
    if (strcmp(s, "--json") == 0) { a->json = 1; continue; }
    if (strcmp(s, "--quiz") == 0) { a->quiz = 1; continue; }
    if (strcmp(s, "--model-only") == 0) { a->model_only = 1; continue; }
    if (strcmp(s, "--mismatch-out") == 0 || strcmp(s, "--rtl-bug") == 0) {
      const char *v = i + 1 < argc ? argv[++i] : NULL;
      uint64_t n = 0;
      if (!v || !*v || (s[2] == 'r' && (scenario_number(v, strlen(v), &n) || n > 255))) {
        snprintf(err, errlen, "option %s: expected %s, got %s%s%s", s, s[2] == 'r' ? "a number 0..255" : "a PREFIX",
                 v ? "'" : "", v ? v : "nothing", v ? "'" : "");
        return -1;
      }
      if (s[2] == 'r') a->rtl_bug = (uint32_t)n;
      else a->mismatch_out = v;
      continue;
    }
    if (strcmp(s, "--random") == 0 || strncmp(s, "--random=", 9) == 0) {
      const char *v = s[8] == '=' ? s + 9 : (i + 1 < argc ? argv[++i] : NULL);
      if (!v || scenario_number(v, strlen(v), &a->seed)) {
        snprintf(err, errlen, "option --random: expected a seed (0x hex or decimal, 64 bits), got %s%s%s",
                 v ? "'" : "", v ? v : "nothing", v ? "'" : "");
        return -1;
      }
      a->random = 1;
      continue;
    }
    if (s[0] == '-' && s[1] != '\0') {
      snprintf(err, errlen, "unknown option '%s' (mmulab translate --help lists them)", s);
      return -1;
    }
    if (a->file) {
      snprintf(err, errlen, "expected one scenario file, got '%s' after '%s'", s, a->file);
      return -1;
    }
    a->file = s;
  }
  if (a->random && a->file) {
    snprintf(err, errlen, "expected --random SEED or a scenario file, got both");
    return -1;
  }
  if (!a->random && !a->file) {
    snprintf(err, errlen, "expected a scenario file or --random SEED, got neither");
    return -1;
  }
  if (a->json && a->quiz) {
    snprintf(err, errlen, "expected --json or --quiz, got both (a quiz has no answers to put in JSON)");
    return -1;
  }
  return 0;
}

/* ---- driving the model ---- */

static void control(lockstep_t *ls, const mmu_in_t *in) {
  mmu_out_t o;
  lockstep_step(ls, in, &o);
}

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

/* Issue one access and step until its response. */
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
  mmu_in_t in;
  mmu_out_t out;
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
  uint64_t start[EXPLAIN_MAX_STAGES];
  uint32_t nev = 0;
  uint64_t n = 0;
  mmu_in_idle(&in);
  do {
    if (++n > CYCLE_LIMIT) {
      snprintf(err, errlen, "line %u: no response after %" PRIu64 " cycles", it->line, CYCLE_LIMIT);
      return -1;
    }
    lockstep_step(ls, &in, &out);
    if (ls->mismatch) return 0;
    if (out.mem_valid) {
      if (nev >= EXPLAIN_MAX_STAGES) {
        snprintf(err, errlen, "line %u: more memory stages than a walk has", it->line);
        return -1;
      }
      start[nev++] = n;
    }
  } while (!out.resp_valid);
  a->resp = out;
  a->cycles = n;
  a->req = m->req_q;
  a->nsteps = m->walk_len;
  memcpy(a->step, m->walk_log, sizeof a->step);
  if (out.resp_tlb_hit) {
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
  if (build_stages(m, a, start, nev)) {
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
  mmu_config_default(&cfg);
  cfg.mem_base = s->mem_base;
  cfg.mem_size = s->mem_size;
  if (mmu_init(&m, &cfg)) {
    snprintf(err, errlen, "cannot create the MMU model (out of memory?)");
    return -1;
  }
  lockstep_init(&ls, &m, NULL);
  char off[400] = "--model-only";
  if (!open_rtl) {
    snprintf(off, sizeof off, "this binary has no RTL");
  } else if (!ro_->model_only) {
    dut_t d;
    dut_rtl_opts_t ro = { 0, ro_->bug };
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
    mmu_in_t in;
    explain_access_t a;
    mmu_in_idle(&in);
    switch (it->kind) {
      case SCN_WORD:
        lockstep_mem_write64(&ls, it->addr, it->value);   /* backdoor: no cycle, no cache */
        break;
      case SCN_SATP:
      case SCN_MODE:
        if (!it->satp_we) break;
        in.satp_we = 1;
        in.satp_wdata = it->kind == SCN_SATP ? it->value : it->satp;
        control(&ls, &in);
        break;
      case SCN_SFENCE:
        in.sfence_valid = 1;
        in.sfence_has_va = it->has_va;
        in.sfence_vaddr = it->addr;
        in.sfence_has_asid = it->has_asid;
        in.sfence_asid = it->asid;
        control(&ls, &in);
        break;
      case SCN_FLUSH:
        in.flush = 1;
        control(&ls, &in);
        break;
      case SCN_ACCESS:
        lockstep_tag(&ls, it->line, LOCKSTEP_NO_PID);
        rc = run_access(&ls, it, &a, err, errlen);
        if (rc) break;
        if (ls.mismatch) {
          mismatch(mm, &ls, ro_->name, it);
          rc = 1;
          break;
        }
        if (json) {
          explain_json(o->f, &a);
        } else {
          explain_text(o, &a);
          explain_printf(o, "\n");
        }
        break;
      default:
        break;   /* settings: already folded into each access line */
    }
    if (!rc && ls.mismatch) {   /* a control cycle differed */
      mismatch(mm, &ls, ro_->name, it);
      rc = 1;
    }
  }
  if (rc == 1) lockstep_finish_wave(&ls);   /* a replay: fill the waveform window */
  if (result) *result = ls;
  if (!rc && !json) {
    if (lockstep_has_dut(&ls))
      explain_printf(o, "lockstep: %" PRIu64 " cycles compared, 0 mismatches\n", ls.compared);
    else
      explain_printf(o, "lockstep: off (%s)\n", off);
  }
  lockstep_free(&ls);
  mmu_free(&m);
  return rc;
}

/* ---- entry point ---- */

static int print_sheet(const scenario_t *s, const targs_t *a, dut_open_fn open_rtl, const char *title,
                       const char *prefix, char *err, size_t errlen) {
  explain_out_t o;
  explain_out_init(&o, stdout, prefix);
  if (a->rtl_bug && !a->quiz) {   /* refuse before printing anything */
    mmu_config_t cfg;
    dut_t d;
    dut_rtl_opts_t ro = { 0, a->rtl_bug };
    mmu_config_default(&cfg);
    cfg.mem_base = s->mem_base;
    cfg.mem_size = s->mem_size;
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
    else if (again.wave_failed)
      why = "this RTL build cannot write waveforms";
    fclose(null);
  }
  mmu_config_t cfg;
  mmu_config_default(&cfg);   /* translate runs the default caches */
  if (!why && gtkw_write(gtkw, fst, ro.from, &first, again.wave_model, gtkw_mmu_groups, &cfg.cache)) why = "cannot write the GTKWave file";
  fflush(stdout);
  mismatch_report(o.f, &mm, why ? NULL : fst, gtkw, "make wave");
  if (why) fprintf(stderr, "mmulab: no waveform: %s\n", why);
  explain_printf(&o, "lockstep: %" PRIu64 " cycles compared, 1 mismatch\n", first.compared);
  return 1;
}

int translate_main(int argc, char **argv, dut_open_fn open_rtl) {
  if (argc > 1 && strcmp(argv[1], "--check") == 0) {   /* lab 1's grader (cli/check_lab1.c) */
    if (argc != 4) {
      fprintf(stderr, "mmulab: translate: --check: expected ANSWERS SCENARIO, got %d argument%s\n", argc - 2,
              argc == 3 ? "" : "s");
      return EXIT_USAGE;
    }
    return check_lab1_translate(argv[2], argv[3]);
  }
  targs_t a;
  char err[512];
  int rc = parse_args(&a, argc, argv, err, sizeof err);
  if (rc == 1) {
    usage(stdout);
    return 0;
  }
  if (rc < 0) {
    fprintf(stderr, "mmulab: translate: %s\n", err);
    return EXIT_USAGE;
  }
  scenario_t s;
  char title[64];
  const char *prefix = "";
  if (a.random) {
    char *text = NULL;
    size_t len = 0;
    if (scenario_gen_text(a.seed, &text, &len)) {
      fprintf(stderr, "mmulab: translate: out of memory\n");
      return EXIT_INTERNAL;
    }
    snprintf(title, sizeof title, "--random %" PRIu64, a.seed);
    if (scenario_parse_text(&s, text, len, title, err, sizeof err)) {
      free(text);
      fprintf(stderr, "mmulab: internal error: generated scenario: %s\n", err);
      return EXIT_INTERNAL;
    }
    if (!a.json) {
      /* the scenario itself first; everything after it as comments */
      fwrite(text, 1, len, stdout);
      printf("# ---- %s (mmulab translate --random %" PRIu64 "%s) ----\n",
             a.quiz ? "quiz" : "answer key", a.seed, a.quiz ? " --quiz" : "");
      prefix = "# ";
    }
    free(text);
  } else {
    if (scenario_load(&s, a.file, err, sizeof err)) {
      fprintf(stderr, "mmulab: %s\n", err);
      return EXIT_USAGE;
    }
  }
  rc = print_sheet(&s, &a, open_rtl, a.random ? "generated scenario" : a.file, prefix, err, sizeof err);
  scenario_free(&s);
  if (rc == 1) return EXIT_MISMATCH;
  if (rc == -2) {
    fprintf(stderr, "mmulab: translate: %s\n", err);
    return EXIT_USAGE;
  }
  if (rc) {
    fflush(stdout);
    fprintf(stderr, "mmulab: internal error: %s\n", err);
    return EXIT_INTERNAL;
  }
  return 0;
}
