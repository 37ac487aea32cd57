/*
** os.h -- the OS side of mmulab: demand paging, frame allocation, page
** replacement, swap and the OOM killer, as freestanding C.
** No libc allocation and no host calls: every effect goes through the HAL
** (hal.h).  The caller provides the os_t (static, or one allocation on a
** host); its size is fixed by the OS_MAX_* limits below.
**
** Memory layout (physical), P = 1 << page_shift (4 KiB, 2 MiB or 1 GiB):
**   [pt_base, pt_base + pt_frames*4K)     kernel pool: page-table pages
**   [user_base, user_base + frames*P)     user frames: the --frames N pages
** Page-table pages never compete with user pages, so textbook fault counts
** hold: with N frames the replacement policy sees exactly N.
**
** Page size: every user page of a run has the one size P, mapped as a leaf
** at level (page_shift-12)/9 (0: 4 KiB, 1: 2 MiB, 2: 1 GiB; Sv39 and
** Sv48 alike), naturally aligned (user_base is P-aligned).  A frame, an
** RSS unit, a swap slot and a policy-list entry are each one page of P.
** The swap device (hal.h) moves 4 KiB blocks: slot s is blocks
** s*P/4K .. (s+1)*P/4K - 1, and disk_cycles is paid per block moved.
**
** PTE conventions (user pages are leaves of size P, R W X U):
**   resident:  V=1, PPN = frame (low 9*level bits zero)
**   swapped:   V=0, RSW bit 8 set (OS_PTE_SWAPPED), PPN field = swap slot
**   untouched: 0
** A/D: under Svadu the firmware maps with A=D=0 and the hardware sets them;
** under Svade it maps with A=1 (and D=1 when the fault was a store) and a
** later store to a clean page faults once more to set D (an "A/D fault").
** A page is written to swap on eviction iff D=1.  A page read back from
** swap is mapped with D=1 (its slot is freed), so it is written out again
** if evicted: no copy is ever lost.
*/
#ifndef MMULAB_OS_H
#define MMULAB_OS_H

#include <stdint.h>
#include "hal.h"

#define OS_MAX_PROCS  64u       /* pids 0..63; ASID = pid */
#define OS_MAX_FRAMES 65536u    /* user frames (256 MiB) */
#define OS_MAX_PT     16384u    /* page-table pages */
#define OS_MAX_SWAP   65536u    /* swap slots */
#define OS_MAX_KILLS  64u       /* OOM kill records kept */
#define OS_NONE       0xffffffffu

#define OS_PTE_SWAPPED (1u << 8)

typedef enum {
  OS_POLICY_LRU = 0,
  OS_POLICY_FIFO,
  OS_POLICY_CLOCK,
  OS_POLICY_OPT,
  OS_POLICY_STUDENT       /* the hook of policy.h: a policy of one's own (lab 4) */
} os_policy_t;

/* OS_POLICY_OPT (Belady's MIN) evicts the page used again farthest in the
** future, which no OS can know: the system that runs the trace answers
** (sim/opt.c), the firmware only asks.  next_use gives a position in the
** run at which pid next touches page vpn (va >> 12 of the page's first
** 4 KiB; with huge pages the oracle answers for the whole page of
** 1 << page_shift bytes, i.e. any address in it); a larger value is
** later, OS_NEVER means not again. */
#define OS_NEVER 0xffffffffffffffffull
typedef struct {
  void *ctx;
  uint64_t (*next_use)(void *ctx, uint32_t pid, uint64_t vpn);
} os_oracle_t;

typedef struct {
  uint32_t mode;          /* SATP_MODE_SV39 or SATP_MODE_SV48 */
  uint32_t adue;          /* 1 Svadu, 0 Svade */
  os_policy_t policy;
  uint32_t frames;        /* user frames, 1..OS_MAX_FRAMES */
  uint64_t user_base;     /* physical address of user frame 0, page-size aligned */
  uint32_t pt_frames;     /* kernel pool, 1..OS_MAX_PT */
  uint64_t pt_base;
  uint32_t swap_slots;    /* 0..OS_MAX_SWAP */
  uint64_t fault_cycles;  /* handler cost of every fault, cycles */
  uint64_t disk_cycles;   /* one 4 KiB block to or from swap, cycles */
  uint32_t page_shift;    /* user page size 1 << page_shift: 12 (4 KiB), 21 (2 MiB)
                          ** or 30 (1 GiB); 0 means 12.  user_base must be aligned to it */
} os_config_t;

/* The page shift cfg means (0 is the 4 KiB default). */
static inline uint32_t os_page_shift(const os_config_t *cfg) {
  return cfg->page_shift ? cfg->page_shift : 12u;
}

typedef struct {
  uint8_t state;          /* OS_PROC_NONE / ALIVE / KILLED */
  uint64_t root_ppn;
  uint32_t rss;           /* resident user pages (VmRSS / page size) */
  uint32_t swapped;       /* pages in swap (VmSwap / page size) */
  uint32_t pt_pages;      /* page-table pages owned (VmPTE / 4K) */
  uint64_t minor_faults, major_faults;
} os_proc_t;

enum { OS_PROC_NONE = 0, OS_PROC_ALIVE = 1, OS_PROC_KILLED = 2 };

typedef struct {
  uint32_t pid;
  uint32_t rss;           /* resident pages when killed */
  uint32_t swapped;
  uint64_t seq;           /* the fault number that triggered it (st.faults then;
                          ** a kill from os_switch_to: the faults so far) */
} os_kill_t;

typedef struct {
  uint64_t minor_faults;  /* first touch: zero-filled frame */
  uint64_t major_faults;  /* page read back from swap */
  uint64_t ad_faults;     /* Svade: fault only to set A/D */
  uint64_t evictions, swap_outs, swap_ins, discards; /* discard: clean page dropped */
  uint64_t oom_kills;
  uint64_t segv;          /* faults the OS could not serve (none expected) */
  uint64_t os_cycles;     /* cycles passed to hal->wait */
  uint64_t faults;        /* calls to os_handle_fault, every cause (os_kill_t.seq) */
} os_stats_t;

typedef struct {
  uint32_t owner;         /* pid, or OS_NONE when free */
  uint64_t vpn;           /* va >> 12 of the first 4 KiB of the page mapped here */
  uint32_t prev, next;    /* policy list (LRU: recency, FIFO: arrival) */
} os_frame_t;

/* OS_POLICY_STUDENT's own state (policy.h): the firmware has no globals, so
** a policy keeps what it needs here, zeroed at os_init.  frame[f] is one word
** per frame (an aging counter, say), word[] anything else (a clock hand). */
#define OS_POLICY_WORDS 8u
typedef struct {
  uint32_t frame[OS_MAX_FRAMES];
  uint32_t word[OS_POLICY_WORDS];
} os_policy_state_t;

typedef struct {
  os_config_t cfg;
  hal_t hal;
  os_stats_t st;
  os_proc_t proc[OS_MAX_PROCS];
  os_frame_t frame[OS_MAX_FRAMES];
  uint32_t free_head;                 /* free user frames, linked by next */
  uint32_t list_head, list_tail;      /* policy list: head is the next victim */
  uint32_t clock_hand;
  uint32_t pt_owner[OS_MAX_PT];       /* pid owning each page-table page, or OS_NONE */
  uint32_t swap_owner[OS_MAX_SWAP];   /* pid owning each slot, or OS_NONE */
  os_kill_t kill[OS_MAX_KILLS];
  uint32_t nkill;
  uint32_t cur_pid;                   /* process whose satp is loaded, or OS_NONE */
  uint64_t bounce[HAL_PAGE_WORDS];    /* 4 KiB block buffer for swap transfers */
  uint32_t swap_hint;                 /* no free swap slot below this one */
  os_oracle_t oracle;                 /* OS_POLICY_OPT's view of the future, or none */
  os_policy_state_t pol;              /* OS_POLICY_STUDENT's state (policy.h) */
} os_t;

/* Check a configuration: NULL if good, else a static message. */
const char *os_config_check(const os_config_t *cfg);

/* Initialise *os (which may be uninitialised memory).  Nothing is written
** to the hardware yet.  Returns 0, or -1 on a bad configuration. */
int os_init(os_t *os, const os_config_t *cfg, const hal_t *hal);

/* Give OS_POLICY_OPT its oracle (before the first fault).  Without one an
** OPT victim cannot be chosen, and a fault that needs one gives OS_SEGV. */
void os_set_oracle(os_t *os, const os_oracle_t *oracle);

/* Make pid the running process: create it on first use (root table from
** the kernel pool) and write satp with ASID = pid when it changes.
** Returns 0, or -1 if pid is out of range, was killed, or no page-table
** page is left even after an OOM kill. */
int os_switch_to(os_t *os, uint32_t pid);

typedef enum {
  OS_RETRY = 0,      /* mapped: retry the access */
  OS_KILLED = 1,     /* the faulting process was killed (OOM) */
  OS_SEGV = 2        /* not a fault the OS serves (access fault, bad va) */
} os_fault_result_t;

/* Serve a trap taken by process pid (the running one) at va with cause
** (12/13/15 page faults; anything else gives OS_SEGV).  Every call counts
** in st.faults and costs fault_cycles.  OS_SEGV also for a pid never
** switched to, a non-canonical va, or a valid leaf with nothing to set
** (always under Svadu); OS_KILLED for a pid killed earlier.  Counted in
** st.segv except OS_KILLED. */
os_fault_result_t os_handle_fault(os_t *os, uint32_t pid, uint64_t va, uint32_t cause);

/* A completed access by pid to va that landed at physical pa: exact LRU
** is kept from these (the access-profiling port; real kernels only have
** A bits, which is what OS_POLICY_CLOCK uses). */
void os_access_done(os_t *os, uint32_t pid, uint64_t va, uint64_t pa);

/* Is pid's page at va resident, and in which frame? Returns the frame
** index or OS_NONE.  Reads the page table through the HAL. */
uint32_t os_frame_of(os_t *os, uint32_t pid, uint64_t va);

#endif
