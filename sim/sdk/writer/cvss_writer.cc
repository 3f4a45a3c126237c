// CVssWriter, CVssWriterEx and CVssWriterEx2 (vsssim_cvsswriter.h) over the bridge
// (writer_bridge.h). Each method cites its Microsoft page's behaviour where the catalogue is
// silent.
#include <chrono>
#include <mutex>
#include <string>
#include <utility>

#include "sim/sdk/service.h"
#include "vsssim/writer/writer.h"

#include "sim/sdk/common/bstr.h"  // last (sdk_api.h)
#include "sim/sdk/common/finding.h"
#include "sim/sdk/common/vss_id.h"
#include "sim/sdk/writer/writer_bridge.h"

using vsssim::sdk::RecordFinding;
using vsssim::sdk::WriterBridge;

namespace {

// The identity of an Initialize(Ex) call (WRT-INIT-01, LIM-05).
vsssim::writer::WriterIdentity IdentityOf(VSS_ID id, LPCWSTR name, LPCWSTR instance_name,
                                          VSS_USAGE_TYPE ut, VSS_SOURCE_TYPE st,
                                          VSS_APPLICATION_LEVEL level, DWORD freeze_timeout_ms) {
  vsssim::writer::WriterIdentity identity;
  identity.class_id = vsssim::sdk::ToGuid(id);
  identity.name = vsssim::sdk::Utf8(name);
  identity.instance_name = vsssim::sdk::Utf8(instance_name);
  identity.usage = static_cast<vsssim::vss::UsageType>(ut);
  identity.source = static_cast<vsssim::vss::SourceType>(st);
  identity.level = static_cast<vsssim::vss::ApplicationLevel>(level);
  identity.freeze_timeout = std::chrono::milliseconds(freeze_timeout_ms);
  return identity;
}

// Initialize / InitializeEx: E_INVALIDARG for a NULL writer name (CVssWriter::Initialize: "One
// of the parameter values is not valid"); VSS_E_BAD_STATE while subscribed (re-initializing a
// subscribed writer would change the identity VSS knows it by).
HRESULT Init(WriterBridge*& bridge, CVssWriter* owner, const char* call,
             vsssim::writer::WriterIdentity identity, DWORD freeze_timeout_ms, bool name_given) {
  std::lock_guard<std::recursive_mutex> lock(vsssim::sdk::ServiceLock());
  const std::string actor = "writer:" + identity.name;
  if (!name_given) return RecordFinding(actor, call, E_INVALIDARG, "NULL wszWriterName");
  if (bridge != nullptr && bridge->subscribed()) {
    return RecordFinding(actor, call, VSS_E_BAD_STATE, "called while subscribed");
  }
  delete bridge;
  bridge = new WriterBridge(owner, std::move(identity), freeze_timeout_ms);
  return S_OK;
}

}  // namespace

CVssWriter::CVssWriter() : vsssim_bridge_(nullptr) {}

// A subscribed writer that goes away unsubscribes (WRT-INIT-03). The bridge stays with the
// service (orphaned) so the service never holds a dangling writer.
CVssWriter::~CVssWriter() {
  if (vsssim_bridge_ == nullptr) return;
  std::lock_guard<std::recursive_mutex> lock(vsssim::sdk::ServiceLock());
  if (vsssim_bridge_->subscribed()) {
    vsssim_bridge_->Orphan();
    static std::vector<std::unique_ptr<WriterBridge>>* orphans =
        new std::vector<std::unique_ptr<WriterBridge>>();  // process lifetime, like the service
    orphans->emplace_back(vsssim_bridge_);
  } else {
    delete vsssim_bridge_;
  }
}

HRESULT CVssWriter::Initialize(VSS_ID WriterID, LPCWSTR wszWriterName, VSS_USAGE_TYPE ut,
                               VSS_SOURCE_TYPE st, VSS_APPLICATION_LEVEL nLevel,
                               DWORD dwTimeoutFreeze, VSS_ALTERNATE_WRITER_STATE /*aws*/,
                               bool /*bIOThrottlingOnly*/, LPCWSTR /*wszReserved*/) {
  return Init(vsssim_bridge_, this, "CVssWriter::Initialize",
              IdentityOf(WriterID, wszWriterName, nullptr, ut, st, nLevel, dwTimeoutFreeze),
              dwTimeoutFreeze, wszWriterName != nullptr);
}

// VSS_E_BAD_STATE before Initialize (CVssWriter::Subscribe: "the object is not initialized").
HRESULT CVssWriter::Subscribe(DWORD dwEventFlags) {
  if (vsssim_bridge_ == nullptr) {
    return RecordFinding("sdk", "CVssWriter::Subscribe", VSS_E_BAD_STATE,
                         "called before Initialize");
  }
  return vsssim_bridge_->Subscribe(dwEventFlags);
}

HRESULT CVssWriter::Unsubscribe() {
  return vsssim_bridge_ == nullptr ? S_OK : vsssim_bridge_->Unsubscribe();
}

// The optional handlers' documented defaults: true.
bool CVssWriter::OnIdentify(IVssCreateWriterMetadata*) { return true; }
bool CVssWriter::OnPrepareBackup(IVssWriterComponents*) { return true; }
bool CVssWriter::OnPostSnapshot(IVssWriterComponents*) { return true; }
bool CVssWriter::OnBackupComplete(IVssWriterComponents*) { return true; }
bool CVssWriter::OnBackupShutdown(VSS_ID) { return true; }
bool CVssWriter::OnPreRestore(IVssWriterComponents*) { return true; }
bool CVssWriter::OnPostRestore(IVssWriterComponents*) { return true; }
bool CVssWriter::OnBackOffIOOnVolume(VSS_PWSZ, VSS_ID, VSS_ID) { return true; }
bool CVssWriter::OnContinueIOOnVolume(VSS_PWSZ, VSS_ID, VSS_ID) { return true; }
bool CVssWriter::OnVSSShutdown() { return true; }
bool CVssWriter::OnVSSApplicationStartup() { return true; }

// The getters outside a handler (or before Initialize) return their documented "undefined"
// values (writer::Writer's contract).
VSS_BACKUP_TYPE CVssWriter::GetBackupType() const {
  return vsssim_bridge_ == nullptr ? VSS_BT_UNDEFINED : vsssim_bridge_->BackupType();
}

LONG CVssWriter::GetContext() const {
  return vsssim_bridge_ == nullptr ? static_cast<LONG>(VSS_CTX_BACKUP) : vsssim_bridge_->Context();
}

// CVssWriter::GetCurrentLevel: the level the writer is frozen at, which is the level it gave
// Initialize (vsssim freezes every writer at its own level).
VSS_APPLICATION_LEVEL CVssWriter::GetCurrentLevel() const {
  if (vsssim_bridge_ == nullptr) return VSS_APP_FRONT_END;
  return static_cast<VSS_APPLICATION_LEVEL>(vsssim_bridge_->identity().level);
}

VSS_ID CVssWriter::GetCurrentSnapshotSetId() const {
  return vsssim_bridge_ == nullptr ? GUID_NULL : vsssim_bridge_->CurrentSnapshotSetId();
}

LPCWSTR* CVssWriter::GetCurrentVolumeArray() const {
  return vsssim_bridge_ == nullptr ? nullptr : vsssim_bridge_->CurrentVolumeArray();
}

UINT CVssWriter::GetCurrentVolumeCount() const {
  return vsssim_bridge_ == nullptr ? 0 : vsssim_bridge_->CurrentVolumeCount();
}

VSS_RESTORE_TYPE CVssWriter::GetRestoreType() const {
  return vsssim_bridge_ == nullptr ? VSS_RTYPE_UNDEFINED : vsssim_bridge_->RestoreType();
}

HRESULT CVssWriter::GetSnapshotDeviceName(LPCWSTR wszOriginalVolume,
                                          LPCWSTR* ppwszSnapshotDevice) const {
  if (vsssim_bridge_ == nullptr) {
    return RecordFinding("sdk", "CVssWriter::GetSnapshotDeviceName", VSS_E_BAD_STATE,
                         "called before Initialize");
  }
  return vsssim_bridge_->SnapshotDeviceName(wszOriginalVolume, ppwszSnapshotDevice);
}

bool CVssWriter::AreComponentsSelected() const {
  return vsssim_bridge_ != nullptr && vsssim_bridge_->ComponentsSelected();
}

bool CVssWriter::IsBootableSystemStateBackedUp() const {
  return vsssim_bridge_ != nullptr && vsssim_bridge_->BootableSystemStateBackedUp();
}

bool CVssWriter::IsPartialFileSupportEnabled() const {
  return vsssim_bridge_ != nullptr && vsssim_bridge_->PartialFileSupportEnabled();
}

bool CVssWriter::IsPathAffected(LPCWSTR wszPath) const {
  return vsssim_bridge_ != nullptr && vsssim_bridge_->PathAffected(wszPath);
}

// WRT-ERR-01 (the coordinator's EventHost records it; WRT-THREAD-01 from another thread).
HRESULT CVssWriter::SetWriterFailure(HRESULT hr) {
  if (vsssim_bridge_ == nullptr) {
    return RecordFinding("sdk", "CVssWriter::SetWriterFailure", VSS_E_BAD_STATE,
                         "called before Initialize");
  }
  return vsssim_bridge_->WriterFailure(hr);
}

HRESULT CVssWriterEx::InitializeEx(VSS_ID WriterID, LPCWSTR wszWriterName, DWORD /*dwMajorVersion*/,
                                   DWORD /*dwMinorVersion*/, VSS_USAGE_TYPE ut, VSS_SOURCE_TYPE st,
                                   VSS_APPLICATION_LEVEL nLevel, DWORD dwTimeoutFreeze,
                                   VSS_ALTERNATE_WRITER_STATE /*aws*/, bool /*bIOThrottlingOnly*/,
                                   LPCWSTR wszWriterInstanceName) {
  return Init(
      vsssim_bridge(), this, "CVssWriterEx::InitializeEx",
      IdentityOf(WriterID, wszWriterName, wszWriterInstanceName, ut, st, nLevel, dwTimeoutFreeze),
      dwTimeoutFreeze, wszWriterName != nullptr);
}

// vsssim runs handlers synchronously, so there is nothing for Unsubscribe to wait for.
HRESULT CVssWriterEx::SubscribeEx(DWORD /*dwUnsubscribeTimeout*/, DWORD dwEventFlags) {
  return Subscribe(dwEventFlags);
}

// "A writer can override the OnIdentify or OnIdentifyEx method, but not both": the default
// OnIdentifyEx hands the metadata to OnIdentify.
bool CVssWriterEx::OnIdentifyEx(IVssCreateWriterMetadataEx* pMetadata) {
  return OnIdentify(pMetadata);
}

HRESULT CVssWriterEx::GetIdentifyInformation(IVssExamineWriterMetadata** ppMetadata) {
  if (ppMetadata == nullptr) {
    return RecordFinding("sdk", "CVssWriterEx::GetIdentifyInformation", E_INVALIDARG,
                         "NULL out-parameter");
  }
  *ppMetadata = nullptr;
  return E_NOTIMPL;
}

// WRT-IDENTIFY-03 / WRT-THREAD-01 (the coordinator's EventHost answers them).
HRESULT CVssWriterEx2::GetSessionId(VSS_ID* idSession) const {
  if (idSession == nullptr) {
    return RecordFinding("sdk", "CVssWriterEx2::GetSessionId", E_INVALIDARG, "NULL out-parameter");
  }
  *idSession = vsssim_bridge_const() == nullptr ? GUID_NULL : vsssim_bridge_const()->SessionId();
  return S_OK;
}

bool CVssWriterEx2::IsWriterShuttingDown() const {
  return vsssim_bridge_const() != nullptr && vsssim_bridge_const()->ShuttingDown();
}

HRESULT CVssWriterEx2::SetWriterFailureEx(HRESULT hr, HRESULT hrApplication,
                                          LPCWSTR wszApplicationMessage) {
  if (vsssim_bridge_const() == nullptr) {
    return RecordFinding("sdk", "CVssWriterEx2::SetWriterFailureEx", VSS_E_BAD_STATE,
                         "called before Initialize");
  }
  return vsssim_bridge()->WriterFailureEx(hr, hrApplication, wszApplicationMessage);
}
