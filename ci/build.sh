#!/usr/bin/env bash
# ci/build.sh [PRESET [TARGET...]]: configure (once) and build a CMake preset (default:
# "default"), all of it or only the given targets.
# Quiet when there is nothing to do; prints the configure log only when configuring fails.
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-default}"
targets=()
if [ "$#" -gt 1 ]; then targets=(--target "${@:2}"); fi
"$(dirname "$0")/setup.sh"

binary_dir="build/${preset}"
if [ ! -f "${binary_dir}/CMakeCache.txt" ]; then
  log="$(mktemp)"
  if ! cmake --preset "${preset}" >"${log}" 2>&1; then
    cat "${log}" >&2
    rm -f "${log}"
    echo "ci/build.sh: configuring preset '${preset}' failed" >&2
    exit 1
  fi
  rm -f "${log}"
fi
# --quiet: ninja prints compiler output (warnings, errors) but no progress lines; the filter
# drops the two lines a build with nothing to do (or a CMake re-run) would print.
cmake --build --preset "${preset}" "${targets[@]}" -- --quiet 2>&1 |
  { grep -v -E '^(ninja: no work to do\.|-- (Configuring|Generating) done|-- Build files have been written to: .*)$' || true; }
