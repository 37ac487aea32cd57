/* matmul_tiled.c -- the same product as matmul_naive.c in 8x8 tiles: the
** inner loops touch 8 rows (pages) of B, 1 of A and 1 of C, which stay in
** the TLB while the tile is reused. */
#include <stdio.h>
#define N  32
#define LD 512   /* leading dimension: one row = 4 KiB, a page */
#define T  8
static double a[N][LD], b[N][LD], c[N][LD];
int main(void) {
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      a[i][j] = i + j;
      b[i][j] = i - j;
    }
  for (int ii = 0; ii < N; ii += T)
    for (int kk = 0; kk < N; kk += T)
      for (int jj = 0; jj < N; jj += T)
        for (int i = ii; i < ii + T; i++)
          for (int k = kk; k < kk + T; k++) {
            double x = a[i][k];
            for (int j = jj; j < jj + T; j++) c[i][j] += x * b[k][j];
          }
  printf("%.0f\n", c[N - 1][N - 1]);
  return 0;
}
