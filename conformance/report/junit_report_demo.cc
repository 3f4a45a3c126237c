// junit_report_demo: a GoogleTest program whose tests take every path of the JUnit report
// (vsssim/conformance/junit_report.h) — a check walking three variants of which one breaks a
// rule, a skip with a reason, a skip without one, a finding full of bytes that are no UTF-8 and
// characters XML forbids. Some tests fail on purpose: CTest runs it only through
// conformance.junit_report_demo_reads_in_junitparser, which reads its report with junitparser.
#include <gtest/gtest.h>

#include <string>

#include "conformance/writer/report.h"
#include "vsssim/conformance/junit_report.h"

namespace vsssim::conformance {
namespace {

const trace::Trace* kNoTrace = nullptr;

TEST(JUnitDemo, Variants) {
  RecordProperty("rule", "SIM-ABORT-01");
  Reporter report("JUnitDemo.Variants");
  report.Watch(kNoTrace, 7, "AbortBackup after Identify");
  report.Watch(kNoTrace, 7, "AbortBackup after PrepareForBackup");
  report.Fail("SIM-ABORT-01", "OnAbort thaws the application", "it stays frozen");
  report.Fail("WRT-ABORT-02", "a second OnAbort returns true", "it returned false");
  report.Watch(kNoTrace, 7, "AbortBackup after DoSnapshotSet");
  report.Watch(kNoTrace, 7, "AbortBackup while frozen");
  GTEST_SKIP() << "the writer never reaches Freeze";
}

TEST(JUnitDemo, SkippedWithoutReason) {
  RecordProperty("rule", "WRT-SEQ-01");
  GTEST_SKIP();
}

TEST(JUnitDemo, AnyBytes) {
  RecordProperty("rule", "WMD-06");
  Reporter report("JUnitDemo.AnyBytes");
  report.Watch(kNoTrace, 0, std::string("file \xFF\xFE name <&>"));
  report.Fail("WMD-06", "a path, not \"]]>\"", "\x01\x1B[31m \xC3\x28 \xED\xA0\x80");
}

}  // namespace
}  // namespace vsssim::conformance

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  vsssim::conformance::UseJUnitReport();
  return RUN_ALL_TESTS();
}
