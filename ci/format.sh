#!/usr/bin/env bash
# ci/format.sh [--fix]: check (or apply) clang-format on every C++ file git tracks.
set -euo pipefail
cd "$(dirname "$0")/.."
"$(dirname "$0")/setup.sh"
mapfile -t files < <(git ls-files '*.h' '*.cc' '*.cpp' '*.hpp')
[ ${#files[@]} -eq 0 ] && exit 0
if [ "${1:-}" = "--fix" ]; then
  clang-format -i "${files[@]}"
else
  clang-format --dry-run -Werror "${files[@]}"
fi
