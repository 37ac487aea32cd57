/*
** policy.h -- the replacement-policy hook (OS_POLICY_STUDENT): what a policy
** of its own implements, and the few things it may ask the OS and the
** hardware.  Lab 4 (labs/04-policy/README.md) is writing one; the product's
** firmware/policy_student.c is a plain default, replaced in the lab's build.
**
** The OS calls the four policy_student_* functions, only under
** OS_POLICY_STUDENT; every other policy is untouched by them.  A policy is
** freestanding C like the rest of firmware/: no libc, no globals.  Its state
** is os->pol (os_policy_state_t in os.h), zeroed before policy_student_init.
** It sees pages only as real kernels do: by the PTE's A and D bits, read
** and cleared through the helpers below (they walk the page table through
** the HAL); never by the runner's per-access profiling.
*/
#ifndef MMULAB_POLICY_H
#define MMULAB_POLICY_H

#include <stdint.h>
#include "os.h"

/* ---- implemented by the policy (firmware/policy_student.c or the lab's file) ---- */

/* The OS starts: every frame is free.  os->pol is already all zero. */
void policy_student_init(os_t *os);

/* Frame f now holds a page (os->frame[f].owner and .vpn say whose); it has
** just been mapped, and the access that faulted is about to set its A bit. */
void policy_student_insert(os_t *os, uint32_t f);

/* Frame f is losing its page (evicted, or its process was OOM-killed);
** afterwards it is free until the next policy_student_insert. */
void policy_student_remove(os_t *os, uint32_t f);

/* Every frame is in use and a page needs one: which frame to evict?  Must
** return a frame index below policy_frames() that is in use; anything else
** makes the OS refuse the fault (OS_SEGV, counted in st.segv). */
uint32_t policy_student_victim(os_t *os);

/* ---- what the policy may call (firmware/policy_hw.c) ---- */

/* The number of user frames: valid indices are 0 .. policy_frames(os)-1. */
uint32_t policy_frames(const os_t *os);

/* Does frame f hold a page?  0 for a free frame or an index out of range. */
int policy_in_use(const os_t *os, uint32_t f);

/* The A bit of the page in frame f (1: accessed since it was mapped or
** last cleared), 0 for a free frame. */
int policy_accessed(os_t *os, uint32_t f);

/* Read and clear the A bit of the page in frame f; returns what it was.
** Clearing also flushes the page's TLB entry (sfence.vma), so the next
** access walks the table and sets A again. */
int policy_take_accessed(os_t *os, uint32_t f);

/* The D bit of the page in frame f (1: written since it was mapped, so an
** eviction costs a write to swap), 0 for a free frame. */
int policy_dirty(os_t *os, uint32_t f);

#endif
