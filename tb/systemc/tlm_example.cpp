// tlm_example.cpp -- build/systemc/tlm_example: a TLM-2.0 platform around the C model.
//
//   traffic_gen [init] --> [tgt] mmu_tlm [mem] --> [tgt] tlm_mem (the model's physmem_t)
//
// The traffic generator is mmulab's runner (sim/runner.c) in an SC_THREAD: it replays the
// trace, and every request goes out on its initiator socket (runner_port_t) as a generic
// payload with a virtual address, an mmu_tlm_ext and the store data; the OS firmware
// serves the page faults that come back, between transactions, as in mmulab.  Loosely
// timed with a quantum keeper.  Options and output are `mmulab --model-only`'s: the same
// report, byte for byte (`make sc-tlm`; docs/systemc.md).
#include <cstdio>
#include <cstring>
#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/tlm_quantumkeeper.h>
#include "mmu_tlm.h"
#include "tlm_mem.h"
extern "C" {
#include "options.h"
#include "report.h"
#include "mmu_port.h"
#include "riscv.h"
#include "runner.h"
#include "trace.h"
}

enum { EXIT_OK = 0, EXIT_USAGE = 2, EXIT_INTERNAL = 3 };

SC_MODULE(traffic_gen) {
  tlm_utils::simple_initiator_socket<traffic_gen> init;
  runner_t *r = nullptr;
  const trace_t *t = nullptr;
  const char *name = nullptr;
  int rc = 0;
  char err[1024] = "";
  uint64_t transactions = 0;
  tlm_utils::tlm_quantumkeeper qk;

  // One request of the runner as one b_transport.
  static int issue(void *ctx, const mmu_in_t *req, mmu_out_t *out, uint64_t *latency) {
    traffic_gen *g = static_cast<traffic_gen *>(ctx);
    unsigned char data[8];
    std::memcpy(data, &req->req_wdata, sizeof data);
    tlm::tlm_generic_payload p;
    mmu_tlm_ext ext;
    ext.fetch = req->req_op == MMU_OP_X;
    ext.use_csr = true;
    ext.priv = req->req_priv;
    ext.sum = req->csr_sum;
    ext.mxr = req->csr_mxr;
    ext.adue = req->csr_adue;
    p.set_command(req->req_op == MMU_OP_W ? tlm::TLM_WRITE_COMMAND : tlm::TLM_READ_COMMAND);
    p.set_address(req->req_vaddr);
    p.set_data_ptr(data);
    p.set_data_length(8);
    p.set_streaming_width(8);
    p.set_byte_enable_ptr(nullptr);
    p.set_dmi_allowed(false);
    p.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    p.set_extension(&ext);
    sc_core::sc_time delay = g->qk.get_local_time();
    g->init->b_transport(p, delay);
    p.clear_extension(&ext);
    g->qk.set(delay);
    if (g->qk.need_sync()) g->qk.sync();
    g->transactions++;
    tlm::tlm_response_status s = p.get_response_status();
    if (!(s == tlm::TLM_OK_RESPONSE && !ext.fault) && !(s == tlm::TLM_ADDRESS_ERROR_RESPONSE && ext.fault))
      return -1;
    std::memset(out, 0, sizeof *out);
    out->resp_valid = 1;
    out->resp_fault = ext.fault;
    out->resp_cause = (uint8_t)ext.cause;
    out->resp_tval = ext.tval;
    out->resp_paddr = ext.paddr;
    out->resp_tlb_hit = ext.tlb_hit;
    out->resp_level = (uint8_t)ext.level;
    if (!ext.fault && req->req_op != MMU_OP_W) std::memcpy(&out->resp_rdata, data, sizeof data);
    *latency = ext.latency;
    return 0;
  }

  void thread() {
    r->port.ctx = this;
    r->port.issue = issue;
    rc = runner_run(r, t, name, err, sizeof err);
    qk.sync();
  }

  SC_CTOR(traffic_gen) : init("init") {
    SC_THREAD(thread);
    qk.reset();
  }
};

int sc_main(int argc, char **argv) {
  options_t o;
  char err[1024];
  int rc = options_parse(&o, argc, argv, err, sizeof err);
  if (rc > 0) {
    options_usage(stdout);
    return EXIT_OK;
  }
  if (rc < 0) {
    std::fprintf(stderr, "tlm_example: %s\n", err);
    return EXIT_USAGE;
  }
  if (o.rtl_bug || o.rand_reset || o.deep || o.wave) {
    std::fprintf(stderr,
                 "tlm_example: the C model alone: --rtl-bug, --rand-reset, --deep and --wave do not apply\n");
    return EXIT_USAGE;
  }
  const char *bad = runner_cfg_check(&o.cfg);
  if (bad) {
    std::fprintf(stderr, "tlm_example: bad configuration: %s\n", bad);
    return EXIT_USAGE;
  }
  trace_t t;
  if (trace_load(&t, o.trace, o.cfg.os.mode, err, sizeof err)) {
    std::fprintf(stderr, "tlm_example: %s\n", err);
    return EXIT_USAGE;
  }
  runner_t r;
  if (runner_init(&r, &o.cfg, err, sizeof err)) {
    std::fprintf(stderr, "tlm_example: %s\n", err);
    trace_free(&t);
    return EXIT_INTERNAL;
  }
  tlm::tlm_global_quantum::instance().set(sc_core::sc_time(1, sc_core::SC_US));
  traffic_gen gen("gen");
  mmu_tlm mmu("mmu", &r.ls, sc_core::sc_time(1, sc_core::SC_NS));
  tlm_mem mem("mem", &r.mmu.mem);
  gen.init.bind(mmu.tgt);
  mmu.mem.bind(mem.tgt);
  gen.r = &r;
  gen.t = &t;
  gen.name = o.trace;
  sc_core::sc_start();
  if (gen.rc) {
    std::fprintf(stderr, "tlm_example: %s\n", gen.rc < 0 ? gen.err : "the run stopped");
    rc = EXIT_INTERNAL;
  } else {
    if (o.json) report_json(stdout, &r, o.trace);
    else report_text(stdout, &r, o.trace);
    std::fprintf(stderr,
                 "tlm_example: %llu transactions through the TLM MMU, %llu memory reads, %llu writes, "
                 "simulated time %s\n",
                 (unsigned long long)gen.transactions, (unsigned long long)mem.reads,
                 (unsigned long long)mem.writes, sc_core::sc_time_stamp().to_string().c_str());
    rc = EXIT_OK;
  }
  runner_free(&r);
  trace_free(&t);
  return rc;
}
