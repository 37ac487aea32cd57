/*
** ptw.c -- page-table walk decisions (RISC-V privileged spec, "Virtual
** Address Translation Process", steps 2-8) as pure functions.
** The order of the checks here IS the fault priority of the contract.
*/
#include "ptw.h"
#include "riscv.h"
#include "mmu_port.h"

uint32_t ptw_page_fault_cause(uint32_t op) {
  return op == MMU_OP_X   ? CAUSE_FETCH_PAGE_FAULT
         : op == MMU_OP_W ? CAUSE_STORE_PAGE_FAULT
                          : CAUSE_LOAD_PAGE_FAULT;
}

uint32_t ptw_access_fault_cause(uint32_t op) {
  return op == MMU_OP_X ? CAUSE_FETCH_ACCESS : op == MMU_OP_W ? CAUSE_STORE_ACCESS : CAUSE_LOAD_ACCESS;
}

int ptw_canonical(uint64_t va, uint32_t mode) {
  uint32_t bits = rv_va_bits(mode);
  if (rv_levels(mode) == 0) return 1;
  /* bits 63..bits-1 must all equal bit bits-1: shift them down and compare */
  uint64_t top = va >> (bits - 1);
  return top == 0 || top == (UINT64_MAX >> (bits - 1));
}

uint32_t ptw_vpn(uint64_t va, uint32_t level) {
  return (uint32_t)((va >> (RV_PAGE_SHIFT + RV_VPN_BITS * level)) & 0x1ffu);
}

uint64_t ptw_pte_addr(uint64_t table_ppn, uint64_t va, uint32_t level) {
  return (table_ppn << RV_PAGE_SHIFT) + (uint64_t)ptw_vpn(va, level) * RV_PTE_SIZE;
}

ptw_why_t ptw_leaf_check(uint64_t pte, const ptw_req_t *r) {
  /* step 5: U/S first, then the access type */
  if (r->priv == MMU_PRIV_U) {
    if (!(pte & PTE_U)) return PTW_WHY_S_FROM_U;
  } else if (pte & PTE_U) {
    /* S-mode never executes U pages; loads/stores need SUM */
    if (r->op == MMU_OP_X || !r->sum) return PTW_WHY_U_FROM_S;
  }
  int ok;
  switch (r->op) {
    case MMU_OP_X: ok = (pte & PTE_X) != 0; break;
    case MMU_OP_W: ok = (pte & PTE_W) != 0; break;
    default: ok = (pte & PTE_R) || (r->mxr && (pte & PTE_X)); break;
  }
  if (!ok) return PTW_WHY_NO_PERM;
  /* step 7 under Svade; under Svadu a clear bit is set, not faulted */
  if (!r->adue) {
    if (!(pte & PTE_A)) return PTW_WHY_A_CLEAR;
    if (r->op == MMU_OP_W && !(pte & PTE_D)) return PTW_WHY_D_CLEAR;
  }
  return PTW_OK;
}

static ptw_decision_t fault(ptw_why_t why) {
  ptw_decision_t d = { PTW_FAULT, why, 0, 0 };
  return d;
}

ptw_decision_t ptw_decide(uint64_t pte, uint32_t level, const ptw_req_t *r) {
  ptw_decision_t d = { PTW_NEXT, PTW_OK, 0, 0 };
  /* step 3 */
  if (!(pte & PTE_V)) return fault(PTW_WHY_INVALID);
  if ((pte & PTE_W) && !(pte & PTE_R)) return fault(PTW_WHY_W_NO_R);
  if (pte & PTE_RESERVED_MASK) return fault(PTW_WHY_RESERVED_BITS);
  /* step 4: a pointer */
  if (!(pte & (PTE_R | PTE_X))) {
    if (pte & (PTE_A | PTE_D | PTE_U)) return fault(PTW_WHY_NONLEAF_ADU);
    if (level == 0) return fault(PTW_WHY_NO_LEAF);
    d.next_addr = ptw_pte_addr(pte_ppn(pte), r->va, level - 1);
    return d;
  }
  /* step 5 (U/S, R/W/X), then step 6 (alignment), then step 7 (A/D) */
  ptw_req_t perm_only = *r;
  perm_only.adue = 1;                 /* A/D judged after alignment */
  ptw_why_t why = ptw_leaf_check(pte, &perm_only);
  if (why != PTW_OK) return fault(why);
  uint64_t low_mask = (UINT64_C(1) << (RV_VPN_BITS * level)) - 1u;
  if (pte_ppn(pte) & low_mask) return fault(PTW_WHY_MISALIGNED);
  why = ptw_leaf_check(pte, r);
  if (why != PTW_OK) return fault(why);
  uint64_t need = PTE_A | (r->op == MMU_OP_W ? PTE_D : 0u);
  if ((pte & need) != need) {         /* only reached under Svadu */
    d.action = PTW_LEAF_AD;
    d.new_pte = pte | need;
    return d;
  }
  d.action = PTW_LEAF;
  return d;
}

uint64_t ptw_leaf_pa(uint64_t ppn, uint32_t level, uint64_t va) {
  uint64_t off_bits = RV_PAGE_SHIFT + RV_VPN_BITS * level;
  uint64_t off_mask = (UINT64_C(1) << off_bits) - 1u;
  return ((ppn << RV_PAGE_SHIFT) & ~off_mask) | (va & off_mask);
}

const char *ptw_why_text(ptw_why_t why) {
  switch (why) {
    case PTW_OK: return "ok";
    case PTW_WHY_NONCANONICAL: return "non-canonical virtual address";
    case PTW_WHY_INVALID: return "V=0: invalid PTE";
    case PTW_WHY_W_NO_R: return "W without R is reserved";
    case PTW_WHY_RESERVED_BITS: return "reserved bits 63:54 set";
    case PTW_WHY_NONLEAF_ADU: return "non-leaf PTE with A, D or U set (reserved)";
    case PTW_WHY_NO_LEAF: return "pointer PTE at level 0: no leaf";
    case PTW_WHY_U_FROM_S: return "U page from S mode (fetch, or SUM=0)";
    case PTW_WHY_S_FROM_U: return "supervisor page from U mode";
    case PTW_WHY_NO_PERM: return "access type not permitted by R/W/X";
    case PTW_WHY_MISALIGNED: return "misaligned superpage";
    case PTW_WHY_A_CLEAR: return "A=0 under Svade";
    case PTW_WHY_D_CLEAR: return "store with D=0 under Svade";
    case PTW_WHY_ACCESS: return "outside physical memory: access fault";
  }
  return "?";
}
