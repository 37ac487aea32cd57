/*
** plot.c -- the gnuplot script of a sweep and the gnuplot child (plot.h).
** The same four panels go to a PNG (pngcairo) and an SVG; gnuplot writes
** no date into either, so the same CSV gives the same files.
*/
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "plot.h"

#define PLOT_MAX_TICS 16u   /* up to this many values: a tic at each */

/* Columns of the CSV (sweep_csv), 1-based, as the script reads them. */
enum {
  C_X = 1,
  C_FAULTS = 3,
  C_MAJOR = 5,
  C_TLB_PCT = 12,
  C_AMAT = 13,
  C_WALK = 15,
  C_WALK_L1 = 20,
  C_WALK_L2,
  C_WALK_L3,
  C_WALK_DRAM
};

const char *plot_xlabel(const char *param) {
  static const struct {
    const char *param, *label;
  } labels[] = {
    { "frames", "user frames (4 KiB pages of RAM)" },
    { "pt-frames", "page-table frames (4 KiB each)" },
    { "swap", "swap slots (4 KiB pages)" },
    { "tlb-entries", "TLB entries" },
    { "tlb-ways", "TLB ways" },
    { "l1-size", "L1 size (bytes)" },
    { "l2-size", "L2 size (bytes)" },
    { "l3-size", "L3 size (bytes)" },
    { "l1-ways", "L1 ways" },
    { "l2-ways", "L2 ways" },
    { "l3-ways", "L3 ways" },
    { "l1-lat", "L1 latency (cycles)" },
    { "l2-lat", "L2 latency (cycles)" },
    { "l3-lat", "L3 latency (cycles)" },
    { "dram-lat", "DRAM latency (cycles)" },
    { "line", "cache line (bytes)" },
    { "fault-cycles", "cycles per page fault" },
    { "disk-cycles", "cycles per 4 KiB moved to or from swap" },
    { "page-size", "page size of the OS's user pages (--page-size)" },
  };
  for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
    if (strcmp(labels[i].param, param) == 0) return labels[i].label;
  return param;
}

/* A string for a double-quoted gnuplot string: \ and " escaped. */
static void quoted(FILE *f, const char *s) {
  fputc('"', f);
  for (; *s; s++) {
    if (*s == '"' || *s == '\\') fputc('\\', f);
    fputc(*s, f);
  }
  fputc('"', f);
}

static void panels(FILE *f, const plot_t *p) {
  fputs("set multiplot layout 2,2 title ", f);
  quoted(f, p->title);
  fputs(" font \",13\" noenhanced\n", f);   /* a file name is text, not markup */
  fputs("set xlabel ", f);
  quoted(f, plot_xlabel(p->param));
  fputs("\n", f);
  fputs("set title \"Page faults (minor + major) -- the thrashing knee\"\n"
        "set ylabel \"page faults\"\nset yrange [0:*]\n",
        f);
  fprintf(f,
          "plot DATA using %d:%d with linespoints pt 7 title \"page faults\", \\\n"
          "     DATA using %d:%d with linespoints pt 5 title \"major (read back from swap)\"\n",
          C_X, C_FAULTS, C_X, C_MAJOR);
  fputs(
      "set title \"AMAT: average MMU response time\"\nset ylabel \"cycles per response\"\nset yrange [0:*]\n",
      f);
  fputs("unset key\n", f);   /* one line: the title says what it is */
  fprintf(f, "plot DATA using %d:%d with linespoints pt 7 title \"AMAT\"\n", C_X, C_AMAT);
  fputs("set title \"TLB hit rate\"\nset ylabel \"hits per lookup (%)\"\nset yrange [0:100]\n", f);
  fprintf(f, "plot DATA using %d:%d with linespoints pt 7 title \"TLB hit rate\"\n", C_X, C_TLB_PCT);
  fputs("set key top right box opaque\n", f);
  fputs(
      "set title \"Page-walk cycles by where the PTE was found\"\nset ylabel \"cycles\"\nset yrange [0:*]\n",
      f);
  fprintf(f,
          "plot DATA using %d:%d with linespoints pt 7 title \"all walk cycles (PTE + A/D)\", \\\n"
          "     DATA using %d:%d with linespoints title \"PTE in L1\", \\\n"
          "     DATA using %d:%d with linespoints title \"PTE in L2\", \\\n"
          "     DATA using %d:%d with linespoints title \"PTE in L3\", \\\n"
          "     DATA using %d:%d with linespoints title \"PTE in DRAM\"\n",
          C_X, C_WALK, C_X, C_WALK_L1, C_X, C_WALK_L2, C_X, C_WALK_L3, C_X, C_WALK_DRAM);
  fputs("unset multiplot\nset key top right box opaque\n", f);
}

void plot_script(FILE *f, const plot_t *p) {
  fputs("# gnuplot script written by mmulab sweep: gnuplot THIS_FILE draws the PNG and SVG\n", f);
  fputs("DATA = ", f);
  quoted(f, p->csv);
  fputs("\nset datafile separator \",\"\nset datafile missing \"\"\nset key autotitle columnhead\n"
        "set key top right box opaque\nset grid\n",
        f);
  if (p->logx) fputs("set logscale x 2\n", f);
  if (p->nx && p->nx <= PLOT_MAX_TICS) {
    fputs("set xtics (", f);
    int sizes = strcmp(p->param, "page-size") == 0;   /* 4096 and 2097152 read better as 4K, 2M */
    for (uint32_t i = 0; i < p->nx; i++) {
      uint64_t x = p->xs[i];
      if (sizes && x >= 1024u && x % 1024u == 0) {
        const char *unit = x % (UINT64_C(1) << 30) == 0 ? "G" : x % (UINT64_C(1) << 20) == 0 ? "M" : "K";
        uint64_t div = *unit == 'G' ? UINT64_C(1) << 30 : *unit == 'M' ? UINT64_C(1) << 20 : 1024u;
        fprintf(f, "%s\"%" PRIu64 "%s\" %" PRIu64, i ? ", " : "", x / div, unit, x);
      } else {
        fprintf(f, "%s%" PRIu64, i ? ", " : "", x);
      }
    }
    fputs(")\n", f);
  }
  /* headroom above the highest point for the key */
  fputs("set offsets graph 0.03, graph 0.03, graph 0.3, 0\n", f);
  fputs("set terminal pngcairo size 1400,1000 font \"DejaVu Sans,10\"\nset output ", f);
  quoted(f, p->png);
  fputs("\n", f);
  panels(f, p);
  fputs("set terminal svg size 1400,1000 font \"DejaVu Sans,10\"\nset output ", f);
  quoted(f, p->svg);
  fputs("\n", f);
  panels(f, p);
  fputs("set output\n", f);
}

int plot_run(const char *script, char *err, size_t errlen) {
  fflush(NULL);
  pid_t child = fork();
  if (child == 0) {
    char *argv[] = { "gnuplot", (char *)script, NULL };
    execvp(argv[0], argv);
    fprintf(stderr, "mmulab sweep: cannot run gnuplot: %s (apt-get install gnuplot-nox)\n", strerror(errno));
    _exit(127);
  }
  int status = 0;
  if (child < 0 || waitpid(child, &status, 0) < 0) {
    snprintf(err, errlen, "cannot start gnuplot: %s", strerror(errno));
    return -1;
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status)) {
    snprintf(err, errlen, "gnuplot %s failed (%s %d)", script, WIFEXITED(status) ? "exit status" : "signal",
             WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
    return -1;
  }
  return 0;
}
