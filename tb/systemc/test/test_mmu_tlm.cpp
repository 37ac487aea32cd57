// test_mmu_tlm.cpp -- the TLM-2.0 MMU (tb/systemc/mmu_tlm.h) through its sockets.
// One platform (SystemC builds modules once): tester [init] -> [tgt] mmu_tlm [mem] ->
// tlm_mem over the model's memory.  Every test starts from a fresh model and hand-built
// Sv39 page tables; expected physical addresses and causes are worked out below from the
// RISC-V privileged spec, cycles from docs/timing-contract.md ("Paths"): the delay of a
// request to an idle MMU is (1 accepting cycle + latency) x 1 ns.
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cstring>
#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
extern "C" {
#include <cmocka.h>
#include "mmu_port.h"
#include "riscv.h"
}
#include "mmu_tlm.h"
#include "tlm_mem.h"

using sc_core::SC_NS;
using sc_core::sc_time;

SC_MODULE(tester) {
  tlm_utils::simple_initiator_socket<tester> init;
  SC_CTOR(tester) : init("init") {}
};

struct platform {
  mmu_t model;
  lockstep_t ls;
  tester *t;
  mmu_tlm *mmu;
  tlm_mem *mem;
};

// Page tables (Sv39, 4 KiB pages): root 0x80001000 -> 0x80002000 -> 0x80003000.
//   VA 0x40005678: vpn[2] = 1, vpn[1] = 0, vpn[0] = 5, offset 0x678.
static const uint64_t kRoot = 0x80001000u, kL1 = 0x80002000u, kL0 = 0x80003000u;
static const uint64_t kVa = 0x40005678u;          // -> leaf L0[5]: PPN 0x80010, VRWXU-AD
static const uint64_t kPa = 0x80010678u;
static const uint64_t kVaInvalid = 0x40006000u;   // L0[6] = 0: V clear
static const uint64_t kVaReadOnly = 0x40007000u;  // L0[7]: V R U A (no W)
static const uint64_t kVaNoExec = 0x40008000u;    // L0[8]: V R W U A D (no X)
static const uint64_t kVaOutside = 0x40009010u;   // L0[9]: PPN 0x1000 -> 0x1000010, below memory
static const uint64_t kVaGiga = 0x80000000u;      // root[2]: a 1 GiB leaf with PPN 0x80001
static const uint64_t kVaNoA = 0x4000a008u;       // L0[10]: V R W U, A = D = 0 -> PPN 0x80013
static const uint64_t kVaNonCanon = UINT64_C(0x4000000000);   // bit 38 set, 63..39 clear
static const uint64_t kDram = 200;                // default DRAM latency (contract)

static uint64_t pte(uint64_t ppn, uint64_t flags) { return ppn << 10 | flags; }

static int setup(void **state) {
  platform *p = static_cast<platform *>(*state);
  mmu_free(&p->model);
  mmu_config_t cfg;
  mmu_config_default(&cfg);
  if (mmu_init(&p->model, &cfg)) return -1;
  lockstep_init(&p->ls, &p->model, nullptr);
  mmu_t *m = &p->model;
  const uint64_t V = PTE_V, R = PTE_R, W = PTE_W, X = PTE_X, U = PTE_U, A = PTE_A, D = PTE_D;
  mmu_mem_write64(m, kRoot + 1 * 8, pte(kL1 >> 12, V));
  mmu_mem_write64(m, kL1 + 0 * 8, pte(kL0 >> 12, V));
  mmu_mem_write64(m, kL0 + 5 * 8, pte(0x80010, V | R | W | X | U | A | D));
  mmu_mem_write64(m, kL0 + 7 * 8, pte(0x80011, V | R | U | A));
  mmu_mem_write64(m, kL0 + 8 * 8, pte(0x80012, V | R | W | U | A | D));
  mmu_mem_write64(m, kL0 + 9 * 8, pte(0x1000, V | R | W | X | U | A | D));
  mmu_mem_write64(m, kRoot + 2 * 8, pte(0x80001, V | R | W | X | U | A | D));
  mmu_mem_write64(m, kL0 + 10 * 8, pte(0x80013, V | R | W | U));
  mmu_mem_write64(m, kPa & ~UINT64_C(7), 0x1111);
  p->mmu->priv = MMU_PRIV_U;
  sc_time d = sc_core::SC_ZERO_TIME;
  p->mmu->write_satp((uint64_t)SATP_MODE_SV39 << 60 | (uint64_t)1 << 44 | kRoot >> 12, d);
  assert_true(d == sc_time(1, SC_NS));   // a control write is one cycle
  return 0;
}

struct result {
  tlm::tlm_response_status status;
  mmu_tlm_ext ext;
  uint64_t data;
  sc_time delay;
};

// One 8-byte access through the sockets; fetch = an instruction fetch; priv_s = S mode.
static result access(platform *p, tlm::tlm_command cmd, uint64_t va, uint64_t wdata = 0, bool fetch = false,
                     bool priv_s = false, bool svade = false) {
  result r;
  tlm::tlm_generic_payload g;
  unsigned char buf[8];
  std::memcpy(buf, &wdata, 8);
  r.ext.fetch = fetch;
  if (priv_s || svade) {
    r.ext.use_csr = true;
    r.ext.priv = priv_s ? MMU_PRIV_S : MMU_PRIV_U;
    r.ext.adue = svade ? 0 : 1;
  }
  g.set_command(cmd);
  g.set_address(va);
  g.set_data_ptr(buf);
  g.set_data_length(8);
  g.set_streaming_width(8);
  g.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
  g.set_extension(&r.ext);
  r.delay = sc_core::SC_ZERO_TIME;
  p->t->init->b_transport(g, r.delay);
  g.clear_extension(&r.ext);
  r.status = g.get_response_status();
  std::memcpy(&r.data, buf, 8);
  return r;
}

static void expect_fault(const result &r, uint32_t cause, uint64_t va, uint64_t latency) {
  assert_int_equal(r.status, tlm::TLM_ADDRESS_ERROR_RESPONSE);
  assert_true(r.ext.fault);
  assert_int_equal(r.ext.cause, cause);
  assert_int_equal(r.ext.tval, va);
  assert_int_equal(r.ext.paddr, 0);
  assert_int_equal(r.ext.latency, latency);
  assert_true(r.delay == sc_time((double)(latency + 1), SC_NS));
}

// A miss walks three levels, all from DRAM: LOOKUP + 3 x PTE(200) + DATA(200) = 801; the
// data is the word the backdoor put at 0x80010678 (PPN 0x80010 + offset 0x678).  The
// same access again hits the TLB with the line now in L1: LOOKUP + DATA(4) = 5.
static void test_walk_then_hit(void **state) {
  platform *p = static_cast<platform *>(*state);
  uint64_t reads = p->mem->reads;
  result r = access(p, tlm::TLM_READ_COMMAND, kVa);
  assert_int_equal(r.status, tlm::TLM_OK_RESPONSE);
  assert_false(r.ext.fault);
  assert_false(r.ext.tlb_hit);
  assert_int_equal(r.ext.paddr, kPa);
  assert_int_equal(r.data, 0x1111);
  assert_int_equal(r.ext.latency, 1 + 3 * kDram + kDram);
  assert_int_equal(r.ext.level, 3);   // data from DRAM
  assert_true(r.delay == sc_time(802, SC_NS));
  assert_int_equal(r.ext.cycles, 802);
  assert_int_equal(p->mem->reads, reads + 1);   // the data went through the memory socket
  r = access(p, tlm::TLM_READ_COMMAND, kVa);
  assert_int_equal(r.status, tlm::TLM_OK_RESPONSE);
  assert_true(r.ext.tlb_hit);
  assert_int_equal(r.ext.paddr, kPa);
  assert_int_equal(r.data, 0x1111);
  assert_int_equal(r.ext.latency, 5);
  assert_int_equal(r.ext.level, 0);
  assert_true(r.delay == sc_time(6, SC_NS));
  assert_int_equal(p->model.cnt.cycles, 1 + 802 + 6);   // satp write + the two requests
}

// A store lands in the memory at the translated word: 0x40005680 -> 0x80010680.
static void test_store(void **state) {
  platform *p = static_cast<platform *>(*state);
  uint64_t writes = p->mem->writes;
  result r = access(p, tlm::TLM_WRITE_COMMAND, kVa + 8, 0x0123456789abcdefu);
  assert_int_equal(r.status, tlm::TLM_OK_RESPONSE);
  assert_int_equal(r.ext.paddr, kPa + 8);
  assert_int_equal(mmu_mem_read64(&p->model, kPa + 8), 0x0123456789abcdefu);
  assert_int_equal(p->mem->writes, writes + 1);
  assert_int_equal(r.ext.latency, 801);
}

// V = 0 at level 0: load page fault (13) after LOOKUP + 3 PTE reads from DRAM = 601; a
// fault is not forwarded to the memory.
static void test_load_page_fault(void **state) {
  platform *p = static_cast<platform *>(*state);
  uint64_t reads = p->mem->reads;
  expect_fault(access(p, tlm::TLM_READ_COMMAND, kVaInvalid), CAUSE_LOAD_PAGE_FAULT, kVaInvalid,
               1 + 3 * kDram);
  assert_int_equal(p->mem->reads, reads);
}

// A store to a page without W: store page fault (15), 601 cycles.
static void test_store_page_fault(void **state) {
  platform *p = static_cast<platform *>(*state);
  expect_fault(access(p, tlm::TLM_WRITE_COMMAND, kVaReadOnly, 1), CAUSE_STORE_PAGE_FAULT, kVaReadOnly,
               1 + 3 * kDram);
  assert_int_equal(mmu_mem_read64(&p->model, 0x80011000u), 0);   // nothing written
}

// A fetch from a page without X: instruction page fault (12); the same page loads fine.
static void test_fetch_page_fault(void **state) {
  platform *p = static_cast<platform *>(*state);
  expect_fault(access(p, tlm::TLM_READ_COMMAND, kVaNoExec, 0, true), CAUSE_FETCH_PAGE_FAULT, kVaNoExec,
               1 + 3 * kDram);
  result r = access(p, tlm::TLM_READ_COMMAND, kVaNoExec);
  assert_int_equal(r.status, tlm::TLM_OK_RESPONSE);
  assert_int_equal(r.ext.paddr, 0x80012000u);
}

// S mode, SUM = 0, on a U page: load page fault, though the PTE allows the load.
static void test_user_page_from_s(void **state) {
  platform *p = static_cast<platform *>(*state);
  expect_fault(access(p, tlm::TLM_READ_COMMAND, kVa, 0, false, true), CAUSE_LOAD_PAGE_FAULT, kVa,
               1 + 3 * kDram);
}

// A level-2 leaf (1 GiB) must have PPN[17:0] = 0; 0x80001 does not: page fault after
// LOOKUP + one PTE read = 201.
static void test_misaligned_superpage(void **state) {
  platform *p = static_cast<platform *>(*state);
  expect_fault(access(p, tlm::TLM_READ_COMMAND, kVaGiga), CAUSE_LOAD_PAGE_FAULT, kVaGiga, 1 + kDram);
}

// A leaf pointing below physical memory (PPN 0x1000 -> 0x1000010): the DATA stage is a
// 1-cycle load access fault (5): 1 + 600 + 1 = 602.
static void test_access_fault(void **state) {
  platform *p = static_cast<platform *>(*state);
  expect_fault(access(p, tlm::TLM_READ_COMMAND, kVaOutside), CAUSE_LOAD_ACCESS, kVaOutside,
               1 + 3 * kDram + 1);
}

// Bits 63..39 must equal bit 38 in Sv39: a page fault in LOOKUP, latency 1, no walk.
static void test_non_canonical(void **state) {
  platform *p = static_cast<platform *>(*state);
  expect_fault(access(p, tlm::TLM_READ_COMMAND, kVaNonCanon), CAUSE_LOAD_PAGE_FAULT, kVaNonCanon, 1);
  assert_int_equal(p->model.cnt.walks, 0);
}

// A leaf with A = 0.  Svade: a page fault (13) after the three PTE reads, 601 cycles, the
// PTE untouched.  Svadu: a store sets A and D by a compare-and-set (contract 3a): ADR
// re-reads the leaf and AD writes it, each of the latency of the level now holding the
// PTE (L1: 4), before the data: 1 + 600 + 4 + 4 + 200 = 809.
static void test_access_dirty(void **state) {
  platform *p = static_cast<platform *>(*state);
  const uint64_t pte_addr = kL0 + 10 * 8, before = pte(0x80013, PTE_V | PTE_R | PTE_W | PTE_U);
  expect_fault(access(p, tlm::TLM_READ_COMMAND, kVaNoA, 0, false, false, true), CAUSE_LOAD_PAGE_FAULT, kVaNoA,
               1 + 3 * kDram);
  assert_int_equal(mmu_mem_read64(&p->model, pte_addr), before);
  setup(state);   // cold caches again
  result r = access(p, tlm::TLM_WRITE_COMMAND, kVaNoA, 0x77);
  assert_int_equal(r.status, tlm::TLM_OK_RESPONSE);
  assert_int_equal(r.ext.paddr, 0x80013008u);
  assert_int_equal(r.ext.latency, 1 + 3 * kDram + 4 + 4 + kDram);
  assert_int_equal(mmu_mem_read64(&p->model, pte_addr), before | PTE_A | PTE_D);
  assert_int_equal(mmu_mem_read64(&p->model, 0x80013008u), 0x77);
}

// Not an 8-byte word: refused before the model runs (no cycle stepped).
static void test_bad_length(void **state) {
  platform *p = static_cast<platform *>(*state);
  uint64_t c = p->model.cnt.cycles;
  tlm::tlm_generic_payload g;
  unsigned char buf[4] = { 0 };
  g.set_command(tlm::TLM_READ_COMMAND);
  g.set_address(kVa);
  g.set_data_ptr(buf);
  g.set_data_length(4);
  g.set_streaming_width(4);
  sc_time d = sc_core::SC_ZERO_TIME;
  p->t->init->b_transport(g, d);
  assert_int_equal(g.get_response_status(), tlm::TLM_BURST_ERROR_RESPONSE);
  assert_int_equal(p->model.cnt.cycles, c);
  assert_true(d == sc_core::SC_ZERO_TIME);
}

// DMI is refused, for the whole virtual address space, even for a mapped page.
static void test_dmi_refused(void **state) {
  platform *p = static_cast<platform *>(*state);
  tlm::tlm_generic_payload g;
  tlm::tlm_dmi dmi;
  g.set_command(tlm::TLM_READ_COMMAND);
  g.set_address(kVa);
  assert_false(p->t->init->get_direct_mem_ptr(g, dmi));
  assert_int_equal(dmi.get_start_address(), 0);
  assert_int_equal(dmi.get_end_address(), ~UINT64_C(0));
  assert_false(dmi.is_read_allowed());
  assert_false(dmi.is_write_allowed());
}

int sc_main(int, char **) {
  static platform p;
  mmu_config_t cfg;
  mmu_config_default(&cfg);
  if (mmu_init(&p.model, &cfg)) return 1;
  lockstep_init(&p.ls, &p.model, nullptr);
  tester t("tester");
  mmu_tlm mmu("mmu", &p.ls, sc_time(1, SC_NS));
  tlm_mem mem("mem", &p.model.mem);   // setup re-inits the model in place: the pointer stays
  t.init.bind(mmu.tgt);
  mmu.mem.bind(mem.tgt);
  p.t = &t;
  p.mmu = &mmu;
  p.mem = &mem;
  sc_core::sc_start(sc_core::SC_ZERO_TIME);   // elaborate: the sockets are bound from here on
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_prestate_setup_teardown(test_walk_then_hit, setup, nullptr, &p),
    cmocka_unit_test_prestate_setup_teardown(test_store, setup, nullptr, &p),
    cmocka_unit_test_prestate_setup_teardown(test_load_page_fault, setup, nullptr, &p),
    cmocka_unit_test_prestate_setup_teardown(test_store_page_fault, setup, nullptr, &p),
    cmocka_unit_test_prestate_setup_teardown(test_fetch_page_fault, setup, nullptr, &p),
    cmocka_unit_test_prestate_setup_teardown(test_user_page_from_s, setup, nullptr, &p),
    cmocka_unit_test_prestate_setup_teardown(test_misaligned_superpage, setup, nullptr, &p),
    cmocka_unit_test_prestate_setup_teardown(test_access_fault, setup, nullptr, &p),
    cmocka_unit_test_prestate_setup_teardown(test_non_canonical, setup, nullptr, &p),
    cmocka_unit_test_prestate_setup_teardown(test_access_dirty, setup, nullptr, &p),
    cmocka_unit_test_prestate_setup_teardown(test_bad_length, setup, nullptr, &p),
    cmocka_unit_test_prestate_setup_teardown(test_dmi_refused, setup, nullptr, &p),
  };
  int failed = _cmocka_run_group_tests("mmu_tlm", tests, sizeof tests / sizeof tests[0], nullptr, nullptr);
  mmu_free(&p.model);
  return failed ? 1 : 0;
}
