// suite_junit_check <junit.xml> <expected_failures.txt>
// Reads the JUnit report of the example writers (vsssim's format, vsssim/conformance/
// junit_report.h: one <testcase> per check variant named "<Check> [<RULE>] <variant>", at most
// one <failure> whose type is the broken rule) and checks, per writer, that the set of rule IDs
// its failures name equals the set expected_failures.txt declares, that it ran every check,
// that no case has more than one result element or an <error>, and that no writer outside the
// table ran. Exit 0 when all hold; otherwise prints every difference and exits 1 (2 for
// unreadable input).
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
  int tests = 0;  // test cases: check variants
  std::set<std::string> checks;
  std::set<std::string> failed_rules;
  int skipped = 0;
};

int CountChildren(const tinyxml2::XMLElement* test, const char* name) {
  int n = 0;
  for (const tinyxml2::XMLElement* e = test->FirstChildElement(name); e != nullptr;
       e = e->NextSiblingElement(name)) {
    ++n;
  }
  return n;
}

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
      const std::string name = test->Attribute("name") ? test->Attribute("name") : "?";
      result.checks.insert(name.substr(0, name.find(' ')));  // "<Check> [<RULE>] <variant>"
      const int errors = CountChildren(test, "error");
      const int elements = CountChildren(test, "failure") + errors + CountChildren(test, "skipped");
      if (elements > 1 || errors > 0) {
        std::cout << writer << ": " << name << ": " << elements << " result elements, " << errors
                  << " <error> (expected at most one <failure> or <skipped>, no <error>)\n";
        ++problems;
      }
      if (CountChildren(test, "skipped") > 0) ++result.skipped;
      if (const tinyxml2::XMLElement* failure = test->FirstChildElement("failure")) {
        const char* type = failure->Attribute("type");
        if (type == nullptr || *type == '\0') {
          std::cout << writer << ": " << name << ": <failure> without a rule in type\n";
          ++problems;
        } else {
          result.failed_rules.insert(type);
        }
      }
    }
  }

  std::set<std::string> checks;  // every check some writer ran: each writer must run them all
  for (const auto& [writer, result] : results)
    checks.insert(result.checks.begin(), result.checks.end());
  std::printf("%-28s %-6s %-7s %-44s %s\n", "writer", "cases", "skipped", "failed rules",
              "verdict");
  for (const auto& [writer, rules] : expected) {
    auto it = results.find(writer);
    if (it == results.end()) {
      std::printf("%-28s %-6s %-7s %-44s %s\n", writer.c_str(), "-", "-", "-", "NOT RUN");
      ++problems;
      continue;
    }
    const WriterResult& r = it->second;
    const bool ok = r.failed_rules == rules && r.checks == checks;
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
