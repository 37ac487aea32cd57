/*
** test_options.c -- the mmulab command line against docs/cli.md: every
** option reaches its field, K/M suffixes, defaults, and each message.
** Defaults are the ones the brief and docs/timing-contract.md give.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "options.h"
#include "riscv.h"

typedef struct {
  options_t o;
  char err[512];
} parsed_t;

/* Parse a NULL-terminated list of arguments (argv[0] added here). */
static int parse_into(parsed_t *p, const char *const *args) {
  char *argv[64];
  int argc = 0;
  argv[argc++] = (char *)"mmulab";
  while (*args) argv[argc++] = (char *)*args++;
  p->err[0] = '\0';
  return options_parse(&p->o, argc, argv, p->err, sizeof p->err);
}

#define ARGS(...) ((const char *const[]){ __VA_ARGS__, NULL })

static void test_defaults(void **state) {
  (void)state;
  parsed_t p;
  assert_int_equal(parse_into(&p, ARGS("t.trace")), 0);
  assert_string_equal(p.o.trace, "t.trace");
  assert_int_equal(p.o.json, 0);
  assert_int_equal(p.o.cfg.os.mode, SATP_MODE_SV39);
  assert_int_equal(p.o.cfg.os.adue, 1);                 /* svadu */
  assert_int_equal(p.o.cfg.os.policy, OS_POLICY_LRU);
  assert_int_equal(p.o.cfg.os.frames, 256);
  assert_int_equal(p.o.cfg.os.pt_frames, 1024);
  assert_int_equal(p.o.cfg.os.swap_slots, 256);
  assert_int_equal(p.o.cfg.os.fault_cycles, 1000);
  assert_int_equal(p.o.cfg.os.disk_cycles, 1000000);
  assert_int_equal(p.o.cfg.mmu.tlb_entries, 32);
  assert_int_equal(p.o.cfg.mmu.tlb_ways, 32);           /* = entries */
  assert_int_equal(p.o.cfg.mmu.tlb_policy, REPL_LRU);
  assert_int_equal(p.o.cfg.mmu.seed, 1);
  /* contract §6: L1 32 KiB 8-way 4, L2 256 KiB 8-way 12, L3 2 MiB 16-way 40, DRAM 200, 64 B */
  assert_int_equal(p.o.cfg.mmu.cache.level[0].size, 32 * 1024);
  assert_int_equal(p.o.cfg.mmu.cache.level[2].ways, 16);
  assert_int_equal(p.o.cfg.mmu.cache.level[1].latency, 12);
  assert_int_equal(p.o.cfg.mmu.cache.dram_latency, 200);
  assert_int_equal(p.o.cfg.mmu.cache.line, 64);
}

static void test_every_option(void **state) {
  (void)state;
  parsed_t p;
  assert_int_equal(
      parse_into(
          &p, ARGS("--json", "--mode", "sv48", "--tlb-entries", "64", "--tlb-ways", "4", "--tlb-policy",
                   "plru", "--frames", "100", "--pt-frames", "50", "--swap", "0", "--policy", "clock", "--ad",
                   "svade", "--fault-cycles", "7", "--disk-cycles", "9", "--l1-size", "16K", "--l1-ways", "4",
                   "--l1-lat", "3", "--l2-size", "512K", "--l2-ways", "16", "--l2-lat", "20", "--l3-size",
                   "4M", "--l3-ways", "32", "--l3-lat", "50", "--dram-lat", "300", "--line", "128",
                   "--cache-policy", "random", "--seed", "42", "x.trace")),
      0);
  assert_int_equal(p.o.json, 1);
  assert_int_equal(p.o.cfg.os.mode, SATP_MODE_SV48);
  assert_int_equal(p.o.cfg.mmu.tlb_entries, 64);
  assert_int_equal(p.o.cfg.mmu.tlb_ways, 4);
  assert_int_equal(p.o.cfg.mmu.tlb_policy, REPL_PLRU);
  assert_int_equal(p.o.cfg.os.frames, 100);
  assert_int_equal(p.o.cfg.os.pt_frames, 50);
  assert_int_equal(p.o.cfg.os.swap_slots, 0);
  assert_int_equal(p.o.cfg.os.policy, OS_POLICY_CLOCK);
  assert_int_equal(p.o.cfg.os.adue, 0);
  assert_int_equal(p.o.cfg.os.fault_cycles, 7);
  assert_int_equal(p.o.cfg.os.disk_cycles, 9);
  assert_int_equal(p.o.cfg.mmu.cache.level[0].size, 16384);     /* 16 * 1024 */
  assert_int_equal(p.o.cfg.mmu.cache.level[0].ways, 4);
  assert_int_equal(p.o.cfg.mmu.cache.level[0].latency, 3);
  assert_int_equal(p.o.cfg.mmu.cache.level[1].size, 524288);    /* 512 * 1024 */
  assert_int_equal(p.o.cfg.mmu.cache.level[1].ways, 16);
  assert_int_equal(p.o.cfg.mmu.cache.level[1].latency, 20);
  assert_int_equal(p.o.cfg.mmu.cache.level[2].size, 4194304);   /* 4 * 1024 * 1024 */
  assert_int_equal(p.o.cfg.mmu.cache.level[2].ways, 32);
  assert_int_equal(p.o.cfg.mmu.cache.level[2].latency, 50);
  assert_int_equal(p.o.cfg.mmu.cache.dram_latency, 300);
  assert_int_equal(p.o.cfg.mmu.cache.line, 128);
  assert_int_equal(p.o.cfg.mmu.cache.policy, REPL_RANDOM);
  assert_int_equal(p.o.cfg.mmu.seed, 42);
  /* layout follows the sizes: user frames after 50 pool pages; memory is 1 GiB */
  assert_true(p.o.cfg.os.user_base == UINT64_C(0x80000000) + 50u * 4096u);
  assert_true(p.o.cfg.mmu.mem_size == UINT64_C(0x40000000));
}

/* the iCE40 timing options: defaults 1 and off; --tlb-ram is a flag */
static void test_lookup_and_tlb_ram(void **state) {
  (void)state;
  parsed_t p;
  assert_int_equal(parse_into(&p, ARGS("t")), 0);
  assert_int_equal(p.o.cfg.mmu.lookup_cycles, 1);
  assert_int_equal(p.o.cfg.mmu.tlb_ram, 0);
  assert_int_equal(parse_into(&p, ARGS("--tlb-ram", "--lookup-cycles", "2", "t")), 0);
  assert_int_equal(p.o.cfg.mmu.lookup_cycles, 2);
  assert_int_equal(p.o.cfg.mmu.tlb_ram, 1);
}

static void test_equals_form_and_order(void **state) {
  (void)state;
  parsed_t p;
  /* --tlb-ways before --tlb-entries still wins; = form; lowercase k */
  assert_int_equal(parse_into(&p, ARGS("--tlb-ways=8", "t", "--tlb-entries=64", "--frames=1k")), 0);
  assert_int_equal(p.o.cfg.mmu.tlb_ways, 8);
  assert_int_equal(p.o.cfg.mmu.tlb_entries, 64);
  assert_int_equal(p.o.cfg.os.frames, 1024);
  /* without --tlb-ways the TLB stays fully associative */
  assert_int_equal(parse_into(&p, ARGS("--tlb-entries", "16", "t")), 0);
  assert_int_equal(p.o.cfg.mmu.tlb_ways, 16);
  /* "--" ends the options: a file may start with a dash */
  assert_int_equal(parse_into(&p, ARGS("--", "-odd.trace")), 0);
  assert_string_equal(p.o.trace, "-odd.trace");
}

static void test_help(void **state) {
  (void)state;
  parsed_t p;
  assert_int_equal(parse_into(&p, ARGS("--help")), 1);
  assert_int_equal(parse_into(&p, ARGS("-h")), 1);
  assert_int_equal(parse_into(&p, ARGS("t", "--help")), 1);
}

static void test_errors(void **state) {
  (void)state;
  parsed_t p;
  assert_int_equal(parse_into(&p, ARGS("--bogus", "t")), -1);
  assert_string_equal(p.err, "unknown option '--bogus' (mmulab --help lists them)");
  assert_int_equal(parse_into(&p, ARGS("-x", "t")), -1);
  assert_string_equal(p.err, "unknown option '-x' (mmulab --help lists them)");
  assert_int_equal(parse_into(&p, ARGS("t", "--frames")), -1);
  assert_string_equal(p.err, "option --frames: expected a number 1..65536, got nothing");
  assert_int_equal(parse_into(&p, ARGS("--frames", "abc", "t")), -1);
  assert_string_equal(p.err, "option --frames: expected a number 1..65536, got 'abc'");
  assert_int_equal(parse_into(&p, ARGS("--frames", "0", "t")), -1);
  assert_string_equal(p.err, "option --frames: expected a number 1..65536, got '0'");
  assert_int_equal(parse_into(&p, ARGS("--frames", "65537", "t")), -1);   /* OS_MAX_FRAMES + 1 */
  assert_string_equal(p.err, "option --frames: expected a number 1..65536, got '65537'");
  assert_int_equal(parse_into(&p, ARGS("--l1-size", "32X", "t")), -1);
  assert_string_equal(p.err,
                      "option --l1-size: expected a number 1..4294967295 (K/M suffix allowed), got '32X'");
  assert_int_equal(parse_into(&p, ARGS("--l1-size", "4G", "t")), -1);     /* 2^32 > UINT32_MAX */
  assert_int_equal(parse_into(&p, ARGS("--policy", "min", "t")), -1);
  assert_string_equal(p.err, "option --policy: expected lru, fifo, clock, opt or student, got 'min'");
  assert_int_equal(parse_into(&p, ARGS("--mode", "sv57", "t")), -1);
  assert_string_equal(p.err, "option --mode: expected sv39 or sv48, got 'sv57'");
  assert_int_equal(parse_into(&p, ARGS("--json=yes", "t")), -1);
  assert_string_equal(p.err, "option --json: expected no value, got 'yes'");
  assert_int_equal(parse_into(&p, ARGS("a.trace", "b.trace")), -1);
  assert_string_equal(p.err, "expected one trace file, got 'b.trace' after 'a.trace'");
  assert_int_equal(parse_into(&p, ARGS("--json")), -1);
  assert_string_equal(p.err, "expected a trace file, got none (mmulab --help shows the usage)");
  assert_int_equal(parse_into(&p, ARGS("--seed", "-1", "t")), -1);
  assert_string_equal(p.err, "option --seed: expected a number 0..4294967295, got '-1'");
}

static void test_meaning_checked_later(void **state) {
  (void)state;
  parsed_t p;
  /* 48 entries in 1 way: 48 sets, not a power of two.  The form is fine,
  ** runner_cfg_check (mmu_config_check) refuses it with a message. */
  assert_int_equal(parse_into(&p, ARGS("--tlb-entries", "48", "--tlb-ways", "1", "t")), 0);
  assert_non_null(runner_cfg_check(&p.o.cfg));
  /* 24K / (64 * 8) = 48 sets: also refused, by cache_cfg_check */
  assert_int_equal(parse_into(&p, ARGS("--l1-size", "24K", "t")), 0);
  assert_non_null(runner_cfg_check(&p.o.cfg));
  assert_int_equal(parse_into(&p, ARGS("t")), 0);
  assert_null(runner_cfg_check(&p.o.cfg));
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_defaults),
    cmocka_unit_test(test_every_option),
    cmocka_unit_test(test_lookup_and_tlb_ram),
    cmocka_unit_test(test_equals_form_and_order),
    cmocka_unit_test(test_help),
    cmocka_unit_test(test_errors),
    cmocka_unit_test(test_meaning_checked_later),
  };
  return cmocka_run_group_tests_name("options", tests, NULL, NULL);
}
