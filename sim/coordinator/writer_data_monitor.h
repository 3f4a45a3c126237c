// WriterDataMonitor: what a writer does to its own log files while its handlers run, checked
// against the rules on log truncation. The one implementation of these checks: the scenario
// interpreter (`vsssim run`) and the writer conformance suite (`vsssim conform`) both attach it
// to their coordinator and read its findings from the trace.
//
//   SIM-SHUT-01  BackupShutdown without a preceding successful BackupComplete for that snapshot
//                set must not shrink, truncate or delete a file of the writer's DATABASE_LOGFILES
//                sets (SIM-RULES.md; from WRT-SHUT-02, WRT-SHUT-04).
//   BT-05        "COPY never" truncates logs: no handler of a backup session of type VSS_BT_COPY
//                (PrepareForBackup to BackupShutdown, Abort included) may shrink or delete such a
//                file (W:writer-role-in-backing-up-complex-stores: log files should never be
//                truncated as a result of a copy backup). DIFFERENTIAL logs are "usually not"
//                truncated: a description, not a requirement, so no finding.
//
// How (docs/undocumented-choices.md): the session calls BeforeHandler just before a writer's
// handler runs and AfterHandler once it returned (handlers run synchronously). Before, the
// monitor takes the size of every live file of the writer's DATABASE_LOGFILES sets, from the
// writer metadata the writer gave in that session's Identify; after, a file that is gone or
// smaller is a finding (kFinding from the writer's actor to "vss", with requester=, event=,
// path=, expected="keeps its N bytes" and actual="M bytes" or "deleted"), one per file and
// rule. "Successful BackupComplete" is a BackupComplete handler of the writer, for that
// snapshot set, that returned true without throwing or hanging. Restore sessions are not
// checked (their BackupShutdown follows no BackupComplete by design). Without a monitor nothing
// is checked and traces are unchanged.
//
// Thread safety: none (simulator thread). REQUIRES: the volume manager, its volumes and the
// trace outlive the monitor.
#ifndef VSSSIM_SIM_COORDINATOR_WRITER_DATA_MONITOR_H_
#define VSSSIM_SIM_COORDINATOR_WRITER_DATA_MONITOR_H_

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vsssim/metadata/writer_metadata.h"
#include "vsssim/storage/volume_manager.h"
#include "vsssim/trace/trace.h"
#include "vsssim/vss/enums.h"
#include "vsssim/vss/guid.h"
#include "vsssim/vss/writer_event.h"

namespace vsssim::coordinator {

// One handler run as the session sees it.
struct HandlerRun {
  std::string_view requester;  // the session's name
  std::string_view writer;     // the writer's actor, "writer:NAME"
  vss::WriterEvent event = vss::WriterEvent::kIdentify;
  vss::BackupType backup_type = vss::BackupType::VSS_BT_UNDEFINED;  // SetBackupState's
  Guid snapshot_set;                                                // GUID_NULL before one
  bool restore = false;                                             // a restore session
  // The writer's metadata from this session's Identify (null: none, nothing to watch).
  const metadata::WriterMetadata* metadata = nullptr;
};

class WriterDataMonitor {
 public:
  WriterDataMonitor(storage::VolumeManager& volumes, trace::Trace& trace);
  WriterDataMonitor(const WriterDataMonitor&) = delete;
  WriterDataMonitor& operator=(const WriterDataMonitor&) = delete;

  // The writer's handler of run.event is about to run: notes which rules apply and the sizes
  // of its log files. Does nothing when no rule applies.
  void BeforeHandler(const HandlerRun& run);
  // The handler `writer` entered last returned; `succeeded`: it returned true, did not throw
  // and did not hang. Appends the findings. Does nothing without a BeforeHandler that watched.
  void AfterHandler(std::string_view writer, bool succeeded);

  // Whether `writer` handled a successful BackupComplete for `snapshot_set` whose
  // BackupShutdown has not come yet (WRT-SHUT-01).
  bool Completed(std::string_view writer, const Guid& snapshot_set) const;

 private:
  struct Watch {
    std::string requester;
    vss::WriterEvent event = vss::WriterEvent::kIdentify;
    Guid snapshot_set;
    std::vector<const char*> rules;                           // SIM-SHUT-01, BT-05
    std::vector<std::pair<std::string, std::uint64_t>> logs;  // path -> size at entry
  };

  std::vector<std::pair<std::string, std::uint64_t>> LogSizes(
      const metadata::WriterMetadata& m) const;
  void Report(const std::string& writer, const Watch& watch);

  storage::VolumeManager& volumes_;
  trace::Trace& trace_;
  std::map<std::string, Watch, std::less<>> watching_;  // by writer actor
  std::set<std::pair<std::string, Guid>> completed_;    // (writer actor, snapshot set)
};

}  // namespace vsssim::coordinator

#endif  // VSSSIM_SIM_COORDINATOR_WRITER_DATA_MONITOR_H_
