/*
** explain.c -- prints a scenario as a worksheet and each access as a
** student works it out: VPN split, PTE address arithmetic, decoded flags,
** each decision, A/D write-back, result and the cycle sum, or JSON.
*/
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "explain.h"
#include "riscv.h"
#include "mmu_port.h"

/* ---- output ---- */

void explain_out_init(explain_out_t *o, FILE *f, const char *prefix) {
  o->f = f;
  o->prefix = prefix ? prefix : "";
  o->bol = 1;
}

void explain_printf(explain_out_t *o, const char *fmt, ...) {
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  for (const char *p = buf; *p; p++) {
    if (o->bol) fputs(o->prefix, o->f);
    fputc(*p, o->f);
    o->bol = *p == '\n';
  }
}

/* ---- small words ---- */

void explain_flags(uint64_t pte, char *buf) {
  static const char letters[] = "VRWXUGAD";   /* bit 0 .. bit 7 */
  for (unsigned i = 0; i < 8; i++) buf[i] = (pte >> i) & 1u ? letters[i] : '-';
  buf[8] = '\0';
}

const char *explain_cause_name(uint32_t cause) {
  switch (cause) {
    case CAUSE_NONE: return "none";
    case CAUSE_FETCH_ACCESS: return "instruction access fault";
    case CAUSE_LOAD_ACCESS: return "load access fault";
    case CAUSE_STORE_ACCESS: return "store access fault";
    case CAUSE_FETCH_PAGE_FAULT: return "instruction page fault";
    case CAUSE_LOAD_PAGE_FAULT: return "load page fault";
    case CAUSE_STORE_PAGE_FAULT: return "store page fault";
  }
  return "unknown cause";
}

const char *explain_page_size(uint32_t level) {
  static const char *const sz[] = { "4 KiB", "2 MiB", "1 GiB", "512 GiB" };
  return level < 4 ? sz[level] : "?";
}

static const char *page_size_short(uint32_t level) {
  static const char *const sz[] = { "4K", "2M", "1G", "512G" };
  return level < 4 ? sz[level] : "?";
}

const char *explain_op_name(uint32_t op) { return op == MMU_OP_W ? "W" : op == MMU_OP_X ? "X" : "R"; }
static const char *op_verb(uint32_t op) {
  return op == MMU_OP_W ? "store" : op == MMU_OP_X ? "fetch" : "load";
}
static const char *cache_name(int lvl) {
  static const char *const n[] = { "L1", "L2", "L3", "DRAM" };
  return lvl >= 0 && lvl < 4 ? n[lvl] : "outside memory";
}

static int is_page_fault(uint32_t cause) {
  return cause == CAUSE_FETCH_PAGE_FAULT || cause == CAUSE_LOAD_PAGE_FAULT || cause == CAUSE_STORE_PAGE_FAULT;
}

void explain_satp_text(char *buf, size_t len, uint64_t satp) {
  uint32_t mode = satp_mode(satp);
  if (mode == SATP_MODE_BARE) snprintf(buf, len, "Bare: no translation, pa = va");
  else if (mode == SATP_MODE_SV39 || mode == SATP_MODE_SV48)
    snprintf(buf, len, "Sv%u, ASID %u, root table at 0x%" PRIx64, rv_va_bits(mode), satp_asid(satp),
             satp_ppn(satp) << RV_PAGE_SHIFT);
  else snprintf(buf, len, "MODE %u is not supported: the write is ignored (WARL)", mode);
}

/* ---- analysis ---- */

/* Does the TLB entry say something memory no longer says? */
static int entry_is_stale(const explain_access_t *a) {
  const mmu_walk_t *w = &a->mem;
  if (!w->has_leaf) return 1;
  if (w->leaf_level != a->entry.level) return 1;
  if (ptw_leaf_pa(pte_ppn(w->leaf_pte), w->leaf_level, a->req.va) !=
      ptw_leaf_pa(a->entry.ppn, a->entry.level, a->req.va))
    return 1;
  uint64_t bits = PTE_R | PTE_W | PTE_X | PTE_U | PTE_A | PTE_D;
  if ((w->leaf_pte ^ a->entry.perm) & bits) return 1;
  /* same bits, yet a different verdict: the leaf is misaligned now */
  int tlb_ok = !(a->resp.resp_fault && is_page_fault(a->resp.resp_cause));
  return tlb_ok != w->ok;
}

void explain_analyse(const mmu_t *m, explain_access_t *a) {
  a->why = PTW_OK;
  a->ad_write = 0;
  a->has_leaf = 0;
  a->stale = 0;
  memset(&a->mem, 0, sizeof a->mem);
  uint32_t mode = a->req.mode;
  int translating = mode == SATP_MODE_SV39 || mode == SATP_MODE_SV48;
  if (a->nsteps > 0) {
    const mmu_walk_step_t *last = &a->step[a->nsteps - 1];
    if (last->d.action == PTW_FAULT) a->why = last->d.why;
    if (last->d.action == PTW_LEAF || last->d.action == PTW_LEAF_AD ||
        (last->d.action == PTW_FAULT && mmu_walk_why_at_leaf(last->d.why))) {
      a->has_leaf = 1;
      a->leaf_addr = last->pte_addr;
      a->leaf_level = last->level;
    }
    if (last->d.action == PTW_LEAF_AD) {
      a->ad_write = 1;
      a->ad_value = last->d.new_pte;
    }
  }
  if (translating && !ptw_canonical(a->req.va, mode)) {
    a->why = PTW_WHY_NONCANONICAL;
  } else if (a->tlb_idx >= 0) {
    if (a->resp.resp_fault && is_page_fault(a->resp.resp_cause))
      a->why = ptw_leaf_check(a->entry.perm, &a->req);
    mmu_walk_untimed(m, &a->req, satp_ppn(a->satp), &a->mem);
    if (a->mem.has_leaf) {
      a->has_leaf = 1;
      a->leaf_addr = a->mem.leaf_addr;
      a->leaf_level = a->mem.leaf_level;
    }
    a->stale = entry_is_stale(a);
  }
  if (a->resp.resp_fault && !is_page_fault(a->resp.resp_cause)) a->why = PTW_WHY_ACCESS;
  a->pte_after = a->has_leaf ? mmu_mem_read64(m, a->leaf_addr) : 0;
}

/* ---- one access, worked ---- */

/* One level on one line: where the PTE is and why, its value decoded, and
** what the walker decides. */
static void text_step(explain_out_t *o, const mmu_walk_step_t *s, uint64_t table, uint64_t va) {
  char fl[9];
  explain_printf(o, "  level %u: PTE@0x%" PRIx64 " (0x%" PRIx64 " + 0x%03x*8)", s->level, s->pte_addr, table,
                 ptw_vpn(va, s->level));
  if (s->d.action == PTW_FAULT && s->d.why == PTW_WHY_ACCESS) {
    explain_printf(o, " is outside physical memory: access fault\n");
    return;
  }
  explain_flags(s->pte, fl);
  explain_printf(o, " = 0x%016" PRIx64 "  ppn 0x%" PRIx64 " %s", s->pte, pte_ppn(s->pte), fl);
  if (s->pte & PTE_RESERVED_MASK) explain_printf(o, " [63:54]=0x%03" PRIx64, s->pte >> 54);
  switch (s->d.action) {
    case PTW_NEXT:
      explain_printf(o, "  pointer -> next table at 0x%" PRIx64 "\n", pte_ppn(s->pte) << RV_PAGE_SHIFT);
      break;
    case PTW_LEAF:
    case PTW_LEAF_AD: explain_printf(o, "  leaf: %s page\n", explain_page_size(s->level)); break;
    case PTW_FAULT: explain_printf(o, "  page fault: %s\n", ptw_why_text(s->d.why)); break;
  }
}

static void text_walk(explain_out_t *o, const mmu_walk_step_t *st, uint32_t n, uint64_t root_ppn,
                      uint64_t va) {
  uint64_t table = root_ppn << RV_PAGE_SHIFT;
  for (uint32_t i = 0; i < n; i++) {
    text_step(o, &st[i], table, va);
    table = pte_ppn(st[i].pte) << RV_PAGE_SHIFT;   /* used only if it was a pointer */
  }
}

static void text_entry(explain_out_t *o, const char *lead, int idx, const tlb_entry_t *e, uint64_t va) {
  char fl[9];
  uint64_t mask = (UINT64_C(1) << (RV_PAGE_SHIFT + RV_VPN_BITS * e->level)) - 1u;
  explain_flags(e->perm, fl);
  explain_printf(o, "%s entry %d: va 0x%" PRIx64 " (%s page) -> pa 0x%" PRIx64 ", flags %s, ASID %u%s\n",
                 lead, idx, va & ~mask, explain_page_size(e->level), e->ppn << RV_PAGE_SHIFT, fl, e->asid,
                 (e->perm & PTE_G) ? " (global)" : "");
}

/* What the memory walk says, for the stale note. */
static void memory_says(char *buf, size_t len, const explain_access_t *a) {
  const mmu_walk_t *w = &a->mem;
  const mmu_walk_step_t *s = &w->step[w->nsteps - 1];
  char fl[9], efl[9];
  int n;
  explain_flags(s->pte, fl);
  explain_flags(a->entry.perm, efl);
  if (!w->ok)
    n = snprintf(buf, len, "%s (%s) at level %u PTE 0x%" PRIx64 " = 0x%" PRIx64 " %s",
                 explain_cause_name(w->cause), ptw_why_text(w->why), s->level, s->pte_addr, s->pte, fl);
  else
    n = snprintf(buf, len, "pa 0x%" PRIx64 " via level %u PTE 0x%" PRIx64 " = 0x%" PRIx64 " %s (%s page)",
                 w->pa, s->level, s->pte_addr, s->pte, fl, explain_page_size(w->leaf_level));
  uint64_t bits = PTE_R | PTE_W | PTE_X | PTE_U | PTE_A | PTE_D;
  if (w->has_leaf && n > 0 && (size_t)n < len &&
      (w->leaf_level != a->entry.level || ((w->leaf_pte ^ a->entry.perm) & bits)))
    snprintf(buf + n, len - (size_t)n, ", the TLB entry has %s (%s page)", efl,
             explain_page_size(a->entry.level));
}

static void text_cycles(explain_out_t *o, const explain_access_t *a) {
  explain_printf(o, "  cycles:");
  for (uint32_t i = 0; i < a->nstages; i++) {
    const explain_stage_t *s = &a->stage[i];
    const char *sep = i ? " +" : "";
    switch (s->kind) {
      case EXPLAIN_LOOKUP: explain_printf(o, "%s %" PRIu64 " LOOKUP", sep, s->len); break;
      case EXPLAIN_PTE:
        explain_printf(o, "%s %" PRIu64 " PTE level %u (%s)", sep, s->len, s->level, cache_name(s->cache));
        break;
      case EXPLAIN_ADR:
        explain_printf(o, "%s %" PRIu64 " A/D re-read (%s)", sep, s->len, cache_name(s->cache));
        break;
      case EXPLAIN_AD:
        explain_printf(o, "%s %" PRIu64 " A/D write (%s)", sep, s->len, cache_name(s->cache));
        break;
      case EXPLAIN_DATA:
        explain_printf(o, "%s %" PRIu64 " DATA (%s)", sep, s->len, cache_name(s->cache));
        break;
    }
  }
  explain_printf(o, " = %" PRIu64 "\n", a->cycles);
}

void explain_text(explain_out_t *o, const explain_access_t *a) {
  const scn_item_t *it = a->it;
  const ptw_req_t *r = &a->req;
  char buf[256];
  explain_printf(o, "access %u: %s 0x%016" PRIx64, it->index, explain_op_name(r->op), r->va);
  if (r->op == MMU_OP_W) explain_printf(o, " := 0x%" PRIx64, it->value);
  explain_printf(o, "  priv %s, SUM %u, MXR %u, A/D %s  (line %u)\n", r->priv == MMU_PRIV_S ? "S" : "U",
                 r->sum, r->mxr, r->adue ? "svadu" : "svade", it->line);
  explain_satp_text(buf, sizeof buf, a->satp);
  explain_printf(o, "  satp 0x%016" PRIx64 ": %s\n", a->satp, buf);
  uint32_t levels = rv_levels(r->mode);
  if (levels && !ptw_canonical(r->va, r->mode)) {
    uint32_t b = rv_va_bits(r->mode);
    explain_printf(o, "  va is not canonical for Sv%u: bits 63..%u must all equal bit %u\n", b, b - 1u,
                   b - 1u);
  } else if (levels) {
    explain_printf(o, "  va:");
    for (uint32_t l = levels; l-- > 0;) explain_printf(o, " vpn[%u] 0x%03x", l, ptw_vpn(r->va, l));
    explain_printf(o, " offset 0x%03" PRIx64 "\n", r->va & (RV_PAGE_SIZE - 1u));
    if (a->tlb_idx >= 0) {
      text_entry(o, "  TLB: hit,", a->tlb_idx, &a->entry, r->va);
      if (a->resp.resp_fault && is_page_fault(a->resp.resp_cause))
        explain_printf(o, "  the entry's flags forbid it: %s\n", ptw_why_text(a->why));
    } else if (a->rewalk) {
      text_entry(o, "  TLB: hit on", a->rewalk_idx, &a->rewalk_entry, r->va);
      explain_printf(o, "  but D=0 and this is a store under Svadu: the entry is dropped and the\n"
                        "  walk runs again to set D (counted as a miss)\n");
    } else {
      explain_printf(o, "  TLB: miss\n");
    }
    text_walk(o, a->step, a->nsteps, satp_ppn(a->satp), r->va);
    if (a->ad_write) {
      char fl[9];
      explain_flags(a->ad_value, fl);
      explain_printf(o, "  A/D update: PTE 0x%" PRIx64 " := 0x%016" PRIx64 " %s\n", a->leaf_addr, a->ad_value,
                     fl);
    }
  }
  if (a->resp.resp_fault) {
    explain_printf(o, "  result: %s (%u), tval 0x%016" PRIx64 ": %s\n",
                   explain_cause_name(a->resp.resp_cause), a->resp.resp_cause, a->resp.resp_tval,
                   ptw_why_text(a->why));
    if (a->why == PTW_WHY_ACCESS && (a->nsteps == 0 || a->step[a->nsteps - 1].d.why != PTW_WHY_ACCESS))
      explain_printf(o, "          (the data address 0x%" PRIx64 " is outside physical memory)\n",
                     levels
                         ? ptw_leaf_pa(a->tlb_idx >= 0 ? a->entry.ppn : pte_ppn(a->step[a->nsteps - 1].pte),
                                       a->tlb_idx >= 0 ? a->entry.level : a->leaf_level, r->va)
                         : r->va);
  } else {
    explain_printf(o, "  result: pa 0x%" PRIx64, a->resp.resp_paddr);
    if (levels) {
      uint32_t lvl = a->tlb_idx >= 0 ? a->entry.level : a->leaf_level;
      uint64_t mask = (UINT64_C(1) << (RV_PAGE_SHIFT + RV_VPN_BITS * lvl)) - 1u;
      explain_printf(o, " = page 0x%" PRIx64 " + offset 0x%" PRIx64, a->resp.resp_paddr & ~mask,
                     r->va & mask);
    } else {
      explain_printf(o, " = va (Bare)");
    }
    if (r->op == MMU_OP_W)
      explain_printf(o, "; store writes the word at 0x%" PRIx64 "\n", a->resp.resp_paddr & ~UINT64_C(7));
    else explain_printf(o, "; %s reads 0x%016" PRIx64 "\n", op_verb(r->op), a->resp.resp_rdata);
  }
  if (a->tlb_idx >= 0) {
    if (a->stale) {
      memory_says(buf, sizeof buf, a);
      explain_printf(o, "  note: stale TLB entry: memory now says %s (missing sfence.vma?)\n", buf);
    } else {
      explain_printf(o, "  memory check: a walk of memory now gives the same translation\n");
    }
  }
  text_cycles(o, a);
}

/* ---- JSON ---- */

static void json_hex(FILE *f, const char *key, uint64_t v, int present) {
  if (present) fprintf(f, ",\"%s\":\"0x%" PRIx64 "\"", key, v);
  else fprintf(f, ",\"%s\":null", key);
}

static const char *decision_name(const ptw_decision_t *d) {
  switch (d->action) {
    case PTW_NEXT: return "pointer";
    case PTW_LEAF:
    case PTW_LEAF_AD: return "leaf";
    case PTW_FAULT: return d->why == PTW_WHY_ACCESS ? "access fault" : "page fault";
  }
  return "?";
}

void explain_json(FILE *f, const explain_access_t *a) {
  const ptw_req_t *r = &a->req;
  const mmu_out_t *o = &a->resp;
  char fl[9];
  fprintf(f, "{\"access\":%u,\"line\":%u,\"op\":\"%s\",\"va\":\"0x%" PRIx64 "\"", a->it->index, a->it->line,
          explain_op_name(r->op), r->va);
  json_hex(f, "value", a->it->value, r->op == MMU_OP_W);
  fprintf(f, ",\"priv\":\"%s\",\"sum\":%u,\"mxr\":%u,\"ad\":\"%s\"", r->priv == MMU_PRIV_S ? "S" : "U",
          r->sum, r->mxr, r->adue ? "svadu" : "svade");
  json_hex(f, "satp", a->satp, 1);
  fprintf(f, ",\"tlb_hit\":%s,\"tlb_rewalk\":%s", o->resp_tlb_hit ? "true" : "false",
          a->rewalk ? "true" : "false");
  if (a->tlb_idx >= 0) {
    explain_flags(a->entry.perm, fl);
    fprintf(f,
            ",\"tlb_entry\":{\"index\":%d,\"page_size\":\"%s\",\"vpn\":\"0x%" PRIx64 "\",\"ppn\":\"0x%" PRIx64
            "\",\"flags\":\"%s\",\"asid\":%u}",
            a->tlb_idx, page_size_short(a->entry.level), a->entry.vpn, a->entry.ppn, fl, a->entry.asid);
  } else {
    fprintf(f, ",\"tlb_entry\":null");
  }
  fprintf(f, ",\"steps\":[");
  for (uint32_t i = 0; i < a->nsteps; i++) {
    const mmu_walk_step_t *s = &a->step[i];
    fprintf(f, "%s{\"level\":%u,\"pte_addr\":\"0x%" PRIx64 "\",\"pte\":\"0x%" PRIx64 "\",\"decision\":\"%s\"",
            i ? "," : "", s->level, s->pte_addr, s->pte, decision_name(&s->d));
    if (s->d.action == PTW_FAULT) fprintf(f, ",\"why\":\"%s\"}", ptw_why_text(s->d.why));
    else fprintf(f, ",\"why\":null}");
  }
  fprintf(f, "]");
  json_hex(f, "ad_write", a->ad_value, a->ad_write);
  uint32_t lvl = a->tlb_idx >= 0 ? a->entry.level : a->leaf_level;
  int sized = !o->resp_fault && rv_levels(r->mode) > 0;
  if (sized) fprintf(f, ",\"page_size\":\"%s\"", page_size_short(lvl));
  else fprintf(f, ",\"page_size\":null");
  fprintf(f, ",\"cause\":%u", o->resp_cause);
  if (o->resp_fault)
    fprintf(f, ",\"cause_name\":\"%s\",\"why\":\"%s\"", explain_cause_name(o->resp_cause),
            ptw_why_text(a->why));
  else fprintf(f, ",\"cause_name\":null,\"why\":null");
  json_hex(f, "tval", o->resp_tval, 1);
  json_hex(f, "pa", o->resp_paddr, !o->resp_fault);
  json_hex(f, "rdata", o->resp_rdata, !o->resp_fault && r->op != MMU_OP_W);
  json_hex(f, "pte_after", a->pte_after, a->has_leaf);
  if (o->resp_fault) fprintf(f, ",\"data_level\":null");
  else fprintf(f, ",\"data_level\":\"%s\"", cache_name(o->resp_level));
  fprintf(f, ",\"cycles\":%" PRIu64 ",\"stale\":%s", a->cycles, a->stale ? "true" : "false");
  if (a->stale) {
    char buf[256];
    memory_says(buf, sizeof buf, a);
    fprintf(f, ",\"stale_note\":\"memory now says %s\"", buf);
  } else {
    fprintf(f, ",\"stale_note\":null");
  }
  fprintf(f, "}\n");
}
