/*
** import_cmd.c -- command lines of `mmulab import-lackey` and `mmulab
** record` (import_cmd.h); the conversion itself is lackey.c.
*/
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "import_cmd.h"
#include "lackey.h"
#include "riscv.h"

enum { EXIT_OK = 0, EXIT_USAGE = 2 };

typedef struct {
  lackey_opts_t lk;
  const char *out;      /* -o, or NULL */
  int next;             /* first argument not an option */
} import_args_t;

static int usage(const char *cmd, const char *why) {
  if (why) fprintf(stderr, "mmulab %s: %s\n", cmd, why);
  if (!strcmp(cmd, "record"))
    fprintf(stderr, "usage: mmulab record [--pid N] [--mode sv39|sv48] -o OUT[.gz] -- PROGRAM [ARGS...]\n");
  else fprintf(stderr, "usage: mmulab import-lackey [--pid N] [--mode sv39|sv48] [-o OUT[.gz]] LOG[.gz]|-\n");
  return EXIT_USAGE;
}

/* Parse the options shared by both commands; stops at "--" or the first
** non-option.  Returns 0, or an exit code after printing the error. */
static int parse_args(const char *cmd, int argc, char **argv, import_args_t *a) {
  a->lk.pid = 0;
  a->lk.mode = SATP_MODE_SV39;
  a->lk.source = NULL;
  a->out = NULL;
  int i = 1;
  for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
    const char *o = argv[i];
    if (!strcmp(o, "--")) {
      i++;
      break;
    }
    if (i + 1 >= argc) {
      char why[160];
      snprintf(why, sizeof why, "option %.40s: expected a value after it, got end of line", o);
      return usage(cmd, why);
    }
    const char *v = argv[++i];
    if (!strcmp(o, "-o")) {
      a->out = v;
    } else if (!strcmp(o, "--pid")) {
      char *end;
      errno = 0;
      unsigned long p = strtoul(v, &end, 10);
      if (errno || end == v || *end || p > 63 || v[0] == '-') {
        char why[160];
        snprintf(why, sizeof why, "option --pid: expected a pid 0..63, got '%.40s'", v);
        return usage(cmd, why);
      }
      a->lk.pid = (uint8_t)p;
    } else if (!strcmp(o, "--mode")) {
      if (!strcmp(v, "sv39")) a->lk.mode = SATP_MODE_SV39;
      else if (!strcmp(v, "sv48")) a->lk.mode = SATP_MODE_SV48;
      else {
        char why[160];
        snprintf(why, sizeof why, "option --mode: expected sv39 or sv48, got '%.40s'", v);
        return usage(cmd, why);
      }
    } else {
      char why[160];
      snprintf(why, sizeof why, "unknown option '%.40s'", o);
      return usage(cmd, why);
    }
  }
  a->next = i;
  return EXIT_OK;
}

static void summary(const char *out, const lackey_stats_t *st) {
  fprintf(stderr,
          "mmulab: %s: %" PRIu64 " lackey records -> %" PRIu64 " accesses (%" PRIu64
          " split at 8-byte words)\n",
          out, st->records, st->accesses, st->split);
}

int import_lackey_main(int argc, char **argv) {
  import_args_t a;
  int rc = parse_args("import-lackey", argc, argv, &a);
  if (rc) return rc;
  if (argc - a.next != 1) return usage("import-lackey", "expected one LOG file (or - for stdin)");
  const char *out = a.out ? a.out : "-";
  lackey_stats_t st;
  char err[512];
  if (lackey_import(argv[a.next], out, &a.lk, &st, err, sizeof err)) {
    fprintf(stderr, "mmulab: %s\n", err);
    return EXIT_USAGE;
  }
  if (strcmp(out, "-")) summary(out, &st);
  return EXIT_OK;
}

int record_main(int argc, char **argv) {
  import_args_t a;
  int rc = parse_args("record", argc, argv, &a);
  if (rc) return rc;
  if (!a.out) return usage("record", "expected -o OUT, the trace to write");
  if (a.next >= argc) return usage("record", "expected a PROGRAM to run after --");
  char log[] = "/tmp/mmulab-lackey-XXXXXX";
  int fd = mkstemp(log);
  if (fd < 0) {
    fprintf(stderr, "mmulab record: cannot make a temporary file: %s\n", strerror(errno));
    return EXIT_USAGE;
  }
  close(fd);
  char logopt[64];
  snprintf(logopt, sizeof logopt, "--log-file=%s", log);
  int n = argc - a.next;
  char **vg = calloc((size_t)n + 5u, sizeof *vg);
  if (!vg) {
    remove(log);
    fprintf(stderr, "mmulab record: out of memory\n");
    return EXIT_USAGE;
  }
  vg[0] = "valgrind";
  vg[1] = "--tool=lackey";
  vg[2] = "--trace-mem=yes";
  vg[3] = logopt;
  for (int i = 0; i < n; i++) vg[4 + i] = argv[a.next + i];
  fflush(NULL);
  pid_t child = fork();
  if (child == 0) {
    execvp(vg[0], vg);
    fprintf(stderr, "mmulab record: cannot run valgrind: %s (apt-get install valgrind)\n", strerror(errno));
    _exit(127);
  }
  free(vg);
  int status = 0;
  if (child < 0 || waitpid(child, &status, 0) < 0) {
    fprintf(stderr, "mmulab record: cannot start valgrind: %s\n", strerror(errno));
    remove(log);
    return EXIT_USAGE;
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) == 127) {
    if (!WIFEXITED(status))
      fprintf(stderr, "mmulab record: valgrind %s was stopped by signal %d\n", argv[a.next],
              WTERMSIG(status));
    remove(log);
    return EXIT_USAGE;
  }
  if (WEXITSTATUS(status))   /* the program's own exit status: its trace is still a trace */
    fprintf(stderr, "mmulab record: note: %s exited with status %d\n", argv[a.next], WEXITSTATUS(status));
  char source[256];
  snprintf(source, sizeof source, "'%.200s'", argv[a.next]);
  a.lk.source = source;
  lackey_stats_t st;
  char err[512];
  rc = lackey_import(log, a.out, &a.lk, &st, err, sizeof err);
  remove(log);
  if (rc) {
    fprintf(stderr, "mmulab record: %s\n", err);
    return EXIT_USAGE;
  }
  summary(a.out, &st);
  return EXIT_OK;
}
