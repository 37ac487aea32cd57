/*
** textfile.c -- whole-file reads for the parsers (see textfile.h).
** The buffer doubles as it fills, so a file of any size costs O(n).
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "textfile.h"

int textfile_read(const char *path, char **out, size_t *outlen, char *err, size_t errlen) {
  *out = NULL;
  *outlen = 0;
  FILE *fp = fopen(path, "rb");
  if (!fp) {
    snprintf(err, errlen, "cannot open '%s': %s", path, strerror(errno));
    return -1;
  }
  char *buf = NULL;
  size_t len = 0, cap = 0;
  for (;;) {
    if (len == cap) {
      size_t ncap = cap ? cap * 2u : 65536u;
      char *p = realloc(buf, ncap);
      if (!p) {
        free(buf);
        fclose(fp);
        snprintf(err, errlen, "cannot read '%s': out of memory", path);
        return -1;
      }
      buf = p;
      cap = ncap;
    }
    size_t got = fread(buf + len, 1, cap - len, fp);
    len += got;
    if (got == 0) break;
  }
  int bad = ferror(fp);
  int saved = errno;
  fclose(fp);
  if (bad) {
    free(buf);
    snprintf(err, errlen, "cannot read '%s': %s", path, strerror(saved));
    return -1;
  }
  *out = buf;
  *outlen = len;
  return 0;
}
