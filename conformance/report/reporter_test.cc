#include "conformance/writer/report.h"

#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <string>

#include "conformance/report/test_recorder.h"

namespace vsssim::conformance {
namespace {

const trace::Trace* kNoTrace = nullptr;

// Checks that the GoogleTest failure of a broken rule starts with "RULE-ID: expected ...,
// actual ..." and names no source file (vsssim's own files mean nothing to a writer's author).
TEST(Conformance_Reporter, FailureStartsWithTheRule) {
  ::testing::TestPartResultArray failures;
  {
    ::testing::ScopedFakeTestPartResultReporter capture(
        ::testing::ScopedFakeTestPartResultReporter::INTERCEPT_ONLY_CURRENT_THREAD, &failures);
    Reporter report("WriterConformance/W.AbortAtEveryPoint");
    report.Watch(kNoTrace, 42, "AbortBackup after PrepareForBackup");
    report.Fail("SIM-ABORT-01", "OnAbort thaws the application", "it stays frozen");
  }
  ASSERT_EQ(failures.size(), 1);
  const std::string message = failures.GetTestPartResult(0).message();
  EXPECT_EQ(message.substr(0, message.find('\n')),
            "SIM-ABORT-01: expected OnAbort thaws the application, actual it stays frozen");
  EXPECT_NE(message.find("--gtest_filter=WriterConformance/W.AbortAtEveryPoint"),
            std::string::npos);
  EXPECT_NE(message.find("variant: AbortBackup after PrepareForBackup"), std::string::npos);
  EXPECT_EQ(failures.GetTestPartResult(0).file_name(), nullptr);
}

// Checks that the report gets each variant and each broken rule as a record: the variant as
// a test case, the rule as the problem's type, "actual" past its first line in the details.
TEST(Conformance_Reporter, RecordsVariantsAndFindings) {
  report::TestRecorder recorder;
  report::TestRecorder::SetActive(&recorder);
  recorder.StartSuite("WriterConformance/W");
  recorder.StartTest("WriterConformance/W", "MetadataIsValid", 0);
  ::testing::TestPartResultArray failures;
  {
    ::testing::ScopedFakeTestPartResultReporter capture(
        ::testing::ScopedFakeTestPartResultReporter::INTERCEPT_ONLY_CURRENT_THREAD, &failures);
    Reporter report("WriterConformance/W.MetadataIsValid");
    report.Watch(kNoTrace, 1, "one GatherWriterMetadata");
    report.Watch(kNoTrace, 1, "two GatherWriterMetadata");
    report.Fail("WMD-12", "the WMD reads back unchanged", "it does not:\n<WRITER_METADATA/>");
  }
  recorder.EndTest({{"rule", "WRT-IDENTIFY-05"}}, 1);
  report::TestRecorder::SetActive(nullptr);
  const std::vector<report::CaseRecord>& cases = recorder.record().suites.at(0).cases;
  ASSERT_EQ(cases.size(), 2u);
  EXPECT_EQ(cases[0].name, "MetadataIsValid [WRT-IDENTIFY-05] one GatherWriterMetadata");
  EXPECT_TRUE(cases[0].problems.empty());
  ASSERT_EQ(cases[1].problems.size(), 1u);
  EXPECT_EQ(cases[1].problems[0].type, "WMD-12");
  EXPECT_EQ(cases[1].problems[0].message,
            "WMD-12: expected the WMD reads back unchanged, actual it does not:");
  EXPECT_EQ(cases[1].problems[0].details.rfind("<WRITER_METADATA/>\n", 0), 0u);
}

}  // namespace
}  // namespace vsssim::conformance
