/*
** coverage.c -- functional coverage bins of the MMU, counted from the C model's state
** around each mmu_step.  Implements coverage.h; docs/coverage.md describes the bins.
*/
#include <stdarg.h>
#include <string.h>
#include "coverage.h"
#include "riscv.h"
#include "mmu_port.h"

/* ---- names ---- */

enum {
  R_NONCANON,
  R_INVALID,
  R_WNOR,
  R_RESERVED,
  R_NONLEAF,
  R_NOLEAF,
  R_UFROMS,
  R_SFROMU,
  R_NOPERM,
  R_MISALIGNED,
  R_ACLEAR,
  R_DCLEAR,
  R_ACCESS_PTE,
  R_ACCESS_DATA,
  R_COUNT
};
static const char *const rule_name[R_COUNT] = { "noncanonical", "invalid",    "w-no-r",   "reserved-bits",
                                                "nonleaf-adu",  "no-leaf",    "u-from-s", "s-from-u",
                                                "no-perm",      "misaligned", "a-clear",  "d-clear",
                                                "access-pte",   "access-data" };
static const char *const op_name[3] = { "R", "W", "X" };
static const char *const priv_name[2] = { "U", "S" };
static const char *const size_name[4] = { "4K", "2M", "1G", "512G" };
static const char *const lvl_name[4] = { "L1", "L2", "L3", "DRAM" };
static const char *const pol_name[3] = { "lru", "plru", "random" };
static const char *const form_name[4] = { "all", "asid", "va", "va+asid" };   /* has_va*2+has_asid */

static int rule_of_why(ptw_why_t w) {
  switch (w) {
    case PTW_WHY_NONCANONICAL: return R_NONCANON;
    case PTW_WHY_INVALID: return R_INVALID;
    case PTW_WHY_W_NO_R: return R_WNOR;
    case PTW_WHY_RESERVED_BITS: return R_RESERVED;
    case PTW_WHY_NONLEAF_ADU: return R_NONLEAF;
    case PTW_WHY_NO_LEAF: return R_NOLEAF;
    case PTW_WHY_U_FROM_S: return R_UFROMS;
    case PTW_WHY_S_FROM_U: return R_SFROMU;
    case PTW_WHY_NO_PERM: return R_NOPERM;
    case PTW_WHY_MISALIGNED: return R_MISALIGNED;
    case PTW_WHY_A_CLEAR: return R_ACLEAR;
    case PTW_WHY_D_CLEAR: return R_DCLEAR;
    case PTW_WHY_ACCESS: return R_ACCESS_PTE;
    case PTW_OK: break;
  }
  return -1;
}

static int is_leaf_rule(int r) {
  return r == R_UFROMS || r == R_SFROMU || r == R_NOPERM || r == R_ACLEAR || r == R_DCLEAR;
}

int cov_find(const cov_t *c, const char *name) {
  for (uint32_t i = 0; i < c->nbins; i++)
    if (!strcmp(c->name[i], name)) return (int)i;
  return -1;
}

static int add_bin(cov_t *c, const char *name) {
  int i = cov_find(c, name);
  if (i >= 0) return i;
  if (c->nbins >= COV_MAX_BINS || strlen(name) >= COV_NAME_LEN) return -1;
  strcpy(c->name[c->nbins], name);
  c->count[c->nbins] = 0;
  return (int)c->nbins++;
}

static void addf(cov_t *c, const char *fmt, ...) {
  char b[COV_NAME_LEN * 2];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(b, sizeof b, fmt, ap);
  va_end(ap);
  add_bin(c, b);
}

int cov_hit(cov_t *c, const char *name) {
  int i = cov_find(c, name);
  if (i < 0) return -1;
  c->count[i]++;
  return 0;
}

static void hitf(cov_t *c, const char *fmt, ...) {
  char b[COV_NAME_LEN * 2];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(b, sizeof b, fmt, ap);
  va_end(ap);
  cov_hit(c, b);   /* an infeasible combination has no bin and is not counted */
}

/* ---- the bins ---- */

static void label_bins(cov_t *c, const char *label) {
  for (int l = 0; l < 4; l++) addf(c, "%s.pte-from.%s", label, lvl_name[l]);
  for (int l = 0; l < 4; l++) addf(c, "%s.data-from.%s", label, lvl_name[l]);
  addf(c, "%s.tlb.full", label);
}

void cov_init(cov_t *c, const char *label) {
  memset(c, 0, sizeof *c);
  snprintf(c->label, sizeof c->label, "%s", label);
  c->rewalk_idx = -1;
  for (int r = 0; r < R_COUNT; r++)
    for (int o = 0; o < 3; o++)
      if (r != R_DCLEAR || o == MMU_OP_W) addf(c, "fault.%s.%s", rule_name[r], op_name[o]);
  for (int r = 0; r < R_COUNT; r++)
    for (int p = 0; p < 2; p++)
      if (!(r == R_UFROMS && p == MMU_PRIV_U) && !(r == R_SFROMU && p == MMU_PRIV_S))
        addf(c, "fault.%s.priv-%s", rule_name[r], priv_name[p]);
  static const int ptr_rules[] = { R_INVALID, R_WNOR, R_RESERVED, R_NONLEAF, R_ACCESS_PTE };
  for (unsigned i = 0; i < sizeof ptr_rules / sizeof ptr_rules[0]; i++)
    for (int l = 0; l < 4; l++) addf(c, "fault.%s.level%d", rule_name[ptr_rules[i]], l);
  addf(c, "fault.no-leaf.level0");
  for (int r = 0; r < R_COUNT; r++) {
    if (!is_leaf_rule(r) && r != R_ACCESS_DATA) continue;
    for (int s = 0; s < 4; s++) {
      addf(c, "fault.%s.%s.walk", rule_name[r], size_name[s]);
      /* a TLB entry always has A set (a refill under Svadu writes it first) */
      if (r != R_ACLEAR) addf(c, "fault.%s.%s.tlb-hit", rule_name[r], size_name[s]);
    }
  }
  for (int s = 1; s < 4; s++) addf(c, "fault.misaligned.%s.walk", size_name[s]);
  addf(c, "fault.access-data.bare");
  for (int s = 0; s < 4; s++)
    for (int o = 0; o < 3; o++)
      for (int p = 0; p < 2; p++) addf(c, "ok.%s.%s.priv-%s", size_name[s], op_name[o], priv_name[p]);
  for (int s = 0; s < 4; s++) {
    addf(c, "ok.%s.walk", size_name[s]);
    addf(c, "ok.%s.tlb-hit", size_name[s]);
  }
  for (int o = 0; o < 3; o++) addf(c, "ok.bare.%s", op_name[o]);
  static const char *const summxr[] = { "sum1.s-load-u-page.ok",    "sum1.s-store-u-page.ok",
                                        "sum0.s-load-u-page.fault", "sum1.s-fetch-u-page.fault",
                                        "mxr1.load-x-only.ok",      "mxr0.load-x-only.fault" };
  for (unsigned i = 0; i < 6; i++) {
    addf(c, "%s.walk", summxr[i]);
    addf(c, "%s.tlb-hit", summxr[i]);
  }
  addf(c, "svadu.write.A");
  addf(c, "svadu.write.D");
  addf(c, "svadu.write.AD");
  for (int s = 0; s < 4; s++) addf(c, "svadu.write.%s", size_name[s]);
  addf(c, "svadu.store-hit-clean.rewalk");
  addf(c, "svadu.cas.equal");      /* ADR: the re-read PTE is unchanged, AD writes it */
  addf(c, "svadu.cas.changed");    /* ADR: it changed, the walk restarts at the root */
  for (int p = 0; p < 3; p++) {
    addf(c, "tlb.fill.%s", pol_name[p]);
    addf(c, "tlb.evict.%s", pol_name[p]);
  }
  for (int s = 0; s < 4; s++) addf(c, "tlb.fill.%s", size_name[s]);
  addf(c, "refill.dropped.same-edge");
  addf(c, "refill.dropped.earlier");
  for (int f = 0; f < 4; f++) {
    if (f == 0 || f == 2) addf(c, "sfence.%s.hit-global", form_name[f]);   /* with an ASID globals stay */
    addf(c, "sfence.%s.hit-nonglobal", form_name[f]);
    if (f != 0) {                                                  /* "all" leaves nothing */
      addf(c, "sfence.%s.miss-global", form_name[f]);
      addf(c, "sfence.%s.miss-nonglobal", form_name[f]);
    }
  }
  for (int p = 0; p < 3; p++)
    for (int l = 0; l < 3; l++) addf(c, "cache.evict.%s.%s", pol_name[p], lvl_name[l]);
  for (int s = 1; s < 4; s++)
    for (int b = 0; b < 9 * s; b++) addf(c, "misaligned.%s.ppn-bit%d", size_name[s], b);
  addf(c, "walk.sv39");
  addf(c, "walk.sv48");
  addf(c, "satp.warl-ignored");
  label_bins(c, label);
}

/* ---- events ---- */

static int tlb_covered(const mmu_t *m) { return m->tlb.entries <= COV_MAX_TLB; }

void cov_before(cov_t *c, const mmu_t *m, const mmu_in_t *in) {
  (void)in;
  c->state_before = m->state_q;
  c->rewalk_idx = -1;
  if (tlb_covered(m)) memcpy(c->tlb_before, m->tlb.e, m->tlb.entries * sizeof m->tlb.e[0]);
  memcpy(c->pte_level_before, m->cnt.pte_level, sizeof c->pte_level_before);
  for (uint32_t i = 0; i < 3; i++) c->misses_before[i] = m->cache.lvl[i].misses;
  c->dropped_before = m->cnt.refills_dropped;
  if (m->state_q == MMU_LOOKUP && m->req_q.mode != SATP_MODE_BARE && m->req_q.op == MMU_OP_W &&
      ptw_canonical(m->req_q.va, m->req_q.mode)) {
    int idx = tlb_lookup(&m->tlb, mmu_vpn(m->req_q.va), m->asid_q);
    if (idx >= 0 && !(m->tlb.e[idx].perm & PTE_D) && ptw_leaf_check(m->tlb.e[idx].perm, &m->req_q) == PTW_OK)
      c->rewalk_idx = idx;
  }
  c->mem_first =
      (m->state_q == MMU_PTE || m->state_q == MMU_ADR || m->state_q == MMU_AD || m->state_q == MMU_DATA) &&
      m->first_q;
  memset(c->set_full, 0, sizeof c->set_full);
  if (c->mem_first) {
    uint64_t a = m->state_q == MMU_DATA ? m->pa_q & ~UINT64_C(7) : m->pte_addr_q;
    uint64_t line = a >> m->cache.line_shift;
    for (uint32_t i = 0; i < 3; i++) {
      const cache_level_t *l = &m->cache.lvl[i];
      uint32_t base = (uint32_t)(line & (l->sets - 1u)) * l->ways, w, valid = 0, present = 0;
      for (w = 0; w < l->ways; w++) {
        valid += l->valid[base + w];
        present |= l->valid[base + w] && l->tag[base + w] == line;
      }
      c->set_full[i] = valid == l->ways && !present;
    }
  }
}

/* SUM and MXR cases of a leaf decision: pte its bits, ok whether the access was allowed. */
static void sum_mxr(cov_t *c, uint64_t pte, const ptw_req_t *r, int ok, int rule, const char *path) {
  if (r->priv == MMU_PRIV_S && (pte & PTE_U)) {
    if (ok && r->sum && r->op == MMU_OP_R) hitf(c, "sum1.s-load-u-page.ok.%s", path);
    if (ok && r->sum && r->op == MMU_OP_W) hitf(c, "sum1.s-store-u-page.ok.%s", path);
    if (rule == R_UFROMS && !r->sum && r->op == MMU_OP_R) hitf(c, "sum0.s-load-u-page.fault.%s", path);
    if (rule == R_UFROMS && r->sum && r->op == MMU_OP_X) hitf(c, "sum1.s-fetch-u-page.fault.%s", path);
  }
  if (r->op == MMU_OP_R && (pte & PTE_X) && !(pte & PTE_R)) {
    if (ok && r->mxr) hitf(c, "mxr1.load-x-only.ok.%s", path);
    if (rule == R_NOPERM && !r->mxr) hitf(c, "mxr0.load-x-only.fault.%s", path);
  }
}

static void response(cov_t *c, const mmu_t *m, const mmu_out_t *out) {
  const ptw_req_t *r = &m->req_q;
  const char *op = op_name[r->op < 3 ? r->op : 0], *pv = priv_name[r->priv & 1u];
  const mmu_walk_step_t *last = m->walk_len ? &m->walk_log[m->walk_len - 1] : NULL;
  int access =
      out->resp_fault && (out->resp_cause == CAUSE_FETCH_ACCESS || out->resp_cause == CAUSE_LOAD_ACCESS ||
                          out->resp_cause == CAUSE_STORE_ACCESS);
  if (r->mode == SATP_MODE_BARE) {
    if (!out->resp_fault) hitf(c, "ok.bare.%s", op);
    else if (access) hitf(c, "fault.access-data.bare");
    return;
  }
  const tlb_entry_t *e = m->tlb_hit_q && m->tlb_hit_idx >= 0 ? &m->tlb.e[m->tlb_hit_idx] : NULL;
  const char *path = e ? "tlb-hit" : "walk";
  uint32_t size = e ? e->level : m->leaf_level_q;
  uint64_t pte = e ? e->perm : last ? last->pte : 0;
  if (!out->resp_fault) {
    if (size > 3) return;
    hitf(c, "ok.%s.%s.priv-%s", size_name[size], op, pv);
    hitf(c, "ok.%s.%s", size_name[size], path);
    sum_mxr(c, pte, r, 1, -1, path);
    return;
  }
  int rule;
  uint32_t level = 0;
  if (access && !(last && last->d.why == PTW_WHY_ACCESS)) {
    rule = R_ACCESS_DATA;                                 /* the data address, after a translation */
  } else if (e) {
    rule = rule_of_why(ptw_leaf_check(e->perm, r));
  } else if (!last) {
    rule = R_NONCANON;
  } else {
    rule = rule_of_why(last->d.why);
    level = last->level;
    size = last->level;
  }
  if (rule < 0) return;
  hitf(c, "fault.%s.%s", rule_name[rule], op);
  hitf(c, "fault.%s.priv-%s", rule_name[rule], pv);
  if (rule == R_ACCESS_DATA || is_leaf_rule(rule) || rule == R_MISALIGNED) {
    if (size <= 3) hitf(c, "fault.%s.%s.%s", rule_name[rule], size_name[size], path);
  } else if (rule != R_NONCANON) {
    hitf(c, "fault.%s.level%u", rule_name[rule], level);
  }
  if (is_leaf_rule(rule)) sum_mxr(c, pte, r, 0, rule, path);
  if (rule == R_MISALIGNED && last) {
    uint64_t low = pte_ppn(last->pte) & ((UINT64_C(1) << (9u * level)) - 1u);
    if (low && !(low & (low - 1u)))                      /* exactly one bit of the mask */
      hitf(c, "misaligned.%s.ppn-bit%d", size_name[level], __builtin_ctzll(low));
  }
}

void cov_after(cov_t *c, const mmu_t *m, const mmu_in_t *in, const mmu_out_t *out) {
  const char *label = c->label;
  uint32_t tpol = m->cfg.tlb_policy < 3 ? m->cfg.tlb_policy : 0;
  uint32_t cpol = m->cfg.cache.policy < 3 ? m->cfg.cache.policy : 0;
  if (in->satp_we) {
    uint32_t mode = satp_mode(in->satp_wdata);
    if (mode != SATP_MODE_BARE && mode != SATP_MODE_SV39 && mode != SATP_MODE_SV48)
      cov_hit(c, "satp.warl-ignored");
  }
  if (c->state_before == MMU_LOOKUP && m->state_q == MMU_PTE) {
    hitf(c, "walk.%s", m->req_q.mode == SATP_MODE_SV48 ? "sv48" : "sv39");
    if (c->rewalk_idx >= 0) cov_hit(c, "svadu.store-hit-clean.rewalk");
  }
  if (c->state_before == MMU_ADR && m->state_q == MMU_AD) cov_hit(c, "svadu.cas.equal");
  if (c->state_before == MMU_ADR && m->state_q == MMU_PTE) cov_hit(c, "svadu.cas.changed");
  if (c->state_before == MMU_AD && out->mem_we) {
    uint64_t set = out->mem_wdata & ~m->pte_q & (PTE_A | PTE_D);
    hitf(c, "svadu.write.%s", set == (PTE_A | PTE_D) ? "AD" : set == PTE_A ? "A" : "D");
    if (m->leaf_level_q < 4) hitf(c, "svadu.write.%s", size_name[m->leaf_level_q]);
  }
  if (c->mem_first && out->mem_valid) {
    if (c->state_before == MMU_PTE)
      for (int l = 0; l < 4; l++)
        if (m->cnt.pte_level[l] != c->pte_level_before[l]) hitf(c, "%s.pte-from.%s", label, lvl_name[l]);
    if (c->state_before == MMU_DATA && m->data_level_q < 4)
      hitf(c, "%s.data-from.%s", label, lvl_name[m->data_level_q]);
    for (uint32_t i = 0; i < 3; i++)
      if (m->cache.lvl[i].misses != c->misses_before[i] && c->set_full[i])
        hitf(c, "cache.evict.%s.%s", pol_name[cpol], lvl_name[i]);
  }
  if (m->cnt.refills_dropped != c->dropped_before)
    cov_hit(c, in->sfence_valid || in->flush ? "refill.dropped.same-edge" : "refill.dropped.earlier");
  if (tlb_covered(m) && (c->state_before == MMU_PTE || c->state_before == MMU_AD)) {
    int filled = 0, full = 1;
    for (uint32_t i = 0; i < m->tlb.entries; i++) {
      const tlb_entry_t *a = &m->tlb.e[i], *b = &c->tlb_before[i];
      full &= a->valid;
      if (!a->valid || !memcmp(a, b, sizeof *a)) continue;
      filled = 1;
      hitf(c, "tlb.fill.%s", pol_name[tpol]);
      if (a->level < 4) hitf(c, "tlb.fill.%s", size_name[a->level]);
      if (b->valid) hitf(c, "tlb.evict.%s", pol_name[tpol]);
    }
    if (filled && full) hitf(c, "%s.tlb.full", label);
  }
  if (tlb_covered(m) && in->sfence_valid && !in->flush) {
    int hg = 0, hn = 0, mg = 0, mn = 0;
    for (uint32_t i = 0; i < m->tlb.entries; i++) {
      const tlb_entry_t *b = &c->tlb_before[i];
      if (!b->valid || (int)i == c->rewalk_idx) continue;
      int g = (b->perm & PTE_G) != 0, gone = !m->tlb.e[i].valid;
      hg |= g && gone;
      hn |= !g && gone;
      mg |= g && !gone;
      mn |= !g && !gone;
    }
    const char *f = form_name[(in->sfence_has_va ? 2 : 0) + (in->sfence_has_asid ? 1 : 0)];
    if (hg) hitf(c, "sfence.%s.hit-global", f);
    if (hn) hitf(c, "sfence.%s.hit-nonglobal", f);
    if (mg) hitf(c, "sfence.%s.miss-global", f);
    if (mn) hitf(c, "sfence.%s.miss-nonglobal", f);
  }
  if (out->resp_valid) response(c, m, out);
}

/* ---- files and report ---- */

int cov_load_add(cov_t *c, const char *path, char *err, size_t errlen) {
  FILE *f = fopen(path, "r");
  char line[256], name[COV_NAME_LEN + 1];
  unsigned long long n;
  unsigned lineno = 0;
  if (!f) return 0;
  while (fgets(line, sizeof line, f)) {
    lineno++;
    int used = 0;
    if (sscanf(line, "%llu %48s%n", &n, name, &used) != 2 || strlen(name) >= COV_NAME_LEN ||
        line[used] != '\n') {
      snprintf(err, errlen, "%s:%u: expected 'COUNT BIN-NAME', got '%.60s'", path, lineno, line);
      fclose(f);
      return -1;
    }
    int i = add_bin(c, name);
    if (i < 0) {
      snprintf(err, errlen, "%s:%u: more than %u bins", path, lineno, COV_MAX_BINS);
      fclose(f);
      return -1;
    }
    c->count[i] += n;
  }
  fclose(f);
  return 0;
}

int cov_save(const cov_t *c, const char *path) {
  FILE *f = fopen(path, "w");
  if (!f) return -1;
  for (uint32_t i = 0; i < c->nbins; i++)
    fprintf(f, "%llu %s\n", (unsigned long long)c->count[i], c->name[i]);
  return fclose(f) ? -1 : 0;
}

uint32_t cov_report(const cov_t *c, FILE *f, uint64_t target) {
  uint32_t miss = 0;
  for (uint32_t i = 0; i < c->nbins; i++) {
    int low = c->count[i] < target;
    miss += (uint32_t)low;
    fprintf(f, "%-44s %10llu%s\n", c->name[i], (unsigned long long)c->count[i], low ? "  MISS" : "");
  }
  fprintf(f, "coverage: %u/%u bins hit (target %llu each)\n", c->nbins - miss, c->nbins,
          (unsigned long long)target);
  return miss;
}
