/* stride.c -- the stride sweep: 2048 loads at each stride from 64 bytes
** (one line) to 16 KiB (four pages) over an 8 MiB array, twice each.
** Below 4 KiB strides share pages and the TLB hits; from 4 KiB on every
** load is a new page, and 2048 pages are far more than the TLB holds. */
#include <stdio.h>
static volatile char buf[8u << 20];   /* volatile: never written, still really read */
int main(void) {
  long sum = 0;
  for (unsigned stride = 64; stride <= 16384; stride *= 2)
    for (int pass = 0; pass < 2; pass++)
      for (unsigned i = 0; i < 2048; i++) sum += buf[(i * stride) % sizeof buf];
  printf("%ld\n", sum);
  return 0;
}
