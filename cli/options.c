/*
** options.c -- command-line parsing of mmulab, driven by one table.
** Each option has a name, what it takes and its help line; set() puts
** a parsed value into the configuration field it names.
*/
#include <inttypes.h>
#include <string.h>
#include "options.h"
#include "riscv.h"

typedef struct {
  const char *name;
  uint32_t value;
} choice_t;

static const choice_t modes[] = { { "sv39", SATP_MODE_SV39 }, { "sv48", SATP_MODE_SV48 }, { NULL, 0 } };
static const choice_t repl[] = {
  { "lru", REPL_LRU }, { "plru", REPL_PLRU }, { "random", REPL_RANDOM }, { NULL, 0 }
};
static const choice_t os_pol[] = { { "lru", OS_POLICY_LRU },         { "fifo", OS_POLICY_FIFO },
                                   { "clock", OS_POLICY_CLOCK },     { "opt", OS_POLICY_OPT },
                                   { "student", OS_POLICY_STUDENT }, { NULL, 0 } };
static const choice_t ad[] = { { "svadu", 1 }, { "svade", 0 }, { NULL, 0 } };

enum {
  O_HELP,
  O_JSON,
  O_MODE,
  O_TLB_ENTRIES,
  O_TLB_WAYS,
  O_TLB_POLICY,
  O_FRAMES,
  O_PT_FRAMES,
  O_SWAP,
  O_POLICY,
  O_AD,
  O_FAULT_CYCLES,
  O_DISK_CYCLES,
  O_L1_SIZE,
  O_L1_WAYS,
  O_L1_LAT,
  O_L2_SIZE,
  O_L2_WAYS,
  O_L2_LAT,
  O_L3_SIZE,
  O_L3_WAYS,
  O_L3_LAT,
  O_DRAM_LAT,
  O_LINE,
  O_CACHE_POLICY,
  O_SEED,
  O_MODEL_ONLY,
  O_RAND_RESET,
  O_RTL_BUG,
  O_WAVE,
  O_MISMATCH_OUT,
  O_DEEP,
  O_VMSTAT,
  O_FREE,
  O_PMAP,
  O_PROC_VMSTAT,
  O_PAGE_SIZE,
  O_LOOKUP_CYCLES,
  O_MEM_STALL,
  O_TLB_RAM
};

typedef struct {
  const char *name;          /* without the leading "--" */
  const char *arg;           /* what it takes, NULL for a flag */
  const choice_t *choices;   /* a word from this list, or NULL for a number */
  uint64_t min, max;         /* range of a number */
  const char *help;
} option_t;

#define BIG UINT64_C(1000000000000)   /* cycle counts: 10^12 keeps sums far from overflow */
#define LAT UINT64_C(1000000)

/* In the order of the enum above (the index is the id). */
static const option_t opts[] = {
  { "help", NULL, NULL, 0, 0, "print this help and exit" },
  { "json", NULL, NULL, 0, 0, "print the report as one JSON object" },
  { "mode", "sv39|sv48", modes, 0, 0, "translation mode (default sv39)" },
  { "tlb-entries", "N", NULL, 1, 4096, "TLB entries (default 32)" },
  { "tlb-ways", "N", NULL, 1, 64, "TLB ways (default = entries: fully associative)" },
  { "tlb-policy", "lru|plru|random", repl, 0, 0, "TLB replacement (default lru)" },
  { "frames", "N", NULL, 1, OS_MAX_FRAMES, "user page frames, one page of --page-size each (default 256)" },
  { "pt-frames", "N", NULL, 1, OS_MAX_PT, "kernel frames for page tables (default 1024)" },
  { "swap", "N", NULL, 0, OS_MAX_SWAP, "swap slots, one page each (default 256)" },
  { "policy", "lru|fifo|clock|opt|student", os_pol, 0, 0,
    "page replacement of the OS (default lru; opt: Belady's MIN, from the trace's future; student: "
    "firmware/policy.h's hook, lab 4)" },
  { "ad", "svadu|svade", ad, 0, 0, "A/D bits: set by hardware (svadu, default) or by a fault (svade)" },
  { "fault-cycles", "N", NULL, 0, BIG, "OS cycles per page fault (default 1000)" },
  { "disk-cycles", "N", NULL, 0, BIG, "OS cycles per 4 KiB moved to or from swap (default 1000000)" },
  { "l1-size", "BYTES", NULL, 1, UINT32_MAX, "L1 size (default 32K)" },
  { "l1-ways", "N", NULL, 1, 64, "L1 ways (default 8)" },
  { "l1-lat", "N", NULL, 2, LAT, "L1 hit latency, cycles (default 4)" },
  { "l2-size", "BYTES", NULL, 1, UINT32_MAX, "L2 size (default 256K)" },
  { "l2-ways", "N", NULL, 1, 64, "L2 ways (default 8)" },
  { "l2-lat", "N", NULL, 2, LAT, "L2 hit latency, cycles (default 12)" },
  { "l3-size", "BYTES", NULL, 1, UINT32_MAX, "L3 size (default 2M)" },
  { "l3-ways", "N", NULL, 1, 64, "L3 ways (default 16)" },
  { "l3-lat", "N", NULL, 2, LAT, "L3 hit latency, cycles (default 40)" },
  { "dram-lat", "N", NULL, 2, LAT, "DRAM latency, cycles (default 200)" },
  { "line", "BYTES", NULL, 8, 4096, "cache line size of every level (default 64)" },
  { "cache-policy", "lru|plru|random", repl, 0, 0, "replacement of every cache level (default lru)" },
  { "seed", "N", NULL, 0, UINT32_MAX, "seed of the random replacement policies (default 1)" },
  { "model-only", NULL, NULL, 0, 0, "run the C model alone, without the RTL in lockstep" },
  { "rand-reset", "N", NULL, 0, UINT32_MAX, "RTL flops start random from seed N (default 0: zero)" },
  { "rtl-bug", "N", NULL, 0, 255, "enable deliberate RTL bug N (docs/rtl-bugs.md; default 0: none)" },
  { "wave", "FILE", NULL, 0, 0, "write the RTL waveform of the whole run to FILE (FST)" },
  { "mismatch-out", "PREFIX", NULL, 0, 0,
    "on a mismatch write PREFIX.fst and PREFIX.gtkw (default build/mismatch)" },
  { "deep", NULL, NULL, 0, 0, "lockstep also compares TLB entries and LRU ages after every cycle" },
  { "vmstat", "N", NULL, 1, UINT64_C(1) << 40, "views: a vmstat row every N accesses (docs/views.md)" },
  { "free", NULL, NULL, 0, 0, "views: memory and swap at the end, like free" },
  { "pmap", NULL, NULL, 0, 0, "views: each process's pages at the end, like pmap -x" },
  { "proc-vmstat", NULL, NULL, 0, 0, "views: event and page counters at the end, like /proc/vmstat" },
  { "page-size", "4K|2M|1G", NULL, 4096, UINT64_C(1) << 30,
    "size of the OS's user pages: 4K (default), 2M (huge pages, level-1 leaves); 1G does not fit the 1 GiB "
    "machine" },
  { "lookup-cycles", "1|2", NULL, 1, 2,
    "TLB lookup cycles: 1 (default), 2 (registered lookup, refill one edge later: the iCE40 timing, contract "
    "2a)" },
  { "mem-stall", "PERCENT", NULL, 0, RUNNER_MAX_STALL,
    "test mode: stall the memory interface in PERCENT % of request cycles, drawn from --seed, identically "
    "for model and RTL (default 0: none; contract 2b)" },
  { "tlb-ram", NULL, NULL, 0, 0,
    "block-RAM TLB rules: one set per lookup, every sfence invalidates all (needs --lookup-cycles 2; "
    "contract 4a)" },
};
#define NOPTS (sizeof opts / sizeof opts[0])

/* Put value into the field option `id` names. */
static void set(options_t *o, unsigned id, uint64_t v, int *tlb_ways_given) {
  mmu_config_t *m = &o->cfg.mmu;
  os_config_t *s = &o->cfg.os;
  cache_level_cfg_t *l = m->cache.level;
  uint32_t u = (uint32_t)v;       /* every 32-bit option's range fits */
  switch (id) {
    case O_JSON: o->json = 1; break;
    case O_MODE: s->mode = u; break;
    case O_TLB_ENTRIES: m->tlb_entries = u; break;
    case O_TLB_WAYS:
      m->tlb_ways = u;
      *tlb_ways_given = 1;
      break;
    case O_TLB_POLICY: m->tlb_policy = (repl_policy_t)u; break;
    case O_FRAMES: s->frames = u; break;
    case O_PT_FRAMES: s->pt_frames = u; break;
    case O_SWAP: s->swap_slots = u; break;
    case O_POLICY: s->policy = (os_policy_t)u; break;
    case O_AD: s->adue = u; break;
    case O_FAULT_CYCLES: s->fault_cycles = v; break;
    case O_DISK_CYCLES: s->disk_cycles = v; break;
    case O_L1_SIZE: l[0].size = u; break;
    case O_L1_WAYS: l[0].ways = u; break;
    case O_L1_LAT: l[0].latency = u; break;
    case O_L2_SIZE: l[1].size = u; break;
    case O_L2_WAYS: l[1].ways = u; break;
    case O_L2_LAT: l[1].latency = u; break;
    case O_L3_SIZE: l[2].size = u; break;
    case O_L3_WAYS: l[2].ways = u; break;
    case O_L3_LAT: l[2].latency = u; break;
    case O_DRAM_LAT: m->cache.dram_latency = u; break;
    case O_LINE: m->cache.line = u; break;
    case O_CACHE_POLICY: m->cache.policy = (repl_policy_t)u; break;
    case O_SEED:
      m->seed = u;
      m->cache.seed = u;
      break;
    case O_MODEL_ONLY: o->model_only = 1; break;
    case O_RAND_RESET: o->rand_reset = u; break;
    case O_RTL_BUG: o->rtl_bug = u; break;
    case O_DEEP: o->deep = 1; break;
    case O_VMSTAT: o->vmstat = v; break;
    case O_FREE: o->free = 1; break;
    case O_PMAP: o->pmap = 1; break;
    case O_PROC_VMSTAT: o->proc_vmstat = 1; break;
    case O_LOOKUP_CYCLES: m->lookup_cycles = u; break;
    case O_MEM_STALL: o->cfg.mem_stall = u; break;
    case O_TLB_RAM: m->tlb_ram = 1; break;
    case O_PAGE_SIZE:
      s->page_shift = v == (UINT64_C(1) << 30) ? 30u : v == (UINT64_C(1) << 21) ? 21u : 12u;
      break;
    default: break;
  }
}

/* Decimal with an optional K/M/G suffix (powers of 1024). */
static int parse_num(const char *s, uint64_t *v) {
  uint64_t acc = 0;
  const char *p = s;
  if (*p < '0' || *p > '9') return -1;
  for (; *p >= '0' && *p <= '9'; p++) {
    if (acc > (UINT64_MAX - 9u) / 10u) return -1;
    acc = acc * 10u + (uint64_t)(*p - '0');
  }
  unsigned shift = 0;
  switch (*p) {
    case '\0': break;
    case 'K':
    case 'k':
      shift = 10;
      p++;
      break;
    case 'M':
    case 'm':
      shift = 20;
      p++;
      break;
    case 'G':
    case 'g':
      shift = 30;
      p++;
      break;
    default: return -1;
  }
  if (*p != '\0' || (shift && acc > (UINT64_MAX >> shift))) return -1;
  *v = acc << shift;
  return 0;
}

/* "a, b or c" for a choice list. */
static void choice_list(char *buf, size_t len, const choice_t *c) {
  size_t n = 0, used = 0;
  while (c[n].name) n++;
  buf[0] = '\0';
  for (size_t i = 0; i < n; i++) {
    const char *sep = i == 0 ? "" : i + 1 == n ? " or " : ", ";
    int w = snprintf(buf + used, len - used, "%s%s", sep, c[i].name);
    if (w < 0 || (size_t)w >= len - used) return;
    used += (size_t)w;
  }
}

static int bad_value(const option_t *op, const char *val, char *err, size_t errlen) {
  char what[160];
  if (op->choices) {
    choice_list(what, sizeof what, op->choices);
  } else if (!op->max) {
    snprintf(what, sizeof what, "a %s", op->arg);
  } else {
    snprintf(what, sizeof what, "a number %" PRIu64 "..%" PRIu64 "%s", op->min, op->max,
             strcmp(op->arg, "BYTES") == 0 ? " (K/M suffix allowed)" : "");
  }
  if (val) snprintf(err, errlen, "option --%s: expected %s, got '%s'", op->name, what, val);
  else snprintf(err, errlen, "option --%s: expected %s, got nothing", op->name, what);
  return -1;
}

static int apply(options_t *o, const option_t *op, const char *val, int *tlb_ways_given, char *err,
                 size_t errlen) {
  unsigned id = (unsigned)(op - opts);
  uint64_t v = 0;
  if (!val) return bad_value(op, val, err, errlen);
  if (id == O_WAVE || id == O_MISMATCH_OUT) {   /* a path: taken as it is */
    if (!*val) return bad_value(op, NULL, err, errlen);
    *(id == O_WAVE ? &o->wave : &o->mismatch_out) = val;
    return 0;
  }
  if (op->choices) {
    const choice_t *c = op->choices;
    while (c->name && strcmp(c->name, val) != 0) c++;
    if (!c->name) return bad_value(op, val, err, errlen);
    v = c->value;
  } else if (id == O_PAGE_SIZE) {
    if (parse_num(val, &v) || (v != 4096u && v != (UINT64_C(1) << 21) && v != (UINT64_C(1) << 30))) {
      snprintf(err, errlen, "option --page-size: expected 4K, 2M or 1G (a page size of Sv39/Sv48), got '%s'",
               val);
      return -1;
    }
  } else if (parse_num(val, &v) || v < op->min || v > op->max) {
    return bad_value(op, val, err, errlen);
  }
  set(o, id, v, tlb_ways_given);
  return 0;
}

int options_parse(options_t *o, int argc, char **argv, char *err, size_t errlen) {
  memset(o, 0, sizeof *o);
  runner_cfg_default(&o->cfg);
  o->mismatch_out = "build/mismatch";
  int tlb_ways_given = 0, only_files = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (only_files || a[0] != '-' || a[1] == '\0') {   /* "-" is a file name */
      if (o->trace) {
        snprintf(err, errlen, "expected one trace file, got '%s' after '%s'", a, o->trace);
        return -1;
      }
      o->trace = a;
      continue;
    }
    if (strcmp(a, "--") == 0) {
      only_files = 1;
      continue;
    }
    if (strcmp(a, "-h") == 0) return 1;
    const char *name = a[1] == '-' ? a + 2 : NULL;
    const char *eq = name ? strchr(name, '=') : NULL;
    size_t nlen = name ? (eq ? (size_t)(eq - name) : strlen(name)) : 0;
    const option_t *op = NULL;
    for (size_t k = 0; name && k < NOPTS; k++)
      if (strlen(opts[k].name) == nlen && strncmp(opts[k].name, name, nlen) == 0) op = &opts[k];
    if (!op) {
      snprintf(err, errlen, "unknown option '%s' (mmulab --help lists them)", a);
      return -1;
    }
    if (op - opts == O_HELP) return 1;
    if (!op->arg) {
      if (eq) {
        snprintf(err, errlen, "option --%s: expected no value, got '%s'", op->name, eq + 1);
        return -1;
      }
      set(o, (unsigned)(op - opts), 1, &tlb_ways_given);
      continue;
    }
    const char *val = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL);
    if (apply(o, op, val, &tlb_ways_given, err, errlen)) return -1;
  }
  if (!tlb_ways_given) o->cfg.mmu.tlb_ways = o->cfg.mmu.tlb_entries;
  if (!o->trace) {
    snprintf(err, errlen, "expected a trace file, got none (mmulab --help shows the usage)");
    return -1;
  }
  runner_cfg_layout(&o->cfg);
  return 0;
}

int options_parse_number(const char *s, uint64_t *v) { return parse_num(s, v); }

int options_takes_number(const char *name) {
  for (size_t k = 0; k < NOPTS; k++)
    if (strcmp(opts[k].name, name) == 0)
      return opts[k].arg && !opts[k].choices && k != O_WAVE && k != O_MISMATCH_OUT;
  return 0;
}

void options_usage(FILE *f) {
  fputs("usage: mmulab [options] TRACE\n"
        "Runs a memory-access trace (docs/trace-format.md) through the C model of a\n"
        "RISC-V Sv39/Sv48 MMU (TLB, page-table walker, L1/L2/L3/DRAM) and its Verilog\n"
        "RTL in lockstep (every output compared every cycle), with the OS firmware\n"
        "(demand paging, swap, OOM killer), then prints a report -- or, with\n"
        "--vmstat/--free/--pmap/--proc-vmstat, those views instead (in --json: added).\n"
        "`mmulab sweep` runs a trace over a range of one option (docs/views.md).\n"
        "\noptions:\n",
        f);
  for (size_t k = 0; k < NOPTS; k++) {
    char left[48];
    snprintf(left, sizeof left, "--%s%s%s", opts[k].name, opts[k].arg ? " " : "",
             opts[k].arg ? opts[k].arg : "");
    fprintf(f, "  %-28s %s\n", left, opts[k].help);
  }
  fputs("\nNumbers take an optional K, M or G suffix (x1024).  Exit status: 0 done,\n"
        "1 lockstep mismatch between RTL and model (report, waveform, GTKWave file),\n"
        "2 bad command line or trace (message on stderr, nothing on stdout),\n"
        "3 internal error (the model or firmware broke a rule the runner checks).\n",
        f);
}
