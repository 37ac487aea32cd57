/*
** textfile.h -- read a whole input file into memory, with the error a
** user should see ("cannot open 'x': No such file or directory").
** Used by the trace and scenario parsers, which then parse the buffer.
** A gzip-compressed file is decompressed on the way in.
*/
#ifndef MMULAB_TEXTFILE_H
#define MMULAB_TEXTFILE_H

#include <stddef.h>

/* *buf gets a malloc'd copy of the file (not NUL-terminated), *len its
** size.  Returns 0, or -1 with err set and *buf NULL. */
int textfile_read(const char *path, char **buf, size_t *len, char *err, size_t errlen);

#endif
