/*
** tlb.h -- translation lookaside buffer of the MMU model.
** Set-associative (fully associative when ways == entries), tagged by
** ASID, with global entries and 4 KiB .. 512 GiB pages.  Mirrors
** rtl/mmu_tlb.sv; docs/timing-contract.md section "TLB" is the contract.
*/
#ifndef MMULAB_TLB_H
#define MMULAB_TLB_H

#include <stdint.h>
#include "lru.h"

typedef struct {
  uint8_t valid;
  uint8_t level;   /* page size: 0 = 4 KiB, 1 = 2 MiB, 2 = 1 GiB, 3 = 512 GiB */
  uint8_t perm;    /* PTE bits 7:0 of the leaf (V R W X U G A D); G is the
                   ** walk's effective G: set if any PTE on the path had G */
  uint16_t asid;
  uint64_t vpn;    /* va >> 12, with the low 9*level bits cleared */
  uint64_t ppn;    /* leaf PTE.PPN, with the low 9*level bits cleared */
} tlb_entry_t;

typedef struct {
  uint32_t entries, ways, sets;  /* entries = ways * sets, sets a power of 2 */
  uint8_t one_set;               /* contract 4a (tlb_ram): every entry in the set of
                                 ** vpn & (sets-1), every sfence invalidates all; 0 after
                                 ** tlb_init, the caller sets it */
  tlb_entry_t *e;                /* e[set * ways + way] */
  lru_t repl;
} tlb_t;

/* entries must be a multiple of ways and entries/ways a power of two.
** Returns 0, or -1 on a bad shape or no memory.  All entries invalid. */
int tlb_init(tlb_t *t, uint32_t entries, uint32_t ways, repl_policy_t policy, uint32_t seed);
void tlb_free(tlb_t *t);

/* Set that holds an entry of `level` for `vpn`: (vpn >> 9*level) & (sets-1),
** so a lookup probes one set per page size; with one_set, vpn & (sets-1)
** whatever the level (one set per lookup). */
uint32_t tlb_set_index(const tlb_t *t, uint64_t vpn, uint32_t level);

/* Does entry e translate vpn for asid?  valid, and vpn matches above the
** entry's page size, and (G or asid equal). */
int tlb_entry_matches(const tlb_entry_t *e, uint64_t vpn, uint16_t asid);

/* Index (set*ways+way) of the entry translating vpn under asid, or -1.
** Probes levels 0,1,2,3 in that order and ways in ascending order; the
** first match wins (two matches only arise from stale entries).  Pure:
** the caller calls tlb_touch on a hit it uses. */
int tlb_lookup(const tlb_t *t, uint64_t vpn, uint16_t asid);

void tlb_touch(tlb_t *t, int idx);

/* Insert *e (valid forced to 1, vpn/ppn low bits cleared to its level) in
** the set of its level for e->vpn as given (with one_set the set of the
** request's own 4 KiB page, so pass the request's vpn unmasked): the
** lowest-numbered invalid way, else the policy's victim; the chosen way is
** touched.  Returns its index. */
int tlb_fill(tlb_t *t, const tlb_entry_t *e);

void tlb_invalidate(tlb_t *t, int idx);

/* sfence.vma.  has_va = 0: every address; has_asid = 0: every ASID and
** global entries too; has_asid = 1: only non-global entries of asid. With
** has_va, the entries whose page contains vpn.  With one_set every entry,
** whatever the operands (contract 4a); the replacement state stays. */
void tlb_sfence(tlb_t *t, int has_va, uint64_t vpn, int has_asid, uint16_t asid);

/* Invalidate all entries (flush); replacement state is reset too. */
void tlb_flush_all(tlb_t *t);

#endif
