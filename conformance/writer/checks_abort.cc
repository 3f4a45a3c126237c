// Abnormal ends of a backup: the requester dies after every step (SIM-SHUT-01, WRT-SHUT-02/04),
// AbortBackup at every abortable point (SIM-ABORT-01, WRT-ABORT-03), Abort delivered twice
// (WRT-ABORT-02), the freeze window expiring (WRT-TIME-01, LIM-05), and writes between Freeze
// and Thaw (SIM-QUIESCE-01).
#include <gtest/gtest.h>

#include <string>

#include "conformance/writer/checks.h"
#include "conformance/writer/scenarios.h"

namespace vsssim::conformance::checks {
namespace {

// SIM-ABORT-01: each Abort the writer handled returned true and left it thawed and consistent.
void CheckAborts(World& world, Reporter& report, std::string_view rule) {
  for (const Reply& r : Replies(world)) {
    if (r.event != "Abort") continue;
    if (!r.returned && !r.threw) {
      report.Fail(rule, "OnAbort brings the application back and returns true",
                  "OnAbort returned false", r.entry);
    }
  }
  const std::string problem = ProbeWriter(world.writer());
  if (!problem.empty()) report.Fail(rule, "after OnAbort, no file frozen or half-written", problem);
}

}  // namespace

void RequesterDeathAtEveryStep(const WriterUnderTest& writer, Reporter& report) {
  constexpr const char* kRule = "SIM-SHUT-01";
  for (int stop = BackupRun::kGatherWriterMetadata; stop < BackupRun::kRelease; ++stop) {
    World world(writer);
    report.Watch(&world, std::string("requester dies after ") + BackupRun::StepName(stop));
    BackupRun run(world, "r1");
    run.RunRange(0, stop + 1);
    world.vss().Terminate(run.requester());
    // The coordinator's WriterDataMonitor compares the log files around BackupShutdown when
    // no successful BackupComplete came before it (the same check `vsssim run` makes).
    for (const trace::Entry* f : world.Findings({kRule})) {
      report.Fail(kRule,
                  "BackupShutdown without BackupComplete leaves DATABASE_LOGFILES intact: " +
                      std::string(f->Get("path")) + " " + std::string(f->Get("expected")),
                  f->Get("actual"), f);
    }
  }
}

void AbortAtEveryPoint(const WriterUnderTest& writer, Reporter& report) {
  constexpr const char* kRule = "SIM-ABORT-01";
  // Between requester calls, from PrepareForBackup on (REQ-ABORT-*), and inside DoSnapshotSet
  // once the writer is frozen.
  for (int after = BackupRun::kPrepareForBackup; after <= BackupRun::kSaveAsXml; ++after) {
    World world(writer);
    report.Watch(&world, std::string("AbortBackup after ") + BackupRun::StepName(after));
    BackupRun run(world, "r1");
    run.RunRange(0, after + 1);
    run.requester().AbortBackup();
    run.requester().AbortBackup();  // idempotent on the requester side too
    CheckAborts(world, report, kRule);
    run.Run(BackupRun::kRelease);
  }
  World world(writer);
  report.Watch(&world, "AbortBackup (cancel) while the writer is frozen");
  BackupRun run(world, "r1");
  coordinator::AsyncPtr async;
  if (RunUntilEvent(world, run, "Freeze", &async)) {
    async->Cancel();
    run.requester().AbortBackup();
    CheckAborts(world, report, kRule);
  }
  run.Run(BackupRun::kRelease);
}

void RepeatedAbortIsIdempotent(const WriterUnderTest& writer, Reporter& report) {
  constexpr const char* kRule = "WRT-ABORT-02";
  World world(writer);
  report.Watch(&world, "Abort while frozen, then Abort again");
  BackupRun run(world, "r1");
  coordinator::AsyncPtr async;
  if (!RunUntilEvent(world, run, "Freeze", &async)) {
    GTEST_SKIP() << "the writer never reaches Freeze (see FullBackup)";
  }
  async->Cancel();
  // VSS may deliver Abort more than once for one operation (W:aborting-vss-operations).
  SuiteHost host;
  bool second = false;
  try {
    world.writer().AttachHost(&host);
    second = world.writer().OnAbort();
  } catch (...) {
    world.writer().AttachHost(nullptr);
    report.Fail(kRule, "a second OnAbort returns normally", "it threw");
    return;
  }
  world.writer().AttachHost(nullptr);
  if (!second) report.Fail(kRule, "a second OnAbort returns true", "it returned false");
  const std::string problem = ProbeWriter(world.writer());
  if (!problem.empty())
    report.Fail(kRule, "after a repeated OnAbort, the writer is thawed", problem);
  run.Run(BackupRun::kRelease);
}

void FreezeWindowExpiry(const WriterUnderTest& writer, Reporter& report) {
  constexpr const char* kRule = "WRT-TIME-01";
  WorldOptions options;
  options.slow_companion = true;
  World world(writer, options);
  report.Watch(&world, "a companion writer outlasts the freeze window");
  BackupRun run(world, "r1");
  run.RunRange(0, BackupRun::kDoSnapshotSet);
  run.Run(BackupRun::kDoSnapshotSet);
  const std::vector<std::string> events = SessionEvents(world, "r1");
  const bool frozen = std::find(events.begin(), events.end(), "Freeze") != events.end();
  if (!frozen) GTEST_SKIP() << "the writer never reaches Freeze (see FullBackup)";
  for (const Reply& r : Replies(world)) {
    if (r.event == "Freeze" && r.spent >= world.writer().identity().freeze_timeout) {
      report.Fail(kRule, "OnFreeze returns well within the freeze window (WRT-TIME-02)",
                  "it took " + runtime::FormatDuration(r.spent), r.entry);
    }
  }
  if (events.back() != "Abort") {
    report.Fail(kRule, "the expired window ends with Abort", "last event " + events.back());
    return;
  }
  CheckAborts(world, report, kRule);
  run.requester().AbortBackup();
  run.Run(BackupRun::kRelease);
}

void QuiescentBetweenFreezeAndThaw(const WriterUnderTest& writer, Reporter& report) {
  constexpr const char* kRule = "SIM-QUIESCE-01";
  WorldOptions options;
  options.flush = std::chrono::milliseconds(50);  // the application keeps running meanwhile
  World world(writer, options);
  report.Watch(&world, "full backup, 50 ms provider flush while frozen");
  BackupRun run(world, "r1");
  run.RunAll();
  for (const trace::Entry* f : world.Findings({kRule})) {
    report.Fail(kRule, "no write reaches the writer's files between Freeze and Thaw",
                std::string(f->name) + " " + std::string(f->Get("path")), f);
  }
}

}  // namespace vsssim::conformance::checks
