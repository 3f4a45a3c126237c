#include "conformance/report/junit_xml.h"

#include <gtest/gtest.h>
#include <tinyxml2.h>

#include <cstdint>
#include <string>
#include <utility>

namespace vsssim::conformance::report {
namespace {

Problem Rule(const std::string& rule, const std::string& what) {
  return Problem{Problem::Kind::kRule, rule, rule + ": " + what, "  replay: ...\n"};
}

ReportRecord Sample() {
  ReportRecord record;
  SuiteRecord suite{"WriterConformance/W", 0, 1.5, {}};
  CaseRecord pass{"A [R-01] one", "W", 0.25, {}, false, "", {{"rule", "R-01"}}};
  CaseRecord fail{"A [R-01] two", "W", 0.5, {}, false, "", {{"rule", "R-01"}}};
  fail.problems = {Rule("R-01", "expected x, actual y"), Rule("R-02", "expected p, actual q")};
  CaseRecord skip{"B", "W", 0, {}, true, "the writer never reaches Freeze", {}};
  CaseRecord error{"C", "W", 0, {}, false, "", {}};
  error.problems = {Problem{Problem::Kind::kError, "exception", "C++ exception", ""}};
  suite.cases = {pass, fail, skip, error};
  record.suites = {suite};
  return record;
}

const tinyxml2::XMLElement* CaseNamed(const tinyxml2::XMLElement* suite, const char* name) {
  for (const tinyxml2::XMLElement* c = suite->FirstChildElement("testcase"); c != nullptr;
       c = c->NextSiblingElement("testcase")) {
    if (c->Attribute("name", name)) return c;
  }
  return nullptr;
}

// Checks the counts of the document and of each suite: tests are cases, a case with problems
// is a failure (or an error when its problem is an exception), not also skipped.
TEST(Report_JUnitXml, CountsAddUp) {
  tinyxml2::XMLDocument doc;
  ASSERT_EQ(doc.Parse(JUnitXml(Sample()).c_str()), tinyxml2::XML_SUCCESS);
  for (const tinyxml2::XMLElement* e :
       {doc.FirstChildElement("testsuites"),
        doc.FirstChildElement("testsuites")->FirstChildElement("testsuite")}) {
    EXPECT_EQ(e->IntAttribute("tests"), 4);
    EXPECT_EQ(e->IntAttribute("failures"), 1);
    EXPECT_EQ(e->IntAttribute("errors"), 1);
    EXPECT_EQ(e->IntAttribute("skipped"), 1);
  }
  EXPECT_STREQ(
      doc.FirstChildElement("testsuites")->FirstChildElement("testsuite")->Attribute("time"),
      "1.500");
}

// Checks that a failing case has exactly one <failure>, typed with its first rule, whose
// message is that rule's line and whose body holds the details and the further problems.
TEST(Report_JUnitXml, OneFailurePerCaseTypedWithTheRule) {
  tinyxml2::XMLDocument doc;
  ASSERT_EQ(doc.Parse(JUnitXml(Sample()).c_str()), tinyxml2::XML_SUCCESS);
  const tinyxml2::XMLElement* suite =
      doc.FirstChildElement("testsuites")->FirstChildElement("testsuite");
  const tinyxml2::XMLElement* two = CaseNamed(suite, "A [R-01] two");
  ASSERT_NE(two, nullptr);
  EXPECT_STREQ(two->Attribute("classname"), "W");
  const tinyxml2::XMLElement* failure = two->FirstChildElement("failure");
  ASSERT_NE(failure, nullptr);
  EXPECT_EQ(failure->NextSiblingElement("failure"), nullptr);
  EXPECT_STREQ(failure->Attribute("type"), "R-01");
  EXPECT_STREQ(failure->Attribute("message"), "R-01: expected x, actual y");
  const std::string body = failure->GetText();
  EXPECT_NE(body.find("replay"), std::string::npos);
  EXPECT_NE(body.find("R-02: expected p, actual q"), std::string::npos);
  EXPECT_EQ(CaseNamed(suite, "A [R-01] one")->FirstChildElement("failure"), nullptr);
  EXPECT_STREQ(CaseNamed(suite, "B")->FirstChildElement("skipped")->Attribute("message"),
               "the writer never reaches Freeze");
  EXPECT_STREQ(CaseNamed(suite, "C")->FirstChildElement("error")->Attribute("type"), "exception");
}

// Checks that markup characters, line breaks, control characters and invalid UTF-8 in any
// field leave a document that parses and gives the text back (escaped bytes as \xNN).
TEST(Report_JUnitXml, AnyTextGivesWellFormedXml) {
  ReportRecord record = Sample();
  CaseRecord& c = record.suites[0].cases[1];
  c.name = "A <&\"'> \xFF";
  c.problems[0].message = "R-01: expected <a & \"b\">, actual ]]> \x01\xC3";
  c.problems[0].details = "line\n\x1B[0m]]>";
  tinyxml2::XMLDocument doc;
  ASSERT_EQ(doc.Parse(JUnitXml(record).c_str()), tinyxml2::XML_SUCCESS) << doc.ErrorStr();
  const tinyxml2::XMLElement* e = doc.FirstChildElement("testsuites")
                                      ->FirstChildElement("testsuite")
                                      ->FirstChildElement("testcase")
                                      ->NextSiblingElement("testcase");
  EXPECT_STREQ(e->Attribute("name"), "A <&\"'> \\xFF");
  EXPECT_STREQ(e->FirstChildElement("failure")->Attribute("message"),
               "R-01: expected <a & \"b\">, actual ]]> \\x01\\xC3");
  EXPECT_NE(std::string(e->FirstChildElement("failure")->GetText()).find("\\x1B[0m]]>"),
            std::string::npos);
}

// Checks the timestamps: UTC, ISO 8601 with milliseconds, leap days and year ends right.
TEST(Report_JUnitXml, TimestampsAreUtcIso8601) {
  ReportRecord record;
  record.suites = Sample().suites;
  const std::pair<std::int64_t, const char*> cases[] = {
      {0, "1970-01-01T00:00:00.000"},
      {1709168523456, "2024-02-29T01:02:03.456"},
      {951868799999, "2000-02-29T23:59:59.999"},
  };
  for (const auto& [ms, text] : cases) {
    record.start_ms = ms;
    tinyxml2::XMLDocument doc;
    ASSERT_EQ(doc.Parse(JUnitXml(record).c_str()), tinyxml2::XML_SUCCESS);
    EXPECT_STREQ(doc.FirstChildElement("testsuites")->Attribute("timestamp"), text);
  }
}

}  // namespace
}  // namespace vsssim::conformance::report
