/*
** translate.c -- `mmulab translate`: its command line, and the scenario it
** names (a file, or one made from --random SEED); translate_run.c runs it.
*/
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check_lab1.h"
#include "scenario.h"
#include "scenario_gen.h"
#include "translate.h"
#include "translate_run.h"

#define EXIT_MISMATCH 1
#define EXIT_USAGE    2
#define EXIT_INTERNAL 3

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
        "(message on stderr, nothing on stdout), 3 internal error.\n",
        f);
}

/* 0 to run, 1 for --help, -1 with a message in err. */
static int parse_args(translate_opts_t *a, int argc, char **argv, char *err, size_t errlen) {
  memset(a, 0, sizeof *a);
  a->mismatch_out = "build/mismatch";
  for (int i = 1; i < argc; i++) {
    const char *s = argv[i];
    if (strcmp(s, "--help") == 0 || strcmp(s, "-h") == 0) return 1;
    if (strcmp(s, "--json") == 0) {
      a->json = 1;
      continue;
    }
    if (strcmp(s, "--quiz") == 0) {
      a->quiz = 1;
      continue;
    }
    if (strcmp(s, "--model-only") == 0) {
      a->model_only = 1;
      continue;
    }
    if (strcmp(s, "--mismatch-out") == 0 || strcmp(s, "--rtl-bug") == 0) {
      const char *v = i + 1 < argc ? argv[++i] : NULL;
      uint64_t n = 0;
      if (!v || !*v || (s[2] == 'r' && (scenario_number(v, strlen(v), &n) || n > 255))) {
        snprintf(err, errlen, "option %s: expected %s, got %s%s%s", s,
                 s[2] == 'r' ? "a number 0..255" : "a PREFIX", v ? "'" : "", v ? v : "nothing", v ? "'" : "");
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

int translate_main(int argc, char **argv, dut_open_fn open_rtl) {
  if (argc > 1 && strcmp(argv[1], "--check") == 0) {   /* lab 1's grader (cli/check_lab1.c) */
    if (argc != 4) {
      fprintf(stderr, "mmulab: translate: --check: expected ANSWERS SCENARIO, got %d argument%s\n", argc - 2,
              argc == 3 ? "" : "s");
      return EXIT_USAGE;
    }
    return check_lab1_translate(argv[2], argv[3]);
  }
  translate_opts_t a;
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
      printf("# ---- %s (mmulab translate --random %" PRIu64 "%s) ----\n", a.quiz ? "quiz" : "answer key",
             a.seed, a.quiz ? " --quiz" : "");
      prefix = "# ";
    }
    free(text);
  } else {
    if (scenario_load(&s, a.file, err, sizeof err)) {
      fprintf(stderr, "mmulab: %s\n", err);
      return EXIT_USAGE;
    }
  }
  rc = translate_sheet(&s, &a, open_rtl, a.random ? "generated scenario" : a.file, prefix, err, sizeof err);
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
