/*
** fuzz_lackey.c -- libFuzzer target: any bytes as one lackey log line.
** The parser must answer record, skip or error, never crash; a record's
** pieces must tile it exactly, each 1/2/4/8 bytes, aligned, inside one
** 8-byte word (the split rule of docs/import.md).  Run by `make fuzz`.
*/
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include "lackey.h"
#include "trace.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  lackey_rec_t r;
  char err[256];
  if (lackey_parse_line((const char *)data, size, &r, err, sizeof err) != 1) return 0;
  trace_piece_t p[LACKEY_MAX_SIZE];
  uint32_t n = trace_split(r.va, r.size, p, LACKEY_MAX_SIZE);
  uint64_t at = r.va;
  for (uint32_t i = 0; i < n; i++) {
    uint8_t s = p[i].size;
    if (p[i].va != at || (s != 1 && s != 2 && s != 4 && s != 8) || (p[i].va & (s - 1u)) ||
        ((p[i].va ^ (p[i].va + s - 1u)) & ~UINT64_C(7)))
      abort();
    at += s;
  }
  if (at - r.va != r.size) abort();
  return 0;
}
