#!/usr/bin/env bash
# ci/clang.sh: build everything with clang 14 (warnings are errors) and run the suite, so the
# code stays warning-free on both compilers.
set -euo pipefail
cd "$(dirname "$0")/.."
ci/build.sh clang
ctest --preset clang -j 2
