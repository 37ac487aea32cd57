// tb/mutants/test/prove_comb.sv -- a module without clock or reset (as mmu_core_out, mmu_ptw):
// prove-mutants.py must still give verdicts (tb/mutants/test/test_prove_mutants.sh).
`default_nettype none

module prove_comb (
  input  logic [3:0] a_i,
  input  logic [3:0] b_i,
  output logic [3:0] y_o
);
  assign y_o = a_i ^ b_i;   // ^ -> | changes y_o for a_i = b_i = 1
endmodule

`default_nettype wire
