// Tests of the JSON form of scenario files: the same tree as the XML, element paths in errors.
#include <gtest/gtest.h>

#include "vsssim/scenario/loader.h"

namespace vsssim::scenario {
namespace {

std::string FirstError(const LoadResult& r) {
  return r.errors.empty() ? "(no error)" : r.errors.front().ToString();
}

// Checks arrays as repeated elements, scalar members as attributes, and step order.
TEST(Scenario_Json, ArraysAreRepeatedElements) {
  LoadResult r = LoadScenarioText(R"({"scenario": {"name": "j", "seed": 12,
      "volume": [{"name": "C:", "size": "1MiB"}, {"name": "D:", "size": "2MiB"}],
      "writer": {"name": "W", "on": [{"event": "Freeze", "times": 1, "fail": "E_FAIL"},
                                     {"event": "Freeze"}]},
      "requester": {"call": [{"method": "InitializeForBackup"},
                             {"method": "SetBackupState", "select-components": true,
                              "backup-type": "FULL"}],
                    "release": {}}}})",
                                  "x.json");
  ASSERT_TRUE(r.ok()) << r.ErrorText();
  EXPECT_EQ(r.scenario->seed, 12u);
  EXPECT_EQ(r.scenario->volumes.size(), 2u);
  EXPECT_EQ(r.scenario->writers[0].behaviours.size(), 2u);
  ASSERT_EQ(r.scenario->steps.size(), 3u);
  EXPECT_EQ(r.scenario->steps[1].Get<bool>("select-components"), true);
  EXPECT_EQ(r.scenario->steps[2].kind, StepKind::kRelease);
}

// Checks that semantic errors in JSON name the element path.
TEST(Scenario_Json, SemanticErrorsNameTheElementPath) {
  LoadResult r = LoadScenarioText(
      R"({"scenario": {"name": "j", "requester": {"#children": [
          {"call": {"method": "InitializeForBackup"}},
          {"advance": {"by": "soon"}}]}}})",
      "x.json");
  EXPECT_EQ(FirstError(r),
            "x.json: scenario.requester[0].advance[0]: <advance> attribute by: \"soon\" is not a "
            "virtual duration (\"70s\")");
}

// Checks that a misspelt child element (which JSON turns into an attribute) gets an element hint.
TEST(Scenario_Json, MisspeltElementGetsAnElementHint) {
  LoadResult r =
      LoadScenarioText(R"({"scenario": {"name": "j", "requester": {"idenitfy": {}}}})", "x.json");
  EXPECT_EQ(FirstError(r),
            "x.json: scenario.requester[0]: <requester>: unknown attribute "
            "\"idenitfy\"; did you mean the element <identify>?");
}

// Checks syntax errors carry the line Boost's JSON reader reports.
TEST(Scenario_Json, SyntaxErrorsCarryALine) {
  LoadResult r = LoadScenarioText("{\n\"scenario\": {\n\"name\": \"j\",,\n}}", "x.json");
  EXPECT_EQ(FirstError(r).rfind("x.json:3: JSON syntax error", 0), 0u) << FirstError(r);
}

// Checks hostile JSON: deep nesting, several roots, a list at the top, reserved keys.
TEST(Scenario_Json, HostileInputs) {
  EXPECT_EQ(FirstError(LoadScenarioText(std::string(100000, '['), "x.json"))
                .rfind("x.json:1: JSON nested deeper", 0),
            0u);
  EXPECT_NE(FirstError(LoadScenarioText(R"({"a": {}, "b": {}})", "x.json")).find("one member"),
            std::string::npos);
  EXPECT_NE(FirstError(LoadScenarioText(R"([1, 2])", "x.json")).find("one member"),
            std::string::npos);
  EXPECT_NE(FirstError(LoadScenarioText(R"({"scenario": {"name": "x", "<line>": "3"}})", "x.json"))
                .find("unknown member"),
            std::string::npos);
  EXPECT_NE(FirstError(LoadScenarioText(R"({"scenario": {"name": ["a", "b"]}})", "x.json"))
                .find("cannot be a list"),
            std::string::npos);
}

}  // namespace
}  // namespace vsssim::scenario
