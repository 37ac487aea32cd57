/*
** explain.h -- the translate mode's printing: a scenario as a worksheet,
** and one access as a student works it out by hand (VPN split, one line
** per PTE, A/D write-back, result, cycles), as text or as a JSON line.
*/
#ifndef MMULAB_EXPLAIN_H
#define MMULAB_EXPLAIN_H

#include <stdint.h>
#include <stdio.h>
#include "mmu.h"
#include "walk.h"
#include "scenario.h"

/* Text output that can put a prefix ("# ") before every line, so a whole
** answer sheet can follow a generated scenario and still parse as one. */
typedef struct {
  FILE *f;
  const char *prefix;
  int bol;             /* at the beginning of a line */
} explain_out_t;

void explain_out_init(explain_out_t *o, FILE *f, const char *prefix);
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
void explain_printf(explain_out_t *o, const char *fmt, ...);

/* PTE bits 7:0 as "VRWXUGAD", a '-' for each clear bit; buf >= 9 bytes. */
void explain_flags(uint64_t pte, char *buf);
/* "load page fault" etc. for a cause (1 5 7 12 13 15), "none" for 0. */
const char *explain_cause_name(uint32_t cause);
/* "R", "W" or "X" for an access type. */
const char *explain_op_name(uint32_t op);
/* satp in words: "Sv39, ASID 1, root table at 0x80001000", or why a write is ignored. */
void explain_satp_text(char *buf, size_t len, uint64_t satp);
/* "4 KiB", "2 MiB", "1 GiB", "512 GiB" for a page level 0..3. */
const char *explain_page_size(uint32_t level);

/* One stage of a request (docs/timing-contract.md section 2). */
/* EXPLAIN_ADR: the A/D re-read and compare before EXPLAIN_AD's write (contract 3a). */
typedef enum { EXPLAIN_LOOKUP = 0, EXPLAIN_PTE, EXPLAIN_AD, EXPLAIN_DATA, EXPLAIN_ADR } explain_stage_kind_t;

typedef struct {
  explain_stage_kind_t kind;
  uint32_t level;       /* EXPLAIN_PTE: the PTE's level */
  uint64_t len;         /* cycles */
  int cache;            /* 0..3 = L1, L2, L3, DRAM; -1 = no memory access
                        ** (LOOKUP, or outside physical memory) */
} explain_stage_t;

#define EXPLAIN_MAX_STAGES 8u   /* LOOKUP + 4 PTE + ADR + AD + DATA */

/* Everything observed about one access.  translate.c fills the fields up
** to `stage` while it drives the model; explain_analyse the rest. */
typedef struct {
  const scn_item_t *it;       /* the access line: op, va, value, settings */
  ptw_req_t req;              /* as the MMU latched it (mode from satp) */
  uint64_t satp;              /* satp at accept */
  mmu_out_t resp;             /* outputs of the response cycle */
  uint64_t cycles;            /* accept edge .. response edge */
  explain_stage_t stage[EXPLAIN_MAX_STAGES];
  uint32_t nstages;
  int tlb_idx;                /* entry used by a hit, -1 on a miss */
  tlb_entry_t entry;          /* its contents */
  int rewalk;                 /* a store hit a clean entry under Svadu: dropped, walked */
  int rewalk_idx;             /* its index */
  tlb_entry_t rewalk_entry;   /* that entry, before it was dropped */
  mmu_walk_step_t step[4];    /* the MMU's walk (m->walk_log) */
  uint32_t nsteps;
  /* filled by explain_analyse: */
  ptw_why_t why;              /* the rule behind a fault, PTW_OK if none */
  int ad_write;               /* the walk wrote A/D back: new value ad_value */
  uint64_t ad_value;
  int has_leaf;               /* a leaf PTE decided (walk, or memory walk on a hit) */
  uint64_t leaf_addr;
  uint32_t leaf_level;
  uint64_t pte_after;         /* the leaf PTE in memory after the access */
  mmu_walk_t mem;         /* TLB hit: the walk of memory as it is now */
  int stale;                  /* the hit's entry disagrees with memory */
} explain_access_t;

/* Derive why, A/D write, leaf, pte_after and (on a TLB hit) the memory
** walk and the stale verdict, from the observed fields and m's memory
** right after the access. */
void explain_analyse(const mmu_t *m, explain_access_t *a);

/* The worksheet: settings, the memory image before the first access as a
** table, then the numbered accesses with the lines between them. */
void explain_sheet(explain_out_t *o, const scenario_t *s, const char *title);
/* The blank answer lines of one access (--quiz). */
void explain_blank(explain_out_t *o, const scn_item_t *it);
/* The worked answer of one access. */
void explain_text(explain_out_t *o, const explain_access_t *a);
/* One JSON object on one line: op, va, cause, tval, pa, pte_after,
** tlb_hit, cycles, steps, stale ... (docs/translate.md lists the keys). */
void explain_json(FILE *f, const explain_access_t *a);

#endif
