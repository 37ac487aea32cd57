/*
** scenario.c -- parser of translate-mode scenario files (docs/translate.md).
** The whole file is parsed, and every line's effect on satp and the CSR
** settings resolved, before anything runs: a bad line never half-runs.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "riscv.h"
#include "mmu_port.h"
#include "scenario.h"
#include "grow.h"
#include "textfile.h"

#define MAX_FIELDS 8u    /* no directive takes more than 5 */
#define MEM_LIMIT  (UINT64_C(1) << RV_PA_BITS)

/* One line being parsed, and where its message goes. */
typedef struct {
  textfile_field_t f[MAX_FIELDS];
  unsigned n;              /* fields on the line (may exceed MAX_FIELDS) */
  char *err;
  size_t errlen;
} line_t;

/* What the lines so far have set up. */
typedef struct {
  scn_item_t cur;          /* settings in effect (mode, priv, ..., satp) */
  int mem_given;
  int mem_used;            /* a word or access has relied on the mem range */
} pstate_t;

static int is_word(const textfile_field_t *f, const char *w) {
  size_t n = strlen(w);
  return f->len == n && memcmp(f->p, w, n) == 0;
}

/* "expected WHAT, got 'FIELD i'" (or "got end of line" past the last). */
static int fail(line_t *l, const char *what, unsigned i) {
  char q[TEXTFILE_TOKEN_SHOWN + 8];
  if (i < l->n && i < MAX_FIELDS) textfile_quote(q, sizeof q, &l->f[i]);
  snprintf(l->err, l->errlen, "expected %s, got %s", what, i < l->n ? q : "end of line");
  return -1;
}

int scenario_number(const char *p, size_t len, uint64_t *v) {
  uint64_t acc = 0;
  int big = 0;
  if (len > 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
    for (size_t i = 2; i < len; i++) {
      int d = textfile_hex_digit(p[i]);
      if (d < 0) return -1;
      if (acc > (UINT64_MAX >> 4)) big = 1;
      acc = (acc << 4) | (uint64_t)d;
    }
  } else {
    if (len == 0) return -1;
    for (size_t i = 0; i < len; i++) {
      if (p[i] < '0' || p[i] > '9') return -1;
      uint64_t d = (uint64_t)(p[i] - '0');
      if (acc > (UINT64_MAX - d) / 10u) big = 1;
      acc = acc * 10u + d;
    }
  }
  if (big) return -2;   /* checked after the loop: a bad digit wins */
  *v = acc;
  return 0;
}

/* Field i as a number no larger than max; `what` names it in messages. */
static int number(line_t *l, unsigned i, const char *what, uint64_t max, uint64_t *v) {
  char msg[128];
  if (i >= l->n) return fail(l, what, i);
  int rc = scenario_number(l->f[i].p, l->f[i].len, v);
  if (rc == -1) {
    snprintf(msg, sizeof msg, "%s (0x hex or decimal)", what);
    return fail(l, msg, i);
  }
  if (rc == -2) {
    snprintf(msg, sizeof msg, "%s of at most 64 bits", what);
    return fail(l, msg, i);
  }
  if (*v > max) {
    snprintf(msg, sizeof msg, "%s of at most 0x%llx", what, (unsigned long long)max);
    return fail(l, msg, i);
  }
  return 0;
}

/* The line ends at field i. */
static int end_at(line_t *l, unsigned i) { return i < l->n ? fail(l, "end of line", i) : 0; }

static int parse_bit(line_t *l, uint8_t *bit) {
  if (l->n < 2 || !(is_word(&l->f[1], "0") || is_word(&l->f[1], "1"))) return fail(l, "0 or 1", 1);
  *bit = (uint8_t)(l->f[1].p[0] - '0');
  return end_at(l, 2);
}

static int parse_mode(line_t *l, pstate_t *ps, scn_item_t *it) {
  uint8_t mode;
  if (l->n >= 2 && is_word(&l->f[1], "sv39")) mode = SATP_MODE_SV39;
  else if (l->n >= 2 && is_word(&l->f[1], "sv48")) mode = SATP_MODE_SV48;
  else return fail(l, "sv39 or sv48", 1);
  if (end_at(l, 2)) return -1;
  ps->cur.mode = mode;
  /* a translating satp switches with it: `mode` then means "from here on" */
  uint32_t m = satp_mode(ps->cur.satp);
  if (m == SATP_MODE_SV39 || m == SATP_MODE_SV48) {
    ps->cur.satp = (ps->cur.satp & ~(UINT64_C(0xf) << 60)) | ((uint64_t)mode << 60);
    it->satp_we = 1;
  }
  return 0;
}

static int parse_mem(line_t *l, pstate_t *ps, scenario_t *s, scn_item_t *it) {
  if (ps->mem_given) return fail(l, "a single mem line", 0);
  if (ps->mem_used) return fail(l, "mem before any word or access line", 0);
  uint64_t base, size;
  if (number(l, 1, "a base address", UINT64_MAX, &base)) return -1;
  if (base & (RV_PAGE_SIZE - 1u)) return fail(l, "a 4 KiB aligned base address", 1);
  if (number(l, 2, "a size", UINT64_MAX, &size)) return -1;
  if (size == 0 || (size & (RV_PAGE_SIZE - 1u)))
    return fail(l, "a size that is a nonzero multiple of 4 KiB", 2);
  if (base >= MEM_LIMIT || size > MEM_LIMIT - base)
    return fail(l, "a memory range that ends at or below 2^56", 2);
  if (end_at(l, 3)) return -1;
  ps->mem_given = 1;
  s->mem_base = base;
  s->mem_size = size;
  it->addr = base;
  it->value = size;
  return 0;
}

static int parse_satp(line_t *l, pstate_t *ps, scn_item_t *it) {
  uint64_t v;
  it->satp_we = 1;
  if (l->n >= 2 && is_word(&l->f[1], "raw")) {
    if (number(l, 2, "a satp value", UINT64_MAX, &v) || end_at(l, 3)) return -1;
    it->raw = 1;
    uint32_t m = satp_mode(v);
    /* WARL: the MMU ignores a write of an unsupported MODE (contract §1) */
    if (m == SATP_MODE_BARE || m == SATP_MODE_SV39 || m == SATP_MODE_SV48) ps->cur.satp = v;
    if (m == SATP_MODE_SV39 || m == SATP_MODE_SV48) ps->cur.mode = (uint8_t)m;
    it->value = v;
    return 0;
  }
  uint64_t asid;
  if (l->n >= 2 && scenario_number(l->f[1].p, l->f[1].len, &v) == -1)
    return fail(l, "a root PPN (0x hex or decimal) or raw", 1);
  if (number(l, 1, "a root PPN", PTE_PPN_MASK, &v)) return -1;
  if (number(l, 2, "an ASID", 0xffffu, &asid) || end_at(l, 3)) return -1;
  ps->cur.satp = satp_make(ps->cur.mode, asid, v);
  it->value = ps->cur.satp;
  return 0;
}

static int parse_word(line_t *l, pstate_t *ps, const scenario_t *s, scn_item_t *it) {
  uint64_t a, v;
  if (number(l, 1, "a word address", UINT64_MAX, &a)) return -1;
  if (a & 7u) return fail(l, "an 8-byte aligned address", 1);
  if (a < s->mem_base || a - s->mem_base > s->mem_size - 8u) {
    char what[96];
    snprintf(what, sizeof what, "an address inside memory 0x%llx..0x%llx", (unsigned long long)s->mem_base,
             (unsigned long long)(s->mem_base + s->mem_size - 1u));
    return fail(l, what, 1);
  }
  if (number(l, 2, "a word value", UINT64_MAX, &v) || end_at(l, 3)) return -1;
  it->addr = a;
  it->value = v;
  ps->mem_used = 1;
  return 0;
}

static int parse_sfence(line_t *l, scn_item_t *it) {
  uint64_t v;
  unsigned i = 1;
  if (i < l->n && is_word(&l->f[i], "va")) {
    if (number(l, i + 1, "a virtual address", UINT64_MAX, &v)) return -1;
    it->has_va = 1;
    it->addr = v;
    i += 2;
  }
  if (i < l->n && is_word(&l->f[i], "asid")) {
    if (number(l, i + 1, "an ASID", 0xffffu, &v)) return -1;
    it->has_asid = 1;
    it->asid = (uint16_t)v;
    i += 2;
  }
  if (i < l->n) {
    const char *what = it->has_asid ? "end of line"
                       : it->has_va ? "asid or end of line"
                                    : "va, asid or end of line";
    return fail(l, what, i);
  }
  return 0;
}

static int parse_access(line_t *l, pstate_t *ps, scn_item_t *it) {
  char c = l->f[0].p[0];
  it->op = (uint8_t)(c == 'R' || c == 'r' ? MMU_OP_R : c == 'W' || c == 'w' ? MMU_OP_W : MMU_OP_X);
  ps->mem_used = 1;
  if (number(l, 1, "a virtual address", UINT64_MAX, &it->addr)) return -1;
  if (it->op == MMU_OP_W && l->n >= 3) {
    if (number(l, 2, "a store value", UINT64_MAX, &it->value)) return -1;
    it->has_value = 1;
    return end_at(l, 3);
  }
  return end_at(l, 2);
}

static int is_op(const textfile_field_t *f) {
  return f->len == 1 && f->p[0] != '\0' && strchr("RWXrwx", f->p[0]) != NULL;
}

/* Parse one line into *it; 1 = an item, 0 = blank, -1 = error in l->err. */
static int parse_line(line_t *l, pstate_t *ps, scenario_t *s, scn_item_t *it) {
  if (l->n == 0) return 0;
  memset(it, 0, sizeof *it);
  const textfile_field_t *k = &l->f[0];
  int rc;
  if (is_word(k, "mode")) {
    it->kind = SCN_MODE;
    rc = parse_mode(l, ps, it);
  } else if (is_word(k, "mem")) {
    it->kind = SCN_MEM;
    rc = parse_mem(l, ps, s, it);
  } else if (is_word(k, "satp")) {
    it->kind = SCN_SATP;
    rc = parse_satp(l, ps, it);
  } else if (is_word(k, "word")) {
    it->kind = SCN_WORD;
    rc = parse_word(l, ps, s, it);
  } else if (is_word(k, "priv")) {
    it->kind = SCN_PRIV;
    if (l->n < 2 || l->f[1].len != 1 || l->f[1].p[0] == '\0' || !strchr("UuSs", l->f[1].p[0]))
      return fail(l, "U or S", 1);
    ps->cur.priv = (uint8_t)(l->f[1].p[0] == 'S' || l->f[1].p[0] == 's' ? MMU_PRIV_S : MMU_PRIV_U);
    rc = end_at(l, 2);
  } else if (is_word(k, "sum")) {
    it->kind = SCN_SUM;
    rc = parse_bit(l, &ps->cur.sum);
  } else if (is_word(k, "mxr")) {
    it->kind = SCN_MXR;
    rc = parse_bit(l, &ps->cur.mxr);
  } else if (is_word(k, "ad")) {
    it->kind = SCN_AD;
    if (l->n >= 2 && is_word(&l->f[1], "svade")) ps->cur.adue = 0;
    else if (l->n >= 2 && is_word(&l->f[1], "svadu")) ps->cur.adue = 1;
    else return fail(l, "svade or svadu", 1);
    rc = end_at(l, 2);
  } else if (is_word(k, "sfence")) {
    it->kind = SCN_SFENCE;
    rc = parse_sfence(l, it);
  } else if (is_word(k, "flush")) {
    it->kind = SCN_FLUSH;
    rc = end_at(l, 1);
  } else if (is_op(k)) {
    it->kind = SCN_ACCESS;
    rc = parse_access(l, ps, it);
  } else {
    return fail(l,
                "a directive (mode, mem, satp, word, priv, sum, mxr, ad, sfence, flush) "
                "or an access (R, W, X)",
                0);
  }
  if (rc) return -1;
  it->mode = ps->cur.mode;
  it->priv = ps->cur.priv;
  it->sum = ps->cur.sum;
  it->mxr = ps->cur.mxr;
  it->adue = ps->cur.adue;
  it->satp = ps->cur.satp;
  return 1;
}

static int push(scenario_t *s, const scn_item_t *it) {
  scn_item_t *p = grow_room(s->item, s->n, &s->cap, sizeof *p, 64u);
  if (!p) return -1;
  s->item = p;
  s->item[s->n++] = *it;
  return 0;
}

void scenario_init(scenario_t *s) {
  memset(s, 0, sizeof *s);
  s->mem_base = UINT64_C(0x80000000);   /* mmu_config_default's range */
  s->mem_size = UINT64_C(1) << 30;
}

void scenario_free(scenario_t *s) {
  free(s->item);
  scenario_init(s);
}

/* The parse of a whole text: the scenario so far and the settings in effect. */
typedef struct {
  scenario_t *s;
  pstate_t ps;
} parse_t;

/* A textfile_line_fn: one line of the scenario, appended to it unless blank. */
static int parse_one(void *ctx, const char *text, size_t len, uint32_t line, char *msg, size_t msglen) {
  parse_t *p = ctx;
  line_t l;
  scn_item_t it;
  l.n = textfile_split(text, len, l.f, MAX_FIELDS);
  l.err = msg;
  l.errlen = msglen;
  int got = parse_line(&l, &p->ps, p->s, &it);
  if (got <= 0) return got;
  it.line = line;
  if (it.kind == SCN_ACCESS) it.index = ++p->s->accesses;
  if (push(p->s, &it)) {
    snprintf(msg, msglen, "out of memory");
    return -1;
  }
  return 0;
}

int scenario_parse_text(scenario_t *s, const char *text, size_t len, const char *name, char *err,
                        size_t errlen) {
  parse_t p;
  scenario_init(s);
  memset(&p, 0, sizeof p);
  p.s = s;
  p.ps.cur.mode = SATP_MODE_SV39;
  p.ps.cur.priv = MMU_PRIV_U;
  p.ps.cur.adue = 1;
  if (textfile_lines(text, len, name, parse_one, &p, err, errlen)) {
    scenario_free(s);
    return -1;
  }
  if (s->accesses == 0) {
    snprintf(err, errlen, "%s: expected at least one access, got none", name);
    scenario_free(s);
    return -1;
  }
  return 0;
}

int scenario_load(scenario_t *s, const char *path, char *err, size_t errlen) {
  scenario_init(s);
  char *buf;
  size_t len;
  if (textfile_read(path, &buf, &len, err, errlen)) return -1;
  int rc = scenario_parse_text(s, buf, len, path, err, errlen);
  free(buf);
  return rc;
}
