/*
** translate.h -- `mmulab translate`: run a scenario (a hand-made page
** table, satp and accesses) through the C model and print each access
** worked out by hand, as a quiz, or as JSON lines.  docs/translate.md.
*/
#ifndef MMULAB_TRANSLATE_H
#define MMULAB_TRANSLATE_H

/* argv[0] is "translate"; the rest is
**   [--json] [--quiz] [--random SEED] [SCENARIO]
** Returns the exit status: 0 done, 2 bad command line or scenario (one
** message on stderr, nothing on stdout), 3 internal error. */
int translate_main(int argc, char **argv);

#endif
