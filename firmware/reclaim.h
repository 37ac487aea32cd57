/*
** reclaim.h -- getting memory when there is none free: evict the policy's
** victim (swap it out if dirty, drop it if clean), and when that cannot
** be done, OOM-kill.
*/
#ifndef MMULAB_RECLAIM_H
#define MMULAB_RECLAIM_H

#include <stdint.h>
#include "os.h"

/* A frame for pid's next page, in *f (owned by nobody, on no list).
** OS_RETRY: got one; OS_KILLED: pid itself was the OOM victim; OS_SEGV:
** nothing could be freed (or the tables disagree with the frame table). */
os_fault_result_t reclaim_frame(os_t *os, uint32_t pid, uint32_t *f);

/* The kernel pool is empty and pid needs a page-table page: OOM-kill.
** OS_RETRY: someone else died, try again; OS_KILLED: pid died; OS_SEGV:
** no process is alive to kill. */
os_fault_result_t reclaim_pt(os_t *os, uint32_t pid);

#endif
