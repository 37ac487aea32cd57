/*
** grow.h -- the one growth rule of mmulab's parsed arrays (trace records,
** scenario lines): room for one more element, doubling when full.
*/
#ifndef MMULAB_GROW_H
#define MMULAB_GROW_H

#include <stddef.h>
#include <stdint.h>

/* Room for element n of arr, an array of *cap elements of `elem` bytes
** each (arr NULL when *cap is 0).  Returns arr when n < *cap; else arr
** realloc'ed to twice *cap (`first` when *cap is 0), with *cap updated.
** Returns NULL when out of memory or past UINT32_MAX elements; arr is then
** still valid and *cap unchanged. */
void *grow_room(void *arr, uint32_t n, uint32_t *cap, size_t elem, uint32_t first);

#endif
