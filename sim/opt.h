/*
** opt.h -- the future of a trace, for the OPT page-replacement policy.
** OPT (Belady's MIN) evicts the page used again farthest ahead; only the
** system that holds the whole trace can say when that is, so the runner
** builds this oracle and hands it to the firmware (os_set_oracle).
*/
#ifndef MMULAB_OPT_H
#define MMULAB_OPT_H

#include <stdint.h>
#include "os.h"
#include "trace.h"

typedef struct {
  const trace_t *t;
  uint32_t *next;       /* per record: index of the next record on the same page, or UINT32_MAX */
  uint64_t *key;        /* open-addressing table of pages (pid, vpn), 0 = empty slot */
  uint64_t *use;        /* per slot: the page's next use after what has run, or OS_NEVER */
  uint32_t mask;        /* table size - 1 (a power of two, at least twice the pages) */
  uint32_t shift;       /* page size of the OS: a page is va >> shift (12, 21 or 30) */
} opt_t;

/* Index the pages of t (which must outlive *o).  Returns 0, or -1 when out
** of memory (then *o needs no opt_free). */
int opt_init(opt_t *o, const trace_t *t);

/* The same for pages of 1 << page_shift bytes (the OS's page size, os.h):
** every address of a huge page is a use of it.  opt_init is shift 12. */
int opt_init_pages(opt_t *o, const trace_t *t, uint32_t page_shift);

/* Record i has run (completed, faulted or been skipped): its page is next
** used at the record after it that touches the same page. */
void opt_done(opt_t *o, uint32_t i);

/* The os_oracle_t function: the record index at which pid next uses the
** page whose first 4 KiB is vpn (va >> 12), or OS_NEVER (not again, or
** never seen).  ctx is the opt_t. */
uint64_t opt_next_use(void *ctx, uint32_t pid, uint64_t vpn);

void opt_free(opt_t *o);

#endif
