/*
** trace.h -- the memory-access trace: parse a whole trace file into records.
** One access per line, `OP VADDR [SIZE [PID]]`; docs/trace-format.md is the
** format's contract, including every error message this file produces.
*/
#ifndef MMULAB_TRACE_H
#define MMULAB_TRACE_H

#include <stddef.h>
#include <stdint.h>

#define TRACE_MAX_PID 63u    /* pids are ASIDs of os.h: 0..OS_MAX_PROCS-1 */

typedef struct {
  uint64_t va;        /* virtual address as written (canonical for the mode) */
  uint32_t line;      /* 1-based line number in the file */
  uint8_t op;         /* MMU_OP_R / MMU_OP_W / MMU_OP_X */
  uint8_t size;       /* 1, 2, 4 or 8 bytes; recorded, the word is pa & ~7 */
  uint8_t pid;        /* 0..TRACE_MAX_PID */
} trace_rec_t;

typedef struct {
  trace_rec_t *rec;
  uint32_t n, cap;
} trace_t;

/* Parse one line (no newline needed; `\r` counts as white space) for the
** translation mode (SATP_MODE_SV39 / SV48), which sets the canonical check.
** Returns 1 and fills *r (except r->line) when the line holds an access,
** 0 for a blank or comment-only line, -1 on an error: then err gets
** "expected ..., got ..." (without file and line). */
int trace_parse_line(const char *text, size_t len, uint32_t mode, trace_rec_t *r,
                     char *err, size_t errlen);

/* Parse a whole trace held in memory; `name` is the file name used in
** messages.  Returns 0, or -1 with err = "NAME:LINE: expected ..., got ..."
** (or "NAME: expected at least one access, got none").  On error *t is empty. */
int trace_parse_text(trace_t *t, const char *text, size_t len, const char *name, uint32_t mode,
                     char *err, size_t errlen);

/* Read and parse a file: as trace_parse_text, plus err = "cannot open
** 'PATH': REASON" when it cannot be read. */
int trace_load(trace_t *t, const char *path, uint32_t mode, char *err, size_t errlen);

void trace_free(trace_t *t);

#endif
