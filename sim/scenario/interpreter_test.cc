// Tests of the scenario interpreter: running, the verdict rules, determinism (SIM-DET-01),
// mock-writer behaviour and the rule table.
#include "vsssim/scenario/interpreter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "vsssim/scenario/loader.h"
#include "vsssim/scenario/rules.h"

namespace vsssim::scenario {
namespace {

constexpr char kWriter[] = R"(
  <volume name="C:" size="16MiB"/>
  <writer name="W">
    <restore-method method="VSS_RME_RESTORE_IF_CAN_REPLACE" writer-restore="VSS_WRE_NEVER"/>
    <component name="c" type="filegroup" selectable="yes">
      <files path="C:\w" filespec="*.dat"/>
    </component>
    <file path="C:\w\a.dat" size="64KiB"/>
    ON
  </writer>)";

constexpr char kBackup[] = R"(
  <requester>
    <call method="InitializeForBackup"/>
    <call method="SetBackupState" select-components="yes" backup-type="VSS_BT_FULL"/>
    <call method="GatherWriterMetadata"/>
    <call method="AddComponent" writer="W" component="c"/>
    <call method="StartSnapshotSet"/>
    <call method="AddToSnapshotSet" volume="C:"/>
    <call method="PrepareForBackup"/>
    <call method="DoSnapshotSet" DOEXPECT/>
    TAIL
  </requester>)";

constexpr char kGoodTail[] = R"(<call method="GatherWriterStatus"/>
    <call method="SetBackupSucceeded" writer="W" component="c" succeeded="yes"/>
    <call method="BackupComplete"/>
    <call method="GatherWriterStatus"/>
    <release/>)";

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// A scenario of one writer with behaviour `on`, a backup, and `expect` children.
std::string Make(const std::string& on, const std::string& expect, std::uint64_t seed = 5,
                 const std::string& tail = kGoodTail, const std::string& do_expect = "") {
  std::string text = "<scenario name=\"t\" seed=\"" + std::to_string(seed) + "\">";
  text += Replace(kWriter, "ON", on);
  text += Replace(Replace(kBackup, "TAIL", tail), "DOEXPECT", do_expect);
  text += "<expect>" + expect + "</expect></scenario>";
  return text;
}

RunResult RunText(const std::string& text, RunOptions options = {}) {
  LoadResult loaded = LoadScenarioText(text, "test.xml");
  EXPECT_TRUE(loaded.ok()) << loaded.ErrorText();
  if (!loaded.ok()) return {};
  return RunScenario(*loaded.scenario, options);
}

bool HasFinding(const RunResult& r, const std::string& rule) {
  return std::any_of(r.findings.begin(), r.findings.end(),
                     [&](const ObservedFinding& f) { return f.rule == rule; });
}

// Checks that a clean full backup passes with the whole WRT-SEQ-01 event sequence.
TEST(Scenario_Interpreter, FullBackupPasses_WRT_SEQ_01) {
  RunResult r = RunText(Make("", R"(<events writer="W">Identify PrepareForBackup PrepareForSnapshot
      Freeze Thaw PostSnapshot BackupComplete BackupShutdown</events>
      <state writer="W" state="VSS_WS_STABLE" failure="S_OK"/>)"));
  EXPECT_TRUE(r.passed());
  EXPECT_TRUE(r.failures.empty());
  EXPECT_TRUE(r.findings.empty());
}

// Checks SIM-DET-01: the same scenario and seed give the same trace digest; --seed changes it.
TEST(Scenario_Interpreter, SameSeedSameDigest_SIM_DET_01) {
  std::string text = Make("<on event=\"Freeze\"><write file=\"C:\\w\\a.dat\"/></on>",
                          "<finding rule=\"SIM-QUIESCE-01\"/>");
  RunResult a = RunText(text);
  RunResult b = RunText(text);
  RunResult c = RunText(text, RunOptions{std::uint64_t{6}});
  EXPECT_EQ(a.digest, b.digest);
  EXPECT_NE(a.digest, c.digest);
  EXPECT_EQ(c.seed, 6u);
}

// Checks that an unlisted MUST-level finding (WRT-IDENTIFY-03) fails the scenario.
TEST(Scenario_Verdict, UnlistedMustFindingFails_WRT_IDENTIFY_03) {
  RunResult r = RunText(Make("<on event=\"Identify\" bug=\"set-failure-in-identify\"/>", ""));
  EXPECT_FALSE(r.passed());
  ASSERT_TRUE(HasFinding(r, "WRT-IDENTIFY-03"));
  EXPECT_TRUE(r.failures.empty());  // it is the finding, not an expectation, that fails
}

// Checks that listing the finding makes the same run pass.
TEST(Scenario_Verdict, ListedFindingPasses_WRT_IDENTIFY_03) {
  RunResult r = RunText(Make("<on event=\"Identify\" bug=\"set-failure-in-identify\"/>",
                             "<finding rule=\"WRT-IDENTIFY-03\" writer=\"W\"/>"));
  EXPECT_TRUE(r.passed());
}

// Checks that a listed finding that does not occur fails the scenario.
TEST(Scenario_Verdict, ListedFindingAbsentFails) {
  RunResult r = RunText(Make("", "<finding rule=\"WRT-THREAD-01\"/>"));
  EXPECT_FALSE(r.passed());
  ASSERT_EQ(r.failures.size(), 1u);
  EXPECT_GT(r.failures[0].where.line, 0);  // located at the <finding> element
  EXPECT_NE(r.failures[0].what.find("WRT-THREAD-01"), std::string::npos);
}

// Checks that a failure the step expects is not held against the scenario (REQ-ORDER-15
// is excused for the call whose VSS_E_BAD_STATE the step expects), while the same call
// without expect= fails it.
TEST(Scenario_Verdict, ExpectedFailureIsNoFinding_REQ_ORDER_15) {
  const std::string on = "<on event=\"Freeze\" fail=\"VSS_E_WRITERERROR_RETRYABLE\"/>";
  const std::string tail =
      "<call method=\"BackupComplete\" EX/><call method=\"AbortBackup\"/>"
      "<release/>";
  RunResult excused = RunText(
      Make(on, "", 5, Replace(tail, "EX", "expect=\"VSS_E_BAD_STATE\""), "expect=\"failure\""));
  EXPECT_TRUE(excused.passed());
  RunResult flagged = RunText(Make(on, "", 5, Replace(tail, "EX", ""), "expect=\"failure\""));
  EXPECT_FALSE(flagged.passed());
  EXPECT_TRUE(HasFinding(flagged, "REQ-ORDER-15"));
}

// Checks that a wrong per-call expectation is reported with what was expected and got.
TEST(Scenario_Verdict, WrongExpectReportsExpectedAndActual) {
  RunResult r = RunText(Make("", "", 5, kGoodTail, "expect=\"VSS_E_BAD_STATE\""));
  ASSERT_EQ(r.failures.size(), 1u);
  EXPECT_EQ(r.failures[0].expected, "VSS_E_BAD_STATE");
  EXPECT_EQ(r.failures[0].actual.rfind("S_OK", 0), 0u);
}

// Checks that <terminate/> (REQ-LIFE-04) is no requester mistake and yields BackupShutdown.
TEST(Scenario_Verdict, TerminateIsNoFinding_REQ_LIFE_04) {
  RunResult r = RunText(Make("",
                             "<events writer=\"W\" match=\"subsequence\">PostSnapshot "
                             "BackupShutdown</events>",
                             5, "<terminate/>"));
  EXPECT_TRUE(r.passed());
}

// Checks that times="1" covers only the first occurrence: the writer fails its first Freeze
// and, in a second backup, freezes normally.
TEST(Scenario_Writer, TimesCoversOccurrencesInOrder) {
  std::string tail = std::string("<call method=\"AbortBackup\"/><release/>") +
                     R"(<call as="b" method="InitializeForBackup"/>
      <call as="b" method="SetBackupState" select-components="no" backup-type="VSS_BT_FULL"/>
      <call as="b" method="GatherWriterMetadata"/>
      <call as="b" method="StartSnapshotSet"/>
      <call as="b" method="AddToSnapshotSet" volume="C:"/>
      <call as="b" method="PrepareForBackup"/>
      <call as="b" method="DoSnapshotSet" expect="S_OK"/>
      <call as="b" method="BackupComplete"/>
      <call as="b" method="GatherWriterStatus"/>
      <release as="b"/>)";
  RunResult r = RunText(Make(
      "<on event=\"Freeze\" times=\"1\" fail=\"VSS_E_WRITERERROR_RETRYABLE\"/>",
      "<state writer=\"W\" as=\"b\" state=\"VSS_WS_STABLE\"/>", 5, tail, "expect=\"failure\""));
  EXPECT_TRUE(r.passed()) << (r.failures.empty() ? "" : r.failures[0].what);
}

// Checks SIM-QUIESCE-01: a write during the freeze is caught (both the write and the
// differing shadow copy), a write in Thaw is not.
TEST(Scenario_Quiesce, WriteDuringFreezeIsCaught_SIM_QUIESCE_01) {
  RunResult torn = RunText(Make("<on event=\"Freeze\"><write file=\"C:\\w\\a.dat\"/></on>", ""));
  EXPECT_FALSE(torn.passed());
  EXPECT_EQ(std::count_if(torn.findings.begin(), torn.findings.end(),
                          [](const ObservedFinding& f) { return f.rule == "SIM-QUIESCE-01"; }),
            2);
  RunResult fine = RunText(Make("<on event=\"Thaw\"><write file=\"C:\\w\\a.dat\"/></on>", ""));
  EXPECT_TRUE(fine.passed());
}

// Checks that the rule table is sorted (FindRule's binary search) and knows every rule the
// planted writer bugs break.
TEST(Scenario_Rules, TableSortedAndCoversWriterBugs) {
  const auto& rules = Rules();
  for (std::size_t i = 1; i < rules.size(); ++i) EXPECT_LT(rules[i - 1].id, rules[i].id);
  for (const WriterBugInfo& bug : WriterBugs()) {
    EXPECT_NE(FindRule(bug.rule), nullptr) << bug.rule;
  }
  EXPECT_EQ(FindRule("NO-SUCH-01"), nullptr);
  EXPECT_TRUE(FailsWhenUnlisted("NO-SUCH-01"));
}

}  // namespace
}  // namespace vsssim::scenario
