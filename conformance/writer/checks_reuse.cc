// Reuse after an abnormal end (docs/conformance.md, "Reuse checks"): the same writer instance
// (the same World) must take part in a second full backup after a requester died
// (ReuseAfterRequesterDeath, WRT-SHUT-01: "clean up either way" in BackupShutdown) and after
// each kind of Abort (ReuseAfterAbort, WRT-ABORT-03: OnAbort "release temporary resources").
// A writer that keeps its backup lock, or vetoes the next backup, fails here.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "conformance/writer/checks.h"
#include "conformance/writer/scenarios.h"

namespace vsssim::conformance::checks {
namespace {

bool Delivered(const World& world, const std::string& requester, std::string_view event) {
  const std::vector<std::string> events = SessionEvents(world, requester);
  return std::find(events.begin(), events.end(), event) != events.end();
}

// One whole FULL backup by `requester`, nothing reported: every step succeeded and the writer
// got the documented sequence (WRT-SEQ-01).
bool QuietBackupSucceeds(World& world, const std::string& requester) {
  BackupRun run(world, requester);
  return run.RunAll().Succeeded() && SessionEvents(world, requester) == FullSequence();
}

// The reason a reuse check cannot judge: a fresh writer does not finish a full backup
// (FullBackup's, or a root cause's); empty when it does.
std::string FreshBackupProblem(const WriterUnderTest& writer) {
  World world(writer);
  if (QuietBackupSucceeds(world, "fresh")) return {};
  const std::string cause = RootCause(world);
  return cause.empty() ? "a fresh writer does not finish a full backup: see FullBackup" : cause;
}

// The requester dies after `stop` (before PostSnapshot ends nothing is frozen), then a second
// full backup on the same writer. Returns whether the reuse backup succeeded; reports under
// `rule` when `report` is given.
struct Ending {
  std::string label;
  std::function<void(World&, BackupRun&)> end;
};

// `root_cause` (when given) receives the reason the reuse backup cannot be judged (RootCause).
bool RunReuse(const WriterUnderTest& writer, const Ending& ending, Reporter* report,
              std::string_view rule, bool* aborted, std::string* root_cause = nullptr) {
  World world(writer);
  if (report != nullptr)
    report->Watch(&world, ending.label + ", then a FULL backup on the same writer");
  {
    BackupRun first(world, "first");
    ending.end(world, first);
  }
  if (aborted != nullptr) *aborted = Delivered(world, "first", "Abort");
  LetApplicationRun(world);
  if (report == nullptr) return QuietBackupSucceeds(world, "second");
  const BackupOutcome outcome = RunCheckedBackup(world, *report, rule, "second", BackupPlan{});
  if (root_cause != nullptr) *root_cause = outcome.root_cause;
  return outcome.ok;
}

Ending DeathAfter(int step) {
  return {std::string("requester dies after ") + BackupRun::StepName(step),
          [step](World& world, BackupRun& run) {
            run.RunRange(0, step + 1);
            world.vss().Terminate(run.requester());
          }};
}

}  // namespace

void ReuseAfterRequesterDeath(const WriterUnderTest& writer, Reporter& report) {
  constexpr const char* kRule = "WRT-SHUT-01";
  const std::string fresh = FreshBackupProblem(writer);
  if (!fresh.empty()) GTEST_SKIP() << fresh;
  int judged = 0;
  for (int stop = BackupRun::kPrepareForBackup; stop < BackupRun::kRelease; ++stop) {
    // A death that makes VSS deliver Abort is an abort case (ReuseAfterAbort judges those).
    bool aborted = false;
    if (!RunReuse(writer, DeathAfter(stop), nullptr, kRule, &aborted) && aborted) continue;
    std::string cause;
    RunReuse(writer, DeathAfter(stop), &report, kRule, nullptr, &cause);
    if (!cause.empty()) GTEST_SKIP() << cause;
    ++judged;
  }
  if (judged == 0)
    GTEST_SKIP() << "every requester death made VSS deliver Abort: see ReuseAfterAbort";
}

void ReuseAfterAbort(const WriterUnderTest& writer, Reporter& report) {
  constexpr const char* kRule = "WRT-ABORT-03";
  const std::string fresh = FreshBackupProblem(writer);
  if (!fresh.empty()) GTEST_SKIP() << fresh;
  // Root cause: a writer not reusable after a plain BackupShutdown without BackupComplete (no
  // Abort: the requester dies after PostSnapshot, WRT-ABORT-04) breaks WRT-SHUT-01, not this.
  if (!RunReuse(writer, DeathAfter(BackupRun::kSetBackupSucceeded), nullptr, kRule, nullptr)) {
    GTEST_SKIP() << "the writer is not reusable after a BackupShutdown without BackupComplete "
                    "either: see ReuseAfterRequesterDeath";
  }
  std::vector<Ending> endings;
  for (int after : {BackupRun::kPrepareForBackup, BackupRun::kAddToSnapshotSet}) {
    endings.push_back({std::string("AbortBackup after ") + BackupRun::StepName(after),
                       [after](World&, BackupRun& run) {
                         run.RunRange(0, after + 1);
                         run.requester().AbortBackup();
                         run.Run(BackupRun::kRelease);
                       }});
  }
  endings.push_back(
      {"AbortBackup (cancel) while the writer is frozen", [](World& world, BackupRun& run) {
         coordinator::AsyncPtr async;
         if (RunUntilEvent(world, run, "Freeze", &async)) async->Cancel();
         run.requester().AbortBackup();
         run.Run(BackupRun::kRelease);
       }});
  endings.push_back(
      {"the requester dies while the writer is frozen", [](World& world, BackupRun& run) {
         coordinator::AsyncPtr async;
         RunUntilEvent(world, run, "Freeze", &async);
         world.vss().Terminate(run.requester());
       }});
  int judged = 0;
  for (const Ending& ending : endings) {
    bool aborted = false;
    // Only endings that did deliver Abort to this writer are this check's to judge.
    RunReuse(writer, ending, nullptr, kRule, &aborted);
    if (!aborted) continue;
    std::string cause;
    RunReuse(writer, ending, &report, kRule, nullptr, &cause);
    if (!cause.empty()) GTEST_SKIP() << cause;
    ++judged;
  }
  if (judged == 0) GTEST_SKIP() << "no ending delivered Abort to the writer";
}

}  // namespace vsssim::conformance::checks
