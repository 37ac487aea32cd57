/*
** fuzz_trace.c -- libFuzzer target: any bytes through the trace parser.
** It must answer with a trace or an error message, never crash or leak;
** the first byte picks the mode (Sv39 or Sv48).  Run by `make fuzz`.
*/
#include <stddef.h>
#include <stdint.h>
#include "riscv.h"
#include "trace.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  trace_t t;
  char err[512];
  if (size == 0) return 0;
  uint32_t mode = (data[0] & 1u) ? SATP_MODE_SV48 : SATP_MODE_SV39;
  if (trace_parse_text(&t, (const char *)data + 1, size - 1, "fuzz", mode, err, sizeof err) == 0)
    trace_free(&t);
  return 0;
}
