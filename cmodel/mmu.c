/*
** mmu.c -- the MMU's stage machine, one call per clock cycle.
** Outputs come from the state before the edge; then the edge applies, in
** the contract's order: stage work (touch, refill, caches, memory), then
** satp, sfence and flush.  See docs/timing-contract.md.
*/
#include <stdlib.h>
#include <string.h>
#include "mmu.h"
#include "mmu_params.h"
#include "riscv.h"
#include "mmu_port.h"

void mmu_config_default(mmu_config_t *c) {
  memset(c, 0, sizeof *c);
  c->tlb_entries = MMU_DEFAULT_TLB_ENTRIES;
  c->tlb_ways = MMU_DEFAULT_TLB_WAYS;
  c->tlb_policy = (repl_policy_t)MMU_DEFAULT_TLB_POLICY;
  c->seed = MMU_DEFAULT_SEED;
  cache_cfg_default(&c->cache);
  c->mem_base = MMU_DEFAULT_MEM_BASE;
  c->mem_size = MMU_DEFAULT_MEM_SIZE;
  c->lookup_cycles = MMU_DEFAULT_LOOKUP_CYCLES;
  c->tlb_ram = MMU_DEFAULT_TLB_RAM;
}

const char *mmu_config_check(const mmu_config_t *c) {
  if (c->tlb_entries == 0 || c->tlb_entries > 4096) return "TLB entries must be 1..4096";
  if (c->tlb_ways == 0 || c->tlb_ways > 64 || c->tlb_entries % c->tlb_ways)
    return "TLB ways must be 1..64 and divide the number of entries";
  uint32_t sets = c->tlb_entries / c->tlb_ways;
  if (sets & (sets - 1)) return "TLB entries/ways (the number of sets) must be a power of two";
  if (c->tlb_policy == REPL_PLRU && (c->tlb_ways & (c->tlb_ways - 1)))
    return "TLB tree-PLRU needs a power-of-two number of ways";
  const char *e = cache_cfg_check(&c->cache);
  if (e) return e;
  if (c->mem_size == 0 || (c->mem_base | c->mem_size) & (RV_PAGE_SIZE - 1))
    return "physical memory base and size must be 4 KiB aligned, size > 0";
  if (c->mem_base + c->mem_size < c->mem_base || c->mem_base + c->mem_size > (UINT64_C(1) << RV_PA_BITS))
    return "physical memory must lie below 2^56";
  if (c->lookup_cycles != 1 && c->lookup_cycles != 2) return "lookup cycles must be 1 or 2";
  if (c->tlb_ram > 1) return "tlb_ram must be 0 or 1";
  if (c->tlb_ram && c->lookup_cycles != 2)
    return "the block-RAM TLB (tlb_ram) reads its set in LOOKUP's first cycle: it needs lookup cycles 2";
  return NULL;
}

int mmu_init(mmu_t *m, const mmu_config_t *cfg) {
  memset(m, 0, sizeof *m);
  if (mmu_config_check(cfg)) return -1;
  m->cfg = *cfg;
  if (tlb_init(&m->tlb, cfg->tlb_entries, cfg->tlb_ways, cfg->tlb_policy, cfg->seed)) goto fail;
  m->tlb.one_set = cfg->tlb_ram != 0;
  if (cache_init(&m->cache, &cfg->cache)) goto fail;
  if (physmem_init(&m->mem, cfg->mem_base, cfg->mem_size)) goto fail;
  m->state_q = MMU_IDLE;
  m->tlb_hit_idx = -1;
  return 0;
fail:
  mmu_free(m);
  return -1;
}

void mmu_free(mmu_t *m) {
  tlb_free(&m->tlb);
  cache_free(&m->cache);
  physmem_free(&m->mem);
}

void mmu_in_idle(mmu_in_t *in) { memset(in, 0, sizeof *in); }

uint64_t mmu_vpn(uint64_t va) { return (va >> RV_PAGE_SHIFT) & ((UINT64_C(1) << 36) - 1u); }

uint64_t mmu_mem_read64(const mmu_t *m, uint64_t pa) { return physmem_read64(&m->mem, pa); }
void mmu_mem_write64(mmu_t *m, uint64_t pa, uint64_t v) { physmem_write64(&m->mem, pa, v); }

/* ---- response ---- */

static void respond_fault(mmu_t *m, mmu_out_t *out, uint32_t cause) {
  out->resp_valid = 1;
  out->resp_fault = 1;
  out->resp_cause = (uint8_t)cause;
  out->resp_tval = m->req_q.va;
  out->resp_tlb_hit = m->tlb_hit_q;
}

/* Bookkeeping done at the edge ending a response cycle. */
static void finish(mmu_t *m, const mmu_out_t *out) {
  m->cnt.accesses++;
  m->cnt.latency_sum += m->cnt.cycles - m->accept_cycle_q;
  if (out->resp_fault) m->cnt.faults[out->resp_cause & 15u]++;
  m->state_q = MMU_IDLE;
}

static void enter_stage(mmu_t *m, mmu_state_t s) {
  m->state_q = s;
  m->first_q = 1;
  m->left_q = 0;
}

/* First cycle of a memory stage: the cache decides its length. */
static void stage_first_edge(mmu_t *m, uint64_t addr) {
  uint32_t lvl = cache_access(&m->cache, addr);
  m->left_q = cache_latency(&m->cache, lvl) - 1u;   /* >= 1: latencies are >= 2 */
  m->first_q = 0;
  if (m->stage_len < MMU_MAX_STAGES) {   /* re-walks past the log's end go unlogged */
    mmu_stage_event_t *e = &m->stage_log[m->stage_len++];
    e->stage = m->state_q;
    e->walk_level = m->state_q == MMU_DATA ? 0u : m->level_q;
    e->cache_level = lvl;
    e->addr = addr;
    e->start = m->cnt.cycles - m->accept_cycle_q;
    e->len = m->left_q + 1u;
  }
  if (m->state_q == MMU_DATA) m->data_level_q = (uint8_t)lvl;
  if (m->state_q == MMU_PTE) m->cnt.pte_level[lvl]++;
}

/* Test mode (contract 2b): a memory stage's first cycle, with its address in range, is a
** stall cycle when mem_stall was 1 in the cycle before.  Nothing is observable, nothing is
** accessed; the first cycle repeats.  1 when this cycle stalls. */
static int stalled(mmu_t *m) {
  if (!m->stall_q) return 0;
  m->cnt.mem_stalls++;
  return 1;
}

/* Start the walk at the root: from LOOKUP on a miss, and again after a
** failed A/D compare (contract section 3a). */
static void start_walk(mmu_t *m) {
  m->level_q = rv_levels(m->req_q.mode) - 1u;
  m->pte_addr_q = ptw_pte_addr(m->root_ppn_q, m->req_q.va, m->level_q);
  m->global_q = 0;
  m->walk_len = 0;
  enter_stage(m, MMU_PTE);
}

/* Advance a stage that is past its first cycle; 1 when this is its last. */
static int stage_last(const mmu_t *m) { return !m->first_q && m->left_q == 1; }

static void log_step(mmu_t *m, uint64_t pte, ptw_decision_t d) {
  if (m->walk_len < 4) {
    mmu_walk_step_t *s = &m->walk_log[m->walk_len++];
    s->level = m->level_q;
    s->pte_addr = m->pte_addr_q;
    s->pte = pte;
    s->d = d;
  }
}

static void refill(mmu_t *m, int sfence_now) {
  if (m->kill_q || sfence_now) {
    m->cnt.refills_dropped++;
    return;
  }
  tlb_entry_t e;
  e.valid = 1;
  e.level = (uint8_t)m->leaf_level_q;
  e.perm = (uint8_t)((m->leaf_pte_q & 0xffu) | (m->global_q ? PTE_G : 0u));
  e.asid = m->asid_q;
  e.vpn = mmu_vpn(m->req_q.va);
  e.ppn = pte_ppn(m->leaf_pte_q);
  tlb_fill(&m->tlb, &e);
}

/* A walk succeeded at this edge: refill now, or (lookup_cycles = 2) at the edge ending
** DATA's first cycle (contract 2a). */
static void walk_done(mmu_t *m, int sfence_now) {
  if (m->cfg.lookup_cycles == 2) m->fill_pend_q = 1;
  else refill(m, sfence_now);
}

/* ---- per-state cycle functions: fill *out, then apply the edge ---- */

static void cycle_idle(mmu_t *m, const mmu_in_t *in, mmu_out_t *out, int sfence_now) {
  out->req_ready = 1;
  if (!in->req_valid) return;
  m->req_q.va = in->req_vaddr;
  m->req_q.op = in->req_op;
  m->req_q.priv = in->req_priv;
  m->req_q.sum = in->csr_sum;
  m->req_q.mxr = in->csr_mxr;
  m->req_q.adue = in->csr_adue;
  m->req_q.mode = satp_mode(m->satp_q);
  m->wdata_q = in->req_wdata;
  m->asid_q = (uint16_t)satp_asid(m->satp_q);
  m->root_ppn_q = satp_ppn(m->satp_q);
  m->accept_cycle_q = m->cnt.cycles;
  m->kill_q = (uint8_t)sfence_now;
  m->global_q = 0;
  m->tlb_hit_q = 0;
  m->walk_len = 0;
  m->stage_len = 0;
  m->tlb_hit_idx = -1;
  m->fill_pend_q = 0;
  m->state_q = MMU_LOOKUP;
  m->first_q = m->cfg.lookup_cycles == 2;   /* contract 2a: the first LOOKUP cycle registers */
}

static void start_data(mmu_t *m, uint64_t pa) {
  m->pa_q = pa;
  enter_stage(m, MMU_DATA);
}

/* lookup_cycles = 2, the first LOOKUP cycle: register the lookup (contract 2a), nothing else */
static void cycle_lookup_reg(mmu_t *m) {
  m->lk_idx_q = tlb_lookup(&m->tlb, mmu_vpn(m->req_q.va), m->asid_q);
  if (m->lk_idx_q >= 0) m->lk_entry_q = m->tlb.e[m->lk_idx_q];
  m->first_q = 0;
}

static void cycle_lookup(mmu_t *m, mmu_out_t *out) {
  const ptw_req_t *r = &m->req_q;
  if (m->first_q) {
    cycle_lookup_reg(m);
    return;
  }
  if (r->mode == SATP_MODE_BARE) {
    start_data(m, r->va);
    return;
  }
  if (!ptw_canonical(r->va, r->mode)) {
    respond_fault(m, out, ptw_page_fault_cause(r->op));
    finish(m, out);
    return;
  }
  /* 1 cycle: look up now; 2: the registered lookup, though an sfence may have dropped it since */
  int two = m->cfg.lookup_cycles == 2;
  int idx = two ? m->lk_idx_q : tlb_lookup(&m->tlb, mmu_vpn(r->va), m->asid_q);
  if (idx >= 0) {
    const tlb_entry_t *e = two ? &m->lk_entry_q : &m->tlb.e[idx];
    ptw_why_t why = ptw_leaf_check(e->perm, r);
    tlb_touch(&m->tlb, idx);                   /* every match touches */
    if (why != PTW_OK) {
      m->tlb_hit_q = 1;
      m->cnt.tlb_hits++;
      m->tlb_hit_idx = idx;
      respond_fault(m, out, ptw_page_fault_cause(r->op));
      finish(m, out);
      return;
    }
    if (r->op == MMU_OP_W && !(e->perm & PTE_D)) {
      /* Svadu store to a clean page: walk again to set D (contract §3) */
      tlb_invalidate(&m->tlb, idx);
    } else {
      m->tlb_hit_q = 1;
      m->cnt.tlb_hits++;
      m->tlb_hit_idx = idx;
      start_data(m, ptw_leaf_pa(e->ppn, e->level, r->va));
      return;
    }
  }
  m->cnt.tlb_misses++;
  m->cnt.walks++;
  start_walk(m);
}

static void cycle_pte(mmu_t *m, mmu_out_t *out, int sfence_now) {
  m->cnt.walk_cycles++;
  if (m->first_q) {
    if (!physmem_in_range(&m->mem, m->pte_addr_q, RV_PTE_SIZE)) {
      ptw_decision_t d = { PTW_FAULT, PTW_WHY_ACCESS, 0, 0 };
      log_step(m, 0, d);
      respond_fault(m, out, ptw_access_fault_cause(m->req_q.op));
      finish(m, out);
      return;
    }
    if (stalled(m)) return;
    out->mem_valid = 1;
    out->mem_addr = m->pte_addr_q;
    m->pte_q = physmem_read64(&m->mem, m->pte_addr_q);
    m->cnt.pte_reads++;
    stage_first_edge(m, m->pte_addr_q);
    return;
  }
  if (!stage_last(m)) {
    m->left_q--;
    return;
  }
  ptw_decision_t d = ptw_decide(m->pte_q, m->level_q, &m->req_q);
  log_step(m, m->pte_q, d);
  if (m->pte_q & PTE_G) m->global_q = 1;
  switch (d.action) {
    case PTW_NEXT:
      m->level_q--;
      m->pte_addr_q = d.next_addr;
      enter_stage(m, MMU_PTE);
      break;
    case PTW_FAULT:
      respond_fault(m, out, ptw_page_fault_cause(m->req_q.op));
      finish(m, out);
      break;
    case PTW_LEAF:
    case PTW_LEAF_AD:
      m->leaf_pte_q = d.action == PTW_LEAF ? m->pte_q : d.new_pte;
      m->leaf_level_q = m->level_q;
      if (d.action == PTW_LEAF_AD) {
        enter_stage(m, MMU_ADR);
        break;
      }
      walk_done(m, sfence_now);
      start_data(m, ptw_leaf_pa(pte_ppn(m->pte_q), m->level_q, m->req_q.va));
      break;
  }
}

/* ADR: re-read the leaf PTE; in the last cycle, unchanged -> AD writes it,
** changed -> no write, the walk starts again at the root (contract 3a). */
static void cycle_adr(mmu_t *m, mmu_out_t *out) {
  m->cnt.walk_cycles++;
  if (m->first_q) {
    if (stalled(m)) return;
    out->mem_valid = 1;
    out->mem_addr = m->pte_addr_q;
    m->ad_same_q = physmem_read64(&m->mem, m->pte_addr_q) == m->pte_q;
    m->cnt.ad_rereads++;
    stage_first_edge(m, m->pte_addr_q);
    return;
  }
  if (!stage_last(m)) {
    m->left_q--;
    return;
  }
  if (m->ad_same_q) {
    enter_stage(m, MMU_AD);
  } else {
    m->cnt.ad_retries++;
    start_walk(m);
  }
}

static void cycle_ad(mmu_t *m, mmu_out_t *out, int sfence_now) {
  m->cnt.walk_cycles++;
  if (m->first_q) {
    if (stalled(m)) return;
    out->mem_valid = 1;
    out->mem_we = 1;
    out->mem_addr = m->pte_addr_q;
    out->mem_wdata = m->leaf_pte_q;
    physmem_write64(&m->mem, m->pte_addr_q, m->leaf_pte_q);
    m->cnt.ad_writes++;
    stage_first_edge(m, m->pte_addr_q);
    return;
  }
  if (!stage_last(m)) {
    m->left_q--;
    return;
  }
  walk_done(m, sfence_now);
  start_data(m, ptw_leaf_pa(pte_ppn(m->leaf_pte_q), m->leaf_level_q, m->req_q.va));
}

static void cycle_data(mmu_t *m, mmu_out_t *out, int sfence_now) {
  uint64_t word = m->pa_q & ~UINT64_C(7);
  if (m->first_q && m->fill_pend_q) {   /* the refill of contract 2a, whatever this cycle does */
    m->fill_pend_q = 0;
    refill(m, sfence_now);
  }
  if (m->first_q) {
    if (!physmem_in_range(&m->mem, word, 8)) {
      respond_fault(m, out, ptw_access_fault_cause(m->req_q.op));
      finish(m, out);
      return;
    }
    if (stalled(m)) return;
    out->mem_valid = 1;
    out->mem_addr = word;
    if (m->req_q.op == MMU_OP_W) {
      out->mem_we = 1;
      out->mem_wdata = m->wdata_q;
      physmem_write64(&m->mem, word, m->wdata_q);
      m->rdata_q = 0;
    } else {
      m->rdata_q = physmem_read64(&m->mem, word);
    }
    stage_first_edge(m, word);
    return;
  }
  if (!stage_last(m)) {
    m->left_q--;
    return;
  }
  out->resp_valid = 1;
  out->resp_paddr = m->pa_q;
  out->resp_tlb_hit = m->tlb_hit_q;
  out->resp_level = m->data_level_q;
  out->resp_rdata = m->rdata_q;
  finish(m, out);
}

static void apply_control(mmu_t *m, const mmu_in_t *in) {
  if (in->satp_we) {
    uint32_t mode = satp_mode(in->satp_wdata);
    if (mode == SATP_MODE_BARE || mode == SATP_MODE_SV39 || mode == SATP_MODE_SV48)
      m->satp_q = in->satp_wdata;
    m->cnt.satp_writes++;
  }
  if (in->sfence_valid) {
    tlb_sfence(&m->tlb, in->sfence_has_va, mmu_vpn(in->sfence_vaddr), in->sfence_has_asid, in->sfence_asid);
    m->cnt.sfences++;
  }
  if (in->flush) {
    tlb_flush_all(&m->tlb);
    cache_flush(&m->cache);
    m->cnt.flushes++;
  }
  /* a request in flight after this edge must not refill (contract §5) */
  if ((in->sfence_valid || in->flush) && m->state_q != MMU_IDLE) m->kill_q = 1;
}

void mmu_step(mmu_t *m, const mmu_in_t *in, mmu_out_t *out) {
  int sfence_now = in->sfence_valid || in->flush;
  memset(out, 0, sizeof *out);
  switch (m->state_q) {
    case MMU_IDLE: cycle_idle(m, in, out, sfence_now); break;
    case MMU_LOOKUP: cycle_lookup(m, out); break;
    case MMU_PTE: cycle_pte(m, out, sfence_now); break;
    case MMU_ADR: cycle_adr(m, out); break;
    case MMU_AD: cycle_ad(m, out, sfence_now); break;
    case MMU_DATA: cycle_data(m, out, sfence_now); break;
  }
  apply_control(m, in);
  m->stall_q = in->mem_stall & 1u;   /* the memory interface of the next cycle (contract 2b) */
  m->cnt.cycles++;
}
