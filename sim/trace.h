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
  trace_rec_t *rec;   /* accesses after splitting (below): what the runner runs */
  uint32_t n, cap;
  uint32_t split;     /* trace lines that crossed an 8-byte word and were split */
} trace_t;

/* A piece of an access: at most one 8-byte word. */
typedef struct {
  uint64_t va;
  uint8_t size;       /* 1, 2, 4 or 8 */
} trace_piece_t;

/* Split [va, va + size) into naturally aligned pieces of 1, 2, 4 or 8
** bytes, lowest address first, each the largest that fits, as a 64-bit
** data path moves a misaligned or wide access.  A piece never crosses an
** 8-byte word, hence never a cache line or a page: an access that crosses
** a page is two translations.  Writes at most max pieces (out may be NULL
** when max is 0) and returns how many the whole access needs. */
uint32_t trace_split(uint64_t va, uint32_t size, trace_piece_t *out, uint32_t max);

/* Parse one line (no newline needed; `\r` counts as white space) for the
** translation mode (SATP_MODE_SV39 / SV48), which sets the canonical check.
** Returns 1 and fills *r (except r->line) when the line holds an access,
** 0 for a blank or comment-only line, -1 on an error: then err gets
** "expected ..., got ..." (without file and line). */
int trace_parse_line(const char *text, size_t len, uint32_t mode, trace_rec_t *r, char *err, size_t errlen);

/* Parse a whole trace held in memory; `name` is the file name used in
** messages.  A line whose access crosses an 8-byte word becomes its
** trace_split pieces, each a record with the line's number.  Returns 0, or -1 with err = "NAME:LINE: expected ..., got ..."
** (or "NAME: expected at least one access, got none").  On error *t is empty. */
int trace_parse_text(trace_t *t, const char *text, size_t len, const char *name, uint32_t mode, char *err,
                     size_t errlen);

/* Read and parse a file: as trace_parse_text, plus err = "cannot open
** 'PATH': REASON" when it cannot be read. */
int trace_load(trace_t *t, const char *path, uint32_t mode, char *err, size_t errlen);

void trace_free(trace_t *t);

#endif
