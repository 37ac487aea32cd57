/*
** frames.c -- user frame bookkeeping: the free list (linked by next), the
** doubly linked policy list of frames in use, and the victim choice.
** Everything here is the OS's own state except CLOCK's A-bit sweep.
*/
#include "frames.h"
#include "os_internal.h"
#include "pagetable.h"
#include "policy.h"

void frames_init(os_t *os) {
  uint32_t n = os->cfg.frames;

  for (uint32_t i = 0; i < n; i++) {
    os->frame[i].owner = OS_NONE;
    os->frame[i].vpn = 0;
    os->frame[i].prev = OS_NONE;
    os->frame[i].next = i + 1u < n ? i + 1u : OS_NONE;
  }
  os->free_head = 0;
  os->list_head = OS_NONE;
  os->list_tail = OS_NONE;
  os->clock_hand = 0;
  if (os->cfg.policy == OS_POLICY_STUDENT) {
    for (uint32_t i = 0; i < OS_MAX_FRAMES; i++)   /* a word at a time: no memset here */
      os->pol.frame[i] = 0;
    for (uint32_t i = 0; i < OS_POLICY_WORDS; i++) os->pol.word[i] = 0;
    policy_student_init(os);
  }
}

uint64_t frames_pa(const os_t *os, uint32_t f) { return os->cfg.user_base + ((uint64_t)f << os_shift(os)); }

uint32_t frames_index(const os_t *os, uint64_t pa) {
  uint64_t off;

  if (pa < os->cfg.user_base) return OS_NONE;
  off = (pa - os->cfg.user_base) >> os_shift(os);
  return off < os->cfg.frames ? (uint32_t)off : OS_NONE;
}

uint32_t frames_take_free(os_t *os) {
  uint32_t f = os->free_head;

  if (f != OS_NONE) os->free_head = os->frame[f].next;
  return f;
}

static void list_append(os_t *os, uint32_t f) {
  os->frame[f].prev = os->list_tail;
  os->frame[f].next = OS_NONE;
  if (os->list_tail != OS_NONE) os->frame[os->list_tail].next = f;
  else os->list_head = f;
  os->list_tail = f;
}

static void list_remove(os_t *os, uint32_t f) {
  uint32_t p = os->frame[f].prev, n = os->frame[f].next;

  if (p != OS_NONE) os->frame[p].next = n;
  else os->list_head = n;
  if (n != OS_NONE) os->frame[n].prev = p;
  else os->list_tail = p;
  os->frame[f].prev = OS_NONE;
  os->frame[f].next = OS_NONE;
}

void frames_assign(os_t *os, uint32_t f, uint32_t pid, uint64_t vpn) {
  os->frame[f].owner = pid;
  os->frame[f].vpn = vpn;
  os->proc[pid].rss++;
  list_append(os, f);
  if (os->cfg.policy == OS_POLICY_STUDENT) policy_student_insert(os, f);
}

void frames_unlink(os_t *os, uint32_t f) {
  if (os->cfg.policy == OS_POLICY_STUDENT)
    policy_student_remove(os, f);   /* while the frame still names its page */
  os->proc[os->frame[f].owner].rss--;
  list_remove(os, f);
  os->frame[f].owner = OS_NONE;
}

void frames_release(os_t *os, uint32_t f) {
  frames_unlink(os, f);
  os->frame[f].next = os->free_head;
  os->free_head = f;
}

void frames_release_all(os_t *os, uint32_t pid) {
  /* Downwards, so the lowest freed frame ends up first on the free list. */
  for (uint32_t f = os->cfg.frames; f-- > 0;)
    if (os->frame[f].owner == pid) frames_release(os, f);
}

void frames_touch(os_t *os, uint32_t f) {
  if (os->cfg.policy != OS_POLICY_LRU || os->frame[f].owner == OS_NONE) return;
  list_remove(os, f);
  list_append(os, f);
}

/* Second chance: an A=1 frame loses its A bit and is passed over; the
** first A=0 frame is the victim.  One sweep clears every A bit, so the
** loop ends within frames+1 steps. */
static uint32_t clock_victim(os_t *os) {
  uint32_t n = os->cfg.frames;

  for (uint32_t step = 0; step <= n; step++) {
    uint32_t f = os->clock_hand;
    const os_frame_t *fr = &os->frame[f];
    uint64_t va = fr->vpn << RV_PAGE_SHIFT, pte_pa, pte;

    os->clock_hand = f + 1u < n ? f + 1u : 0;
    if (fr->owner == OS_NONE || pagetable_walk(os, fr->owner, va, 0, &pte_pa) != PT_OK)
      return f;                   /* no PTE to look at: nothing to give a chance to */
    pte = os_hw_read(os, pte_pa);
    if (!(pte & PTE_V) || !(pte & PTE_A)) return f;
    os_hw_write(os, pte_pa, pte & ~(uint64_t)PTE_A);
    os_hw_sfence_page(os, va, fr->owner);  /* the TLB must not keep A=1 */
  }
  return os->clock_hand;          /* not reached: the first sweep cleared every A */
}

/* Belady's MIN: the frame whose page is used again farthest ahead, as the
** oracle says.  Ties (pages never used again) go to the earliest arrival:
** the list is in arrival order, and only a strictly later use replaces. */
static uint32_t opt_victim(os_t *os) {
  uint32_t best = OS_NONE;
  uint64_t farthest = 0;

  if (!os->oracle.next_use) return OS_NONE;
  for (uint32_t f = os->list_head; f != OS_NONE; f = os->frame[f].next) {
    uint64_t use = os->oracle.next_use(os->oracle.ctx, os->frame[f].owner, os->frame[f].vpn);

    if (best == OS_NONE || use > farthest) {
      best = f;
      farthest = use;
    }
    if (use == OS_NEVER) break;                      /* nothing is later than never */
  }
  return best;
}

/* A policy of its own may be wrong: a victim that is not a frame in use
** becomes OS_NONE, so the fault is refused instead of evicting nothing. */
static uint32_t student_victim(os_t *os) {
  uint32_t f = policy_student_victim(os);

  return f < os->cfg.frames && os->frame[f].owner != OS_NONE ? f : OS_NONE;
}

uint32_t frames_victim(os_t *os) {
  if (os->cfg.policy == OS_POLICY_STUDENT) return student_victim(os);
  if (os->cfg.policy == OS_POLICY_CLOCK) return clock_victim(os);
  if (os->cfg.policy == OS_POLICY_OPT) return opt_victim(os);
  return os->list_head;           /* LRU: least recent; FIFO: oldest arrival */
}
