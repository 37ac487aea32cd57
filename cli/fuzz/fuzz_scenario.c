/*
** fuzz_scenario.c -- libFuzzer target: any bytes through the translate
** mode's scenario parser: a scenario or an error message, never a crash
** or a leak.  Run by `make fuzz`.
*/
#include <stddef.h>
#include <stdint.h>
#include "scenario.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  scenario_t s;
  char err[512];
  scenario_parse_text(&s, (const char *)data, size, "fuzz", err, sizeof err);
  scenario_free(&s);
  return 0;
}
