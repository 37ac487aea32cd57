/*
** stimulus.c -- write and read the recorded stimulus (see stimulus.h).
** Hex without 0x, one event a line, so tb/icarus/replay_tb.sv reads the same
** file with $fscanf "%h"; the reader loads it all before any timing starts.
*/
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include "stimulus.h"

int stim_in_is_idle(const mmu_in_t *in) {
  return !(in->req_valid | in->req_op | in->req_priv | in->csr_sum | in->csr_mxr | in->csr_adue |
           in->satp_we | in->sfence_valid | in->sfence_has_va | in->sfence_has_asid | in->flush) &&
         !(in->req_vaddr | in->req_wdata | in->satp_wdata | in->sfence_vaddr | in->sfence_asid);
}

void stim_put_header(FILE *f, const mmu_config_t *c, uint64_t ram_base, uint64_t ram_words) {
  fprintf(f, "%s %u\n", STIM_MAGIC, STIM_VERSION);
  fprintf(f, "P %u %u %u %u", c->tlb_entries, c->tlb_ways, (unsigned)c->tlb_policy, c->seed);
  for (uint32_t i = 0; i < CACHE_LEVELS; i++)
    fprintf(f, " %u %u %u", c->cache.level[i].size, c->cache.level[i].ways, c->cache.level[i].latency);
  fprintf(f, " %u %u %u %" PRIx64 " %" PRIx64 "\n", c->cache.line, c->cache.dram_latency,
          (unsigned)c->cache.policy, c->mem_base, c->mem_size);
  fprintf(f, "R %" PRIx64 " %" PRIu64 "\n", ram_base, ram_words);
}

void stim_put_idle(FILE *f, uint64_t n) { fprintf(f, "I %" PRIu64 "\n", n); }

void stim_put_cycle(FILE *f, const mmu_in_t *in) {
  fprintf(f, "C %x %x %x %" PRIx64 " %" PRIx64 " %x %x %x %x %" PRIx64 " %x %x %x %" PRIx64 " %x %x\n",
          in->req_valid, in->req_op, in->req_priv, in->req_vaddr, in->req_wdata, in->csr_sum, in->csr_mxr,
          in->csr_adue, in->satp_we, in->satp_wdata, in->sfence_valid, in->sfence_has_va, in->sfence_has_asid,
          in->sfence_vaddr, in->sfence_asid, in->flush);
}

void stim_put_write(FILE *f, uint64_t pa, uint64_t value) {
  fprintf(f, "W %" PRIx64 " %" PRIx64 "\n", pa, value);
}

void stim_put_end(FILE *f, const stim_sum_t *s) {
  fprintf(f, "E %" PRIu64 " %" PRIu64 " %" PRIu64 " %" PRIx64 "\n", s->cycles, s->writes, s->responses,
          s->digest);
}

/* Append to a growing array (doubling). */
static int grow(void **p, size_t *cap, size_t n, size_t size) {
  if (n < *cap) return 0;
  size_t c = *cap ? 2 * *cap : 4096;
  void *q = realloc(*p, c * size);
  if (!q) return -1;
  *p = q;
  *cap = c;
  return 0;
}

static int parse_params(mmu_config_t *c, const char *line) {
  unsigned v[16];
  uint64_t base, size;
  if (sscanf(line, "P %u %u %u %u %u %u %u %u %u %u %u %u %u %u %u %u %" SCNx64 " %" SCNx64, &v[0], &v[1],
             &v[2], &v[3], &v[4], &v[5], &v[6], &v[7], &v[8], &v[9], &v[10], &v[11], &v[12], &v[13], &v[14],
             &v[15], &base, &size) != 18)
    return -1;
  mmu_config_default(c);
  c->tlb_entries = v[0];
  c->tlb_ways = v[1];
  c->tlb_policy = (repl_policy_t)v[2];
  c->seed = v[3];
  for (uint32_t i = 0; i < CACHE_LEVELS; i++) {
    c->cache.level[i].size = v[4 + 3 * i];
    c->cache.level[i].ways = v[5 + 3 * i];
    c->cache.level[i].latency = v[6 + 3 * i];
  }
  c->cache.line = v[13];
  c->cache.dram_latency = v[14];
  c->cache.policy = (repl_policy_t)v[15];
  c->mem_base = base;
  c->mem_size = size;
  return 0;
}

static int parse_cycle(mmu_in_t *in, const char *line) {
  unsigned b[12];
  uint64_t vaddr, wdata, satp, svaddr;
  if (sscanf(line, "C %x %x %x %" SCNx64 " %" SCNx64 " %x %x %x %x %" SCNx64 " %x %x %x %" SCNx64 " %x %x",
             &b[0], &b[1], &b[2], &vaddr, &wdata, &b[3], &b[4], &b[5], &b[6], &satp, &b[7], &b[8], &b[9],
             &svaddr, &b[10], &b[11]) != 16)
    return -1;
  mmu_in_idle(in);
  in->req_valid = (uint8_t)b[0];
  in->req_op = (uint8_t)b[1];
  in->req_priv = (uint8_t)b[2];
  in->req_vaddr = vaddr;
  in->req_wdata = wdata;
  in->csr_sum = (uint8_t)b[3];
  in->csr_mxr = (uint8_t)b[4];
  in->csr_adue = (uint8_t)b[5];
  in->satp_we = (uint8_t)b[6];
  in->satp_wdata = satp;
  in->sfence_valid = (uint8_t)b[7];
  in->sfence_has_va = (uint8_t)b[8];
  in->sfence_has_asid = (uint8_t)b[9];
  in->sfence_vaddr = svaddr;
  in->sfence_asid = (uint16_t)b[10];
  in->flush = (uint8_t)b[11];
  return 0;
}

static int fail(stim_t *s, char *err, size_t errlen, const char *path, unsigned line, const char *why) {
  snprintf(err, errlen, "%s:%u: %s", path, line, why);
  stim_free(s);
  return -1;
}

int stim_load(stim_t *s, const char *path, char *err, size_t errlen) {
  memset(s, 0, sizeof *s);
  FILE *f = fopen(path, "r");
  if (!f) {
    snprintf(err, errlen, "%s: cannot open", path);
    return -1;
  }
  char line[512], magic[32];
  unsigned ln = 0, version = 0;
  size_t evcap = 0, incap = 0;
  int have_p = 0, have_r = 0, have_e = 0;
  uint64_t cycles = 0, writes = 0;
  const char *why = NULL;
  while (!why && fgets(line, sizeof line, f)) {
    ln++;
    if (ln == 1) {
      if (sscanf(line, "%31s %u", magic, &version) != 2 || strcmp(magic, STIM_MAGIC) ||
          version != STIM_VERSION)
        why = "not an mmulab stimulus of version 1";
      continue;
    }
    if (have_e) {
      why = "text after the E line";
      break;
    }
    stim_ev_t ev = { 0, 0, 0 };
    switch (line[0]) {
      case 'P':
        if (parse_params(&s->cfg, line)) why = "bad P line";
        else have_p = 1;
        continue;
      case 'R':
        if (sscanf(line, "R %" SCNx64 " %" SCNu64, &s->ram_base, &s->ram_words) != 2) why = "bad R line";
        else have_r = 1;
        continue;
      case 'E':
        if (sscanf(line, "E %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNx64, &s->sum.cycles, &s->sum.writes,
                   &s->sum.responses, &s->sum.digest) != 4)
          why = "bad E line";
        else have_e = 1;
        continue;
      case 'I':
        ev.kind = STIM_IDLE;
        if (sscanf(line, "I %" SCNu64, &ev.a) != 1) {
          why = "bad I line";
          continue;
        }
        cycles += ev.a;
        break;
      case 'C':
        ev.kind = STIM_CYCLE;
        if (grow((void **)&s->in, &incap, s->nin, sizeof *s->in)) {
          why = "out of memory";
          continue;
        }
        if (parse_cycle(&s->in[s->nin], line)) {
          why = "bad C line";
          continue;
        }
        ev.a = s->nin++;
        cycles++;
        break;
      case 'W':
        ev.kind = STIM_WRITE;
        if (sscanf(line, "W %" SCNx64 " %" SCNx64, &ev.a, &ev.b) != 2) {
          why = "bad W line";
          continue;
        }
        writes++;
        break;
      default: why = "unknown line (expected P, R, I, C, W or E)"; continue;
    }
    if (grow((void **)&s->ev, &evcap, s->nev, sizeof *s->ev)) {
      why = "out of memory";
      continue;
    }
    s->ev[s->nev++] = ev;
  }
  fclose(f);
  if (!why && ln == 0) why = "empty file";
  if (!why && (!have_p || !have_r || !have_e)) why = "a P, R or E line is missing";
  if (!why && (cycles != s->sum.cycles || writes != s->sum.writes))
    why = "the E line's cycle or write count differs from the events";
  return why ? fail(s, err, errlen, path, ln, why) : 0;
}

void stim_free(stim_t *s) {
  free(s->ev);
  free(s->in);
  memset(s, 0, sizeof *s);
}
