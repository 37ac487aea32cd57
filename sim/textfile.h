/*
** textfile.h -- read a whole input file into memory, with the error a
** user should see ("cannot open 'x': No such file or directory").
** Used by the trace and scenario parsers, which then parse the buffer
** line by line (textfile_lines numbers the lines and words the errors).
** A gzip-compressed file is decompressed on the way in.
*/
#ifndef MMULAB_TEXTFILE_H
#define MMULAB_TEXTFILE_H

#include <stddef.h>
#include <stdint.h>

/* *buf gets a malloc'd copy of the file (not NUL-terminated), *len its
** size.  Returns 0, or -1 with err set and *buf NULL. */
int textfile_read(const char *path, char **buf, size_t *len, char *err, size_t errlen);

/* One line for textfile_lines: its text without the '\n' (len bytes, not
** NUL-terminated) and its 1-based number.  Returns 0 to go on, or -1 with
** msg (msglen bytes) saying what is wrong with the line. */
typedef int (*textfile_line_fn)(void *ctx, const char *line, size_t len, uint32_t lineno, char *msg,
                                size_t msglen);

/* Hand each line of text[0..len) to fn, in order; the last may lack its
** '\n', and a final '\n' ends the text (no empty line after it).
** Returns 0, or -1 at the first line fn refuses, with err = "NAME:LINE: MSG"
** (NAME = name, the file as the user wrote it). */
int textfile_lines(const char *text, size_t len, const char *name, textfile_line_fn fn, void *ctx, char *err,
                   size_t errlen);

/* ---- the fields of a line, the same in both formats ---- */

#define TEXTFILE_TOKEN_SHOWN 32u   /* longest token quoted in full in a message */

/* A field of a line: len bytes at p, inside the text (not NUL-terminated). */
typedef struct {
  const char *p;
  size_t len;
} textfile_field_t;

/* Split a line (up to its '#') into fields at blanks (space, \t, \r, \v,
** \f), storing at most max; returns how many there are, which may exceed
** max (the rest are not stored). */
unsigned textfile_split(const char *text, size_t len, textfile_field_t *f, unsigned max);

/* f quoted for a message, "'TOKEN'": at most TEXTFILE_TOKEN_SHOWN bytes
** (then "..."), unprintable bytes shown as '?', so a binary file gives a
** readable message.  A buffer of TEXTFILE_TOKEN_SHOWN + 8 holds it. */
void textfile_quote(char *buf, size_t buflen, const textfile_field_t *f);

/* The value of hex digit c (0-9, a-f, A-F), or -1. */
int textfile_hex_digit(char c);

#endif
