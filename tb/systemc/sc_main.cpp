// sc_main.cpp -- build/systemc/mmulab-sc: mmulab's own main (cli/main.c, compiled with
// -Dmain=mmulab_main) run as the SystemC sc_main, its RTL dut being the SystemC harness
// (sc_glue.cpp).  Same options, same report on stdout, same exit codes as build/mmulab.
// (SystemC's banner goes to stderr before sc_main; SC_COPYRIGHT_MESSAGE=DISABLE silences it.)
#include <systemc>

extern "C" int mmulab_main(int argc, char **argv);

int sc_main(int argc, char **argv) { return mmulab_main(argc, argv); }
