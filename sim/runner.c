/*
** runner.c -- one trace through model + firmware, access by access.
** The MMU is stepped exactly as a CPU would drive it (valid/ready, then
** wait for the response); the OS runs only between requests.
*/
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "riscv.h"
#include "mmu_port.h"
#include "runner.h"

void runner_cfg_default(runner_cfg_t *c) {
  memset(c, 0, sizeof *c);
  mmu_config_default(&c->mmu);
  c->os.mode = SATP_MODE_SV39;
  c->os.adue = 1;
  c->os.policy = OS_POLICY_LRU;
  c->os.frames = 256;
  c->os.pt_frames = 1024;
  c->os.swap_slots = 256;
  c->os.fault_cycles = 1000;
  c->os.disk_cycles = 1000000;
  runner_cfg_layout(c);
}

void runner_cfg_layout(runner_cfg_t *c) {
  uint32_t sh = os_page_shift(&c->os);
  uint64_t page = UINT64_C(1) << (sh <= 30u ? sh : RV_PAGE_SHIFT); /* a bad shift: os_config_check says so */
  c->os.pt_base = RUNNER_MEM_BASE;
  /* user frames after the pool, rounded up to the page size: a huge page
  ** must be naturally aligned (the gap below it stays unused) */
  c->os.user_base = (RUNNER_MEM_BASE + (uint64_t)c->os.pt_frames * RV_PAGE_SIZE + page - 1u) & ~(page - 1u);
  c->mmu.mem_base = RUNNER_MEM_BASE;
  c->mmu.mem_size = RUNNER_MEM_SIZE;
}

uint64_t runner_max_frames(const runner_cfg_t *c) {
  uint64_t end = RUNNER_MEM_BASE + RUNNER_MEM_SIZE, base = c->os.user_base;
  return base >= end ? 0 : (end - base) >> os_page_shift(&c->os);
}

const char *runner_cfg_check(runner_cfg_t *c) {
  runner_cfg_layout(c);
  const char *e = os_config_check(&c->os);
  if (e) return e;
  uint64_t max = runner_max_frames(c);
  uint32_t sh = os_page_shift(&c->os);
  const char *size = sh == 30u ? "1G" : sh == 21u ? "2M" : "4K";
  if (c->os.frames > max) { /* the numbers in the message: c->msg holds it */
    if (max == 0)
      snprintf(c->msg, sizeof c->msg,
               "--page-size %s does not fit: physical memory is 1 GiB at "
               "0x%" PRIx64 " and holds the kernel pool too, so not one aligned page of that size is left "
               "for user frames",
               size, RUNNER_MEM_BASE);
    else
      snprintf(c->msg, sizeof c->msg,
               "--frames %u x --page-size %s does not fit in physical memory: "
               "after the kernel pool (--pt-frames %u x 4K, rounded up to the page size) the 1 GiB holds "
               "at most %" PRIu64 " frames of that size",
               c->os.frames, size, c->os.pt_frames, max);
    return c->msg;
  }
  return mmu_config_check(&c->mmu);
}

uint32_t runner_swap_blocks(const runner_cfg_t *c) {
  return c->os.swap_slots << (os_page_shift(&c->os) - RV_PAGE_SHIFT); /* os_config_check: fits */
}

static int errf(char *err, size_t errlen, const char *msg) {
  snprintf(err, errlen, "%s", msg);
  return -1;
}

/* splitmix64's finaliser: the stall PRNG's seed and the trace's store values */
static uint64_t mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
  return z ^ (z >> 31);
}

/* --mem-stall: this cycle's mem_stall input, 1 with probability mem_stall percent.  One draw
** per request cycle (xorshift64), so the same seed gives the same stalls. */
static uint8_t draw_stall(runner_t *r) {
  if (!r->cfg.mem_stall) return 0;
  uint64_t x = r->stall_rng;
  x ^= x << 13;
  x ^= x >> 7;
  x ^= x << 17;
  r->stall_rng = x;
  return (uint8_t)((x >> 32) % 100u < r->cfg.mem_stall);
}

int runner_init(runner_t *r, const runner_cfg_t *cfg, char *err, size_t errlen) {
  memset(r, 0, sizeof *r);
  r->cfg = *cfg;
  const char *e = runner_cfg_check(&r->cfg);
  if (e) return errf(err, errlen, e);
  if (mmu_init(&r->mmu, &r->cfg.mmu)) return errf(err, errlen, "cannot initialise the MMU model");
  r->os = malloc(sizeof *r->os);
  lockstep_init(&r->ls, &r->mmu, NULL);
  if (!r->os || hal_model_init(&r->hal, &r->ls, runner_swap_blocks(&r->cfg)) || shadow_init(&r->shadow)) {
    runner_free(r);
    return errf(err, errlen, "out of memory");
  }
  hal_t hal;
  hal_model_bind(&r->hal, &hal);
  if (os_init(r->os, &r->cfg.os, &hal)) {
    runner_free(r);
    return errf(err, errlen, "cannot initialise the OS firmware");
  }
  /* The longest request: LOOKUP, four PTE reads, an A/D write and the
  ** data, each at most the slowest level; anything longer is a hang. */
  uint64_t slow = r->cfg.mmu.cache.dram_latency;
  for (uint32_t i = 0; i < CACHE_LEVELS; i++)
    if (r->cfg.mmu.cache.level[i].latency > slow) slow = r->cfg.mmu.cache.level[i].latency;
  r->cycle_limit = 8u * slow + 16u;
  /* --mem-stall: a run of 4096 stalls at 90 % has probability 0.9^4096, about 10^-187 */
  if (r->cfg.mem_stall) r->cycle_limit += 4096u;
  r->stall_rng = mix64((uint64_t)r->cfg.mmu.seed + UINT64_C(0x9e3779b97f4a7c15));
  if (!r->stall_rng) r->stall_rng = 1u; /* an all-zero xorshift64 state would stay zero */
  return 0;
}

void runner_set_dut(runner_t *r, const dut_t *dut) {
  lockstep_free(&r->ls);
  lockstep_init(&r->ls, &r->mmu, dut);
}

void runner_free(runner_t *r) {
  lockstep_free(&r->ls);
  free(r->os);
  r->os = NULL;
  hal_model_free(&r->hal);
  shadow_free(&r->shadow);
  opt_free(&r->opt);
  mmu_free(&r->mmu);
  memset(&r->mmu, 0, sizeof r->mmu); /* a second runner_free is harmless */
}

uint64_t runner_total_cycles(const runner_t *r) { return r->mmu.cnt.cycles + r->hal.os_cycles; }

uint64_t runner_store_value(const trace_rec_t *rec) {
  uint64_t x = ((uint64_t)rec->line << 8 | rec->pid) ^ (rec->va << 29 | rec->va >> 35);
  return mix64(x + UINT64_C(0x9e3779b97f4a7c15));
}

/* After any OS call: forget the shadow words of processes it killed, so
** their pids may never be checked against stale data. */
static int sync_kills(runner_t *r, char *err, size_t errlen) {
  /* oom_kills counts every kill since os_init (the only place a process
  ** becomes OS_PROC_KILLED): the slots need a look only after a new one */
  for (uint32_t p = 0; r->os->st.oom_kills != r->kills_seen && p < OS_MAX_PROCS; p++) {
    uint64_t bit = UINT64_C(1) << p;
    if (r->os->proc[p].state != OS_PROC_KILLED || (r->dropped & bit)) continue;
    if (shadow_drop_pid(&r->shadow, p)) return errf(err, errlen, "internal error: out of memory");
    r->dropped |= bit;
  }
  r->kills_seen = r->os->st.oom_kills;
  if (r->hal.error) {
    snprintf(err, errlen, "internal error: HAL: %s", hal_model_error(r->hal.error));
    return -1;
  }
  return 0;
}

/* The request through r->port instead (see runner_port_t).  The hook steps
** r->ls, so the lockstep's request log sees it as any other. */
static int issue_port(runner_t *r, const mmu_in_t *in, mmu_out_t *out, char *err, size_t errlen) {
  uint64_t n = 0;
  if (r->port.issue(r->port.ctx, in, out, &n) || !out->resp_valid || n == 0 || n >= r->ls.cycles)
    return errf(err, errlen, "internal error: the MMU port gave no response");
  if (lockstep_stop(&r->ls)) return RUNNER_MISMATCH;
  r->last_latency = n;
  return 0;
}

/* One request through the model: offer it until accepted, then step idle
** until the response.  *out is the response cycle's outputs. */
static int issue(runner_t *r, const trace_rec_t *rec, uint64_t wdata, mmu_out_t *out, char *err,
                 size_t errlen) {
  mmu_in_t in;
  lockstep_tag(&r->ls, rec->line, rec->pid); /* the mismatch report's request log */
  mmu_in_idle(&in);
  in.req_valid = 1;
  in.req_op = rec->op;
  in.req_priv = MMU_PRIV_U;
  in.req_vaddr = rec->va;
  in.req_wdata = rec->op == MMU_OP_W ? wdata : 0;
  in.csr_adue = (uint8_t)r->cfg.os.adue;
  if (r->port.issue) return issue_port(r, &in, out, err, errlen);
  uint64_t n = 0;
  do {
    in.mem_stall = draw_stall(r);
    lockstep_step(&r->ls, &in, out);
    if (lockstep_stop(&r->ls)) return RUNNER_MISMATCH;
    if (++n > r->cycle_limit) return errf(err, errlen, "internal error: the MMU never accepted the request");
  } while (!out->req_ready);
  mmu_in_idle(&in);
  n = 0;
  do {
    in.mem_stall = draw_stall(r);
    lockstep_step(&r->ls, &in, out);
    if (lockstep_stop(&r->ls)) return RUNNER_MISMATCH;
    if (++n > r->cycle_limit) return errf(err, errlen, "internal error: the MMU never responded");
  } while (!out->resp_valid);
  r->last_latency = n;
  return 0;
}

static int check_data(runner_t *r, const trace_rec_t *rec, uint64_t wdata, const mmu_out_t *out, char *err,
                      size_t errlen) {
  if (rec->op == MMU_OP_W) {
    if (shadow_store(&r->shadow, rec->pid, rec->va, wdata))
      return errf(err, errlen, "internal error: out of memory");
    r->st.stores++;
    return 0;
  }
  uint64_t want = shadow_expected(&r->shadow, rec->pid, rec->va);
  if (out->resp_rdata != want) {
    snprintf(err, errlen,
             "internal error: data check: pid %u read 0x%016" PRIx64 " at va 0x%" PRIx64 " (pa 0x%" PRIx64
             "), expected 0x%016" PRIx64,
             (unsigned)rec->pid, out->resp_rdata, rec->va, out->resp_paddr, want);
    return -1;
  }
  r->st.loads_verified++;
  return 0;
}

static int segv(runner_t *r, const trace_rec_t *rec, uint32_t cause) {
  if (r->nsegv < RUNNER_SEGV_LOG) {
    runner_segv_t *s = &r->segv[r->nsegv++];
    s->line = rec->line;
    s->pid = rec->pid;
    s->va = rec->va;
    s->cause = cause;
  }
  r->st.segv++;
  return RUNNER_SEGV;
}

int runner_access(runner_t *r, const trace_rec_t *rec, char *err, size_t errlen) {
  r->cur = rec;
  r->st.accesses++;
  r->st.by_op[rec->op < 3 ? rec->op : 0]++;
  if (r->os->proc[rec->pid].state == OS_PROC_KILLED) {
    r->st.skipped++;
    return RUNNER_SKIPPED;
  }
  if (r->os->cur_pid != rec->pid) {
    int bad = os_switch_to(r->os, rec->pid);
    if (lockstep_stop(&r->ls)) return RUNNER_MISMATCH;
    if (sync_kills(r, err, errlen)) return -1;
    if (bad) {
      r->st.skipped++;
      return RUNNER_SKIPPED;
    }
  }
  uint64_t wdata = runner_store_value(rec);
  for (uint32_t retries = 0;; retries++) {
    mmu_out_t out;
    int e = issue(r, rec, wdata, &out, err, errlen);
    if (e) return e;
    if (!out.resp_fault) {
      r->st.data_level[out.resp_level & 3u]++;
      os_access_done(r->os, rec->pid, rec->va, out.resp_paddr);
      if (sync_kills(r, err, errlen) || check_data(r, rec, wdata, &out, err, errlen)) return -1;
      r->st.completed++;
      return RUNNER_DONE;
    }
    uint32_t cause = out.resp_cause;
    if (cause != CAUSE_FETCH_PAGE_FAULT && cause != CAUSE_LOAD_PAGE_FAULT &&
        cause != CAUSE_STORE_PAGE_FAULT) {
      snprintf(err, errlen,
               "internal error: access fault (cause %u) at va 0x%" PRIx64
               ": the firmware mapped a page outside physical memory",
               cause, rec->va);
      return -1;
    }
    if (retries == RUNNER_MAX_RETRIES) {
      snprintf(err, errlen,
               "internal error: page fault (cause %u) at va 0x%" PRIx64 " still taken after %u retries",
               cause, rec->va, RUNNER_MAX_RETRIES);
      return -1;
    }
    os_fault_result_t res = os_handle_fault(r->os, rec->pid, rec->va, cause);
    if (lockstep_stop(&r->ls)) return RUNNER_MISMATCH;
    if (sync_kills(r, err, errlen)) return -1;
    if (res == OS_KILLED) {
      r->st.skipped++;
      return RUNNER_SKIPPED;
    }
    if (res == OS_SEGV) return segv(r, rec, cause);
    r->st.retries++;
  }
}

int runner_run(runner_t *r, const trace_t *t, const char *name, char *err, size_t errlen) {
  r->st.split_lines = t->split;
  int opt = r->cfg.os.policy == OS_POLICY_OPT;
  if (opt) { /* OPT needs the future: only the whole trace has it */
    if (opt_init_pages(&r->opt, t, os_page_shift(&r->cfg.os)))
      return errf(err, errlen, "out of memory indexing the trace for --policy opt");
    os_oracle_t oracle = { &r->opt, opt_next_use };
    os_set_oracle(r->os, &oracle);
  }
  for (uint32_t i = 0; i < t->n; i++) {
    char msg[512];
    int e = runner_access(r, &t->rec[i], msg, sizeof msg);
    if (opt) opt_done(&r->opt, i);
    if (e == RUNNER_MISMATCH) return e;
    if (e < 0) {
      snprintf(err, errlen, "%s:%u: %s", name, t->rec[i].line, msg);
      return -1;
    }
    if (r->watch) r->watch(r->watch_ctx, r);
  }
  /* a replay's waveform window may outlast the trace */
  return r->ls.mismatch ? RUNNER_MISMATCH : 0;
}
