/*
** mmu_port.h -- how the MMU's ports encode an access: the request's op and
** privilege, and "no exception" on the response.  These are mmulab's
** choices (docs/timing-contract.md, section 1), not the architecture's,
** so they live beside the model; the RTL uses the same numbers.
*/
#ifndef MMULAB_MMU_PORT_H
#define MMULAB_MMU_PORT_H

/* req_op_i (2 bits) */
#define MMU_OP_R 0u   /* load */
#define MMU_OP_W 1u   /* store */
#define MMU_OP_X 2u   /* instruction fetch */

/* req_priv_i (1 bit) */
#define MMU_PRIV_U 0u
#define MMU_PRIV_S 1u

/* resp_cause_o when resp_fault_o is 0 (the architectural causes are in
** arch/riscv.h) */
#define CAUSE_NONE 0u

#endif
