/*
** translate_run.h -- the work of `mmulab translate` once its command line
** is read (translate.c): the scenario's sheet, then the scenario run on the
** C model (and the RTL in lockstep, scenario_run.h), each access's stages
** cut from its memory-port cycles and printed by explain.c as the worked
** answer, a blank for the quiz, or JSON; after a lockstep mismatch, the run
** again with the waveform around it, and the mismatch report.
*/
#ifndef MMULAB_TRANSLATE_RUN_H
#define MMULAB_TRANSLATE_RUN_H

#include <stddef.h>
#include <stdint.h>
#include "dut.h"
#include "scenario.h"

/* The command line of `mmulab translate` (translate.h lists the options). */
typedef struct {
  int json, quiz, random, model_only;
  uint64_t seed;
  uint32_t rtl_bug;           /* --rtl-bug: deliberate RTL bug (mmulab-bugs) */
  const char *mismatch_out;   /* --mismatch-out: PREFIX.fst / PREFIX.gtkw */
  const char *file;           /* the scenario file (NULL with --random) */
} translate_opts_t;

/* Print the sheet of s under `title` (every line after `prefix`: "# "
** after a --random scenario's own text) and its answers, running s unless
** a->quiz.  open_rtl: how to open the RTL (NULL: the model alone).
** Returns 0; 1 after a lockstep mismatch (reported on stdout); -2 with err
** set when the command line cannot be honoured (--rtl-bug without an RTL
** that has it: nothing printed); -1 with err set on an internal error. */
int translate_sheet(const scenario_t *s, const translate_opts_t *a, dut_open_fn open_rtl, const char *title,
                    const char *prefix, char *err, size_t errlen);

#endif
