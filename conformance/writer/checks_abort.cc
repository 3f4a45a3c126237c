// Abnormal ends of a backup: the requester dies after every step (SIM-SHUT-01, WRT-SHUT-02/04),
// AbortBackup at every abortable point (SIM-ABORT-01, WRT-ABORT-03), Abort delivered twice
// (WRT-ABORT-02), the freeze window expiring (WRT-TIME-01, LIM-05), and writes between Freeze
// and Thaw (SIM-QUIESCE-01).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "conformance/writer/checks.h"
#include "conformance/writer/scenarios.h"

namespace vsssim::conformance::checks {
namespace {

// SIM-ABORT-01: each Abort the writer handled returned true and left it thawed and consistent.
// Looks through the WriterProbe when there is one; else (probe-free) the application must
// write to its files again after OnAbort when it did before the backup (`active_before`).
// Returns false when it could not look (no probe, no writes seen before).
bool CheckAborts(World& world, Reporter& report, std::string_view rule, bool active_before) {
  for (const Reply& r : Replies(world)) {
    if (r.event != "Abort") continue;
    if (!r.returned && !r.threw) {
      report.Fail(rule, "OnAbort brings the application back and returns true",
                  "OnAbort returned false", r.entry);
    }
  }
  if (HasProbe(world.writer())) {
    const std::string problem = ProbeWriter(world.writer());
    if (!problem.empty()) {
      report.Fail(rule, "after OnAbort, no file frozen or half-written", problem);
    }
    return true;
  }
  if (!active_before) return false;
  const std::string problem = WritesResumeAfterAbort(world);
  if (!problem.empty()) report.Fail(rule, "after OnAbort, the application runs again", problem);
  return true;
}

// Runs `run` up to and including AddComponents (the writer's file sets are known from then
// on) and gives the application time: whether its files changed (probe-free look).
bool RunAndWatchActivity(World& world, BackupRun& run) {
  run.RunRange(0, BackupRun::kAddComponents + 1);
  const std::string before = LiveFilesDigest(world);
  LetApplicationRun(world);
  return !before.empty() &&
         (LiveFilesDigest(world) != before || FilesChangeInRealTime(world, before));
}

constexpr const char* kCannotLook =
    "the writer has no WriterProbe and its application wrote nothing to its files before the "
    "backup, so whether OnAbort brings it back cannot be seen (writer_plugin.h: "
    "VSSSIM_WRITER_PLUGIN_PROBE_FUNCTION; writer_suite.h: WriterProbe)";

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
  int judged = 0;
  // Between requester calls, from PrepareForBackup on (REQ-ABORT-*), and inside DoSnapshotSet
  // once the writer is frozen.
  for (int after = BackupRun::kPrepareForBackup; after <= BackupRun::kSaveAsXml; ++after) {
    World world(writer);
    report.Watch(&world, std::string("AbortBackup after ") + BackupRun::StepName(after));
    BackupRun run(world, "r1");
    const bool active = RunAndWatchActivity(world, run);
    run.RunRange(BackupRun::kAddComponents + 1, after + 1);
    run.requester().AbortBackup();
    run.requester().AbortBackup();  // idempotent on the requester side too
    judged += CheckAborts(world, report, kRule, active) ? 1 : 0;
    run.Run(BackupRun::kRelease);
  }
  {
    World world(writer);
    report.Watch(&world, "AbortBackup (cancel) while the writer is frozen");
    BackupRun run(world, "r1");
    coordinator::AsyncPtr async;
    const bool active = RunAndWatchActivity(world, run);
    if (RunUntilEvent(world, run, "Freeze", &async, BackupRun::kAddComponents + 1)) {
      async->Cancel();
      run.requester().AbortBackup();
      judged += CheckAborts(world, report, kRule, active) ? 1 : 0;
    }
    run.Run(BackupRun::kRelease);
  }
  {
    // WRT-ABORT-01(b): the freeze window expires (a companion outlasts it) and VSS aborts.
    WorldOptions options;
    options.slow_companion = true;
    World world(writer, options);
    report.Watch(&world, "the freeze window expires, VSS aborts");
    BackupRun run(world, "r1");
    const bool active = RunAndWatchActivity(world, run);
    run.RunRange(BackupRun::kAddComponents + 1, BackupRun::kDoSnapshotSet + 1);
    const std::vector<std::string> events = SessionEvents(world, "r1");
    if (!events.empty() && events.back() == "Abort") {
      judged += CheckAborts(world, report, kRule, active) ? 1 : 0;
    }
    run.requester().AbortBackup();
    run.Run(BackupRun::kRelease);
  }
  if (judged == 0 && report.failures() == 0) GTEST_SKIP() << kCannotLook;
}

void RepeatedAbortIsIdempotent(const WriterUnderTest& writer, Reporter& report) {
  constexpr const char* kRule = "WRT-ABORT-02";
  World world(writer);
  report.Watch(&world, "Abort while frozen, then Abort again");
  BackupRun run(world, "r1");
  coordinator::AsyncPtr async;
  const bool active = RunAndWatchActivity(world, run);
  if (!RunUntilEvent(world, run, "Freeze", &async, BackupRun::kAddComponents + 1)) {
    GTEST_SKIP() << "the writer never reaches Freeze (see FullBackup)";
  }
  async->Cancel();
  // Root cause: a first OnAbort that already fails is AbortAtEveryPoint's (SIM-ABORT-01).
  for (const Reply& r : Replies(world)) {
    if (r.event == "Abort" && !r.returned) {
      GTEST_SKIP() << "the first OnAbort already returned false: see AbortAtEveryPoint";
    }
  }
  const bool first_failed = HasProbe(world.writer())
                                ? !ProbeWriter(world.writer()).empty()
                                : active && !WritesResumeAfterAbort(world).empty();
  if (first_failed) {
    GTEST_SKIP() << "the first OnAbort already left the writer frozen: see AbortAtEveryPoint";
  }
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
  if (HasProbe(world.writer())) {
    const std::string problem = ProbeWriter(world.writer());
    if (!problem.empty())
      report.Fail(kRule, "after a repeated OnAbort, the writer is thawed", problem);
  } else if (active) {
    const std::string problem = WritesResumeAfterAbort(world);
    if (!problem.empty())
      report.Fail(kRule, "after a repeated OnAbort, the application runs again", problem);
  }
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
  // What OnAbort does after the expiry is SIM-ABORT-01: AbortAtEveryPoint runs this case too.
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
