/*
** grow.c -- room for one more element of a dynamic array (see grow.h).
*/
#include <stdlib.h>
#include "grow.h"

void *grow_room(void *arr, uint32_t n, uint32_t *cap, size_t elem, uint32_t first) {
  if (n < *cap) return arr;
  if (*cap > UINT32_MAX / 2u) return NULL;
  uint32_t ncap = *cap ? *cap * 2u : first;
  if (elem && (size_t)ncap > SIZE_MAX / elem) return NULL;
  void *p = realloc(arr, (size_t)ncap * elem);
  if (p) *cap = ncap;
  return p;
}
