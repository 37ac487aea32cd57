/*
** riscv.h -- architectural constants of RISC-V virtual memory (Sv39/Sv48).
** Header only, freestanding: shared by the C model, the firmware, the
** system simulation and the CLI, so a PTE bit has one name everywhere.
** Only the architecture lives here (the model's own port encodings are in
** cmodel/mmu_port.h).  Source: RISC-V privileged spec, "Supervisor-Level
** ISA", sections on satp and Sv39/Sv48.
*/
#ifndef MMULAB_RISCV_H
#define MMULAB_RISCV_H

#include <stdint.h>

#define RV_PAGE_SHIFT 12u
#define RV_PAGE_SIZE  4096u
#define RV_PTE_SIZE   8u
#define RV_VPN_BITS   9u                 /* VPN bits per level */
#define RV_PPN_BITS   44u                /* PTE.PPN width, Sv39 and Sv48 */
#define RV_PA_BITS    56u

/* PTE bits 7:0 */
#define PTE_V             (1u << 0)
#define PTE_R             (1u << 1)
#define PTE_W             (1u << 2)
#define PTE_X             (1u << 3)
#define PTE_U             (1u << 4)
#define PTE_G             (1u << 5)
#define PTE_A             (1u << 6)
#define PTE_D             (1u << 7)
#define PTE_RSW_SHIFT     8u                 /* bits 9:8, for software */
#define PTE_PPN_SHIFT     10u                /* bits 53:10 */
#define PTE_PPN_MASK      ((UINT64_C(1) << RV_PPN_BITS) - 1u)
#define PTE_RESERVED_MASK (UINT64_C(0x3ff) << 54) /* bits 63:54: N, PBMT, reserved */

#define pte_ppn(pte)        (((pte) >> PTE_PPN_SHIFT) & PTE_PPN_MASK)
#define pte_make(ppn, bits) ((((uint64_t)(ppn) & PTE_PPN_MASK) << PTE_PPN_SHIFT) | (uint64_t)(bits))

/* satp: MODE 63:60, ASID 59:44, PPN 43:0 */
#define SATP_MODE_BARE 0u
#define SATP_MODE_SV39 8u
#define SATP_MODE_SV48 9u
#define SATP_ASID_BITS 16u
#define satp_mode(s)   ((uint32_t)((s) >> 60))
#define satp_asid(s)   ((uint32_t)(((s) >> 44) & 0xffffu))
#define satp_ppn(s)    ((s) & PTE_PPN_MASK)
#define satp_make(mode, asid, ppn) \
  (((uint64_t)(mode) << 60) | (((uint64_t)(asid) & 0xffffu) << 44) | ((uint64_t)(ppn) & PTE_PPN_MASK))

/* Levels of a mode (3 for Sv39, 4 for Sv48, 0 for Bare) and VA width. */
#define rv_levels(mode)  ((mode) == SATP_MODE_SV39 ? 3u : (mode) == SATP_MODE_SV48 ? 4u : 0u)
#define rv_va_bits(mode) (12u + 9u * rv_levels(mode))

/* Exception causes (mcause/scause values). */
#define CAUSE_FETCH_ACCESS     1u
#define CAUSE_LOAD_ACCESS      5u
#define CAUSE_STORE_ACCESS     7u
#define CAUSE_FETCH_PAGE_FAULT 12u
#define CAUSE_LOAD_PAGE_FAULT  13u
#define CAUSE_STORE_PAGE_FAULT 15u

#endif
