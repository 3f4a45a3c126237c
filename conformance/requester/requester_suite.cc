#include "vsssim/conformance/requester_suite.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "conformance/requester/checks.h"

namespace vsssim::conformance {
namespace {

using CheckFn = void (*)(const RequesterUnderTest&, Reporter&);

// One test per check: its name, the rule it records and every rule it reports.
// docs/conformance-requester.md describes each; keep the two in step. Every check also
// reports the common rules of judge.h (coordinator findings, REQ-LIFE-01, ASYNC-02,
// REQ-STAT-01).
struct Check {
  const char* name;
  const char* rule;
  const char* rules;
  CheckFn run;
};

constexpr Check kChecks[] = {
    {"FullBackup", "REQ-ORDER-15",
     "REQ-ORDER-15,REQ-ORDER-16,REQ-ORDER-17,REQ-LIFE-01,REQ-LIFE-05,REQ-STAT-01,ASYNC-02",
     requester_checks::FullBackup},
    {"SlowWritersArePending", "ASYNC-02", "ASYNC-02,ASYNC-03,REQ-ORDER-17",
     requester_checks::SlowWritersArePending},
    {"SnapshotSetInProgress", "LIM-12", "LIM-12,REQ-CALL-12",
     requester_checks::SnapshotSetInProgress},
    {"WriterFailureAtEachPhase", "REQ-ABORT-02",
     "REQ-ABORT-01,REQ-ABORT-02,REQ-ABORT-03,REQ-ORDER-15,REQ-STAT-01,REQ-STAT-05,REQ-LIFE-01,"
     "ASYNC-02",
     requester_checks::WriterFailureAtEachPhase},
    {"RestoreDuties", "REQ-RST-08", "REQ-RST-03,REQ-RST-07,REQ-RST-08,REQ-RST-09,REQ-STAT-01",
     requester_checks::RestoreDuties},
};

class RequesterCheck : public ::testing::Test {
 public:
  RequesterCheck(RequesterUnderTest requester, const Check& check)
      : requester_(std::move(requester)), check_(check) {}

  void TestBody() override {
    RecordProperty("rule", check_.rule);
    RecordProperty("rules", check_.rules);
    RecordProperty("requester", requester_.name);
    Reporter report("RequesterConformance/" + requester_.name + "." + check_.name);
    check_.run(requester_, report);
  }

 private:
  RequesterUnderTest requester_;
  const Check& check_;
};

class BadRegistration : public ::testing::Test {
 public:
  explicit BadRegistration(std::string why) : why_(std::move(why)) {}
  void TestBody() override { ADD_FAILURE() << why_; }

 private:
  std::string why_;
};

bool ValidName(const std::string& name) {
  if (name.empty()) return false;
  for (char c : name) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

void RegisterRequesterSuite(RequesterUnderTest requester) {
  std::string why;
  if (!ValidName(requester.name)) {
    why = "RegisterRequesterSuite: requester name '" + requester.name + "' is not [A-Za-z0-9_]+";
  } else if (!requester.create) {
    why = "RegisterRequesterSuite: requester '" + requester.name + "' has no factory";
  }
  if (!why.empty()) {
    ::testing::RegisterTest("RequesterConformance", "InvalidRegistration", nullptr, nullptr,
                            __FILE__, __LINE__,
                            [why]() -> ::testing::Test* { return new BadRegistration(why); });
    return;
  }
  const std::string suite = "RequesterConformance/" + requester.name;
  for (const Check& check : kChecks) {
    ::testing::RegisterTest(
        suite.c_str(), check.name, nullptr, nullptr, __FILE__, __LINE__,
        [requester, &check]() -> ::testing::Test* { return new RequesterCheck(requester, check); });
  }
}

}  // namespace vsssim::conformance
