#!/usr/bin/env bash
# ci/demo.sh: set up if needed, build, and run vsssim's main job on a bundled scenario: a full
# backup during which another application asks the writers to identify, printed as a Mermaid
# sequence diagram (renders on GitHub) followed by the verdict report. Extra arguments go to
# `vsssim run` (e.g. --seed 9, or another scenario file).
#
# Builds only what the demo runs (the vsssim tool and the libraries it links), not the tests:
# ci/test.sh builds the rest into the same tree.
set -euo pipefail
cd "$(dirname "$0")/.."
ci/build.sh default vsssim
exec build/default/tools/vsssim/vsssim run --trace mermaid "$@" \
  fixtures/examples/identify-during-freeze.xml
