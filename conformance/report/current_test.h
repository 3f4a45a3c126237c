// What a check tells the JUnit report about the running GoogleTest test beyond pass or fail:
// which variant (step, injection point) runs now, and each broken rule as a structured record.
// conformance::Reporter calls these; any suite registered with GoogleTest may. Each call is a
// no-op unless a JUnit report is being written (UseJUnitReport, vsssim/conformance/junit_report.h).
//
// Thread safety: call on the thread that runs the test.
#ifndef VSSSIM_CONFORMANCE_REPORT_CURRENT_TEST_H_
#define VSSSIM_CONFORMANCE_REPORT_CURRENT_TEST_H_

#include <string>
#include <string_view>

namespace vsssim::conformance::report {

// From now on the running test is in `variant` (e.g. "AbortBackup after PrepareForBackup"):
// the JUnit report gives each variant of a test its own <testcase>, passing ones included.
void BeginVariant(std::string_view variant);

// A broken rule in the current variant. `message` is its one-line summary ("RULE-ID: expected
// ..., actual ..."), `details` the rest (replay line, seed, trace excerpt). Set
// `failure_follows` when the caller reports the same failure to GoogleTest right after (the
// recorder then does not count that GoogleTest failure a second time).
void RecordFinding(std::string_view rule, std::string message, std::string details,
                   bool failure_follows);

}  // namespace vsssim::conformance::report

#endif  // VSSSIM_CONFORMANCE_REPORT_CURRENT_TEST_H_
