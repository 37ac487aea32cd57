/* matmul_naive.c -- C = A x B for 32x32 blocks of 512-wide matrices (a
** row is 4 KiB, a page), i-j-k order: the inner loop walks B down a column,
** a new page at every step: 32 pages of B plus A and C per dot product,
** more than a 32-entry LRU TLB keeps, so it misses on every step. */
#include <stdio.h>
#define N  32
#define LD 512   /* leading dimension: one row = 4 KiB, a page */
static double a[N][LD], b[N][LD], c[N][LD];
int main(void) {
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      a[i][j] = i + j;
      b[i][j] = i - j;
    }
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      double s = 0;
      for (int k = 0; k < N; k++) s += a[i][k] * b[k][j];
      c[i][j] = s;
    }
  printf("%.0f\n", c[N - 1][N - 1]);
  return 0;
}
