/*
** fst_date.c -- blank the date in an FST header (fst_date.h).
*/
#include "fst_date.h"

#include <stdio.h>
#include <string.h>

/* fstapi.c's header block: the block type (1 byte), its length (8), eight 8-byte
** counts, the timescale (1) and the 128-byte writer version at offset 74 (it starts
** "fstWriter"), then the 119-byte date at offset 202. */
enum { FST_VERSION_OFF = 74, FST_DATE_OFF = 202, FST_DATE_LEN = 119 };

int fst_strip_date(const char *path) {
  unsigned char head[FST_DATE_OFF + FST_DATE_LEN];
  char blank[FST_DATE_LEN] = "mmulab: no date, so that a run's waveform is reproducible";
  int r = -1;
  FILE *f = fopen(path, "r+b");

  if (!f) return -1;
  if (fread(head, 1, sizeof head, f) == sizeof head && head[0] == 0 &&
      memcmp(head + FST_VERSION_OFF, "fstWriter", 9) == 0 && fseek(f, FST_DATE_OFF, SEEK_SET) == 0 &&
      fwrite(blank, 1, sizeof blank, f) == sizeof blank)
    r = 0;
  if (fclose(f) != 0) r = -1;
  return r;
}
