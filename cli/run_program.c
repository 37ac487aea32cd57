/*
** run_program.c -- `mmulab run` (see run_program.h): `mmulab record` into a
** trace file, then `mmulab [options] TRACE` on it.
*/
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "import_cmd.h"
#include "run_program.h"

static int usage(const char *why) {
  if (why) fprintf(stderr, "mmulab run: %s\n", why);
  fputs("usage: mmulab run [mmulab options] [-o TRACE.gz] -- PROGRAM [ARGS...]\n"
        "  e.g. mmulab run --model-only --vmstat 100000 --pmap -- ls /usr\n",
        stderr);
  return 2;
}

int run_program_main(int argc, char **argv, run_trace_fn run_trace) {
  int dash = 1;
  while (dash < argc && strcmp(argv[dash], "--") != 0) dash++;
  if (dash >= argc - 1) return usage("expected -- PROGRAM [ARGS...] after the options");
  char **opts = calloc((size_t)argc + 2u, sizeof *opts);
  char **rec = calloc((size_t)argc + 6u, sizeof *rec);
  if (!opts || !rec) {
    free(opts);
    free(rec);
    return usage("out of memory");
  }
  const char *keep = NULL;
  int no = 0;
  opts[no++] = "mmulab";
  for (int i = 1; i < dash; i++) {
    if (strcmp(argv[i], "-o") == 0) {
      if (i + 1 >= dash) {
        free(opts);
        free(rec);
        return usage("option -o: expected a trace file name, got nothing");
      }
      keep = argv[++i];
    } else {
      opts[no++] = argv[i];
    }
  }
  /* The temporary trace goes where mktemp(1) would put it: $TMPDIR, else /tmp. */
  const char *dir = getenv("TMPDIR");
  if (!dir || !*dir) dir = "/tmp";
  char tmp[4096], path[4096 + 16];
  if (!keep && snprintf(tmp, sizeof tmp, "%s/mmulab-run-XXXXXX", dir) >= (int)sizeof tmp) {
    fprintf(stderr, "mmulab run: TMPDIR: expected a directory name under %zu characters\n", sizeof tmp - 20);
    free(opts);
    free(rec);
    return 2;
  }
  if (!keep) {
    int fd = mkstemp(tmp);
    if (fd < 0) {
      fprintf(stderr, "mmulab run: cannot make a temporary file in %s: %s\n", dir, strerror(errno));
      free(opts);
      free(rec);
      return 2;
    }
    close(fd);
    remove(tmp);
    snprintf(path, sizeof path, "%s.trace.gz", tmp);
  }
  const char *trace = keep ? keep : path;
  int nr = 0;
  rec[nr++] = "record";
  rec[nr++] = "-o";
  rec[nr++] = (char *)trace;
  for (int i = dash; i < argc; i++) rec[nr++] = argv[i];
  int rc = record_main(nr, rec);
  if (rc == 0) {
    opts[no++] = "--";   /* the trace is a file name, whatever it looks like */
    opts[no++] = (char *)trace;
    rc = run_trace(no, opts);
  }
  if (!keep) remove(path);
  free(opts);
  free(rec);
  return rc;
}
