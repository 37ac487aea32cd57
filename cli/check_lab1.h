/*
** check_lab1.h -- lab 1, translation by hand: grade an answers file
** (`N pa 0x...` or `N fault CAUSE` per access N) against a scenario run
** on the C model.  Also `mmulab translate --check ANSWERS SCENARIO`.
*/
#ifndef MMULAB_CHECK_LAB1_H
#define MMULAB_CHECK_LAB1_H

#include <stddef.h>
#include "check.h"
#include "scenario.h"

/* Grade ans against scenario s: one question per access.  Returns 0, or
** -1 with err set (the model could not run the scenario). */
int check_lab1_grade_scenario(check_score_t *sc, const check_answers_t *ans, const scenario_t *s, char *err,
                              size_t errlen);

/* `mmulab translate --check ANSWERS SCENARIO`: exit 0 all right, 1 some
** wrong, 2 bad input. */
int check_lab1_translate(const char *answers, const char *scenario);

#endif
