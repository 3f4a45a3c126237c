// The checks of the requester suite (checks.h). Probe writers are writer::ScriptedWriter
// behaviours; delays are virtual time.
#include "conformance/requester/checks.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "conformance/requester/judge.h"
#include "conformance/requester/requester_world.h"

namespace vsssim::conformance::requester_checks {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using vss::WriterEvent;
using Behavior = writer::ScriptedWriter::Behavior;

Behavior Takes(runtime::Duration d) {
  Behavior b;
  b.delay = d;
  return b;
}

Behavior FailsWith(HResult code) {  // WRT-ERR-01: SetWriterFailure, then return false
  Behavior b;
  b.failure = code;
  b.returns = false;
  return b;
}

// A writer that answers every backup and restore event after `each`.
ProbeWriter Steady(std::string name, runtime::Duration each,
                   vss::ApplicationLevel level = vss::ApplicationLevel::VSS_APP_FRONT_END) {
  ProbeWriter w;
  w.name = std::move(name);
  w.level = level;
  for (WriterEvent e :
       {WriterEvent::kIdentify, WriterEvent::kPrepareForBackup, WriterEvent::kPrepareForSnapshot,
        WriterEvent::kFreeze, WriterEvent::kThaw, WriterEvent::kPostSnapshot,
        WriterEvent::kBackupComplete, WriterEvent::kPreRestore, WriterEvent::kPostRestore}) {
    w.script[e] = Takes(each);
  }
  return w;
}

// Runs one backup of a fresh application in `world` and judges the common rules.
AppRun BackupIn(const RequesterUnderTest& requester, RequesterWorld& world, const char* rule,
                Reporter& report, bool then_judge = true) {
  AppRun run;
  {
    std::unique_ptr<BackupApplication> app = requester.create();
    if (app == nullptr) {
      run.stopped = "factory returned no application";
    } else {
      RunBackup(*app, world, run);
    }
  }
  if (then_judge) JudgeCommon(world, run, rule, report);
  return run;
}

}  // namespace

// The canonical backup of §2.2 with two writers that each take 500 ms per event: every
// coordinator finding, Release (REQ-LIFE-01), status after each phase (REQ-STAT-01),
// SetBackupSucceeded per component before BackupComplete (REQ-ORDER-15, traced by the
// coordinator), and the saved BCD (REQ-LIFE-05, REQ-ORDER-16, REQ-ORDER-17).
void FullBackup(const RequesterUnderTest& requester, Reporter& report) {
  RequesterWorldOptions options;
  options.writers = {
      Steady("ProbeFront", milliseconds(500)),
      Steady("ProbeBack", milliseconds(500), vss::ApplicationLevel::VSS_APP_BACK_END)};
  RequesterWorld world(options);
  report.Watch(&world.trace(), options.seed, "two writers, 500 ms per event");
  const AppRun run = BackupIn(requester, world, "REQ-ORDER-15", report);
  JudgeCleanBackup(world, run, report);
}

// BUG-05: writers that take tens of seconds (within every documented timeout) keep each
// asynchronous operation VSS_S_ASYNC_PENDING for that long; the backup must still succeed.
void SlowWritersArePending(const RequesterUnderTest& requester, Reporter& report) {
  ProbeWriter slow;
  slow.name = "SlowProbe";
  slow.script[WriterEvent::kIdentify] = Takes(seconds(15));
  slow.script[WriterEvent::kPrepareForBackup] = Takes(seconds(40));
  slow.script[WriterEvent::kPrepareForSnapshot] = Takes(seconds(40));
  slow.script[WriterEvent::kFreeze] = Takes(seconds(20));  // < the 60 s window (LIM-05)
  slow.script[WriterEvent::kThaw] = Takes(seconds(5));
  slow.script[WriterEvent::kPostSnapshot] = Takes(seconds(40));
  slow.script[WriterEvent::kBackupComplete] = Takes(seconds(40));
  RequesterWorldOptions options;
  options.writers = {slow, Steady("Steady", milliseconds(0))};
  RequesterWorld world(options);
  report.Watch(&world.trace(), options.seed, "a writer taking 5-40 s per event");
  const AppRun run = BackupIn(requester, world, "ASYNC-02", report);
  JudgeCleanBackup(world, run, report);
}

// LIM-12, BUG-11: another backup holds the system's snapshot-creation slot for 120 s when the
// application starts. The StartSnapshotSet page (A:vsbackup/nf-vsbackup-ivssbackupcomponents-
// startsnapshotset) says of VSS_E_SNAPSHOT_SET_IN_PROGRESS that only one creation can be in
// progress at a time, and lets the caller either wait and try again or fail. The suite holds
// the application to the first (a backup that fails because another one was running is
// BUG-11): docs/conformance-requester.md says so, and how to leave the check out.
void SnapshotSetInProgress(const RequesterUnderTest& requester, Reporter& report) {
  RequesterWorldOptions options;
  options.writers = {Steady("Steady", milliseconds(0))};
  options.competitor_holds = seconds(120);
  RequesterWorld world(options);
  report.Watch(&world.trace(), options.seed, "a competing snapshot set held for 120 s");
  const AppRun run = BackupIn(requester, world, "LIM-12", report);
  int refused = 0;
  bool started = false;
  runtime::TimePoint last{};
  for (const CallLog::Call& c : world.log().calls()) {
    if (c.method != "StartSnapshotSet") continue;
    if (c.result == hr::VSS_E_SNAPSHOT_SET_IN_PROGRESS) {
      ++refused;
      last = c.at;
    } else if (c.result == hr::S_OK) {
      started = true;
    }
  }
  if (refused == 0 && report.failures() == 0) {
    GTEST_SKIP() << "cannot judge LIM-12: the application never got VSS_E_SNAPSHOT_SET_IN_PROGRESS"
                 << " (its first StartSnapshotSet came after the competing set ended, or never)";
  }
  if (refused > 0 && !started && run.stopped.empty()) {
    const auto s = std::chrono::duration_cast<seconds>(last.since_start).count();
    report.Fail("LIM-12",
                "after VSS_E_SNAPSHOT_SET_IN_PROGRESS, wait and call StartSnapshotSet again "
                "until the other creation ends (here after 120 s)",
                "gave up after " + std::to_string(refused) + " refused StartSnapshotSet call(s), " +
                    "the last at +" + std::to_string(s) + "s");
    return;
  }
  JudgeCleanBackup(world, run, report);
}

// REQ-ABORT-01/02, REQ-ORDER-15, REQ-STAT-01/05, REQ-LIFE-01 on the failure paths: a probe
// writer vetoes PrepareForBackup, fails PrepareForSnapshot / Freeze / Thaw / PostSnapshot with
// each documented writer failure code (REQ-STAT-04), overruns the freeze window (LIM-05) or
// vanishes (its process stops answering: VSS_E_WRITER_NOT_RESPONDING after the event timeout).
void WriterFailureAtEachPhase(const RequesterUnderTest& requester, Reporter& report) {
  struct Variant {
    const char* what;
    WriterEvent event;
    Behavior behavior;
  };
  Behavior vanish;
  vanish.hang = true;
  const std::vector<Variant> variants = {
      {"vetoes PrepareForBackup with VSS_E_WRITERERROR_RETRYABLE", WriterEvent::kPrepareForBackup,
       FailsWith(hr::VSS_E_WRITERERROR_RETRYABLE)},
      {"fails PrepareForSnapshot with VSS_E_WRITERERROR_NONRETRYABLE",
       WriterEvent::kPrepareForSnapshot, FailsWith(hr::VSS_E_WRITERERROR_NONRETRYABLE)},
      {"fails Freeze with VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT", WriterEvent::kFreeze,
       FailsWith(hr::VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT)},
      {"fails Freeze with VSS_E_WRITERERROR_OUTOFRESOURCES", WriterEvent::kFreeze,
       FailsWith(hr::VSS_E_WRITERERROR_OUTOFRESOURCES)},
      {"fails Freeze with VSS_E_WRITERERROR_TIMEOUT", WriterEvent::kFreeze,
       FailsWith(hr::VSS_E_WRITERERROR_TIMEOUT)},
      {"fails Freeze with VSS_E_WRITERERROR_RETRYABLE", WriterEvent::kFreeze,
       FailsWith(hr::VSS_E_WRITERERROR_RETRYABLE)},
      {"fails Freeze with VSS_E_WRITERERROR_NONRETRYABLE", WriterEvent::kFreeze,
       FailsWith(hr::VSS_E_WRITERERROR_NONRETRYABLE)},
      {"fails Thaw with VSS_E_WRITERERROR_TIMEOUT", WriterEvent::kThaw,
       FailsWith(hr::VSS_E_WRITERERROR_TIMEOUT)},
      // WRT-RET-03: the set is still made; only the writer's status shows the failure.
      {"fails PostSnapshot with VSS_E_WRITERERROR_RETRYABLE", WriterEvent::kPostSnapshot,
       FailsWith(hr::VSS_E_WRITERERROR_RETRYABLE)},
      {"takes 70 s in Freeze, past its 60 s freeze window (LIM-05)", WriterEvent::kFreeze,
       Takes(seconds(70))},
      {"vanishes at PrepareForSnapshot (never answers again)", WriterEvent::kPrepareForSnapshot,
       vanish},
  };
  int exercised = 0;
  for (const Variant& v : variants) {
    ProbeWriter probe;
    probe.name = "FaultyProbe";
    probe.script[v.event] = v.behavior;
    RequesterWorldOptions options;
    options.writers = {probe,
                       Steady("Steady", milliseconds(0), vss::ApplicationLevel::VSS_APP_BACK_END)};
    RequesterWorld world(options);
    report.Watch(&world.trace(), options.seed, std::string("the probe writer ") + v.what);
    BackupIn(requester, world, "REQ-ABORT-02", report);
    // Exercised: an operation of the application failed, or (PostSnapshot) its writer status
    // showed the probe's failure after a successful DoSnapshotSet.
    bool failed = false;
    for (const CallLog::Operation& op : world.log().operations()) failed |= op.end.Failed();
    for (const CallLog::Call& c : world.log().calls()) {
      failed |= c.method == "GatherWriterStatus" && v.event == WriterEvent::kPostSnapshot;
    }
    if (failed) ++exercised;
  }
  if (exercised == 0 && report.failures() == 0) {
    GTEST_SKIP() << "cannot judge the failure paths: no asynchronous operation of the "
                 << "application failed in any variant (did it select the probe writers' "
                 << "components and wait for the results?)";
  }
}

// REQ-RST-*: backs up (two writers), then restores from the saved BCD in the same machine,
// with writers that take 2 s in PreRestore and 5 s in PostRestore: SetFileRestoreStatus for
// every selected component (REQ-RST-08), no Release before PostRestore finished (REQ-RST-09),
// status after PreRestore and PostRestore (REQ-STAT-01), and the other findings the
// coordinator traces for restores (REQ-RST-03/07/11, ...).
void RestoreDuties(const RequesterUnderTest& requester, Reporter& report) {
  ProbeWriter a = Steady("ProbeFront", milliseconds(0));
  a.script[WriterEvent::kPreRestore] = Takes(seconds(2));
  a.script[WriterEvent::kPostRestore] = Takes(seconds(5));
  ProbeWriter b = Steady("ProbeBack", milliseconds(0), vss::ApplicationLevel::VSS_APP_BACK_END);
  b.script[WriterEvent::kPostRestore] = Takes(seconds(5));
  RequesterWorldOptions options;
  options.writers = {a, b};
  RequesterWorld world(options);
  report.Watch(&world.trace(), options.seed, "backup, then restore of every component");
  AppRun run;
  {
    std::unique_ptr<BackupApplication> app = requester.create();
    if (app == nullptr) {
      run.stopped = "factory returned no application";
    } else {
      RunBackup(*app, world, run);
      if (run.stopped.empty() && run.backup == hr::S_OK && !run.bcd.empty()) {
        RunRestore(*app, world, run);
      }
    }
  }
  JudgeCommon(world, run, "REQ-RST-08", report);
  if (!run.restored && report.failures() == 0) {
    GTEST_SKIP() << "cannot judge the restore duties: the application's backup gave no saved BCD"
                 << " (Backup returned " << ToString(run.backup) << "; see FullBackup)";
  }
}

}  // namespace vsssim::conformance::requester_checks
