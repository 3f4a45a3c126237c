// RecordingProvider: a trivial storage::Provider that keeps no data, records every call and
// keeps the list of committed snapshots, for coordinator tests and benchmarks until the
// copy-on-write provider (sim/storage) is used. Faults: FailOn(method, hr) makes the next call
// of `method` return `hr` (once).
//
// Thread safety: none.
#ifndef VSSSIM_SIM_COORDINATOR_RECORDING_PROVIDER_H_
#define VSSSIM_SIM_COORDINATOR_RECORDING_PROVIDER_H_

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "vsssim/runtime/clock.h"
#include "vsssim/storage/provider.h"

namespace vsssim::coordinator {

class RecordingProvider final : public storage::Provider {
 public:
  // `volumes`: the volumes it supports ("C:\"); empty = every volume.
  explicit RecordingProvider(const runtime::Clock& clock, std::vector<std::string> volumes = {});

  Guid provider_id() const override { return id_; }
  bool IsVolumeSupported(std::string_view volume, vss::SnapshotContext context) const override;
  HResult BeginPrepareSnapshot(const Guid& snapshot_set_id, const Guid& snapshot_id,
                               std::string_view volume, vss::SnapshotContext context,
                               vss::VolumeSnapshotAttributes attributes) override;
  HResult EndPrepareSnapshots(const Guid& snapshot_set_id) override;
  HResult PreCommitSnapshots(const Guid& snapshot_set_id) override;
  HResult CommitSnapshots(const Guid& snapshot_set_id) override;
  HResult PostCommitSnapshots(const Guid& snapshot_set_id, std::int32_t snapshot_count) override;
  HResult PreFinalCommitSnapshots(const Guid& snapshot_set_id) override;
  HResult PostFinalCommitSnapshots(const Guid& snapshot_set_id) override;
  HResult AbortSnapshots(const Guid& snapshot_set_id) override;
  HResult DeleteSnapshot(const Guid& snapshot_id) override;
  std::vector<storage::SnapshotProperties> Query() const override;

  void FailOn(std::string method, HResult result) { faults_[std::move(method)] = result; }
  const std::vector<std::string>& calls() const { return calls_; }
  void ClearCalls() { calls_.clear(); }

 private:
  HResult Record(std::string_view method);

  const runtime::Clock& clock_;
  Guid id_;
  std::vector<std::string> volumes_;
  std::vector<std::string> calls_;
  std::map<std::string, HResult, std::less<>> faults_;  // found by string_view
  std::vector<storage::SnapshotProperties> preparing_;
  std::vector<storage::SnapshotProperties> committed_;
};

}  // namespace vsssim::coordinator

#endif  // VSSSIM_SIM_COORDINATOR_RECORDING_PROVIDER_H_
