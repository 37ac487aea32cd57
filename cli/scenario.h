/*
** scenario.h -- the translate mode's scenario file: page-table words, satp,
** CSR settings, sfences and accesses, one directive a line, applied in
** order.  docs/translate.md is the format's contract, its messages too.
*/
#ifndef MMULAB_SCENARIO_H
#define MMULAB_SCENARIO_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
  SCN_MODE = 0,   /* mode sv39|sv48 */
  SCN_MEM,        /* mem BASE SIZE */
  SCN_SATP,       /* satp PPN ASID | satp raw VALUE */
  SCN_WORD,       /* word ADDR VALUE */
  SCN_PRIV,       /* priv U|S */
  SCN_SUM,        /* sum 0|1 */
  SCN_MXR,        /* mxr 0|1 */
  SCN_AD,         /* ad svade|svadu */
  SCN_SFENCE,     /* sfence [va ADDR] [asid N] */
  SCN_FLUSH,      /* flush */
  SCN_ACCESS      /* R VA | W VA [VALUE] | X VA */
} scn_kind_t;

typedef struct {
  scn_kind_t kind;
  uint32_t line;       /* 1-based line in the file */
  uint64_t addr;       /* WORD address, SFENCE va, ACCESS va, MEM base */
  uint64_t value;      /* WORD value, ACCESS store data, MEM size */
  uint8_t satp_we;     /* SATP always; MODE when satp was translating */
  uint8_t raw;         /* SATP given as `satp raw` */
  uint8_t has_va, has_asid;   /* SFENCE: rs1 != x0, rs2 != x0 */
  uint16_t asid;       /* SFENCE asid */
  uint8_t op;          /* ACCESS: MMU_OP_R / W / X */
  uint8_t has_value;   /* ACCESS W: VALUE was given (else 0 is stored) */
  uint32_t index;      /* ACCESS: 1-based access number */
  /* State after this line applied, so a reader never replays the file: */
  uint8_t mode;        /* mode for `satp PPN ASID` lines (SATP_MODE_SV39/48) */
  uint8_t priv, sum, mxr, adue;   /* adue 1 = Svadu */
  uint64_t satp;       /* satp register value (WARL: unsupported MODEs ignored) */
} scn_item_t;

typedef struct {
  scn_item_t *item;
  uint32_t n, cap;
  uint32_t accesses;   /* ACCESS items */
  uint64_t mem_base, mem_size;   /* `mem`, else the model's default */
} scenario_t;

/* Defaults before the first line: mode sv39, satp 0 (Bare), priv U,
** sum 0, mxr 0, ad svadu, mem 0x80000000 1 GiB. */
void scenario_init(scenario_t *s);
void scenario_free(scenario_t *s);

/* Parse a whole scenario held in memory; `name` is the file name used in
** messages.  Returns 0, or -1 with err = "NAME:LINE: expected ..., got '...'"
** (or "NAME: expected at least one access, got none").  On error *s is
** left empty (as after scenario_init). */
int scenario_parse_text(scenario_t *s, const char *text, size_t len, const char *name, char *err,
                        size_t errlen);

/* Read and parse a file: as scenario_parse_text, plus err = "cannot open
** 'PATH': REASON" when it cannot be read. */
int scenario_load(scenario_t *s, const char *path, char *err, size_t errlen);

/* A number as the format writes it: 0x hex or decimal, at most 64 bits.
** Returns 0, -1 when it is not a number, -2 when it needs more than 64 bits. */
int scenario_number(const char *p, size_t len, uint64_t *v);

#endif
