// mmu_leaf_check.sv -- permission check of a leaf PTE (or a TLB entry's bits) for one access
// U/S with SUM, R/W/X with MXR, then A/D under Svade: combinational, no state.
// Part of mmulab; the C twin is ptw_leaf_check in cmodel/ptw.c (RISC-V priv. spec steps 5, 7).
// Licence: as the mmulab repository.
`default_nettype none

module mmu_leaf_check (
  input  logic [7:0] perm_i,   // PTE bits 7:0: D A G U X W R V
  input  logic [1:0] op_i,     // 0 R, 1 W, 2 X (3 is checked as a load, as ptw.c does)
  input  logic       priv_i,   // 0 U, 1 S
  input  logic       sum_i,
  input  logic       mxr_i,
  input  logic       adue_i,   // 1 Svadu: clear A/D is not a fault here
  output logic       ok_o      // PTW_OK
);
  logic us_ok, rwx_ok, ad_ok;
  logic is_w, is_x;

  assign is_w = (op_i == 2'd1);
  assign is_x = (op_i == 2'd2);

  always @(*) begin
    // step 5: U-mode needs U=1; S-mode on a U page: never a fetch, loads/stores need SUM
    if (!priv_i) us_ok = perm_i[4];
    else         us_ok = !perm_i[4] || (!is_x && sum_i);
    if (is_x)      rwx_ok = perm_i[3];
    else if (is_w) rwx_ok = perm_i[2];
    else           rwx_ok = perm_i[1] || (mxr_i && perm_i[3]);
    // step 7 under Svade
    ad_ok = adue_i || (perm_i[6] && (!is_w || perm_i[7]));
  end

  assign ok_o = us_ok && rwx_ok && ad_ok;

  logic unused_bits;
  assign unused_bits = ^{perm_i[5], perm_i[0]};   // G and V do not take part
endmodule

`default_nettype wire
