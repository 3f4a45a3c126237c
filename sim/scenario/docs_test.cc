// Checks that docs/scenario-format.md documents the whole vocabulary the loader accepts: every
// element (with a heading), every attribute, every method and every writer bug.
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "sim/scenario/schema.h"
#include "vsssim/scenario/behaviour.h"
#include "vsssim/scenario/methods.h"

namespace vsssim::scenario {
namespace {

std::string ReadDoc() {
  std::ifstream in(std::string(VSSSIM_DOCS_DIR) + "/scenario-format.md");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Checks that every element has a heading and every attribute is named in backticks.
TEST(Scenario_Docs, EveryElementAndAttributeIsDocumented) {
  std::string doc = ReadDoc();
  ASSERT_FALSE(doc.empty());
  for (const internal::ElementSpec& e : internal::Elements()) {
    bool heading = false;
    std::istringstream lines(doc);
    for (std::string line; std::getline(lines, line);) {
      heading = heading || (line.rfind("### ", 0) == 0 &&
                            line.find("`" + std::string(e.name) + "`") != std::string::npos);
    }
    EXPECT_TRUE(heading) << e.name;
    EXPECT_NE(doc.find("<" + std::string(e.name)), std::string::npos) << "example of " << e.name;
    for (const auto* list : {&e.required, &e.optional}) {
      for (std::string_view a : *list) {
        bool named = doc.find("`" + std::string(a) + "`") != std::string::npos ||
                     doc.find("`" + std::string(a) + "=") != std::string::npos;
        EXPECT_TRUE(named) << e.name << " " << a;
      }
    }
  }
}

// Checks that every method, argument and bug name is documented.
TEST(Scenario_Docs, EveryMethodArgumentAndBugIsDocumented) {
  std::string doc = ReadDoc();
  for (const MethodSpec& m : Methods()) {
    EXPECT_NE(doc.find(std::string(m.name)), std::string::npos) << m.name;
    for (const ArgSpec& a : m.args) {
      EXPECT_NE(doc.find("`" + std::string(a.name) + "`"), std::string::npos)
          << m.name << " " << a.name;
    }
  }
  for (const WriterBugInfo& b : WriterBugs()) {
    EXPECT_NE(doc.find("`" + std::string(b.name) + "` | " + std::string(b.rule)), std::string::npos)
        << b.name;
  }
}

}  // namespace
}  // namespace vsssim::scenario
