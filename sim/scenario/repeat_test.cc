// Tests of <repeat times> (load_repeat.cc): expansion at load, nesting, the location of each
// copy ("file:line (repetition i of n)"), data-step labels in a repeat, and the limits.
#include <gtest/gtest.h>

#include <string>

#include "vsssim/scenario/loader.h"

namespace vsssim::scenario {
namespace {

LoadResult Load(const std::string& steps) {
  return LoadScenarioText(
      "<scenario name=\"s\" seed=\"1\">\n"
      "<volume name=\"C:\" size=\"64MiB\"/>\n"
      "<requester>\n" +
          steps + "\n</requester>\n</scenario>",
      "r.xml");
}

std::string FirstError(const LoadResult& r) {
  return r.errors.empty() ? "(no error)" : r.errors.front().ToString();
}

// Checks that a repeat's steps are appended `times` times in order, each keeping its line and
// naming its repetition, with nested repeats naming the outer repetition first.
TEST(Scenario_Repeat, StepsAreExpandedInOrderWithTheirRepetition) {
  LoadResult r = Load(
      "<call method=\"InitializeForBackup\"/>\n"               // line 4
      "<repeat times=\"2\">\n"                                 // line 5
      "  <advance by=\"1s\"/>\n"                               // line 6
      "  <repeat times=\"3\"><advance by=\"2s\"/></repeat>\n"  // line 7
      "</repeat>\n"
      "<release/>");
  ASSERT_TRUE(r.ok()) << r.ErrorText();
  const auto& steps = r.scenario->steps;
  ASSERT_EQ(steps.size(), 1u + 2 * (1 + 3) + 1);
  EXPECT_EQ(steps[0].where.ToString(), "r.xml:4");
  EXPECT_EQ(steps[1].where.ToString(), "r.xml:6 (repetition 1 of 2)");
  EXPECT_EQ(steps[2].where.ToString(), "r.xml:7 (repetition 1 of 2, repetition 1 of 3)");
  EXPECT_EQ(steps[4].where.ToString(), "r.xml:7 (repetition 1 of 2, repetition 3 of 3)");
  EXPECT_EQ(steps[5].where.ToString(), "r.xml:6 (repetition 2 of 2)");
  EXPECT_EQ(steps[8].where.ToString(), "r.xml:7 (repetition 2 of 2, repetition 3 of 3)");
  EXPECT_EQ(steps[8].by, std::chrono::seconds(2));
  EXPECT_EQ(steps[9].where.ToString(), "r.xml:9");
  EXPECT_EQ(steps[9].kind, StepKind::kRelease);
}

// Checks that new-instances="yes" makes the requesters of each lap new ones (NAME#k on steps,
// data steps and snapshot-set-of), and that without it a name stays one requester.
TEST(Scenario_Repeat, NewInstancesRenameTheLapsRequesters) {
  LoadResult r = Load(
      "<call as=\"a\" method=\"InitializeForBackup\"/>\n"
      "<repeat times=\"2\" new-instances=\"yes\">\n"
      "  <call as=\"n\" method=\"InitializeForBackup\"/>\n"
      "  <backup-data as=\"n\" medium=\"m\"/>\n"
      "  <call as=\"n\" method=\"DeleteSnapshots\" source-type=\"VSS_OBJECT_SNAPSHOT_SET\" "
      "snapshot-set-of=\"n\"/>\n"
      "  <call as=\"a\" method=\"GatherWriterMetadata\"/>\n"
      "  <advance by=\"1s\"/>\n"
      "</repeat>\n"
      "<repeat times=\"2\"><call as=\"x\" method=\"InitializeForBackup\"/></repeat>");
  ASSERT_TRUE(r.ok()) << r.ErrorText();
  const auto& steps = r.scenario->steps;
  ASSERT_EQ(steps.size(), 1u + 2 * 4 + 2);
  EXPECT_EQ(steps[0].requester, "a");
  EXPECT_EQ(steps[1].requester, "n#1");
  EXPECT_EQ(steps[2].requester, "n#1");
  EXPECT_EQ(steps[3].requester, "a#1") << "a is named in the body: a new instance too";
  EXPECT_EQ(steps[2].Get<std::string>("snapshot-set-of"), std::optional<std::string>("n#1"));
  EXPECT_EQ(steps[5].requester, "n#2");
  EXPECT_EQ(steps[4].requester, "");  // <advance> names no requester
  EXPECT_EQ(r.scenario->data_steps[1].requester, "n#2");
  EXPECT_EQ(steps[9].requester, "x");
  EXPECT_EQ(steps[10].requester, "x");
}

// Checks that each lap's backup gets the default label of its place (set1, set2, ... per
// medium, counting backups before the repeat) and runs before the same step of its own lap.
TEST(Scenario_Repeat, BackupsInARepeatGetOneLabelPerLap) {
  LoadResult r = Load(
      "<call method=\"InitializeForBackup\"/>\n"
      "<backup-data medium=\"m\"/>\n"
      "<repeat times=\"3\">\n"
      "  <call method=\"GatherWriterMetadata\"/>\n"
      "  <backup-data medium=\"m\"/>\n"
      "  <restore-data medium=\"m\" set=\"set1\"/>\n"
      "</repeat>");
  ASSERT_TRUE(r.ok()) << r.ErrorText();
  const auto& d = r.scenario->data_steps;
  ASSERT_EQ(d.size(), 1u + 3 * 2);
  EXPECT_EQ(d[0].set, "set1");
  EXPECT_EQ(d[1].set, "set2");
  EXPECT_EQ(d[1].before_step, 2u);
  EXPECT_EQ(d[2].set, "set1");  // the restore names the same set every lap
  EXPECT_EQ(d[3].set, "set3");
  EXPECT_EQ(d[3].before_step, 3u);
  EXPECT_EQ(d[5].set, "set4");
  EXPECT_EQ(d[5].where.ToString(), "r.xml:8 (repetition 3 of 3)");
}

// Checks the refusals: times outside 1..1000, an empty repeat, set= on a backup in a repeat,
// and more than 10000 steps in all; each located at the element.
TEST(Scenario_Repeat, LimitsAndMistakesAreLocatedErrors) {
  EXPECT_EQ(FirstError(Load("<repeat times=\"0\"><advance by=\"1s\"/></repeat>")),
            "r.xml:4: <repeat> attribute times: must be at least 1");
  EXPECT_EQ(FirstError(Load("<repeat times=\"1001\"><advance by=\"1s\"/></repeat>")),
            "r.xml:4: <repeat> attribute times: \"1001\" is not a count from 1 to 1000");
  EXPECT_EQ(FirstError(Load("<repeat times=\"2\"></repeat>")), "r.xml:4: <repeat>: holds no step");
  EXPECT_EQ(FirstError(Load("<repeat times=\"2\">\n<call method=\"InitializeForBackup\"/>\n"
                            "<backup-data medium=\"m\" set=\"a\"/></repeat>")),
            "r.xml:6: <backup-data> attribute set: a <backup-data> in a <repeat> takes no set= "
            "(one label cannot name 2 backups); each lap gets set1, set2, ...");
  EXPECT_EQ(FirstError(Load("<repeat times=\"1000\"><repeat times=\"11\">"
                            "<advance by=\"1s\"/></repeat></repeat>")),
            "r.xml:4: <repeat> attribute times: the requester would have more than 10000 steps "
            "(11 steps times 1000 after 0)");
  EXPECT_TRUE(Load("<repeat times=\"1000\"><repeat times=\"10\">"
                   "<advance by=\"1s\"/></repeat></repeat>")
                  .ok());
}

}  // namespace
}  // namespace vsssim::scenario
