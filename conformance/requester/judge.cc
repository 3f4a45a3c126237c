#include "conformance/requester/judge.h"

#include <algorithm>
#include <exception>
#include <functional>

namespace vsssim::conformance {
namespace {

using runtime::TimePoint;

std::string At(TimePoint t) { return "+" + runtime::FormatDuration(t.since_start); }

bool IsAppActor(std::string_view actor) {
  return actor.substr(0, std::string_view("requester:app").size()) == "requester:app";
}

// Calls that start a new step of the protocol: status must have been gathered before them.
bool NextStep(const std::string& method) {
  static const char* const kSteps[] = {
      "PrepareForBackup", "DoSnapshotSet", "BackupComplete",     "AbortBackup",         "Release",
      "PreRestore",       "PostRestore",   "SetBackupSucceeded", "SetFileRestoreStatus"};
  return std::any_of(std::begin(kSteps), std::end(kSteps),
                     [&method](const char* s) { return method == s; });
}

void Stopped(std::function<void()> body, AppRun& run, RequesterWorld& world) {
  try {
    body();
  } catch (const CallBudgetExceeded&) {
    run.stopped = "made more than " + std::to_string(world.log().budget()) +
                  " calls (requester API, Async::QueryStatus, Sleep) by virtual time " +
                  At(world.clock().Now()) + " — a retry or poll loop that never waits " +
                  "(RequesterContext::Sleep)";
  } catch (const std::exception& e) {
    run.stopped = std::string("threw an exception: ") + e.what();
  } catch (...) {
    run.stopped = "threw an exception that is not a std::exception";
  }
  for (int i = 1; i <= world.instances(); ++i) world.log().AbandonPending(i, "returned");
}

void ReportFindings(const RequesterWorld& world, Reporter& report) {
  for (const trace::Entry& e : world.trace().entries()) {
    if (e.kind != trace::EntryKind::kFinding || !IsAppActor(e.from)) continue;
    std::string actual = e.from + ": " + e.name;
    for (const trace::AttributeView& a : e.attributes) actual += " " + a.key + "=" + a.value;
    report.Fail(e.rule, "no finding against the requester", actual, &e);
  }
}

void ReportRelease(const RequesterWorld& world, Reporter& report) {
  for (int i = 1; i <= world.instances(); ++i) {
    const std::string actor = RequesterWorld::Actor(i);
    for (const trace::Entry& e : world.trace().entries()) {
      if (e.kind == trace::EntryKind::kState && e.from == actor && e.name == "Terminated") {
        // REQ-LIFE-01: "the caller owns one reference and must Release it".
        report.Fail("REQ-LIFE-01", "Release() on every instance, on every path",
                    actor + " was destroyed without Release (VSS treats that as the backup " +
                        "application dying, REQ-LIFE-04)",
                    &e);
      }
    }
  }
}

void ReportAbandoned(const RequesterWorld& world, Reporter& report) {
  for (const CallLog::Operation& op : world.log().operations()) {
    if (op.abandoned_by.empty()) continue;
    const CallLog::Call& started = world.log().calls()[op.call];
    report.Fail("ASYNC-02",
                "wait while " + op.method + " is VSS_S_ASYNC_PENDING (Async::Wait, or poll " +
                    "QueryStatus with Sleep) until it finishes",
                RequesterWorld::Actor(op.instance) + " started " + op.method + " at " +
                    At(started.at) + " and " + op.abandoned_by + " at " + At(op.abandoned_at) +
                    " while it was still pending (it ended " + ToString(op.end) + ")");
  }
}

void ReportStatus(const RequesterWorld& world, Reporter& report) {
  const std::vector<CallLog::Call>& calls = world.log().calls();
  for (const CallLog::Operation& op : world.log().operations()) {
    const bool event_call = op.method == "PrepareForBackup" || op.method == "DoSnapshotSet" ||
                            op.method == "PreRestore" || op.method == "PostRestore";
    if (!event_call || !op.abandoned_by.empty()) continue;
    std::string next = "nothing (the application returned)";
    for (std::size_t i = op.call + 1; i < calls.size(); ++i) {
      if (calls[i].instance != op.instance) continue;
      if (calls[i].method == "GatherWriterStatus") {
        next.clear();
        break;
      }
      if (NextStep(calls[i].method)) {
        next = calls[i].method;
        break;
      }
    }
    if (next.empty()) continue;
    report.Fail(
        "REQ-STAT-01",
        "GatherWriterStatus (then GetWriterStatus) after " + op.method + " before the next step",
        RequesterWorld::Actor(op.instance) + ": " + op.method + " ended " + ToString(op.end) +
            ", then " + next + " without GatherWriterStatus");
  }
}

// REQ-STAT-05 ("Writer Errors and Vetoes"): a writer whose status says it failed has not made
// its data consistent; marking its component successfully backed up hides the failure.
void ReportInterpretation(const RequesterWorld& world, Reporter& report) {
  for (const CallLog::Call& c : world.log().calls()) {
    if (!c.succeeded_for_failed_writer || c.result != hr::S_OK) continue;
    report.Fail("REQ-STAT-05",
                "SetBackupSucceeded(false) for the components of a writer GetWriterStatus "
                "reports failed",
                RequesterWorld::Actor(c.instance) + " called SetBackupSucceeded(true) at " +
                    At(c.at) + " for a component of a failed writer");
  }
}

}  // namespace

void RunBackup(BackupApplication& application, RequesterWorld& world, AppRun& run) {
  Stopped([&] { run.backup = application.Backup(world, &run.bcd); }, run, world);
}

void RunRestore(BackupApplication& application, RequesterWorld& world, AppRun& run) {
  run.restored = true;
  Stopped([&] { run.restore = application.Restore(world, run.bcd); }, run, world);
}

void JudgeCommon(RequesterWorld& world, const AppRun& run, const char* rule, Reporter& report) {
  world.log().Settle();
  if (!run.stopped.empty()) {
    report.Fail(rule, "the application returns an HRESULT", "the application " + run.stopped);
  }
  ReportFindings(world, report);
  ReportRelease(world, report);
  ReportAbandoned(world, report);
  ReportStatus(world, report);
  ReportInterpretation(world, report);
}

void JudgeCleanBackup(RequesterWorld& world, const AppRun& run, Reporter& report) {
  if (report.failures() > 0 || !run.stopped.empty()) return;
  if (run.backup != hr::S_OK) {
    // REQ-ORDER-17: a backup is its data plus the saved BCD and WMDs; nothing failed here.
    report.Fail("REQ-ORDER-17",
                "Backup returns S_OK with its saved BCD (no writer or provider failed)",
                "Backup returned " + ToString(run.backup));
    return;
  }
  const CallLog::Save* save = nullptr;
  for (const CallLog::Save& s : world.log().saves()) {
    if (!run.bcd.empty() && s.xml == run.bcd) save = &s;
  }
  if (save == nullptr) {
    report.Fail("REQ-LIFE-05", "the BCD Backup returns is one SaveAsXML produced",
                run.bcd.empty() ? "Backup returned S_OK and an empty BCD"
                                : "no SaveAsXML call produced the returned BCD");
    return;
  }
  if (!save->after_snapshot) {
    report.Fail("REQ-ORDER-16",
                "SaveAsXML after DoSnapshotSet finished (writers edit the BCD until PostSnapshot)",
                "the returned BCD was saved at " + At(world.log().calls()[save->call].at) +
                    ", before DoSnapshotSet had finished");
    return;
  }
  const std::vector<CallLog::Call>& calls = world.log().calls();
  for (std::size_t i = save->call + 1; i < calls.size(); ++i) {
    if (calls[i].instance == save->instance && calls[i].method == "SetBackupSucceeded") {
      report.Fail("REQ-ORDER-16", "SaveAsXML after the SetBackupSucceeded calls",
                  "SetBackupSucceeded at " + At(calls[i].at) +
                      " came after the SaveAsXML whose BCD was returned");
      return;
    }
  }
}

}  // namespace vsssim::conformance
