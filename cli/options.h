/*
** options.h -- the command line of mmulab: `mmulab [options] TRACE`.
** Turns argv into a run configuration; docs/cli.md lists every option.
** Values are checked for form here, for meaning by runner_cfg_check.
*/
#ifndef MMULAB_OPTIONS_H
#define MMULAB_OPTIONS_H

#include <stddef.h>
#include <stdio.h>
#include "runner.h"

typedef struct {
  runner_cfg_t cfg;      /* starts as runner_cfg_default */
  const char *trace;     /* the TRACE argument */
  int json;              /* --json: one JSON object instead of the text report */
  int model_only;        /* --model-only: no RTL in lockstep */
  int deep;              /* --deep: compare TLB entries and LRU ages too */
  uint32_t rand_reset;   /* --rand-reset: seed of random initial RTL flop values, 0 = zero */
  uint32_t rtl_bug;      /* --rtl-bug: deliberate RTL bug to enable, 0 = none */
  const char *wave;      /* --wave: FST of the whole run, or NULL */
  const char *mismatch_out;   /* --mismatch-out: prefix of the mismatch waveform files */
  uint64_t vmstat;       /* --vmstat N: a vmstat row every N accesses, 0 = none (cli/views.h) */
  int free;              /* --free: memory and swap like free(1) */
  int pmap;              /* --pmap: each process's pages like pmap -x */
  int proc_vmstat;       /* --proc-vmstat: counters like /proc/vmstat */
} options_t;

/* Parse argv[1..argc-1].  Options may be `--name VALUE` or `--name=VALUE`;
** numbers are decimal with an optional K, M or G suffix (x1024^n).
** Returns 0 to run, 1 when --help was given, -1 with err set to
** "option --NAME: expected ..., got '...'" or "unknown option ..." etc. */
int options_parse(options_t *o, int argc, char **argv, char *err, size_t errlen);

/* A number as the options take it: decimal with an optional K, M or G
** suffix (x1024^n).  0, or -1 if s is not one. */
int options_parse_number(const char *s, uint64_t *v);

/* Is NAME (without "--") an option that takes a number?  1 or 0
** (`mmulab sweep --param NAME` sweeps such an option). */
int options_takes_number(const char *name);

/* The --help text: every option, what it takes and its default. */
void options_usage(FILE *f);

#endif
