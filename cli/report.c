/*
** report.c -- the text and JSON reports of a run (see report.h).
** Numbers only from counters of model, firmware and runner; rates and
** averages in integer arithmetic; no time, pointer or hash order shown.
*/
#include <inttypes.h>
#include <string.h>
#include "report.h"
#include "riscv.h"
#include "mmu_port.h"

#define KB_PER_PAGE 4u

static const char *const level_name[CACHE_LEVELS] = { "L1", "L2", "L3" };
static const uint32_t causes[] = { 1, 5, 7, 12, 13, 15 };
#define NCAUSES (sizeof causes / sizeof causes[0])

static const char *cause_name(uint32_t c) {
  switch (c) {
    case CAUSE_FETCH_ACCESS: return "fetch access fault";
    case CAUSE_LOAD_ACCESS: return "load access fault";
    case CAUSE_STORE_ACCESS: return "store access fault";
    case CAUSE_FETCH_PAGE_FAULT: return "fetch page fault";
    case CAUSE_LOAD_PAGE_FAULT: return "load page fault";
    case CAUSE_STORE_PAGE_FAULT: return "store page fault";
    default: return "other";
  }
}

static const char *repl_name(repl_policy_t p) {
  return p == REPL_PLRU ? "plru" : p == REPL_RANDOM ? "random" : "lru";
}

static const char *policy_name(os_policy_t p) {
  return p == OS_POLICY_FIFO      ? "fifo"
         : p == OS_POLICY_CLOCK   ? "clock"
         : p == OS_POLICY_OPT     ? "opt"
         : p == OS_POLICY_STUDENT ? "student"
                                  : "lru";
}

static const char *state_name(uint8_t s) {
  return s == OS_PROC_ALIVE ? "alive" : s == OS_PROC_KILLED ? "killed" : "none";
}

void report_ratio(char *buf, size_t len, uint64_t num, uint64_t den) {
  if (den == 0) {
    snprintf(buf, len, "-");
    return;
  }
  /* hundredths, rounded half up; num < 2^57 in any run that fits a day */
  uint64_t h = (num * 100u + den / 2u) / den;
  snprintf(buf, len, "%" PRIu64 ".%02u", h / 100u, (unsigned)(h % 100u));
}

/* Size in bytes as the options take it: 32K, 2M, or plain bytes. */
static void size_str(char *buf, size_t len, uint64_t b) {
  if (b >= (1u << 20) && b % (1u << 20) == 0) snprintf(buf, len, "%" PRIu64 "M", b >> 20);
  else if (b >= 1024u && b % 1024u == 0) snprintf(buf, len, "%" PRIu64 "K", b >> 10);
  else snprintf(buf, len, "%" PRIu64, b);
}

/* Sums over processes of the pages they hold in RAM, swap and tables. */
typedef struct {
  uint64_t rss, swapped, pt_pages;
} usage_t;

static usage_t usage(const runner_t *r) {
  usage_t u = { 0, 0, 0 };
  for (uint32_t p = 0; p < OS_MAX_PROCS; p++) {
    const os_proc_t *pr = &r->os->proc[p];
    if (pr->state != OS_PROC_ALIVE) continue;
    u.rss += pr->rss;
    u.swapped += pr->swapped;
    u.pt_pages += pr->pt_pages;
  }
  return u;
}

static void text_config(FILE *f, const runner_t *r, const char *trace) {
  const runner_cfg_t *c = &r->cfg;
  const cache_cfg_t *cc = &c->mmu.cache;
  char sz[CACHE_LEVELS][24];
  for (uint32_t i = 0; i < CACHE_LEVELS; i++) size_str(sz[i], sizeof sz[i], cc->level[i].size);
  fprintf(f, "mmulab report: %s\n", trace);
  fprintf(f, "mode        %s, A/D %s, ASID = pid\n", c->os.mode == SATP_MODE_SV48 ? "Sv48" : "Sv39",
          c->os.adue ? "set by hardware (svadu)" : "set by page faults (svade)");
  fprintf(f, "TLB         %u entries, %u-way, %s%s%s\n", c->mmu.tlb_entries, c->mmu.tlb_ways,
          repl_name(c->mmu.tlb_policy), c->mmu.lookup_cycles == 2 ? ", 2-cycle lookup" : "",
          c->mmu.tlb_ram ? ", block-RAM rules (one set per lookup)" : "");
  fprintf(f,
          "caches      L1 %s %u-way %u cyc, L2 %s %u-way %u cyc, L3 %s %u-way %u cyc, DRAM %u cyc; "
          "%u B lines, %s\n",
          sz[0], cc->level[0].ways, cc->level[0].latency, sz[1], cc->level[1].ways, cc->level[1].latency,
          sz[2], cc->level[2].ways, cc->level[2].latency, cc->dram_latency, cc->line, repl_name(cc->policy));
  uint32_t sh = os_page_shift(&c->os);   /* huge pages named; 4 KiB, the default, is not */
  fprintf(f,
          "memory      %u user frames%s, %u page-table frames at 0x%" PRIx64 ", %u swap slots, "
          "replacement %s\n",
          c->os.frames,
          sh == 30u   ? " of 1 GiB"
          : sh == 21u ? " of 2 MiB"
                      : "",
          c->os.pt_frames, c->mmu.mem_base, c->os.swap_slots, policy_name(c->os.policy));
  fprintf(f, "costs       page fault %" PRIu64 " cycles, disk transfer %" PRIu64 " cycles; seed %u\n",
          c->os.fault_cycles, c->os.disk_cycles, c->mmu.seed);
  if (c->mem_stall)   /* the test mode only: a report without it is as before */
    fprintf(f,
            "stalls      memory interface stalled in %u %% of request cycles (--mem-stall, from the seed)\n",
            c->mem_stall);
}

static void text_mmu(FILE *f, const runner_t *r) {
  const mmu_counters_t *m = &r->mmu.cnt;
  const runner_stats_t *s = &r->st;
  char a[32], b[32];
  fprintf(f,
          "\naccesses    %" PRIu64 " (R %" PRIu64 ", W %" PRIu64 ", X %" PRIu64 "): %" PRIu64
          " completed, %" PRIu64 " skipped (process killed), %" PRIu64 " segfaults\n",
          s->accesses, s->by_op[MMU_OP_R], s->by_op[MMU_OP_W], s->by_op[MMU_OP_X], s->completed, s->skipped,
          s->segv);
  if (s->split_lines)   /* only traces with misaligned accesses have this line */
    fprintf(f, "split       %" PRIu64 " trace lines crossed an 8-byte word: each piece is an access\n",
            s->split_lines);
  fprintf(f, "cycles      %" PRIu64 " total = %" PRIu64 " MMU + %" PRIu64 " OS (fault handling, disk)\n",
          runner_total_cycles(r), m->cycles, r->hal.os_cycles);
  if (r->cfg.mem_stall)
    fprintf(f, "stalled     %" PRIu64 " cycles: a memory stage's first cycle held (contract 2b)\n",
            m->mem_stalls);
  report_ratio(a, sizeof a, m->latency_sum, m->accesses);
  fprintf(f,
          "AMAT        %s cycles (%" PRIu64 " cycles over %" PRIu64
          " MMU responses, faulting tries included)\n",
          a, m->latency_sum, m->accesses);
  report_ratio(a, sizeof a, m->tlb_hits * 100u, m->tlb_hits + m->tlb_misses);
  fprintf(f, "TLB         %" PRIu64 " hits, %" PRIu64 " misses, hit rate %s%%\n", m->tlb_hits, m->tlb_misses,
          a);
  report_ratio(b, sizeof b, m->walk_cycles, m->walks);
  fprintf(f,
          "page walks  %" PRIu64 " walks, %" PRIu64 " cycles, %s cycles per walk; %" PRIu64
          " PTE reads, %" PRIu64 " A/D writes\n",
          m->walks, m->walk_cycles, b, m->pte_reads, m->ad_writes);
  const uint64_t *pl = m->pte_level, *dl = s->data_level;
  fprintf(f, "PTEs from   L1 %" PRIu64 ", L2 %" PRIu64 ", L3 %" PRIu64 ", DRAM %" PRIu64 "\n", pl[0], pl[1],
          pl[2], pl[3]);
  fprintf(f,
          "data from   L1 %" PRIu64 ", L2 %" PRIu64 ", L3 %" PRIu64 ", DRAM %" PRIu64
          " (completed accesses)\n",
          dl[0], dl[1], dl[2], dl[3]);
  fprintf(f, "\ncache         hits     misses  hit rate\n");
  for (uint32_t i = 0; i < CACHE_LEVELS; i++) {
    const cache_level_t *l = &r->mmu.cache.lvl[i];
    report_ratio(a, sizeof a, l->hits * 100u, l->hits + l->misses);
    fprintf(f, "  %-4s %10" PRIu64 " %10" PRIu64 "  %s%%\n", level_name[i], l->hits, l->misses, a);
  }
  fprintf(f, "  DRAM %10" PRIu64 " accesses\n", r->mmu.cache.dram_accesses);
}

/* kB in one user frame or swap slot (--page-size; the page-table pool is 4 KiB pages). */
static uint64_t user_kb(const runner_t *r) { return (UINT64_C(1) << os_page_shift(&r->cfg.os)) >> 10; }

static void text_os(FILE *f, const runner_t *r) {
  const os_stats_t *o = &r->os->st;
  const runner_cfg_t *c = &r->cfg;
  usage_t u = usage(r);
  const uint64_t ukb = user_kb(r);
  fprintf(f, "\nmemory (kB)      total       used       free\n");
  fprintf(f, "  Mem       %10" PRIu64 " %10" PRIu64 " %10" PRIu64 "\n", (uint64_t)c->os.frames * ukb,
          u.rss * ukb, ((uint64_t)c->os.frames - u.rss) * ukb);
  fprintf(f, "  Swap      %10" PRIu64 " %10" PRIu64 " %10" PRIu64 "\n", (uint64_t)c->os.swap_slots * ukb,
          u.swapped * ukb, ((uint64_t)c->os.swap_slots - u.swapped) * ukb);
  fprintf(f, "  PageTables%10" PRIu64 " %10" PRIu64 " %10" PRIu64 "\n",
          (uint64_t)c->os.pt_frames * KB_PER_PAGE, u.pt_pages * KB_PER_PAGE,
          ((uint64_t)c->os.pt_frames - u.pt_pages) * KB_PER_PAGE);
  fprintf(f,
          "\npage faults %" PRIu64 " (minor %" PRIu64 ", major %" PRIu64 "), A/D faults %" PRIu64
          ", retried accesses %" PRIu64 "\n",
          o->minor_faults + o->major_faults, o->minor_faults, o->major_faults, o->ad_faults, r->st.retries);
  fprintf(f, "swap        si %" PRIu64 " pages in, so %" PRIu64 " pages out\n", o->swap_ins, o->swap_outs);
  fprintf(f,
          "evictions   %" PRIu64 " (%" PRIu64 " dirty pages written to swap, %" PRIu64
          " clean pages dropped)\n",
          o->evictions, o->swap_outs, o->discards);
  fprintf(f, "by cause    ");
  int any = 0;
  for (uint32_t i = 0; i < NCAUSES; i++) {
    uint64_t n = r->mmu.cnt.faults[causes[i]];
    if (!n) continue;
    fprintf(f, "%s%" PRIu64 " %s (%u)", any ? ", " : "", n, cause_name(causes[i]), causes[i]);
    any = 1;
  }
  fprintf(f, "%s\n", any ? "" : "none");
  if (o->oom_kills == 0) fprintf(f, "OOM kills   none\n");
  for (uint32_t i = 0; i < r->os->nkill && i < OS_MAX_KILLS; i++) {
    const os_kill_t *k = &r->os->kill[i];
    fprintf(f, "Out of memory: Killed process %u (rss %u pages, swap %u pages)\n", k->pid, k->rss,
            k->swapped);
  }
  for (uint32_t i = 0; i < r->nsegv; i++) {
    const runner_segv_t *s = &r->segv[i];
    fprintf(f, "segfault    pid %u at 0x%" PRIx64 " (trace line %u, %s)\n", s->pid, s->va, s->line,
            cause_name(s->cause));
  }
  fprintf(f, "\n  PID  ASID  STATE    VmRSS(kB)  VmSwap(kB)  PT pages    minflt    majflt\n");
  for (uint32_t p = 0; p < OS_MAX_PROCS; p++) {
    const os_proc_t *pr = &r->os->proc[p];
    if (pr->state == OS_PROC_NONE) continue;
    fprintf(f, "  %3u  %4u  %-6s %11" PRIu64 " %11" PRIu64 " %9u %9" PRIu64 " %9" PRIu64 "\n", p, p,
            state_name(pr->state), (uint64_t)pr->rss * ukb, (uint64_t)pr->swapped * ukb, pr->pt_pages,
            pr->minor_faults, pr->major_faults);
  }
  fprintf(f, "\ndata check: %" PRIu64 " loads verified against the shadow memory\n", r->st.loads_verified);
  if (lockstep_has_dut(&r->ls))
    fprintf(f, "lockstep: %" PRIu64 " cycles compared, 0 mismatches\n", r->ls.compared);
  else fputs("lockstep: off (--model-only: the C model alone)\n", f);
}

void report_text(FILE *f, const runner_t *r, const char *trace) {
  text_config(f, r, trace);
  text_mmu(f, r);
  text_os(f, r);
}

/* ---- JSON ---- */

static void json_string(FILE *f, const char *s) {
  fputc('"', f);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == '"' || *p == '\\') fprintf(f, "\\%c", *p);
    else if (*p < 0x20) fprintf(f, "\\u%04x", *p);
    else fputc(*p, f);
  }
  fputc('"', f);
}

static void kv(FILE *f, const char *key, uint64_t v, int last) {
  fprintf(f, "\"%s\": %" PRIu64 "%s", key, v, last ? "" : ", ");
}

static void kvs(FILE *f, const char *key, const char *v, int last) {
  fprintf(f, "\"%s\": ", key);
  json_string(f, v);
  fputs(last ? "" : ", ", f);
}

static void json_config(FILE *f, const runner_t *r) {
  const runner_cfg_t *c = &r->cfg;
  const cache_cfg_t *cc = &c->mmu.cache;
  fputs("  \"config\": {", f);
  kvs(f, "mode", c->os.mode == SATP_MODE_SV48 ? "sv48" : "sv39", 0);
  kvs(f, "ad", c->os.adue ? "svadu" : "svade", 0);
  kv(f, "tlb_entries", c->mmu.tlb_entries, 0);
  kv(f, "tlb_ways", c->mmu.tlb_ways, 0);
  kvs(f, "tlb_policy", repl_name(c->mmu.tlb_policy), 0);
  kv(f, "lookup_cycles", c->mmu.lookup_cycles, 0);
  kv(f, "tlb_ram", c->mmu.tlb_ram, 0);
  kv(f, "frames", c->os.frames, 0);
  kv(f, "pt_frames", c->os.pt_frames, 0);
  kv(f, "page_size", UINT64_C(1) << os_page_shift(&c->os), 0);
  kv(f, "swap_slots", c->os.swap_slots, 0);
  kvs(f, "policy", policy_name(c->os.policy), 0);
  kv(f, "fault_cycles", c->os.fault_cycles, 0);
  kv(f, "disk_cycles", c->os.disk_cycles, 0);
  for (uint32_t i = 0; i < CACHE_LEVELS; i++) {
    fprintf(f, "\"l%u\": {", i + 1u);
    kv(f, "size", cc->level[i].size, 0);
    kv(f, "ways", cc->level[i].ways, 0);
    kv(f, "latency", cc->level[i].latency, 1);
    fputs("}, ", f);
  }
  kv(f, "dram_latency", cc->dram_latency, 0);
  kv(f, "line", cc->line, 0);
  kvs(f, "cache_policy", repl_name(cc->policy), 0);
  kv(f, "mem_base", c->mmu.mem_base, 0);
  kv(f, "mem_size", c->mmu.mem_size, 0);
  kv(f, "seed", c->mmu.seed, 1);
  fputs("},\n", f);
}

static void json_counts(FILE *f, const runner_t *r) {
  const mmu_counters_t *m = &r->mmu.cnt;
  const runner_stats_t *s = &r->st;
  const os_stats_t *o = &r->os->st;
  char amat[32];
  report_ratio(amat, sizeof amat, m->latency_sum, m->accesses);
  fputs("  ", f);
  kv(f, "accesses", s->accesses, 0);
  kv(f, "split_lines", s->split_lines, 0);
  kv(f, "reads", s->by_op[MMU_OP_R], 0);
  kv(f, "writes", s->by_op[MMU_OP_W], 0);
  kv(f, "fetches", s->by_op[MMU_OP_X], 0);
  kv(f, "completed", s->completed, 0);
  kv(f, "skipped", s->skipped, 0);
  kv(f, "segfaults", s->segv, 1);
  fputs(",\n  ", f);
  kv(f, "cycles", runner_total_cycles(r), 0);
  kv(f, "mmu_cycles", m->cycles, 0);
  kv(f, "os_cycles", r->hal.os_cycles, 0);
  kv(f, "mmu_responses", m->accesses, 0);
  kv(f, "latency_sum", m->latency_sum, 0);
  fprintf(f, "\"amat\": %s,\n  ", m->accesses ? amat : "null");
  kv(f, "tlb_hits", m->tlb_hits, 0);
  kv(f, "tlb_misses", m->tlb_misses, 0);
  kv(f, "walks", m->walks, 0);
  kv(f, "walk_cycles", m->walk_cycles, 0);
  kv(f, "pte_reads", m->pte_reads, 0);
  kv(f, "ad_writes", m->ad_writes, 0);
  kv(f, "satp_writes", m->satp_writes, 0);
  if (r->cfg.mem_stall) {   /* the test mode only (--mem-stall): otherwise the keys are as before */
    kv(f, "mem_stall_percent", r->cfg.mem_stall, 0);
    kv(f, "mem_stall_cycles", m->mem_stalls, 0);
  }
  kv(f, "sfences", m->sfences, 1);
  fprintf(f, ",\n  \"pte_level\": [%" PRIu64 ", %" PRIu64 ", %" PRIu64 ", %" PRIu64 "], ", m->pte_level[0],
          m->pte_level[1], m->pte_level[2], m->pte_level[3]);
  fprintf(f, "\"data_level\": [%" PRIu64 ", %" PRIu64 ", %" PRIu64 ", %" PRIu64 "],", s->data_level[0],
          s->data_level[1], s->data_level[2], s->data_level[3]);
  fputs("\n  \"cache\": {", f);
  for (uint32_t i = 0; i < CACHE_LEVELS; i++) {
    const cache_level_t *l = &r->mmu.cache.lvl[i];
    fprintf(f, "\"l%u\": {", i + 1u);
    kv(f, "hits", l->hits, 0);
    kv(f, "misses", l->misses, 1);
    fputs("}, ", f);
  }
  kv(f, "dram_accesses", r->mmu.cache.dram_accesses, 1);
  fputs("},\n  ", f);
  kv(f, "page_faults", o->minor_faults + o->major_faults, 0);
  kv(f, "minor_faults", o->minor_faults, 0);
  kv(f, "major_faults", o->major_faults, 0);
  kv(f, "ad_faults", o->ad_faults, 0);
  kv(f, "retries", s->retries, 0);
  kv(f, "evictions", o->evictions, 0);
  kv(f, "swap_ins", o->swap_ins, 0);
  kv(f, "swap_outs", o->swap_outs, 0);
  kv(f, "discards", o->discards, 0);
  kv(f, "oom_kills", o->oom_kills, 0);
  kv(f, "loads_verified", s->loads_verified, 0);
  kv(f, "lockstep", (uint64_t)lockstep_has_dut(&r->ls), 0);
  kv(f, "lockstep_cycles_compared", r->ls.compared, 0);
  kv(f, "lockstep_mismatches", 0, 1);
  fputs(",\n  \"faults_by_cause\": {", f);
  for (uint32_t i = 0; i < NCAUSES; i++)
    fprintf(f, "\"%u\": %" PRIu64 "%s", causes[i], m->faults[causes[i]], i + 1 < NCAUSES ? ", " : "");
  fputs("},\n", f);
}

static void json_os(FILE *f, const runner_t *r) {
  const runner_cfg_t *c = &r->cfg;
  usage_t u = usage(r);
  fputs("  \"memory_kb\": {", f);
  kv(f, "mem_total", (uint64_t)c->os.frames * user_kb(r), 0);
  kv(f, "mem_used", u.rss * user_kb(r), 0);
  kv(f, "swap_total", (uint64_t)c->os.swap_slots * user_kb(r), 0);
  kv(f, "swap_used", u.swapped * user_kb(r), 0);
  kv(f, "page_tables_total", (uint64_t)c->os.pt_frames * KB_PER_PAGE, 0);
  kv(f, "page_tables_used", u.pt_pages * KB_PER_PAGE, 1);
  fputs("},\n  \"oom\": [", f);
  for (uint32_t i = 0; i < r->os->nkill && i < OS_MAX_KILLS; i++) {
    const os_kill_t *k = &r->os->kill[i];
    fprintf(f, "%s{", i ? ", " : "");
    kv(f, "pid", k->pid, 0);
    kv(f, "rss_pages", k->rss, 0);
    kv(f, "swap_pages", k->swapped, 1);
    fputs("}", f);
  }
  fputs("],\n  \"segv\": [", f);
  for (uint32_t i = 0; i < r->nsegv; i++) {
    const runner_segv_t *s = &r->segv[i];
    fprintf(f, "%s{", i ? ", " : "");
    kv(f, "line", s->line, 0);
    kv(f, "pid", s->pid, 0);
    kv(f, "va", s->va, 0);
    kv(f, "cause", s->cause, 1);
    fputs("}", f);
  }
  fputs("],\n  \"processes\": [", f);
  int first = 1;
  for (uint32_t p = 0; p < OS_MAX_PROCS; p++) {
    const os_proc_t *pr = &r->os->proc[p];
    if (pr->state == OS_PROC_NONE) continue;
    fprintf(f, "%s\n    {", first ? "" : ",");
    first = 0;
    kv(f, "pid", p, 0);
    kv(f, "asid", p, 0);
    kvs(f, "state", state_name(pr->state), 0);
    kv(f, "rss_kb", (uint64_t)pr->rss * user_kb(r), 0);
    kv(f, "swap_kb", (uint64_t)pr->swapped * user_kb(r), 0);
    kv(f, "pt_pages", pr->pt_pages, 0);
    kv(f, "minor_faults", pr->minor_faults, 0);
    kv(f, "major_faults", pr->major_faults, 1);
    fputs("}", f);
  }
  fputs("]", f);
}

void report_json_fields(FILE *f, const runner_t *r, const char *trace) {
  fputs("{\n  \"trace\": ", f);
  json_string(f, trace);
  fputs(",\n", f);
  json_config(f, r);
  json_counts(f, r);
  json_os(f, r);
}

void report_json(FILE *f, const runner_t *r, const char *trace) {
  report_json_fields(f, r, trace);
  fputs("\n}\n", f);
}

void report_json_string(FILE *f, const char *s) { json_string(f, s); }
