// IVssBackupComponents: snapshot administration (GetSnapshotProperties, Query, DeleteSnapshots;
// REQ-CALL-26/27, CTX-QRY-01) and the methods the simulator does not model (E_NOTIMPL with a
// SIM-SDK-02 finding: no transportable shadow copies, no exposure, no revert, no fast
// recovery, no recovery sets).
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "sim/sdk/requester/backup_components.h"
#include "sim/sdk/requester/enum_object.h"
#include "sim/sdk/requester/sdk_glue.h"
#include "sim/sdk/requester/snapshot_props.h"

namespace vsssim::sdk::requester {
namespace {

using Lock = std::lock_guard<std::recursive_mutex>;

}  // namespace

HRESULT BackupComponents::NotSimulated(const char* method) {
  if (auto e = Gate(method)) return *e;
  return BadCall("SIM-SDK-02", method, "not simulated by vsssim", E_NOTIMPL);
}

HRESULT BackupComponents::GetSnapshotProperties(VSS_ID SnapshotId, VSS_SNAPSHOT_PROP* pProp) {
  Lock lock(ServiceLock());
  if (auto e = Gate("GetSnapshotProperties")) return *e;
  if (pProp == nullptr) return BadArgument("GetSnapshotProperties", "pProp is NULL");
  storage::SnapshotProperties snapshot;
  const HRESULT code = ToHresult(requester_->GetSnapshotProperties(ToGuid(SnapshotId), &snapshot));
  if (SUCCEEDED(code)) FillSnapshotProp(snapshot, pProp);
  return code;
}

HRESULT BackupComponents::Query(VSS_ID QueriedObjectId, VSS_OBJECT_TYPE eQueriedObjectType,
                                VSS_OBJECT_TYPE eReturnedObjectsType, IVssEnumObject** ppEnum) {
  Lock lock(ServiceLock());
  if (auto e = Gate("Query")) return *e;
  if (ppEnum == nullptr) return BadArgument("Query", "ppEnum is NULL");
  std::vector<storage::SnapshotProperties> snapshots;
  const HRESULT code = ToHresult(
      requester_->Query(ToGuid(QueriedObjectId), static_cast<vss::ObjectType>(eQueriedObjectType),
                        static_cast<vss::ObjectType>(eReturnedObjectsType), &snapshots));
  if (SUCCEEDED(code)) *ppEnum = new EnumObject(std::move(snapshots));
  return code;
}

HRESULT BackupComponents::DeleteSnapshots(VSS_ID SourceObjectId, VSS_OBJECT_TYPE eSourceObjectType,
                                          BOOL bForceDelete, LONG* plDeletedSnapshots,
                                          VSS_ID* pNondeletedSnapshotID) {
  Lock lock(ServiceLock());
  if (auto e = Gate("DeleteSnapshots")) return *e;
  if (plDeletedSnapshots == nullptr || pNondeletedSnapshotID == nullptr) {
    return BadArgument("DeleteSnapshots", "an out-parameter is NULL");
  }
  std::int32_t deleted = 0;
  Guid not_deleted;
  const HRESULT code = ToHresult(requester_->DeleteSnapshots(
      ToGuid(SourceObjectId), static_cast<vss::ObjectType>(eSourceObjectType),
      bForceDelete != FALSE, &deleted, &not_deleted));
  *plDeletedSnapshots = deleted;
  *pNondeletedSnapshotID = ToVssId(not_deleted);
  return code;
}

HRESULT BackupComponents::ImportSnapshots(IVssAsync** ppAsync) {
  Lock lock(ServiceLock());
  if (ppAsync != nullptr) *ppAsync = nullptr;
  return NotSimulated("ImportSnapshots");
}

HRESULT BackupComponents::BreakSnapshotSet(VSS_ID /*SnapshotSetId*/) {
  Lock lock(ServiceLock());
  return NotSimulated("BreakSnapshotSet");
}

HRESULT BackupComponents::BreakSnapshotSetEx(VSS_ID /*SnapshotSetID*/, DWORD /*dwBreakFlags*/,
                                             IVssAsync** ppAsync) {
  Lock lock(ServiceLock());
  if (ppAsync != nullptr) *ppAsync = nullptr;
  return NotSimulated("BreakSnapshotSetEx");
}

HRESULT BackupComponents::ExposeSnapshot(VSS_ID /*SnapshotId*/, VSS_PWSZ /*wszPathFromRoot*/,
                                         LONG /*lAttributes*/, VSS_PWSZ /*wszExpose*/,
                                         VSS_PWSZ* pwszExposed) {
  Lock lock(ServiceLock());
  if (pwszExposed != nullptr) *pwszExposed = nullptr;
  return NotSimulated("ExposeSnapshot");
}

HRESULT BackupComponents::UnexposeSnapshot(VSS_ID /*snapshotId*/) {
  Lock lock(ServiceLock());
  return NotSimulated("UnexposeSnapshot");
}

HRESULT BackupComponents::RevertToSnapshot(VSS_ID /*SnapshotId*/, BOOL /*bForceDismount*/) {
  Lock lock(ServiceLock());
  return NotSimulated("RevertToSnapshot");
}

HRESULT BackupComponents::QueryRevertStatus(VSS_PWSZ /*pwszVolume*/, IVssAsync** ppAsync) {
  Lock lock(ServiceLock());
  if (ppAsync != nullptr) *ppAsync = nullptr;
  return NotSimulated("QueryRevertStatus");
}

HRESULT BackupComponents::PreFastRecovery(VSS_ID /*SnapshotSetID*/,
                                          DWORD /*dwPreFastRecoveryFlags*/, IVssAsync** ppAsync) {
  Lock lock(ServiceLock());
  if (ppAsync != nullptr) *ppAsync = nullptr;
  return NotSimulated("PreFastRecovery");
}

HRESULT BackupComponents::FastRecovery(VSS_ID /*SnapshotSetID*/, DWORD /*dwFastRecoveryFlags*/,
                                       IVssAsync** ppAsync) {
  Lock lock(ServiceLock());
  if (ppAsync != nullptr) *ppAsync = nullptr;
  return NotSimulated("FastRecovery");
}

HRESULT BackupComponents::AddSnapshotToRecoverySet(VSS_ID /*snapshotId*/, DWORD /*dwFlags*/,
                                                   VSS_PWSZ /*pwszDestinationVolume*/) {
  Lock lock(ServiceLock());
  return NotSimulated("AddSnapshotToRecoverySet");
}

HRESULT BackupComponents::RecoverSet(DWORD /*dwFlags*/, IVssAsync** ppAsync) {
  Lock lock(ServiceLock());
  if (ppAsync != nullptr) *ppAsync = nullptr;
  return NotSimulated("RecoverSet");
}

HRESULT BackupComponents::GetRootAndLogicalPrefixPaths(VSS_PWSZ /*pwszFilePath*/,
                                                       VSS_PWSZ* ppwszRootPath,
                                                       VSS_PWSZ* ppwszLogicalPrefix,
                                                       BOOL /*bNormalizeFQDNforRootPath*/) {
  Lock lock(ServiceLock());
  if (ppwszRootPath != nullptr) *ppwszRootPath = nullptr;
  if (ppwszLogicalPrefix != nullptr) *ppwszLogicalPrefix = nullptr;
  return NotSimulated("GetRootAndLogicalPrefixPaths");
}

}  // namespace vsssim::sdk::requester
