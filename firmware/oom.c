/*
** oom.c -- choosing and killing the OOM victim.  Largest RSS first, as
** Linux's badness score mostly is; the lowest pid breaks ties so runs are
** reproducible.
*/
#include "oom.h"
#include "frames.h"
#include "os_internal.h"
#include "pagetable.h"
#include "swap.h"

uint32_t oom_pick(const os_t *os) {
  uint32_t best = OS_NONE;

  for (uint32_t pid = 0; pid < OS_MAX_PROCS; pid++) {
    if (os->proc[pid].state != OS_PROC_ALIVE) continue;
    if (best == OS_NONE || os->proc[pid].rss > os->proc[best].rss)
      best = pid;                 /* strictly larger: the lower pid keeps a tie */
  }
  return best;
}

void oom_kill(os_t *os, uint32_t pid) {
  os_proc_t *p = &os->proc[pid];

  if (os->nkill < OS_MAX_KILLS) {  /* pids are never reused: at most 64 kills */
    os_kill_t *k = &os->kill[os->nkill++];
    k->pid = pid;
    k->rss = p->rss;
    k->swapped = p->swapped;
    k->seq = os->st.faults;
  }
  frames_release_all(os, pid);
  swap_free_all(os, pid);
  pagetable_free_all(os, pid);
  os->hal.sfence(os->hal.ctx, 0, 0, 1, (uint16_t)pid);  /* all of its ASID */
  p->state = OS_PROC_KILLED;
  p->root_ppn = 0;
  os->st.oom_kills++;
  if (os->cur_pid == pid) os->cur_pid = OS_NONE; /* its root may be reused: next switch rewrites satp */
}

uint32_t oom_kill_largest(os_t *os) {
  uint32_t pid = oom_pick(os);

  if (pid != OS_NONE) oom_kill(os, pid);
  return pid;
}
