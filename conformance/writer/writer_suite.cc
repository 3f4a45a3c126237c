#include "vsssim/conformance/writer_suite.h"

#include <gtest/gtest.h>

#include <iostream>
#include <string>
#include <utility>

#include "conformance/writer/checks.h"
#include "conformance/writer/wall_times.h"

namespace vsssim::conformance {
namespace {

using CheckFn = void (*)(const WriterUnderTest&, Reporter&);

// One test per check: its name, the rule it records (the rule a failure means) and every
// rule it covers. docs/conformance-suite.md describes each; keep the two in step.
struct Check {
  const char* name;
  const char* rule;
  const char* rules;
  CheckFn run;
};

constexpr Check kChecks[] = {
    {"MetadataIsValid", "WRT-IDENTIFY-05", "WRT-IDENTIFY-04,WRT-IDENTIFY-05,WMD-01..WMD-12",
     checks::MetadataIsValid},
    {"IdentifyIsDeterministic", "WRT-IDENTIFY-02", "WRT-IDENTIFY-02",
     checks::IdentifyIsDeterministic},
    {"IdentifyInjectedAnywhere", "SIM-IDENTIFY-01", "SIM-IDENTIFY-01,WRT-IDENTIFY-01",
     checks::IdentifyInjectedAnywhere},
    {"FullBackup", "WRT-SEQ-01", "WRT-SEQ-01,STAMP-01", checks::FullBackup},
    {"CopyBackup", "BT-05", "BT-02,BT-05,WRT-SEQ-01", checks::CopyBackup},
    {"IncrementalBackup", "STAMP-03", "BT-02,BT-06,STAMP-01,STAMP-03,WRT-SEQ-01",
     checks::IncrementalBackup},
    {"DifferentialBackup", "BT-06", "BT-02,BT-06,STAMP-01,STAMP-03,WRT-SEQ-01",
     checks::DifferentialBackup},
    {"LogBackup", "BT-04", "BT-02,BT-04,STAMP-01,WRT-SEQ-01", checks::LogBackup},
    {"RequesterDeathAtEveryStep", "SIM-SHUT-01", "SIM-SHUT-01,WRT-SHUT-02,WRT-SHUT-04",
     checks::RequesterDeathAtEveryStep},
    {"AbortAtEveryPoint", "SIM-ABORT-01", "SIM-ABORT-01,WRT-ABORT-03", checks::AbortAtEveryPoint},
    {"RepeatedAbortIsIdempotent", "WRT-ABORT-02", "WRT-ABORT-02",
     checks::RepeatedAbortIsIdempotent},
    {"FreezeWindowExpiry", "WRT-TIME-01", "WRT-TIME-01,WRT-TIME-02,LIM-05",
     checks::FreezeWindowExpiry},
    {"ReuseAfterRequesterDeath", "WRT-SHUT-01", "WRT-SHUT-01,WRT-SEQ-01",
     checks::ReuseAfterRequesterDeath},
    {"ReuseAfterAbort", "WRT-ABORT-03", "WRT-ABORT-03,WRT-SEQ-01", checks::ReuseAfterAbort},
    {"QuiescentBetweenFreezeAndThaw", "SIM-QUIESCE-01", "SIM-QUIESCE-01",
     checks::QuiescentBetweenFreezeAndThaw},
    {"VetoUsesDocumentedCode", "WRT-ERR-01", "WRT-ERR-01,WRT-ERR-02,WRT-ERR-03",
     checks::VetoUsesDocumentedCode},
    {"HandlerPlacement", "WRT-CALL-01",
     "WRT-CALL-01..WRT-CALL-24,BCD-WIN-01..BCD-WIN-05,WRT-IDENTIFY-03,WRT-SHUT-03,WRT-BC-01",
     checks::HandlerPlacement},
    {"ThreadRule", "WRT-THREAD-01", "WRT-THREAD-01", checks::ThreadRule},
    {"NoExceptionEscapes", "WRT-RET-02", "WRT-RET-02", checks::NoExceptionEscapes},
    {"VetoSetsWriterFailure", "WRT-RET-01", "WRT-RET-01,WRT-RET-03", checks::VetoSetsWriterFailure},
    {"RestoreFromFullBackup", "SIM-DATA-01", "SIM-DATA-01,WRT-SEQ-02,WRT-SEQ-12",
     checks::RestoreFromFullBackup},
    // Last, so that it usually reports a block an earlier check measured (wall_times.h).
    {"HandlersDoNotBlock", "WRT-TIME-01", "WRT-TIME-01,WRT-TIME-02,LIM-05,WRT-TIME-05",
     checks::HandlersDoNotBlock},
};

constexpr const char* kBlockCheck = "HandlersDoNotBlock";

// Prints the slowest handlers (wall time) once every test has run.
class WallTimeSummary : public ::testing::Environment {
 public:
  void TearDown() override { WallTimes::Get().PrintSummary(std::cout, 5); }
};

class WriterCheck : public ::testing::Test {
 public:
  WriterCheck(WriterUnderTest writer, const Check& check)
      : writer_(std::move(writer)), check_(check) {}

  void TestBody() override {
    RecordProperty("rule", check_.rule);
    RecordProperty("rules", check_.rules);
    RecordProperty("writer", writer_.name);
    Reporter report("WriterConformance/" + writer_.name + "." + check_.name);
    // Once a handler of this writer blocked past its real timeout, its other checks skip with
    // that reason; HandlersDoNotBlock reports it (docs/conformance.md, "Wall time").
    const bool block_check = std::string(check_.name) == kBlockCheck;
    if (!block_check) {
      if (const Block* b = WallTimes::Get().BlockOf(writer_.name)) {
        GTEST_SKIP() << b->what << " (" << b->rule << "): see " << kBlockCheck;
      }
    }
    try {
      check_.run(writer_, report);
    } catch (const WriterBlocked&) {  // thrown by BackupRun; reported below
    }
    // The suite's own requester follows §2 in every run: a REQ-* finding is a suite bug.
    for (const std::string& finding : TakeSuiteRequesterFindings()) {
      ADD_FAILURE() << "vsssim suite bug (not the writer's): the suite's requester broke "
                    << finding;
    }
    if (!block_check) {
      if (const Block* b = WallTimes::Get().BlockOf(writer_.name)) {
        GTEST_SKIP() << b->what << " (" << b->rule << "): see " << kBlockCheck;
      }
    }
  }

 private:
  WriterUnderTest writer_;
  const Check& check_;
};

// A writer that cannot be registered: one failing test says why.
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

void RegisterWriterSuite(WriterUnderTest writer) {
  std::string why;
  if (!ValidName(writer.name)) {
    why = "RegisterWriterSuite: writer name '" + writer.name + "' is not [A-Za-z0-9_]+";
  } else if (!writer.create) {
    why = "RegisterWriterSuite: writer '" + writer.name + "' has no factory";
  }
  if (!why.empty()) {
    ::testing::RegisterTest("WriterConformance", "InvalidRegistration", nullptr, nullptr, __FILE__,
                            __LINE__,
                            [why]() -> ::testing::Test* { return new BadRegistration(why); });
    return;
  }
  static bool summary = false;
  if (!summary) {
    summary = true;
    ::testing::AddGlobalTestEnvironment(new WallTimeSummary);  // gtest owns it
  }
  const std::string suite = "WriterConformance/" + writer.name;
  for (const Check& check : kChecks) {
    ::testing::RegisterTest(
        suite.c_str(), check.name, nullptr, nullptr, __FILE__, __LINE__,
        [writer, &check]() -> ::testing::Test* { return new WriterCheck(writer, check); });
  }
}

}  // namespace vsssim::conformance
