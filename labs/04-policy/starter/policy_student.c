/*
** policy_student.c -- the default policy of the hook (policy.h), so that
** --policy student runs without the lab: round robin over the frames, a
** hand that takes the next frame in use (FIFO while nothing is freed).
** Lab 4 (labs/04-policy/README.md) replaces this file in its own build.
*/
#include "policy.h"

#define HAND 0u                   /* os->pol.word[HAND]: the next frame to look at */

void policy_student_init(os_t *os) { os->pol.word[HAND] = 0; }

void policy_student_insert(os_t *os, uint32_t f) {
  (void)os;                       /* round robin keeps no per-page state */
  (void)f;
}

void policy_student_remove(os_t *os, uint32_t f) {
  (void)os;
  (void)f;
}

/* The OS calls this only when every frame is in use, so the first frame
** the hand reaches is the victim; the loop is bounded all the same. */
uint32_t policy_student_victim(os_t *os) {
  uint32_t n = policy_frames(os);

  for (uint32_t step = 0; step < n; step++) {
    uint32_t f = os->pol.word[HAND] % n;

    os->pol.word[HAND] = f + 1u;
    if (policy_in_use(os, f)) return f;
  }
  return OS_NONE;
}
