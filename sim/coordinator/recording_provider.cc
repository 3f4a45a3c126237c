#include "sim/coordinator/recording_provider.h"

#include <algorithm>

namespace vsssim::coordinator {

RecordingProvider::RecordingProvider(const runtime::Clock& clock, std::vector<std::string> volumes)
    : clock_(clock), volumes_(std::move(volumes)) {
  id_ = *Guid::Parse("b5946137-7b9f-4925-af80-51abd60b20d5");  // the system provider's id
  calls_.reserve(16);                                          // a backup makes 8 calls
}

HResult RecordingProvider::Record(std::string_view method) {
  calls_.emplace_back(method);
  auto it = faults_.find(method);
  if (it == faults_.end()) return hr::S_OK;
  HResult r = it->second;
  faults_.erase(it);
  return r;
}

bool RecordingProvider::IsVolumeSupported(std::string_view volume,
                                          vss::SnapshotContext /*context*/) const {
  return volumes_.empty() ||
         std::find(volumes_.begin(), volumes_.end(), std::string(volume)) != volumes_.end();
}

HResult RecordingProvider::BeginPrepareSnapshot(const Guid& snapshot_set_id,
                                                const Guid& snapshot_id, std::string_view volume,
                                                vss::SnapshotContext context,
                                                vss::VolumeSnapshotAttributes attributes) {
  HResult r = Record("BeginPrepareSnapshot");
  if (r.Failed()) return r;
  storage::SnapshotProperties s;
  s.snapshot_id = snapshot_id;
  s.snapshot_set_id = snapshot_set_id;
  s.original_volume = std::string(volume);
  s.provider_id = id_;
  s.context = context;
  s.attributes = attributes;
  s.state = vss::SnapshotState::VSS_SS_PREPARING;
  preparing_.push_back(std::move(s));
  return r;
}

HResult RecordingProvider::EndPrepareSnapshots(const Guid&) {
  return Record("EndPrepareSnapshots");
}
HResult RecordingProvider::PreCommitSnapshots(const Guid&) { return Record("PreCommitSnapshots"); }

HResult RecordingProvider::CommitSnapshots(const Guid& snapshot_set_id) {
  HResult r = Record("CommitSnapshots");
  if (r.Failed()) return r;
  int n = 0;
  for (storage::SnapshotProperties& s : preparing_) {
    if (s.snapshot_set_id != snapshot_set_id) continue;
    s.state = vss::SnapshotState::VSS_SS_CREATED;
    s.created = clock_.Now();
    s.device_object = "\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy" +
                      std::to_string(committed_.size() + 1);
    committed_.push_back(s);
    ++n;
  }
  for (storage::SnapshotProperties& s : committed_) {
    if (s.snapshot_set_id == snapshot_set_id) s.snapshots_in_set = n;
  }
  preparing_.erase(std::remove_if(preparing_.begin(), preparing_.end(),
                                  [&](const storage::SnapshotProperties& s) {
                                    return s.snapshot_set_id == snapshot_set_id;
                                  }),
                   preparing_.end());
  return r;
}

HResult RecordingProvider::PostCommitSnapshots(const Guid&, std::int32_t) {
  return Record("PostCommitSnapshots");
}
HResult RecordingProvider::PreFinalCommitSnapshots(const Guid&) {
  return Record("PreFinalCommitSnapshots");
}
HResult RecordingProvider::PostFinalCommitSnapshots(const Guid&) {
  return Record("PostFinalCommitSnapshots");
}

HResult RecordingProvider::AbortSnapshots(const Guid& snapshot_set_id) {
  HResult r = Record("AbortSnapshots");
  preparing_.erase(std::remove_if(preparing_.begin(), preparing_.end(),
                                  [&](const storage::SnapshotProperties& s) {
                                    return s.snapshot_set_id == snapshot_set_id;
                                  }),
                   preparing_.end());
  return r;
}

HResult RecordingProvider::DeleteSnapshot(const Guid& snapshot_id) {
  HResult r = Record("DeleteSnapshot");
  if (r.Failed()) return r;
  auto it = std::find_if(
      committed_.begin(), committed_.end(),
      [&](const storage::SnapshotProperties& s) { return s.snapshot_id == snapshot_id; });
  if (it == committed_.end()) return hr::VSS_E_OBJECT_NOT_FOUND;
  committed_.erase(it);
  return r;
}

std::vector<storage::SnapshotProperties> RecordingProvider::Query() const { return committed_; }

}  // namespace vsssim::coordinator
