// The vsbackup.h free functions that are not about the requester's objects: IsVolumeSnapshotted,
// ShouldBlockRevert, GetProviderMgmtInterface (their exported *Internal names; the SDK's
// inline public names call them). CreateVssBackupComponents, CreateVssExamineWriterMetadata and
// VssFreeSnapshotProperties live with the requester objects (sim/sdk/requester/).
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "sim/sdk/common/wide_string.h"
#include "sim/sdk/service.h"
#include "vsssim/coordinator/requester.h"
#include "vsssim/storage/volume_name.h"
// The Windows headers last (sim/sdk/common/sdk_api.h says why).
#include "sim/sdk/common/finding.h"
#include "sim/sdk/common/sdk_api.h"
// clang-format off
#include <vsbackup.h>
// clang-format on

namespace {

constexpr const char* kActor = "sdk";

}  // namespace

extern "C" {

// IsVolumeSnapshotted ("determines whether any shadow copies exist for the specified volume";
// learn.microsoft.com, vsbackup.h, IsVolumeSnapshotted function): the volume must be one of the
// machine's (VSS_E_OBJECT_NOT_FOUND otherwise); the answer comes from a Query over every
// provider in VSS_CTX_ALL, made by a requester of the simulated service like any other (so it
// shows in the trace). The simulated providers disable no volume operation while a shadow copy
// exists: *plSnapshotCapability is 0 ("if no volume control or file I/O operations are
// disabled for the selected volume, then the shadow copy capability of the selected volume
// returned by plSnapshotCapability will be zero").
HRESULT APIENTRY IsVolumeSnapshottedInternal(VSS_PWSZ pwszVolumeName, BOOL* pbSnapshotsPresent,
                                             LONG* plSnapshotCapability) {
  using vsssim::sdk::RecordFinding;
  std::lock_guard<std::recursive_mutex> lock(vsssim::sdk::ServiceLock());
  if (pwszVolumeName == nullptr || pbSnapshotsPresent == nullptr ||
      plSnapshotCapability == nullptr) {
    return RecordFinding(kActor, "IsVolumeSnapshotted", E_INVALIDARG, "a NULL argument");
  }
  const std::string text = vsssim::sdk::ToUtf8(pwszVolumeName);
  const std::optional<vsssim::storage::VolumeName> name = vsssim::storage::ParseVolumeName(text);
  if (!name) {
    return RecordFinding(kActor, "IsVolumeSnapshotted", E_INVALIDARG,
                         "'" + text + "' is not a volume name");
  }
  std::unique_ptr<vsssim::coordinator::Requester> requester =
      vsssim::sdk::CurrentService().CreateRequester();
  HRESULT hr = vsssim::sdk::ToHRESULT(requester->InitializeForBackup());
  bool supported = false;
  if (SUCCEEDED(hr)) {
    // VSS_E_OBJECT_NOT_FOUND for a volume the machine does not have (REQ-CALL-13).
    hr = vsssim::sdk::ToHRESULT(requester->IsVolumeSupported({}, name->text, &supported));
  }
  std::vector<vsssim::storage::SnapshotProperties> snapshots;
  if (SUCCEEDED(hr)) {
    hr = vsssim::sdk::ToHRESULT(requester->SetContext(static_cast<std::uint32_t>(VSS_CTX_ALL)));
  }
  if (SUCCEEDED(hr)) {
    hr = vsssim::sdk::ToHRESULT(requester->Query({}, vsssim::vss::ObjectType::VSS_OBJECT_NONE,
                                                 vsssim::vss::ObjectType::VSS_OBJECT_SNAPSHOT,
                                                 &snapshots));
  }
  requester->Release();
  if (FAILED(hr)) return hr;
  bool present = false;
  for (const vsssim::storage::SnapshotProperties& s : snapshots) {
    const auto original = vsssim::storage::ParseVolumeName(s.original_volume);
    if (original && original->key == name->key) present = true;
  }
  *pbSnapshotsPresent = present ? TRUE : FALSE;
  *plSnapshotCapability = 0;
  return S_OK;
}

// ShouldBlockRevert ("checks the registry for writers that should block revert operations on
// the specified volume"; vsbackup.h, ShouldBlockRevert function): no simulated writer registers
// such a key, so never.
HRESULT APIENTRY ShouldBlockRevertInternal(LPCWSTR wszVolumeName, vsssim::sdk::SdkBool* pbBlock) {
  std::lock_guard<std::recursive_mutex> lock(vsssim::sdk::ServiceLock());
  if (wszVolumeName == nullptr || pbBlock == nullptr) {
    return vsssim::sdk::RecordFinding(kActor, "ShouldBlockRevert", E_INVALIDARG, "a NULL argument");
  }
  *pbBlock = false;
  return S_OK;
}

// GetProviderMgmtInterface: the simulator has no provider management interface
// (IVssDifferentialSoftwareSnapshotMgmt): E_NOTIMPL and a finding, never a pretend object.
HRESULT APIENTRY GetProviderMgmtInterfaceInternal(VSS_ID /*ProviderId*/, IID /*InterfaceId*/,
                                                  IUnknown** ppItf) {
  std::lock_guard<std::recursive_mutex> lock(vsssim::sdk::ServiceLock());
  if (ppItf == nullptr) {
    return vsssim::sdk::RecordFinding(kActor, "GetProviderMgmtInterface", E_POINTER,
                                      "a NULL out-parameter");
  }
  *ppItf = nullptr;
  return vsssim::sdk::RecordFinding(kActor, "GetProviderMgmtInterface", E_NOTIMPL,
                                    "the simulator has no provider management interface");
}

}  // extern "C"
