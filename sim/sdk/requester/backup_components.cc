// IVssBackupComponents: lifetime, QueryInterface and the backup path (CATALOGUE.md §2.1-§2.3,
// §2.5-§2.8). The restore path is in backup_components_restore.cc, administration and the
// methods the simulator does not model in backup_components_admin.cc.
#include "sim/sdk/requester/backup_components.h"

#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "sim/sdk/requester/examine_writer_metadata.h"
#include "sim/sdk/requester/sdk_glue.h"
#include "sim/sdk/requester/vss_async.h"

namespace vsssim::sdk::requester {
namespace {

using Lock = std::lock_guard<std::recursive_mutex>;

// Retired objects (backup_components.h "Lifetime"), freed when the process ends.
std::vector<std::unique_ptr<BackupComponents>>& Retired() {
  static std::vector<std::unique_ptr<BackupComponents>> retired;
  return retired;
}

vss::ComponentType ComponentType(VSS_COMPONENT_TYPE ct) {
  return static_cast<vss::ComponentType>(ct);
}

std::vector<Guid> Guids(const VSS_ID* ids, UINT count) {
  std::vector<Guid> out;
  for (UINT i = 0; i < count; ++i) out.push_back(ToGuid(ids[i]));
  return out;
}

}  // namespace

BackupComponents::BackupComponents(Service& service,
                                   std::unique_ptr<coordinator::Requester> requester)
    : service_(service),
      requester_(std::move(requester)),
      lease_(std::make_shared<HandlerLease>(
          HandlerLease{true, "requester", "IVssBackupComponents::Release"})) {}

BackupComponents::~BackupComponents() = default;

std::optional<HRESULT> BackupComponents::Gate(const char* method) {
  if (requester_ != nullptr) return std::nullopt;
  // REQ-LIFE-02: the object was released; VSS answers a call on it as on a released
  // requester (Choices::call_after_release).
  return BadCall("REQ-LIFE-02", method, "call on a released IVssBackupComponents", VSS_E_BAD_STATE);
}

// `operation` is read only after `result` (the call that fills it) has been evaluated: it is
// bound by reference.
HRESULT BackupComponents::GiveAsync(HResult result, const coordinator::AsyncPtr& operation,
                                    IVssAsync** out) {
  const HRESULT code = ToHresult(result);
  if (SUCCEEDED(code) && operation != nullptr) *out = new VssAsync(service_, operation);
  return code;
}

HRESULT BackupComponents::QueryInterface(REFIID iid, void** object) {
  if (object == nullptr) return E_POINTER;
  if (SameIid(iid, kIidUnknown) || SameIid(iid, kIidBackupComponents) ||
      SameIid(iid, kIidBackupComponentsEx) || SameIid(iid, kIidBackupComponentsEx2) ||
      SameIid(iid, kIidBackupComponentsEx3) || SameIid(iid, kIidBackupComponentsEx4)) {
    *object = static_cast<IVssBackupComponentsEx4*>(this);
    AddRef();
    return S_OK;
  }
  *object = nullptr;
  return E_NOINTERFACE;
}

ULONG BackupComponents::AddRef() {
  Lock lock(ServiceLock());
  if (Gate("IVssBackupComponents::AddRef")) return 0;
  return refs_.AddRef();
}

ULONG BackupComponents::Release() {
  Lock lock(ServiceLock());
  if (Gate("IVssBackupComponents::Release")) return 0;
  const ULONG left = refs_.Release();
  if (left == 0) {
    requester_->Release();  // REQ-LIFE-04
    requester_.reset();
    lease_->alive = false;
    Retired().emplace_back(this);
  }
  return left;
}

HRESULT BackupComponents::InitializeForBackup(BSTR bstrXML) {
  Lock lock(ServiceLock());
  if (auto e = Gate("InitializeForBackup")) return *e;
  return ToHresult(requester_->InitializeForBackup(bstrXML == nullptr ? "" : Utf8(bstrXML)));
}

HRESULT BackupComponents::SetContext(LONG lContext) {
  Lock lock(ServiceLock());
  if (auto e = Gate("SetContext")) return *e;
  return ToHresult(requester_->SetContext(static_cast<std::uint32_t>(lContext)));
}

HRESULT BackupComponents::SetBackupState(SdkBool bSelectComponents,
                                         SdkBool bBackupBootableSystemState,
                                         VSS_BACKUP_TYPE backupType, SdkBool bPartialFileSupport) {
  Lock lock(ServiceLock());
  if (auto e = Gate("SetBackupState")) return *e;
  return ToHresult(requester_->SetBackupState(
      bSelectComponents != 0, bBackupBootableSystemState != 0,
      static_cast<vss::BackupType>(backupType), bPartialFileSupport != 0));
}

HRESULT BackupComponents::EnableWriterClasses(const VSS_ID* rgWriterClassId, UINT cClassId) {
  Lock lock(ServiceLock());
  if (auto e = Gate("EnableWriterClasses")) return *e;
  if (rgWriterClassId == nullptr && cClassId > 0) {
    return BadArgument("EnableWriterClasses", "rgWriterClassId is NULL");
  }
  return ToHresult(requester_->EnableWriterClasses(Guids(rgWriterClassId, cClassId)));
}

HRESULT BackupComponents::DisableWriterClasses(const VSS_ID* rgWriterClassId, UINT cClassId) {
  Lock lock(ServiceLock());
  if (auto e = Gate("DisableWriterClasses")) return *e;
  if (rgWriterClassId == nullptr && cClassId > 0) {
    return BadArgument("DisableWriterClasses", "rgWriterClassId is NULL");
  }
  return ToHresult(requester_->DisableWriterClasses(Guids(rgWriterClassId, cClassId)));
}

HRESULT BackupComponents::DisableWriterInstances(const VSS_ID* rgWriterInstanceId,
                                                 UINT cInstanceId) {
  Lock lock(ServiceLock());
  if (auto e = Gate("DisableWriterInstances")) return *e;
  if (rgWriterInstanceId == nullptr && cInstanceId > 0) {
    return BadArgument("DisableWriterInstances", "rgWriterInstanceId is NULL");
  }
  return ToHresult(requester_->DisableWriterInstances(Guids(rgWriterInstanceId, cInstanceId)));
}

HRESULT BackupComponents::GatherWriterMetadata(IVssAsync** pAsync) {
  Lock lock(ServiceLock());
  if (auto e = Gate("GatherWriterMetadata")) return *e;
  if (pAsync == nullptr) return BadArgument("GatherWriterMetadata", "pAsync is NULL");
  coordinator::AsyncPtr operation;
  return GiveAsync(requester_->GatherWriterMetadata(&operation), operation, pAsync);
}

HRESULT BackupComponents::GetWriterMetadataCount(UINT* pcWriters) {
  Lock lock(ServiceLock());
  if (auto e = Gate("GetWriterMetadataCount")) return *e;
  if (pcWriters == nullptr) return BadArgument("GetWriterMetadataCount", "pcWriters is NULL");
  std::uint32_t count = 0;
  const HRESULT code = ToHresult(requester_->GetWriterMetadataCount(&count));
  if (SUCCEEDED(code)) *pcWriters = count;
  return code;
}

HRESULT BackupComponents::GetWriterMetadata(UINT iWriter, VSS_ID* pidInstance,
                                            IVssExamineWriterMetadata** ppMetadata) {
  IVssExamineWriterMetadataEx* metadata = nullptr;
  const HRESULT code =
      GetWriterMetadataEx(iWriter, pidInstance, ppMetadata == nullptr ? nullptr : &metadata);
  if (SUCCEEDED(code)) *ppMetadata = metadata;
  return code;
}

HRESULT BackupComponents::GetWriterMetadataEx(UINT iWriter, VSS_ID* pidInstance,
                                              IVssExamineWriterMetadataEx** ppMetadata) {
  Lock lock(ServiceLock());
  if (auto e = Gate("GetWriterMetadata")) return *e;
  if (pidInstance == nullptr || ppMetadata == nullptr) {
    return BadArgument("GetWriterMetadata", "an out-parameter is NULL");
  }
  Guid instance;
  const metadata::ExamineWriterMetadata* metadata = nullptr;
  const HRESULT code = ToHresult(requester_->GetWriterMetadata(iWriter, &instance, &metadata));
  if (FAILED(code)) return code;
  *pidInstance = ToVssId(instance);
  *ppMetadata = new ExamineWriterMetadata(*metadata);  // a copy of the shared document
  return code;
}

HRESULT BackupComponents::FreeWriterMetadata() {
  Lock lock(ServiceLock());
  if (auto e = Gate("FreeWriterMetadata")) return *e;
  return ToHresult(requester_->FreeWriterMetadata());
}

HRESULT BackupComponents::AddComponent(VSS_ID instanceId, VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                       LPCWSTR wszLogicalPath, LPCWSTR wszComponentName) {
  Lock lock(ServiceLock());
  if (auto e = Gate("AddComponent")) return *e;
  if (wszComponentName == nullptr) return BadArgument("AddComponent", "wszComponentName is NULL");
  return ToHresult(requester_->AddComponent(ToGuid(instanceId), ToGuid(writerId), ComponentType(ct),
                                            Utf8(wszLogicalPath), Utf8(wszComponentName)));
}

HRESULT BackupComponents::SetBackupOptions(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                           LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
                                           LPCWSTR wszBackupOptions) {
  Lock lock(ServiceLock());
  if (auto e = Gate("SetBackupOptions")) return *e;
  if (wszComponentName == nullptr || wszBackupOptions == nullptr) {
    return BadArgument("SetBackupOptions", "a string argument is NULL");
  }
  return ToHresult(requester_->SetBackupOptions(ToGuid(writerId), ComponentType(ct),
                                                Utf8(wszLogicalPath), Utf8(wszComponentName),
                                                Utf8(wszBackupOptions)));
}

HRESULT BackupComponents::SetPreviousBackupStamp(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                                 LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
                                                 LPCWSTR wszPreviousBackupStamp) {
  Lock lock(ServiceLock());
  if (auto e = Gate("SetPreviousBackupStamp")) return *e;
  if (wszComponentName == nullptr || wszPreviousBackupStamp == nullptr) {
    return BadArgument("SetPreviousBackupStamp", "a string argument is NULL");
  }
  return ToHresult(requester_->SetPreviousBackupStamp(ToGuid(writerId), ComponentType(ct),
                                                      Utf8(wszLogicalPath), Utf8(wszComponentName),
                                                      Utf8(wszPreviousBackupStamp)));
}

HRESULT BackupComponents::StartSnapshotSet(VSS_ID* pSnapshotSetId) {
  Lock lock(ServiceLock());
  if (auto e = Gate("StartSnapshotSet")) return *e;
  if (pSnapshotSetId == nullptr) return BadArgument("StartSnapshotSet", "pSnapshotSetId is NULL");
  Guid id;
  const HRESULT code = ToHresult(requester_->StartSnapshotSet(&id));
  if (SUCCEEDED(code)) *pSnapshotSetId = ToVssId(id);
  return code;
}

HRESULT BackupComponents::AddToSnapshotSet(VSS_PWSZ pwszVolumeName, VSS_ID ProviderId,
                                           VSS_ID* pidSnapshot) {
  Lock lock(ServiceLock());
  if (auto e = Gate("AddToSnapshotSet")) return *e;
  if (pwszVolumeName == nullptr || pidSnapshot == nullptr) {
    return BadArgument("AddToSnapshotSet", "pwszVolumeName or pidSnapshot is NULL");
  }
  Guid id;
  const HRESULT code =
      ToHresult(requester_->AddToSnapshotSet(Utf8(pwszVolumeName), ToGuid(ProviderId), &id));
  if (SUCCEEDED(code)) *pidSnapshot = ToVssId(id);
  return code;
}

HRESULT BackupComponents::IsVolumeSupported(VSS_ID ProviderId, VSS_PWSZ pwszVolumeName,
                                            BOOL* pbSupportedByThisProvider) {
  Lock lock(ServiceLock());
  if (auto e = Gate("IsVolumeSupported")) return *e;
  if (pwszVolumeName == nullptr || pbSupportedByThisProvider == nullptr) {
    return BadArgument("IsVolumeSupported", "pwszVolumeName or pbSupportedByThisProvider is NULL");
  }
  bool supported = false;
  const HRESULT code = ToHresult(
      requester_->IsVolumeSupported(ToGuid(ProviderId), Utf8(pwszVolumeName), &supported));
  if (SUCCEEDED(code)) *pbSupportedByThisProvider = supported ? TRUE : FALSE;
  return code;
}

HRESULT BackupComponents::PrepareForBackup(IVssAsync** ppAsync) {
  Lock lock(ServiceLock());
  if (auto e = Gate("PrepareForBackup")) return *e;
  if (ppAsync == nullptr) return BadArgument("PrepareForBackup", "ppAsync is NULL");
  coordinator::AsyncPtr operation;
  return GiveAsync(requester_->PrepareForBackup(&operation), operation, ppAsync);
}

HRESULT BackupComponents::DoSnapshotSet(IVssAsync** ppAsync) {
  Lock lock(ServiceLock());
  if (auto e = Gate("DoSnapshotSet")) return *e;
  if (ppAsync == nullptr) return BadArgument("DoSnapshotSet", "ppAsync is NULL");
  coordinator::AsyncPtr operation;
  return GiveAsync(requester_->DoSnapshotSet(&operation), operation, ppAsync);
}

HRESULT BackupComponents::SetBackupSucceeded(VSS_ID instanceId, VSS_ID writerId,
                                             VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath,
                                             LPCWSTR wszComponentName, SdkBool bSucceded) {
  Lock lock(ServiceLock());
  if (auto e = Gate("SetBackupSucceeded")) return *e;
  if (wszComponentName == nullptr) {
    return BadArgument("SetBackupSucceeded", "wszComponentName is NULL");
  }
  return ToHresult(requester_->SetBackupSucceeded(ToGuid(instanceId), ToGuid(writerId),
                                                  ComponentType(ct), Utf8(wszLogicalPath),
                                                  Utf8(wszComponentName), bSucceded != 0));
}

HRESULT BackupComponents::SaveAsXML(BSTR* pbstrXML) {
  Lock lock(ServiceLock());
  if (auto e = Gate("SaveAsXML")) return *e;
  if (pbstrXML == nullptr) return BadArgument("SaveAsXML", "pbstrXML is NULL");
  std::string xml;
  const HRESULT code = ToHresult(requester_->SaveAsXML(&xml));
  if (SUCCEEDED(code)) *pbstrXML = NewBstr(xml);
  return code;
}

HRESULT BackupComponents::BackupComplete(IVssAsync** ppAsync) {
  Lock lock(ServiceLock());
  if (auto e = Gate("BackupComplete")) return *e;
  if (ppAsync == nullptr) return BadArgument("BackupComplete", "ppAsync is NULL");
  coordinator::AsyncPtr operation;
  return GiveAsync(requester_->BackupComplete(&operation), operation, ppAsync);
}

HRESULT BackupComponents::AbortBackup() {
  Lock lock(ServiceLock());
  if (auto e = Gate("AbortBackup")) return *e;
  return ToHresult(requester_->AbortBackup());
}

HRESULT BackupComponents::GatherWriterStatus(IVssAsync** pAsync) {
  Lock lock(ServiceLock());
  if (auto e = Gate("GatherWriterStatus")) return *e;
  if (pAsync == nullptr) return BadArgument("GatherWriterStatus", "pAsync is NULL");
  coordinator::AsyncPtr operation;
  return GiveAsync(requester_->GatherWriterStatus(&operation), operation, pAsync);
}

HRESULT BackupComponents::GetWriterStatusCount(UINT* pcWriters) {
  Lock lock(ServiceLock());
  if (auto e = Gate("GetWriterStatusCount")) return *e;
  if (pcWriters == nullptr) return BadArgument("GetWriterStatusCount", "pcWriters is NULL");
  std::uint32_t count = 0;
  const HRESULT code = ToHresult(requester_->GetWriterStatusCount(&count));
  if (SUCCEEDED(code)) *pcWriters = count;
  return code;
}

HRESULT BackupComponents::FreeWriterStatus() {
  Lock lock(ServiceLock());
  if (auto e = Gate("FreeWriterStatus")) return *e;
  return ToHresult(requester_->FreeWriterStatus());
}

HRESULT BackupComponents::GetWriterStatus(UINT iWriter, VSS_ID* pidInstance, VSS_ID* pidWriter,
                                          BSTR* pbstrWriter, VSS_WRITER_STATE* pnStatus,
                                          HRESULT* phResultFailure) {
  return GetWriterStatusEx(iWriter, pidInstance, pidWriter, pbstrWriter, pnStatus, phResultFailure,
                           nullptr, nullptr);
}

HRESULT BackupComponents::GetWriterStatusEx(UINT iWriter, VSS_ID* pidInstance, VSS_ID* pidWriter,
                                            BSTR* pbstrWriter, VSS_WRITER_STATE* pnStatus,
                                            HRESULT* phrFailureWriter, HRESULT* phrApplication,
                                            BSTR* pbstrApplicationMessage) {
  Lock lock(ServiceLock());
  if (auto e = Gate("GetWriterStatus")) return *e;
  if (pidInstance == nullptr || pidWriter == nullptr || pbstrWriter == nullptr ||
      pnStatus == nullptr || phrFailureWriter == nullptr) {
    return BadArgument("GetWriterStatus", "an out-parameter is NULL");
  }
  coordinator::WriterStatus status;
  const HRESULT code = ToHresult(requester_->GetWriterStatus(iWriter, &status));
  if (FAILED(code)) return code;
  *pidInstance = ToVssId(status.instance_id);
  *pidWriter = ToVssId(status.writer_id);
  *pbstrWriter = NewBstr(status.writer_name);
  *pnStatus = static_cast<VSS_WRITER_STATE>(status.state);
  *phrFailureWriter = ToHresult(status.failure);
  // Ex3: "phrApplication" and "pbstrApplicationMessage" are optional (NULL: not wanted).
  if (phrApplication != nullptr) *phrApplication = ToHresult(status.application_failure);
  if (pbstrApplicationMessage != nullptr) {
    *pbstrApplicationMessage =
        status.application_message.empty() ? nullptr : NewBstr(status.application_message);
  }
  return code;
}

HRESULT BackupComponents::GetSessionId(VSS_ID* idSession) {
  Lock lock(ServiceLock());
  if (auto e = Gate("GetSessionId")) return *e;
  if (idSession == nullptr) return BadArgument("GetSessionId", "idSession is NULL");
  Guid id;
  const HRESULT code = ToHresult(requester_->GetSessionId(&id));
  if (SUCCEEDED(code)) *idSession = ToVssId(id);
  return code;
}

}  // namespace vsssim::sdk::requester
