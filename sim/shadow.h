/*
** shadow.h -- shadow memory of the data check: (pid, word) -> last value
** the trace stored there.  A load must read back exactly this (or 0 for a
** word never stored), whatever paging, swap and ASIDs did in between.
*/
#ifndef MMULAB_SHADOW_H
#define MMULAB_SHADOW_H

#include <stdint.h>

typedef struct {
  uint64_t va;        /* word address: va & ~7 */
  uint64_t value;
  uint8_t used;
  uint8_t pid;
} shadow_slot_t;

typedef struct {
  shadow_slot_t *slot;  /* open addressing, linear probing; cap a power of 2 */
  uint32_t cap, n;
} shadow_t;

/* Returns 0, or -1 with no memory. */
int shadow_init(shadow_t *s);
void shadow_free(shadow_t *s);

/* Record that pid stored `value` to the word holding va.  0, or -1 with no
** memory (the map is unchanged then). */
int shadow_store(shadow_t *s, uint32_t pid, uint64_t va, uint64_t value);

/* The value pid last stored to the word holding va, 0 if none: fresh
** pages are zero-filled. */
uint64_t shadow_expected(const shadow_t *s, uint32_t pid, uint64_t va);

/* Forget every word of pid (its process was killed).  0, or -1 with no
** memory (the map is unchanged then). */
int shadow_drop_pid(shadow_t *s, uint32_t pid);

#endif
