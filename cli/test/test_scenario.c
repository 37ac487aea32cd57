/*
** test_scenario.c -- the scenario parser (docs/translate.md) and the random
** scenario generator: items, resolved settings and satp values, errors with
** their file:line, and the generator's PRNG, determinism and validity.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "riscv.h"
#include "mmu_port.h"
#include "scenario.h"
#include "scenario_gen.h"

static int parse(scenario_t *s, const char *text, char *err, size_t errlen) {
  return scenario_parse_text(s, text, strlen(text), "t.scn", err, errlen);
}

/* Parse text that must fail; check the whole message. */
static void parse_fails(const char *text, const char *message) {
  scenario_t s;
  char err[256];
  assert_int_equal(parse(&s, text, err, sizeof err), -1);
  assert_string_equal(err, message);
  assert_int_equal(s.n, 0);          /* left empty */
  assert_null(s.item);
}

static void test_numbers(void **state) {
  (void)state;
  uint64_t v = 0;
  assert_int_equal(scenario_number("0x1f", 4, &v), 0);
  assert_true(v == 31);                                     /* 1*16 + 15 */
  assert_int_equal(scenario_number("4096", 4, &v), 0);
  assert_true(v == 4096);
  assert_int_equal(scenario_number("0XFFFFFFFFFFFFFFFF", 18, &v), 0);
  assert_true(v == UINT64_MAX);                             /* 16 hex digits: 2^64 - 1 */
  assert_int_equal(scenario_number("18446744073709551615", 20, &v), 0);
  assert_true(v == UINT64_MAX);                             /* 2^64 - 1 in decimal */
  assert_int_equal(scenario_number("18446744073709551616", 20, &v), -2);   /* 2^64 */
  assert_int_equal(scenario_number("0x10000000000000000", 19, &v), -2);    /* 17 digits */
  assert_int_equal(scenario_number("0x", 2, &v), -1);
  assert_int_equal(scenario_number("", 0, &v), -1);
  assert_int_equal(scenario_number("12a", 3, &v), -1);      /* decimal has no a */
  assert_int_equal(scenario_number("-1", 2, &v), -1);
  assert_int_equal(scenario_number("0x1g", 4, &v), -1);
}

static void test_items_and_settings(void **state) {
  (void)state;
  scenario_t s;
  char err[256];
  const char *text = "# a comment line\n"
                     "\n"
                     "mode sv48\n"                       /* 3 */
                     "satp 0x1 3   # root ppn 1\n"       /* 4 */
                     "word 0x80001000 0x801\n"           /* 5 */
                     "priv S\n"                          /* 6 */
                     "sum 1\r\n"                         /* 7: CRLF is fine */
                     "mxr 1\n"                           /* 8 */
                     "ad svade\n"                        /* 9 */
                     "R 0x1234\n"                        /* 10 */
                     "W 4096\n"                          /* 11: no value: stores 0 */
                     "w 0x10 0x99\n"                     /* 12: lower case op */
                     "x 0x20";                           /* 13: no final newline */
  assert_int_equal(parse(&s, text, err, sizeof err), 0);
  assert_int_equal(s.n, 11);              /* 13 lines - comment - blank */
  assert_int_equal(s.accesses, 4);
  /* default memory: the model's 0x80000000, 1 GiB (mmu_config_default) */
  assert_true(s.mem_base == UINT64_C(0x80000000));
  assert_true(s.mem_size == UINT64_C(1) << 30);
  const scn_item_t *it = s.item;
  assert_int_equal(it[0].kind, SCN_MODE);
  assert_int_equal(it[0].line, 3);
  assert_int_equal(it[0].satp_we, 0);     /* satp was Bare: nothing to switch */
  assert_int_equal(it[1].kind, SCN_SATP);
  /* satp = MODE 9 << 60 | ASID 3 << 44 | PPN 1 (privileged spec, satp) */
  assert_true(it[1].value == UINT64_C(0x9000300000000001));
  assert_true(it[1].satp == UINT64_C(0x9000300000000001));
  assert_int_equal(it[2].kind, SCN_WORD);
  assert_true(it[2].addr == UINT64_C(0x80001000) && it[2].value == 0x801);
  const scn_item_t *r = &it[7];
  assert_int_equal(r->kind, SCN_ACCESS);
  assert_int_equal(r->line, 10);
  assert_int_equal(r->index, 1);
  assert_int_equal(r->op, MMU_OP_R);
  assert_true(r->addr == 0x1234);
  assert_int_equal(r->priv, MMU_PRIV_S);
  assert_int_equal(r->sum, 1);
  assert_int_equal(r->mxr, 1);
  assert_int_equal(r->adue, 0);           /* svade */
  assert_true(r->satp == UINT64_C(0x9000300000000001));
  assert_int_equal(it[8].op, MMU_OP_W);
  assert_true(it[8].addr == 4096);
  assert_int_equal(it[8].has_value, 0);
  assert_true(it[8].value == 0);
  assert_int_equal(it[9].op, MMU_OP_W);
  assert_true(it[9].value == 0x99);
  assert_int_equal(it[10].op, MMU_OP_X);
  assert_int_equal(it[10].index, 4);
  assert_int_equal(it[10].line, 13);
  scenario_free(&s);
}

static void test_defaults(void **state) {
  (void)state;
  scenario_t s;
  char err[256];
  assert_int_equal(parse(&s, "R 0x1000\n", err, sizeof err), 0);
  /* docs/translate.md: priv U, sum 0, mxr 0, ad svadu, satp 0 (Bare) */
  assert_int_equal(s.item[0].priv, MMU_PRIV_U);
  assert_int_equal(s.item[0].sum, 0);
  assert_int_equal(s.item[0].mxr, 0);
  assert_int_equal(s.item[0].adue, 1);
  assert_true(s.item[0].satp == 0);
  assert_int_equal(s.item[0].mode, SATP_MODE_SV39);
  scenario_free(&s);
}

static void test_mode_switches_satp(void **state) {
  (void)state;
  scenario_t s;
  char err[256];
  /* mode after satp rewrites its MODE field: Sv39 (8) -> Sv48 (9) -> Sv39 */
  const char *text = "satp 0x80001 7\nmode sv48\nsatp 0x80002 7\nmode sv39\nR 0\n";
  assert_int_equal(parse(&s, text, err, sizeof err), 0);
  /* 8 << 60 | 7 << 44 | 0x80001 */
  assert_true(s.item[0].satp == UINT64_C(0x8000700000080001));
  assert_int_equal(s.item[1].satp_we, 1);
  assert_true(s.item[1].satp == UINT64_C(0x9000700000080001));
  assert_true(s.item[2].satp == UINT64_C(0x9000700000080002));
  assert_true(s.item[3].satp == UINT64_C(0x8000700000080002));
  scenario_free(&s);
}

static void test_satp_raw_warl(void **state) {
  (void)state;
  scenario_t s;
  char err[256];
  /* MODE 10 (Sv57) is not supported: the write is ignored (contract §1);
  ** a raw Sv48 value sets the mode for later `satp PPN ASID` lines */
  const char *text = "satp raw 0x9000000000000005\nsatp raw 0xa000000000000006\n"
                     "satp 0x7 1\nsatp raw 0\nR 0\n";
  assert_int_equal(parse(&s, text, err, sizeof err), 0);
  assert_int_equal(s.item[0].raw, 1);
  assert_true(s.item[0].satp == UINT64_C(0x9000000000000005));
  assert_true(s.item[1].value == UINT64_C(0xa000000000000006));
  assert_true(s.item[1].satp == UINT64_C(0x9000000000000005));   /* unchanged */
  assert_true(s.item[2].satp == UINT64_C(0x9000100000000007));   /* 9 << 60 | 1 << 44 | 7 */
  assert_true(s.item[3].satp == 0);
  scenario_free(&s);
}

static void test_sfence_forms(void **state) {
  (void)state;
  scenario_t s;
  char err[256];
  const char *text = "sfence\nsfence va 0x4000\nsfence asid 9\nsfence va 0x5000 asid 65535\nflush\nR 0\n";
  assert_int_equal(parse(&s, text, err, sizeof err), 0);
  assert_int_equal(s.item[0].has_va, 0);
  assert_int_equal(s.item[0].has_asid, 0);
  assert_int_equal(s.item[1].has_va, 1);
  assert_true(s.item[1].addr == 0x4000);
  assert_int_equal(s.item[1].has_asid, 0);
  assert_int_equal(s.item[2].has_va, 0);
  assert_int_equal(s.item[2].has_asid, 1);
  assert_int_equal(s.item[2].asid, 9);
  assert_int_equal(s.item[3].has_va, 1);
  assert_int_equal(s.item[3].asid, 65535);
  assert_int_equal(s.item[4].kind, SCN_FLUSH);
  scenario_free(&s);
}

static void test_mem_range(void **state) {
  (void)state;
  scenario_t s;
  char err[256];
  /* the last word of [0x1000, 0x3000) is at 0x2ff8 */
  assert_int_equal(parse(&s, "mem 0x1000 0x2000\nword 0x2ff8 1\nword 0x1000 2\nR 0\n", err, sizeof err), 0);
  assert_true(s.mem_base == 0x1000 && s.mem_size == 0x2000);
  scenario_free(&s);
  parse_fails("mem 0x1000 0x2000\nword 0x3000 1\nR 0\n",
              "t.scn:2: expected an address inside memory 0x1000..0x2fff, got '0x3000'");
  parse_fails("mem 0x1000 0x2000\nword 0xff8 1\nR 0\n",
              "t.scn:2: expected an address inside memory 0x1000..0x2fff, got '0xff8'");
  parse_fails("mem 0 0x1800\n", "t.scn:1: expected a size that is a nonzero multiple of 4 KiB, got '0x1800'");
  parse_fails("mem 0 0\n", "t.scn:1: expected a size that is a nonzero multiple of 4 KiB, got '0'");
  /* 2^56 - 4096 + 8192 passes 2^56 */
  parse_fails("mem 0xfffffffffff000 0x2000\n",
              "t.scn:1: expected a memory range that ends at or below 2^56, got '0x2000'");
  parse_fails("mem 0 0x1000\nmem 0 0x1000\n", "t.scn:2: expected a single mem line, got 'mem'");
  parse_fails("R 0\nmem 0 0x1000\n", "t.scn:2: expected mem before any word or access line, got 'mem'");
}

static void test_errors(void **state) {
  (void)state;
  parse_fails("satp 1 1\nR 0x12g4\n",
              "t.scn:2: expected a virtual address (0x hex or decimal), got '0x12g4'");
  parse_fails("\n\nfoo 1\n", "t.scn:3: expected a directive (mode, mem, satp, word, priv, sum, mxr, ad, "
                             "sfence, flush) or an access (R, W, X), got 'foo'");
  parse_fails("word 0x80000004 1\n", "t.scn:1: expected an 8-byte aligned address, got '0x80000004'");
  parse_fails("word 0x80000000 0x1ffffffffffffffff\n",
              "t.scn:1: expected a word value of at most 64 bits, got '0x1ffffffffffffffff'");
  parse_fails("word 0x80000000\n", "t.scn:1: expected a word value, got end of line");
  parse_fails("word\n", "t.scn:1: expected a word address, got end of line");
  parse_fails("X 0x1000 2\n", "t.scn:1: expected end of line, got '2'");
  parse_fails("mode sv39 sv48\n", "t.scn:1: expected end of line, got 'sv48'");
  parse_fails("mode\n", "t.scn:1: expected sv39 or sv48, got end of line");
  parse_fails("satp 1\n", "t.scn:1: expected an ASID, got end of line");
  parse_fails("satp 1 0x10000\n", "t.scn:1: expected an ASID of at most 0xffff, got '0x10000'");
  parse_fails("satp raw\n", "t.scn:1: expected a satp value, got end of line");
  parse_fails("mxr yes\n", "t.scn:1: expected 0 or 1, got 'yes'");
  parse_fails("sfence va\n", "t.scn:1: expected a virtual address, got end of line");
  parse_fails("sfence va 0x1000 0x2000\n", "t.scn:1: expected asid or end of line, got '0x2000'");
  /* a long token is cut at 32 bytes */
  parse_fails(
      "R 0x0123456789abcdef0123456789abcdef01\n",
      "t.scn:1: expected a virtual address of at most 64 bits, got '0x0123456789abcdef0123456789abcd...'");
  parse_fails("# only comments\n\n", "t.scn: expected at least one access, got none");
}

static void test_binary_bytes(void **state) {
  (void)state;
  scenario_t s;
  char err[256];
  /* a NUL byte is not the access letter of anything; shown as '?' */
  static const char text[] = "R 0\n\0 0x10\n";
  assert_int_equal(scenario_parse_text(&s, text, sizeof text - 1u, "b.scn", err, sizeof err), -1);
  assert_string_equal(err, "b.scn:2: expected a directive (mode, mem, satp, word, priv, sum, mxr, ad, "
                           "sfence, flush) or an access (R, W, X), got '?'");
}

static void test_load_missing_file(void **state) {
  (void)state;
  scenario_t s;
  char err[256];
  assert_int_equal(scenario_load(&s, "/nonexistent/x.scn", err, sizeof err), -1);
  assert_string_equal(err, "cannot open '/nonexistent/x.scn': No such file or directory");
}

/* ---- the generator ---- */

static void test_xorshift(void **state) {
  (void)state;
  /* Marsaglia, "Xorshift RNGs" (J. Stat. Software 8(14), 2003): the 64-bit
  ** generator with shifts 13, 7, 17 from 88172645463325252 gives
  ** 8748534153485358512, 3040900993826735515, 3453997556048239312 (the same
  ** values come out of a separate Python big-integer computation). */
  uint64_t x = UINT64_C(88172645463325252);
  assert_true(scenario_gen_next(&x) == UINT64_C(8748534153485358512));
  assert_true(scenario_gen_next(&x) == UINT64_C(3040900993826735515));
  assert_true(scenario_gen_next(&x) == UINT64_C(3453997556048239312));
  /* the state never starts at 0 (xorshift would stay 0 forever) */
  for (uint64_t seed = 0; seed < 1000; seed++) assert_true(scenario_gen_seed(seed) != 0);
  assert_true(scenario_gen_seed(UINT64_MAX) != 0);
}

static void test_generated_text_parses(void **state) {
  (void)state;
  for (uint64_t seed = 0; seed < 200; seed++) {
    char *t1, *t2, err[256];
    size_t l1, l2;
    scenario_t s;
    assert_int_equal(scenario_gen_text(seed, &t1, &l1), 0);
    assert_int_equal(scenario_gen_text(seed, &t2, &l2), 0);
    assert_true(l1 == l2 && memcmp(t1, t2, l1) == 0);   /* deterministic */
    assert_true(strlen(t1) == l1);
    assert_int_equal(scenario_parse_text(&s, t1, l1, "gen", err, sizeof err), 0);
    /* the brief: 8..16 accesses; this generator makes 15 or 16 */
    assert_true(s.accesses >= 15 && s.accesses <= 16);
    /* the remap-without-sfence case: a word line between accesses, then an sfence */
    int word_after_access = 0, sfence = 0;
    uint32_t nacc = 0;
    for (uint32_t i = 0; i < s.n; i++) {
      if (s.item[i].kind == SCN_ACCESS) nacc++;
      if (s.item[i].kind == SCN_WORD && nacc > 0) word_after_access = 1;
      if (s.item[i].kind == SCN_SFENCE && word_after_access) sfence = 1;
    }
    assert_true(word_after_access && sfence);
    uint32_t mode = satp_mode(s.item[s.n - 1].satp);
    assert_true(mode == SATP_MODE_SV39 || mode == SATP_MODE_SV48);
    scenario_free(&s);
    free(t1);
    free(t2);
  }
}

static void test_generated_modes_vary(void **state) {
  (void)state;
  /* both modes come up among the first 20 seeds, and seeds differ */
  int sv39 = 0, sv48 = 0;
  char *prev = NULL;
  size_t plen = 0;
  for (uint64_t seed = 0; seed < 20; seed++) {
    char *t, err[256];
    size_t l;
    scenario_t s;
    assert_int_equal(scenario_gen_text(seed, &t, &l), 0);
    assert_int_equal(scenario_parse_text(&s, t, l, "gen", err, sizeof err), 0);
    if (satp_mode(s.item[s.n - 1].satp) == SATP_MODE_SV39) sv39++;
    else sv48++;
    if (prev) assert_false(plen == l && memcmp(prev, t, l) == 0);
    free(prev);
    prev = t;
    plen = l;
    scenario_free(&s);
  }
  free(prev);
  assert_true(sv39 > 0 && sv48 > 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_numbers),
    cmocka_unit_test(test_items_and_settings),
    cmocka_unit_test(test_defaults),
    cmocka_unit_test(test_mode_switches_satp),
    cmocka_unit_test(test_satp_raw_warl),
    cmocka_unit_test(test_sfence_forms),
    cmocka_unit_test(test_mem_range),
    cmocka_unit_test(test_errors),
    cmocka_unit_test(test_binary_bytes),
    cmocka_unit_test(test_load_missing_file),
    cmocka_unit_test(test_xorshift),
    cmocka_unit_test(test_generated_text_parses),
    cmocka_unit_test(test_generated_modes_vary),
  };
  return cmocka_run_group_tests_name("scenario", tests, NULL, NULL);
}
