/*
** check.h -- `mmulab check LAB FILE [--seed N]`: the course labs' graders
** (labs/README.md).  One table of labs; each lab prints a variant's sheet
** from a seed and grades an answers file against the key it computes.
** Exit 0 every question right, 1 some wrong, 2 bad command line or file.
*/
#ifndef MMULAB_CHECK_H
#define MMULAB_CHECK_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define CHECK_MAX_ANSWERS 128u
#define CHECK_KEY_LEN     16u
#define CHECK_VAL_LEN     96u

/* One `KEY VALUE...` line of an answers file. */
typedef struct {
  char key[CHECK_KEY_LEN];
  char val[CHECK_VAL_LEN];   /* the rest of the line, blanks squeezed */
  uint32_t line;
} check_answer_t;

typedef struct {
  check_answer_t a[CHECK_MAX_ANSWERS];
  uint32_t n;
  const char *file;
} check_answers_t;

/* The running score of one grading. */
typedef struct {
  FILE *out;
  uint32_t right, total;
} check_score_t;

/* What one lab does: `sheet` prints variant `seed` (questions, blank
** answers) on f; `grade` grades answers `ans` for variant `seed`, one
** check_question call per question.  Both return 0, or -1 with err set
** (an error of the lab itself, exit 3). */
typedef struct {
  const char *id;       /* "1" .. */
  const char *title;
  int (*sheet)(FILE *f, uint64_t seed, char *err, size_t errlen);
  int (*grade)(check_score_t *s, const check_answers_t *ans, uint64_t seed, char *err, size_t errlen);
} check_lab_t;

/* Read an answers file: `#` to the end of a line is a comment, blank
** lines are skipped, every other line is `KEY VALUE...`; a key twice is
** an error.  Returns 0, or -1 with err = "FILE:LINE: expected ..., got ...". */
int check_answers_load(check_answers_t *a, const char *path, char *err, size_t errlen);

/* The answer for key, or NULL when the file has none. */
const check_answer_t *check_answer(const check_answers_t *a, const char *key);

/* Grade one question: prints "KEY  ok" or "KEY  WRONG ... hint: ..." (or
** "missing") and counts it.  got is the student's text (NULL: missing),
** ok whether it is right; hint is shown only when it is wrong. */
void check_question(check_score_t *s, const char *key, const char *label, const check_answer_t *got, int ok,
                    const char *hint);

/* A number as answers write it: 0x hex or decimal.  0, or -1. */
int check_number(const char *s, uint64_t *v);

/* A decimal with an optional fraction ("17", "17.5"), in hundredths.  0, or -1. */
int check_centi(const char *s, uint64_t *v);

/* The labs, in order (cli/check_lab*.c). */
extern const check_lab_t check_lab1, check_lab1h, check_lab2, check_lab3;

int check_main(int argc, char **argv);

#endif
