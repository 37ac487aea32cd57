/*
** progress.c -- the sweep's progress bar (see progress.h): one line,
** redrawn in place with '\r', about 100 times per run.
*/
#define _POSIX_C_SOURCE 200809L
#include <inttypes.h>
#include <unistd.h>
#include "progress.h"

#define BAR 30u

void progress_init(progress_t *p, uint32_t points, uint64_t total) {
  p->f = isatty(STDERR_FILENO) ? stderr : NULL;
  p->point = 0;
  p->points = points;
  p->total = total;
  p->step = total / 100u ? total / 100u : 1u;
  p->label = "";
}

static void draw(const progress_t *p, uint64_t done) {
  uint64_t all = (uint64_t)p->points * (p->total ? p->total : 1u);
  uint64_t now = (uint64_t)(p->point - 1u) * (p->total ? p->total : 1u) + done;
  uint32_t fill = all ? (uint32_t)(now * BAR / all) : BAR;
  char bar[BAR + 1];
  for (uint32_t i = 0; i < BAR; i++) bar[i] = i < fill ? '#' : '.';
  bar[BAR] = '\0';
  fprintf(p->f, "\rsweep [%s] run %u/%u %-24s %3" PRIu64 "%%", bar, p->point, p->points, p->label,
          p->total ? done * 100u / p->total : 100u);
  fflush(p->f);
}

void progress_point(progress_t *p, uint32_t point, const char *label) {
  p->point = point;
  p->label = label;
  if (p->f) draw(p, 0);
}

void progress_watch(void *ctx, const runner_t *r) {
  progress_t *p = ctx;
  if (p->f && r->st.accesses % p->step == 0) draw(p, r->st.accesses < p->total ? r->st.accesses : p->total);
}

void progress_done(progress_t *p) {
  if (p->f) fprintf(p->f, "\r%*s\r", (int)(BAR + 60u), "");
}
