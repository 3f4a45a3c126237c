#!/usr/bin/env bash
# ci/setup-mingw.sh: everything the Windows cross build needs, from Debian only.
# - packages: mingw-w64 (posix threads), wine64, dpkg-dev (for `apt-get source`);
# - a deb-src entry for the Debian archive this machine already uses, so the tinyxml2 source
#   package can be fetched with `apt-get source` (nothing is downloaded from anywhere else);
# - build/mingw-deps/: include/ with links to Debian's header-only Boost, CLI11 and
#   nlohmann-json, and tinyxml2/ with the unpacked tinyxml2 source. Never committed.
# Idempotent: quiet when everything is in place.
set -euo pipefail
cd "$(dirname "$0")/.."
ci/setup.sh

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

packages=(g++-mingw-w64-x86-64-posix wine64 dpkg-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "ci/setup-mingw.sh: installing ${missing[*]}"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

deps="build/mingw-deps"
mkdir -p "${deps}/include"
for h in boost CLI nlohmann utf8cpp; do
  [ -e "${deps}/include/${h}" ] || ln -s "/usr/include/${h}" "${deps}/include/${h}"
done

if ! ls "${deps}"/tinyxml2/tinyxml2.cpp >/dev/null 2>&1; then
  # A deb-src twin of every deb source of the Debian archive (deb822 or one-line format).
  src_list=/etc/apt/sources.list.d/vsssim-deb-src.sources
  if ! grep -rqs "deb-src" /etc/apt/sources.list /etc/apt/sources.list.d/; then
    if [ -f /etc/apt/sources.list.d/debian.sources ]; then
      sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources |
        $sudo tee "${src_list}" >/dev/null
    else
      grep -h '^deb ' /etc/apt/sources.list | grep -i debian | sed 's/^deb /deb-src /' |
        $sudo tee /etc/apt/sources.list.d/vsssim-deb-src.list >/dev/null
    fi
    $sudo apt-get update -qq
  fi
  work="$(mktemp -d)"
  (cd "${work}" && apt-get source -qq tinyxml2 >/dev/null 2>&1) || {
    echo "ci/setup-mingw.sh: 'apt-get source tinyxml2' failed" >&2
    exit 1
  }
  rm -rf "${deps}/tinyxml2"
  mv "$(find "${work}" -maxdepth 1 -mindepth 1 -type d -name 'tinyxml2-*' | head -n 1)" \
     "${deps}/tinyxml2"
  rm -rf "${work}"
fi
