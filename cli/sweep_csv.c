/*
** sweep_csv.c -- what one run of a sweep measured, and the sweep's CSV and
** summary table (see sweep.h).  Counters only; rates in integer arithmetic.
*/
#include <inttypes.h>
#include <string.h>
#include "report.h"
#include "sweep.h"

void sweep_point(sweep_point_t *p, const runner_t *r, uint64_t value) {
  const mmu_counters_t *m = &r->mmu.cnt;
  memset(p, 0, sizeof *p);
  p->value = value;
  views_snap(&p->c, r);
  p->walk_cycles = m->walk_cycles;
  for (uint32_t i = 0; i < 4; i++) p->pte_level[i] = m->pte_level[i];
  for (uint32_t i = 0; i < CACHE_LEVELS; i++) p->level_latency[i] = r->cfg.mmu.cache.level[i].latency;
  p->level_latency[3] = r->cfg.mmu.cache.dram_latency;
}

/* A rate for the CSV: empty (missing) when den = 0. */
static const char *csv_ratio(char *buf, size_t len, uint64_t num, uint64_t den) {
  if (!den) {
    buf[0] = '\0';
    return buf;
  }
  report_ratio(buf, len, num, den);
  return buf;
}

void sweep_csv(FILE *f, const char *param, const sweep_point_t *p, uint32_t n) {
  for (const char *c = param; *c; c++) fputc(*c == '-' ? '_' : *c, f);
  fputs(",accesses,page_faults,minor_faults,major_faults,fault_rate_pct,evictions,swap_ins,swap_outs,"
        "tlb_hits,tlb_misses,tlb_hit_pct,amat,walks,walk_cycles,pte_l1,pte_l2,pte_l3,pte_dram,"
        "walk_cycles_l1,walk_cycles_l2,walk_cycles_l3,walk_cycles_dram,walk_cycles_ad,"
        "mmu_cycles,os_cycles,cycles\n",
        f);
  for (uint32_t i = 0; i < n; i++) {
    const sweep_point_t *q = &p[i];
    char rate[32], hit[32], amat[32];
    uint64_t faults = q->c.minor + q->c.major, by_level = 0;
    fprintf(f,
            "%" PRIu64 ",%" PRIu64 ",%" PRIu64 ",%" PRIu64 ",%" PRIu64 ",%s,%" PRIu64 ",%" PRIu64 ",%" PRIu64
            ",%" PRIu64 ",%" PRIu64 ",%s,%s,%" PRIu64 ",%" PRIu64,
            q->value, q->c.accesses, faults, q->c.minor, q->c.major,
            csv_ratio(rate, sizeof rate, faults * 100u, q->c.accesses), q->c.evictions, q->c.swap_ins,
            q->c.swap_outs, q->c.tlb_hits, q->c.tlb_misses,
            csv_ratio(hit, sizeof hit, q->c.tlb_hits * 100u, q->c.tlb_hits + q->c.tlb_misses),
            csv_ratio(amat, sizeof amat, q->c.latency_sum, q->c.responses), q->c.walks, q->walk_cycles);
    for (uint32_t l = 0; l < 4; l++) fprintf(f, ",%" PRIu64, q->pte_level[l]);
    /* a PTE stage lasts the latency of the level holding the PTE (timing contract, section 2) */
    for (uint32_t l = 0; l < 4; l++) {
      uint64_t c = q->pte_level[l] * q->level_latency[l];
      by_level += c;
      fprintf(f, ",%" PRIu64, c);
    }
    fprintf(f, ",%" PRIu64 ",%" PRIu64 ",%" PRIu64 ",%" PRIu64 "\n", q->walk_cycles - by_level,
            q->c.mmu_cycles, q->c.os_cycles, q->c.mmu_cycles + q->c.os_cycles);
  }
}

void sweep_table(FILE *f, const char *param, const sweep_point_t *p, uint32_t n) {
  fprintf(f, "%12s %9s %12s %10s %9s %9s %8s %14s\n", param, "accesses", "page faults", "fault %",
          "evictions", "TLB hit%", "AMAT", "cycles");
  for (uint32_t i = 0; i < n; i++) {
    const sweep_point_t *q = &p[i];
    char rate[32], hit[32], amat[32];
    uint64_t faults = q->c.minor + q->c.major;
    report_ratio(rate, sizeof rate, faults * 100u, q->c.accesses);
    report_ratio(hit, sizeof hit, q->c.tlb_hits * 100u, q->c.tlb_hits + q->c.tlb_misses);
    report_ratio(amat, sizeof amat, q->c.latency_sum, q->c.responses);
    fprintf(f, "%12" PRIu64 " %9" PRIu64 " %12" PRIu64 " %10s %9" PRIu64 " %9s %8s %14" PRIu64 "\n", q->value,
            q->c.accesses, faults, rate, q->c.evictions, hit, amat, q->c.mmu_cycles + q->c.os_cycles);
  }
}
