/*
** test_lockstep.c -- random and directed (-d) lockstep test: the C model (cmodel/mmu.c) and
** the Verilated RTL (rtl_dut.h) get the same inputs; every mmu_out_t field is compared every cycle.
** Usage: test_lockstep [-n requests] [-r] [-w wave.fst] [-v] [-b bug] [-P] [-d scenario] seed...
**        [-X] [-c FILE [-l LABEL]]
** -X: the coverage mix: between the classic random requests, short planned sequences (TLB
** fills, cache conflict bursts, every fault rule at every level and page size, misaligned
** superpages at each PPN bit); without -X the random stream is the classic one, seed for seed.
** -d NAME: a directed scenario (drv_directed.c); most need the default TLB, ppn-high and
** same-level run on any (docs/lockstep.md).
** -c FILE: count the functional coverage bins (tb/coverage.h) and add them to FILE; -l LABEL
** names this build in the geometry bins (default "default").
** -w FILE.fst: on a mismatch, replay the run (it is deterministic) with the waveform on around
** the failing cycle and write FILE.fst and FILE.gtkw, as mmulab does.
** The harness is mmulab's: tb/lockstep.c steps and compares (ports, and unless -P the TLB
** deep compare), tb/mismatch.c reports, tb/gtkw.c writes the GTKWave file.
** Exit 0 when all match, 1 on a mismatch (its first port on a line `first: PORT`), 2 on misuse.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "drv.h"
#include "gtkw.h"
#include "rtl_dut.h"

/* One seed: returns cycles compared, -1 on a mismatch (captured into mm, if not NULL), -2 on
** a setup failure or a hang. */
static long long run_seed(uint64_t seed, uint32_t requests, int rand_reset, const drv_opts_t *o,
                          mismatch_t *mm) {
  lk_t *k = calloc(1, sizeof *k);
  mmu_config_t cfg;
  mmu_in_t in;
  mmu_out_t om;
  uint32_t done = 0;
  uint64_t last_resp = 0;
  long long result = -2;
  char running[64];
  if (!k) return -2;
  rtl_dut_config(&cfg);   /* the model runs the configuration the RTL was built with */
  k->r.s = seed * UINT64_C(0x9e3779b97f4a7c15) + 1u;
  if (o->mix && !(k->plan = calloc(PLAN_MAX, sizeof *k->plan))) goto out;
  if (drv_open(k, &cfg, rand_reset ? seed * UINT64_C(6364136223846793005) + 7u : 0, o)) goto out;
  snprintf(running, sizeof running, "random seed %llu%s", (unsigned long long)seed,
           rand_reset ? " (random reset)" : "");
  drv_build_tables(k);
  if (o->mix) drv_build_tables_x(k);
  while (done < requests || (k->ls.mismatch && !lockstep_stop(&k->ls))) {
    drv_random_inputs(k, &in);
    drv_backdoor(k);
    if (drv_step(k, &in, &om)) break;
    if (k->ls.mismatch) continue;   /* a replay: on to the end of the waveform window */
    if (om.resp_valid) {
      done++;
      last_resp = k->cycle;
      if (k->verbose)
        printf("  cycle %llu resp mode %u va 0x%llx op %u fault %u cause %u pa 0x%llx hit %u "
               "level %u\n",
               (unsigned long long)k->cycle - 1u, k->m.req_q.mode, (unsigned long long)k->m.req_q.va,
               k->m.req_q.op, om.resp_fault, om.resp_cause, (unsigned long long)om.resp_paddr,
               om.resp_tlb_hit, om.resp_level);
      if (k->verbose > 1)
        for (uint32_t j = 0; j < k->m.walk_len; j++)
          printf("    level %u pte @0x%llx = 0x%llx: %s\n", k->m.walk_log[j].level,
                 (unsigned long long)k->m.walk_log[j].pte_addr, (unsigned long long)k->m.walk_log[j].pte,
                 ptw_why_text(k->m.walk_log[j].d.why));
    }
    if (k->cycle - last_resp > HANG_CYCLES) {
      mismatch_t h;
      mismatch_capture(&h, &k->ls, NULL, NULL);
      printf("lockstep: no response for %u cycles at cycle %llu (model stage %s)\n", HANG_CYCLES,
             (unsigned long long)k->cycle, h.model);
      goto out_d;
    }
  }
  lockstep_finish_wave(&k->ls);
  if (k->ls.mismatch) {
    drv_capture(k, mm, running);
    result = -1;
    goto out_d;
  }
  {
    const mmu_counters_t *c = &k->m.cnt;
    printf(
        "lockstep: seed %llu%s: %u requests, %llu cycles; tlb hits %llu misses %llu, walks %llu, "
        "ad writes %llu, ad retries %llu, refills dropped %llu, faults pf %llu/%llu/%llu af %llu/%llu/%llu, "
        "sfences %llu, flushes %llu, satp writes %llu\n",
        (unsigned long long)seed, rand_reset ? " (random reset)" : "", done, (unsigned long long)k->cycle,
        (unsigned long long)c->tlb_hits, (unsigned long long)c->tlb_misses, (unsigned long long)c->walks,
        (unsigned long long)c->ad_writes, (unsigned long long)c->ad_retries,
        (unsigned long long)c->refills_dropped, (unsigned long long)c->faults[12],
        (unsigned long long)c->faults[13], (unsigned long long)c->faults[15],
        (unsigned long long)c->faults[1], (unsigned long long)c->faults[5], (unsigned long long)c->faults[7],
        (unsigned long long)c->sfences, (unsigned long long)c->flushes, (unsigned long long)c->satp_writes);
  }
  result = (long long)k->cycle;
out_d:
  drv_close(k);
out:
  free(k->plan);
  free(k);
  return result;
}

/* Run scenario sc on the tables of the random test: 0 all matched, 1 mismatch (captured into
** mm, if not NULL), 2 error. */
static int run_directed(const scenario_t *sc, const drv_opts_t *o, mismatch_t *mm) {
  mmu_config_t cfg;
  int rc = 2;
  char running[64];
  lk_t *k = calloc(1, sizeof *k);
  if (!k) return 2;
  rtl_dut_config(&cfg);
  if (!sc->any_tlb && (cfg.tlb_entries != 32 || cfg.tlb_ways != 32 || cfg.tlb_policy != REPL_LRU)) {
    /* the scenarios' reasoning (docs/rtl-bugs.md) assumes the default TLB */
    fprintf(stderr, "test_lockstep: directed scenario %s needs the default TLB (32 ways, LRU)\n", sc->name);
    goto out;
  }
  if (drv_open(k, &cfg, 0, o)) goto out;
  drv_build_tables(k);
  rc = drv_scenario_begin(k);
  if (!rc) rc = sc->run(k);
  lockstep_finish_wave(&k->ls);
  snprintf(running, sizeof running, "directed scenario %s", sc->name);
  if (k->ls.mismatch) {
    drv_capture(k, mm, running);
    rc = 1;
  }
  if (rc == 0)
    printf("lockstep: directed %s: %llu cycles compared, 0 mismatches\n", sc->name,
           (unsigned long long)k->cycle);
  drv_close(k);
out:
  free(k);
  return rc;
}

/* After a mismatch: replay the same run with the waveform window on (wave: -w, or NULL for
** none), then the one mismatch report of tb/mismatch.c and `first: PORT`. */
static void report_mismatch(const mismatch_t *mm, const char *wave, const drv_opts_t *o, const scenario_t *sc,
                            uint64_t seed, uint32_t requests, int rand_reset) {
  char gtkw[1024];
  const char *why = NULL;
  uint64_t c = mm->ls.mismatch_cycle;
  if (wave) {
    mismatch_t again;
    drv_opts_t r = *o;
    r.cov = NULL;
    r.verbose = 0;
    r.wave = wave;
    r.from = mismatch_wave_from(c);
    r.to = mismatch_wave_to(c);
    mmu_config_t cfg;
    rtl_dut_config(&cfg);
    int failed =
        sc ? run_directed(sc, &r, &again) == 1 : run_seed(seed, requests, rand_reset, &r, &again) == -1;
    mismatch_gtkw_path(gtkw, sizeof gtkw, wave);
    if (!failed || again.ls.mismatch_cycle != c) why = "the replay did not fail the same way";
    else if (again.ls.wave_failed) why = "this RTL build cannot write waveforms";
    else if (gtkw_write(gtkw, wave, r.from, &mm->ls, again.ls.wave_model, gtkw_mmu_groups, &cfg.cache))
      why = "cannot write the GTKWave file";
  }
  mismatch_report(stdout, mm, wave && !why ? wave : NULL, gtkw, NULL);
  if (why) printf("  no waveform: %s\n", why);
  printf("first: %s\n", mm->ls.ndiff ? mm->ls.diff[0].port : "?");
}

static cov_t *g_cov;   /* -c: the bins of this run, NULL without -c */
static int run(int argc, char **argv);

/* -c FILE: run main's work with coverage on, then add the bins to FILE. */
static int with_coverage(int argc, char **argv, const char *file, const char *label) {
  char err[256];
  int rc;
  if (!*label || strlen(label) >= sizeof g_cov->label || strchr(label, '.') || strchr(label, ' ')) {
    fprintf(stderr, "test_lockstep: -l %s: expected a label of 1..15 characters, no '.' or space\n", label);
    return 2;
  }
  g_cov = malloc(sizeof *g_cov);
  if (!g_cov) return 2;
  cov_init(g_cov, label);
  rc = run(argc, argv);     /* again, now with g_cov set (with_coverage is not re-entered) */
  if (cov_load_add(g_cov, file, err, sizeof err)) {
    fprintf(stderr, "test_lockstep: %s\n", err);
    rc = 2;
  } else if (cov_save(g_cov, file)) {
    fprintf(stderr, "test_lockstep: cannot write %s\n", file);
    rc = 2;
  }
  free(g_cov);
  g_cov = NULL;
  return rc;
}

/* A whole number (decimal, 0x hex, 0 octal) for option opt, else a message and -1: strtoull
** alone reads "abc" as 0 and "12x" as 12. */
static int parse_num(const char *opt, const char *s, uint64_t max, uint64_t *v) {
  char *end;
  errno = 0;
  unsigned long long n = strtoull(s, &end, 0);
  if (!*s || *end || *s == '-' || errno || n > max) {
    fprintf(stderr, "test_lockstep: %s: expected a number 0..%llu, got '%s'\n", opt, (unsigned long long)max,
            s);
    return -1;
  }
  *v = n;
  return 0;
}

/* The command line; with -c it runs itself again under with_coverage. */
static int run(int argc, char **argv) {
  uint32_t requests = 2000;
  int rand_reset = 0, nseeds = 0, i;
  const char *wave = NULL, *scenario = NULL, *cov_file = NULL, *label = "default";
  drv_opts_t o;
  mismatch_t mm;
  long long total = 0;
  uint64_t v;
  memset(&o, 0, sizeof o);
  for (i = 1; i < argc; i++) {
    if (argv[i][0] == '-' && argv[i][1] && strchr("nbS", argv[i][1]) && !argv[i][2] && i + 1 < argc) {
      if (parse_num(argv[i], argv[i + 1], argv[i][1] == 'S' ? 900u : UINT32_MAX, &v)) return 2;
      if (argv[i][1] == 'n') requests = (uint32_t)v;
      else if (argv[i][1] == 'b') o.bug = (uint32_t)v;
      else o.mem_stall = (uint32_t)v;
      i++;
    } else if (!strcmp(argv[i], "-r")) rand_reset = 1;
    else if (!strcmp(argv[i], "-v")) o.verbose++;
    else if (!strcmp(argv[i], "-w") && i + 1 < argc) wave = argv[++i];
    else if (!strcmp(argv[i], "-P")) o.ports_only = 1;
    else if (!strcmp(argv[i], "-d") && i + 1 < argc) scenario = argv[++i];
    else if (!strcmp(argv[i], "-X")) o.mix = 1;
    else if (!strcmp(argv[i], "-c") && i + 1 < argc) cov_file = argv[++i];
    else if (!strcmp(argv[i], "-l") && i + 1 < argc) label = argv[++i];
    else if (argv[i][0] == '-') {
      fprintf(stderr,
              "usage: %s [-n requests] [-r] [-w wave.fst] [-v] [-b bug] [-P] [-d scenario] "
              "[-X] [-S stall-per-mille] [-c coverage-file [-l label]] seed...\n",
              argv[0]);
      return 2;
    }
  }
  if (cov_file && !g_cov) return with_coverage(argc, argv, cov_file, label);
  o.cov = g_cov;
  if (o.bug && !rtl_dut_has_bugs()) {
    fprintf(stderr, "test_lockstep: -b needs a build with RTL_BUGS=1 (verilated +define+MMULAB_BUGS)\n");
    return 2;
  }
  if (scenario) {
    const scenario_t *sc = drv_find_scenario(scenario);
    if (!sc) return 2;
    int rc = run_directed(sc, &o, &mm);
    if (rc == 1) report_mismatch(&mm, wave, &o, sc, 0, 0, 0);
    return rc;
  }
  for (i = 1; i <= argc; i++) {
    uint64_t seed;
    if (i < argc) {
      if (argv[i][0] == '-') {
        if (argv[i][1] && strchr("nwbdclS", argv[i][1]) && !argv[i][2]) i++;   /* and its value */
        continue;
      }
      if (parse_num("seed", argv[i], UINT64_MAX, &seed)) return 2;
    } else if (nseeds == 0) {
      seed = 1;   /* no seed given */
    } else {
      break;
    }
    long long c = run_seed(seed, requests, rand_reset, &o, &mm);
    if (c == -1) report_mismatch(&mm, wave, &o, NULL, seed, requests, rand_reset);
    if (c < 0) {
      printf("lockstep: %lld cycles compared, 1 %s (seed %llu)\n",
             total + (c == -1 ? (long long)mm.ls.compared : 0), c == -1 ? "mismatch" : "failure",
             (unsigned long long)seed);
      return 1;
    }
    total += c;
    nseeds++;
  }
  printf("lockstep: %lld cycles compared, 0 mismatches\n", total);
  return 0;
}

int main(int argc, char **argv) { return run(argc, argv); }
