#!/usr/bin/env bash
# ci/sanitize.sh [asan|tsan]: build the sanitizer preset and run the whole suite under it.
# asan = AddressSanitizer + UndefinedBehaviorSanitizer (the default).
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-asan}"
case "${preset}" in
  asan|tsan) ;;
  *) echo "usage: ci/sanitize.sh [asan|tsan]" >&2; exit 2 ;;
esac
ci/build.sh "${preset}"
ctest --preset "${preset}" -j 2
