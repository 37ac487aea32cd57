// tlm_mem.cpp -- byte accesses on a word-organised physmem_t (tlm_mem.h).
#include "tlm_mem.h"

tlm_mem::tlm_mem(sc_core::sc_module_name name, physmem_t *mem) : sc_module(name), tgt("tgt"), mem_(mem) {
  tgt.register_b_transport(this, &tlm_mem::b_transport);
  tgt.register_transport_dbg(this, &tlm_mem::transport_dbg);
}

// Do p on the memory byte by byte (read-modify-write of the words); false if refused.
bool tlm_mem::access(tlm::tlm_generic_payload &p) {
  uint64_t a = p.get_address();
  unsigned len = p.get_data_length();
  if (p.get_byte_enable_ptr() || p.get_streaming_width() < len) {
    p.set_response_status(p.get_byte_enable_ptr() ? tlm::TLM_BYTE_ENABLE_ERROR_RESPONSE
                                                  : tlm::TLM_BURST_ERROR_RESPONSE);
    return false;
  }
  if (len == 0 || !physmem_in_range(mem_, a, len)) {
    p.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
    return false;
  }
  unsigned char *d = p.get_data_ptr();
  for (unsigned i = 0; i < len; i++) {
    uint64_t b = a + i, w = physmem_read64(mem_, b);
    unsigned sh = (unsigned)(b & 7u) * 8u;
    if (p.is_write()) physmem_write64(mem_, b, (w & ~(UINT64_C(0xff) << sh)) | (uint64_t)d[i] << sh);
    else if (p.is_read()) d[i] = (unsigned char)(w >> sh);
  }
  p.set_response_status(tlm::TLM_OK_RESPONSE);
  return true;
}

void tlm_mem::b_transport(tlm::tlm_generic_payload &p, sc_core::sc_time &) {
  if (!access(p)) return;
  if (p.is_write()) writes++;
  else if (p.is_read()) reads++;
}

unsigned int tlm_mem::transport_dbg(tlm::tlm_generic_payload &p) {
  return access(p) ? p.get_data_length() : 0u;
}
