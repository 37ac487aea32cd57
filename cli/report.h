/*
** report.h -- what a finished run prints: a text page read like vmstat,
** free and /proc/PID/status, or one JSON object with the same numbers.
** Deterministic: the same run gives byte-identical output.
*/
#ifndef MMULAB_REPORT_H
#define MMULAB_REPORT_H

#include <stdint.h>
#include <stdio.h>
#include "runner.h"

/* The text report of a finished run of the trace named `trace`. */
void report_text(FILE *f, const runner_t *r, const char *trace);

/* The same as one JSON object (with a trailing newline).  Keys include
** accesses, cycles, tlb_hits, tlb_misses, page_faults (minor + major),
** major_faults and evictions at the top level; docs/cli.md lists all. */
void report_json(FILE *f, const runner_t *r, const char *trace);

/* report_json without its closing "\n}\n": the caller adds more keys
** (each as ",\n  \"key\": value") and closes the object (cli/views.c). */
void report_json_fields(FILE *f, const runner_t *r, const char *trace);

/* s as a JSON string, quotes and escapes included. */
void report_json_string(FILE *f, const char *s);

/* num/den as a decimal with two places, rounded half up ("-" if den = 0):
** integer arithmetic, so no platform's float printing can change it. */
void report_ratio(char *buf, size_t len, uint64_t num, uint64_t den);

#endif
