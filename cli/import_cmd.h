/*
** import_cmd.h -- the `mmulab import-lackey` and `mmulab record` commands:
** traces of real programs (docs/import.md).
*/
#ifndef MMULAB_IMPORT_CMD_H
#define MMULAB_IMPORT_CMD_H

/* `mmulab import-lackey [--pid N] [--mode sv39|sv48] [-o OUT] LOG`: argv[0]
** is "import-lackey".  Exit 0 done, 2 bad command line or input. */
int import_lackey_main(int argc, char **argv);

/* `mmulab record [--pid N] [--mode sv39|sv48] -o OUT -- PROGRAM ARGS...`:
** runs PROGRAM under valgrind's lackey, then imports its log to OUT.
** Exit 0 done, 2 bad command line, valgrind missing or PROGRAM failing. */
int record_main(int argc, char **argv);

#endif
