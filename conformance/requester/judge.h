// How a requester check runs the backup application and judges what it did. Every check runs
// the application's entry points in a RequesterWorld (RunBackup / RunRestore), then calls
// JudgeCommon, which reports, each with its own rule:
// - every finding the coordinator traced against the application's requester actors
//   (REQ-ABORT-01/02 at Release, REQ-ORDER-15, REQ-RST-07/08/09/11, refused calls, ...);
// - REQ-LIFE-01: an instance destroyed without Release;
// - ASYNC-02: the application moved on (called something else, cancelled, returned,
//   destroyed the instance) while an asynchronous operation was still VSS_S_ASYNC_PENDING —
//   BUG-05 ("async operation pending" treated as a failure);
// - REQ-STAT-01: no GatherWriterStatus after PrepareForBackup, DoSnapshotSet, PreRestore or
//   PostRestore before the next step (BackupComplete is exempt: REQ-ORDER-18);
// - REQ-STAT-05: SetBackupSucceeded(true), accepted, for a component of a writer whose
//   status in that session was failed at the time;
// - a call loop that never let time pass (RequesterContext::kMaxCalls) or an exception.
//
// Thread safety: none (the test thread).
#ifndef VSSSIM_CONFORMANCE_REQUESTER_JUDGE_H_
#define VSSSIM_CONFORMANCE_REQUESTER_JUDGE_H_

#include <memory>
#include <string>

#include "conformance/requester/requester_world.h"
#include "conformance/writer/report.h"
#include "vsssim/conformance/requester_suite.h"

namespace vsssim::conformance {

struct AppRun {
  HResult backup = hr::E_FAIL;
  std::string bcd;
  HResult restore = hr::E_FAIL;
  bool restored = false;
  std::string stopped;  // why the application was stopped ("" = it returned)
};

// Runs application.Backup in `world`; catches the call budget and exceptions.
void RunBackup(BackupApplication& application, RequesterWorld& world, AppRun& run);
// Runs application.Restore(run.bcd) in `world`.
void RunRestore(BackupApplication& application, RequesterWorld& world, AppRun& run);

// The judgements of the file comment. `rule` names the check's own rule, used for a stopped
// application. REQUIRES: the application object has been destroyed (its instances too).
void JudgeCommon(RequesterWorld& world, const AppRun& run, const char* rule, Reporter& report);

// For a backup in which nothing failed on the machine: the application returned S_OK and the
// BCD it returned is one SaveAsXML produced (REQ-LIFE-05, REQ-ORDER-17) after its
// DoSnapshotSet had finished and after its SetBackupSucceeded calls (REQ-ORDER-16). Reports
// nothing more when `report` already holds a failure (the root cause is reported).
void JudgeCleanBackup(RequesterWorld& world, const AppRun& run, Reporter& report);

}  // namespace vsssim::conformance

#endif  // VSSSIM_CONFORMANCE_REQUESTER_JUDGE_H_
