/*
** tlb.c -- set-associative, ASID-tagged TLB with 4 KiB .. 512 GiB pages.
** Implements tlb.h; docs/timing-contract.md sections 4 and 5 are the rules.
*/
#include <stdlib.h>
#include "riscv.h"
#include "tlb.h"

#define TLB_LEVELS 4u   /* 4 KiB, 2 MiB, 1 GiB, 512 GiB */

static uint64_t level_mask(uint32_t level) {   /* the VPN/PPN bits inside a page */
  return (UINT64_C(1) << (9u * level)) - 1u;
}

int tlb_init(tlb_t *t, uint32_t entries, uint32_t ways, repl_policy_t policy, uint32_t seed) {
  uint32_t sets;
  t->e = NULL;
  t->entries = entries;
  t->ways = ways;
  t->sets = 0;
  t->one_set = 0;
  t->repl.age = NULL;
  t->repl.tree = NULL;
  if (entries == 0 || ways == 0 || entries % ways) return -1;
  sets = entries / ways;
  if (sets & (sets - 1u)) return -1;
  t->sets = sets;
  if (lru_init(&t->repl, policy, sets, ways, seed)) return -1;
  t->e = calloc(entries, sizeof *t->e);
  if (!t->e) {
    lru_free(&t->repl);
    return -1;
  }
  return 0;
}

void tlb_free(tlb_t *t) {
  free(t->e);
  t->e = NULL;
  lru_free(&t->repl);
}

uint32_t tlb_set_index(const tlb_t *t, uint64_t vpn, uint32_t level) {
  if (level >= TLB_LEVELS) return 0;
  if (t->one_set) return (uint32_t)(vpn & (t->sets - 1u));
  return (uint32_t)((vpn >> (9u * level)) & (t->sets - 1u));
}

int tlb_entry_matches(const tlb_entry_t *e, uint64_t vpn, uint16_t asid) {
  uint32_t sh;
  if (!e->valid || e->level >= TLB_LEVELS) return 0;
  sh = 9u * e->level;
  if ((e->vpn >> sh) != (vpn >> sh)) return 0;
  return (e->perm & PTE_G) || e->asid == asid;
}

int tlb_lookup(const tlb_t *t, uint64_t vpn, uint16_t asid) {
  uint32_t level, way;
  for (level = 0; level < TLB_LEVELS; level++) {
    uint32_t base = tlb_set_index(t, vpn, level) * t->ways;
    for (way = 0; way < t->ways; way++) {
      const tlb_entry_t *e = &t->e[base + way];
      /* probe k sees only level-k entries, so a smaller page always wins,
      ** also when sets == 1 and all sizes share the set */
      if (e->level == level && tlb_entry_matches(e, vpn, asid)) return (int)(base + way);
    }
  }
  return -1;
}

void tlb_touch(tlb_t *t, int idx) {
  if (idx < 0 || (uint32_t)idx >= t->entries) return;
  lru_touch(&t->repl, (uint32_t)idx / t->ways, (uint32_t)idx % t->ways);
}

int tlb_fill(tlb_t *t, const tlb_entry_t *e) {
  tlb_entry_t n = *e;
  uint32_t set, way, base;
  if (n.level >= TLB_LEVELS) return -1;
  n.valid = 1;
  set = tlb_set_index(t, n.vpn, n.level);   /* before masking: one_set needs the low bits */
  n.vpn &= ~level_mask(n.level);
  n.ppn &= ~level_mask(n.level);
  base = set * t->ways;
  for (way = 0; way < t->ways; way++)
    if (!t->e[base + way].valid) break;
  if (way == t->ways) way = lru_victim(&t->repl, set);
  t->e[base + way] = n;
  lru_touch(&t->repl, set, way);
  return (int)(base + way);
}

void tlb_invalidate(tlb_t *t, int idx) {
  if (idx < 0 || (uint32_t)idx >= t->entries) return;
  t->e[idx].valid = 0;
}

void tlb_sfence(tlb_t *t, int has_va, uint64_t vpn, int has_asid, uint16_t asid) {
  uint32_t i;
  for (i = 0; i < t->entries; i++) {
    tlb_entry_t *e = &t->e[i];
    if (!e->valid) continue;
    if (t->one_set) {   /* contract 4a: the rows are not read, every entry goes */
      e->valid = 0;
      continue;
    }
    if (has_asid && ((e->perm & PTE_G) || e->asid != asid)) continue;   /* globals survive */
    if (has_va) {
      uint32_t sh = e->level < TLB_LEVELS ? 9u * e->level : 0u;
      if ((e->vpn >> sh) != (vpn >> sh)) continue;
    }
    e->valid = 0;
  }
}

void tlb_flush_all(tlb_t *t) {
  uint32_t i;
  for (i = 0; i < t->entries; i++) t->e[i].valid = 0;
  lru_reset(&t->repl);
}
