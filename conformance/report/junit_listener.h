// JUnitListener: a GoogleTest event listener that feeds a TestRecorder and, when the program's
// tests have run, writes the JUnit report (junit_xml.h) to one file. UseJUnitReport
// (vsssim/conformance/junit_report.h) installs it in place of GoogleTest's own XML printer.
//
// Thread safety: GoogleTest calls it on the thread that runs the tests; one per process.
#ifndef VSSSIM_CONFORMANCE_REPORT_JUNIT_LISTENER_H_
#define VSSSIM_CONFORMANCE_REPORT_JUNIT_LISTENER_H_

#include <gtest/gtest.h>

#include <string>

#include "conformance/report/test_recorder.h"

namespace vsssim::conformance::report {

class JUnitListener : public ::testing::EmptyTestEventListener {
 public:
  // Becomes the active recorder (current_test.h reports to it) until destroyed.
  explicit JUnitListener(std::string path);
  ~JUnitListener() override;
  JUnitListener(const JUnitListener&) = delete;
  JUnitListener& operator=(const JUnitListener&) = delete;

  // Seconds on a steady clock: the recorder's time base.
  static double Now();

  void OnTestSuiteStart(const ::testing::TestSuite& suite) override;
  void OnTestStart(const ::testing::TestInfo& test) override;
  void OnTestPartResult(const ::testing::TestPartResult& result) override;
  void OnTestEnd(const ::testing::TestInfo& test) override;
  void OnTestSuiteEnd(const ::testing::TestSuite& suite) override;
  void OnTestProgramEnd(const ::testing::UnitTest& unit) override;

 private:
  std::string path_;
  TestRecorder recorder_;
};

}  // namespace vsssim::conformance::report

#endif  // VSSSIM_CONFORMANCE_REPORT_JUNIT_LISTENER_H_
