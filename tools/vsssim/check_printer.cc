#include "tools/vsssim/check_printer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <memory>

namespace vsssim::tools {
namespace {

class CheckPrinter : public ::testing::EmptyTestEventListener {
 public:
  void OnTestStart(const ::testing::TestInfo& test) override {
    std::printf("[ RUN      ] %s.%s\n", test.test_suite_name(), test.name());
    std::fflush(stdout);
  }
  void OnTestPartResult(const ::testing::TestPartResult& part) override {
    if (part.type() == ::testing::TestPartResult::kSuccess) return;
    const char* kind = part.skipped() ? "Skipped" : "Failure";
    if (part.file_name() != nullptr && part.line_number() >= 0) {
      std::printf("%s:%d: %s\n%s\n", part.file_name(), part.line_number(), kind, part.message());
    } else {
      std::printf("%s\n%s\n", kind, part.message());
    }
    std::fflush(stdout);
  }
  void OnTestEnd(const ::testing::TestInfo& test) override {
    const ::testing::TestResult& result = *test.result();
    const char* verdict = result.Skipped()  ? "[  SKIPPED ]"
                          : result.Passed() ? "[       OK ]"
                                            : "[  FAILED  ]";
    std::printf("%s %s.%s (%lld ms)\n", verdict, test.test_suite_name(), test.name(),
                static_cast<long long>(result.elapsed_time()));
    std::fflush(stdout);
  }
};

}  // namespace

void UseCheckPrinter() {
  ::testing::TestEventListeners& listeners = ::testing::UnitTest::GetInstance()->listeners();
  delete listeners.Release(listeners.default_result_printer());
  listeners.Append(new CheckPrinter);
}

}  // namespace vsssim::tools
