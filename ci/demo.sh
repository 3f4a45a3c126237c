#!/usr/bin/env bash
# ci/demo.sh: set up if needed, build, and run vsssim's main job on a bundled scenario: a full
# backup during which another application asks the writers to identify, printed as a Mermaid
# sequence diagram (renders on GitHub) followed by the verdict report. Extra arguments go to
# `vsssim run` (e.g. --seed 9, or another scenario file).
set -euo pipefail
cd "$(dirname "$0")/.."
ci/build.sh default
exec build/default/tools/vsssim/vsssim run --trace mermaid "$@" \
  fixtures/examples/identify-during-freeze.xml
