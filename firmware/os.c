/*
** os.c -- the OS's front door: configuration check, initialisation,
** process creation and switching, the access-profiling hook and the
** residency query.  Fault handling is in fault.c.
*/
#include "os.h"
#include "frames.h"
#include "os_internal.h"
#include "pagetable.h"
#include "reclaim.h"
#include "swap.h"

#define PA_LIMIT (UINT64_C(1) << RV_PA_BITS)

/* Does [base, base + pages << shift) lie below 2^56?  pages <= 2^16 and
** shift <= 30 here, so nothing wraps once base is below the limit. */
static int region_fits(uint64_t base, uint32_t pages, uint32_t shift) {
  return base < PA_LIMIT && PA_LIMIT - base >= ((uint64_t)pages << shift);
}

const char *os_config_check(const os_config_t *cfg) {
  uint64_t user_end, pt_end;
  uint32_t shift;

  if (!cfg) return "no configuration";
  shift = os_page_shift(cfg);
  if (cfg->mode != SATP_MODE_SV39 && cfg->mode != SATP_MODE_SV48) return "mode must be Sv39 or Sv48";
  if (cfg->adue > 1u) return "adue must be 0 (Svade) or 1 (Svadu)";
  if (cfg->policy != OS_POLICY_LRU && cfg->policy != OS_POLICY_FIFO && cfg->policy != OS_POLICY_CLOCK &&
      cfg->policy != OS_POLICY_OPT && cfg->policy != OS_POLICY_STUDENT)
    return "policy must be LRU, FIFO, CLOCK, OPT or STUDENT";
  if (cfg->frames < 1u || cfg->frames > OS_MAX_FRAMES) return "frames must be 1..65536";
  if (cfg->pt_frames < 1u || cfg->pt_frames > OS_MAX_PT) return "pt_frames must be 1..16384";
  if (cfg->swap_slots > OS_MAX_SWAP) return "swap_slots must be 0..65536";
  if (shift != 12u && shift != 21u && shift != 30u)
    return "page_shift must be 12 (4 KiB), 21 (2 MiB) or 30 (1 GiB)";
  if (cfg->user_base & ((UINT64_C(1) << shift) - 1u))
    return "user_base must be aligned to the page size (4 KiB, 2 MiB or 1 GiB)";
  if (((uint64_t)cfg->swap_slots << (shift - RV_PAGE_SHIFT)) > UINT32_MAX)
    return "swap_slots x page size must be at most 2^32 blocks of 4 KiB";
  if (cfg->pt_base & (RV_PAGE_SIZE - 1u)) return "pt_base must be 4 KiB aligned";
  if (!region_fits(cfg->user_base, cfg->frames, shift) ||
      !region_fits(cfg->pt_base, cfg->pt_frames, RV_PAGE_SHIFT))
    return "user frames and kernel pool must lie below 2^56";
  user_end = cfg->user_base + ((uint64_t)cfg->frames << shift);
  pt_end = cfg->pt_base + ((uint64_t)cfg->pt_frames << RV_PAGE_SHIFT);
  if (cfg->user_base < pt_end && cfg->pt_base < user_end) return "user frames and kernel pool overlap";
  return 0;
}

/* Field by field: a struct assignment may become a memcpy call, and the
** firmware links against nothing. */
static void copy_config(os_config_t *d, const os_config_t *s) {
  d->mode = s->mode;
  d->adue = s->adue;
  d->policy = s->policy;
  d->frames = s->frames;
  d->user_base = s->user_base;
  d->pt_frames = s->pt_frames;
  d->pt_base = s->pt_base;
  d->swap_slots = s->swap_slots;
  d->fault_cycles = s->fault_cycles;
  d->disk_cycles = s->disk_cycles;
  d->page_shift = os_page_shift(s);   /* stored as 12, 21 or 30, never 0 */
}

static void copy_hal(hal_t *d, const hal_t *s) {
  d->ctx = s->ctx;
  d->mem_read64 = s->mem_read64;
  d->mem_write64 = s->mem_write64;
  d->satp_write = s->satp_write;
  d->sfence = s->sfence;
  d->disk_write = s->disk_write;
  d->disk_read = s->disk_read;
  d->wait = s->wait;
}

static void clear_stats(os_stats_t *st) {
  st->minor_faults = st->major_faults = st->ad_faults = 0;
  st->evictions = st->swap_outs = st->swap_ins = st->discards = 0;
  st->oom_kills = st->segv = st->os_cycles = st->faults = 0;
}

static void clear_proc(os_proc_t *p) {
  p->state = OS_PROC_NONE;
  p->root_ppn = 0;
  p->rss = p->swapped = p->pt_pages = 0;
  p->minor_faults = p->major_faults = 0;
}

int os_init(os_t *os, const os_config_t *cfg, const hal_t *hal) {
  if (!os || !hal || os_config_check(cfg)) return -1;
  if (!hal->mem_read64 || !hal->mem_write64 || !hal->satp_write || !hal->sfence || !hal->disk_write ||
      !hal->disk_read || !hal->wait)
    return -1;
  copy_config(&os->cfg, cfg);
  copy_hal(&os->hal, hal);
  clear_stats(&os->st);
  for (uint32_t pid = 0; pid < OS_MAX_PROCS; pid++) clear_proc(&os->proc[pid]);
  frames_init(os);
  pagetable_init(os);
  swap_init(os);
  os->nkill = 0;
  os->cur_pid = OS_NONE;
  os->oracle.ctx = 0;
  os->oracle.next_use = 0;
  return 0;
}

void os_set_oracle(os_t *os, const os_oracle_t *oracle) {
  os->oracle.ctx = oracle->ctx;
  os->oracle.next_use = oracle->next_use;
}

/* A root table for a new process, OOM-killing others if the pool is empty. */
static int create(os_t *os, uint32_t pid) {
  uint32_t page;

  while ((page = pagetable_page_new(os, pid)) == OS_NONE)
    if (reclaim_pt(os, pid) != OS_RETRY) return -1; /* pid is not alive yet, so it was not the victim */
  os->proc[pid].state = OS_PROC_ALIVE;
  os->proc[pid].root_ppn = pagetable_page_pa(os, page) >> RV_PAGE_SHIFT;
  return 0;
}

int os_switch_to(os_t *os, uint32_t pid) {
  os_proc_t *p;

  if (pid >= OS_MAX_PROCS) return -1;
  p = &os->proc[pid];
  if (p->state == OS_PROC_KILLED) return -1;
  if (p->state == OS_PROC_NONE && create(os, pid) != 0) return -1;
  if (os->cur_pid != pid) {
    os->hal.satp_write(os->hal.ctx, satp_make(os->cfg.mode, pid, p->root_ppn));
    os->cur_pid = pid;
  }
  return 0;
}

void os_access_done(os_t *os, uint32_t pid, uint64_t va, uint64_t pa) {
  uint32_t f = frames_index(os, pa);

  (void)va; /* pa names the frame; the owner check suffices */
  if (f != OS_NONE && os->frame[f].owner == pid) frames_touch(os, f);
}

uint32_t os_frame_of(os_t *os, uint32_t pid, uint64_t va) {
  uint64_t pte_pa, pte;

  if (pid >= OS_MAX_PROCS || os->proc[pid].state != OS_PROC_ALIVE) return OS_NONE;
  if (pagetable_walk(os, pid, va, 0, &pte_pa) != PT_OK) return OS_NONE;
  pte = os_hw_read(os, pte_pa);
  if (!(pte & PTE_V)) return OS_NONE;
  return frames_index(os, pte_ppn(pte) << RV_PAGE_SHIFT);
}
