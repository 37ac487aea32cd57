/*
** check.c -- `mmulab check`: the labs' table, the answers file, the score
** lines.  Each lab's questions and key are in cli/check_labN.c.
*/
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "scenario.h"

enum { EXIT_OK = 0, EXIT_WRONG = 1, EXIT_USAGE = 2, EXIT_INTERNAL = 3 };

static const check_lab_t *const lab_table[] = { &check_lab1, &check_lab1h, &check_lab2, &check_lab3 };
#define NLABS (sizeof lab_table / sizeof lab_table[0])

static void usage(FILE *f) {
  fputs("usage: mmulab check LAB ANSWERS [--seed N]   grade an answers file\n"
        "       mmulab check LAB --sheet [--seed N]    print variant N's questions and a blank answers file\n"
        "       mmulab check --list                    the labs\n"
        "A TA gives each student a seed; the same seed gives the same variant, and\n"
        "the checker computes that variant's key.  Prints one line per question\n"
        "(ok, WRONG with a hint, or missing) and a score.  Exit 0 when every\n"
        "question is right, 1 when some are not, 2 on a bad command line or file.\n"
        "labs/README.md lists the labs; each lab's handout is labs/<lab>/README.md.\n"
        "Lab 6 (Verilog, graded by lockstep) is `make check LAB=6 FILE=mmu_ptw.sv`.\n",
        f);
}

int check_number(const char *s, uint64_t *v) { return scenario_number(s, strlen(s), v) ? -1 : 0; }

int check_centi(const char *s, uint64_t *v) {
  uint64_t whole = 0, frac = 0;
  const char *p = s;
  if (!isdigit((unsigned char)*p)) return -1;
  for (; isdigit((unsigned char)*p); p++) {
    if (whole > UINT64_MAX / 1000u) return -1;
    whole = whole * 10u + (uint64_t)(*p - '0');
  }
  if (*p == '.') {
    p++;
    if (!isdigit((unsigned char)*p)) return -1;
    for (int i = 0; i < 2; i++) {   /* two places; more are cut */
      frac = frac * 10u;
      if (isdigit((unsigned char)*p)) frac += (uint64_t)(*p++ - '0');
    }
    while (isdigit((unsigned char)*p)) p++;
  }
  if (*p) return -1;
  *v = whole * 100u + frac;
  return 0;
}

int check_answers_load(check_answers_t *a, const char *path, char *err, size_t errlen) {
  memset(a, 0, sizeof *a);
  a->file = path;
  FILE *f = fopen(path, "r");
  if (!f) {
    snprintf(err, errlen, "cannot open '%s': %s", path, strerror(errno));
    return -1;
  }
  char buf[512];
  uint32_t line = 0;
  while (fgets(buf, sizeof buf, f)) {
    line++;
    size_t len = strlen(buf);
    if (len == sizeof buf - 1 && buf[len - 1] != '\n' && !feof(f)) {
      snprintf(err, errlen, "%s:%u: expected a line of at most %zu characters, got a longer one", path, line,
               sizeof buf - 2);
      fclose(f);
      return -1;
    }
    char *hash = strchr(buf, '#');
    if (hash) *hash = 0;
    char *tok = strtok(buf, " \t\r\n");
    if (!tok) continue;
    if (strlen(tok) >= CHECK_KEY_LEN) {
      snprintf(err, errlen, "%s:%u: expected a question key (like q1 or 3), got '%.40s'", path, line, tok);
      fclose(f);
      return -1;
    }
    if (check_answer(a, tok)) {
      snprintf(err, errlen, "%s:%u: expected each question once, got '%s' again (line %u)", path, line, tok,
               check_answer(a, tok)->line);
      fclose(f);
      return -1;
    }
    if (a->n >= CHECK_MAX_ANSWERS) {
      snprintf(err, errlen, "%s:%u: expected at most %u answers, got more", path, line, CHECK_MAX_ANSWERS);
      fclose(f);
      return -1;
    }
    check_answer_t *an = &a->a[a->n];
    snprintf(an->key, sizeof an->key, "%s", tok);
    an->line = line;
    size_t used = 0;
    for (char *w = strtok(NULL, " \t\r\n"); w; w = strtok(NULL, " \t\r\n")) {
      int n = snprintf(an->val + used, sizeof an->val - used, "%s%s", used ? " " : "", w);
      if (n < 0 || (size_t)n >= sizeof an->val - used) {
        snprintf(err, errlen, "%s:%u: expected a short answer after '%s', got a longer one", path, line, tok);
        fclose(f);
        return -1;
      }
      used += (size_t)n;
    }
    if (!used) {
      snprintf(err, errlen, "%s:%u: expected an answer after '%s', got nothing", path, line, tok);
      fclose(f);
      return -1;
    }
    a->n++;
  }
  fclose(f);
  return 0;
}

const check_answer_t *check_answer(const check_answers_t *a, const char *key) {
  for (uint32_t i = 0; i < a->n; i++)
    if (strcmp(a->a[i].key, key) == 0) return &a->a[i];
  return NULL;
}

void check_question(check_score_t *s, const char *key, const char *label, const check_answer_t *got, int ok,
                    const char *hint) {
  s->total++;
  if (got && ok) {
    s->right++;
    fprintf(s->out, "%-5s ok       1/1  %s\n", key, label);
  } else if (got) {
    fprintf(s->out, "%-5s WRONG    0/1  %s: you wrote '%s' (line %u)\n", key, label, got->val, got->line);
    if (hint && *hint) fprintf(s->out, "      hint: %s\n", hint);
  } else {
    fprintf(s->out, "%-5s missing  0/1  %s: no line '%s ...' in the answers file\n", key, label, key);
  }
}

static const check_lab_t *find_lab(const char *id) {
  for (size_t i = 0; i < NLABS; i++)
    if (strcmp(lab_table[i]->id, id) == 0) return lab_table[i];
  return NULL;
}

int check_main(int argc, char **argv) {
  const char *lab_id = NULL, *file = NULL;
  uint64_t seed = 1;
  int sheet = 0, list = 0;
  for (int i = 1; i < argc; i++) {
    const char *s = argv[i];
    if (!strcmp(s, "-h") || !strcmp(s, "--help")) {
      usage(stdout);
      return EXIT_OK;
    } else if (!strcmp(s, "--seed")) {
      if (i + 1 >= argc || check_number(argv[i + 1], &seed)) {
        fprintf(stderr, "mmulab check: option --seed: expected a number (0x hex or decimal), got %s\n",
                i + 1 < argc ? argv[i + 1] : "nothing");
        return EXIT_USAGE;
      }
      i++;
    } else if (!strcmp(s, "--sheet")) {
      sheet = 1;
    } else if (!strcmp(s, "--list")) {
      list = 1;
    } else if (s[0] == '-' && s[1]) {
      fprintf(stderr, "mmulab check: unknown option %s (mmulab check --help)\n", s);
      return EXIT_USAGE;
    } else if (!lab_id) {
      lab_id = s;
    } else if (!file) {
      file = s;
    } else {
      fprintf(stderr, "mmulab check: expected LAB and one ANSWERS file, got also '%s'\n", s);
      return EXIT_USAGE;
    }
  }
  if (list) {
    for (size_t i = 0; i < NLABS; i++) printf("lab %s: %s\n", lab_table[i]->id, lab_table[i]->title);
    printf("lab 6: the page-table walker's decision in Verilog (make check LAB=6 FILE=mmu_ptw.sv)\n");
    return EXIT_OK;
  }
  if (!lab_id) {
    usage(stderr);
    return EXIT_USAGE;
  }
  const check_lab_t *lab = find_lab(lab_id);
  if (!lab && !strcmp(lab_id, "6")) {
    fprintf(
        stderr,
        "mmulab check: lab 6 needs Verilator: make check LAB=6 FILE=mmu_ptw.sv (labs/06-ptw/README.md)\n");
    return EXIT_USAGE;
  }
  if (!lab) {
    fprintf(stderr, "mmulab check: expected a lab number (mmulab check --list), got '%s'\n", lab_id);
    return EXIT_USAGE;
  }
  char err[1024];
  if (sheet) {
    if (file) {
      fprintf(stderr, "mmulab check: --sheet takes no answers file, got '%s'\n", file);
      return EXIT_USAGE;
    }
    if (lab->sheet(stdout, seed, err, sizeof err)) {
      fprintf(stderr, "mmulab check: internal error: %s\n", err);
      return EXIT_INTERNAL;
    }
    return EXIT_OK;
  }
  if (!file) {
    fprintf(stderr, "mmulab check: expected an answers file after the lab (or --sheet)\n");
    return EXIT_USAGE;
  }
  check_answers_t *ans = malloc(sizeof *ans);
  if (!ans) {
    fprintf(stderr, "mmulab check: out of memory\n");
    return EXIT_INTERNAL;
  }
  if (check_answers_load(ans, file, err, sizeof err)) {
    fprintf(stderr, "mmulab check: %s\n", err);
    free(ans);
    return EXIT_USAGE;
  }
  printf("lab %s: %s, variant --seed %" PRIu64 ", answers %s\n", lab->id, lab->title, seed, file);
  check_score_t sc = { stdout, 0, 0 };
  int rc = lab->grade(&sc, ans, seed, err, sizeof err);
  free(ans);
  if (rc) {
    fflush(stdout);
    fprintf(stderr, "mmulab check: %s\n", err);
    return rc == -2 ? EXIT_USAGE : EXIT_INTERNAL;
  }
  printf("score: %u/%u%s\n", sc.right, sc.total, sc.right == sc.total ? " -- all correct" : "");
  return sc.right == sc.total ? EXIT_OK : EXIT_WRONG;
}
