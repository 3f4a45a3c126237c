#include "conformance/report/current_test.h"

#include <chrono>

#include "conformance/report/junit_listener.h"
#include "conformance/report/test_recorder.h"

namespace vsssim::conformance::report {

void BeginVariant(std::string_view variant) {
  if (TestRecorder* recorder = TestRecorder::Active()) {
    recorder->BeginVariant(variant, JUnitListener::Now());
  }
}

void RecordFinding(std::string_view rule, std::string message, std::string details,
                   bool failure_follows) {
  if (TestRecorder* recorder = TestRecorder::Active()) {
    recorder->RecordFinding(std::string(rule), std::move(message), std::move(details),
                            failure_follows);
  }
}

}  // namespace vsssim::conformance::report
