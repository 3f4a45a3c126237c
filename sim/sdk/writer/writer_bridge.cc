#include <cstdio>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "sim/sdk/service.h"
#include "sim/sdk/writer/remote_subscription.h"
#include "vsssim/metadata/create_writer_metadata.h"
#include "vsssim/writer/writer.h"
#include "vsssim/writer/writer_components.h"

#include "sim/sdk/common/bstr.h"  // last (sdk_api.h)
#include "sim/sdk/common/finding.h"
#include "sim/sdk/common/vss_id.h"
#include "sim/sdk/common/wide_string.h"
#include "sim/sdk/writer/create_writer_metadata_impl.h"
#include "sim/sdk/writer/writer_bridge.h"
#include "sim/sdk/writer/writer_components_impl.h"

namespace vsssim::sdk {
namespace {

WriterBridge::SubscribeHook& Hook() {
  static WriterBridge::SubscribeHook hook;
  return hook;
}

}  // namespace

WriterBridge::WriterBridge(CVssWriter* owner, writer::WriterIdentity identity,
                           DWORD /*freeze_timeout_ms*/)
    : writer::Writer(std::move(identity)), owner_(owner) {}

WriterBridge::~WriterBridge() {
  remote_.reset();  // no handler runs on the serving thread past this point
  if (adopted_ != nullptr) {
    adopted_->vsssim_bridge_ = nullptr;  // the CVssWriter must not delete this bridge again
    adopted_.reset();
  }
}

std::unique_ptr<writer::Writer> WriterBridge::Adopt(std::unique_ptr<CVssWriter> owner) {
  adopted_ = std::move(owner);
  return std::unique_ptr<writer::Writer>(this);
}

void WriterBridge::SetSubscribeHook(SubscribeHook hook) {
  std::lock_guard<std::recursive_mutex> lock(ServiceLock());
  Hook() = std::move(hook);
}

VSS_ID WriterBridge::ToVssIdOf(const Guid& guid) { return ToVssId(guid); }

template <class F>
bool WriterBridge::Run(const char* handler, F&& call) {
  if (owner_ == nullptr) return true;  // orphaned: its CVssWriter is gone
  lease_ = std::make_shared<HandlerLease>();
  lease_->actor = actor();
  lease_->handler = handler;
  volumes_.clear();
  volume_pointers_.clear();
  const bool result = call();
  lease_->alive = false;
  return result;
}

IVssWriterComponents* WriterBridge::Components(writer::WriterComponents* components) {
  // SEL-01: no IVssWriterComponents when the requester is not in component mode.
  if (components == nullptr) return nullptr;
  component_lists_.push_back(std::make_unique<WriterComponentsImpl>(
      components, CurrentService().WriterInstanceId(*this), identity().class_id, lease_));
  return component_lists_.back().get();
}

// CVssWriterEx::OnIdentifyEx for a CVssWriterEx (its default calls OnIdentify), else
// CVssWriter::OnIdentify.
bool WriterBridge::OnIdentify(metadata::CreateWriterMetadata& metadata) {
  return Run("OnIdentify", [&] {
    metadata_objects_.push_back(std::make_unique<CreateWriterMetadataImpl>(&metadata, lease_));
    CreateWriterMetadataImpl* object = metadata_objects_.back().get();
    if (auto* ex = dynamic_cast<CVssWriterEx*>(owner_)) return ex->OnIdentifyEx(object);
    return owner_->OnIdentify(object);
  });
}

bool WriterBridge::OnPrepareBackup(writer::WriterComponents* components) {
  return Run("OnPrepareBackup", [&] { return owner_->OnPrepareBackup(Components(components)); });
}

bool WriterBridge::OnPrepareSnapshot() {
  return Run("OnPrepareSnapshot", [&] { return owner_->OnPrepareSnapshot(); });
}

bool WriterBridge::OnFreeze() {
  return Run("OnFreeze", [&] { return owner_->OnFreeze(); });
}

bool WriterBridge::OnThaw() {
  return Run("OnThaw", [&] { return owner_->OnThaw(); });
}

bool WriterBridge::OnPostSnapshot(writer::WriterComponents* components) {
  return Run("OnPostSnapshot", [&] {
    in_post_snapshot_ = true;
    const bool result = owner_->OnPostSnapshot(Components(components));
    in_post_snapshot_ = false;
    return result;
  });
}

bool WriterBridge::OnAbort() {
  return Run("OnAbort", [&] { return owner_->OnAbort(); });
}

bool WriterBridge::OnBackupComplete(writer::WriterComponents* components) {
  return Run("OnBackupComplete", [&] { return owner_->OnBackupComplete(Components(components)); });
}

bool WriterBridge::OnBackupShutdown(const Guid& snapshot_set_id) {
  return Run("OnBackupShutdown",
             [&] { return owner_->OnBackupShutdown(ToVssId(snapshot_set_id)); });
}

bool WriterBridge::OnPreRestore(writer::WriterComponents* components) {
  return Run("OnPreRestore", [&] { return owner_->OnPreRestore(Components(components)); });
}

bool WriterBridge::OnPostRestore(writer::WriterComponents* components) {
  return Run("OnPostRestore", [&] { return owner_->OnPostRestore(Components(components)); });
}

// CVssWriter::Subscribe (WRT-INIT-02). A second Subscribe while subscribed: the coordinator's
// WRT-INIT-03 finding and VSS_E_WRITER_ALREADY_SUBSCRIBED (its RegisterWriter contract).
HRESULT WriterBridge::Subscribe(DWORD event_flags) {
  std::lock_guard<std::recursive_mutex> lock(ServiceLock());
  if (subscribed() || captured_) {
    return RecordFinding(actor(), "CVssWriter::Subscribe", VSS_E_WRITER_ALREADY_SUBSCRIBED,
                         "the writer is subscribed already", "WRT-INIT-03");
  }
  event_flags_ = event_flags;
  if (Hook() && Hook()(*this)) {
    captured_ =
        true;  // held by the capture (vsssim/conformance/sdk_writer.h), which owns the registration
    return S_OK;
  }
  // docs/serve.md: a writer process started by vsssim (or pointed at `vsssim serve`) has
  // VSSSIM_ADDRESS and VSSSIM_TOKEN; it subscribes to that service over the wire protocol.
  if (RemoteSubscription::Requested()) {
    remote_ = std::make_unique<RemoteSubscription>(*this, [this] {
      if (owner_ != nullptr) owner_->OnVSSShutdown();
    });
    std::string error;
    if (!remote_->Start(&error)) {
      remote_.reset();
      std::fprintf(stderr, "vsssim: CVssWriter::Subscribe: %s\n", error.c_str());
      // CVssWriter::Subscribe: E_UNEXPECTED, "Unexpected error" (the service is unreachable).
      return RecordFinding(actor(), "CVssWriter::Subscribe", E_UNEXPECTED, error);
    }
    return S_OK;
  }
  service_ = &CurrentService();
  service_->Subscribe(*this);
  return S_OK;
}

// CVssWriter::Unsubscribe (WRT-INIT-03): no events after it returns.
HRESULT WriterBridge::Unsubscribe() {
  std::unique_ptr<RemoteSubscription> remote;
  {
    std::lock_guard<std::recursive_mutex> lock(ServiceLock());
    if (captured_) {
      captured_ = false;
      return S_OK;
    }
    // From a handler on the serving thread (OnVSSShutdown): the session is ending anyway.
    if (remote_ != nullptr && remote_->OnServingThread()) return S_OK;
    remote = std::move(remote_);
  }
  if (remote != nullptr) {
    // Outside the lock: a handler running on the serving thread may need it to finish. The
    // service reads the closed connection as Unsubscribe (WRT-INIT-03).
    remote->Stop();
    return S_OK;
  }
  std::lock_guard<std::recursive_mutex> lock(ServiceLock());
  if (!subscribed()) return S_OK;  // documented as harmless when not subscribed
  service_->Unsubscribe(*this);
  service_ = nullptr;
  return S_OK;
}

void WriterBridge::Orphan() {
  Unsubscribe();
  owner_ = nullptr;
}

VSS_BACKUP_TYPE WriterBridge::BackupType() const {
  return static_cast<VSS_BACKUP_TYPE>(GetBackupType());
}

LONG WriterBridge::Context() const { return static_cast<LONG>(GetContext()); }

VSS_ID WriterBridge::CurrentSnapshotSetId() const { return ToVssId(GetCurrentSnapshotSetId()); }

LPCWSTR* WriterBridge::CurrentVolumeArray() {
  volumes_.clear();
  for (const std::string& v : GetCurrentVolumeArray()) volumes_.push_back(ToWide(v));
  volume_pointers_.clear();
  for (const std::wstring& v : volumes_) volume_pointers_.push_back(v.c_str());
  return volume_pointers_.empty() ? nullptr : volume_pointers_.data();
}

UINT WriterBridge::CurrentVolumeCount() const { return GetCurrentVolumeCount(); }

VSS_RESTORE_TYPE WriterBridge::RestoreType() const {
  return static_cast<VSS_RESTORE_TYPE>(GetRestoreType());
}

// CVssWriter::GetSnapshotDeviceName: E_INVALIDARG for NULL arguments, VSS_E_BAD_STATE outside
// OnPostSnapshot, VSS_E_OBJECT_NOT_FOUND for a volume not in the shadow copy set (all as the
// method's page documents). The string stays valid until the writer object is destroyed.
HRESULT WriterBridge::SnapshotDeviceName(LPCWSTR volume, LPCWSTR* device) {
  const char* call = "CVssWriter::GetSnapshotDeviceName";
  if (volume == nullptr || device == nullptr) {
    return RecordFinding(actor(), call, E_INVALIDARG, "NULL argument");
  }
  *device = nullptr;
  if (!in_post_snapshot_) {
    return RecordFinding(actor(), call, VSS_E_BAD_STATE, "called outside OnPostSnapshot");
  }
  const std::string name =
      CurrentService().SnapshotDeviceName(GetCurrentSnapshotSetId(), ToUtf8(volume));
  if (name.empty()) {
    return RecordFinding(actor(), call, VSS_E_OBJECT_NOT_FOUND,
                         "'" + ToUtf8(volume) + "' is not in the shadow copy set");
  }
  devices_.push_back(ToWide(name));
  *device = devices_.back().c_str();
  return S_OK;
}

bool WriterBridge::PathAffected(LPCWSTR path) const {
  if (path == nullptr) return false;
  return IsPathAffected(ToUtf8(path));
}

HRESULT WriterBridge::WriterFailure(HRESULT hr) {
  return ToHRESULT(SetWriterFailure(ToHResult(hr)));
}

HRESULT WriterBridge::WriterFailureEx(HRESULT hr, HRESULT hr_application, LPCWSTR message) {
  return ToHRESULT(SetWriterFailureEx(ToHResult(hr), ToHResult(hr_application), ToUtf8(message)));
}

}  // namespace vsssim::sdk
