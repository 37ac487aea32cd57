/*
** lackey.c -- valgrind lackey memory traces to mmulab traces (lackey.h).
** Streams line by line through zlib's gz reader, which reads plain text
** as it is, so a gzipped log needs no separate path.
*/
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include "lackey.h"
#include "riscv.h"
#include "trace.h"

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

static int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* The offending text for a message: at most 40 characters, printable. */
static void quote(char *dst, size_t cap, const char *s, size_t len) {
  size_t n = len < 40 ? len : 40, i;
  for (i = 0; i < n && i + 4 < cap; i++) dst[i] = (s[i] >= 32 && s[i] < 127) ? s[i] : '?';
  if (len > n && i + 4 < cap) {
    memcpy(dst + i, "...", 3);
    i += 3;
  }
  dst[i] = '\0';
}

static const char LINE_FORM[] = "a lackey record 'I|L|S|M ADDR,SIZE' "
                                "(valgrind --tool=lackey --trace-mem=yes)";

int lackey_parse_line(const char *text, size_t len, lackey_rec_t *r, char *err, size_t errlen) {
  char q[48];
  while (len && (text[len - 1] == '\r' || text[len - 1] == '\n')) len--;
  size_t i = 0;
  while (i < len && is_space(text[i])) i++;
  if (i == len) return 0;                                    /* blank */
  if (len - i >= 2 && (!strncmp(text + i, "==", 2) || !strncmp(text + i, "--", 2)))
    return 0;                                                /* valgrind's own messages */
  char k = text[i];
  if ((k != 'I' && k != 'L' && k != 'S' && k != 'M') || i + 1 == len || !is_space(text[i + 1])) {
    quote(q, sizeof q, text + i, len - i);
    snprintf(err, errlen, "expected %s, got '%s'", LINE_FORM, q);
    return -1;
  }
  i++;
  while (i < len && is_space(text[i])) i++;
  size_t a = i;
  uint64_t va = 0;
  int digits = 0;
  for (; i < len && hex_digit(text[i]) >= 0; i++, digits++) {
    if (va >> 60) digits = 99;                               /* past 64 bits */
    va = va << 4 | (uint64_t)hex_digit(text[i]);
  }
  if (digits == 0 || digits > 16 || i == len || text[i] != ',') {
    size_t e = a;
    while (e < len && !is_space(text[e])) e++;
    quote(q, sizeof q, text + a, e - a);
    snprintf(err, errlen, "expected a hex address and ',' after '%c', got '%s'", k, q);
    return -1;
  }
  size_t s = ++i;
  uint64_t size = 0;
  for (; i < len && text[i] >= '0' && text[i] <= '9' && size <= LACKEY_MAX_SIZE; i++)
    size = size * 10u + (uint64_t)(text[i] - '0');
  size_t e = i;
  while (e < len && !is_space(text[e])) e++;
  if (i == s || e != i || size == 0 || size > LACKEY_MAX_SIZE) {
    quote(q, sizeof q, text + s, e - s);
    snprintf(err, errlen, "expected a size 1..%u after the address, got '%s'", LACKEY_MAX_SIZE, q);
    return -1;
  }
  while (i < len && is_space(text[i])) i++;
  if (i != len) {
    quote(q, sizeof q, text + i, len - i);
    snprintf(err, errlen, "expected end of line, got '%s'", q);
    return -1;
  }
  r->kind = k;
  r->va = va;
  r->size = (uint32_t)size;
  return 1;
}

/* ---- the streaming import ---- */

typedef struct {
  gzFile gz;            /* gz output, or NULL */
  FILE *fp;             /* plain output, or NULL */
  int failed;
} sink_t;

static void sink_printf(sink_t *k, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sink_printf(sink_t *k, const char *fmt, ...) {
  char line[128];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(line, sizeof line, fmt, ap);
  va_end(ap);
  if (n < 0 || (size_t)n >= sizeof line) {
    k->failed = 1;
    return;
  }
  if (k->gz) {
    if (gzwrite(k->gz, line, (unsigned)n) != n) k->failed = 1;
  } else if (fwrite(line, 1, (size_t)n, k->fp) != (size_t)n) k->failed = 1;
}

static int ends_with(const char *s, const char *tail) {
  size_t a = strlen(s), b = strlen(tail);
  return a >= b && !strcmp(s + a - b, tail);
}

/* Write the trace lines of one op of record r. */
static void emit(sink_t *k, char op, const lackey_rec_t *r, uint8_t pid, lackey_stats_t *st) {
  trace_piece_t p[4];        /* a part within one 8-byte word splits into at most 4 */
  uint64_t va = r->va;
  uint32_t left = r->size;
  while (left) {              /* word by word: a bounded buffer for any size */
    uint32_t room = 8u - (uint32_t)(va & 7u);
    uint32_t chunk = left < room ? left : room;
    uint32_t n = trace_split(va, chunk, p, 4);
    for (uint32_t i = 0; i < n && i < 4; i++)
      sink_printf(k, "%c 0x%" PRIx64 " %u %u\n", op, p[i].va, p[i].size, pid);
    st->accesses += n;
    va += chunk;
    left -= chunk;
  }
}

int lackey_import(const char *in_path, const char *out_path, const lackey_opts_t *o, lackey_stats_t *st,
                  char *err, size_t errlen) {
  memset(st, 0, sizeof *st);
  const char *in_name = strcmp(in_path, "-") ? in_path : "<stdin>";
  gzFile in = strcmp(in_path, "-") ? gzopen(in_path, "rb") : gzdopen(dup(0), "rb");
  if (!in) {
    snprintf(err, errlen, "cannot open '%s': %s", in_name, errno ? strerror(errno) : "out of memory");
    return -1;
  }
  sink_t k = { NULL, NULL, 0 };
  int to_stdout = !strcmp(out_path, "-");
  if (to_stdout) k.fp = stdout;
  else if (ends_with(out_path, ".gz")) k.gz = gzopen(out_path, "wb6");
  else k.fp = fopen(out_path, "w");
  if (!k.gz && !k.fp) {
    snprintf(err, errlen, "cannot write '%s': %s", out_path, strerror(errno));
    gzclose(in);
    return -1;
  }
  unsigned vab = o->mode == SATP_MODE_SV48 ? 48u : 39u;
  uint64_t user_top = UINT64_C(1) << (vab - 1u);     /* user half: bit vab-1 clear */
  char line[LACKEY_MAX_LINE + 2], why[256];
  int rc = 0;
  while (gzgets(in, line, (int)sizeof line)) {
    st->lines++;
    size_t len = strlen(line);
    if (len > LACKEY_MAX_LINE || (len == sizeof line - 1 && line[len - 1] != '\n')) {
      snprintf(err, errlen, "%s:%" PRIu64 ": expected a line of at most %u characters, got a longer one",
               in_name, st->lines, LACKEY_MAX_LINE);
      rc = -1;
      break;
    }
    lackey_rec_t r;
    int got = lackey_parse_line(line, len, &r, why, sizeof why);
    if (got < 0) {
      snprintf(err, errlen, "%s:%" PRIu64 ": %s", in_name, st->lines, why);
      rc = -1;
      break;
    }
    if (!got) continue;
    if (r.va >= user_top || r.size > user_top - r.va) {
      snprintf(err, errlen,
               "%s:%" PRIu64 ": expected a user address below 0x%" PRIx64
               " for Sv%u (--mode sv48 allows more), got 0x%" PRIx64 ",%u",
               in_name, st->lines, user_top, vab, r.va, r.size);
      rc = -1;
      break;
    }
    st->records++;
    if (trace_split(r.va, r.size, NULL, 0) > 1) st->split++;
    switch (r.kind) {
      case 'I': emit(&k, 'X', &r, o->pid, st); break;
      case 'L': emit(&k, 'R', &r, o->pid, st); break;
      case 'S': emit(&k, 'W', &r, o->pid, st); break;
      default:
        emit(&k, 'R', &r, o->pid, st);
        emit(&k, 'W', &r, o->pid, st);
        break;   /* M */
    }
    if (k.failed) break;
  }
  int gzerr = 0;
  const char *gzmsg = gzerror(in, &gzerr);
  if (!rc && gzerr != Z_OK && gzerr != Z_STREAM_END) {
    snprintf(err, errlen, "cannot read '%s': %s", in_name, gzerr == Z_ERRNO ? strerror(errno) : gzmsg);
    rc = -1;
  }
  if (!rc && !st->records) {
    snprintf(err, errlen,
             "%s: expected at least one lackey record (valgrind --tool=lackey "
             "--trace-mem=yes), got none",
             in_name);
    rc = -1;
  }
  if (!rc && !k.failed)
    sink_printf(&k, "# %" PRIu64 " lackey records of %s (%" PRIu64 " split), %" PRIu64 " accesses, pid %u\n",
                st->records, o->source ? o->source : in_name, st->split, st->accesses, o->pid);
  gzclose(in);
  if (k.gz && gzclose(k.gz) != Z_OK) k.failed = 1;
  if (k.fp && !to_stdout && fclose(k.fp)) k.failed = 1;
  if (to_stdout && fflush(stdout)) k.failed = 1;
  if (!rc && k.failed) {
    snprintf(err, errlen, "cannot write '%s'", out_path);
    rc = -1;
  }
  if (rc && !to_stdout) remove(out_path);
  return rc;
}
