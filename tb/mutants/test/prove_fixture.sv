// tb/mutants/test/prove_fixture.sv -- a module whose mutants' Yosys verdicts are known by hand
// (tb/mutants/test/test_prove_mutants.sh runs scripts/prove-mutants.py on it).
`default_nettype none

module prove_fixture (
  input  logic       clk_i,
  input  logic       rst_ni,
  input  logic [3:0] a_i,
  input  logic [3:0] b_i,
  output logic [3:0] y_o,
  output logic [3:0] q_o
);
  logic [3:0] t, q_q;

  always @(*) begin
    t = 4'd5;          // a default the next line always overwrites: its mutants are equivalent
    t = a_i & b_i;     // & -> | changes y_o whenever a_i ^ b_i != 0
  end
  assign y_o = t;

  always @(posedge clk_i) begin
    if (!rst_ni) q_q <= 4'd0;
    else         q_q <= q_q ^ a_i;
  end
  assign q_o = q_q;
endmodule

`default_nettype wire
