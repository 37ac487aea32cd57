/*
** pmap.c -- a process's touched pages as ranges, from its page tables
** (see pmap.h).  Reads words of the model's memory; changes nothing.
*/
#include <inttypes.h>
#include "pmap.h"
#include "riscv.h"

#define KB_PER_PAGE 4u

typedef struct {
  const runner_t *r;
  uint32_t vabits;          /* 39 or 48 */
  pmap_range_t cur;         /* range being grown; pages = 0 when none */
  uint64_t cur_vpn;         /* vpn of cur's first page (not sign-extended) */
  pmap_range_t *total;
  pmap_range_fn fn;
  void *ctx;
} walk_t;

/* The canonical address of page vpn: bit vabits-1 copied upwards. */
static uint64_t vpn_va(const walk_t *w, uint64_t vpn) {
  unsigned shift = 64u - w->vabits;
  return (uint64_t)((int64_t)((vpn << RV_PAGE_SHIFT) << shift) >> shift);
}

static void flush(walk_t *w) {
  if (w->cur.pages) w->fn(w->ctx, &w->cur);
  w->cur.pages = 0;
}

/* pages pages from vpn on, all resident (dirty or not) or all swapped. */
static void add(walk_t *w, uint64_t vpn, uint64_t pages, int resident, int dirty) {
  if (w->cur.pages && vpn != w->cur_vpn + w->cur.pages) flush(w);
  if (!w->cur.pages) {
    w->cur.start = vpn_va(w, vpn);
    w->cur.rss = w->cur.dirty = w->cur.swap = 0;
    w->cur_vpn = vpn;
  }
  w->cur.pages += pages;
  w->total->pages += pages;
  if (resident) {
    w->cur.rss += pages;
    w->total->rss += pages;
    if (dirty) {
      w->cur.dirty += pages;
      w->total->dirty += pages;
    }
  } else {
    w->cur.swap += pages;
    w->total->swap += pages;
  }
}

/* The table at pa, of level `level`, covering the pages from vpn_base on. */
static void walk_table(walk_t *w, uint64_t pa, uint32_t level, uint64_t vpn_base) {
  for (uint64_t i = 0; i < (1u << RV_VPN_BITS); i++) {
    uint64_t pte = mmu_mem_read64(&w->r->mmu, pa + i * 8u);
    uint64_t vpn = vpn_base + (i << (level * RV_VPN_BITS));
    if (pte & PTE_V) {
      uint64_t next = ((pte >> PTE_PPN_SHIFT) & PTE_PPN_MASK) << RV_PAGE_SHIFT;
      if (pte & (PTE_R | PTE_W | PTE_X))
        add(w, vpn, UINT64_C(1) << (level * RV_VPN_BITS), 1, (pte & PTE_D) != 0);
      else if (level > 0) walk_table(w, next, level - 1u, vpn);
    } else if (pte & OS_PTE_SWAPPED) {   /* a swapped huge page (--page-size) is a level-1/2 mark */
      add(w, vpn, UINT64_C(1) << (level * RV_VPN_BITS), 0, 0);
    }
  }
}

void pmap_ranges(const runner_t *r, uint32_t pid, pmap_range_fn fn, void *ctx, pmap_range_t *total) {
  total->start = total->pages = total->rss = total->dirty = total->swap = 0;
  if (pid >= OS_MAX_PROCS || r->os->proc[pid].state != OS_PROC_ALIVE) return;
  uint32_t levels = rv_levels(r->cfg.os.mode);
  walk_t w = { r, RV_PAGE_SHIFT + levels * RV_VPN_BITS, { 0, 0, 0, 0, 0 }, 0, total, fn, ctx };
  walk_table(&w, r->os->proc[pid].root_ppn << RV_PAGE_SHIFT, levels - 1u, 0);
  flush(&w);
}

/* ---- text: pmap -x ---- */

static void text_range(void *ctx, const pmap_range_t *g) {
  FILE *f = ctx;
  fprintf(f, "%016" PRIx64 " %8" PRIu64 " %8" PRIu64 " %8" PRIu64 " %8" PRIu64 "  rwx-u  [ anon ]\n",
          g->start, g->pages * KB_PER_PAGE, g->rss * KB_PER_PAGE, g->dirty * KB_PER_PAGE,
          g->swap * KB_PER_PAGE);
}

void pmap_text(FILE *f, const runner_t *r) {
  for (uint32_t p = 0; p < OS_MAX_PROCS; p++) {
    if (r->os->proc[p].state != OS_PROC_ALIVE) continue;
    fprintf(f, "pmap %u (ASID %u)\n", p, p);
    fprintf(f, "Address            Kbytes      RSS    Dirty     Swap  Mode   Mapping\n");
    pmap_range_t t;
    pmap_ranges(r, p, text_range, f, &t);
    fprintf(f, "---------------- -------- -------- -------- --------\n");
    fprintf(f, "total kB         %8" PRIu64 " %8" PRIu64 " %8" PRIu64 " %8" PRIu64 "\n\n",
            t.pages * KB_PER_PAGE, t.rss * KB_PER_PAGE, t.dirty * KB_PER_PAGE, t.swap * KB_PER_PAGE);
  }
}

/* ---- JSON ---- */

typedef struct {
  FILE *f;
  int first;
} json_ctx_t;

static void json_fields(FILE *f, const pmap_range_t *g) {
  fprintf(f, "\"kb\": %" PRIu64 ", \"rss_kb\": %" PRIu64 ", \"dirty_kb\": %" PRIu64 ", \"swap_kb\": %" PRIu64,
          g->pages * KB_PER_PAGE, g->rss * KB_PER_PAGE, g->dirty * KB_PER_PAGE, g->swap * KB_PER_PAGE);
}

static void json_range(void *ctx, const pmap_range_t *g) {
  json_ctx_t *j = ctx;
  fprintf(j->f, "%s{\"start\": \"0x%016" PRIx64 "\", ", j->first ? "" : ", ", g->start);
  json_fields(j->f, g);
  fputc('}', j->f);
  j->first = 0;
}

void pmap_json(FILE *f, const runner_t *r) {
  fputc('[', f);
  int first = 1;
  for (uint32_t p = 0; p < OS_MAX_PROCS; p++) {
    if (r->os->proc[p].state != OS_PROC_ALIVE) continue;
    fprintf(f, "%s\n    {\"pid\": %u, \"ranges\": [", first ? "" : ",", p);
    first = 0;
    json_ctx_t j = { f, 1 };
    pmap_range_t t;
    pmap_ranges(r, p, json_range, &j, &t);
    fputs("], \"total\": {", f);
    json_fields(f, &t);
    fputs("}}", f);
  }
  fputc(']', f);
}
