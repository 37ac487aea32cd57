/* list_walk.c -- pointer chasing: 4096 nodes of 128 bytes (512 KiB, 128
** pages) linked in a random order, walked 8 times.  Each step is a
** dependent load to an unpredictable page: the TLB's worst case. */
#include <stdio.h>
#define NODES 4096
struct node {
  struct node *next;
  long value;
  char pad[112];
};
static struct node pool[NODES];
static unsigned order[NODES];
int main(void) {
  unsigned x = 12345;                                   /* fixed LCG: the same list every run */
  for (unsigned i = 0; i < NODES; i++) order[i] = i;
  for (unsigned i = NODES - 1; i > 0; i--) {
    x = x * 1103515245u + 12345u;
    unsigned j = (x >> 8) % (i + 1), t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  for (unsigned i = 0; i < NODES; i++) {
    pool[order[i]].next = &pool[order[(i + 1) % NODES]];
    pool[order[i]].value = i;
  }
  long sum = 0;
  struct node *p = &pool[order[0]];
  for (unsigned n = 0; n < 8u * NODES; n++) {
    sum += p->value;
    p = p->next;
  }
  printf("%ld\n", sum);
  return 0;
}
