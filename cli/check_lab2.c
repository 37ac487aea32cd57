/*
** check_lab2.c -- lab 2, page replacement: fault counts of FIFO, LRU,
** CLOCK and OPT on a reference string, and Belady's anomaly.  The key is
** mmulab's OS run on a trace of the string (labs/02-replacement/).
*/
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "check.h"
#include "check_run.h"
#include "scenario_gen.h"

#define LAB2_MAX_REFS 24u
#define LAB2_VA(p)    (UINT64_C(0x100000) + (uint64_t)(p) * 0x1000u)   /* page p's address */

/* Belady's string (Belady, Nelson, Shedler 1969; Silberschatz 9th ed. Fig. 9.13) */
static const uint8_t belady[12] = { 1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5 };

typedef struct {
  uint8_t ref[LAB2_MAX_REFS];
  uint32_t n, frames;
  uint8_t belady[12];   /* Belady's string with its pages renamed */
} lab2_variant_t;

static void variant(lab2_variant_t *v, uint64_t seed) {
  uint64_t st = scenario_gen_seed(seed);
  v->n = 14u + (uint32_t)(scenario_gen_next(&st) % 5u);   /* 14..18 references */
  v->frames = 3u + (uint32_t)(scenario_gen_next(&st) % 2u);
  uint8_t prev = 0;
  for (uint32_t i = 0; i < v->n; i++) {
    uint8_t p;
    do p = (uint8_t)(1u + scenario_gen_next(&st) % 6u);
    while (p == prev);   /* pages 1..6, no repeats */
    v->ref[i] = p;
    prev = p;
  }
  uint8_t name[6] = { 0, 1, 2, 3, 4, 5 };   /* pages 1..5 renamed to a shuffle of 1..6 */
  for (uint32_t i = 5; i > 0; i--) {
    uint32_t j = (uint32_t)(scenario_gen_next(&st) % (i + 1u));
    uint8_t t = name[i];
    name[i] = name[j];
    name[j] = t;
  }
  for (uint32_t i = 0; i < 12; i++) v->belady[i] = (uint8_t)(name[belady[i] - 1u] + 1u);
}

static void string_text(char *buf, size_t len, const uint8_t *ref, uint32_t n) {
  size_t used = 0;
  buf[0] = 0;
  for (uint32_t i = 0; i < n && used < len; i++)
    used += (size_t)snprintf(buf + used, len - used, "%s%u", i ? " " : "", ref[i]);
}

static int faults(const uint8_t *ref, uint32_t n, uint32_t frames, os_policy_t pol, uint64_t *out, char *err,
                  size_t errlen) {
  char text[LAB2_MAX_REFS * 24];
  size_t used = 0;
  for (uint32_t i = 0; i < n; i++)
    used += (size_t)snprintf(text + used, sizeof text - used, "R 0x%" PRIx64 "\n", LAB2_VA(ref[i]));
  runner_cfg_t cfg;
  runner_cfg_default(&cfg);
  cfg.os.frames = frames;
  cfg.os.policy = pol;
  check_run_t res;
  if (check_run_text(text, "lab 2 reference string", &cfg, &res, err, errlen)) return -1;
  *out = res.faults;
  return 0;
}

static const char *const pol_name[4] = { "LRU", "FIFO", "CLOCK", "OPT" };
static const os_policy_t order[4] = { OS_POLICY_FIFO, OS_POLICY_LRU, OS_POLICY_CLOCK, OS_POLICY_OPT };
static const char *const hints[4] = {
  "FIFO evicts the page that came in first; a hit does not change the order",
  "LRU evicts the page whose last use is oldest; every hit moves the page to the front",
  "CLOCK: a loaded or used page has its reference bit set; the hand clears set bits and "
  "evicts the first page with a clear bit; after a replacement the hand is one past the victim",
  "OPT evicts the page whose next use is farthest away (or never); count the cold misses too"
};

static int sheet(FILE *f, uint64_t seed, char *err, size_t errlen) {
  (void)err;
  (void)errlen;
  lab2_variant_t v;
  variant(&v, seed);
  char s[LAB2_MAX_REFS * 4];
  string_text(s, sizeof s, v.ref, v.n);
  fprintf(f, "# lab 2 (replacement policies), variant --seed %" PRIu64 "\n", seed);
  fprintf(f, "# reference string (%u references, pages 1..6): %s\n", v.n, s);
  fprintf(f, "# frames: %u, all empty at the start; every miss is a page fault (cold ones too)\n", v.frames);
  fprintf(f, "# q1..q4: page faults of FIFO, LRU, CLOCK, OPT on the string with %u frames\n", v.frames);
  string_text(s, sizeof s, v.belady, 12);
  fprintf(f, "# Belady's string: %s\n", s);
  fprintf(f, "# q5, q6: page faults of FIFO on Belady's string with 3, then 4 frames\n");
  fprintf(f,
          "# q7: FIFO on the string above with %u and with %u frames: does the larger memory fault more?"
          " (yes/no)\n",
          v.frames, v.frames + 1u);
  fprintf(f, "# q8: page faults of FIFO on the string above with %u frames\n", v.frames + 1u);
  for (int q = 1; q <= 8; q++) fprintf(f, "q%d ?\n", q);
  return 0;
}

static void numeric(check_score_t *s, const check_answers_t *ans, const char *key, const char *label,
                    uint64_t want, const char *hint) {
  const check_answer_t *a = check_answer(ans, key);
  uint64_t got;
  check_question(s, key, label, a, a && check_number(a->val, &got) == 0 && got == want, hint);
}

static int grade(check_score_t *s, const check_answers_t *ans, uint64_t seed, char *err, size_t errlen) {
  lab2_variant_t v;
  variant(&v, seed);
  char label[96];
  for (int q = 0; q < 4; q++) {
    uint64_t want;
    if (faults(v.ref, v.n, v.frames, order[q], &want, err, errlen)) return -1;
    char key[16];
    snprintf(key, sizeof key, "q%d", q + 1);
    snprintf(label, sizeof label, "%s faults, %u frames", pol_name[order[q]], v.frames);
    numeric(s, ans, key, label, want, hints[q]);
  }
  uint64_t b3, b4, f0, f1;
  if (faults(v.belady, 12, 3, OS_POLICY_FIFO, &b3, err, errlen) ||
      faults(v.belady, 12, 4, OS_POLICY_FIFO, &b4, err, errlen) ||
      faults(v.ref, v.n, v.frames, OS_POLICY_FIFO, &f0, err, errlen) ||
      faults(v.ref, v.n, v.frames + 1u, OS_POLICY_FIFO, &f1, err, errlen))
    return -1;
  numeric(s, ans, "q5", "FIFO faults on Belady's string, 3 frames", b3, hints[0]);
  numeric(s, ans, "q6", "FIFO faults on Belady's string, 4 frames", b4,
          "FIFO is not a stack algorithm: more frames can mean more faults (Belady's anomaly)");
  const check_answer_t *a = check_answer(ans, "q7");
  int yes = a && (!strcmp(a->val, "yes") || !strcmp(a->val, "y"));
  int no = a && (!strcmp(a->val, "no") || !strcmp(a->val, "n"));
  snprintf(label, sizeof label, "anomaly from %u to %u frames (yes/no)", v.frames, v.frames + 1u);
  check_question(s, "q7", label, a, f1 > f0 ? yes : no,
                 "count FIFO's faults with both memory sizes (q1, q8)");
  snprintf(label, sizeof label, "FIFO faults, %u frames", v.frames + 1u);
  numeric(s, ans, "q8", label, f1, hints[0]);
  return 0;
}

const check_lab_t check_lab2 = { "2", "replacement policies: FIFO, LRU, CLOCK, OPT and Belady's anomaly",
                                 sheet, grade };
