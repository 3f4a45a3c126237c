// TestRecorder: turns the events of a GoogleTest run into a ReportRecord with one test case
// per *variant*. A check that walks many steps announces each one (BeginVariant, called by
// conformance::Reporter::Watch) and becomes one case per step, passing steps included; what
// goes wrong belongs to the variant announced last. A test that announces nothing is one
// case. Case names are "<Test> [<RULE>] <variant>" (the rule from the test's "rule" property,
// omitted when it has none; the variant omitted when there is none); the class name is the
// GoogleTest suite name after its first '/' (the writer's name for
// "WriterConformance/<writer>"), or the whole suite name when it has no '/'.
//
// Broken rules arrive twice: structured (RecordFinding) and as the GoogleTest failure printed
// to the console right after it (same first line); the recorder keeps the structured one and
// drops its echo.
//
// Thread safety: none; GoogleTest delivers every event on the thread that runs the tests.
#ifndef VSSSIM_CONFORMANCE_REPORT_TEST_RECORDER_H_
#define VSSSIM_CONFORMANCE_REPORT_TEST_RECORDER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "conformance/report/junit_record.h"

namespace vsssim::conformance::report {

class TestRecorder {
 public:
  // The recorder the free functions of current_test.h report to (null when none).
  static TestRecorder* Active();
  static void SetActive(TestRecorder* recorder);

  // Times are seconds on any steady clock; only differences are used.
  void StartSuite(std::string suite);
  // GoogleTest knows a suite's start time only once it has run.
  void EndSuite(std::int64_t start_ms, double seconds);
  void StartTest(std::string suite, std::string test, double now);
  void BeginVariant(std::string_view label, double now);
  void RecordFinding(std::string rule, std::string message, std::string details,
                     bool failure_follows);
  // A GoogleTest failure (fatal or not) with its source location (file may be null).
  void OnFailure(std::string_view message, const char* file, int line);
  void OnSkip(std::string_view reason);
  // `properties` are the test's RecordProperty pairs ("rule" among them, if any).
  void EndTest(std::vector<std::pair<std::string, std::string>> properties, double now);
  void EndProgram(std::int64_t start_ms, double seconds);

  const ReportRecord& record() const { return record_; }

  static std::string ClassName(std::string_view suite);
  static std::string CaseName(std::string_view test, std::string_view rule,
                              std::string_view variant);

 private:
  struct Variant {
    std::string label;
    double seconds = 0;
    std::vector<Problem> problems;
    bool skipped = false;
    std::string skip_reason;
  };
  Variant& Current() { return variants_[current_]; }
  SuiteRecord& SuiteNamed(const std::string& name);
  void AddProblem(Problem problem);

  ReportRecord record_;
  std::string suite_;  // the suite running now
  bool in_test_ = false;
  std::string test_;
  std::vector<Variant> variants_;  // of the running test; [0] is the unnamed one
  std::size_t current_ = 0;
  double since_ = 0;  // when the current variant last became current
  std::string echo_;  // first line of the GoogleTest failure announced by RecordFinding
  std::vector<Problem> outside_tests_;  // failures in SetUpTestSuite, environments, ...
};

}  // namespace vsssim::conformance::report

#endif  // VSSSIM_CONFORMANCE_REPORT_TEST_RECORDER_H_
