/*
** shadow.c -- hash map (pid, word address) -> value for the data check.
** Never iterated for output, so its order cannot leak into a report.
** Dropping a pid rebuilds the table: it happens once per OOM kill.
*/
#include <stdlib.h>
#include <string.h>
#include "shadow.h"

#define SHADOW_MIN_CAP 1024u

static uint64_t mix(uint32_t pid, uint64_t va) {
  uint64_t x = (va >> 3) ^ ((uint64_t)pid << 58) ^ ((uint64_t)pid * UINT64_C(0x9e3779b97f4a7c15));
  x ^= x >> 33;                               /* murmur3 finaliser */
  x *= UINT64_C(0xff51afd7ed558ccd);
  x ^= x >> 33;
  x *= UINT64_C(0xc4ceb9fe1a85ec53);
  x ^= x >> 33;
  return x;
}

static shadow_slot_t *find(const shadow_t *s, uint32_t pid, uint64_t word) {
  uint32_t mask = s->cap - 1u;
  for (uint32_t i = (uint32_t)mix(pid, word) & mask;; i = (i + 1u) & mask) {
    shadow_slot_t *e = &s->slot[i];
    if (!e->used || (e->pid == pid && e->va == word)) return e;
  }
}

/* Move every entry (except pid `skip`, if < 256) into a table of cap slots. */
static int rebuild(shadow_t *s, uint32_t cap, uint32_t skip) {
  shadow_slot_t *old = s->slot;
  uint32_t oldcap = s->cap;
  s->slot = calloc(cap, sizeof *s->slot);
  if (!s->slot) {
    s->slot = old;
    return -1;
  }
  s->cap = cap;
  s->n = 0;
  for (uint32_t i = 0; i < oldcap; i++) {
    if (!old[i].used || old[i].pid == skip) continue;
    *find(s, old[i].pid, old[i].va) = old[i];
    s->n++;
  }
  free(old);
  return 0;
}

int shadow_init(shadow_t *s) {
  s->cap = SHADOW_MIN_CAP;
  s->n = 0;
  s->slot = calloc(s->cap, sizeof *s->slot);
  return s->slot ? 0 : -1;
}

void shadow_free(shadow_t *s) {
  free(s->slot);
  memset(s, 0, sizeof *s);
}

int shadow_store(shadow_t *s, uint32_t pid, uint64_t va, uint64_t value) {
  uint64_t word = va & ~UINT64_C(7);
  if (2u * (s->n + 1u) > s->cap && rebuild(s, s->cap * 2u, 256u)) return -1;  /* load <= 1/2 */
  shadow_slot_t *e = find(s, pid, word);
  if (!e->used) {
    e->used = 1;
    e->pid = (uint8_t)pid;
    e->va = word;
    s->n++;
  }
  e->value = value;
  return 0;
}

uint64_t shadow_expected(const shadow_t *s, uint32_t pid, uint64_t va) {
  const shadow_slot_t *e = find(s, pid, va & ~UINT64_C(7));
  return e->used ? e->value : 0;
}

int shadow_drop_pid(shadow_t *s, uint32_t pid) { return rebuild(s, s->cap, pid); }
