#!/usr/bin/env bash
# ci/demo.sh: set up if needed, build, and run vsssim's main job on the bundled default.
set -euo pipefail
cd "$(dirname "$0")/.."
ci/build.sh default
exec build/default/tools/vsssim/vsssim demo "$@"
