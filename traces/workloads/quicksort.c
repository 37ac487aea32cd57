/* quicksort.c -- sort 2000 ints (8 KiB) in place: partitions sweep the
** array from both ends, recursion narrows them until they fit in L1. */
#include <stdio.h>
#define N 2000
static int v[N];
static void sort(int *a, int lo, int hi) {
  while (lo < hi) {
    int p = a[(lo + hi) / 2], i = lo, j = hi;
    while (i <= j) {
      while (a[i] < p) i++;
      while (a[j] > p) j--;
      if (i <= j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (j - lo < hi - i) {
      sort(a, lo, j);
      lo = i;
    } else {
      sort(a, i, hi);
      hi = j;
    }
  }
}
int main(void) {
  unsigned x = 2463534242u;
  for (int i = 0; i < N; i++) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    v[i] = (int)(x % 1000000);
  }
  sort(v, 0, N - 1);
  for (int i = 1; i < N; i++)
    if (v[i - 1] > v[i]) {
      puts("unsorted");
      return 1;
    }
  printf("%d %d\n", v[0], v[N - 1]);
  return 0;
}
