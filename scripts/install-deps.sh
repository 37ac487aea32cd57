#!/usr/bin/env bash
# install-deps.sh -- install the Debian 12 packages mmulab needs, if missing.
# Every tool-using `make` goal runs this first (see the Makefile's phase 1),
# so a bare Debian 12 root needs nothing but make itself.  It is a quick
# no-op (one dpkg-query) when everything is there; it needs root only to
# install.  Usage: scripts/install-deps.sh
set -euo pipefail

PACKAGES=(
  build-essential gcc g++ make pkg-config python3   # C/C++ toolchain, generators
  verilator zlib1g-dev                              # the RTL; zlib: the FST writer
  libcmocka-dev valgrind                            # unit tests, leak check
  iverilog yosys                                    # lint, Icarus smoke/bench, Yosys sat
  gtkwave                                           # fst2vcd in the tests, `make wave`
  libsystemc-dev                                    # the SystemC harness
  nextpnr-ice40 fpga-icestorm                       # fpga/
  parallel                                          # make regress shards
  gnuplot-nox                                       # mmulab sweep plots (PNG, SVG)
  clang libclang-rt-14-dev                          # make fuzz (libFuzzer)
  clang-format-19                                   # scripts/check-format.sh (needs >= 16)
)

# dpkg-query prints one status line per package it knows; a package it has
# never seen is an error line on stderr and no status, so count installs.
installed=$(dpkg-query -W -f='${Package} ${Status}\n' "${PACKAGES[@]}" 2>/dev/null |
            awk '$NF == "installed" { print $1 }' || true)
missing=()
for p in "${PACKAGES[@]}"; do
  grep -qxF "$p" <<<"$installed" || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
  echo "install-deps: missing packages: ${missing[*]}" >&2
  echo "install-deps: run as root (e.g. sudo $0) to install them with apt-get" >&2
  exit 1
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# A fresh machine may be running apt itself (unattended-upgrades at boot):
# wait up to 10 minutes for its dpkg lock instead of failing at once.
APT_WAIT=(-o DPkg::Lock::Timeout=600)
apt-get "${APT_WAIT[@]}" update
apt-get "${APT_WAIT[@]}" install -y --no-install-recommends "${missing[@]}"
