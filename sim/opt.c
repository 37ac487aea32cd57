/*
** opt.c -- next-use oracle for OPT (see opt.h).  One backward pass over
** the trace links each record to the next on its page; while the run goes
** forward, each page's slot holds the next use after its last access.
*/
#include <stdlib.h>
#include "opt.h"
#include "riscv.h"

/* A page: vpn (at most 44 bits in Sv48) and pid, plus 1 so 0 means empty. */
static uint64_t page_key(uint32_t pid, uint64_t vpn) { return ((uint64_t)pid << 52 | vpn) + 1u; }

static uint32_t slot_of(const opt_t *o, uint64_t key) {
  uint64_t h = key * UINT64_C(0x9e3779b97f4a7c15);
  uint32_t s = (uint32_t)(h >> 32) & o->mask;
  while (o->key[s] && o->key[s] != key) s = (s + 1u) & o->mask;   /* linear probing */
  return s;
}

/* Keys hold the page number in units of the OS's page (va >> shift). */
static uint64_t rec_key(const opt_t *o, const trace_rec_t *r) { return page_key(r->pid, r->va >> o->shift); }

int opt_init(opt_t *o, const trace_t *t) { return opt_init_pages(o, t, RV_PAGE_SHIFT); }

int opt_init_pages(opt_t *o, const trace_t *t, uint32_t page_shift) {
  uint64_t size = 16;
  while (size < 2u * (uint64_t)t->n) size *= 2;
  o->t = t;
  o->shift = page_shift;
  o->mask = (uint32_t)(size - 1u);
  o->next = malloc((size_t)t->n * sizeof *o->next + 1u);
  o->key = calloc((size_t)size, sizeof *o->key);
  o->use = malloc((size_t)size * sizeof *o->use);
  if (!o->next || !o->key || !o->use) {
    opt_free(o);
    return -1;
  }
  for (uint32_t i = t->n; i-- > 0;) {          /* backwards: use[] holds the later record */
    uint64_t k = rec_key(o, &t->rec[i]);
    uint32_t s = slot_of(o, k);
    o->next[i] = o->key[s] ? (uint32_t)o->use[s] : UINT32_MAX;
    o->key[s] = k;
    o->use[s] = i;
  }
  for (uint64_t s = 0; s < size; s++) o->use[s] = OS_NEVER;   /* nothing has run yet */
  return 0;
}

void opt_done(opt_t *o, uint32_t i) {
  if (i >= o->t->n) return;
  uint32_t s = slot_of(o, rec_key(o, &o->t->rec[i]));
  o->use[s] = o->next[i] == UINT32_MAX ? OS_NEVER : o->next[i];
}

uint64_t opt_next_use(void *ctx, uint32_t pid, uint64_t vpn) {
  const opt_t *o = ctx;
  uint32_t s = slot_of(o, page_key(pid, vpn >> (o->shift - RV_PAGE_SHIFT)));
  return o->key[s] ? o->use[s] : OS_NEVER;
}

void opt_free(opt_t *o) {
  free(o->next);
  free(o->key);
  free(o->use);
  o->next = NULL;
  o->key = NULL;
  o->use = NULL;
}
