/*
** translate.h -- `mmulab translate`: run a scenario (a hand-made page
** table, satp and accesses) through the C model, and the RTL in lockstep
** when open_rtl is given, and print each access worked out by hand, as a
** quiz, or as JSON lines.  docs/translate.md.
*/
#ifndef MMULAB_TRANSLATE_H
#define MMULAB_TRANSLATE_H

#include "dut.h"

/* argv[0] is "translate"; the rest is
**   [--json] [--quiz] [--random SEED] [--model-only] [SCENARIO]
** Returns the exit status: 0 done, 1 lockstep mismatch, 2 bad command line
** or scenario (one message on stderr, nothing on stdout), 3 internal error.
** open_rtl: how to open the RTL (NULL: the model alone). */
int translate_main(int argc, char **argv, dut_open_fn open_rtl);

#endif
