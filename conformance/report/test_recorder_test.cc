#include "conformance/report/test_recorder.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vsssim::conformance::report {
namespace {

using Properties = std::vector<std::pair<std::string, std::string>>;

const Properties kRule = {{"rule", "SIM-ABORT-01"}, {"writer", "W"}};

// Checks that each variant of a test becomes its own case, passing ones included, named
// "<Test> [<RULE>] <variant>" with the writer's name as class name.
TEST(Report_TestRecorder, OneCasePerVariant) {
  TestRecorder r;
  r.StartSuite("WriterConformance/W");
  r.StartTest("WriterConformance/W", "AbortAtEveryPoint", 0.0);
  r.BeginVariant("AbortBackup after Identify", 0.5);
  r.BeginVariant("AbortBackup after PrepareForBackup", 1.0);
  r.RecordFinding("SIM-ABORT-01", "SIM-ABORT-01: expected a, actual b", "replay", true);
  r.OnFailure("SIM-ABORT-01: expected a, actual b\nreplay", nullptr, -1);  // its echo
  r.EndTest(kRule, 3.0);
  r.EndSuite(0, 3.0);
  r.EndProgram(0, 3.0);
  const std::vector<CaseRecord>& cases = r.record().suites.at(0).cases;
  ASSERT_EQ(cases.size(), 2u);
  EXPECT_EQ(cases[0].name, "AbortAtEveryPoint [SIM-ABORT-01] AbortBackup after Identify");
  EXPECT_EQ(cases[0].classname, "W");
  EXPECT_TRUE(cases[0].problems.empty());
  EXPECT_DOUBLE_EQ(cases[0].seconds, 1.0);  // the time before the first variant is its own
  EXPECT_EQ(cases[1].name, "AbortAtEveryPoint [SIM-ABORT-01] AbortBackup after PrepareForBackup");
  ASSERT_EQ(cases[1].problems.size(), 1u);  // the echo is not a second problem
  EXPECT_EQ(cases[1].problems[0].type, "SIM-ABORT-01");
  EXPECT_DOUBLE_EQ(cases[1].seconds, 2.0);
}

// Checks that a test without variants is one case, and that a variant named twice is one case.
TEST(Report_TestRecorder, NoVariantIsOneCaseAndRepeatedLabelsMerge) {
  TestRecorder r;
  r.StartSuite("S");
  r.StartTest("S", "Plain", 0);
  r.EndTest({}, 1);
  r.StartTest("S", "Twice", 0);
  r.BeginVariant("a", 0);
  r.BeginVariant("b", 1);
  r.BeginVariant("a", 2);
  r.RecordFinding("WRT-ERR-01", "WRT-ERR-01: x", "", false);
  r.EndTest({}, 4);
  r.EndSuite(0, 5);
  const std::vector<CaseRecord>& cases = r.record().suites.at(0).cases;
  ASSERT_EQ(cases.size(), 3u);
  EXPECT_EQ(cases[0].name, "Plain");
  EXPECT_EQ(cases[0].classname, "S");  // no '/': the whole suite name
  EXPECT_EQ(cases[1].name, "Twice a");
  EXPECT_EQ(cases[1].problems.size(), 1u);
  EXPECT_DOUBLE_EQ(cases[1].seconds, 3.0);
  EXPECT_EQ(cases[2].name, "Twice b");
}

// Checks that a skip belongs to the variant running when it happens, with its reason, and a
// skip without reason still gets one.
TEST(Report_TestRecorder, SkipMarksTheCurrentVariant) {
  TestRecorder r;
  r.StartSuite("S/W");
  r.StartTest("S/W", "T", 0);
  r.BeginVariant("first", 0);
  r.BeginVariant("second", 0);
  r.OnSkip("the writer never reaches Freeze");
  r.EndTest({}, 0);
  r.StartTest("S/W", "U", 0);
  r.OnSkip("");
  r.EndTest({}, 0);
  const std::vector<CaseRecord>& cases = r.record().suites.at(0).cases;
  ASSERT_EQ(cases.size(), 3u);
  EXPECT_FALSE(cases[0].skipped);
  EXPECT_TRUE(cases[1].skipped);
  EXPECT_EQ(cases[1].skip_reason, "the writer never reaches Freeze");
  EXPECT_TRUE(cases[2].skipped);
  EXPECT_FALSE(cases[2].skip_reason.empty());
}

// Checks that other GoogleTest failures are kept with their location, an uncaught exception is
// an error, and a broken rule is the case's primary problem even when it came later.
TEST(Report_TestRecorder, OtherFailuresAndExceptions) {
  TestRecorder r;
  r.StartSuite("S");
  r.StartTest("S", "T", 0);
  r.OnFailure("Expected equality\n  a\n  b", "x.cc", 12);
  r.RecordFinding("WMD-06", "WMD-06: expected a path, actual empty", "", true);
  r.OnFailure("WMD-06: expected a path, actual empty", nullptr, -1);
  r.EndTest({}, 0);
  r.StartTest("S", "E", 0);
  r.OnFailure("C++ exception with description \"boom\" thrown in the test body.", nullptr, -1);
  r.EndTest({}, 0);
  const std::vector<CaseRecord>& cases = r.record().suites.at(0).cases;
  ASSERT_EQ(cases.size(), 2u);
  ASSERT_EQ(cases[0].problems.size(), 2u);
  EXPECT_EQ(cases[0].problems[0].type, "assertion");
  EXPECT_EQ(cases[0].problems[0].message, "Expected equality");
  EXPECT_EQ(cases[0].problems[0].details, "x.cc:12\n  a\n  b");
  EXPECT_EQ(cases[0].Primary().type, "WMD-06");
  EXPECT_EQ(cases[1].Primary().kind, Problem::Kind::kError);
  EXPECT_EQ(cases[1].Primary().type, "exception");
}

// Checks that only the GoogleTest failure echoing a finding is dropped: a different failure
// that comes instead (the echo was intercepted elsewhere) is kept.
TEST(Report_TestRecorder, DropsOnlyTheEcho) {
  TestRecorder r;
  r.StartSuite("S");
  r.StartTest("S", "T", 0);
  r.RecordFinding("WRT-ERR-01", "WRT-ERR-01: expected a, actual b", "", true);
  r.OnFailure("Value of: ok\n  Actual: false", "t.cc", 9);
  r.OnFailure("WRT-ERR-01: expected a, actual b\n  replay: ...", nullptr, -1);
  r.EndTest({}, 0);
  const CaseRecord& c = r.record().suites.at(0).cases.at(0);
  ASSERT_EQ(c.problems.size(), 2u);
  EXPECT_EQ(c.problems[1].type, "assertion");
}

// Checks that failures outside any test (SetUpTestSuite) become a case of their suite.
TEST(Report_TestRecorder, FailureOutsideTestsIsReported) {
  TestRecorder r;
  r.StartSuite("S");
  r.OnFailure("SetUpTestSuite failed", "s.cc", 3);
  r.EndSuite(0, 0);
  r.EndProgram(0, 0);
  ASSERT_EQ(r.record().suites.size(), 1u);
  ASSERT_EQ(r.record().suites[0].cases.size(), 1u);
  EXPECT_EQ(r.record().suites[0].cases[0].problems.at(0).message, "SetUpTestSuite failed");
}

}  // namespace
}  // namespace vsssim::conformance::report
