// CowProvider: the simulated software provider — copy-on-write shadow copies of the volumes of
// a VolumeManager, driven by the coordinator through the Provider interface (catalogue §4).
//
// Call order (PRV-02) is checked against a data table of legal phases (cow_provider.cc): a call
// out of order returns VSS_E_BAD_STATE and appends a kFinding (rule PRV-02) to the trace; a
// call naming an unknown set returns VSS_E_OBJECT_NOT_FOUND. BeginPrepareSnapshot with a new
// set id is accepted at any time and drops an unfinished set (PRV-06). With `record_calls`,
// every call is appended as a kProvider entry (from "vss", to `name`, attributes
// "snapshot-set", "snapshot"/"volume"/"context" for BeginPrepareSnapshot, "hr"). Off by
// default: the coordinator records each provider call itself (docs/coordinator-trace.md).
//
// CommitSnapshots (LIM-06, a documented simulator choice where Microsoft is silent; see
// docs/storage.md): flush phase of `flush_duration` (writes still pass), then the hold phase —
// writes to every volume of the set are held (queued by Volume) for `commit_duration`, the
// point-in-time images of all volumes are taken at one virtual instant, and writes are
// released. Both phases advance the clock (timers fire, so "concurrent" writes happen).
//   flush_duration > window                   -> VSS_E_FLUSH_WRITES_TIMEOUT, clock +window
//   flush_duration + commit_duration > window -> VSS_E_HOLD_WRITES_TIMEOUT, clock at window end
// where window = `flush_and_hold_window` (10 s). Nothing is snapshotted on a timeout.
// With `hold_until_released` the hold phase lasts until ReleaseHold() (another party ends it:
// a host thawing its guest, kubevirt #16653): CommitSnapshots returns VSS_S_ASYNC_PENDING and
// its result goes to WhenCommitReturns' callback — images taken and S_OK when ReleaseHold comes
// within the window; VSS_E_HOLD_WRITES_TIMEOUT (writes released, nothing snapshotted, a LIM-06
// note) when the window ends first (BUG-02).
//
// Other refusals: BeginPrepareSnapshot gives VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER for an
// unknown volume or a PLEX / TRANSPORTABLE / HARDWARE_ASSISTED request (PRV-08),
// VSS_E_UNSUPPORTED_CONTEXT for VSS_CTX_ALL, VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED when
// the volume holds its maximum (LIM-02); EndPrepareSnapshots gives VSS_E_INSUFFICIENT_STORAGE
// when a volume's diff area is full (PRV-07).
//
// Faults: InjectFault makes the n-th later call of a method return a chosen code before doing
// anything — VSS_E_PROVIDER_VETO (veto), VSS_E_INSUFFICIENT_STORAGE, or an undocumented code
// such as E_FAIL, which the coordinator turns into VSS_E_UNEXPECTED_PROVIDER_ERROR
// (NormalizeProviderResult, PRV-07). A slow commit is set_commit_duration().
//
// Lifetime: the coordinator decides auto-release vs persistent (IsAutoRelease) and deletes with
// DeleteSnapshot; Query lists every committed snapshot and FilterByContext does CTX-QRY-01.
//
// Thread safety: none. REQUIRES: volumes, clock and trace (if any) outlive the provider.
#ifndef VSSSIM_STORAGE_COW_PROVIDER_H_
#define VSSSIM_STORAGE_COW_PROVIDER_H_

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vsssim/runtime/clock.h"
#include "vsssim/storage/provider.h"
#include "vsssim/storage/shadow_copy.h"
#include "vsssim/storage/volume_manager.h"
#include "vsssim/trace/trace.h"

namespace vsssim::storage {

enum class ProviderMethod {
  kBeginPrepareSnapshot,
  kEndPrepareSnapshots,
  kPreCommitSnapshots,
  kCommitSnapshots,
  kPostCommitSnapshots,
  kPreFinalCommitSnapshots,
  kPostFinalCommitSnapshots,
  kAbortSnapshots,
  kDeleteSnapshot,
};
// The interface method's name: "BeginPrepareSnapshot", ...
std::string_view NameOf(ProviderMethod method);

struct ProviderFault {
  ProviderMethod method = ProviderMethod::kCommitSnapshots;
  HResult result = hr::VSS_E_PROVIDER_VETO;
  // Fail the n-th call of `method` after injection (1 = the next); 0 = every call.
  int on_call = 1;
};

// The fixed id of the simulated provider: {5c1f0a5e-7e2d-4c6b-9d1a-0c0ffee0c001}.
inline const Guid kCowProviderId{
    0x5C1F0A5Eu, 0x7E2D, 0x4C6B, {0x9D, 0x1A, 0x0C, 0x0F, 0xFE, 0xE0, 0xC0, 0x01}};

struct CowProviderOptions {
  Guid provider_id = kCowProviderId;
  std::string name = "provider";  // actor name in the trace
  runtime::Duration flush_duration{0};
  runtime::Duration commit_duration{0};
  runtime::Duration flush_and_hold_window = std::chrono::seconds(10);  // LIM-06
  bool record_calls = false;  // the coordinator records provider calls
  // <provider hold="until-released">: the hold phase ends at ReleaseHold(), not after
  // commit_duration (see the class comment).
  bool hold_until_released = false;
};

class CowProvider final : public Provider {
 public:
  // `trace` may be null (no recording, no findings).
  CowProvider(VolumeManager& volumes, runtime::Clock& clock, trace::Trace* trace,
              CowProviderOptions options = {});
  ~CowProvider() override;

  Guid provider_id() const override { return options_.provider_id; }
  bool IsVolumeSupported(std::string_view volume, vss::SnapshotContext context) const override;

  HResult BeginPrepareSnapshot(const Guid& snapshot_set_id, const Guid& snapshot_id,
                               std::string_view volume, vss::SnapshotContext context,
                               vss::VolumeSnapshotAttributes attributes) override;
  HResult EndPrepareSnapshots(const Guid& snapshot_set_id) override;
  HResult PreCommitSnapshots(const Guid& snapshot_set_id) override;
  HResult CommitSnapshots(const Guid& snapshot_set_id) override;
  void WhenCommitReturns(const Guid& snapshot_set_id, std::function<void(HResult)> done) override;
  // Ends a hold of `hold_until_released`: S_OK when writes were held (the images are taken and
  // the pending CommitSnapshots returns), VSS_E_HOLD_WRITES_TIMEOUT when the window had already
  // ended the hold (reported once), VSS_E_BAD_STATE when nothing was held.
  HResult ReleaseHold();
  HResult PostCommitSnapshots(const Guid& snapshot_set_id, std::int32_t snapshot_count) override;
  HResult PreFinalCommitSnapshots(const Guid& snapshot_set_id) override;
  HResult PostFinalCommitSnapshots(const Guid& snapshot_set_id) override;
  HResult AbortSnapshots(const Guid& snapshot_set_id) override;
  HResult DeleteSnapshot(const Guid& snapshot_id) override;
  std::vector<SnapshotProperties> Query() const override;

  void InjectFault(const ProviderFault& fault);
  void set_flush_duration(runtime::Duration d) { options_.flush_duration = d; }
  void set_commit_duration(runtime::Duration d) { options_.commit_duration = d; }

  // A committed snapshot by id, or nullptr (also after it was deleted or aborted).
  const ShadowCopy* FindShadowCopy(const Guid& snapshot_id) const;
  // The committed snapshots of one set, in creation order.
  std::vector<const ShadowCopy*> ShadowCopiesOfSet(const Guid& snapshot_set_id) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  CowProviderOptions options_;
};

}  // namespace vsssim::storage

#endif  // VSSSIM_STORAGE_COW_PROVIDER_H_
