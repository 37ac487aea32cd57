/*
** scenario_gen.c -- builds a random scenario for `translate --random SEED`:
** one path of tables from the root to level 0, every corner case hung off
** it at a random index, and the accesses in a random order of groups.
*/
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "riscv.h"
#include "mmu_port.h"
#include "scenario_corners.h"
#include "scenario_gen.h"

typedef struct {
  char *buf;
  size_t len, cap;
  int oom;
} sb_t;

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void
sb_printf(sb_t *b, const char *fmt, ...) {
  va_list ap;
  char tmp[256];
  va_start(ap, fmt);
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (n < 0 || b->oom) return;
  if (b->len + (size_t)n + 1u > b->cap) {
    size_t cap = b->cap ? b->cap * 2u : 4096u;
    while (cap < b->len + (size_t)n + 1u) cap *= 2u;
    char *p = realloc(b->buf, cap);
    if (!p) {
      b->oom = 1;
      return;
    }
    b->buf = p;
    b->cap = cap;
  }
  memcpy(b->buf + b->len, tmp, (size_t)n + 1u);
  b->len += (size_t)n;
}

uint64_t scenario_gen_next(uint64_t *state) {
  uint64_t x = *state;
  x ^= x << 13;
  x ^= x >> 7;
  x ^= x << 17;
  *state = x;
  return x;
}

uint64_t scenario_gen_seed(uint64_t seed) {
  /* odd multiplier (2^64 / golden ratio): a bijection, so seeds stay distinct */
  uint64_t s = (seed + 1u) * UINT64_C(0x9e3779b97f4a7c15);
  return s ? s : UINT64_C(0x9e3779b97f4a7c15);
}

/* ---- output ---- */

static void emit_settings(sb_t *b, const gen_event_t *e, int *cur) {
  static const char *const name[4] = { "priv", "sum", "mxr", "ad" };
  int want[4] = { e->priv, e->sum, e->mxr, e->adue };
  for (unsigned k = 0; k < 4; k++) {
    if (want[k] < 0 || want[k] == cur[k]) continue;
    cur[k] = want[k];
    if (k == 0) sb_printf(b, "priv %s\n", want[k] == (int)MMU_PRIV_S ? "S" : "U");
    else if (k == 3) sb_printf(b, "ad %s\n", want[k] ? "svadu" : "svade");
    else sb_printf(b, "%s %d\n", name[k], want[k]);
  }
}

static void emit_event(sb_t *b, const gen_t *g, const gen_event_t *e, int *cur) {
  static const char ops[3] = { 'R', 'W', 'X' };
  switch (e->kind) {
    case GEN_EV_WORD: sb_printf(b, "word 0x%" PRIx64 " 0x%016" PRIx64 "\n", e->addr, e->value); break;
    case GEN_EV_SFENCE:
      sb_printf(b, "sfence");
      if (e->sf_va) sb_printf(b, " va 0x%" PRIx64, e->addr);
      if (e->sf_asid) sb_printf(b, " asid %u", g->asid);
      sb_printf(b, "\n");
      break;
    case GEN_EV_ACCESS:
      emit_settings(b, e, cur);
      sb_printf(b, "%c 0x%" PRIx64, ops[e->op], e->addr);
      if (e->op == MMU_OP_W) sb_printf(b, " 0x%" PRIx64, e->value);
      sb_printf(b, "\n");
      break;
  }
}

static int word_cmp(const void *x, const void *y) {
  const uint64_t *a = x, *b = y;
  return a[0] < b[0] ? -1 : a[0] > b[0];
}

int scenario_gen_text(uint64_t seed, char **text, size_t *len) {
  gen_t *g = calloc(1, sizeof *g);
  gen_group_t *gr = calloc(GEN_GROUPS, sizeof *gr);
  sb_t b = { NULL, 0, 0, 0 };
  if (!g || !gr) {
    free(g);
    free(gr);
    return -1;
  }
  gen_build(g, gr, seed);
  uint32_t order[GEN_GROUPS];
  for (uint32_t i = 0; i < GEN_GROUPS; i++) order[i] = i;
  for (uint32_t i = GEN_GROUPS - 1u; i > 0; i--) {   /* Fisher-Yates */
    uint32_t k = gen_rnd(g, i + 1u), t = order[i];
    order[i] = order[k];
    order[k] = t;
  }
  uint32_t p0 = 0, p10 = 0;
  for (uint32_t i = 0; i < GEN_GROUPS; i++) {
    if (order[i] == 0) p0 = i;
    if (order[i] == 10) p10 = i;
  }
  if (p10 < p0) {
    order[p0] = 10;
    order[p10] = 0;
  }   /* cache first, remap later */

  sb_printf(&b, "# mmulab translate --random %" PRIu64 ": a generated scenario.\n", seed);
  sb_printf(&b, "# Save this output as a .scn file: `mmulab translate FILE` runs it again.\n");
  sb_printf(&b, "mode %s\n", g->mode == SATP_MODE_SV48 ? "sv48" : "sv39");
  sb_printf(&b, "satp 0x%" PRIx64 " %u\n", g->table[g->levels - 1u], g->asid);
  sb_printf(&b, "# memory (the default range 0x80000000, 1 GiB); every other word is 0\n");
  uint64_t words[GEN_MAX_WORDS][2];
  for (uint32_t i = 0; i < g->nwords; i++) {
    words[i][0] = g->waddr[i];
    words[i][1] = g->wval[i];
  }
  qsort(words, g->nwords, sizeof words[0], word_cmp);
  for (uint32_t i = 0; i < g->nwords; i++)
    sb_printf(&b, "word 0x%" PRIx64 " 0x%016" PRIx64 "\n", words[i][0], words[i][1]);
  sb_printf(&b, "# accesses (settings start as priv U, sum 0, mxr 0, ad svadu)\n");
  int cur[4] = { MMU_PRIV_U, 0, 0, 1 };
  for (uint32_t i = 0; i < GEN_GROUPS; i++)
    for (uint32_t k = 0; k < gr[order[i]].n; k++) emit_event(&b, g, &gr[order[i]].ev[k], cur);
  free(g);
  free(gr);
  if (b.oom) {
    free(b.buf);
    return -1;
  }
  *text = b.buf;
  *len = b.len;
  return 0;
}
