/*
** textfile.c -- whole-file reads for the parsers (see textfile.h).
** Read through zlib's gz reader, which passes plain files through as they
** are, so a gzip-compressed trace or scenario needs no other path.  The
** buffer doubles as it fills, so a file of any size costs O(n).  Then what
** both parsers read the same way: lines, fields, quoted tokens.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include "textfile.h"

int textfile_read(const char *path, char **out, size_t *outlen, char *err, size_t errlen) {
  *out = NULL;
  *outlen = 0;
  errno = 0;
  gzFile gz = gzopen(path, "rb");
  if (!gz) {
    snprintf(err, errlen, "cannot open '%s': %s", path, errno ? strerror(errno) : "out of memory");
    return -1;
  }
  char *buf = NULL;
  size_t len = 0, cap = 0;
  int got;
  do {
    if (len == cap) {
      size_t ncap = cap ? cap * 2u : 65536u;
      char *p = realloc(buf, ncap);
      if (!p) {
        free(buf);
        gzclose(gz);
        snprintf(err, errlen, "cannot read '%s': out of memory", path);
        return -1;
      }
      buf = p;
      cap = ncap;
    }
    size_t room = cap - len < (1u << 30) ? cap - len : (1u << 30);
    got = gzread(gz, buf + len, (unsigned)room);
    if (got > 0) len += (size_t)got;
  } while (got > 0);
  if (got < 0) {
    int zerr;
    const char *msg = gzerror(gz, &zerr);
    snprintf(err, errlen, "cannot read '%s': %s", path, zerr == Z_ERRNO ? strerror(errno) : msg);
    free(buf);
    gzclose(gz);
    return -1;
  }
  gzclose(gz);
  *out = buf;
  *outlen = len;
  return 0;
}

int textfile_lines(const char *text, size_t len, const char *name, textfile_line_fn fn, void *ctx, char *err,
                   size_t errlen) {
  uint32_t line = 0;
  size_t pos = 0;
  while (pos < len) {
    const char *nl = memchr(text + pos, '\n', len - pos);
    size_t end = nl ? (size_t)(nl - text) : len;
    char msg[256];
    line++;
    if (fn(ctx, text + pos, end - pos, line, msg, sizeof msg)) {
      snprintf(err, errlen, "%s:%u: %s", name, line, msg);
      return -1;
    }
    pos = end + 1;
  }
  return 0;
}

static int is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

unsigned textfile_split(const char *text, size_t len, textfile_field_t *f, unsigned max) {
  unsigned n = 0;
  size_t i = 0;
  for (;;) {
    while (i < len && is_blank(text[i])) i++;
    if (i >= len || text[i] == '#') return n;
    size_t start = i;
    while (i < len && !is_blank(text[i]) && text[i] != '#') i++;
    if (n < max) {
      f[n].p = text + start;
      f[n].len = i - start;
    }
    n++;
  }
}

void textfile_quote(char *buf, size_t buflen, const textfile_field_t *f) {
  size_t shown = f->len < TEXTFILE_TOKEN_SHOWN ? f->len : TEXTFILE_TOKEN_SHOWN;
  char tmp[TEXTFILE_TOKEN_SHOWN + 1];
  for (size_t i = 0; i < shown; i++) {
    unsigned char c = (unsigned char)f->p[i];
    tmp[i] = (c >= 0x20 && c < 0x7f) ? (char)c : '?';
  }
  tmp[shown] = '\0';
  snprintf(buf, buflen, "'%s%s'", tmp, f->len > shown ? "..." : "");
}

int textfile_hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
