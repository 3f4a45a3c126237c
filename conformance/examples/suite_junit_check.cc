// suite_junit_check <junit.xml> <expected_failures.txt>
// Reads the JUnit XML GoogleTest wrote for the example writers and checks, per writer, that the
// set of rule IDs of its failing tests equals the set expected_failures.txt declares, that it
// ran every check, and that no test outside the table ran. Exit 0 when all hold; otherwise
// prints every difference and exits 1 (2 for unreadable input).
#include <tinyxml2.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>

namespace {

struct WriterResult {
  int tests = 0;
  std::set<std::string> failed_rules;
  std::set<std::string> failed_tests;
  int skipped = 0;
};

std::string Join(const std::set<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ",") + s;
  return out.empty() ? "-" : out;
}

std::set<std::string> Split(const std::string& text) {
  std::set<std::string> out;
  if (text == "-") return out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (!item.empty()) out.insert(item);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: suite_junit_check <junit.xml> <expected_failures.txt>\n";
    return 2;
  }
  std::map<std::string, std::set<std::string>> expected;
  std::ifstream table(argv[2]);
  if (!table) {
    std::cerr << argv[2] << ": cannot read\n";
    return 2;
  }
  std::string line;
  for (int number = 1; std::getline(table, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    std::stringstream fields(line);
    std::string writer, rules;
    if (!(fields >> writer >> rules)) {
      std::cerr << argv[2] << ":" << number << ": expected '<writer> <rules|->'\n";
      return 2;
    }
    expected[writer] = Split(rules);
  }

  tinyxml2::XMLDocument doc;
  if (doc.LoadFile(argv[1]) != tinyxml2::XML_SUCCESS) {
    std::cerr << argv[1] << ":" << doc.ErrorLineNum() << ": " << doc.ErrorStr() << "\n";
    return 2;
  }
  const tinyxml2::XMLElement* root = doc.FirstChildElement("testsuites");
  if (root == nullptr) {
    std::cerr << argv[1] << ": no <testsuites> root\n";
    return 2;
  }
  const std::string prefix = "WriterConformance/";
  std::map<std::string, WriterResult> results;
  int problems = 0;
  for (const tinyxml2::XMLElement* suite = root->FirstChildElement("testsuite"); suite != nullptr;
       suite = suite->NextSiblingElement("testsuite")) {
    const std::string suite_name = suite->Attribute("name") ? suite->Attribute("name") : "";
    if (suite_name.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string writer = suite_name.substr(prefix.size());
    WriterResult& result = results[writer];
    for (const tinyxml2::XMLElement* test = suite->FirstChildElement("testcase"); test != nullptr;
         test = test->NextSiblingElement("testcase")) {
      ++result.tests;
      std::string rule;
      if (const tinyxml2::XMLElement* props = test->FirstChildElement("properties")) {
        for (const tinyxml2::XMLElement* p = props->FirstChildElement("property"); p != nullptr;
             p = p->NextSiblingElement("property")) {
          if (p->Attribute("name", "rule") && p->Attribute("value")) rule = p->Attribute("value");
        }
      }
      const char* test_name = test->Attribute("name") ? test->Attribute("name") : "?";
      if (rule.empty()) {
        std::cout << writer << "." << test_name << ": no \"rule\" property\n";
        ++problems;
      }
      if (test->Attribute("result", "skipped")) ++result.skipped;
      if (test->FirstChildElement("failure") != nullptr) {
        result.failed_rules.insert(rule);
        result.failed_tests.insert(test_name);
      }
    }
  }

  int checks = 0;
  for (const auto& [writer, result] : results) checks = std::max(checks, result.tests);
  std::printf("%-28s %-6s %-7s %-44s %s\n", "writer", "tests", "skipped", "failed rules",
              "verdict");
  for (const auto& [writer, rules] : expected) {
    auto it = results.find(writer);
    if (it == results.end()) {
      std::printf("%-28s %-6s %-7s %-44s %s\n", writer.c_str(), "-", "-", "-", "NOT RUN");
      ++problems;
      continue;
    }
    const WriterResult& r = it->second;
    const bool ok = r.failed_rules == rules && r.tests == checks;
    std::printf("%-28s %-6d %-7d %-44s %s\n", writer.c_str(), r.tests, r.skipped,
                Join(r.failed_rules).c_str(), ok ? "ok" : ("EXPECTED " + Join(rules)).c_str());
    if (!ok) ++problems;
  }
  for (const auto& [writer, result] : results) {
    if (expected.count(writer) == 0) {
      std::printf("%-28s not in %s\n", writer.c_str(), argv[2]);
      ++problems;
    }
  }
  return problems == 0 ? 0 : 1;
}
