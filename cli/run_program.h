/*
** run_program.h -- `mmulab run [mmulab options] [-o TRACE] -- PROGRAM [ARGS...]`: record
** PROGRAM's memory accesses (as `mmulab record`) and run them through mmulab with
** the options given, in one command: a student's program, its TLB and faults.
*/
#ifndef MMULAB_RUN_PROGRAM_H
#define MMULAB_RUN_PROGRAM_H

/* mmulab's own `mmulab [options] TRACE` (main.c), argv[0] = "mmulab". */
typedef int (*run_trace_fn)(int argc, char **argv);

/* argv[0] = "run".  The trace goes to a temporary file, removed afterwards,
** unless -o OUT keeps it.  Returns record's exit code if recording failed,
** else run_trace's. */
int run_program_main(int argc, char **argv, run_trace_fn run_trace);

#endif
