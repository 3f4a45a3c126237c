#!/usr/bin/env bash
# ci/sanitize.sh [asan|tsan]: build the sanitizer preset and run the whole suite under it.
# asan = AddressSanitizer + UndefinedBehaviorSanitizer (the default; built with clang, warnings
# are errors); tsan = ThreadSanitizer on the tests that start threads.
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-asan}"
case "${preset}" in
  asan|tsan) ;;
  *) echo "usage: ci/sanitize.sh [asan|tsan]" >&2; exit 2 ;;
esac
if [ "${preset}" = "tsan" ]; then
  # ThreadSanitizer where threads are used: the simulator is single-threaded except for the
  # tests of the thread rule (WRT-THREAD-01: a writer calling SetWriterFailure from a worker
  # thread while the coordinator's host answers it), so build what runs them and run those.
  # remote_test: the wire protocol's tests run the writer side on a thread or in a process.
  ci/build.sh tsan coordinator_test vsssim conformance_examples_suite suite_junit_check \
    remote_test
  ctest --preset tsan -j 2 \
    -R 'WRT_THREAD|other-thread|ThreadRule|conformance\.broken_writers|Remote_'
  exit
fi
ci/build.sh "${preset}"
# The SQLite example's end-to-end tests race a real workload process against vsssim in real
# time; under ASan vsssim is several times slower, so they measure the sanitizer, not the
# writer. They run in the default build (ci/test.sh); the other writer-process tests run here.
ctest --preset "${preset}" -j 2 -LE sqlite-writer
