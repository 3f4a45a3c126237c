// Tests that play the section-S elements of issue #19 on the simulator: a failure in a
// <repeat> names its repetition, <choice> reaches the coordinator, a held commit ends at
// <end-hold/> (or at the LIM-06 window), and DeleteSnapshots snapshot-set-of= deletes another
// requester's persistent set.
#include <gtest/gtest.h>

#include <string>

#include "vsssim/scenario/interpreter.h"
#include "vsssim/scenario/loader.h"

namespace vsssim::scenario {
namespace {

RunResult RunBody(const std::string& body, const RunOptions& options = {}) {
  LoadResult loaded =
      LoadScenarioText("<scenario name=\"s\" seed=\"3\">\n<volume name=\"C:\" size=\"64MiB\"/>\n" +
                           body + "\n</scenario>",
                       "s.xml");
  EXPECT_TRUE(loaded.ok()) << loaded.ErrorText();
  if (!loaded.ok()) return {};
  return RunScenario(*loaded.scenario, options);
}

// Checks that a step that fails only from the second repetition on is reported with its line
// and the repetition ("s.xml:4 (repetition 2 of 3)"), once per failing repetition.
TEST(Scenario_SectionS, FailureInARepeatNamesTheRepetition) {
  RunResult r = RunBody(
      "<requester><repeat times=\"3\">\n"
      "<call method=\"InitializeForBackup\" expect=\"S_OK\"/>\n"
      "</repeat></requester>");
  ASSERT_EQ(r.failures.size(), 2u);
  EXPECT_EQ(r.failures[0].where.ToString(), "s.xml:4 (repetition 2 of 3)");
  EXPECT_EQ(r.failures[1].where.ToString(), "s.xml:4 (repetition 3 of 3)");
}

// Checks that <choice> reaches the coordinator: repeated_call changes what a second
// InitializeForBackup returns, and --choice (RunOptions::choices) overrides the scenario.
TEST(Scenario_SectionS, ChoiceReachesTheCoordinator) {
  const std::string body =
      "<choice name=\"repeated_call\" value=\"E_FAIL\"/>\n"
      "<requester><call method=\"InitializeForBackup\"/>\n"
      "<call method=\"InitializeForBackup\" expect=\"E_FAIL\"/></requester>";
  EXPECT_TRUE(RunBody(body).failures.empty());
  RunOptions options;
  options.choices = {{"repeated_call", "VSS_E_BAD_STATE"}};
  RunResult overridden = RunBody(body, options);
  ASSERT_EQ(overridden.failures.size(), 1u);
  EXPECT_EQ(overridden.failures[0].actual, "VSS_E_BAD_STATE");
}

const char kHeldBackup[] =
    "<provider hold=\"until-released\"/>\n"
    "<writer name=\"W\"><component name=\"c\" type=\"filegroup\" selectable=\"yes\">"
    "<files path=\"C:\\d\" filespec=\"*\"/></component></writer>\n"
    "<requester>\n"
    "<call method=\"InitializeForBackup\"/>\n"
    "<call method=\"SetBackupState\" select-components=\"yes\" backup-type=\"VSS_BT_FULL\"/>\n"
    "<call method=\"GatherWriterMetadata\"/>\n"
    "<call method=\"AddComponent\" writer=\"W\" component=\"c\"/>\n"
    "<call method=\"StartSnapshotSet\"/>\n"
    "<call method=\"AddToSnapshotSet\" volume=\"C:\"/>\n"
    "<call method=\"PrepareForBackup\"/>\n"
    "<call method=\"DoSnapshotSet\" wait=\"no\"/>\n"
    "<advance by=\"ADVANCE\"/>\n"
    "<end-hold expect=\"END\"/>\n"
    "<wait expect=\"WAIT\"/>\n"
    "<call method=\"AbortBackup\"/>\n"
    "</requester>";

std::string Held(const std::string& advance, const std::string& end, const std::string& wait) {
  std::string s = kHeldBackup;
  s.replace(s.find("ADVANCE"), 7, advance);
  s.replace(s.find("END"), 3, end);
  s.replace(s.find("WAIT"), 4, wait);
  return s;
}

// Checks the held commit at both sides of the LIM-06 window: released at 9.999 s it succeeds;
// at 10 s VSS has given up (VSS_E_HOLD_WRITES_TIMEOUT for both the step and DoSnapshotSet).
TEST(Scenario_SectionS, HeldCommitEndsAtEndHoldOrAtTheWindow) {
  RunResult in_time = RunBody(Held("9999ms", "S_OK", "S_OK"));
  EXPECT_TRUE(in_time.failures.empty()) << in_time.failures[0].actual;
  RunResult late = RunBody(Held("10s", "VSS_E_HOLD_WRITES_TIMEOUT", "VSS_E_HOLD_WRITES_TIMEOUT"));
  EXPECT_TRUE(late.failures.empty()) << late.failures[0].actual;
  // A second end-hold has nothing to end.
  std::string twice = Held("1s", "S_OK", "S_OK");
  twice.replace(twice.find("<wait"), 0, "<end-hold expect=\"VSS_E_BAD_STATE\"/>\n");
  EXPECT_TRUE(RunBody(twice).failures.empty());
}

// Checks that DeleteSnapshots snapshot-set-of= deletes another requester's persistent set
// (IVssBackupComponents::DeleteSnapshots names no owner): S_OK, one deleted, none left.
TEST(Scenario_SectionS, DeleteAnotherRequestersPersistentSet) {
  RunResult r = RunBody(
      "<requester>\n"
      "<call as=\"a\" method=\"InitializeForBackup\"/>\n"
      "<call as=\"a\" method=\"SetContext\" context=\"VSS_CTX_CLIENT_ACCESSIBLE\"/>\n"
      "<call as=\"a\" method=\"StartSnapshotSet\"/>\n"
      "<call as=\"a\" method=\"AddToSnapshotSet\" volume=\"C:\"/>\n"
      "<call as=\"a\" method=\"DoSnapshotSet\" expect=\"S_OK\"/>\n"
      "<release as=\"a\"/>\n"
      "<call as=\"b\" method=\"InitializeForBackup\"/>\n"
      "<call as=\"b\" method=\"SetContext\" context=\"VSS_CTX_CLIENT_ACCESSIBLE\"/>\n"
      "<call as=\"b\" method=\"Query\" expect-count=\"1\"/>\n"
      "<call as=\"b\" method=\"DeleteSnapshots\" source-type=\"VSS_OBJECT_SNAPSHOT_SET\" "
      "snapshot-set-of=\"a\" expect=\"S_OK\" expect-count=\"1\"/>\n"
      "<call as=\"b\" method=\"Query\" expect-count=\"0\"/>\n"
      "<release as=\"b\"/>\n"
      "</requester>");
  for (const auto& f : r.failures)
    ADD_FAILURE() << f.where.ToString() << " " << f.what << " " << f.actual;
}

}  // namespace
}  // namespace vsssim::scenario
