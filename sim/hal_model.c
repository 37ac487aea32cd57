/*
** hal_model.c -- the firmware's HAL over the C model (see hal_model.h).
** Control writes are one lockstep cycle each with the MMU idle; the swap store
** allocates a page per slot on its first write, so 64K slots cost nothing.
*/
#include <stdlib.h>
#include <string.h>
#include "hal_model.h"

static uint64_t mem_read64(void *ctx, uint64_t pa) {
  hal_model_t *h = ctx;
  return lockstep_mem_read64(h->ls, pa);
}

static void mem_write64(void *ctx, uint64_t pa, uint64_t value) {
  hal_model_t *h = ctx;
  lockstep_mem_write64(h->ls, pa, value);
}

/* One cycle with a control input; the outputs are of no interest because
** the firmware only runs between requests, when the model is idle. */
static void control_cycle(hal_model_t *h, const mmu_in_t *in) {
  mmu_out_t out;
  if (h->ls->model->state_q != MMU_IDLE && !h->error) h->error = HAL_MODEL_BUSY;
  lockstep_step(h->ls, in, &out);
}

static void satp_write(void *ctx, uint64_t satp) {
  mmu_in_t in;
  mmu_in_idle(&in);
  in.satp_we = 1;
  in.satp_wdata = satp;
  control_cycle(ctx, &in);
}

static void sfence(void *ctx, int has_va, uint64_t va, int has_asid, uint16_t asid) {
  mmu_in_t in;
  mmu_in_idle(&in);
  in.sfence_valid = 1;
  in.sfence_has_va = (uint8_t)(has_va != 0);
  in.sfence_vaddr = va;
  in.sfence_has_asid = (uint8_t)(has_asid != 0);
  in.sfence_asid = asid;
  control_cycle(ctx, &in);
}

static void disk_write(void *ctx, uint32_t slot, const uint64_t page[HAL_PAGE_WORDS]) {
  hal_model_t *h = ctx;
  if (slot >= h->slots) {
    if (!h->error) h->error = HAL_MODEL_BAD_SLOT;
    return;
  }
  if (!h->slot[slot]) {
    h->slot[slot] = malloc(HAL_PAGE_WORDS * sizeof(uint64_t));
    if (!h->slot[slot]) {
      if (!h->error) h->error = HAL_MODEL_NO_MEMORY;
      return;
    }
  }
  memcpy(h->slot[slot], page, HAL_PAGE_WORDS * sizeof(uint64_t));
  h->disk_writes++;
}

static void disk_read(void *ctx, uint32_t slot, uint64_t page[HAL_PAGE_WORDS]) {
  hal_model_t *h = ctx;
  if (slot >= h->slots) {
    if (!h->error) h->error = HAL_MODEL_BAD_SLOT;
    memset(page, 0, HAL_PAGE_WORDS * sizeof(uint64_t));
    return;
  }
  if (h->slot[slot]) memcpy(page, h->slot[slot], HAL_PAGE_WORDS * sizeof(uint64_t));
  else memset(page, 0, HAL_PAGE_WORDS * sizeof(uint64_t));   /* a blank disk reads as zero */
  h->disk_reads++;
}

static void wait_cycles(void *ctx, uint64_t cycles) {
  hal_model_t *h = ctx;
  h->os_cycles += cycles;
}

int hal_model_init(hal_model_t *h, lockstep_t *ls, uint32_t slots) {
  memset(h, 0, sizeof *h);
  h->ls = ls;
  h->slots = slots;
  if (slots) {
    h->slot = calloc(slots, sizeof *h->slot);
    if (!h->slot) return -1;
  }
  return 0;
}

void hal_model_free(hal_model_t *h) {
  for (uint32_t i = 0; i < h->slots; i++) free(h->slot[i]);
  free(h->slot);
  memset(h, 0, sizeof *h);
}

void hal_model_bind(hal_model_t *h, hal_t *hal) {
  hal->ctx = h;
  hal->mem_read64 = mem_read64;
  hal->mem_write64 = mem_write64;
  hal->satp_write = satp_write;
  hal->sfence = sfence;
  hal->disk_write = disk_write;
  hal->disk_read = disk_read;
  hal->wait = wait_cycles;
}

const char *hal_model_error(uint32_t error) {
  switch (error) {
    case HAL_MODEL_OK: return "no error";
    case HAL_MODEL_BAD_SLOT: return "disk transfer to a slot beyond the swap size";
    case HAL_MODEL_NO_MEMORY: return "out of host memory for the swap store";
    case HAL_MODEL_BUSY: return "satp write or sfence while a request was in flight";
    default: return "unknown HAL error";
  }
}
