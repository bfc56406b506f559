#!/usr/bin/env bash
# Shared set-up of scripts/demo and scripts/test: install the Debian packages
# partyscreen needs (when missing), then configure and build.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${PARTYSCREEN_BUILD_DIR:-$ROOT/build}"
JOBS="${PARTYSCREEN_JOBS:-$(nproc)}"

PACKAGES=(build-essential cmake pkg-config libabsl-dev libprotobuf-dev protobuf-compiler
          libgtest-dev libgmock-dev libboost-locale-dev libicu-dev libbenchmark-dev
          libpugixml-dev python3)

install_packages() {
  local missing=()
  for p in "${PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then return 0; fi
  echo "partyscreen: installing Debian packages: ${missing[*]}" >&2
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

configure_and_build() {
  local extra=("$@")
  cmake -S "$ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE="${PARTYSCREEN_BUILD_TYPE:-RelWithDebInfo}" "${extra[@]}" >/dev/null
  cmake --build "$BUILD_DIR" -j "$JOBS"
}
