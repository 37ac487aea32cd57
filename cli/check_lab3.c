/*
** check_lab3.c -- lab 3, TLB reach and huge pages (labs/03-tlb-reach/):
** reach arithmetic for 4 KiB and 2 MiB pages, TLB misses of a loop over a
** working set smaller and larger than the TLB, and the steady-state AMAT
** of both (within 10 %).  The key of the runs is mmulab's model + OS.
*/
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include "check.h"
#include "check_run.h"
#include "scenario_gen.h"

#define LAB3_ROUNDS  20u
#define LAB3_TOL_PCT 10u   /* AMAT answers within 10 % of the key */

typedef struct {
  uint32_t tlb, ka, kb, ws_mib;
} lab3_variant_t;

static void variant(lab3_variant_t *v, uint64_t seed) {
  uint64_t st = scenario_gen_seed(seed);
  v->tlb = 8u << (scenario_gen_next(&st) % 4u);                      /* 8, 16, 32, 64 */
  v->ka = v->tlb / 2u + (uint32_t)(scenario_gen_next(&st) % (v->tlb / 2u + 1u));   /* T/2 .. T */
  v->kb = v->tlb + 1u + (uint32_t)(scenario_gen_next(&st) % v->tlb);               /* T+1 .. 2T */
  v->ws_mib = 4u << (scenario_gen_next(&st) % 7u);                   /* 4 .. 256 MiB */
}

/* Page p's word: one page each, its line in its own L1 set (p*64 within the page). */
static uint64_t word_va(uint32_t p) {
  return UINT64_C(0x100000) + (uint64_t)p * 0x1000u + (uint64_t)(p % 64u) * 64u;
}

/* The loop: `rounds` times, load one word of each of pages 0..k-1. */
static int loop(const lab3_variant_t *v, uint32_t k, uint32_t rounds, check_run_t *res, char *err,
                size_t errlen) {
  size_t cap = (size_t)k * rounds * 24u + 1u, used = 0;
  char *text = malloc(cap);
  if (!text) {
    snprintf(err, errlen, "out of memory");
    return -1;
  }
  text[0] = 0;
  for (uint32_t r = 0; r < rounds; r++)
    for (uint32_t p = 0; p < k; p++)
      used += (size_t)snprintf(text + used, cap - used, "R 0x%" PRIx64 "\n", word_va(p));
  runner_cfg_t cfg;
  runner_cfg_default(&cfg);
  cfg.mmu.tlb_entries = v->tlb;
  cfg.mmu.tlb_ways = v->tlb;
  int rc = check_run_text(text, "lab 3 loop", &cfg, res, err, errlen);
  free(text);
  return rc;
}

/* The AMAT of the last round, in hundredths: the difference of a run of
** LAB3_ROUNDS rounds and one of a round less. */
static int steady_amat(const lab3_variant_t *v, uint32_t k, uint64_t *centi, uint64_t *misses, char *err,
                       size_t errlen) {
  check_run_t all, less;
  if (loop(v, k, LAB3_ROUNDS, &all, err, errlen) || loop(v, k, LAB3_ROUNDS - 1u, &less, err, errlen))
    return -1;
  uint64_t n = all.responses - less.responses, c = all.latency_sum - less.latency_sum;
  *centi = n ? (c * 100u + n / 2u) / n : 0;
  *misses = all.tlb_misses;
  return 0;
}

static int sheet(FILE *f, uint64_t seed, char *err, size_t errlen) {
  (void)err;
  (void)errlen;
  lab3_variant_t v;
  variant(&v, seed);
  fprintf(f, "# lab 3 (TLB reach and huge pages), variant --seed %" PRIu64 "\n", seed);
  fprintf(f, "# The TLB has %u entries, fully associative, LRU (mmulab --tlb-entries %u).\n", v.tlb, v.tlb);
  fprintf(f, "# Trace A: %u rounds; each round loads one word of each of %u pages (page p at\n", LAB3_ROUNDS,
          v.ka);
  fprintf(f, "#   0x100000 + p*0x1000 + (p %% 64)*64, p = 0..%u).  Trace B: the same with %u pages.\n",
          v.ka - 1u, v.kb);
  fprintf(f, "# The pages are not mapped at the start (a first touch faults, the OS maps the page,\n");
  fprintf(f, "# the access is retried).  Default caches: L1 4, L2 12, L3 40, DRAM 200 cycles.\n");
  fprintf(f, "# q1: TLB reach with 4 KiB pages, in KiB        q2: TLB reach with 2 MiB pages, in KiB\n");
  fprintf(f, "# q3: TLB misses of trace A (all rounds)         q4: TLB misses of trace B (all rounds)\n");
  fprintf(f, "# q5: AMAT of the last round of trace A, cycles  q6: AMAT of the last round of trace B\n");
  fprintf(f, "#     (q5, q6: within %u %%)\n", LAB3_TOL_PCT);
  fprintf(f, "# q7: TLB entries needed to map a %u MiB working set with 4 KiB pages\n", v.ws_mib);
  fprintf(f, "# q8: ... with 2 MiB pages\n");
  for (int q = 1; q <= 8; q++) fprintf(f, "q%d ?\n", q);
  return 0;
}

static void exact(check_score_t *s, const check_answers_t *ans, const char *key, const char *label,
                  uint64_t want, const char *hint) {
  const check_answer_t *a = check_answer(ans, key);
  uint64_t got;
  check_question(s, key, label, a, a && check_number(a->val, &got) == 0 && got == want, hint);
}

static void near(check_score_t *s, const check_answers_t *ans, const char *key, const char *label,
                 uint64_t centi, const char *hint) {
  const check_answer_t *a = check_answer(ans, key);
  uint64_t got;
  uint64_t tol = centi * LAB3_TOL_PCT / 100u;
  int ok = a && check_centi(a->val, &got) == 0 && got + tol >= centi && got <= centi + tol;
  check_question(s, key, label, a, ok, hint);
}

static int grade(check_score_t *s, const check_answers_t *ans, uint64_t seed, char *err, size_t errlen) {
  lab3_variant_t v;
  variant(&v, seed);
  uint64_t amat_a, amat_b, miss_a, miss_b;
  if (steady_amat(&v, v.ka, &amat_a, &miss_a, err, errlen) ||
      steady_amat(&v, v.kb, &amat_b, &miss_b, err, errlen))
    return -1;
  char label[96];
  snprintf(label, sizeof label, "reach, %u entries x 4 KiB (KiB)", v.tlb);
  exact(s, ans, "q1", label, 4u * v.tlb, "reach = entries x page size");
  snprintf(label, sizeof label, "reach, %u entries x 2 MiB (KiB)", v.tlb);
  exact(s, ans, "q2", label, 2048u * v.tlb, "reach = entries x page size; 2 MiB = 2048 KiB");
  snprintf(label, sizeof label, "TLB misses, trace A (%u pages)", v.ka);
  exact(s, ans, "q3", label, miss_a,
        "the pages fit in the TLB, so only the first round misses -- and a first touch misses twice: "
        "once before the page fault, once on the retry");
  snprintf(label, sizeof label, "TLB misses, trace B (%u pages)", v.kb);
  exact(s, ans, "q4", label, miss_b,
        "a cyclic loop over more pages than an LRU TLB holds: the entry needed next is always the one just "
        "evicted; add the retries of the first round");
  char hint[160];
  snprintf(hint, sizeof hint, "a TLB hit is 1 cycle of lookup, then the data access (which cache level?)");
  near(s, ans, "q5", "AMAT, last round of A (cycles)", amat_a, hint);
  snprintf(hint, sizeof hint,
           "a TLB miss: lookup + 3 PTE reads + data; where are the PTEs after the first round?");
  near(s, ans, "q6", "AMAT, last round of B (cycles)", amat_b, hint);
  snprintf(label, sizeof label, "entries for %u MiB, 4 KiB pages", v.ws_mib);
  exact(s, ans, "q7", label, (uint64_t)v.ws_mib * 256u, "1 MiB = 256 pages of 4 KiB");
  snprintf(label, sizeof label, "entries for %u MiB, 2 MiB pages", v.ws_mib);
  exact(s, ans, "q8", label, v.ws_mib / 2u, "one entry maps 2 MiB");
  return 0;
}

const check_lab_t check_lab3 = { "3", "TLB reach and huge pages: misses and AMAT of working sets vs the TLB",
                                 sheet, grade };
