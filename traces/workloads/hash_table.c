/* hash_table.c -- open addressing with linear probing: 16384 slots of 16
** bytes (256 KiB), 2000 inserts, then 8000 lookups of random keys, half
** of them absent.  Random slots: little spatial locality. */
#include <stdint.h>
#include <stdio.h>
#define SLOTS 16384u
struct slot {
  uint64_t key, value;
};
static struct slot table[SLOTS];
static uint32_t hash(uint64_t k) { return (uint32_t)((k * 0x9e3779b97f4a7c15ull) >> 50); }
int main(void) {
  uint64_t x = 88172645463325252ull;                   /* xorshift64: the same keys every run */
  uint64_t keys[2000];
  for (int i = 0; i < 2000; i++) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    keys[i] = x | 1;
    uint32_t h = hash(keys[i]);
    while (table[h].key) h = (h + 1) & (SLOTS - 1);
    table[h].key = keys[i];
    table[h].value = (uint64_t)i;
  }
  uint64_t found = 0;
  for (int i = 0; i < 8000; i++) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    uint64_t k = (i & 1) ? keys[x % 2000] : (x | 1);
    uint32_t h = hash(k);
    while (table[h].key && table[h].key != k) h = (h + 1) & (SLOTS - 1);
    found += table[h].key == k;
  }
  printf("%llu\n", (unsigned long long)found);
  return 0;
}
