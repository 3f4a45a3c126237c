// Tests of the rule registry (vsssim/rules/rules.h) against its data file.
#include "vsssim/rules/rules.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace vsssim::rules {
namespace {

// The non-comment lines of the data file, as read without CMake.
std::vector<std::string> DataLines() {
  std::ifstream in(VSSSIM_RULES_DATA);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] != '#') lines.push_back(line);
  }
  return lines;
}

// Checks that the generated table holds every line of rules.tsv, field for field (the CMake
// generator dropped, split or mangled nothing, including quotes and backslashes).
TEST(Conformance_Rules, TableIsTheDataFile) {
  std::vector<std::string> lines = DataLines();
  ASSERT_GT(lines.size(), 300u);
  ASSERT_EQ(AllRules().size(), lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Rule& r = AllRules()[i];
    std::string expected = std::string(r.id) + "\t" + std::string(NameOf(r.level)) + "\t" +
                           std::string(r.spec) + "\t" + std::string(r.source) + "\t" +
                           std::string(r.text);
    EXPECT_EQ(lines[i], expected);
  }
}

// Checks that ids are sorted and unique (FindRule's binary search relies on it) and that every
// rule has a one-line text, a spec reference and a source (the catalogue, or for vsssim's own
// protocol rules such as SIM-WIRE-01 the docs/ page that defines them).
TEST(Conformance_Rules, SortedUniqueAndComplete) {
  const std::vector<Rule>& rules = AllRules();
  for (std::size_t i = 1; i < rules.size(); ++i) EXPECT_LT(rules[i - 1].id, rules[i].id);
  for (const Rule& r : rules) {
    EXPECT_FALSE(r.text.empty()) << r.id;
    EXPECT_EQ(r.text.find('\n'), std::string_view::npos) << r.id;
    EXPECT_TRUE(r.spec.rfind("CATALOGUE.md ", 0) == 0 || r.spec == "SIM-RULES.md" ||
                r.spec.rfind("docs/", 0) == 0)
        << r.id;
    EXPECT_TRUE(r.source.rfind("https://", 0) == 0 || r.source.rfind("CATALOGUE.md ", 0) == 0 ||
                r.source.rfind("SIM-RULES.md", 0) == 0 || r.source.rfind("docs/", 0) == 0)
        << r.id << ": " << r.source;
  }
}

// Checks FindRule on known ids of each family, the levels the catalogue gives them, and that
// unknown or near-miss spellings are not found.
TEST(Conformance_Rules, FindRuleByExactId) {
  const Rule* identify = FindRule("WRT-IDENTIFY-03");
  ASSERT_NE(identify, nullptr);
  EXPECT_EQ(identify->level, RuleLevel::kMust);
  EXPECT_EQ(identify->source,
            "https://learn.microsoft.com/en-us/windows/win32/api/vswriter/"
            "nf-vswriter-cvsswriter-setwriterfailure");
  const Rule* quiesce = FindRule("SIM-QUIESCE-01");
  ASSERT_NE(quiesce, nullptr);
  EXPECT_EQ(quiesce->level, RuleLevel::kVss);
  EXPECT_EQ(quiesce->spec, "SIM-RULES.md");
  ASSERT_NE(FindRule("REQ-ORDER-10"), nullptr);
  EXPECT_EQ(FindRule("REQ-ORDER-10")->level, RuleLevel::kShould);
  ASSERT_NE(FindRule("GAP-04"), nullptr);
  EXPECT_EQ(FindRule("GAP-04")->level, RuleLevel::kGap);
  EXPECT_EQ(FindRule("ALT-01")->id, "ALT-01");  // the first row
  EXPECT_EQ(FindRule("XML-06")->id, "XML-06");  // the last row
  EXPECT_EQ(FindRule("NO-SUCH-01"), nullptr);
  EXPECT_EQ(FindRule("WRT-IDENTIFY-3"), nullptr);  // rule-id-ok: a near miss on purpose
  EXPECT_EQ(FindRule("wrt-identify-03"), nullptr);
  EXPECT_EQ(FindRule(""), nullptr);
}

// Checks that every rule family the simulator reports findings for is present: the SIM-
// rules, the requester order rules and the writer sequence/abort rules.
TEST(Conformance_Rules, CoversEverySimRuleAndWriterSequenceRules) {
  for (const char* id : {"SIM-QUIESCE-01", "SIM-IDENTIFY-01", "SIM-SHUT-01", "SIM-ABORT-01",
                         "SIM-DET-01", "SIM-DATA-01", "WRT-SEQ-01", "WRT-ABORT-01", "WRT-ABORT-04",
                         "REQ-LIFE-04", "REQ-ORDER-18"}) {
    EXPECT_NE(FindRule(id), nullptr) << id;
  }
}

// Checks NameOf / ParseRuleLevel round-trip and reject other spellings.
TEST(Conformance_Rules, LevelNamesRoundTrip) {
  for (RuleLevel level :
       {RuleLevel::kMust, RuleLevel::kShould, RuleLevel::kMay, RuleLevel::kVss, RuleLevel::kGap}) {
    EXPECT_EQ(ParseRuleLevel(NameOf(level)), level);
  }
  EXPECT_EQ(ParseRuleLevel("must"), std::nullopt);
  EXPECT_EQ(ParseRuleLevel(""), std::nullopt);
}

}  // namespace
}  // namespace vsssim::rules
