#!/usr/bin/env bash
# ci/test.sh: set up if needed, build, and run the whole CTest suite. Exits non-zero when any
# test fails. With CI=true it uses the "ci" preset (warnings are errors).
set -euo pipefail
cd "$(dirname "$0")/.."
preset=default
if [ "${CI:-}" = "true" ]; then preset=ci; fi
ci/setup.sh --tests
ci/build.sh "${preset}"
ctest --preset "${preset}" -j 2
