// What the JUnit report holds, independent of GoogleTest and of XML: suites of test cases, each
// case passed, skipped (with a reason) or with its problems in the order they happened. The
// recorder (test_recorder.h) fills it; junit_xml.h writes it.
//
// Thread safety: plain values.
#ifndef VSSSIM_CONFORMANCE_REPORT_JUNIT_RECORD_H_
#define VSSSIM_CONFORMANCE_REPORT_JUNIT_RECORD_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace vsssim::conformance::report {

// One thing that went wrong in a test case.
struct Problem {
  enum class Kind {
    kRule,     // a broken rule (Reporter::Fail): type is the rule ID
    kFailure,  // any other GoogleTest failure (EXPECT_*, ADD_FAILURE): type "assertion"
    kError,    // an exception the test did not catch: type "exception"
  };
  Kind kind = Kind::kFailure;
  std::string type;     // the rule ID, "assertion" or "exception"
  std::string message;  // one line: "RULE-ID: expected ..., actual ..." for a rule
  std::string details;  // the rest: replay line, seed, trace excerpt, file:line, ...
};

// One <testcase>.
struct CaseRecord {
  std::string name;
  std::string classname;
  double seconds = 0;
  std::vector<Problem> problems;  // in the order they happened
  bool skipped = false;           // GTEST_SKIP; a case with problems counts as failed
  std::string skip_reason;
  std::vector<std::pair<std::string, std::string>> properties;  // RecordProperty, in order

  // The problem the case is reported by: its first broken rule, else its first problem.
  // REQUIRES: !problems.empty().
  const Problem& Primary() const;
};

// One <testsuite>: a GoogleTest test suite.
struct SuiteRecord {
  std::string name;
  std::int64_t start_ms = 0;  // milliseconds since the epoch
  double seconds = 0;
  std::vector<CaseRecord> cases;
};

// The whole <testsuites> document.
struct ReportRecord {
  std::string name = "AllTests";
  std::int64_t start_ms = 0;
  double seconds = 0;
  std::vector<SuiteRecord> suites;
};

}  // namespace vsssim::conformance::report

#endif  // VSSSIM_CONFORMANCE_REPORT_JUNIT_RECORD_H_
