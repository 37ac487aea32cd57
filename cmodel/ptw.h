/*
** ptw.h -- the page-table walk's decisions, as pure functions.
** The cycle-by-cycle walk (which stage runs when) is in mmu.c; these are
** the steps of the RISC-V privileged spec's "Virtual Address Translation
** Process" (steps 2-8), shared by the walk, the TLB-hit path and the
** translate mode's explanations, so a cause is computed in one place.
*/
#ifndef MMULAB_PTW_H
#define MMULAB_PTW_H

#include <stdint.h>
#include "mmu_port.h"

/* What the walker knows of the access. */
typedef struct {
  uint64_t va;
  uint32_t op;      /* MMU_OP_R / W / X */
  uint32_t priv;    /* MMU_PRIV_U / S */
  uint32_t sum, mxr;
  uint32_t adue;    /* 1: Svadu, hardware sets A/D; 0: Svade, fault */
  uint32_t mode;    /* SATP_MODE_SV39 / SV48 */
} ptw_req_t;

typedef enum {
  PTW_NEXT = 0,     /* pointer: walk the next level at next_addr */
  PTW_LEAF,         /* leaf, access allowed, no A/D change needed */
  PTW_LEAF_AD,      /* leaf, allowed, Svadu: write new_pte first */
  PTW_FAULT         /* page fault, `why` says which rule */
} ptw_action_t;

/* Which rule decided, for reports; PTW_OK when none failed. */
typedef enum {
  PTW_OK = 0,
  PTW_WHY_NONCANONICAL,     /* va bits above the mode's width not a sign extension */
  PTW_WHY_INVALID,          /* V = 0 */
  PTW_WHY_W_NO_R,           /* W without R is reserved */
  PTW_WHY_RESERVED_BITS,    /* bits 63:54 set */
  PTW_WHY_NONLEAF_ADU,      /* non-leaf PTE with A, D or U set (reserved) */
  PTW_WHY_NO_LEAF,          /* pointer at level 0 */
  PTW_WHY_U_FROM_S,         /* U page from S mode without SUM, or any S fetch */
  PTW_WHY_S_FROM_U,         /* supervisor page from U mode */
  PTW_WHY_NO_PERM,          /* R/W/X bit missing for the access (after MXR) */
  PTW_WHY_MISALIGNED,       /* superpage PPN low bits not zero */
  PTW_WHY_A_CLEAR,          /* Svade: A = 0 */
  PTW_WHY_D_CLEAR,          /* Svade: store and D = 0 */
  PTW_WHY_ACCESS            /* PTE or data address outside physical memory */
} ptw_why_t;

typedef struct {
  ptw_action_t action;
  ptw_why_t why;
  uint64_t next_addr;  /* PTW_NEXT: physical address of the next PTE */
  uint64_t new_pte;    /* PTW_LEAF_AD: PTE with A (and D for a store) set */
} ptw_decision_t;

/* Page-fault cause for an access type: 12 X, 13 R, 15 W. */
uint32_t ptw_page_fault_cause(uint32_t op);
/* Access-fault cause for an access type: 1 X, 5 R, 7 W. */
uint32_t ptw_access_fault_cause(uint32_t op);

/* Is va canonical for mode (bits 63..va_bits-1 all equal)?  Bare: always. */
int ptw_canonical(uint64_t va, uint32_t mode);

/* VPN field `level` of va (9 bits). */
uint32_t ptw_vpn(uint64_t va, uint32_t level);

/* Physical address of the PTE for va at `level` in the table at page `ppn`. */
uint64_t ptw_pte_addr(uint64_t table_ppn, uint64_t va, uint32_t level);

/* Permission check of a leaf (steps 5, 7 of the spec, without the
** misalignment of step 6): U/S with SUM, R/W/X with MXR, then A/D under
** Svade.  Used on the TLB-hit path with the entry's bits, and by
** ptw_decide.  Returns PTW_OK or the failing rule. */
ptw_why_t ptw_leaf_check(uint64_t pte, const ptw_req_t *r);

/* Decide what the PTE read at `level` means for request r (steps 3-7). */
ptw_decision_t ptw_decide(uint64_t pte, uint32_t level, const ptw_req_t *r);

/* Physical address of va through a leaf of `level` with PPN ppn. */
uint64_t ptw_leaf_pa(uint64_t ppn, uint32_t level, uint64_t va);

/* Short English text of a rule, e.g. "W without R is reserved". */
const char *ptw_why_text(ptw_why_t why);

#endif
