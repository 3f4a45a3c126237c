// The snapshot provider interface: what the coordinator drives to create, list and delete
// shadow copies (../shared/spec/CATALOGUE.md §4, PRV-*). The copy-on-write in-memory provider
// (sim/storage) implements it; tests may use a recording double.
//
// Call order for one snapshot set (PRV-02), driven by the coordinator inside DoSnapshotSet:
//   BeginPrepareSnapshot (once per volume) -> EndPrepareSnapshots -> [writers: PrepareForSnapshot,
//   Freeze] -> PreCommitSnapshots -> CommitSnapshots -> PostCommitSnapshots -> [writers: Thaw]
//   -> PreFinalCommitSnapshots -> PostFinalCommitSnapshots -> [writers: PostSnapshot]
// AbortSnapshots may be called at any point before PostCommitSnapshots returned; afterwards the
// set exists and is removed with DeleteSnapshots.
//
// Time: a provider that needs virtual time (the 10 s flush-and-hold window of CommitSnapshots,
// LIM-06) reads and advances the runtime::Clock it was built with. Results are HRESULTs, never
// exceptions. An undocumented code from a provider is turned into
// VSS_E_UNEXPECTED_PROVIDER_ERROR by the coordinator, not here.
//
// Contract for implementers: this interface is shared by the coordinator and the providers;
// extend it only by adding methods with a default implementation.
//
// Thread safety: none; called from the single simulator thread.
#ifndef VSSSIM_STORAGE_PROVIDER_H_
#define VSSSIM_STORAGE_PROVIDER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "vsssim/runtime/time.h"
#include "vsssim/vss/enums.h"
#include "vsssim/vss/guid.h"
#include "vsssim/vss/hresult.h"

namespace vsssim::storage {

// VSS_SNAPSHOT_PROP, as much of it as the simulator models.
struct SnapshotProperties {
  Guid snapshot_id;
  Guid snapshot_set_id;
  std::int32_t snapshots_in_set = 0;
  std::string original_volume;  // "C:\"
  std::string device_object;    // "\\?\GLOBALROOT\Device\HarddiskVolumeShadowCopy3"
  Guid provider_id;
  vss::SnapshotContext context = vss::SnapshotContext::VSS_CTX_BACKUP;
  // Context bits plus modifiers (PERSISTENT, NO_AUTO_RELEASE, ...), as VSS reports them.
  vss::VolumeSnapshotAttributes attributes = vss::VolumeSnapshotAttributes{0};
  vss::SnapshotState state = vss::SnapshotState::VSS_SS_UNKNOWN;
  runtime::TimePoint created;
};

class Provider {
 public:
  virtual ~Provider() = default;

  virtual Guid provider_id() const = 0;
  virtual vss::ProviderType provider_type() const { return vss::ProviderType::VSS_PROV_SOFTWARE; }

  // Whether the provider can snapshot `volume` ("C:\" or "C:") in `context`.
  virtual bool IsVolumeSupported(std::string_view volume, vss::SnapshotContext context) const = 0;

  // PRV-02, in order. `attributes` carry the context's bits and the requester's modifiers.
  virtual HResult BeginPrepareSnapshot(const Guid& snapshot_set_id, const Guid& snapshot_id,
                                       std::string_view volume, vss::SnapshotContext context,
                                       vss::VolumeSnapshotAttributes attributes) = 0;
  virtual HResult EndPrepareSnapshots(const Guid& snapshot_set_id) = 0;
  virtual HResult PreCommitSnapshots(const Guid& snapshot_set_id) = 0;
  // Flush and hold writes, take the point-in-time image of every volume of the set atomically,
  // release writes. Must finish within the flush-and-hold window (LIM-06).
  virtual HResult CommitSnapshots(const Guid& snapshot_set_id) = 0;
  // A CommitSnapshots that has not returned yet: a provider that holds writes until another
  // party releases them (a guest agent waiting for the host's thaw, kubevirt #16653) returns
  // VSS_S_ASYNC_PENDING from CommitSnapshots, and the coordinator then calls this; `done` is
  // called once, later, on the virtual clock, with the call's real result. Default: every
  // CommitSnapshots returns at once and this is never called.
  virtual void WhenCommitReturns(const Guid& snapshot_set_id, std::function<void(HResult)> done) {
    (void)snapshot_set_id;
    (void)done;
  }
  virtual HResult PostCommitSnapshots(const Guid& snapshot_set_id, std::int32_t snapshot_count) = 0;
  virtual HResult PreFinalCommitSnapshots(const Guid& snapshot_set_id) = 0;
  virtual HResult PostFinalCommitSnapshots(const Guid& snapshot_set_id) = 0;
  virtual HResult AbortSnapshots(const Guid& snapshot_set_id) = 0;

  // Deletes one committed snapshot; VSS_E_OBJECT_NOT_FOUND if there is none with that id.
  virtual HResult DeleteSnapshot(const Guid& snapshot_id) = 0;
  // Every committed snapshot, in creation order. The coordinator filters by context (CTX-QRY-01).
  virtual std::vector<SnapshotProperties> Query() const = 0;
};

}  // namespace vsssim::storage

#endif  // VSSSIM_STORAGE_PROVIDER_H_
