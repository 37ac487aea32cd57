/*
** sweep.c -- `mmulab sweep` (see sweep.h): parse the sweep's own options,
** build one configuration per value with the mmulab option parser (the
** value appended as `--PARAM V`), check them all, then run each on the C
** model, write the CSV, print the table, draw the plots.
*/
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include "options.h"
#include "plot.h"
#include "progress.h"
#include "sweep.h"
#include "trace.h"

enum { EXIT_OK = 0, EXIT_USAGE = 2, EXIT_INTERNAL = 3 };

typedef struct {
  const char *param;           /* --param */
  uint64_t from, to, step;     /* --from --to --step */
  int have_from, have_to, have_step;
  const char *values;          /* --values a,b,c */
  const char *out;             /* --out PREFIX */
  int no_plot;                 /* --no-plot */
  char **rest;                 /* everything else, for options_parse (rest[0] = "mmulab") */
  int nrest;
} sweep_args_t;

static int usage(const char *why) {
  if (why) fprintf(stderr, "mmulab sweep: %s\n", why);
  fputs("usage: mmulab sweep --param OPTION (--from A --to B [--step S] | --values A,B,...)\n"
        "                    [--out PREFIX] [--no-plot] [mmulab options] TRACE\n"
        "  OPTION: an mmulab option that takes a number: frames, tlb-entries, l1-size, ...\n"
        "  writes PREFIX.csv (default sweep-OPTION), PREFIX.gp, PREFIX.png, PREFIX.svg\n",
        stderr);
  return EXIT_USAGE;
}

static int bad_num(const char *opt, const char *v) {
  char why[200];
  snprintf(why, sizeof why, "option %s: expected a number (K/M/G suffix allowed), got '%.60s'", opt,
           v ? v : "nothing");
  return usage(why);
}

/* Sweep options out of argv; every other argument kept in a->rest. */
static int parse(sweep_args_t *a, int argc, char **argv) {
  memset(a, 0, sizeof *a);
  a->rest = calloc((size_t)argc + 3u, sizeof *a->rest);
  if (!a->rest) return usage("out of memory");
  a->rest[a->nrest++] = "mmulab";
  for (int i = 1; i < argc; i++) {
    const char *s = argv[i];
    static const char *const own[] = { "--param", "--from", "--to", "--step", "--values", "--out" };
    int k = -1;
    size_t len = 0;
    const char *eq = strchr(s, '=');
    for (int j = 0; j < 6; j++) {
      len = strlen(own[j]);
      if (strncmp(s, own[j], len) == 0 && (s[len] == '\0' || s[len] == '=')) {
        k = j;
        break;
      }
    }
    if (strcmp(s, "--no-plot") == 0) {
      a->no_plot = 1;
      continue;
    }
    if (strcmp(s, "--") == 0) {   /* the rest are file names */
      for (; i < argc; i++) a->rest[a->nrest++] = argv[i];
      break;
    }
    if (k < 0) {
      a->rest[a->nrest++] = argv[i];
      continue;
    }
    const char *v = s[len] == '=' ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL);
    if (!v || !*v) {
      char why[120];
      snprintf(why, sizeof why, "option %s: expected a value, got nothing", own[k]);
      return usage(why);
    }
    switch (k) {
      case 0: a->param = v; break;
      case 1:
        if (options_parse_number(v, &a->from)) return bad_num("--from", v);
        a->have_from = 1;
        break;
      case 2:
        if (options_parse_number(v, &a->to)) return bad_num("--to", v);
        a->have_to = 1;
        break;
      case 3:
        if (options_parse_number(v, &a->step) || !a->step) return bad_num("--step", v);
        a->have_step = 1;
        break;
      case 4: a->values = v; break;
      default: a->out = v; break;
    }
  }
  if (!a->param) return usage("expected --param OPTION, got none");
  if (strncmp(a->param, "--", 2) == 0) a->param += 2;
  if (!options_takes_number(a->param)) {
    char why[200];
    snprintf(why, sizeof why,
             "option --param: expected an mmulab option that takes a number "
             "(frames, tlb-entries, l1-size, ...), got '%.60s'",
             a->param);
    return usage(why);
  }
  if (a->values && (a->have_from || a->have_to || a->have_step))
    return usage("expected either --values or --from/--to/--step, got both");
  if (!a->values && !(a->have_from && a->have_to))
    return usage("expected --from A --to B, or --values A,B,...");
  if (!a->values && a->from > a->to) {
    char why[120];
    snprintf(why, sizeof why, "expected --from <= --to, got %" PRIu64 " > %" PRIu64, a->from, a->to);
    return usage(why);
  }
  if (!a->have_step) a->step = 1;
  return 0;
}

/* The values to run, in order.  n = count; 0, or an exit code. */
static int values(const sweep_args_t *a, uint64_t *v, uint32_t *n) {
  *n = 0;
  if (!a->values) {
    for (uint64_t x = a->from; x <= a->to; x += a->step) {
      if (*n == SWEEP_MAX_POINTS) goto too_many;
      v[(*n)++] = x;
      if (a->to - x < a->step) break;
    }
    return 0;
  }
  const char *p = a->values;
  for (;;) {
    char num[40];
    size_t len = strcspn(p, ",");
    if (len == 0 || len >= sizeof num) return bad_num("--values", a->values);
    memcpy(num, p, len);
    num[len] = '\0';
    if (*n == SWEEP_MAX_POINTS) goto too_many;
    if (options_parse_number(num, &v[*n])) return bad_num("--values", num);
    (*n)++;
    if (!p[len]) return 0;
    p += len + 1;
  }
too_many: {
  char why[80];
  snprintf(why, sizeof why, "expected at most %u values", SWEEP_MAX_POINTS);
  return usage(why);
}
}

/* More frames, more faults: Belady's anomaly (FIFO can do it; LRU and OPT cannot). */
static void belady(FILE *f, const char *param, const sweep_point_t *p, uint32_t n) {
  if (strcmp(param, "frames") != 0) return;
  for (uint32_t i = 1; i < n; i++)
    if (p[i].value > p[i - 1].value && p[i].c.minor + p[i].c.major > p[i - 1].c.minor + p[i - 1].c.major)
      fprintf(f,
              "Belady's anomaly: %" PRIu64 " frames give %" PRIu64 " page faults, %" PRIu64 " frames %" PRIu64
              "\n",
              p[i].value, p[i].c.minor + p[i].c.major, p[i - 1].value, p[i - 1].c.minor + p[i - 1].c.major);
}

/* Values that double from one to the next (sizes): the plot's x axis in log 2. */
static int doubling(const uint64_t *v, uint32_t n) {
  if (n < 3) return 0;
  for (uint32_t i = 1; i < n; i++)
    if (v[i - 1] == 0 || v[i] != 2u * v[i - 1]) return 0;
  return 1;
}

static const char *policy_word(os_policy_t p) {
  return p == OS_POLICY_FIFO      ? "fifo"
         : p == OS_POLICY_CLOCK   ? "clock"
         : p == OS_POLICY_OPT     ? "opt"
         : p == OS_POLICY_STUDENT ? "student"
                                  : "lru";
}

/* Refuse the options that make no sense for a sweep of model runs. */
static int refused(const options_t *o) {
  const char *what = o->json          ? "--json"
                     : o->wave        ? "--wave"
                     : o->deep        ? "--deep"
                     : o->rtl_bug     ? "--rtl-bug"
                     : o->rand_reset  ? "--rand-reset"
                     : o->vmstat      ? "--vmstat"
                     : o->free        ? "--free"
                     : o->pmap        ? "--pmap"
                     : o->proc_vmstat ? "--proc-vmstat"
                                      : NULL;
  if (!what) return 0;
  char why[160];
  snprintf(why, sizeof why,
           "option %s: not for a sweep (the runs are the C model alone; the CSV is the data)", what);
  return usage(why);
}

static int write_file_error(const char *path) {
  fprintf(stderr, "mmulab sweep: cannot write %s\n", path);
  return EXIT_INTERNAL;
}

int sweep_main(int argc, char **argv) {
  sweep_args_t a;
  int rc = parse(&a, argc, argv);
  uint64_t *v = NULL;
  options_t *o = NULL;
  sweep_point_t *pts = NULL;
  trace_t t;
  int have_trace = 0;
  char err[1024];
  uint32_t n = 0;
  if (rc) goto out;
  v = calloc(SWEEP_MAX_POINTS, sizeof *v);
  if (!v) {
    rc = usage("out of memory");
    goto out;
  }
  if ((rc = values(&a, v, &n))) goto out;
  o = calloc(n, sizeof *o);
  pts = calloc(n, sizeof *pts);
  if (!o || !pts) {
    rc = usage("out of memory");
    goto out;
  }
  char(*num)[32] = calloc(n, sizeof *num), flag[64];   /* the value strings live as long as o[] */
  if (!num) {
    rc = usage("out of memory");
    goto out;
  }
  snprintf(flag, sizeof flag, "--%s", a.param);
  for (uint32_t i = 0; i < n; i++) {   /* every configuration checked before the first run */
    snprintf(num[i], sizeof num[i], "%" PRIu64, v[i]);
    a.rest[a.nrest] = flag;
    a.rest[a.nrest + 1] = num[i];
    int pr = options_parse(&o[i], a.nrest + 2, a.rest, err, sizeof err);
    if (pr > 0) {
      free(num);
      rc = usage(NULL);
      goto out;
    }
    if (pr < 0) {
      free(num);
      rc = usage(err);
      goto out;
    }
    if (i == 0 && (rc = refused(&o[0]))) {
      free(num);
      goto out;
    }
    const char *bad = runner_cfg_check(&o[i].cfg);
    if (bad) {
      fprintf(stderr, "mmulab sweep: --%s %s: bad configuration: %s\n", a.param, num[i], bad);
      free(num);
      rc = EXIT_USAGE;
      goto out;
    }
  }
  free(num);
  if (trace_load(&t, o[0].trace, o[0].cfg.os.mode, err, sizeof err)) {
    fprintf(stderr, "mmulab sweep: %s\n", err);
    rc = EXIT_USAGE;
    goto out;
  }
  have_trace = 1;
  char prefix[900], csv[1024], gp[1024], png[1024], svg[1024];
  if (a.out) snprintf(prefix, sizeof prefix, "%s", a.out);
  else snprintf(prefix, sizeof prefix, "sweep-%s", a.param);
  snprintf(csv, sizeof csv, "%s.csv", prefix);
  snprintf(gp, sizeof gp, "%s.gp", prefix);
  snprintf(png, sizeof png, "%s.png", prefix);
  snprintf(svg, sizeof svg, "%s.svg", prefix);

  printf("mmulab sweep: --%s over %u values on %s (C model alone, replacement %s)\n", a.param, n, o[0].trace,
         policy_word(o[0].cfg.os.policy));
  progress_t pg;
  progress_init(&pg, n, t.n);
  for (uint32_t i = 0; i < n; i++) {
    char label[64];
    snprintf(label, sizeof label, "%s=%" PRIu64, a.param, v[i]);
    progress_point(&pg, i + 1u, label);
    runner_t r;
    if (runner_init(&r, &o[i].cfg, err, sizeof err)) {
      progress_done(&pg);
      fprintf(stderr, "mmulab sweep: %s: %s\n", label, err);
      rc = EXIT_INTERNAL;
      goto out;
    }
    r.watch = progress_watch;
    r.watch_ctx = &pg;
    int e = runner_run(&r, &t, o[i].trace, err, sizeof err);
    if (e) {
      progress_done(&pg);
      fprintf(stderr, "mmulab sweep: %s: %s\n", label, err);
      runner_free(&r);
      rc = EXIT_INTERNAL;
      goto out;
    }
    sweep_point(&pts[i], &r, v[i]);
    runner_free(&r);
  }
  progress_done(&pg);
  FILE *f = fopen(csv, "w");
  if (!f) {
    rc = write_file_error(csv);
    goto out;
  }
  sweep_csv(f, a.param, pts, n);
  if (fclose(f)) {
    rc = write_file_error(csv);
    goto out;
  }
  sweep_table(stdout, a.param, pts, n);
  belady(stdout, a.param, pts, n);
  if (a.no_plot) {
    printf("wrote %s\n", csv);
    goto out;
  }
  f = fopen(gp, "w");
  if (!f) {
    rc = write_file_error(gp);
    goto out;
  }
  char title[600];
  snprintf(title, sizeof title,
           "mmulab sweep of --%s: %s (%" PRIu64 " accesses, %u frames, TLB %u, "
           "replacement %s; C model)",
           a.param, o[0].trace, pts[0].c.accesses, o[0].cfg.os.frames, o[0].cfg.mmu.tlb_entries,
           policy_word(o[0].cfg.os.policy));
  if (!strcmp(a.param, "frames") || !strcmp(a.param, "tlb-entries"))   /* the swept one would mislead */
    snprintf(title, sizeof title, "mmulab sweep of --%s: %s (%" PRIu64 " accesses, replacement %s; C model)",
             a.param, o[0].trace, pts[0].c.accesses, policy_word(o[0].cfg.os.policy));
  /* page sizes (4K, 2M, 1G) are 512 times apart: a log axis too */
  plot_t pl = { csv, png, svg, a.param, title, doubling(v, n) || !strcmp(a.param, "page-size"), v, n };
  plot_script(f, &pl);
  if (fclose(f)) {
    rc = write_file_error(gp);
    goto out;
  }
  if (plot_run(gp, err, sizeof err)) {
    fprintf(stderr, "mmulab sweep: %s\n", err);
    rc = EXIT_INTERNAL;
    goto out;
  }
  printf("wrote %s, %s, %s, %s\n", csv, gp, png, svg);
out:
  if (have_trace) trace_free(&t);
  free(pts);
  free(o);
  free(v);
  free(a.rest);
  return rc;
}
