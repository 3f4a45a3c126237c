// IVssBackupComponents (Ex..Ex4) over the simulator's coordinator::Requester, the object
// CreateVssBackupComponents hands out (docs/sdk.md). No second model of VSS: every call goes
// to the coordinator's requester, whose call-order machine answers out-of-order calls
// (VSS_E_BAD_STATE, REQ-CALL-*), whose trace records them and whose rules judge them. This
// layer converts the SDK's types, checks the arguments only the SDK has (NULL
// out-parameters, NULL strings: E_INVALIDARG with a SIM-SDK-01 finding) and wraps the
// results in COM objects (IVssAsync, IVssExamineWriterMetadata, IVssWriterComponentsExt,
// IVssEnumObject).
//
// Lifetime: the object starts with one reference. When the last is released, the requester is
// released (REQ-LIFE-04: BackupShutdown, auto-release snapshots deleted) and the object retires:
// its memory is kept (until the process ends) so that a call through a stale pointer answers
// VSS_E_BAD_STATE with a REQ-LIFE-02 finding instead of reading freed memory.
//
// Methods the simulator does not model (ImportSnapshots, BreakSnapshotSet(Ex), ExposeSnapshot,
// UnexposeSnapshot, RevertToSnapshot, QueryRevertStatus, PreFastRecovery, FastRecovery,
// AddSnapshotToRecoverySet, RecoverSet, GetRootAndLogicalPrefixPaths) return E_NOTIMPL with a
// SIM-SDK-02 finding; they never pretend to succeed.
//
// Thread safety: every method takes sdk::ServiceLock().
#ifndef VSSSIM_SDK_REQUESTER_BACKUP_COMPONENTS_H_
#define VSSSIM_SDK_REQUESTER_BACKUP_COMPONENTS_H_

#include <memory>
#include <optional>
#include <string>

#include "sim/sdk/service.h"
#include "vsssim/coordinator/requester.h"

#include "sim/sdk/requester/com_object.h"
#include "sim/sdk/writer/handler_lease.h"

namespace vsssim::sdk::requester {

class BackupComponents final : public IVssBackupComponentsEx4 {
 public:
  // `service` made `requester`. REQUIRES: `service` outlives this object's use.
  BackupComponents(Service& service, std::unique_ptr<coordinator::Requester> requester);
  ~BackupComponents();

  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID iid, void** object) override;
  ULONG STDMETHODCALLTYPE AddRef() override;
  ULONG STDMETHODCALLTYPE Release() override;

  // --- IVssBackupComponents (backup_components.cc, _restore.cc, _admin.cc) ---
  HRESULT STDMETHODCALLTYPE GetWriterComponentsCount(UINT* pcComponents) override;
  HRESULT STDMETHODCALLTYPE GetWriterComponents(UINT iWriter,
                                                IVssWriterComponentsExt** ppWriter) override;
  HRESULT STDMETHODCALLTYPE InitializeForBackup(BSTR bstrXML) override;
  HRESULT STDMETHODCALLTYPE SetBackupState(SdkBool bSelectComponents,
                                           SdkBool bBackupBootableSystemState,
                                           VSS_BACKUP_TYPE backupType,
                                           SdkBool bPartialFileSupport) override;
  HRESULT STDMETHODCALLTYPE InitializeForRestore(BSTR bstrXML) override;
  HRESULT STDMETHODCALLTYPE SetRestoreState(VSS_RESTORE_TYPE restoreType) override;
  HRESULT STDMETHODCALLTYPE GatherWriterMetadata(IVssAsync** pAsync) override;
  HRESULT STDMETHODCALLTYPE GetWriterMetadataCount(UINT* pcWriters) override;
  HRESULT STDMETHODCALLTYPE GetWriterMetadata(UINT iWriter, VSS_ID* pidInstance,
                                              IVssExamineWriterMetadata** ppMetadata) override;
  HRESULT STDMETHODCALLTYPE FreeWriterMetadata() override;
  HRESULT STDMETHODCALLTYPE AddComponent(VSS_ID instanceId, VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                         LPCWSTR wszLogicalPath, LPCWSTR wszComponentName) override;
  HRESULT STDMETHODCALLTYPE PrepareForBackup(IVssAsync** ppAsync) override;
  HRESULT STDMETHODCALLTYPE AbortBackup() override;
  HRESULT STDMETHODCALLTYPE GatherWriterStatus(IVssAsync** pAsync) override;
  HRESULT STDMETHODCALLTYPE GetWriterStatusCount(UINT* pcWriters) override;
  HRESULT STDMETHODCALLTYPE FreeWriterStatus() override;
  HRESULT STDMETHODCALLTYPE GetWriterStatus(UINT iWriter, VSS_ID* pidInstance, VSS_ID* pidWriter,
                                            BSTR* pbstrWriter, VSS_WRITER_STATE* pnStatus,
                                            HRESULT* phResultFailure) override;
  HRESULT STDMETHODCALLTYPE SetBackupSucceeded(VSS_ID instanceId, VSS_ID writerId,
                                               VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath,
                                               LPCWSTR wszComponentName,
                                               SdkBool bSucceded) override;
  HRESULT STDMETHODCALLTYPE SetBackupOptions(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                             LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
                                             LPCWSTR wszBackupOptions) override;
  HRESULT STDMETHODCALLTYPE SetSelectedForRestore(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                                  LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
                                                  SdkBool bSelectedForRestore) override;
  HRESULT STDMETHODCALLTYPE SetRestoreOptions(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                              LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
                                              LPCWSTR wszRestoreOptions) override;
  HRESULT STDMETHODCALLTYPE SetAdditionalRestores(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                                  LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
                                                  SdkBool bAdditionalRestores) override;
  HRESULT STDMETHODCALLTYPE SetPreviousBackupStamp(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                                   LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
                                                   LPCWSTR wszPreviousBackupStamp) override;
  HRESULT STDMETHODCALLTYPE SaveAsXML(BSTR* pbstrXML) override;
  HRESULT STDMETHODCALLTYPE BackupComplete(IVssAsync** ppAsync) override;
  HRESULT STDMETHODCALLTYPE AddAlternativeLocationMapping(VSS_ID writerId,
                                                          VSS_COMPONENT_TYPE componentType,
                                                          LPCWSTR wszLogicalPath,
                                                          LPCWSTR wszComponentName, LPCWSTR wszPath,
                                                          LPCWSTR wszFilespec, SdkBool bRecursive,
                                                          LPCWSTR wszDestination) override;
  HRESULT STDMETHODCALLTYPE AddRestoreSubcomponent(VSS_ID writerId,
                                                   VSS_COMPONENT_TYPE componentType,
                                                   LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
                                                   LPCWSTR wszSubComponentLogicalPath,
                                                   LPCWSTR wszSubComponentName,
                                                   SdkBool bRepair) override;
  HRESULT STDMETHODCALLTYPE SetFileRestoreStatus(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                                 LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
                                                 VSS_FILE_RESTORE_STATUS status) override;
  HRESULT STDMETHODCALLTYPE AddNewTarget(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                         LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
                                         LPCWSTR wszPath, LPCWSTR wszFileName, SdkBool bRecursive,
                                         LPCWSTR wszAlternatePath) override;
  HRESULT STDMETHODCALLTYPE SetRangesFilePath(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                              LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
                                              UINT iPartialFile, LPCWSTR wszRangesFile) override;
  HRESULT STDMETHODCALLTYPE PreRestore(IVssAsync** ppAsync) override;
  HRESULT STDMETHODCALLTYPE PostRestore(IVssAsync** ppAsync) override;
  HRESULT STDMETHODCALLTYPE SetContext(LONG lContext) override;
  HRESULT STDMETHODCALLTYPE StartSnapshotSet(VSS_ID* pSnapshotSetId) override;
  HRESULT STDMETHODCALLTYPE AddToSnapshotSet(VSS_PWSZ pwszVolumeName, VSS_ID ProviderId,
                                             VSS_ID* pidSnapshot) override;
  HRESULT STDMETHODCALLTYPE DoSnapshotSet(IVssAsync** ppAsync) override;
  HRESULT STDMETHODCALLTYPE DeleteSnapshots(VSS_ID SourceObjectId,
                                            VSS_OBJECT_TYPE eSourceObjectType, BOOL bForceDelete,
                                            LONG* plDeletedSnapshots,
                                            VSS_ID* pNondeletedSnapshotID) override;
  HRESULT STDMETHODCALLTYPE ImportSnapshots(IVssAsync** ppAsync) override;
  HRESULT STDMETHODCALLTYPE BreakSnapshotSet(VSS_ID SnapshotSetId) override;
  HRESULT STDMETHODCALLTYPE GetSnapshotProperties(VSS_ID SnapshotId,
                                                  VSS_SNAPSHOT_PROP* pProp) override;
  HRESULT STDMETHODCALLTYPE Query(VSS_ID QueriedObjectId, VSS_OBJECT_TYPE eQueriedObjectType,
                                  VSS_OBJECT_TYPE eReturnedObjectsType,
                                  IVssEnumObject** ppEnum) override;
  HRESULT STDMETHODCALLTYPE IsVolumeSupported(VSS_ID ProviderId, VSS_PWSZ pwszVolumeName,
                                              BOOL* pbSupportedByThisProvider) override;
  HRESULT STDMETHODCALLTYPE DisableWriterClasses(const VSS_ID* rgWriterClassId,
                                                 UINT cClassId) override;
  HRESULT STDMETHODCALLTYPE EnableWriterClasses(const VSS_ID* rgWriterClassId,
                                                UINT cClassId) override;
  HRESULT STDMETHODCALLTYPE DisableWriterInstances(const VSS_ID* rgWriterInstanceId,
                                                   UINT cInstanceId) override;
  HRESULT STDMETHODCALLTYPE ExposeSnapshot(VSS_ID SnapshotId, VSS_PWSZ wszPathFromRoot,
                                           LONG lAttributes, VSS_PWSZ wszExpose,
                                           VSS_PWSZ* pwszExposed) override;
  HRESULT STDMETHODCALLTYPE RevertToSnapshot(VSS_ID SnapshotId, BOOL bForceDismount) override;
  HRESULT STDMETHODCALLTYPE QueryRevertStatus(VSS_PWSZ pwszVolume, IVssAsync** ppAsync) override;

  // --- IVssBackupComponentsEx ---
  HRESULT STDMETHODCALLTYPE GetWriterMetadataEx(UINT iWriter, VSS_ID* pidInstance,
                                                IVssExamineWriterMetadataEx** ppMetadata) override;
  HRESULT STDMETHODCALLTYPE SetSelectedForRestoreEx(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                                    LPCWSTR wszLogicalPath,
                                                    LPCWSTR wszComponentName,
                                                    SdkBool bSelectedForRestore,
                                                    VSS_ID instanceId) override;
  // --- IVssBackupComponentsEx2 ---
  HRESULT STDMETHODCALLTYPE UnexposeSnapshot(VSS_ID snapshotId) override;
  HRESULT STDMETHODCALLTYPE SetAuthoritativeRestore(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                                    LPCWSTR wszLogicalPath,
                                                    LPCWSTR wszComponentName,
                                                    SdkBool bAuth) override;
  HRESULT STDMETHODCALLTYPE SetRollForward(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                           LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
                                           VSS_ROLLFORWARD_TYPE rollType,
                                           LPCWSTR wszRollForwardPoint) override;
  HRESULT STDMETHODCALLTYPE SetRestoreName(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                           LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
                                           LPCWSTR wszRestoreName) override;
  HRESULT STDMETHODCALLTYPE BreakSnapshotSetEx(VSS_ID SnapshotSetID, DWORD dwBreakFlags,
                                               IVssAsync** ppAsync) override;
  HRESULT STDMETHODCALLTYPE PreFastRecovery(VSS_ID SnapshotSetID, DWORD dwPreFastRecoveryFlags,
                                            IVssAsync** ppAsync) override;
  HRESULT STDMETHODCALLTYPE FastRecovery(VSS_ID SnapshotSetID, DWORD dwFastRecoveryFlags,
                                         IVssAsync** ppAsync) override;
  // --- IVssBackupComponentsEx3 ---
  HRESULT STDMETHODCALLTYPE GetWriterStatusEx(UINT iWriter, VSS_ID* pidInstance, VSS_ID* pidWriter,
                                              BSTR* pbstrWriter, VSS_WRITER_STATE* pnStatus,
                                              HRESULT* phrFailureWriter, HRESULT* phrApplication,
                                              BSTR* pbstrApplicationMessage) override;
  HRESULT STDMETHODCALLTYPE AddSnapshotToRecoverySet(VSS_ID snapshotId, DWORD dwFlags,
                                                     VSS_PWSZ pwszDestinationVolume) override;
  HRESULT STDMETHODCALLTYPE RecoverSet(DWORD dwFlags, IVssAsync** ppAsync) override;
  HRESULT STDMETHODCALLTYPE GetSessionId(VSS_ID* idSession) override;
  // --- IVssBackupComponentsEx4 ---
  HRESULT STDMETHODCALLTYPE GetRootAndLogicalPrefixPaths(VSS_PWSZ pwszFilePath,
                                                         VSS_PWSZ* ppwszRootPath,
                                                         VSS_PWSZ* ppwszLogicalPrefix,
                                                         BOOL bNormalizeFQDNforRootPath) override;

 private:
  // Null when the object may be used; else the answer (VSS_E_BAD_STATE after retirement).
  std::optional<HRESULT> Gate(const char* method);
  // A coordinator call that hands out an Async: wraps it in an IVssAsync.
  HRESULT GiveAsync(HResult result, const coordinator::AsyncPtr& operation, IVssAsync** out);
  // SIM-SDK-02: a method the simulator does not model.
  HRESULT NotSimulated(const char* method);

  RefCount refs_;
  Service& service_;
  std::unique_ptr<coordinator::Requester> requester_;  // null once retired
  // Held by the IVssComponent objects of GetWriterComponents; ended at retirement, when the
  // coordinator's components go.
  LeasePtr lease_;
};

}  // namespace vsssim::sdk::requester

#endif  // VSSSIM_SDK_REQUESTER_BACKUP_COMPONENTS_H_
