/*
** explain_sheet.c -- the worksheet of a scenario (explain.h): the machine, the memory words
** sorted by address, satp and the settings, and the accesses to work out, with blank answer
** lines for a quiz.
*/
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include "explain.h"
#include "riscv.h"
#include "mmu_port.h"

/* "4 KiB" .. for a byte count that is a power-of-two multiple, else hex. */
static void size_text(char *buf, size_t len, uint64_t bytes) {
  static const char *const unit[] = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
  unsigned u = 0;
  uint64_t v = bytes;
  while (u < 6 && v >= 1024u && v % 1024u == 0) {
    v /= 1024u;
    u++;
  }
  snprintf(buf, len, "%" PRIu64 " %s", v, unit[u]);
}

/* ---- the worksheet ---- */

typedef struct {
  uint64_t addr, value;
  uint32_t order;
} memword_t;

static int memword_cmp(const void *x, const void *y) {
  const memword_t *a = x, *b = y;
  if (a->addr != b->addr) return a->addr < b->addr ? -1 : 1;
  return a->order < b->order ? -1 : a->order > b->order;
}

static void sheet_memory(explain_out_t *o, const scenario_t *s) {
  uint32_t n = 0;
  while (n < s->n && s->item[n].kind != SCN_ACCESS) n++;
  memword_t *w = malloc(((size_t)n + 1u) * sizeof *w);
  uint32_t k = 0;
  if (!w) return;
  for (uint32_t i = 0; i < n; i++)
    if (s->item[i].kind == SCN_WORD) {
      memword_t e = { s->item[i].addr, s->item[i].value, i };
      w[k++] = e;
    }
  qsort(w, k, sizeof *w, memword_cmp);
  explain_printf(o, "memory before access 1 (64-bit words; every other word reads 0):\n");
  if (k == 0) explain_printf(o, "  (no words: all memory reads 0)\n");
  else explain_printf(o, "  address        value\n");
  for (uint32_t i = 0; i < k; i++) {
    if (i + 1 < k && w[i + 1].addr == w[i].addr) continue;   /* a later line wins */
    char a[24];
    snprintf(a, sizeof a, "0x%" PRIx64, w[i].addr);
    explain_printf(o, "  %-13s  0x%016" PRIx64 "\n", a, w[i].value);
  }
  free(w);
}

static void sheet_line(explain_out_t *o, const char *text, uint32_t line) {
  explain_printf(o, "%-62s  (line %u)\n", text, line);
}

void explain_sheet(explain_out_t *o, const scenario_t *s, const char *title) {
  char sz[32], buf[160], st[96];
  cache_cfg_t cc;
  cache_cfg_default(&cc);
  size_text(sz, sizeof sz, s->mem_size);
  explain_printf(o, "mmulab translate: %s\n", title);
  explain_printf(o, "physical memory 0x%" PRIx64 "..0x%" PRIx64 " (%s)\n", s->mem_base,
                 s->mem_base + s->mem_size - 1u, sz);
  explain_printf(o,
                 "TLB and caches start empty; a request takes LOOKUP 1 cycle, then each PTE,\n"
                 "A/D write-back and data access %u (L1), %u (L2), %u (L3) or %u (DRAM) cycles\n",
                 cc.level[0].latency, cc.level[1].latency, cc.level[2].latency, cc.dram_latency);
  explain_printf(o, "\n");
  sheet_memory(o, s);
  explain_printf(o, "\nsequence:\n");
  int started = 0;
  for (uint32_t i = 0; i < s->n; i++) {
    const scn_item_t *it = &s->item[i];
    switch (it->kind) {
      case SCN_WORD:
        if (!started) break;   /* in the table above */
        snprintf(buf, sizeof buf, "      word 0x%" PRIx64 " := 0x%016" PRIx64, it->addr, it->value);
        sheet_line(o, buf, it->line);
        break;
      case SCN_SATP:
      case SCN_MODE:
        if (!it->satp_we) break;   /* a mode line before any satp: shown by the satp line */
        explain_satp_text(st, sizeof st, it->kind == SCN_SATP ? it->value : it->satp);
        snprintf(buf, sizeof buf, "      %ssatp := 0x%016" PRIx64 " (%s)",
                 it->kind == SCN_MODE ? (it->mode == SATP_MODE_SV48 ? "mode sv48: " : "mode sv39: ") : "",
                 it->kind == SCN_SATP ? it->value : it->satp, st);
        sheet_line(o, buf, it->line);
        break;
      case SCN_SFENCE: {
        int w = snprintf(buf, sizeof buf, "      sfence.vma");
        if (it->has_va) w += snprintf(buf + w, sizeof buf - (size_t)w, " va 0x%016" PRIx64, it->addr);
        if (it->has_asid) w += snprintf(buf + w, sizeof buf - (size_t)w, " asid %u", it->asid);
        if (!it->has_va && !it->has_asid) snprintf(buf + w, sizeof buf - (size_t)w, " (all)");
        sheet_line(o, buf, it->line);
        break;
      }
      case SCN_FLUSH: sheet_line(o, "      flush: TLB and all caches emptied", it->line); break;
      case SCN_ACCESS: {
        started = 1;
        int w =
            snprintf(buf, sizeof buf, "%4u. %s 0x%016" PRIx64, it->index, explain_op_name(it->op), it->addr);
        if (it->op == MMU_OP_W) w += snprintf(buf + w, sizeof buf - (size_t)w, " := 0x%" PRIx64, it->value);
        snprintf(buf + w, sizeof buf - (size_t)w, "  priv %s SUM %u MXR %u %s",
                 it->priv == MMU_PRIV_S ? "S" : "U", it->sum, it->mxr, it->adue ? "svadu" : "svade");
        sheet_line(o, buf, it->line);
        break;
      }
      default: break;   /* mem, priv, sum, mxr, ad: shown in the header and access lines */
    }
  }
}

void explain_blank(explain_out_t *o, const scn_item_t *it) {
  explain_printf(o, "%4u. %s 0x%016" PRIx64 "\n", it->index, explain_op_name(it->op), it->addr);
  explain_printf(o, "      TLB hit or miss: ______   PTEs read (address = value): ______________________\n");
  explain_printf(o,
                 "      physical address, or exception (cause, tval): __________________   cycles: ______\n");
}
