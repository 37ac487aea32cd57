// tlm_mem.h -- a TLM-2.0 memory over a physmem_t (cmodel/physmem.h): the physical side of
// the TLM example and test.  b_transport reads and writes any bytes inside the range
// (little-endian words), outside it TLM_ADDRESS_ERROR_RESPONSE; no byte enables, no
// streaming narrower than the data; the delay is not increased (the MMU model's cycles
// already count the data access).  physmem_t is sparse (no host array), so DMI is
// refused; transport_dbg does the same accesses as b_transport.
#ifndef MMULAB_TLM_MEM_H
#define MMULAB_TLM_MEM_H

#include <cstdint>
#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>
extern "C" {
#include "physmem.h"
}

class tlm_mem : public sc_core::sc_module {
 public:
  tlm_utils::simple_target_socket<tlm_mem> tgt;
  uint64_t reads = 0, writes = 0;   // transactions served

  // mem: the store (not owned); the MMU model's own mmu_t.mem makes one coherent memory
  // for the walker, the firmware and the data.
  tlm_mem(sc_core::sc_module_name name, physmem_t *mem);

 private:
  physmem_t *mem_;
  void b_transport(tlm::tlm_generic_payload &p, sc_core::sc_time &delay);
  unsigned int transport_dbg(tlm::tlm_generic_payload &p);
  bool access(tlm::tlm_generic_payload &p);
};

#endif
