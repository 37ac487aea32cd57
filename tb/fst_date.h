/*
** fst_date.h -- a reproducible FST file.  An FST's header holds the date it
** was written; every writer here (Verilator's VerilatedFstC under mmulab and
** the driver, SystemC's harness) blanks it after closing the file, so the same
** run gives a byte-identical waveform (the determinism rule, docs/lockstep.md).
*/
#ifndef MMULAB_FST_DATE_H
#define MMULAB_FST_DATE_H

#ifdef __cplusplus
extern "C" {
#endif

/* Overwrite the date field of the closed FST file at path with a fixed text.
** A file that does not look like an FST (or cannot be opened) is left alone:
** returns 0 when the date was blanked, -1 otherwise. */
int fst_strip_date(const char *path);

#ifdef __cplusplus
}
#endif

#endif
