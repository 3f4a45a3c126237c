// requester_junit_check <expected_failures.txt> <junit.xml>...
// Reads the JUnit XML reports of the requester suite (GoogleTest's, from the gtest route or
// `vsssim conform --requester-plugin --junit`) and checks, per example requester and check,
// that the rule IDs named by its failures equal those expected_failures.txt lists (none when
// the check is not listed), that every requester of the table ran every check, and that the
// good requester skipped none. A failure names its rule on a line "rule <ID> broken" or
// "<ID>: ..." (both report formats). Exit 0 when all hold; else prints each difference and
// exits 1 (2 for unreadable input).
#include <tinyxml2.h>

#include <cctype>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>

namespace {

using Rules = std::set<std::string>;

std::string Join(const Rules& rules) {
  std::string out;
  for (const std::string& r : rules) out += (out.empty() ? "" : ",") + r;
  return out.empty() ? "-" : out;
}

bool IsRuleId(const std::string& s) {  // REQ-ORDER-15, ASYNC-02, LIM-12
  if (s.size() < 3 || !std::isupper(static_cast<unsigned char>(s[0]))) return false;
  bool dash = false;
  for (char c : s) {
    if (c == '-') {
      dash = true;
    } else if (!std::isupper(static_cast<unsigned char>(c)) &&
               !std::isdigit(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return dash && std::isdigit(static_cast<unsigned char>(s.back()));
}

Rules RulesIn(const std::string& message) {
  Rules out;
  std::stringstream in(message);
  std::string line;
  while (std::getline(in, line)) {
    std::stringstream words(line);
    std::string first, second, third;
    words >> first >> second >> third;
    if (first == "rule" && third == "broken" && IsRuleId(second)) out.insert(second);
    if (!first.empty() && first.back() == ':' && IsRuleId(first.substr(0, first.size() - 1))) {
      out.insert(first.substr(0, first.size() - 1));
    }
  }
  return out;
}

struct Case {
  Rules failed;
  bool skipped = false;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: requester_junit_check <expected_failures.txt> <junit.xml>...\n";
    return 2;
  }
  // requester -> check -> rules
  std::map<std::string, std::map<std::string, Rules>> expected;
  std::ifstream table(argv[1]);
  if (!table) {
    std::cerr << argv[1] << ": cannot read\n";
    return 2;
  }
  std::string line;
  for (int number = 1; std::getline(table, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    std::stringstream fields(line);
    std::string requester, item;
    fields >> requester;
    expected[requester];
    while (fields >> item) {
      if (item == "-") continue;
      const std::size_t eq = item.find('=');
      if (eq == std::string::npos) {
        std::cerr << argv[1] << ":" << number << ": expected <Check>=<RULE>[,<RULE>], got " << item
                  << "\n";
        return 2;
      }
      std::stringstream rules(item.substr(eq + 1));
      std::string rule;
      while (std::getline(rules, rule, ',')) expected[requester][item.substr(0, eq)].insert(rule);
    }
  }
  std::map<std::string, std::map<std::string, Case>> actual;
  for (int i = 2; i < argc; ++i) {
    tinyxml2::XMLDocument doc;
    if (doc.LoadFile(argv[i]) != tinyxml2::XML_SUCCESS) {
      std::cerr << argv[i] << ": cannot read the JUnit XML\n";
      return 2;
    }
    const tinyxml2::XMLElement* suites = doc.FirstChildElement("testsuites");
    for (const tinyxml2::XMLElement* suite = suites ? suites->FirstChildElement("testsuite")
                                                    : nullptr;
         suite != nullptr; suite = suite->NextSiblingElement("testsuite")) {
      // The suite is "RequesterConformance/<requester>" in both formats. GoogleTest's own XML
      // names a test case by its check; vsssim's (UseJUnitReport) has one test case per
      // variant, "<Check> [<RULE>] <variant>": the check is its first word.
      const std::string suite_name = suite->Attribute("name") ? suite->Attribute("name") : "";
      const std::string prefix = "RequesterConformance/";
      if (suite_name.rfind(prefix, 0) != 0) continue;
      const std::string requester = suite_name.substr(prefix.size());
      for (const tinyxml2::XMLElement* test = suite->FirstChildElement("testcase"); test;
           test = test->NextSiblingElement("testcase")) {
        std::string check = test->Attribute("name") ? test->Attribute("name") : "";
        check = check.substr(0, check.find(' '));
        Case& c = actual[requester][check];
        const char* result = test->Attribute("result");
        c.skipped = c.skipped || (result != nullptr && std::string(result) == "skipped") ||
                    test->FirstChildElement("skipped") != nullptr;
        for (const tinyxml2::XMLElement* f = test->FirstChildElement("failure"); f;
             f = f->NextSiblingElement("failure")) {
          Rules rules = RulesIn(f->Attribute("message") ? f->Attribute("message") : "");
          if (const char* type = f->Attribute("type"); type != nullptr && IsRuleId(type)) {
            rules.insert(type);
          }
          c.failed.insert(rules.begin(), rules.end());
          if (rules.empty()) c.failed.insert("(no rule)");
        }
      }
    }
  }
  int problems = 0;
  for (const auto& [requester, checks] : expected) {
    auto found = actual.find(requester);
    if (found == actual.end() || found->second.empty()) {
      std::cerr << requester << ": no check ran\n";
      ++problems;
      continue;
    }
    for (const auto& [check, c] : found->second) {
      auto want = checks.find(check);
      const Rules rules = want == checks.end() ? Rules{} : want->second;
      if (c.failed != rules) {
        std::cerr << requester << "." << check << ": failed " << Join(c.failed) << ", expected "
                  << Join(rules) << "\n";
        ++problems;
      }
      if (checks.empty() && c.skipped) {
        std::cerr << requester << "." << check << ": skipped (the good requester must be judged)\n";
        ++problems;
      }
    }
    for (const auto& [check, rules] : checks) {
      if (found->second.count(check) == 0) {
        std::cerr << requester << "." << check << ": expected to fail " << Join(rules)
                  << " but did not run\n";
        ++problems;
      }
    }
  }
  for (const auto& [requester, checks] : actual) {
    if (expected.count(requester) == 0) {
      std::cerr << requester << ": ran but is not in " << argv[1] << "\n";
      ++problems;
    }
  }
  std::cout << (problems == 0 ? "every requester failed exactly its expected rules\n" : "");
  return problems == 0 ? 0 : 1;
}
