/*
** policy_student.c -- lab 4's reference solution: the aging policy of the
** handout (labs/04-policy/README.md), through the hook of firmware/policy.h.
** An 8-bit counter per frame in os->pol.frame[]; each victim choice is a tick.
*/
#include "policy.h"

#define AGE_TOP 0x80u             /* the bit a tick shifts the A bit into */

void policy_student_init(os_t *os) { (void)os; /* os->pol starts all zero: every counter 0 */ }

/* A page just loaded starts at 0; its own access sets A, so the next tick
** gives it AGE_TOP and it is not the first to go. */
void policy_student_insert(os_t *os, uint32_t f) { os->pol.frame[f] = 0; }

void policy_student_remove(os_t *os, uint32_t f) { os->pol.frame[f] = 0; }

/* The tick: every counter shifts right and takes its page's A bit as its
** top bit, A is cleared; the smallest counter is the victim, the lowest
** frame on a tie (the strict < keeps the first). */
uint32_t policy_student_victim(os_t *os) {
  uint32_t n = policy_frames(os), best = OS_NONE, best_age = 0;

  for (uint32_t f = 0; f < n; f++) {
    uint32_t age;

    if (!policy_in_use(os, f)) continue;
    age = os->pol.frame[f] >> 1 | (policy_take_accessed(os, f) ? AGE_TOP : 0u);
    os->pol.frame[f] = age;
    if (best == OS_NONE || age < best_age) {
      best = f;
      best_age = age;
    }
  }
  return best;
}
