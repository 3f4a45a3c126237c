// Backup checks: one whole backup chain of each type the writer's schema allows (BT-02), each
// backup with the documented event sequence and results (WRT-SEQ-01), stamps for a
// TIMESTAMPED writer (STAMP-01/03), the chains of BT-06, and no log truncation in a COPY
// backup (BT-05).
#include <gtest/gtest.h>

#include <string>

#include "conformance/writer/checks.h"
#include "conformance/writer/scenarios.h"
#include "vsssim/metadata/file_semantics.h"

namespace vsssim::conformance::checks {
namespace {

using vss::BackupType;

// STAMP-01: a TIMESTAMPED writer stamps every selected component of its backups.
void CheckStamps(const World& world, Reporter& report, std::string_view rule,
                 const BackupOutcome& outcome, int selected, const std::string& backup) {
  if (!vss::HasAll(world.metadata().backup_schema, vss::BackupSchema::VSS_BS_TIMESTAMPED)) return;
  if (static_cast<int>(outcome.stamps.size()) < selected) {
    report.Fail(rule,
                "STAMP-01: a TIMESTAMPED writer sets a backup stamp on each of its " +
                    std::to_string(selected) + " selected components in " + backup,
                std::to_string(outcome.stamps.size()) + " stamps in the saved BCD");
  }
}

// BT-05: COPY never truncates logs. The coordinator's WriterDataMonitor compares the writer's
// DATABASE_LOGFILES files around each of its handlers in the COPY backup (the same check
// `vsssim run` makes).
void CheckCopyKeptLogs(const World& world, Reporter& report, std::string_view rule) {
  for (const trace::Entry* f : world.Findings({"BT-05"})) {
    report.Fail(rule,
                "BT-05: a COPY backup leaves the log files (DATABASE_LOGFILES) intact: " +
                    std::string(f->Get("path")) + " " + std::string(f->Get("expected")),
                std::string(f->Get("actual")) + " after " + std::string(f->Get("event")), f);
  }
}

void RunChain(const WriterUnderTest& writer, Reporter& report, BackupType type,
              std::string_view rule) {
  World world(writer);
  report.Watch(&world,
               std::string("discovery, then a ") + std::string(vss::NameOf(type)) + " chain");
  int selected = 0;
  {
    BackupRun discovery(world, "discovery");
    discovery.RunRange(0, BackupRun::kStartSnapshotSet);
    selected = discovery.selected_count();
    discovery.Run(BackupRun::kRelease);
    if (!discovery.identified()) {
      report.Fail(rule, "the writer identifies (GatherWriterMetadata lists it)",
                  "it is not in the writer metadata list");
      return;
    }
  }
  if (!metadata::SchemaSupports(world.metadata().backup_schema, type)) {
    GTEST_SKIP() << "the writer's schema (" << vss::ToString(world.metadata().backup_schema)
                 << ") does not support " << vss::NameOf(type) << " (BT-02)";
  }
  LetApplicationRun(world);

  BackupPlan plan;
  plan.type = type == BackupType::VSS_BT_COPY ? type : BackupType::VSS_BT_FULL;
  BackupOutcome base = RunCheckedBackup(world, report, rule, "base", plan);
  if (!base.root_cause.empty()) GTEST_SKIP() << base.root_cause;
  if (type == BackupType::VSS_BT_COPY) CheckCopyKeptLogs(world, report, rule);
  if (!base.ok) return;
  CheckStamps(world, report, rule, base, selected, "the base backup");
  if (type == BackupType::VSS_BT_COPY) return;
  if (type == BackupType::VSS_BT_FULL) return;
  LetApplicationRun(world);

  // BT-06: incremental and log chains build on the previous backup; differentials on the
  // full one. STAMP-02: the requester passes the stamps back unchanged.
  Stamps previous = base.stamps;
  for (const char* name : {"second", "third"}) {
    plan.type = type;
    plan.previous_stamps = previous;
    BackupOutcome next = RunCheckedBackup(world, report, rule, name, plan);
    if (!next.root_cause.empty()) GTEST_SKIP() << next.root_cause;
    if (!next.ok) return;
    CheckStamps(world, report, rule, next, selected, std::string("the ") + name + " backup");
    if (type != BackupType::VSS_BT_DIFFERENTIAL) previous = next.stamps;
    LetApplicationRun(world);
  }
}

}  // namespace

void FullBackup(const WriterUnderTest& w, Reporter& r) {
  RunChain(w, r, BackupType::VSS_BT_FULL, "WRT-SEQ-01");
}
void CopyBackup(const WriterUnderTest& w, Reporter& r) {
  RunChain(w, r, BackupType::VSS_BT_COPY, "BT-05");
}
void IncrementalBackup(const WriterUnderTest& w, Reporter& r) {
  RunChain(w, r, BackupType::VSS_BT_INCREMENTAL, "STAMP-03");
}
void DifferentialBackup(const WriterUnderTest& w, Reporter& r) {
  RunChain(w, r, BackupType::VSS_BT_DIFFERENTIAL, "BT-06");
}
void LogBackup(const WriterUnderTest& w, Reporter& r) {
  RunChain(w, r, BackupType::VSS_BT_LOG, "BT-04");
}

}  // namespace vsssim::conformance::checks
