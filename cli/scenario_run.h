/*
** scenario_run.h -- play a scenario (scenario.h) on the MMU, as the
** hardware would see it: the model made for the scenario's memory range;
** memory words written through the backdoor (no cycle, no cache); satp
** writes, sfences and flushes one cycle each; each access offered, then
** stepped from its accepting edge to its response.  `mmulab translate`
** (translate_run.c) explains each access from what the model logged;
** lab 1's grader (check_lab1.c) keeps only the responses.
*/
#ifndef MMULAB_SCENARIO_RUN_H
#define MMULAB_SCENARIO_RUN_H

#include <stddef.h>
#include <stdint.h>
#include "lockstep.h"
#include "mmu.h"
#include "scenario.h"

/* One access never takes this many cycles (far above the worst path). */
#define SCENARIO_RUN_CYCLES UINT64_C(1000000)

/* The model's configuration for s: the defaults, with s's memory range. */
void scenario_run_config(mmu_config_t *cfg, const scenario_t *s);

/* *cfg = scenario_run_config(s), *m the model made from it and *ls a
** lockstep over the model alone (lockstep_init may be called again with
** an RTL).  Returns 0, or -1 with err set; free with lockstep_free and
** mmu_free. */
int scenario_run_open(mmu_t *m, lockstep_t *ls, mmu_config_t *cfg, const scenario_t *s, char *err,
                      size_t errlen);

/* Apply one line that is not an access: a word, a satp write (or a mode
** line that rewrites satp), an sfence, a flush; settings lines do nothing
** here (each access line carries them).  Returns 1, doing nothing, when
** `it` is an access (for scenario_run_access), else 0. */
int scenario_run_line(lockstep_t *ls, const scn_item_t *it);

/* What one access did. */
typedef struct {
  mmu_out_t resp;        /* the outputs of the response cycle */
  uint64_t cycles;       /* cycles after the accepting edge, the response's included */
  uint64_t *mem_start;   /* in: room for the cycle of each memory-port use (NULL: count only) */
  uint32_t mem_cap;      /* in: its length */
  uint32_t nmem;         /* memory-port cycles seen (mem_valid) */
} scenario_access_t;

/* Offer access `it` (its op, privilege, address, store data and CSR
** settings) and step until the response.  Returns 0 -- also when the
** lockstep stopped at a mismatch (ls->mismatch: *a is then partial) --
** or -1 with err = "line N: ..." (not ready, no response after
** SCENARIO_RUN_CYCLES cycles, more memory cycles than mem_cap). */
int scenario_run_access(lockstep_t *ls, const scn_item_t *it, scenario_access_t *a, char *err, size_t errlen);

#endif
