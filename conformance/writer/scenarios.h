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
  runtime::Duration spent{0};
  bool injected = false;  // an Identify another party asked for
  const trace::Entry* entry = nullptr;
};
std::vector<Reply> Replies(const World& world);

// Events delivered to the writer under test in `requester`'s session.
std::vector<std::string> SessionEvents(const World& world, std::string_view requester);
// The documented full sequence (WRT-SEQ-01).
const std::vector<std::string>& FullSequence();

// The writer's application runs on between backups (client traffic on the virtual clock).
void LetApplicationRun(World& world);

// Runs one whole backup; reports each broken expectation of WRT-SEQ-01 under `rule` (every
// call succeeds, the documented events, STABLE before Release). Returns the saved stamps.
struct BackupOutcome {
  bool ok = false;
  bool threw = false;  // not ok because an exception escaped (WRT-RET-02); nothing reported
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
bool RunUntilEvent(World& world, BackupRun& run, std::string_view event,
                   coordinator::AsyncPtr* async);

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

}  // namespace vsssim::conformance

#endif  // VSSSIM_CONFORMANCE_WRITER_SCENARIOS_H_
