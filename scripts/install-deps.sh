#!/usr/bin/env bash
# install-deps.sh -- install the Debian 12 packages mmulab needs, if missing.
# Quick no-op when everything is there; needs root only to install.
# Usage: scripts/install-deps.sh [STAMP]   (touches STAMP on success)
set -euo pipefail

PACKAGES=(build-essential gcc g++ make verilator libsystemc-dev libcmocka-dev gtkwave yosys
          nextpnr-ice40 fpga-icestorm iverilog valgrind pkg-config python3
          zlib1g-dev clang libclang-rt-14-dev)   # zlib: the FST writer; clang + its runtime: make fuzz

missing=()
for p in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "install-deps: missing packages: ${missing[*]}" >&2
    echo "install-deps: run as root (e.g. sudo $0) to install them with apt-get" >&2
    exit 1
  fi
  echo "install-deps: installing ${missing[*]}"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

if (($#)); then
  mkdir -p "$(dirname "$1")"
  touch "$1"
fi
