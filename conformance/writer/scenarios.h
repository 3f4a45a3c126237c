// Shared pieces of the writer-suite checks: reading the writer's replies from the trace,
// backup chains of each type (FULL, then INCREMENTAL/DIFFERENTIAL/LOG on the stamps of the
// base, STAMP-02, BT-06), the "missing volume" run (WRT-ERR-03), and the suite's own EventHost
// for delivering a repeated Abort (WRT-ABORT-02).
//
// Thread safety: none.
#ifndef VSSSIM_CONFORMANCE_WRITER_SCENARIOS_H_
#define VSSSIM_CONFORMANCE_WRITER_SCENARIOS_H_

#include <string>
#include <string_view>
#include <vector>

#include "conformance/writer/backup_run.h"
#include "conformance/writer/report.h"
#include "conformance/writer/world.h"
#include "vsssim/writer/event_host.h"

namespace vsssim::conformance {

// One handler return of the writer under test, from its kReply trace entry.
struct Reply {
  std::string event;
  bool returned = true;
  bool threw = false;
  bool hung = false;
  std::string failure;  // what SetWriterFailure(Ex) recorded in the handler; empty: none
  runtime::Duration spent{0};
  bool injected = false;  // an Identify another party asked for
  const trace::Entry* entry = nullptr;
};
std::vector<Reply> Replies(const World& world);

// WRT-RET-01/03: a handler that returned false (a veto) without SetWriterFailure(Ex) first.
// OnIdentify (WRT-IDENTIFY-04: false without SetWriterFailure) and OnAbort (nothing to veto;
// judged by SIM-ABORT-01) are not vetoes.
bool IsVetoWithoutFailure(const Reply& reply);

// Root-cause attribution (docs/conformance-suite.md): when a backup in `world` went wrong
// because of a mistake another check owns, the reason a check skips instead of reporting it
// ("... see NoExceptionEscapes"); empty when there is none. Owned causes: an exception escaped a
// handler (WRT-RET-02, NoExceptionEscapes), a handler vetoed without SetWriterFailure
// (WRT-RET-01, VetoSetsWriterFailure) — unless its SetWriterFailure came from another thread
// (WRT-THREAD-01, ThreadRule).
std::string RootCause(const World& world);

// Events delivered to the writer under test in `requester`'s session.
std::vector<std::string> SessionEvents(const World& world, std::string_view requester);
// The documented full sequence (WRT-SEQ-01).
const std::vector<std::string>& FullSequence();

// The writer's application runs on between backups (client traffic on the virtual clock):
// WriterSuiteOptions::between_steps of virtual time.
void LetApplicationRun(World& world);

// Runs one whole backup; reports each broken expectation of WRT-SEQ-01 under `rule` (every
// call succeeds, the documented events, STABLE before Release). Returns the saved stamps.
struct BackupOutcome {
  bool ok = false;
  // Not ok because of a root cause another check reports (RootCause); nothing reported.
  std::string root_cause;
  Stamps stamps;
};
BackupOutcome RunCheckedBackup(World& world, Reporter& report, std::string_view rule,
                               const std::string& requester, BackupPlan plan);

// The volumes of the world that hold none of the writer's file sets ("D:\"), from the
// metadata of its last Identify.
std::vector<std::string> UnusedVolumes(const World& world);

// Runs a backup that snapshots only volumes without the writer's files: the writer may veto
// (WRT-ERR-03) and must do so with a documented code. No expectations are reported.
void RunMissingVolumeBackup(World& world, const std::string& requester);

// Walks DoSnapshotSet until the writer under test has received `event`; false if it never
// does. `async` keeps the pending operation.
// Steps before `from` have run already.
bool RunUntilEvent(World& world, BackupRun& run, std::string_view event,
                   coordinator::AsyncPtr* async, int from = 0);

// The suite's EventHost for re-delivering Abort outside the coordinator: getters answer as
// for an Abort of a backup; SetWriterFailure is recorded.
class SuiteHost final : public writer::EventHost {
 public:
  vss::BackupType GetBackupType() const override { return vss::BackupType::VSS_BT_FULL; }
  vss::SnapshotContext GetContext() const override { return vss::SnapshotContext::VSS_CTX_BACKUP; }
  Guid GetCurrentSnapshotSetId() const override { return kGuidNull; }
  std::vector<std::string> GetCurrentVolumeArray() const override { return {}; }
  bool IsPathAffected(std::string_view) const override { return false; }
  bool AreComponentsSelected() const override { return true; }
  bool IsBootableSystemStateBackedUp() const override { return false; }
  bool IsPartialFileSupportEnabled() const override { return false; }
  bool IsWriterShuttingDown() const override { return false; }
  Guid GetSessionId() override { return kGuidNull; }
  HResult SetWriterFailure(HResult hr) override {
    failure = hr;
    return hr::S_OK;
  }
  HResult SetWriterFailureEx(HResult hr, HResult, std::string_view) override {
    failure = hr;
    return hr::S_OK;
  }
  void Spend(runtime::Duration) override {}
  void Hang() override {}

  HResult failure;
};

// SIM-ABORT-01 through the optional WriterProbe: empty when the writer is thawed and
// consistent (or has no probe), else what is wrong.
std::string ProbeWriter(writer::Writer& writer);
bool HasProbe(const writer::Writer& writer);

// The probe-free look at the writer's application: a digest of the writer's files (every file
// set of its last Identify) on the live volumes. Empty before any Identify.
std::string LiveFilesDigest(const World& world);
// How long the application runs after an Abort before the probe-free check looks (1 s).
runtime::Duration ResumeWindow();
// SIM-ABORT-01 without a probe: the application wrote to its files before the backup
// (`active_before`); after OnAbort it runs for ResumeWindow() and must write again. Empty
// when it does, else what is wrong. REQUIRES: active_before.
std::string WritesResumeAfterAbort(World& world);

// A writer in its own process (WriterSuiteOptions::host_volumes) runs its application in real
// time, which virtual time does not move: true when its live files differ from `before`
// (LiveFilesDigest) within up to 2 s of real time, looked at every 10 ms. False at once for a
// linked writer, whose application runs only in virtual time.
bool FilesChangeInRealTime(const World& world, const std::string& before);

}  // namespace vsssim::conformance

#endif  // VSSSIM_CONFORMANCE_WRITER_SCENARIOS_H_
