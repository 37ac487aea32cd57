/*
** frames.h -- the user frames: free list, owner table, and the policy
** list the replacement policy picks its victim from (LRU: recency order,
** FIFO: arrival order, CLOCK: second chance over frame indices).
*/
#ifndef MMULAB_FRAMES_H
#define MMULAB_FRAMES_H

#include <stdint.h>
#include "os.h"

/* All frames free, in index order (frame 0 is handed out first). */
void frames_init(os_t *os);

/* Physical address of frame f. */
uint64_t frames_pa(const os_t *os, uint32_t f);

/* Frame holding physical address pa, or OS_NONE outside the user frames. */
uint32_t frames_index(const os_t *os, uint64_t pa);

/* Pop a free frame, or OS_NONE when every frame is in use. */
uint32_t frames_take_free(os_t *os);

/* Frame f now holds pid's page vpn: owner set, rss counted, appended at
** the policy list's tail (a new mapping counts as the latest use);
** STUDENT: policy_student_insert.  frames_unlink calls ..._remove. */
void frames_assign(os_t *os, uint32_t f, uint32_t pid, uint64_t vpn);

/* Frame f no longer holds a page: off the policy list, owner's rss
** counted down, owner OS_NONE.  It is on no list afterwards. */
void frames_unlink(os_t *os, uint32_t f);

/* frames_unlink, then back on the free list. */
void frames_release(os_t *os, uint32_t f);

/* Every frame pid owns goes back to the free list (an OOM kill). */
void frames_release_all(os_t *os, uint32_t pid);

/* An access used frame f: LRU moves it to the tail, other policies ignore it. */
void frames_touch(os_t *os, uint32_t f);

/* The frame to evict when none is free (all frames in use).  CLOCK reads
** and clears A bits through the HAL on its way, with an sfence for each;
** OPT asks the oracle (os_set_oracle) and gives OS_NONE without one;
** STUDENT asks policy_student_victim (policy.h), OS_NONE if its answer is
** not a frame in use. */
uint32_t frames_victim(os_t *os);

#endif
