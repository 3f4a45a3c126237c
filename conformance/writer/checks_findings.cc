// Checks read from the coordinator's findings over a set of representative runs: documented
// failure codes on a veto (WRT-ERR-01/02, WRT-ERR-03), the handler-placement matrix of §3.6
// (WRT-CALL-*, BCD-WIN-*), the thread rule (WRT-THREAD-01) and no exception escaping a handler
// (WRT-RET-02), vetoes with SetWriterFailure (WRT-RET-01) and no handler blocking in real time
// past its timeout (WRT-TIME-01, GAP-05).
#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "conformance/writer/checks.h"
#include "conformance/writer/scenarios.h"
#include "conformance/writer/wall_times.h"
#include "vsssim/metadata/file_semantics.h"

namespace vsssim::conformance::checks {
namespace {

using Scenario = std::function<void(World&)>;

struct NamedScenario {
  const char* name;
  WorldOptions options;
  Scenario run;
};

void Full(World& world) { BackupRun(world, "full").RunAll(); }

// FULL, then the writer's incremental (or differential, or log) chain on the stamps of it.
void Chain(World& world) {
  BackupRun full(world, "full");
  full.RunAll();
  const vss::BackupSchema schema = world.metadata().backup_schema;
  BackupPlan plan;
  plan.previous_stamps = full.SavedStamps();
  for (vss::BackupType t : {vss::BackupType::VSS_BT_INCREMENTAL,
                            vss::BackupType::VSS_BT_DIFFERENTIAL, vss::BackupType::VSS_BT_LOG}) {
    if (metadata::SchemaSupports(schema, t)) {
      plan.type = t;
      break;
    }
  }
  LetApplicationRun(world);
  BackupRun(world, "next", plan).RunAll();
}

void MissingVolume(World& world) {
  BackupRun discovery(world, "discovery");
  discovery.RunRange(0, BackupRun::kAddComponents);
  discovery.Run(BackupRun::kRelease);
  RunMissingVolumeBackup(world, "partial");
}

void AbortWhileFrozen(World& world) {
  BackupRun run(world, "aborted");
  coordinator::AsyncPtr async;
  if (RunUntilEvent(world, run, "Freeze", &async)) async->Cancel();
  run.requester().AbortBackup();
  run.Run(BackupRun::kRelease);
}

void DeathAfterSnapshot(World& world) {
  BackupRun run(world, "dies");
  run.RunRange(0, BackupRun::kSetBackupSucceeded);
  world.vss().Terminate(run.requester());
}

// Runs each scenario in a fresh world and reports every finding of `rules` from the writer.
void ReportFindings(const WriterUnderTest& writer, Reporter& report,
                    const std::vector<std::string>& rules, const std::string& expected,
                    const std::vector<NamedScenario>& scenarios) {
  for (const NamedScenario& s : scenarios) {
    World world(writer, s.options);
    report.Watch(&world, s.name);
    s.run(world);
    for (const trace::Entry* f : world.Findings(rules)) {
      std::string actual(f->name);
      for (const auto& a : f->attributes)
        actual += " " + std::string(a.key) + "=" + std::string(a.value);
      report.Fail(f->rule, expected, actual, f);
    }
  }
}

}  // namespace

void VetoUsesDocumentedCode(const WriterUnderTest& writer, Reporter& report) {
  ReportFindings(writer, report, {"WRT-ERR-01", "WRT-ERR-02"},
                 "SetWriterFailure(Ex) with a documented VSS_E_WRITERERROR_* code",
                 {{"full backup", {}, Full},
                  {"snapshot set without the writer's volumes (WRT-ERR-03)", {}, MissingVolume}});
}

void HandlerPlacement(const WriterUnderTest& writer, Reporter& report) {
  ReportFindings(writer, report,
                 {"WRT-CALL-*", "BCD-WIN-*", "WRT-IDENTIFY-03", "WRT-SHUT-03", "WRT-BC-01",
                  "STAMP-01", "BT-01"},
                 "each CVssWriter / IVssComponent call only in the handlers §3.6 allows",
                 {{"full backup", {}, Full},
                  {"full backup, then the writer's incremental/differential/log backup", {}, Chain},
                  {"AbortBackup while frozen", {}, AbortWhileFrozen}});
}

void ThreadRule(const WriterUnderTest& writer, Reporter& report) {
  ReportFindings(writer, report, {"WRT-THREAD-01"},
                 "SetWriterFailure(Ex) and GetSessionId on the thread that entered the handler",
                 {{"full backup", {}, Full},
                  {"snapshot set without the writer's volumes (WRT-ERR-03)", {}, MissingVolume},
                  {"AbortBackup while frozen", {}, AbortWhileFrozen}});
}

void NoExceptionEscapes(const WriterUnderTest& writer, Reporter& report) {
  WorldOptions slow;
  slow.slow_companion = true;
  ReportFindings(writer, report, {"WRT-RET-02"}, "no exception escapes a handler",
                 {{"full backup", {}, Full},
                  {"full backup, then the writer's incremental/differential/log backup", {}, Chain},
                  {"snapshot set without the writer's volumes", {}, MissingVolume},
                  {"AbortBackup while frozen", {}, AbortWhileFrozen},
                  {"requester dies after DoSnapshotSet", {}, DeathAfterSnapshot},
                  {"freeze window expires", slow, [](World& world) {
                     BackupRun run(world, "expired");
                     run.RunRange(0, BackupRun::kRelease);
                     run.Run(BackupRun::kRelease);
                   }}});
}

void VetoSetsWriterFailure(const WriterUnderTest& writer, Reporter& report) {
  constexpr const char* kRule = "WRT-RET-01";
  const std::vector<NamedScenario> scenarios = {
      {"full backup", {}, Full},
      {"full backup, then the writer's incremental/differential/log backup", {}, Chain},
      {"snapshot set without the writer's volumes (WRT-ERR-03)", {}, MissingVolume},
      {"AbortBackup while frozen", {}, AbortWhileFrozen}};
  for (const NamedScenario& s : scenarios) {
    World world(writer, s.options);
    report.Watch(&world, s.name);
    s.run(world);
    // A SetWriterFailure from another thread is not recorded: that is ThreadRule's finding.
    if (!world.Findings({"WRT-THREAD-01"}).empty()) continue;
    for (const Reply& r : Replies(world)) {
      if (!IsVetoWithoutFailure(r)) continue;
      report.Fail(kRule,
                  "a handler returns false only on a fatal error, after SetWriterFailure(Ex) "
                  "(WRT-RET-03: a veto is SetWriterFailure + return false)",
                  "the " + r.event + " handler returned false without SetWriterFailure", r.entry);
    }
  }
}

void HandlersDoNotBlock(const WriterUnderTest& writer, Reporter& report) {
  // The wall time of every handler is measured in every check (World, wall_times.h); the first
  // block of this writer may have come from an earlier check. Else this check looks itself.
  const Block* block = WallTimes::Get().BlockOf(writer.name);
  // Outlives the report below: the reporter quotes the watched world's trace when it fails.
  std::optional<World> world;
  if (block == nullptr) {
    world.emplace(writer);
    report.Watch(&*world, "full backup, wall time of each handler");
    try {
      Full(*world);
    } catch (const WriterBlocked&) {
    }
    block = WallTimes::Get().BlockOf(writer.name);
  } else {
    report.Watch(nullptr, "wall time of each handler, first seen in " + block->handler.test);
  }
  if (block == nullptr) return;
  report.Fail(block->rule,
              block->rule == std::string("WRT-TIME-01")
                  ? "OnFreeze returns well within the writer's freeze timeout (dwTimeoutFreeze " +
                        runtime::FormatDuration(block->timeout) + ", LIM-05, WRT-TIME-02)"
                  : "each handler returns before VSS stops waiting for the writer (" +
                        runtime::FormatDuration(block->timeout) + ", GAP-05)",
              block->what + " (in " + block->handler.test + ")");
}

}  // namespace vsssim::conformance::checks
