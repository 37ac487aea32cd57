/*
** drv.h -- the random and directed lockstep driver (tb/verilator/test_lockstep.c), in pieces:
** drv.c binds the model and the RTL through mmulab's harness (tb/lockstep.c), drv_tables.c
** writes the page tables both walk, drv_random.c draws the random stimulus (and the -X coverage
** mix), drv_directed.c holds the directed scenarios (-d NAME).  All state of one run is an lk_t.
*/
#ifndef MMULAB_DRV_H
#define MMULAB_DRV_H

#include <stdint.h>
#include "coverage.h"
#include "lockstep.h"
#include "mismatch.h"
#include "mmu.h"
#include "mmu_params.h"
#include "riscv.h"

#define MB          ((uint64_t)MMU_DEFAULT_MEM_BASE)   /* memory base of every RTL build */
#define MEM_END     (MB + MMU_DEFAULT_MEM_SIZE)
#define SV39_ROOT   (MB + 0x1000u)         /* Sv39 root table */
#define L1A         (MB + 0x2000u)         /* level-1 table under root[0] */
#define L0A         (MB + 0x3000u)         /* level-0 table under L1A[0], random leaves */
#define L0B         (MB + 0x4000u)         /* level-0 table under L1A[5], random leaves */
#define L1G         (MB + 0x5000u)         /* level-1 table under a global pointer root[7] */
#define SV48_ROOT   (MB + 0x6000u)         /* Sv48 root table */
#define SV48_L2     (MB + 0x7000u)         /* Sv48 level-2 table: same entries as SV39_ROOT */
#define L0C         (MB + 0x8000u)         /* -X: level-0 table under L1A[10] and L1G[2] */
#define ASIDS       4u                     /* ASIDs drawn from 0..3, so entries get reused */
#define HANG_CYCLES 100000u               /* no response for this long: a hang */
#define HOT         24u                    /* hot list of addresses */

typedef struct {            /* xorshift64*: deterministic from the seed */
  uint64_t s;
} rng_t;

static inline uint64_t rnd(rng_t *r) {
  r->s ^= r->s >> 12;
  r->s ^= r->s << 25;
  r->s ^= r->s >> 27;
  return r->s * UINT64_C(2685821657736338717);
}
static inline uint32_t below(rng_t *r, uint32_t n) { return (uint32_t)(rnd(r) % n); }
static inline int chance(rng_t *r, uint32_t per_mille) { return below(r, 1000) < per_mille; }

typedef struct {
  mmu_t m;
  lockstep_t ls;            /* the model m and the RTL, stepped and compared */
  rng_t r;
  uint64_t cycle;
  uint64_t hot[HOT];        /* recently drawn addresses, reused for locality */
  uint32_t nhot;
  int priv, sum;            /* the usual privilege and SUM of requests */
  uint64_t ctl_at;          /* cycle of a control event planned for the request, 0 none */
  uint32_t ctl_kind;        /* < 30 satp write, else sfence or flush */
  uint64_t satp;            /* the model's satp as the driver last wrote it (WARL aware) */
  int verbose;
  cov_t *cov;               /* -c: coverage bins, or NULL */
  int mix;                  /* -X: planned sequences between the random requests */
  struct plan_s *plan;      /* -X: the sequence in progress */
  uint32_t plan_n, plan_i;
  uint32_t mis_next;        /* -X: the next (page size, PPN bit) of a misaligned superpage */
  uint32_t mem_stall;       /* -S: per mille of cycles whose mem_stall input is 1 (contract 2b) */
  rng_t stall_r;            /* -S: its own stream, so the stimulus is the same without stalls */
  int rand_reset;           /* -r: the RTL's flops started random; cycle 0 also makes a request */
} lk_t;

/* One step of a planned sequence (-X), issued when the MMU is idle. */
enum { P_REQ, P_SATP, P_SFENCE };
typedef struct plan_s {
  uint8_t kind, op, priv, sum, mxr, adue, has_va, has_asid;
  uint64_t va;              /* P_REQ, P_SFENCE */
  uint64_t satp;            /* P_SATP */
  uint16_t asid;            /* P_SFENCE */
} plan_t;
#define PLAN_MAX 256u

/* Both memories get every backdoor write. */
static inline void wr(lk_t *k, uint64_t pa, uint64_t v) { lockstep_mem_write64(&k->ls, pa, v); }

static inline uint64_t pte(uint64_t pa, uint32_t bits) { return pte_make(pa >> 12, bits); }

/* What one run of the driver is asked for: the RTL's options, the compare, and for the replay
** after a mismatch the waveform window (wave NULL: none). */
typedef struct {
  uint32_t bug;
  int ports_only; /* -P: ports only, as build/mmulab compares; else the TLB deep compare */
  int verbose, mix;
  uint32_t mem_stall;       /* -S: per mille of cycles with mem_stall = 1, 0 = none */
  cov_t *cov;               /* -c: coverage bins, or NULL (never in a replay) */
  const char *wave; /* replay: write cycles [from, to) to this FST */
  uint64_t from, to;
} drv_opts_t;

#define OUTSIDE UINT64_C(0x10000) /* a table address below memory */

static inline void wr_root(lk_t *k, uint32_t i, uint64_t v) { /* Sv39 root and Sv48 level 2 alike */
  wr(k, SV39_ROOT + 8u * i, v);
  wr(k, SV48_L2 + 8u * i, v);
}

/* ---- drv.c: the harness ---- */
/* Model, RTL (as a dut_t, the one mmulab uses) and the lockstep between them: 0, or -1 with
** a message on stderr. */
int drv_open(lk_t *k, const mmu_config_t *cfg, uint64_t rand_reset_seed, const drv_opts_t *o);
void drv_close(lk_t *k);
/* One cycle of both, with the coverage bins around the model's step; with -S its mem_stall
** input drawn here (random and directed runs alike).  1 when the run must stop (a mismatch,
** or in a replay a mismatch whose waveform window is complete). */
int drv_step(lk_t *k, const mmu_in_t *in, mmu_out_t *om);
/* The run stopped at a mismatch: keep the report's facts in mm (if not NULL). */
void drv_capture(lk_t *k, mismatch_t *mm, const char *running);

/* ---- drv_tables.c: the page tables of every run ---- */
void drv_build_tables(lk_t *k);
void drv_build_tables_x(lk_t *k); /* -X: the extra entries of the coverage mix */
/* A random level-0 entry for a page at pa: mostly usable leaves, some broken ones. */
uint64_t drv_random_l0(rng_t *r, uint64_t pa);

/* ---- drv_random.c: the random stimulus ---- */
/* This cycle's inputs (control events at the edges that matter; -X sequences). */
void drv_random_inputs(lk_t *k, mmu_in_t *in);
/* Now and then a backdoor PTE write to both sides, as an OS or a racing hart would. */
void drv_backdoor(lk_t *k);

/* ---- drv_directed.c: directed scenarios ---- */
typedef struct {
  const char *name;
  int (*run)(lk_t *k);
  int any_tlb; /* 1: runs on any TLB shape; 0: its reasoning assumes the default TLB */
} scenario_t;
/* The scenario called name, or NULL (and the known names on stderr). */
const scenario_t *drv_find_scenario(const char *name);
/* What every scenario starts with: satp = Sv39, ASID 1, the root of the driver's tables.
** 0, or 1 on a mismatch. */
int drv_scenario_begin(lk_t *k);

#endif
