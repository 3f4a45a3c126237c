#include "sim/coordinator/writer_data_monitor.h"

#include <optional>

#include "vsssim/storage/file_view.h"
#include "vsssim/storage/volume.h"

namespace vsssim::coordinator {
namespace {

using vss::WriterEvent;

constexpr const char* kShutdownRule = "SIM-SHUT-01";
constexpr const char* kCopyRule = "BT-05";

// The events of a backup once its type is set; Identify is not part of it (WRT-IDENTIFY-02)
// and the restore events belong to restores.
bool IsBackupEvent(WriterEvent e) {
  return e == WriterEvent::kPrepareForBackup || e == WriterEvent::kPrepareForSnapshot ||
         e == WriterEvent::kFreeze || e == WriterEvent::kThaw || e == WriterEvent::kPostSnapshot ||
         e == WriterEvent::kAbort || e == WriterEvent::kBackupComplete ||
         e == WriterEvent::kBackupShutdown;
}

std::string Bytes(std::uint64_t n) { return std::to_string(n) + " bytes"; }

}  // namespace

WriterDataMonitor::WriterDataMonitor(storage::VolumeManager& volumes, trace::Trace& trace)
    : volumes_(volumes), trace_(trace) {}

bool WriterDataMonitor::Completed(std::string_view writer, const Guid& snapshot_set) const {
  return completed_.count({std::string(writer), snapshot_set}) != 0;
}

void WriterDataMonitor::BeforeHandler(const HandlerRun& run) {
  if (run.restore) return;
  Watch watch;
  // SIM-SHUT-01: BackupShutdown with no successful BackupComplete of this set before it.
  if (run.event == WriterEvent::kBackupShutdown && !Completed(run.writer, run.snapshot_set)) {
    watch.rules.push_back(kShutdownRule);
  }
  // BT-05: COPY never truncates logs, whichever handler would do it.
  if (run.backup_type == vss::BackupType::VSS_BT_COPY && IsBackupEvent(run.event)) {
    watch.rules.push_back(kCopyRule);
  }
  // BackupComplete and BackupShutdown are watched even without a rule: the success of the one
  // is what SIM-SHUT-01 asks about, the other ends that snapshot set.
  if (watch.rules.empty() && run.event != WriterEvent::kBackupComplete &&
      run.event != WriterEvent::kBackupShutdown) {
    return;
  }
  watch.requester = std::string(run.requester);
  watch.event = run.event;
  watch.snapshot_set = run.snapshot_set;
  if (!watch.rules.empty() && run.metadata != nullptr) watch.logs = LogSizes(*run.metadata);
  watching_[std::string(run.writer)] = std::move(watch);
}

void WriterDataMonitor::AfterHandler(std::string_view writer, bool succeeded) {
  auto it = watching_.find(writer);
  if (it == watching_.end()) return;
  const std::string actor = it->first;
  const Watch watch = std::move(it->second);
  watching_.erase(it);
  if (watch.event == WriterEvent::kBackupComplete && succeeded) {
    completed_.insert({actor, watch.snapshot_set});  // WRT-SHUT-01: BackupComplete arrived
  }
  if (watch.event == WriterEvent::kBackupShutdown) completed_.erase({actor, watch.snapshot_set});
  Report(actor, watch);
}

// The live files of the DATABASE_LOGFILES sets of every component, each once, with their sizes.
std::vector<std::pair<std::string, std::uint64_t>> WriterDataMonitor::LogSizes(
    const metadata::WriterMetadata& m) const {
  std::vector<std::pair<std::string, std::uint64_t>> out;
  std::set<std::string> seen;
  for (const metadata::ComponentDescription& c : m.components) {
    for (const metadata::FileSpec& f : c.log_files) {
      const storage::Volume* volume = volumes_.Find(f.path);
      if (volume == nullptr) continue;
      for (const storage::FileInfo& file : volume->Live().Find({f.path, f.filespec, f.recursive})) {
        if (!file.is_directory && seen.insert(file.path).second) {
          out.emplace_back(file.path, file.size);
        }
      }
    }
  }
  return out;
}

void WriterDataMonitor::Report(const std::string& writer, const Watch& watch) {
  const std::string event(vss::NameOf(watch.event));
  for (const auto& [path, size] : watch.logs) {
    const storage::Volume* volume = volumes_.Find(path);
    std::optional<storage::FileInfo> now;
    if (volume != nullptr) now = volume->Live().Stat(path);
    const bool deleted = !now || now->is_directory;
    if (!deleted && now->size >= size) continue;
    for (const char* rule : watch.rules) {
      const std::string title = std::string_view(rule) == kShutdownRule
                                    ? "log truncated in BackupShutdown without BackupComplete"
                                    : "log truncated in a COPY backup";
      trace_.Append(trace::EntryKind::kFinding, writer, "vss", title,
                    {{"requester", watch.requester},
                     {"event", event},
                     {"path", path},
                     {"expected", "keeps its " + Bytes(size)},
                     {"actual", deleted ? std::string("deleted") : Bytes(now->size)}},
                    rule);
    }
  }
}

}  // namespace vsssim::coordinator
