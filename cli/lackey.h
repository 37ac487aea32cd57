/*
** lackey.h -- import real programs: turn the output of
** `valgrind --tool=lackey --trace-mem=yes` into an mmulab trace.
** docs/import.md is the contract: record types, the split rule, messages.
*/
#ifndef MMULAB_LACKEY_H
#define MMULAB_LACKEY_H

#include <stddef.h>
#include <stdint.h>

#define LACKEY_MAX_SIZE 4096u   /* largest access accepted (x86 fxsave is 512) */
#define LACKEY_MAX_LINE 512u    /* longest line accepted, newline included */

/* One lackey record: `I  ADDR,SIZE`, ` L ADDR,SIZE`, ` S ...`, ` M ...`. */
typedef struct {
  char kind;          /* 'I', 'L', 'S' or 'M' */
  uint64_t va;
  uint32_t size;      /* 1..LACKEY_MAX_SIZE bytes */
} lackey_rec_t;

/* Parse one line (without its newline; a trailing '\r' is ignored).
** Returns 1 with *r filled for a record, 0 for a line to skip (blank, or
** valgrind's own `==PID==` / `--PID--` messages), -1 with err =
** "expected ..., got '...'" (no file or line) for anything else. */
int lackey_parse_line(const char *text, size_t len, lackey_rec_t *r, char *err, size_t errlen);

/* Each record is cut into trace lines by trace_split (trace.h). */

typedef struct {
  uint64_t lines;      /* lines read */
  uint64_t records;    /* I/L/S/M records */
  uint64_t accesses;   /* trace lines written (an M gives a load and a store) */
  uint64_t split;      /* records that needed more than one piece per op */
} lackey_stats_t;

typedef struct {
  uint8_t pid;         /* the pid written on every line, 0..63 */
  uint32_t mode;       /* SATP_MODE_SV39 or SATP_MODE_SV48: addresses must be user-canonical */
  const char *source;  /* what the closing comment names as the source; NULL: the input file */
} lackey_opts_t;

/* Stream in_path (plain text or gzip; "-" is standard input) to out_path
** (gzip when it ends in ".gz"; "-" is standard output), one record at a
** time: memory use does not grow with the input.  Returns 0, or -1 with
** err = "IN:LINE: expected ..., got '...'" or a cannot-open/read/write
** message; on error a named output file is removed, so no partial trace
** is left behind. */
int lackey_import(const char *in_path, const char *out_path, const lackey_opts_t *o, lackey_stats_t *st,
                  char *err, size_t errlen);

#endif
