/*
** trace.c -- parser of mmulab trace files (docs/trace-format.md).
** The whole file is parsed before anything runs, so a bad line never
** produces a partial report.  Messages name the field that was expected.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "grow.h"
#include "ptw.h"
#include "riscv.h"
#include "mmu_port.h"
#include "trace.h"
#include "textfile.h"

/* "expected EXPECTED, got 'TOKEN'" (or "got end of line" when got is NULL). */
static int fail(char *err, size_t errlen, const char *expected, const textfile_field_t *got) {
  char q[TEXTFILE_TOKEN_SHOWN + 8];
  if (got) textfile_quote(q, sizeof q, got);
  snprintf(err, errlen, "expected %s, got %s", expected, got ? q : "end of line");
  return -1;
}

static int parse_op(const textfile_field_t *f, uint8_t *op) {
  if (f->len != 1) return -1;
  switch (f->p[0]) {
    case 'R':
    case 'r': *op = MMU_OP_R; return 0;
    case 'W':
    case 'w': *op = MMU_OP_W; return 0;
    case 'X':
    case 'x': *op = MMU_OP_X; return 0;
    default: return -1;
  }
}

/* Hex with an optional 0x/0X prefix; leading zeros are fine, a value that
** needs more than 64 bits is not. */
static int parse_hex(const textfile_field_t *f, uint64_t *v) {
  size_t i = 0;
  if (f->len >= 2 && f->p[0] == '0' && (f->p[1] == 'x' || f->p[1] == 'X')) i = 2;
  if (i == f->len) return -1;
  uint64_t acc = 0;
  for (; i < f->len; i++) {
    int d = textfile_hex_digit(f->p[i]);
    if (d < 0 || acc > (UINT64_MAX >> 4)) return -1;
    acc = (acc << 4) | (uint64_t)d;
  }
  *v = acc;
  return 0;
}

/* Decimal digits only (no sign), value at most `max`. */
static int parse_dec(const textfile_field_t *f, uint32_t max, uint32_t *v) {
  if (f->len == 0) return -1;
  uint64_t acc = 0;
  for (size_t i = 0; i < f->len; i++) {
    if (f->p[i] < '0' || f->p[i] > '9') return -1;
    acc = acc * 10u + (uint64_t)(f->p[i] - '0');
    if (acc > max) return -1;
  }
  *v = (uint32_t)acc;
  return 0;
}

int trace_parse_line(const char *text, size_t len, uint32_t mode, trace_rec_t *r, char *err, size_t errlen) {
  textfile_field_t f[5];
  unsigned n = textfile_split(text, len, f, 5);
  if (n == 0) return 0;
  if (parse_op(&f[0], &r->op)) return fail(err, errlen, "an operation R, W or X", &f[0]);
  if (n < 2) {
    char what[64];
    snprintf(what, sizeof what, "an address after '%c'", f[0].p[0]);
    return fail(err, errlen, what, NULL);
  }
  if (parse_hex(&f[1], &r->va))
    return fail(err, errlen, "a hex address (optional 0x, at most 64 bits)", &f[1]);
  if (!ptw_canonical(r->va, mode)) {
    char what[96];
    uint32_t vab = rv_va_bits(mode);
    snprintf(what, sizeof what, "a canonical Sv%u address (bits 63..%u equal)", vab, vab - 1u);
    return fail(err, errlen, what, &f[1]);
  }
  uint32_t v = 8;
  if (n >= 3 && (parse_dec(&f[2], 8, &v) || (v != 1 && v != 2 && v != 4 && v != 8)))
    return fail(err, errlen, "a size 1, 2, 4 or 8", &f[2]);
  r->size = (uint8_t)v;
  v = 0;
  if (n >= 4 && parse_dec(&f[3], TRACE_MAX_PID, &v)) return fail(err, errlen, "a pid 0..63", &f[3]);
  r->pid = (uint8_t)v;
  if (n >= 5) return fail(err, errlen, "end of line", &f[4]);
  return 1;
}

uint32_t trace_split(uint64_t va, uint32_t size, trace_piece_t *out, uint32_t max) {
  uint32_t n = 0;
  uint64_t left = size;
  while (left) {
    uint64_t p = 8;
    while (p > 1 && (p > left || (va & (p - 1)))) p >>= 1;   /* largest aligned piece */
    if (n < max) {
      out[n].va = va;
      out[n].size = (uint8_t)p;
    }
    n++;
    va += p;
    left -= p;
  }
  return n;
}

static int push(trace_t *t, const trace_rec_t *r) {
  trace_rec_t *p = grow_room(t->rec, t->n, &t->cap, sizeof *p, 256u);
  if (!p) return -1;
  t->rec = p;
  t->rec[t->n++] = *r;
  return 0;
}

/* The parse of a whole text, for parse_one. */
typedef struct {
  trace_t *t;
  uint32_t mode;
} parse_t;

/* A textfile_line_fn: one line of the trace, its access appended (split at
** 8-byte words) unless the line is blank or a comment. */
static int parse_one(void *ctx, const char *text, size_t len, uint32_t line, char *msg, size_t msglen) {
  parse_t *p = ctx;
  trace_rec_t r;
  int got = trace_parse_line(text, len, p->mode, &r, msg, msglen);
  if (got <= 0) return got;
  trace_piece_t piece[4];                 /* 8 bytes at most: 4 pieces (1+2+4+1) */
  uint32_t np = trace_split(r.va, r.size, piece, 4);
  p->t->split += np > 1;
  r.line = line;
  for (uint32_t i = 0; i < np; i++) {
    r.va = piece[i].va;
    r.size = piece[i].size;
    if (push(p->t, &r)) {
      snprintf(msg, msglen, "out of memory");
      return -1;
    }
  }
  return 0;
}

int trace_parse_text(trace_t *t, const char *text, size_t len, const char *name, uint32_t mode, char *err,
                     size_t errlen) {
  memset(t, 0, sizeof *t);
  parse_t p = { t, mode };
  if (textfile_lines(text, len, name, parse_one, &p, err, errlen)) {
    trace_free(t);
    return -1;
  }
  if (t->n == 0) {
    snprintf(err, errlen, "%s: expected at least one access, got none", name);
    return -1;
  }
  return 0;
}

int trace_load(trace_t *t, const char *path, uint32_t mode, char *err, size_t errlen) {
  memset(t, 0, sizeof *t);
  char *buf;
  size_t len;
  if (textfile_read(path, &buf, &len, err, errlen)) return -1;
  int rc = trace_parse_text(t, buf, len, path, mode, err, errlen);
  free(buf);
  return rc;
}

void trace_free(trace_t *t) {
  free(t->rec);
  memset(t, 0, sizeof *t);
}
