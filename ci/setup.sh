#!/usr/bin/env bash
# Installs vsssim's build dependencies from Debian's package archive; with --tests also what
# only the test suite uses (headless Chromium for the `--trace html` page checks).
# Idempotent: prints nothing and does nothing when every package is already installed.
# Works as root on a fresh Debian 12, non-interactively; uses sudo when not root.
set -euo pipefail

packages=(
  cmake ninja-build g++ clang clang-format clang-tidy libclang-rt-14-dev
  libboost-dev           # header-only Boost 1.74: MSM, Property_Tree
  libtinyxml2-dev
  libgtest-dev libgmock-dev
  libbenchmark-dev
  libcli11-dev
  nlohmann-json3-dev
  libutfcpp-dev          # header-only UTF-8/UTF-16 validation and conversion
  python3
  python3-junitparser    # a real JUnit consumer: conformance JUnit reports are checked with it
)
if [ "${1:-}" = "--tests" ]; then
  packages+=(chromium)   # headless: `vsssim run --trace html` pages are opened and checked (html.*)
  packages+=(tmux)       # `vsssim teach` is driven with single key presses in a real terminal
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "ci/setup.sh: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
