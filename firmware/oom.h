/*
** oom.h -- the OOM killer: when neither a frame nor a swap slot nor a
** page-table page can be had, the alive process with the largest RSS
** (ties: lowest pid) loses everything it holds.
*/
#ifndef MMULAB_OOM_H
#define MMULAB_OOM_H

#include <stdint.h>
#include "os.h"

/* The process an OOM kill would take now, or OS_NONE if none is alive. */
uint32_t oom_pick(const os_t *os);

/* Kill pid: record it, free its frames, swap slots and page-table pages,
** flush its ASID from the TLB, mark it KILLED. */
void oom_kill(os_t *os, uint32_t pid);

/* oom_pick then oom_kill.  Returns the pid killed, or OS_NONE. */
uint32_t oom_kill_largest(os_t *os);

#endif
