// vsbackup.h for Linux: the requester side of Microsoft's VSS API (docs/sdk.md), written from
// Microsoft's documentation of vsbackup.h (learn.microsoft.com, "vsbackup.h header"). Source
// written for the Windows SDK includes it as there: <vss.h>, <vswriter.h>, then <vsbackup.h>
// (this header includes the first two itself as well).
//
// COM interfaces keep the SDK's method order (the Windows vssapi.dll replacement is built
// against mingw-w64's headers, whose vtables follow the SDK's), so an object made by vsssim
// behaves the same behind either set of headers. The one difference from Windows: WCHAR is
// wchar_t, 32 bits on Linux; strings are converted to UTF-8 at the simulator's boundary.
//
// Implemented by sim/sdk/requester/ over the simulator's requester API.
#ifndef VSSSIM_SDK_LINUX_VSBACKUP_H_
#define VSSSIM_SDK_LINUX_VSBACKUP_H_

#include <vss.h>
#include <vswriter.h>

// VSS_COMPONENTINFO: what IVssWMComponent::GetComponentInfo reports of one component.
typedef struct _VSS_COMPONENTINFO {
  VSS_COMPONENT_TYPE type;
  BSTR bstrLogicalPath;
  BSTR bstrComponentName;
  BSTR bstrCaption;
  BYTE* pbIcon;
  UINT cbIcon;
  bool bRestoreMetadata;
  bool bNotifyOnBackupComplete;
  bool bSelectable;
  bool bSelectableForRestore;
  DWORD dwComponentFlags;
  UINT cFileCount;
  UINT cDatabases;
  UINT cLogFiles;
  UINT cDependencies;
} VSS_COMPONENTINFO;

typedef const VSS_COMPONENTINFO* PVSSCOMPONENTINFO;

// IVssWMComponent: one component of a writer's metadata, as the requester sees it.
struct IVssWMComponent : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE GetComponentInfo(PVSSCOMPONENTINFO* ppInfo) = 0;
  virtual HRESULT STDMETHODCALLTYPE FreeComponentInfo(PVSSCOMPONENTINFO pInfo) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetFile(UINT iFile, IVssWMFiledesc** ppFiledesc) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetDatabaseFile(UINT iDBFile, IVssWMFiledesc** ppFiledesc) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetDatabaseLogFile(UINT iDbLogFile,
                                                       IVssWMFiledesc** ppFiledesc) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetDependency(UINT iDependency,
                                                  IVssWMDependency** ppDependency) = 0;
};

// IVssExamineWriterMetadata: a writer's Writer Metadata Document, read by a requester.
// {902FCF7F-B7FD-42F8-81F1-B2E400B1E5BD}
struct IVssExamineWriterMetadata : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE GetIdentity(VSS_ID* pidInstance, VSS_ID* pidWriter,
                                                BSTR* pbstrWriterName, VSS_USAGE_TYPE* pUsage,
                                                VSS_SOURCE_TYPE* pSource) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetFileCounts(UINT* pcIncludeFiles, UINT* pcExcludeFiles,
                                                  UINT* pcComponents) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetIncludeFile(UINT iFile, IVssWMFiledesc** ppFiledesc) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetExcludeFile(UINT iFile, IVssWMFiledesc** ppFiledesc) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetComponent(UINT iComponent,
                                                 IVssWMComponent** ppComponent) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetRestoreMethod(VSS_RESTOREMETHOD_ENUM* pMethod,
                                                     BSTR* pbstrService, BSTR* pbstrUserProcedure,
                                                     VSS_WRITERRESTORE_ENUM* pwriterRestore,
                                                     bool* pbRebootRequired, UINT* pcMappings) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetAlternateLocationMapping(UINT iMapping,
                                                                IVssWMFiledesc** ppFiledesc) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetBackupSchema(DWORD* pdwSchemaMask) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetDocument(IXMLDOMDocument** pDoc) = 0;
  virtual HRESULT STDMETHODCALLTYPE SaveAsXML(BSTR* pbstrXML) = 0;
  virtual HRESULT STDMETHODCALLTYPE LoadFromXML(BSTR bstrXML) = 0;
};

// {0C0E5EC0-CA44-472B-B702-E652DB1C0451}
struct IVssExamineWriterMetadataEx : public IVssExamineWriterMetadata {
  virtual HRESULT STDMETHODCALLTYPE GetIdentityEx(VSS_ID* pidInstance, VSS_ID* pidWriter,
                                                  BSTR* pbstrWriterName, BSTR* pbstrInstanceName,
                                                  VSS_USAGE_TYPE* pUsage,
                                                  VSS_SOURCE_TYPE* pSource) = 0;
};

// {CE115780-A611-431B-B57F-C38303AB6AEE}
struct IVssExamineWriterMetadataEx2 : public IVssExamineWriterMetadataEx {
  virtual HRESULT STDMETHODCALLTYPE GetVersion(DWORD* pdwMajorVersion, DWORD* pdwMinorVersion) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetExcludeFromSnapshotCount(UINT* pcExcludedFromSnapshot) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetExcludeFromSnapshotFile(UINT iFile,
                                                               IVssWMFiledesc** ppFiledesc) = 0;
};

// IVssWriterComponentsExt: a C++ (not COM) interface, "inherits from IVssWriterComponents and
// IUnknown" (its documentation page); it adds no methods.
struct IVssWriterComponentsExt : public IVssWriterComponents, public IUnknown {};

// IVssBackupComponents: the requester's whole session with VSS.
// {665C1D5F-C218-414D-A05D-7FEF5F9D5C86}
struct IVssBackupComponents : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE GetWriterComponentsCount(UINT* pcComponents) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetWriterComponents(UINT iWriter,
                                                        IVssWriterComponentsExt** ppWriter) = 0;
  virtual HRESULT STDMETHODCALLTYPE InitializeForBackup(BSTR bstrXML = NULL) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetBackupState(bool bSelectComponents,
                                                   bool bBackupBootableSystemState,
                                                   VSS_BACKUP_TYPE backupType,
                                                   bool bPartialFileSupport = false) = 0;
  virtual HRESULT STDMETHODCALLTYPE InitializeForRestore(BSTR bstrXML) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetRestoreState(VSS_RESTORE_TYPE restoreType) = 0;
  virtual HRESULT STDMETHODCALLTYPE GatherWriterMetadata(IVssAsync** pAsync) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetWriterMetadataCount(UINT* pcWriters) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetWriterMetadata(UINT iWriter, VSS_ID* pidInstance,
                                                      IVssExamineWriterMetadata** ppMetadata) = 0;
  virtual HRESULT STDMETHODCALLTYPE FreeWriterMetadata() = 0;
  virtual HRESULT STDMETHODCALLTYPE AddComponent(VSS_ID instanceId, VSS_ID writerId,
                                                 VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath,
                                                 LPCWSTR wszComponentName) = 0;
  virtual HRESULT STDMETHODCALLTYPE PrepareForBackup(IVssAsync** ppAsync) = 0;
  virtual HRESULT STDMETHODCALLTYPE AbortBackup() = 0;
  virtual HRESULT STDMETHODCALLTYPE GatherWriterStatus(IVssAsync** pAsync) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetWriterStatusCount(UINT* pcWriters) = 0;
  virtual HRESULT STDMETHODCALLTYPE FreeWriterStatus() = 0;
  virtual HRESULT STDMETHODCALLTYPE GetWriterStatus(UINT iWriter, VSS_ID* pidInstance,
                                                    VSS_ID* pidWriter, BSTR* pbstrWriter,
                                                    VSS_WRITER_STATE* pnStatus,
                                                    HRESULT* phResultFailure) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetBackupSucceeded(VSS_ID instanceId, VSS_ID writerId,
                                                       VSS_COMPONENT_TYPE ct,
                                                       LPCWSTR wszLogicalPath,
                                                       LPCWSTR wszComponentName,
                                                       bool bSucceded) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetBackupOptions(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                                     LPCWSTR wszLogicalPath,
                                                     LPCWSTR wszComponentName,
                                                     LPCWSTR wszBackupOptions) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetSelectedForRestore(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                                          LPCWSTR wszLogicalPath,
                                                          LPCWSTR wszComponentName,
                                                          bool bSelectedForRestore) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetRestoreOptions(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                                      LPCWSTR wszLogicalPath,
                                                      LPCWSTR wszComponentName,
                                                      LPCWSTR wszRestoreOptions) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetAdditionalRestores(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                                          LPCWSTR wszLogicalPath,
                                                          LPCWSTR wszComponentName,
                                                          bool bAdditionalRestores) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetPreviousBackupStamp(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                                           LPCWSTR wszLogicalPath,
                                                           LPCWSTR wszComponentName,
                                                           LPCWSTR wszPreviousBackupStamp) = 0;
  virtual HRESULT STDMETHODCALLTYPE SaveAsXML(BSTR* pbstrXML) = 0;
  virtual HRESULT STDMETHODCALLTYPE BackupComplete(IVssAsync** ppAsync) = 0;
  virtual HRESULT STDMETHODCALLTYPE
  AddAlternativeLocationMapping(VSS_ID writerId, VSS_COMPONENT_TYPE componentType,
                                LPCWSTR wszLogicalPath, LPCWSTR wszComponentName, LPCWSTR wszPath,
                                LPCWSTR wszFilespec, bool bRecursive, LPCWSTR wszDestination) = 0;
  virtual HRESULT STDMETHODCALLTYPE
  AddRestoreSubcomponent(VSS_ID writerId, VSS_COMPONENT_TYPE componentType, LPCWSTR wszLogicalPath,
                         LPCWSTR wszComponentName, LPCWSTR wszSubComponentLogicalPath,
                         LPCWSTR wszSubComponentName, bool bRepair) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetFileRestoreStatus(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                                         LPCWSTR wszLogicalPath,
                                                         LPCWSTR wszComponentName,
                                                         VSS_FILE_RESTORE_STATUS status) = 0;
  virtual HRESULT STDMETHODCALLTYPE AddNewTarget(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                                 LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
                                                 LPCWSTR wszPath, LPCWSTR wszFileName,
                                                 bool bRecursive, LPCWSTR wszAlternatePath) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetRangesFilePath(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                                      LPCWSTR wszLogicalPath,
                                                      LPCWSTR wszComponentName, UINT iPartialFile,
                                                      LPCWSTR wszRangesFile) = 0;
  virtual HRESULT STDMETHODCALLTYPE PreRestore(IVssAsync** ppAsync) = 0;
  virtual HRESULT STDMETHODCALLTYPE PostRestore(IVssAsync** ppAsync) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetContext(LONG lContext) = 0;
  virtual HRESULT STDMETHODCALLTYPE StartSnapshotSet(VSS_ID* pSnapshotSetId) = 0;
  virtual HRESULT STDMETHODCALLTYPE AddToSnapshotSet(VSS_PWSZ pwszVolumeName, VSS_ID ProviderId,
                                                     VSS_ID* pidSnapshot) = 0;
  virtual HRESULT STDMETHODCALLTYPE DoSnapshotSet(IVssAsync** ppAsync) = 0;
  virtual HRESULT STDMETHODCALLTYPE DeleteSnapshots(VSS_ID SourceObjectId,
                                                    VSS_OBJECT_TYPE eSourceObjectType,
                                                    BOOL bForceDelete, LONG* plDeletedSnapshots,
                                                    VSS_ID* pNondeletedSnapshotID) = 0;
  virtual HRESULT STDMETHODCALLTYPE ImportSnapshots(IVssAsync** ppAsync) = 0;
  virtual HRESULT STDMETHODCALLTYPE BreakSnapshotSet(VSS_ID SnapshotSetId) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetSnapshotProperties(VSS_ID SnapshotId,
                                                          VSS_SNAPSHOT_PROP* pProp) = 0;
  virtual HRESULT STDMETHODCALLTYPE Query(VSS_ID QueriedObjectId,
                                          VSS_OBJECT_TYPE eQueriedObjectType,
                                          VSS_OBJECT_TYPE eReturnedObjectsType,
                                          IVssEnumObject** ppEnum) = 0;
  virtual HRESULT STDMETHODCALLTYPE IsVolumeSupported(VSS_ID ProviderId, VSS_PWSZ pwszVolumeName,
                                                      BOOL* pbSupportedByThisProvider) = 0;
  virtual HRESULT STDMETHODCALLTYPE DisableWriterClasses(const VSS_ID* rgWriterClassId,
                                                         UINT cClassId) = 0;
  virtual HRESULT STDMETHODCALLTYPE EnableWriterClasses(const VSS_ID* rgWriterClassId,
                                                        UINT cClassId) = 0;
  virtual HRESULT STDMETHODCALLTYPE DisableWriterInstances(const VSS_ID* rgWriterInstanceId,
                                                           UINT cInstanceId) = 0;
  virtual HRESULT STDMETHODCALLTYPE ExposeSnapshot(VSS_ID SnapshotId, VSS_PWSZ wszPathFromRoot,
                                                   LONG lAttributes, VSS_PWSZ wszExpose,
                                                   VSS_PWSZ* pwszExposed) = 0;
  virtual HRESULT STDMETHODCALLTYPE RevertToSnapshot(VSS_ID SnapshotId, BOOL bForceDismount) = 0;
  virtual HRESULT STDMETHODCALLTYPE QueryRevertStatus(VSS_PWSZ pwszVolume, IVssAsync** ppAsync) = 0;
};

// {963F03AD-9E4C-4A34-AC15-E4B6174E5036}
struct IVssBackupComponentsEx : public IVssBackupComponents {
  virtual HRESULT STDMETHODCALLTYPE GetWriterMetadataEx(
      UINT iWriter, VSS_ID* pidInstance, IVssExamineWriterMetadataEx** ppMetadata) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetSelectedForRestoreEx(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                                            LPCWSTR wszLogicalPath,
                                                            LPCWSTR wszComponentName,
                                                            bool bSelectedForRestore,
                                                            VSS_ID instanceId = GUID_NULL) = 0;
};

// {ACFE2B3A-22C9-4EF8-BD03-2F9CA230084E}
struct IVssBackupComponentsEx2 : public IVssBackupComponentsEx {
  virtual HRESULT STDMETHODCALLTYPE UnexposeSnapshot(VSS_ID snapshotId) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetAuthoritativeRestore(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                                            LPCWSTR wszLogicalPath,
                                                            LPCWSTR wszComponentName,
                                                            bool bAuth) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetRollForward(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                                   LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
                                                   VSS_ROLLFORWARD_TYPE rollType,
                                                   LPCWSTR wszRollForwardPoint) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetRestoreName(VSS_ID writerId, VSS_COMPONENT_TYPE ct,
                                                   LPCWSTR wszLogicalPath, LPCWSTR wszComponentName,
                                                   LPCWSTR wszRestoreName) = 0;
  virtual HRESULT STDMETHODCALLTYPE BreakSnapshotSetEx(VSS_ID SnapshotSetID, DWORD dwBreakFlags,
                                                       IVssAsync** ppAsync) = 0;
  virtual HRESULT STDMETHODCALLTYPE PreFastRecovery(VSS_ID SnapshotSetID,
                                                    DWORD dwPreFastRecoveryFlags,
                                                    IVssAsync** ppAsync) = 0;
  virtual HRESULT STDMETHODCALLTYPE FastRecovery(VSS_ID SnapshotSetID, DWORD dwFastRecoveryFlags,
                                                 IVssAsync** ppAsync) = 0;
};

// {C191BFBC-B602-4675-8BD1-67D642F529D5}
struct IVssBackupComponentsEx3 : public IVssBackupComponentsEx2 {
  virtual HRESULT STDMETHODCALLTYPE GetWriterStatusEx(UINT iWriter, VSS_ID* pidInstance,
                                                      VSS_ID* pidWriter, BSTR* pbstrWriter,
                                                      VSS_WRITER_STATE* pnStatus,
                                                      HRESULT* phrFailureWriter,
                                                      HRESULT* phrApplication = NULL,
                                                      BSTR* pbstrApplicationMessage = NULL) = 0;
  virtual HRESULT STDMETHODCALLTYPE AddSnapshotToRecoverySet(
      VSS_ID snapshotId, DWORD dwFlags, VSS_PWSZ pwszDestinationVolume = NULL) = 0;
  virtual HRESULT STDMETHODCALLTYPE RecoverSet(DWORD dwFlags, IVssAsync** ppAsync) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetSessionId(VSS_ID* idSession) = 0;
};

// {F434C2FD-B553-4961-A9F9-A8E90B673E53}
struct IVssBackupComponentsEx4 : public IVssBackupComponentsEx3 {
  virtual HRESULT STDMETHODCALLTYPE GetRootAndLogicalPrefixPaths(
      VSS_PWSZ pwszFilePath, VSS_PWSZ* ppwszRootPath, VSS_PWSZ* ppwszLogicalPrefix,
      BOOL bNormalizeFQDNforRootPath = FALSE) = 0;
};

// SetBackupState's bBackupBootableSystemState as a flag.
#define VSS_SW_BOOTABLE_STATE (1 << 0)

// The exported entry points (vssapi.dll); the documented names below call them, as in the SDK.
extern "C" {
HRESULT STDAPICALLTYPE CreateVssBackupComponentsInternal(IVssBackupComponents** ppBackup);
HRESULT STDAPICALLTYPE
CreateVssExamineWriterMetadataInternal(BSTR bstrXML, IVssExamineWriterMetadata** ppMetadata);
void APIENTRY VssFreeSnapshotPropertiesInternal(VSS_SNAPSHOT_PROP* pProp);
HRESULT APIENTRY IsVolumeSnapshottedInternal(VSS_PWSZ pwszVolumeName, BOOL* pbSnapshotsPresent,
                                             LONG* plSnapshotCapability);
HRESULT APIENTRY ShouldBlockRevertInternal(LPCWSTR wszVolumeName, bool* pbBlock);
HRESULT APIENTRY GetProviderMgmtInterfaceInternal(VSS_ID ProviderId, IID InterfaceId,
                                                  IUnknown** ppItf);
}

inline HRESULT CreateVssBackupComponents(IVssBackupComponents** ppBackup) {
  return CreateVssBackupComponentsInternal(ppBackup);
}

inline HRESULT CreateVssExamineWriterMetadata(BSTR bstrXML,
                                              IVssExamineWriterMetadata** ppMetadata) {
  return CreateVssExamineWriterMetadataInternal(bstrXML, ppMetadata);
}

inline void VssFreeSnapshotProperties(VSS_SNAPSHOT_PROP* pProp) {
  VssFreeSnapshotPropertiesInternal(pProp);
}

inline HRESULT IsVolumeSnapshotted(VSS_PWSZ pwszVolumeName, BOOL* pbSnapshotsPresent,
                                   LONG* plSnapshotCapability) {
  return IsVolumeSnapshottedInternal(pwszVolumeName, pbSnapshotsPresent, plSnapshotCapability);
}

inline HRESULT ShouldBlockRevert(LPCWSTR wszVolumeName, bool* pbBlock) {
  return ShouldBlockRevertInternal(wszVolumeName, pbBlock);
}

inline HRESULT GetProviderMgmtInterface(VSS_ID ProviderId, IID InterfaceId, IUnknown** ppItf) {
  return GetProviderMgmtInterfaceInternal(ProviderId, InterfaceId, ppItf);
}

#endif  // VSSSIM_SDK_LINUX_VSBACKUP_H_
