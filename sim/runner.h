/*
** runner.h -- drives a trace through the C model and the OS firmware.
** Per access: switch process, issue the request cycle by cycle, let the
** OS serve page faults and retry, then check the data against a shadow.
*/
#ifndef MMULAB_RUNNER_H
#define MMULAB_RUNNER_H

#include <stddef.h>
#include <stdint.h>
#include "hal_model.h"
#include "lockstep.h"
#include "mmu.h"
#include "mmu_params.h"
#include "opt.h"
#include "os.h"
#include "shadow.h"
#include "trace.h"

#define RUNNER_MEM_BASE ((uint64_t)MMU_DEFAULT_MEM_BASE)  /* physical memory starts here */
#define RUNNER_MEM_SIZE \
  ((uint64_t)MMU_DEFAULT_MEM_SIZE)  /* 1 GiB, the RTL's MemSize: the largest
                                                  ** pools, (65536+16384) pages, take 320 MiB */
#define RUNNER_MAX_RETRIES 4u      /* a fifth fault on one access is a bug */
#define RUNNER_SEGV_LOG    8u      /* segfaults remembered for the report */
#define RUNNER_MAX_STALL   90u     /* --mem-stall: at most 90 % of cycles stall */

/* Everything a run is configured by: the model and the OS. */
typedef struct {
  mmu_config_t mmu;      /* TLB, caches, seed; memory range set by runner_cfg_layout */
  os_config_t os;        /* mode, A/D, policy, frames, swap, costs; bases set by layout */
  uint32_t mem_stall;    /* --mem-stall: percent (0..RUNNER_MAX_STALL) of request cycles whose
                         ** mem_stall input is 1, drawn from mmu.seed; 0 = no stalls (contract 2b) */
  char msg[256];         /* runner_cfg_check's message when it has numbers in it */
} runner_cfg_t;

/* Defaults of docs/cli.md: Sv39, Svadu, 256 user frames, 1024 page-table
** frames, 256 swap slots, LRU, fault 1000 and disk 1000000 cycles. */
void runner_cfg_default(runner_cfg_t *c);

/* Physical layout from RUNNER_MEM_BASE: the kernel pool (pt_frames pages)
** first, the user frames after it (aligned up to the OS's page size, so
** 2 MiB pages start at the next 2 MiB boundary); the machine has RUNNER_MEM_SIZE bytes
** (the same for every run, so one RTL build fits every configuration). */
void runner_cfg_layout(runner_cfg_t *c);

/* Lay out, then check model and OS configuration: NULL, or a message
** (also when frames x page size do not fit beside the kernel pool). */
const char *runner_cfg_check(runner_cfg_t *c);

/* After runner_cfg_layout: how many user frames of c's page size fit
** between user_base and the end of physical memory. */
uint64_t runner_max_frames(const runner_cfg_t *c);

/* 4 KiB blocks of the swap device: swap slots x (page size / 4 KiB). */
uint32_t runner_swap_blocks(const runner_cfg_t *c);

typedef struct {
  uint64_t accesses;        /* trace records run (a split trace line counts each piece) */
  uint64_t split_lines;     /* trace lines split at 8-byte words (trace_t.split) */
  uint64_t by_op[3];        /* R, W, X */
  uint64_t completed;       /* got their data */
  uint64_t skipped;         /* process killed (or could not be created): not done */
  uint64_t segv;            /* faults the OS refused (OS_SEGV): not done */
  uint64_t retries;         /* re-issues after a served fault */
  uint64_t loads_verified;  /* R/X whose data matched the shadow */
  uint64_t stores;          /* W that completed */
  uint64_t data_level[4];   /* completed data accesses served by L1, L2, L3, DRAM */
} runner_stats_t;

typedef struct {
  uint32_t line, pid, cause;
  uint64_t va;
} runner_segv_t;

typedef enum { RUNNER_DONE = 0, RUNNER_SKIPPED, RUNNER_SEGV } runner_outcome_t;

/* runner_access / runner_run return this when the lockstep found a
** difference between model and RTL (details in r->ls). */
#define RUNNER_MISMATCH (-2)

/* Another way for a request to reach the model, e.g. through a TLM-2.0 socket
** (tb/systemc/tlm_example.cpp).  issue() gets the request as runner would drive
** it (req_valid = 1, op, priv, vaddr, wdata, csr_*), must step r->ls until the
** response and give that cycle's outputs in *out and the cycles from the
** accepting edge to the response in *latency; 0, or -1 on a hang. */
typedef struct {
  void *ctx;
  int (*issue)(void *ctx, const mmu_in_t *req, mmu_out_t *out, uint64_t *latency);
} runner_port_t;

struct runner;
/* An observer of a run (the views of cli/views.h, a progress bar): sees
** the runner after each record; it must not change it. */
typedef void (*runner_watch_fn)(void *ctx, const struct runner *r);

typedef struct runner {
  runner_cfg_t cfg;
  mmu_t mmu;
  lockstep_t ls;            /* model alone, or model + RTL */
  os_t *os;                 /* large (fixed OS_MAX_* tables): on the heap */
  hal_model_t hal;
  shadow_t shadow;
  runner_stats_t st;
  runner_segv_t segv[RUNNER_SEGV_LOG];
  uint32_t nsegv;           /* entries used in segv[] */
  uint64_t dropped;         /* bit p: pid p's shadow words were dropped after its kill */
  uint64_t kills_seen;      /* os->st.oom_kills when sync_kills last looked */
  uint64_t cycle_limit;     /* steps allowed for one request: a hang is a bug */
  uint64_t last_latency;    /* accept..response cycles of the last response */
  uint64_t stall_rng;       /* --mem-stall: xorshift64 state, from cfg.mmu.seed (runner_init) */
  const trace_rec_t *cur;   /* record being run */
  opt_t opt;                /* --policy opt: the trace's future (runner_run builds it) */
  runner_port_t port;       /* issue == NULL (runner_init): the runner steps the model */
  runner_watch_fn watch;    /* called by runner_run after every record run, or NULL */
  void *watch_ctx;          /* its first argument */
} runner_t;

/* Check cfg (see runner_cfg_check), build model, HAL, OS and shadow.
** Returns 0, or -1 with a message in err. */
int runner_init(runner_t *r, const runner_cfg_t *cfg, char *err, size_t errlen);
void runner_free(runner_t *r);

/* Run the RTL beside the model from now on (before the first access):
** the runner owns the dut.  Every cycle is then compared. */
void runner_set_dut(runner_t *r, const dut_t *dut);

/* Run one access.  Returns its outcome, RUNNER_MISMATCH when the lockstep
** stopped, or -1 on an internal error (a hang, an access fault, too many
** retries, a data mismatch, a HAL error) with a message in err. */
int runner_access(runner_t *r, const trace_rec_t *rec, char *err, size_t errlen);

/* Run every record of t, calling r->watch (if set) after each one that
** ran (done, skipped or segfault).  0; RUNNER_MISMATCH (r->cur is the record);
** or -1 with err = "NAME:LINE: internal error: ...". */
int runner_run(runner_t *r, const trace_t *t, const char *name, char *err, size_t errlen);

/* Total time of the run: model cycles plus the cycles the OS waited. */
uint64_t runner_total_cycles(const runner_t *r);

/* The store data of a record: a mix of pid, va and line, so every store
** of a trace writes its own value and a misplaced word shows. */
uint64_t runner_store_value(const trace_rec_t *rec);

#endif
