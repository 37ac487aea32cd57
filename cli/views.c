/*
** views.c -- vmstat rows, free and /proc/vmstat of a run (see views.h).
** Memory state is counted from the firmware's own tables at the moment
** of the row; interval counts are differences of cumulative counters.
*/
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include "pmap.h"
#include "report.h"
#include "views.h"

#define HEADER_EVERY 20u   /* vmstat repeats its header; so do we, every 20 rows */

void views_snap(views_snap_t *s, const runner_t *r) {
  const os_t *os = r->os;
  const mmu_counters_t *m = &r->mmu.cnt;
  memset(s, 0, sizeof *s);
  s->accesses = r->st.accesses;
  s->page_kb = (UINT64_C(1) << os_page_shift(&os->cfg)) >> 10; /* frames and slots are pages of this size */
  for (uint32_t f = os->free_head, n = 0; f != OS_NONE && n < os->cfg.frames; f = os->frame[f].next, n++)
    s->free_frames++;
  s->used_frames = os->cfg.frames - s->free_frames;
  for (uint32_t i = 0; i < os->cfg.swap_slots; i++) s->swap_used += os->swap_owner[i] != OS_NONE;
  for (uint32_t i = 0; i < os->cfg.pt_frames; i++) s->pt_pages += os->pt_owner[i] != OS_NONE;
  s->minor = os->st.minor_faults;
  s->major = os->st.major_faults;
  s->ad_faults = os->st.ad_faults;
  s->faults = os->st.faults;
  s->evictions = os->st.evictions;
  s->swap_ins = os->st.swap_ins;
  s->swap_outs = os->st.swap_outs;
  s->discards = os->st.discards;
  s->oom_kills = os->st.oom_kills;
  s->tlb_hits = m->tlb_hits;
  s->tlb_misses = m->tlb_misses;
  s->walks = m->walks;
  s->pte_reads = m->pte_reads;
  s->responses = m->accesses;
  s->latency_sum = m->latency_sum;
  s->mmu_cycles = m->cycles;
  s->os_cycles = r->hal.os_cycles;
}

void views_init(views_t *v, uint64_t every, int json, FILE *out) {
  memset(v, 0, sizeof *v);
  v->every = every;
  v->json = json;
  v->out = out;
  v->header_every = HEADER_EVERY;
}

void views_free(views_t *v) {
  free(v->rows);
  v->rows = NULL;
  v->nrows = v->cap = 0;
}

int views_any(const views_t *v) { return v->every || v->free || v->pmap || v->proc_vmstat; }

/* Cumulative fields of b minus a; the state fields are b's. */
static void diff(views_snap_t *d, const views_snap_t *a, const views_snap_t *b) {
  *d = *b;
  d->accesses -= a->accesses;
  d->minor -= a->minor;
  d->major -= a->major;
  d->ad_faults -= a->ad_faults;
  d->faults -= a->faults;
  d->evictions -= a->evictions;
  d->swap_ins -= a->swap_ins;
  d->swap_outs -= a->swap_outs;
  d->discards -= a->discards;
  d->oom_kills -= a->oom_kills;
  d->tlb_hits -= a->tlb_hits;
  d->tlb_misses -= a->tlb_misses;
  d->walks -= a->walks;
  d->pte_reads -= a->pte_reads;
  d->responses -= a->responses;
  d->latency_sum -= a->latency_sum;
  d->mmu_cycles -= a->mmu_cycles;
  d->os_cycles -= a->os_cycles;
}

static void text_header(FILE *f) {
  fputs("accesses  swpd(kB)  free(kB)  used(kB)     si     so  minflt  majflt   evict    tlb%     AMAT"
        "      cycles\n",
        f);
}

static void text_row(FILE *f, const views_row_t *w) {
  char hit[32], amat[32];
  report_ratio(hit, sizeof hit, w->d.tlb_hits * 100u, w->d.tlb_hits + w->d.tlb_misses);
  report_ratio(amat, sizeof amat, w->d.latency_sum, w->d.responses);
  fprintf(f,
          "%8" PRIu64 " %9" PRIu64 " %9" PRIu64 " %9" PRIu64 " %6" PRIu64 " %6" PRIu64 " %7" PRIu64
          " %7" PRIu64 " %7" PRIu64 " %7s %8s %11" PRIu64 "\n",
          w->at.accesses, w->at.swap_used * w->at.page_kb, w->at.free_frames * w->at.page_kb,
          w->at.used_frames * w->at.page_kb, w->d.swap_ins, w->d.swap_outs, w->d.minor, w->d.major,
          w->d.evictions, hit, amat, w->d.mmu_cycles + w->d.os_cycles);
}

/* Close the interval ending now: print it, or keep it for the JSON. */
static void row(views_t *v, const runner_t *r) {
  views_row_t w;
  views_snap(&w.at, r);
  diff(&w.d, &v->last, &w.at);
  v->last = w.at;
  if (v->json) {
    if (v->nrows == v->cap) {
      size_t cap = v->cap ? v->cap * 2u : 64u;
      views_row_t *n = realloc(v->rows, cap * sizeof *n);
      if (!n) {
        v->oom = 1;
        return;
      }
      v->rows = n;
      v->cap = cap;
    }
    v->rows[v->nrows++] = w;
    return;
  }
  if (v->nrows == 0 || (v->header_every && v->nrows % v->header_every == 0)) text_header(v->out);
  text_row(v->out, &w);
  v->nrows++;
  fflush(v->out); /* rows appear as the run goes, like vmstat's */
}

void views_watch(void *ctx, const runner_t *r) {
  views_t *v = ctx;
  if (v->every && r->st.accesses % v->every == 0) row(v, r);
}

/* The partial interval at the end of the trace, if any. */
static void last_row(views_t *v, const runner_t *r) {
  if (v->every && r->st.accesses > v->last.accesses) row(v, r);
}

void views_free_text(FILE *f, const runner_t *r) {
  views_snap_t s;
  views_snap(&s, r);
  uint64_t frames = r->cfg.os.frames, slots = r->cfg.os.swap_slots;
  fputs("               total        used        free\n", f);
  fprintf(f, "Mem:     %11" PRIu64 " %11" PRIu64 " %11" PRIu64 "\n", frames * s.page_kb,
          s.used_frames * s.page_kb, s.free_frames * s.page_kb);
  fprintf(f, "Swap:    %11" PRIu64 " %11" PRIu64 " %11" PRIu64 "\n", slots * s.page_kb,
          s.swap_used * s.page_kb, (slots - s.swap_used) * s.page_kb);
}

/* name, value pairs of /proc/vmstat (pages or events), in print order. */
typedef struct {
  const char *name;
  uint64_t value;
} counter_t;

#define NCOUNTERS 19u

static void counters(counter_t c[NCOUNTERS], const runner_t *r) {
  views_snap_t s;
  views_snap(&s, r);
  uint64_t base = s.page_kb / 4u; /* page counts are in 4 KiB pages, as Linux's are; events stay events */
  const counter_t all[NCOUNTERS] = {
    { "nr_free_pages", s.free_frames * base },
    { "nr_anon_pages", s.used_frames * base },
    { "nr_page_table_pages", s.pt_pages },
    { "nr_swap_pages_used", s.swap_used * base },
    { "pgfault", s.faults },
    { "pgmajfault", s.major },
    { "pgminfault", s.minor },
    { "pgadfault", s.ad_faults },
    { "pswpin", s.swap_ins * base },
    { "pswpout", s.swap_outs * base },
    { "pgsteal", s.evictions },
    { "pgdrop_clean", s.discards },
    { "oom_kill", s.oom_kills },
    { "tlb_hit", s.tlb_hits },
    { "tlb_miss", s.tlb_misses },
    { "tlb_flush", r->mmu.cnt.sfences },
    { "page_walk", s.walks },
    { "pte_read", s.pte_reads },
    { "pte_ad_write", r->mmu.cnt.ad_writes },
  };
  memcpy(c, all, sizeof all);
}

void views_proc_vmstat_text(FILE *f, const runner_t *r) {
  counter_t c[NCOUNTERS];
  counters(c, r);
  for (uint32_t i = 0; i < NCOUNTERS; i++) fprintf(f, "%s %" PRIu64 "\n", c[i].name, c[i].value);
}

void views_text_finish(views_t *v, const runner_t *r) {
  FILE *f = v->out;
  int sep = 0;
  last_row(v, r);
  if (v->every) sep = 1;
  if (v->free) {
    if (sep) fputc('\n', f);
    views_free_text(f, r);
    sep = 1;
  }
  if (v->pmap) {
    if (sep) fputc('\n', f);
    pmap_text(f, r);
    sep = 0; /* pmap ends with a blank line */
  }
  if (v->proc_vmstat) {
    if (sep) fputc('\n', f);
    views_proc_vmstat_text(f, r);
  }
}

/* ---- JSON ---- */

static void json_row(FILE *f, const views_row_t *w) {
  char hit[32];
  report_ratio(hit, sizeof hit, w->d.tlb_hits * 100u, w->d.tlb_hits + w->d.tlb_misses);
  fprintf(f,
          "{\"accesses\": %" PRIu64 ", \"swpd_kb\": %" PRIu64 ", \"free_kb\": %" PRIu64
          ", \"used_kb\": %" PRIu64 ", \"si\": %" PRIu64 ", \"so\": %" PRIu64 ", \"minor_faults\": %" PRIu64
          ", \"major_faults\": %" PRIu64 ", \"evictions\": %" PRIu64 ", \"tlb_hits\": %" PRIu64
          ", \"tlb_misses\": %" PRIu64 ", \"tlb_hit_pct\": %s, \"mmu_responses\": %" PRIu64
          ", \"latency_sum\": %" PRIu64 ", \"mmu_cycles\": %" PRIu64 ", \"os_cycles\": %" PRIu64 "}",
          w->at.accesses, w->at.swap_used * w->at.page_kb, w->at.free_frames * w->at.page_kb,
          w->at.used_frames * w->at.page_kb, w->d.swap_ins, w->d.swap_outs, w->d.minor, w->d.major,
          w->d.evictions, w->d.tlb_hits, w->d.tlb_misses, w->d.tlb_hits + w->d.tlb_misses ? hit : "null",
          w->d.responses, w->d.latency_sum, w->d.mmu_cycles, w->d.os_cycles);
}

int views_json_finish(views_t *v, const runner_t *r, FILE *f) {
  last_row(v, r);
  if (v->every) {
    fprintf(f, ",\n  \"vmstat\": {\"every\": %" PRIu64 ", \"rows\": [", v->every);
    for (size_t i = 0; i < v->nrows; i++) {
      fputs(i ? ",\n    " : "\n    ", f);
      json_row(f, &v->rows[i]);
    }
    fputs("]}", f);
  }
  if (v->free) {
    views_snap_t s;
    views_snap(&s, r);
    uint64_t frames = r->cfg.os.frames, slots = r->cfg.os.swap_slots;
    fprintf(f,
            ",\n  \"free_kb\": {\"mem\": {\"total\": %" PRIu64 ", \"used\": %" PRIu64 ", \"free\": %" PRIu64
            "}, \"swap\": {\"total\": %" PRIu64 ", \"used\": %" PRIu64 ", \"free\": %" PRIu64 "}}",
            frames * s.page_kb, s.used_frames * s.page_kb, s.free_frames * s.page_kb, slots * s.page_kb,
            s.swap_used * s.page_kb, (slots - s.swap_used) * s.page_kb);
  }
  if (v->pmap) {
    fputs(",\n  \"pmap\": ", f);
    pmap_json(f, r);
  }
  if (v->proc_vmstat) {
    counter_t c[NCOUNTERS];
    counters(c, r);
    fputs(",\n  \"proc_vmstat\": {", f);
    for (uint32_t i = 0; i < NCOUNTERS; i++)
      fprintf(f, "\"%s\": %" PRIu64 "%s", c[i].name, c[i].value, i + 1 < NCOUNTERS ? ", " : "");
    fputc('}', f);
  }
  fputs("\n}\n", f);
  return v->oom ? -1 : 0;
}
