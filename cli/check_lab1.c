/*
** check_lab1.c -- lab 1, translation by hand (labs/01-translate/): the
** easy variant (Sv39, 4 KiB pages, addresses below 2 MiB: vpn[2] = vpn[1]
** = 0), the full one (`mmulab translate --random`), and their grading.
*/
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check_lab1.h"
#include "mmu_port.h"
#include "riscv.h"
#include "scenario_gen.h"
#include "scenario_run.h"

typedef struct {
  uint8_t fault, cause;
  uint64_t pa;
} lab1_result_t;

/* Run s on the model alone, as translate does (scenario_run.h); res[i] for
** access i+1. */
static int run(const scenario_t *s, lab1_result_t *res, char *err, size_t errlen) {
  mmu_config_t cfg;
  mmu_t m;
  lockstep_t ls;
  if (scenario_run_open(&m, &ls, &cfg, s, err, errlen)) return -1;
  int rc = 0;
  uint32_t k = 0;
  for (uint32_t i = 0; i < s->n && !rc; i++) {
    const scn_item_t *it = &s->item[i];
    scenario_access_t a = { 0 };
    if (!scenario_run_line(&ls, it)) continue;
    rc = scenario_run_access(&ls, it, &a, err, errlen);
    res[k].fault = a.resp.resp_fault;
    res[k].cause = a.resp.resp_cause;
    res[k].pa = a.resp.resp_paddr;
    k++;
  }
  lockstep_free(&ls);
  mmu_free(&m);
  return rc;
}

/* "pa 0xHEX" or "fault N": 1 when it says what r says. */
static int matches(const char *val, const lab1_result_t *r) {
  char word[16];
  char num[64];
  uint64_t v;
  if (sscanf(val, "%15s %63s", word, num) != 2 || check_number(num, &v)) return 0;
  if (!strcmp(word, "pa")) return !r->fault && v == r->pa;
  if (!strcmp(word, "fault")) return r->fault && v == r->cause;
  return 0;
}

static const char *hint(const scn_item_t *it, const lab1_result_t *r, const char *val) {
  if (!val) return NULL;
  int said_fault = !strncmp(val, "fault", 5), said_pa = !strncmp(val, "pa", 2);
  if (!said_fault && !said_pa)
    return "write 'pa 0xADDRESS' or 'fault CAUSE' (12 fetch, 13 load, 15 store page fault; 1/5/7 access "
           "fault)";
  if (said_pa && r->fault)
    return "this access faults: check V, the R/W/X bits for the operation, U against the privilege (SUM, "
           "MXR), reserved bits, alignment of a superpage";
  if (said_fault && !r->fault)
    return "this access translates: recheck the PTE's permission bits against the operation and privilege";
  if (said_fault)
    return it->op == MMU_OP_X   ? "the cause of a fetch is 12 (page) or 1 (access)"
           : it->op == MMU_OP_W ? "the cause of a store is 15 (page) or 7 (access)"
                                : "the cause of a load is 13 (page) or 5 (access)";
  return "pa = leaf ppn << 12 | offset for a 4 KiB page (a 2 MiB leaf keeps va[20:0]); recheck the vpn "
         "indexes (va >> 12, 21, 30, & 0x1ff) and the PTE addresses (table + index*8)";
}

int check_lab1_grade_scenario(check_score_t *sc, const check_answers_t *ans, const scenario_t *s, char *err,
                              size_t errlen) {
  lab1_result_t *res = calloc(s->accesses ? s->accesses : 1u, sizeof *res);
  if (!res) {
    snprintf(err, errlen, "out of memory");
    return -1;
  }
  if (run(s, res, err, errlen)) {
    free(res);
    return -1;
  }
  uint32_t k = 0;
  for (uint32_t i = 0; i < s->n; i++) {
    const scn_item_t *it = &s->item[i];
    if (it->kind != SCN_ACCESS) continue;
    char key[16], label[96];
    snprintf(key, sizeof key, "%u", it->index);
    snprintf(label, sizeof label, "%c 0x%" PRIx64 " priv %c (line %u)", "RWX"[it->op < 3 ? it->op : 0],
             it -> addr, it -> priv == MMU_PRIV_S ? 'S' : 'U', it->line);
    const check_answer_t *a = check_answer(ans, key);
    check_question(sc, key, label, a, a && matches(a->val, &res[k]), hint(it, &res[k], a ? a->val : NULL));
    k++;
  }
  free(res);
  return 0;
}

int check_lab1_translate(const char *answers, const char *scenario) {
  char err[1024];
  scenario_t s;
  if (scenario_load(&s, scenario, err, sizeof err)) {
    fprintf(stderr, "mmulab: %s\n", err);
    return 2;
  }
  check_answers_t *ans = malloc(sizeof *ans);
  if (!ans || check_answers_load(ans, answers, err, sizeof err)) {
    fprintf(stderr, "mmulab: translate --check: %s\n", ans ? err : "out of memory");
    free(ans);
    scenario_free(&s);
    return 2;
  }
  check_score_t sc = { stdout, 0, 0 };
  printf("translate --check: %s against %s\n", answers, scenario);
  int rc = check_lab1_grade_scenario(&sc, ans, &s, err, sizeof err);
  free(ans);
  scenario_free(&s);
  if (rc) {
    fprintf(stderr, "mmulab: internal error: %s\n", err);
    return 3;
  }
  printf("score: %u/%u%s\n", sc.right, sc.total, sc.right == sc.total ? " -- all correct" : "");
  return sc.right == sc.total ? 0 : 1;
}

/* ---- the easy variant ---- */

#define ROOT 0x80001000u
#define L1T  0x80002000u
#define L0T  0x80003000u

static int easy_text(uint64_t seed, char *buf, size_t len) {
  uint64_t st = scenario_gen_seed(seed);
  /* five distinct vpn[0] in 16..255: A (URW), B (UR), C (UX), D (RW, no U), E (unmapped) */
  uint32_t vpn[5], ppn[4];
  for (int i = 0; i < 5; i++) {
    int again;
    do {
      vpn[i] = 16u + (uint32_t)(scenario_gen_next(&st) % 240u);
      again = 0;
      for (int j = 0; j < i; j++) again |= vpn[j] == vpn[i];
    } while (again);
  }
  for (int i = 0; i < 4; i++) {
    int again;
    do {
      ppn[i] = 0x80010u + (uint32_t)(scenario_gen_next(&st) % 0xf0u);
      again = 0;
      for (int j = 0; j < i; j++) again |= ppn[j] == ppn[i];
    } while (again);
  }
  static const uint32_t flags[4] = { 0xd7, 0x53, 0x59, 0xc7 };   /* URW+AD, UR+A, UX+A, RW+AD */
  static const char *const fname[4] = { "V R W U A D", "V R U A", "V X U A", "V R W A D (no U)" };
  uint32_t off[8];
  for (int i = 0; i < 8; i++) off[i] = (uint32_t)(scenario_gen_next(&st) % 512u) * 8u;
  size_t u = 0;
#define P(...) u += (size_t)snprintf(buf + u, u < len ? len - u : 0, __VA_ARGS__)
  P("# lab 1 (translation by hand), easy variant --seed %" PRIu64 "\n", seed);
  P("# Sv39, 4 KiB pages only, every address below 2 MiB (vpn[2] = vpn[1] = 0).\n");
  P("# Tables: root at 0x%x, its entry 0 -> the L1 table at 0x%x, its entry 0 ->\n", ROOT, L1T);
  P("# the L0 table at 0x%x.  PTE = ppn << 10 | flags; V=0x01 R=0x02 W=0x04 X=0x08\n", L0T);
  P("# U=0x10 G=0x20 A=0x40 D=0x80.  The program runs in U mode, SUM 0, MXR 0.\n");
  P("mode sv39\nsatp 0x80001 1\n");
  P("word 0x%x 0x%x   # root[0]: pointer to 0x%x\n", ROOT, (L1T >> 12) << 10 | 1u, L1T);
  P("word 0x%x 0x%x   # L1[0]: pointer to 0x%x\n", L1T, (L0T >> 12) << 10 | 1u, L0T);
  for (int i = 0; i < 4; i++)
    P("word 0x%x 0x%x   # L0[%u]: %s\n", L0T + vpn[i] * 8u, ppn[i] << 10 | flags[i], vpn[i], fname[i]);
  P("priv U\n");
  /* accesses: R A, W A, R B, W B, X C, R C, R E, R D */
  static const char ops[8] = { 'R', 'W', 'R', 'W', 'X', 'R', 'R', 'R' };
  static const int page[8] = { 0, 0, 1, 1, 2, 2, 4, 3 };
  for (int i = 0; i < 8; i++)
    P("%c 0x%x%s   # access %d\n", ops[i], vpn[page[i]] << 12 | off[i], ops[i] == 'W' ? " 0x1234" : "",
      i + 1);
  P("# answers: one line per access, 'N pa 0xADDRESS' or 'N fault CAUSE'\n");
  P("# (12 fetch, 13 load, 15 store page fault), e.g. '1 pa 0x80010678'.\n");
#undef P
  return u < len ? 0 : -1;
}

static int parse_variant(scenario_t *s, uint64_t seed, int hard, char **text, char *err, size_t errlen) {
  size_t len = 0;
  if (hard) {
    if (scenario_gen_text(seed, text, &len)) {
      snprintf(err, errlen, "out of memory");
      return -1;
    }
  } else {
    *text = malloc(4096);
    if (!*text || easy_text(seed, *text, 4096)) {
      snprintf(err, errlen, "cannot make the easy variant");
      return -1;
    }
    len = strlen(*text);
  }
  return scenario_parse_text(s, *text, len, "lab 1 variant", err, errlen);
}

static int sheet_any(FILE *f, uint64_t seed, int hard, char *err, size_t errlen) {
  scenario_t s;
  char *text = NULL;
  if (parse_variant(&s, seed, hard, &text, err, errlen)) {
    free(text);
    return -1;
  }
  fputs(text, f);
  free(text);
  for (uint32_t i = 0; i < s.n; i++)
    if (s.item[i].kind == SCN_ACCESS) fprintf(f, "# %u ?\n", s.item[i].index);
  scenario_free(&s);
  return 0;
}

static int grade_any(check_score_t *sc, const check_answers_t *ans, uint64_t seed, int hard, char *err,
                     size_t errlen) {
  scenario_t s;
  char *text = NULL;
  int rc = parse_variant(&s, seed, hard, &text, err, errlen);
  free(text);
  if (rc) return -1;
  rc = check_lab1_grade_scenario(sc, ans, &s, err, errlen);
  scenario_free(&s);
  return rc;
}

static int sheet_easy(FILE *f, uint64_t seed, char *err, size_t errlen) {
  return sheet_any(f, seed, 0, err, errlen);
}
static int sheet_hard(FILE *f, uint64_t seed, char *err, size_t errlen) {
  return sheet_any(f, seed, 1, err, errlen);
}
static int grade_easy(check_score_t *sc, const check_answers_t *a, uint64_t seed, char *err, size_t errlen) {
  return grade_any(sc, a, seed, 0, err, errlen);
}
static int grade_hard(check_score_t *sc, const check_answers_t *a, uint64_t seed, char *err, size_t errlen) {
  return grade_any(sc, a, seed, 1, err, errlen);
}

const check_lab_t check_lab1 = { "1", "translation by hand, easy: Sv39, 4 KiB pages, small addresses",
                                 sheet_easy, grade_easy };
const check_lab_t check_lab1h = { "1h", "translation by hand, full Sv39/Sv48 (mmulab translate --random)",
                                  sheet_hard, grade_hard };
