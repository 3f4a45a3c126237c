// Reporter: how a check of a conformance suite reports a broken rule. Each failure names the
// rule ID, what was expected and what happened, how to replay it (the test name, the seed and
// the variant of the run: which step, which injection point) and an excerpt of the trace around
// the entry that shows it (or the end of the trace).
//
// Each failure goes two ways: to GoogleTest (the console), with "RULE-ID: expected ...,
// actual ..." as the first line and no source location (the check's location in vsssim means
// nothing to the writer's author), and as a structured record to the JUnit report
// (conformance/report/current_test.h), where each variant given to Watch becomes its own test
// case and the rule ID is the failure's type.
//
// Thread safety: none; one per running test.
#ifndef VSSSIM_CONFORMANCE_WRITER_REPORT_H_
#define VSSSIM_CONFORMANCE_WRITER_REPORT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "conformance/writer/world.h"
#include "vsssim/trace/trace.h"

namespace vsssim::conformance {

class Reporter {
 public:
  // `test` is "WriterConformance/<writer>.<Check>".
  explicit Reporter(std::string test) : test_(std::move(test)) {}

  // The run later failures refer to: its world (for the trace) and a variant label ("requester
  // dies after PrepareForBackup"); from now on the JUnit report counts a new test case.
  void Watch(const World* world, std::string variant) {
    Watch(world != nullptr ? &world->trace() : nullptr,
          world != nullptr ? world->options().seed : 0, std::move(variant));
  }
  // The same for a run that is not a World (the requester suite): its trace and seed.
  void Watch(const trace::Trace* trace, std::uint64_t seed, std::string variant);
  // Records a broken rule: a GoogleTest failure and a finding of the current variant in the
  // JUnit report. `at` is the trace entry that shows it (may be null).
  void Fail(std::string_view rule, std::string_view expected, std::string_view actual,
            const trace::Entry* at = nullptr);
  int failures() const { return failures_; }

 private:
  std::string test_;
  const trace::Trace* trace_ = nullptr;
  std::uint64_t seed_ = 0;
  std::string variant_;
  int failures_ = 0;
};

}  // namespace vsssim::conformance

#endif  // VSSSIM_CONFORMANCE_WRITER_REPORT_H_
