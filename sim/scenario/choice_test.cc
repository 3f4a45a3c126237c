// Tests of <choice> (vsssim/scenario/choice.h): every field of coordinator::Choices can be set
// from a scenario, values are typed by the field, and mistakes are located load errors.
#include "vsssim/scenario/choice.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "vsssim/scenario/loader.h"

namespace vsssim::scenario {
namespace {

// The field names of choices.h: each "  Type name = default;" line (the layout
// tools/vsssim/rules_choices_check.cmake relies on too).
std::vector<std::string> FieldsOfChoicesH() {
  std::ifstream in(VSSSIM_CHOICES_H);
  std::ostringstream text;
  text << in.rdbuf();
  std::vector<std::string> fields;
  const std::string s = text.str();
  static const std::regex kField(R"(\n  [A-Za-z_:<>0-9]+ ([a-z_0-9]+) = [^\n]*;)");
  for (auto it = std::sregex_iterator(s.begin(), s.end(), kField); it != std::sregex_iterator();
       ++it) {
    fields.push_back((*it)[1].str());
  }
  return fields;
}

// Checks that every field of choices.h but `windows` (<scenario windows=>) has a row in the
// choice table, and that the table names no field choices.h lacks.
TEST(Scenario_Choice, EveryFieldOfChoicesIsSettable) {
  const std::vector<std::string> fields = FieldsOfChoicesH();
  ASSERT_GE(fields.size(), 20u) << "has the layout of choices.h changed?";
  const std::vector<std::string_view> names = ChoiceNames();
  for (const std::string& f : fields) {
    if (f == "windows") continue;
    EXPECT_NE(std::find(names.begin(), names.end(), f), names.end())
        << "coordinator::Choices::" << f << " cannot be set by <choice name=\"" << f << "\">";
  }
  for (std::string_view n : names) {
    EXPECT_NE(std::find(fields.begin(), fields.end(), std::string(n)), fields.end()) << n;
  }
}

// Checks that values are typed by the field: an HRESULT, a writer state, a duration, a
// boolean each land in their field, and a value of the wrong type is refused unchanged.
TEST(Scenario_Choice, ValuesAreTypedByTheField) {
  coordinator::Choices c;
  EXPECT_TRUE(ApplyChoice("repeated_call", "E_FAIL", &c));
  EXPECT_EQ(c.repeated_call, hr::E_FAIL);
  EXPECT_TRUE(ApplyChoice("writer_veto_result", "0x80042301", &c));
  EXPECT_EQ(c.writer_veto_result, hr::VSS_E_BAD_STATE);
  EXPECT_TRUE(ApplyChoice("freeze_timeout_state", "VSS_WS_FAILED_AT_THAW", &c));
  EXPECT_EQ(c.freeze_timeout_state, vss::WriterState::VSS_WS_FAILED_AT_THAW);
  EXPECT_TRUE(ApplyChoice("writer_event_timeout", "30s", &c));
  EXPECT_EQ(c.writer_event_timeout, std::chrono::seconds(30));
  EXPECT_TRUE(ApplyChoice("thaw_in_reverse_order", "no", &c));
  EXPECT_FALSE(c.thaw_in_reverse_order);
  EXPECT_FALSE(ApplyChoice("thaw_in_reverse_order", "30s", &c));
  EXPECT_FALSE(ApplyChoice("writer_event_timeout", "yes", &c));
  EXPECT_EQ(c.writer_event_timeout, std::chrono::seconds(30));
  EXPECT_FALSE(ApplyChoice("windows", "xp", &c));
}

std::string FirstError(const std::string& choice) {
  LoadResult r =
      LoadScenarioText("<scenario name=\"s\" seed=\"1\">\n" + choice + "\n</scenario>", "c.xml");
  return r.errors.empty() ? "(no error)" : r.errors.front().ToString();
}

// Checks the load errors: an unknown name with a hint, a value of the wrong type, a field set
// twice, and windows (the profile has its own attribute).
TEST(Scenario_Choice, MistakesAreLocatedLoadErrors) {
  EXPECT_EQ(FirstError("<choice name=\"writer_event_timeout\" value=\"30s\"/>"), "(no error)");
  EXPECT_EQ(FirstError("<choice name=\"writer_event_timout\" value=\"30s\"/>"),
            "c.xml:2: <choice> attribute name: \"writer_event_timout\" is not a field of "
            "coordinator::Choices; did you mean writer_event_timeout?");
  EXPECT_EQ(FirstError("<choice name=\"writer_event_timeout\" value=\"soon\"/>"),
            "c.xml:2: <choice> attribute value: \"soon\" is not a virtual duration (\"180s\") "
            "(choice writer_event_timeout)");
  EXPECT_EQ(FirstError("<choice name=\"parallel_delivery\" value=\"no\"/>\n"
                       "<choice name=\"parallel_delivery\" value=\"yes\"/>"),
            "c.xml:3: <choice> attribute name: parallel_delivery is already set at line 2");
  EXPECT_EQ(FirstError("<choice name=\"windows\" value=\"xp\"/>"),
            "c.xml:2: <choice> attribute name: the Windows profile is <scenario windows=>, not a "
            "<choice>");
}

}  // namespace
}  // namespace vsssim::scenario
