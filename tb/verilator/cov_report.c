/*
** cov_report.c -- print the functional coverage bins of one or more files written by
** test_lockstep -c (tb/coverage.h), summed by name, and check them against a target.
** Usage: cov_report [-t TARGET] FILE...   (TARGET: minimum count of every bin, default 1)
** Exit 0 when every bin reaches the target, 1 when some do not, 2 on a bad file or usage.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "coverage.h"

int main(int argc, char **argv) {
  static cov_t c;   /* large: not on the stack */
  char err[256], *end;
  unsigned long long target = 1;
  int i, files = 0;
  memset(&c, 0, sizeof c);
  for (i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-t") && i + 1 < argc) {
      target = strtoull(argv[++i], &end, 0);
      if (*end || !*argv[i]) {
        fprintf(stderr, "cov_report: -t: expected a number, got '%s'\n", argv[i]);
        return 2;
      }
      continue;
    }
    if (argv[i][0] == '-') {
      fprintf(stderr, "usage: %s [-t target] coverage-file...\n", argv[0]);
      return 2;
    }
    FILE *f = fopen(argv[i], "r");
    if (!f) {
      fprintf(stderr, "cov_report: cannot open %s\n", argv[i]);
      return 2;
    }
    fclose(f);
    if (cov_load_add(&c, argv[i], err, sizeof err)) {
      fprintf(stderr, "cov_report: %s\n", err);
      return 2;
    }
    files++;
  }
  if (!files) {
    fprintf(stderr, "usage: %s [-t target] coverage-file...\n", argv[0]);
    return 2;
  }
  return cov_report(&c, stdout, target) ? 1 : 0;
}
