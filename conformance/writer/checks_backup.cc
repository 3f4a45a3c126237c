// Backup checks: one whole backup chain of each type the writer's schema allows (BT-02), each
// backup with the documented event sequence and results (WRT-SEQ-01), stamps for a
// TIMESTAMPED writer (STAMP-01/03), the chains of BT-06, and no log truncation in a COPY
// backup (BT-05).
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "conformance/writer/checks.h"
#include "conformance/writer/scenarios.h"
#include "vsssim/metadata/file_semantics.h"

namespace vsssim::conformance::checks {
namespace {

using vss::BackupType;

// The files of `before` that are missing or smaller in `after`, as text; empty if none.
std::string Shrunk(const std::vector<std::pair<std::string, std::uint64_t>>& before,
                   const std::vector<std::pair<std::string, std::uint64_t>>& after) {
  std::map<std::string, std::uint64_t> now(after.begin(), after.end());
  std::string out;
  for (const auto& [path, size] : before) {
    auto it = now.find(path);
    if (it == now.end()) {
      out += path + " deleted (was " + std::to_string(size) + " bytes); ";
    } else if (it->second < size) {
      out += path + " shrank " + std::to_string(size) + " -> " + std::to_string(it->second) +
             " bytes; ";
    }
  }
  return out;
}

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
  const auto logs_before = world.Sizes(world.FileSets(World::Sets::kLogs));

  BackupPlan plan;
  plan.type = type == BackupType::VSS_BT_COPY ? type : BackupType::VSS_BT_FULL;
  BackupOutcome base = RunCheckedBackup(world, report, rule, "base", plan);
  if (base.threw) GTEST_SKIP() << "an exception escaped a handler: see NoExceptionEscapes";
  if (!base.ok) return;
  CheckStamps(world, report, rule, base, selected, "the base backup");
  if (type == BackupType::VSS_BT_COPY) {  // BT-05: COPY never truncates logs
    // Right after Release: the application's new commits must not hide a truncation.
    const std::string shrunk = Shrunk(logs_before, world.Sizes(world.FileSets(World::Sets::kLogs)));
    if (!shrunk.empty()) {
      report.Fail(rule, "BT-05: a COPY backup leaves the log files (DATABASE_LOGFILES) intact",
                  shrunk);
    }
    return;
  }
  if (type == BackupType::VSS_BT_FULL) return;
  LetApplicationRun(world);

  // BT-06: incremental and log chains build on the previous backup; differentials on the
  // full one. STAMP-02: the requester passes the stamps back unchanged.
  Stamps previous = base.stamps;
  for (const char* name : {"second", "third"}) {
    plan.type = type;
    plan.previous_stamps = previous;
    BackupOutcome next = RunCheckedBackup(world, report, rule, name, plan);
    if (next.threw) GTEST_SKIP() << "an exception escaped a handler: see NoExceptionEscapes";
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
