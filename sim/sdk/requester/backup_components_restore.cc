// IVssBackupComponents: the restore path (CATALOGUE.md §2.4, §2.9, §2.10, §5.7-§5.10) and
// GetWriterComponents, over the coordinator's requester.
#include <mutex>
#include <string>

#include "sim/sdk/requester/backup_components.h"
#include "sim/sdk/requester/sdk_glue.h"
#include "sim/sdk/requester/writer_components_ext.h"

namespace vsssim::sdk::requester {
namespace {

using Lock = std::lock_guard<std::recursive_mutex>;

vss::ComponentType ComponentType(VSS_COMPONENT_TYPE ct) {
  return static_cast<vss::ComponentType>(ct);
}

}  // namespace

HRESULT BackupComponents::InitializeForRestore(BSTR bstrXML) {
  Lock lock(ServiceLock());
  if (auto e = Gate("InitializeForRestore")) return *e;
  // "InitializeForRestore": bstrXML is the document saved at backup time; it is required.
  if (bstrXML == nullptr) return BadArgument("InitializeForRestore", "bstrXML is NULL");
  return ToHresult(requester_->InitializeForRestore(Utf8(bstrXML)));
}

HRESULT BackupComponents::GetWriterComponentsCount(UINT* pcComponents) {
  Lock lock(ServiceLock());
  if (auto e = Gate("GetWriterComponentsCount")) return *e;
  if (pcComponents == nullptr) {
    return BadArgument("GetWriterComponentsCount", "pcComponents is NULL");
  }
  std::uint32_t count = 0;
  const HRESULT code = ToHresult(requester_->GetWriterComponentsCount(&count));
  if (SUCCEEDED(code)) *pcComponents = count;
  return code;
}

HRESULT BackupComponents::GetWriterComponents(UINT iWriter, IVssWriterComponentsExt** ppWriter) {
  Lock lock(ServiceLock());
  if (auto e = Gate("GetWriterComponents")) return *e;
  if (ppWriter == nullptr) return BadArgument("GetWriterComponents", "ppWriter is NULL");
  coordinator::WriterComponentsExt* components = nullptr;
  const HRESULT code = ToHresult(requester_->GetWriterComponents(iWriter, &components));
  if (FAILED(code)) return code;
  // REQ-CALL-25: the coordinator's object lives as long as the requester; the wrapper's calls
  // answer VSS_E_BAD_STATE once it was released (the lease).
  *ppWriter = new WriterComponentsExt(components, lease_);
  return code;
}

HRESULT BackupComponents::SetRestoreState(VSS_RESTORE_TYPE restoreType) {
  Lock lock(ServiceLock());
  if (auto e = Gate("SetRestoreState")) return *e;
  return ToHresult(requester_->SetRestoreState(static_cast<vss::RestoreType>(restoreType)));
}

HRESULT BackupComponents::SetSelectedForRestore(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                                LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
                                                SdkBool bSelectedForRestore) {
  Lock lock(ServiceLock());
  if (auto e = Gate("SetSelectedForRestore")) return *e;
  if (wszComponentName == nullptr) {
    return BadArgument("SetSelectedForRestore", "wszComponentName is NULL");
  }
  return ToHresult(requester_->SetSelectedForRestore(ToGuid(writerId), ComponentType(ct),
                                                     Utf8(wszLogicalPath), Utf8(wszComponentName),
                                                     bSelectedForRestore != 0));
}

HRESULT BackupComponents::SetSelectedForRestoreEx(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                                  LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
                                                  SdkBool bSelectedForRestore, VSS_ID instanceId) {
  Lock lock(ServiceLock());
  if (auto e = Gate("SetSelectedForRestoreEx")) return *e;
  if (wszComponentName == nullptr) {
    return BadArgument("SetSelectedForRestoreEx", "wszComponentName is NULL");
  }
  return ToHresult(requester_->SetSelectedForRestoreEx(
      ToGuid(writerId), ComponentType(ct), Utf8(wszLogicalPath), Utf8(wszComponentName),
      bSelectedForRestore != 0, ToGuid(instanceId)));
}

HRESULT BackupComponents::AddRestoreSubcomponent(VSS_ID writerId, VSS_COMPONENT_TYPE componentType,
                                                 LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
                                                 LPCWSTR wszSubComponentLogicalPath,
                                                 LPCWSTR wszSubComponentName, SdkBool bRepair) {
  Lock lock(ServiceLock());
  if (auto e = Gate("AddRestoreSubcomponent")) return *e;
  if (wszComponentName == nullptr || wszSubComponentName == nullptr) {
    return BadArgument("AddRestoreSubcomponent", "a component name is NULL");
  }
  return ToHresult(requester_->AddRestoreSubcomponent(
      ToGuid(writerId), ComponentType(componentType), Utf8(wszLogicalPath), Utf8(wszComponentName),
      Utf8(wszSubComponentLogicalPath), Utf8(wszSubComponentName), bRepair != 0));
}

HRESULT BackupComponents::SetRestoreOptions(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                            LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
                                            LPCWSTR wszRestoreOptions) {
  Lock lock(ServiceLock());
  if (auto e = Gate("SetRestoreOptions")) return *e;
  if (wszComponentName == nullptr || wszRestoreOptions == nullptr) {
    return BadArgument("SetRestoreOptions", "a string argument is NULL");
  }
  return ToHresult(requester_->SetRestoreOptions(ToGuid(writerId), ComponentType(ct),
                                                 Utf8(wszLogicalPath), Utf8(wszComponentName),
                                                 Utf8(wszRestoreOptions)));
}

HRESULT BackupComponents::SetAdditionalRestores(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                                LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
                                                SdkBool bAdditionalRestores) {
  Lock lock(ServiceLock());
  if (auto e = Gate("SetAdditionalRestores")) return *e;
  if (wszComponentName == nullptr) {
    return BadArgument("SetAdditionalRestores", "wszComponentName is NULL");
  }
  return ToHresult(requester_->SetAdditionalRestores(ToGuid(writerId), ComponentType(ct),
                                                     Utf8(wszLogicalPath), Utf8(wszComponentName),
                                                     bAdditionalRestores != 0));
}

HRESULT BackupComponents::AddNewTarget(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                       LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
                                       LPCWSTR wszPath, LPCWSTR wszFileName, SdkBool bRecursive,
                                       LPCWSTR wszAlternatePath) {
  Lock lock(ServiceLock());
  if (auto e = Gate("AddNewTarget")) return *e;
  if (wszComponentName == nullptr || wszPath == nullptr || wszFileName == nullptr ||
      wszAlternatePath == nullptr) {
    return BadArgument("AddNewTarget", "a string argument is NULL");
  }
  return ToHresult(requester_->AddNewTarget(
      ToGuid(writerId), ComponentType(ct), Utf8(wszLogicalPath), Utf8(wszComponentName),
      Utf8(wszPath), Utf8(wszFileName), bRecursive != 0, Utf8(wszAlternatePath)));
}

HRESULT BackupComponents::SetAuthoritativeRestore(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                                  LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
                                                  SdkBool bAuth) {
  Lock lock(ServiceLock());
  if (auto e = Gate("SetAuthoritativeRestore")) return *e;
  if (wszComponentName == nullptr) {
    return BadArgument("SetAuthoritativeRestore", "wszComponentName is NULL");
  }
  return ToHresult(requester_->SetAuthoritativeRestore(ToGuid(writerId), ComponentType(ct),
                                                       Utf8(wszLogicalPath), Utf8(wszComponentName),
                                                       bAuth != 0));
}

HRESULT BackupComponents::SetRollForward(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                         LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
                                         VSS_ROLLFORWARD_TYPE rollType,
                                         LPCWSTR wszRollForwardPoint) {
  Lock lock(ServiceLock());
  if (auto e = Gate("SetRollForward")) return *e;
  if (wszComponentName == nullptr) return BadArgument("SetRollForward", "wszComponentName is NULL");
  return ToHresult(requester_->SetRollForward(
      ToGuid(writerId), ComponentType(ct), Utf8(wszLogicalPath), Utf8(wszComponentName),
      static_cast<vss::RollForwardType>(rollType), Utf8(wszRollForwardPoint)));
}

HRESULT BackupComponents::SetRestoreName(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                         LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
                                         LPCWSTR wszRestoreName) {
  Lock lock(ServiceLock());
  if (auto e = Gate("SetRestoreName")) return *e;
  if (wszComponentName == nullptr || wszRestoreName == nullptr) {
    return BadArgument("SetRestoreName", "a string argument is NULL");
  }
  return ToHresult(requester_->SetRestoreName(ToGuid(writerId), ComponentType(ct),
                                              Utf8(wszLogicalPath), Utf8(wszComponentName),
                                              Utf8(wszRestoreName)));
}

HRESULT BackupComponents::PreRestore(IVssAsync** ppAsync) {
  Lock lock(ServiceLock());
  if (auto e = Gate("PreRestore")) return *e;
  if (ppAsync == nullptr) return BadArgument("PreRestore", "ppAsync is NULL");
  coordinator::AsyncPtr operation;
  return GiveAsync(requester_->PreRestore(&operation), operation, ppAsync);
}

HRESULT BackupComponents::SetFileRestoreStatus(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                               LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
                                               VSS_FILE_RESTORE_STATUS status) {
  Lock lock(ServiceLock());
  if (auto e = Gate("SetFileRestoreStatus")) return *e;
  if (wszComponentName == nullptr) {
    return BadArgument("SetFileRestoreStatus", "wszComponentName is NULL");
  }
  return ToHresult(requester_->SetFileRestoreStatus(ToGuid(writerId), ComponentType(ct),
                                                    Utf8(wszLogicalPath), Utf8(wszComponentName),
                                                    static_cast<vss::FileRestoreStatus>(status)));
}

HRESULT BackupComponents::AddAlternativeLocationMapping(VSS_ID writerId,
                                                        VSS_COMPONENT_TYPE componentType,
                                                        LPCWSTR wszLogicalPath,
                                                        LPCWSTR wszComponentName, LPCWSTR wszPath,
                                                        LPCWSTR wszFilespec, SdkBool bRecursive,
                                                        LPCWSTR wszDestination) {
  Lock lock(ServiceLock());
  if (auto e = Gate("AddAlternativeLocationMapping")) return *e;
  if (wszComponentName == nullptr || wszPath == nullptr || wszFilespec == nullptr ||
      wszDestination == nullptr) {
    return BadArgument("AddAlternativeLocationMapping", "a string argument is NULL");
  }
  return ToHresult(requester_->AddAlternativeLocationMapping(
      ToGuid(writerId), ComponentType(componentType), Utf8(wszLogicalPath), Utf8(wszComponentName),
      Utf8(wszPath), Utf8(wszFilespec), bRecursive != 0, Utf8(wszDestination)));
}

HRESULT BackupComponents::SetRangesFilePath(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                            LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
                                            UINT iPartialFile, LPCWSTR wszRangesFile) {
  Lock lock(ServiceLock());
  if (auto e = Gate("SetRangesFilePath")) return *e;
  if (wszComponentName == nullptr || wszRangesFile == nullptr) {
    return BadArgument("SetRangesFilePath", "a string argument is NULL");
  }
  return ToHresult(requester_->SetRangesFilePath(ToGuid(writerId), ComponentType(ct),
                                                 Utf8(wszLogicalPath), Utf8(wszComponentName),
                                                 iPartialFile, Utf8(wszRangesFile)));
}

HRESULT BackupComponents::PostRestore(IVssAsync** ppAsync) {
  Lock lock(ServiceLock());
  if (auto e = Gate("PostRestore")) return *e;
  if (ppAsync == nullptr) return BadArgument("PostRestore", "ppAsync is NULL");
  coordinator::AsyncPtr operation;
  return GiveAsync(requester_->PostRestore(&operation), operation, ppAsync);
}

}  // namespace vsssim::sdk::requester
