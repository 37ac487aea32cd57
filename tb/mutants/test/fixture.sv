// tb/mutants/test/fixture.sv -- a tiny module for test_mutate_rtl.sh: one of each operator
// class of scripts/mutate-rtl.py and each never-mutated place; the test's expected list was
// written by hand from docs/mutants.md's rules, not from the script's output.
`default_nettype none
module fixture #(
  parameter integer W = 4   // never mutated
) (
  input  logic       clk_i,
  input  logic [3:0] a_i,
  input  logic [3:0] b_i,
  output logic [3:0] y_o,
  output logic       z_o
);
  localparam logic [3:0] K = 4'd3;
  logic [3:0] q;
  logic unused_b;
  assign y_o = a_i + 4'd1;
  assign z_o = (a_i == b_i) ? a_i[1] : !b_i[0];
  assign unused_b = ^b_i;
  always @(posedge clk_i) q <= a_i & K;
endmodule
