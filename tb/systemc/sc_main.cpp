// sc_main.cpp -- build/systemc/mmulab-sc: mmulab's own main (tb/main.c, compiled with
// -Dmain=mmulab_main) run as the SystemC sc_main, its RTL dut being the SystemC harness
// (sc_glue.cpp).  Same options, same report, same exit codes as build/mmulab.
#include <cstdlib>
#include <systemc>

extern "C" int mmulab_main(int argc, char **argv);

int sc_main(int argc, char **argv) {
  // SystemC's banner (on stderr) at the first module, unless the user asks for it
  setenv("SC_COPYRIGHT_MESSAGE", "DISABLE", 0);
  return mmulab_main(argc, argv);
}
