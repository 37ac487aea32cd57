/*
** mmu.h -- cycle-accurate reference model of the mmulab MMU.
** One call of mmu_step is one clock cycle: it returns the outputs of the
** cycle (they depend only on state, never on this cycle's inputs) and
** then applies the rising edge with the inputs.  The ports, stages and
** latencies are docs/timing-contract.md; rtl/mmu_top.sv has the same ports.
** No globals: any number of instances, each owning its memory.
*/
#ifndef MMULAB_MMU_H
#define MMULAB_MMU_H

#include <stdint.h>
#include "cache.h"
#include "physmem.h"
#include "ptw.h"
#include "tlb.h"

typedef struct {
  uint32_t tlb_entries;      /* default 32 */
  uint32_t tlb_ways;         /* default = tlb_entries (fully associative) */
  repl_policy_t tlb_policy;  /* default REPL_LRU */
  uint32_t seed;             /* seeds REPL_RANDOM state; default 1 */
  cache_cfg_t cache;         /* default cache_cfg_default */
  uint64_t mem_base;         /* physical memory range; default 0x80000000 */
  uint64_t mem_size;         /* default 1 GiB */
  uint32_t lookup_cycles; /* 1 (default) or 2: registered lookup, refill at DATA's first edge (contract 2a) */
  /* 0 (default) or 1: one set per lookup, sfence invalidates all (contract 4a); needs lookup_cycles 2 */
  uint32_t tlb_ram;
} mmu_config_t;

void mmu_config_default(mmu_config_t *c);
/* NULL if the configuration is usable, else a static message. */
const char *mmu_config_check(const mmu_config_t *c);

/* Inputs of one cycle.  Request fields matter when req_valid; they and
** the csr_* levels are sampled in the cycle the request is accepted. */
typedef struct {
  uint8_t req_valid;
  uint8_t req_op; /* MMU_OP_R / W / X */
  uint8_t req_priv; /* MMU_PRIV_U / S */
  uint64_t req_vaddr;
  uint64_t req_wdata; /* stored by a W access to the word at pa & ~7 */
  uint8_t csr_sum, csr_mxr; /* mstatus.SUM, mstatus.MXR */
  uint8_t csr_adue; /* 1: Svadu (hardware A/D update), 0: Svade */
  uint8_t satp_we; /* write satp_wdata at this edge (WARL: other modes ignored) */
  uint64_t satp_wdata;
  uint8_t sfence_valid; /* sfence.vma at this edge */
  uint8_t sfence_has_va; /* rs1 != x0 */
  uint8_t sfence_has_asid; /* rs2 != x0 */
  uint64_t sfence_vaddr;
  uint16_t sfence_asid;
  uint8_t flush; /* invalidate TLB and all cache tags at this edge */
  uint8_t mem_stall; /* test mode: 1 stalls the memory interface in the next cycle (contract 2b);
                     ** 0 (the default) is the timing without stalls */
} mmu_in_t;

/* Outputs of one cycle. */
typedef struct {
  uint8_t req_ready; /* 1 in IDLE only */
  uint8_t resp_valid; /* one cycle per accepted request */
  uint8_t resp_fault;
  uint8_t resp_cause; /* 1/5/7 or 12/13/15 when resp_fault, else 0 */
  uint8_t resp_tlb_hit; /* the lookup hit (0 in Bare mode) */
  uint8_t resp_level; /* cache level of the data access: 0 L1 .. 3 DRAM; 0 on fault */
  uint64_t resp_paddr; /* 0 on fault */
  uint64_t resp_tval; /* the request's vaddr on fault, else 0 */
  uint64_t resp_rdata; /* word read by R/X, 0 for W and faults */
  uint8_t mem_valid; /* memory port: PTE read, A/D write, data access */
  uint8_t mem_we;
  uint64_t mem_addr; /* 8-byte aligned */
  uint64_t mem_wdata; /* 0 when !mem_we */
} mmu_out_t;

/* Stage the FSM is in (docs/timing-contract.md "Stages").  MMU_ADR, the
** A/D re-read and compare (contract section 3a), comes before MMU_AD in time;
** it is numbered last so the older stages keep their numbers. */
typedef enum { MMU_IDLE = 0, MMU_LOOKUP, MMU_PTE, MMU_AD, MMU_DATA, MMU_ADR } mmu_state_t;

/* One step of the last walk, for reports and the translate mode. */
typedef struct {
  uint32_t level;
  uint64_t pte_addr;
  uint64_t pte; /* value read (0 when the fetch was an access fault) */
  ptw_decision_t d;
} mmu_walk_step_t;

/* One memory stage of the request in flight (PTE, ADR, AD or DATA), as the
** model decided it in the stage's first cycle: which cache level served
** the word, and so how long the stage is.  For reports and the translate
** mode, which need not infer the level from a latency. */
#define MMU_MAX_STAGES 12u /* a walk without re-walks has at most 4 PTE + ADR + AD + DATA */
typedef struct {
  mmu_state_t stage; /* MMU_PTE, MMU_ADR, MMU_AD or MMU_DATA */
  uint32_t walk_level; /* PTE/ADR/AD: the walk level; DATA: 0 */
  uint32_t cache_level; /* 0 L1, 1 L2, 2 L3, 3 DRAM (CACHE_DRAM) */
  uint64_t addr; /* the word's physical address */
  uint64_t start; /* cycles after the accepting edge of the stage's access cycle (after stalls) */
  uint32_t len; /* cycles: the cache level's latency */
} mmu_stage_event_t;

typedef struct {
  uint64_t cycles; /* clock cycles stepped */
  uint64_t accesses; /* responses given */
  uint64_t tlb_hits, tlb_misses; /* lookups in Sv39/Sv48 mode */
  uint64_t walks; /* walks started */
  uint64_t walk_cycles; /* cycles in PTE and AD stages */
  uint64_t pte_reads, ad_writes;
  uint64_t ad_rereads; /* ADR stages: the compare of the compare-and-set */
  uint64_t ad_retries; /* ADR compares that failed: the walk restarted at the root */
  uint64_t pte_level[4]; /* PTE reads served by L1, L2, L3, DRAM */
  uint64_t latency_sum; /* sum over responses of accept..resp cycles */
  uint64_t faults[16]; /* by cause */
  uint64_t sfences, satp_writes, flushes;
  uint64_t refills_dropped; /* walks whose TLB refill an sfence/flush cancelled */
  uint64_t mem_stalls; /* stall cycles: a memory stage's first cycle repeated (contract 2b) */
} mmu_counters_t;

typedef struct {
  mmu_config_t cfg;
  tlb_t tlb;
  cache_t cache;
  physmem_t mem;
  mmu_counters_t cnt;

  uint64_t satp_q;
  mmu_state_t state_q;
  uint32_t left_q; /* cycles left in the stage after this one; 0 = first cycle */
  uint8_t first_q; /* this is the stage's first cycle */
  uint8_t stall_q; /* mem_stall of the cycle before: a memory access now is held (contract 2b) */
  /* the request, latched at accept */
  ptw_req_t req_q;
  uint64_t wdata_q;
  uint16_t asid_q;
  uint64_t root_ppn_q;
  uint64_t accept_cycle_q;
  /* walk */
  uint32_t level_q;
  uint64_t pte_addr_q;
  uint64_t pte_q; /* PTE read in the stage's first cycle */
  uint8_t global_q; /* a PTE on the path had G */
  uint8_t kill_q; /* an sfence/flush since accept: no refill */
  uint8_t tlb_hit_q;
  uint64_t leaf_pte_q; /* the leaf to refill: as read, or with A/D set (AD writes it) */
  uint32_t leaf_level_q;
  uint8_t ad_same_q; /* ADR: the word re-read equals pte_q (the leaf as PTE(i) read it) */
  /* lookup_cycles = 2 (contract 2a): the lookup registered at the edge ending LOOKUP's first
  ** cycle (index, -1 for a miss, and a copy of the entry), and the refill waiting for the edge
  ** ending DATA's first cycle */
  int lk_idx_q;
  tlb_entry_t lk_entry_q;
  uint8_t fill_pend_q;
  /* data */
  uint64_t pa_q;
  uint8_t data_level_q;
  uint64_t rdata_q;
  /* last walk, for explanation (a failed ADR compare restarts the log with the new walk) */
  mmu_walk_step_t walk_log[4];
  uint32_t walk_len;
  /* memory stages of the last (or current) request, in order */
  mmu_stage_event_t stage_log[MMU_MAX_STAGES];
  uint32_t stage_len;
  int tlb_hit_idx; /* entry used by the last TLB hit, -1 if none */
} mmu_t;

/* Returns 0, or -1 on a bad configuration or no memory.  Reset state:
** IDLE, satp = 0 (Bare), TLB and caches empty, memory all zero. */
int mmu_init(mmu_t *m, const mmu_config_t *cfg);
void mmu_free(mmu_t *m);

/* One clock cycle: *out gets this cycle's outputs, then the edge applies
** *in.  in and out must not be NULL. */
void mmu_step(mmu_t *m, const mmu_in_t *in, mmu_out_t *out);

/* Backdoor access for firmware and loaders: no cycles, no cache effect. */
uint64_t mmu_mem_read64(const mmu_t *m, uint64_t pa);
void mmu_mem_write64(mmu_t *m, uint64_t pa, uint64_t value);

/* The TLB tag of a virtual address: vaddr[47:12] in Sv39 and Sv48 alike
** (contract §3).  sfence addresses are compared the same way. */
uint64_t mmu_vpn(uint64_t va);

/* Convenience for drivers: an idle mmu_in_t (all zero). */
void mmu_in_idle(mmu_in_t *in);

#endif
