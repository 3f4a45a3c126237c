#include "tools/vsssim/junit_merge.h"

#include <tinyxml2.h>

#include <cstdio>
#include <map>

namespace vsssim::tools {
namespace {

struct Counts {
  long tests = 0;
  long failures = 0;
  long errors = 0;
  long skipped = 0;
  double time = 0;

  void Add(const tinyxml2::XMLElement& e) {
    tests += e.Int64Attribute("tests");
    failures += e.Int64Attribute("failures");
    errors += e.Int64Attribute("errors");
    skipped += e.Int64Attribute("skipped");
    time += e.DoubleAttribute("time");
  }
  void Add(const Counts& c) {
    tests += c.tests;
    failures += c.failures;
    errors += c.errors;
    skipped += c.skipped;
    time += c.time;
  }
  void Set(tinyxml2::XMLElement* e) const {
    e->SetAttribute("tests", static_cast<int64_t>(tests));
    e->SetAttribute("failures", static_cast<int64_t>(failures));
    e->SetAttribute("errors", static_cast<int64_t>(errors));
    e->SetAttribute("skipped", static_cast<int64_t>(skipped));
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", time);
    e->SetAttribute("time", text);
  }
};

struct Suite {
  tinyxml2::XMLElement* element = nullptr;
  Counts counts;
};

}  // namespace

bool MergeJUnitReports(const std::vector<JUnitPiece>& pieces, const std::string& file,
                       std::string* error) {
  tinyxml2::XMLDocument out;
  out.InsertEndChild(out.NewDeclaration());
  tinyxml2::XMLElement* root = out.NewElement("testsuites");
  root->SetAttribute("name", "AllTests");
  out.InsertEndChild(root);
  std::map<std::string, Suite> suites;
  std::string timestamp;
  auto suite_for = [&](const std::string& name, const char* stamp) -> Suite& {
    Suite& s = suites[name];
    if (s.element == nullptr) {
      s.element = out.NewElement("testsuite");
      s.element->SetAttribute("name", name.c_str());
      if (stamp != nullptr) s.element->SetAttribute("timestamp", stamp);
      root->InsertEndChild(s.element);
    }
    return s;
  };
  for (const JUnitPiece& piece : pieces) {
    if (piece.file.empty()) {
      const LostCheck& lost = piece.lost;
      Suite& s = suite_for(lost.suite, nullptr);
      tinyxml2::XMLElement* testcase = out.NewElement("testcase");
      testcase->SetAttribute("name", lost.name.c_str());
      testcase->SetAttribute("classname", lost.class_name.c_str());
      char seconds[32];
      std::snprintf(seconds, sizeof seconds, "%.3f", lost.seconds);
      testcase->SetAttribute("time", seconds);
      if (!lost.properties.empty()) {
        tinyxml2::XMLElement* properties = out.NewElement("properties");
        for (const auto& [name, value] : lost.properties) {
          tinyxml2::XMLElement* property = out.NewElement("property");
          property->SetAttribute("name", name.c_str());
          property->SetAttribute("value", value.c_str());
          properties->InsertEndChild(property);
        }
        testcase->InsertEndChild(properties);
      }
      tinyxml2::XMLElement* failure = out.NewElement("failure");
      failure->SetAttribute("type", lost.rule.c_str());
      failure->SetAttribute("message", lost.message.c_str());
      failure->SetText(lost.message.c_str());
      testcase->InsertEndChild(failure);
      s.element->InsertEndChild(testcase);
      ++s.counts.tests;
      ++s.counts.failures;
      s.counts.time += lost.seconds;
      continue;
    }
    tinyxml2::XMLDocument in;
    if (in.LoadFile(piece.file.c_str()) != tinyxml2::XML_SUCCESS) {
      *error = piece.file + ": cannot read the check's JUnit report: " + in.ErrorStr();
      return false;
    }
    const tinyxml2::XMLElement* part = in.FirstChildElement("testsuites");
    if (part == nullptr) {
      *error = piece.file + ": not a JUnit report (no <testsuites>)";
      return false;
    }
    if (timestamp.empty() && part->Attribute("timestamp") != nullptr) {
      timestamp = part->Attribute("timestamp");
    }
    for (const tinyxml2::XMLElement* suite = part->FirstChildElement("testsuite"); suite != nullptr;
         suite = suite->NextSiblingElement("testsuite")) {
      const char* name = suite->Attribute("name");
      Suite& s = suite_for(name == nullptr ? "" : name, suite->Attribute("timestamp"));
      for (const tinyxml2::XMLElement* child = suite->FirstChildElement(); child != nullptr;
           child = child->NextSiblingElement()) {
        s.element->InsertEndChild(child->DeepClone(&out));
      }
      s.counts.Add(*suite);
    }
  }
  Counts total;
  for (auto& [name, suite] : suites) {
    suite.counts.Set(suite.element);
    total.Add(suite.counts);
  }
  total.Set(root);
  if (!timestamp.empty()) root->SetAttribute("timestamp", timestamp.c_str());
  if (out.SaveFile(file.c_str()) != tinyxml2::XML_SUCCESS) {
    *error = file + ": cannot write the JUnit report";
    return false;
  }
  return true;
}

}  // namespace vsssim::tools
