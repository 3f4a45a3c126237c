// <vswriter.h> for SDK-shaped source on Linux (docs/sdk.md): the writer side of Microsoft's VSS
// API as the vswriter.h reference documents it. The enumerations (unscoped, the SDK's values),
// the writer-side interfaces in the SDK's method order, and the CVssWriter / CVssWriterEx /
// CVssWriterEx2 classes (from include/common, shared with the Windows build).
//
// IVssWMFiledesc, IVssWMDependency, IVssComponent(Ex, Ex2) are reference-counted (IUnknown);
// IVssWriterComponents and IVssCreateWriterMetadata are plain C++ interfaces owned by VSS and
// valid only during the handler call they are passed to, as documented.
//
// Booleans are C++ `bool` where the documentation says `bool` (and BOOL where it says BOOL).
#ifndef VSSSIM_SDK_LINUX_VSWRITER_H_
#define VSSSIM_SDK_LINUX_VSWRITER_H_

#include "vss.h"
#include "vsserror.h"
#include "vsssim_win_types.h"

// clang-format off
typedef enum VSS_USAGE_TYPE {
  VSS_UT_UNDEFINED = 0,
  VSS_UT_BOOTABLESYSTEMSTATE = 1,
  VSS_UT_SYSTEMSERVICE = 2,
  VSS_UT_USERDATA = 3,
  VSS_UT_OTHER = 4
} VSS_USAGE_TYPE;

typedef enum VSS_SOURCE_TYPE {
  VSS_ST_UNDEFINED = 0,
  VSS_ST_TRANSACTEDDB = 1,
  VSS_ST_NONTRANSACTEDDB = 2,
  VSS_ST_OTHER = 3
} VSS_SOURCE_TYPE;

typedef enum VSS_RESTOREMETHOD_ENUM {
  VSS_RME_UNDEFINED = 0,
  VSS_RME_RESTORE_IF_NOT_THERE = 1,
  VSS_RME_RESTORE_IF_CAN_REPLACE = 2,
  VSS_RME_STOP_RESTORE_START = 3,
  VSS_RME_RESTORE_TO_ALTERNATE_LOCATION = 4,
  VSS_RME_RESTORE_AT_REBOOT = 5,
  VSS_RME_RESTORE_AT_REBOOT_IF_CANNOT_REPLACE = 6,
  VSS_RME_CUSTOM = 7,
  VSS_RME_RESTORE_STOP_START = 8
} VSS_RESTOREMETHOD_ENUM;

typedef enum VSS_WRITERRESTORE_ENUM {
  VSS_WRE_UNDEFINED = 0,
  VSS_WRE_NEVER = 1,
  VSS_WRE_IF_REPLACE_FAILS = 2,
  VSS_WRE_ALWAYS = 3
} VSS_WRITERRESTORE_ENUM;

typedef enum VSS_COMPONENT_TYPE {
  VSS_CT_UNDEFINED = 0,
  VSS_CT_DATABASE = 1,
  VSS_CT_FILEGROUP = 2
} VSS_COMPONENT_TYPE;

typedef enum VSS_ALTERNATE_WRITER_STATE {
  VSS_AWS_UNDEFINED = 0,
  VSS_AWS_NO_ALTERNATE_WRITER = 1,
  VSS_AWS_ALTERNATE_WRITER_EXISTS = 2,
  VSS_AWS_THIS_IS_ALTERNATE_WRITER = 3
} VSS_ALTERNATE_WRITER_STATE;

typedef enum VSS_SUBSCRIBE_MASK {
  VSS_SM_POST_SNAPSHOT_FLAG = 0x1,
  VSS_SM_BACKUP_EVENTS_FLAG = 0x2,
  VSS_SM_RESTORE_EVENTS_FLAG = 0x4,
  VSS_SM_IO_THROTTLING_FLAG = 0x8,
  VSS_SM_ALL_FLAGS = 0xFFFFFFFF
} VSS_SUBSCRIBE_MASK;

typedef enum VSS_RESTORE_TARGET {
  VSS_RT_UNDEFINED = 0,
  VSS_RT_ORIGINAL = 1,
  VSS_RT_ALTERNATE = 2,
  VSS_RT_DIRECTED = 3,
  VSS_RT_ORIGINAL_LOCATION = 4
} VSS_RESTORE_TARGET;

typedef enum VSS_FILE_RESTORE_STATUS {
  VSS_RS_UNDEFINED = 0,
  VSS_RS_NONE = 1,
  VSS_RS_ALL = 2,
  VSS_RS_FAILED = 3
} VSS_FILE_RESTORE_STATUS;

typedef enum VSS_COMPONENT_FLAGS {
  VSS_CF_BACKUP_RECOVERY = 0x1,
  VSS_CF_APP_ROLLBACK_RECOVERY = 0x2,
  VSS_CF_NOT_SYSTEM_STATE = 0x4
} VSS_COMPONENT_FLAGS;

// clang-format on

struct IVssExamineWriterMetadata;

// IVssWMFiledesc: one file set (path, file specification, recursion, alternate location,
// backup type mask).
struct IVssWMFiledesc : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE GetPath(BSTR* pbstrPath) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetFilespec(BSTR* pbstrFilespec) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetRecursive(bool* pbRecursive) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetAlternateLocation(BSTR* pbstrAlternateLocation) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetBackupTypeMask(DWORD* pdwTypeMask) = 0;
};

// IVssWMDependency: a component's dependency on a component of another writer (SEL-11).
struct IVssWMDependency : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE GetWriterId(VSS_ID* pWriterId) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetLogicalPath(BSTR* pbstrLogicalPath) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetComponentName(BSTR* pbstrComponentName) = 0;
};

// IVssComponent: one component of the Backup Components Document, as its writer sees it.
inline constexpr IID IID_IVssComponent = {
    0xD2C72C96, 0xC121, 0x4518, {0xB6, 0x27, 0xE5, 0xA9, 0x3D, 0x01, 0x0E, 0xAD}};
struct IVssComponent : public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE GetLogicalPath(BSTR* pbstrPath) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetComponentType(VSS_COMPONENT_TYPE* pct) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetComponentName(BSTR* pbstrName) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetBackupSucceeded(bool* pbSucceeded) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetAlternateLocationMappingCount(UINT* pcMappings) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetAlternateLocationMapping(UINT iMapping,
                                                                IVssWMFiledesc** ppFiledesc) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetBackupMetadata(LPCWSTR wszData) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetBackupMetadata(BSTR* pbstrData) = 0;
  virtual HRESULT STDMETHODCALLTYPE AddPartialFile(LPCWSTR wszPath, LPCWSTR wszFilename,
                                                   LPCWSTR wszRanges, LPCWSTR wszMetadata) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetPartialFileCount(UINT* pcPartialFiles) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetPartialFile(UINT iPartialFile, BSTR* pbstrPath,
                                                   BSTR* pbstrFilename, BSTR* pbstrRange,
                                                   BSTR* pbstrMetadata) = 0;
  virtual HRESULT STDMETHODCALLTYPE IsSelectedForRestore(bool* pbSelectedForRestore) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetAdditionalRestores(bool* pbAdditionalRestores) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetNewTargetCount(UINT* pcNewTarget) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetNewTarget(UINT iNewTarget, IVssWMFiledesc** ppFiledesc) = 0;
  virtual HRESULT STDMETHODCALLTYPE AddDirectedTarget(LPCWSTR wszSourcePath,
                                                      LPCWSTR wszSourceFilename,
                                                      LPCWSTR wszSourceRangeList,
                                                      LPCWSTR wszDestinationPath,
                                                      LPCWSTR wszDestinationFilename,
                                                      LPCWSTR wszDestinationRangeList) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetDirectedTargetCount(UINT* pcDirectedTarget) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetDirectedTarget(UINT iDirectedTarget, BSTR* pbstrSourcePath,
                                                      BSTR* pbstrSourceFileName,
                                                      BSTR* pbstrSourceRangeList,
                                                      BSTR* pbstrDestinationPath,
                                                      BSTR* pbstrDestinationFilename,
                                                      BSTR* pbstrDestinationRangeList) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetRestoreMetadata(LPCWSTR wszRestoreMetadata) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetRestoreMetadata(BSTR* pbstrRestoreMetadata) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetRestoreTarget(VSS_RESTORE_TARGET target) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetRestoreTarget(VSS_RESTORE_TARGET* pTarget) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetPreRestoreFailureMsg(LPCWSTR wszPreRestoreFailureMsg) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetPreRestoreFailureMsg(BSTR* pbstrPreRestoreFailureMsg) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetPostRestoreFailureMsg(LPCWSTR wszPostRestoreFailureMsg) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetPostRestoreFailureMsg(BSTR* pbstrPostRestoreFailureMsg) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetBackupStamp(LPCWSTR wszBackupStamp) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetBackupStamp(BSTR* pbstrBackupStamp) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetPreviousBackupStamp(BSTR* pbstrBackupStamp) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetBackupOptions(BSTR* pbstrBackupOptions) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetRestoreOptions(BSTR* pbstrRestoreOptions) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetRestoreSubcomponentCount(UINT* pcRestoreSubcomponent) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetRestoreSubcomponent(UINT iComponent, BSTR* pbstrLogicalPath,
                                                           BSTR* pbstrComponentName,
                                                           bool* pbRepair) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetFileRestoreStatus(VSS_FILE_RESTORE_STATUS* pStatus) = 0;
  virtual HRESULT STDMETHODCALLTYPE AddDifferencedFilesByLastModifyTime(
      LPCWSTR wszPath, LPCWSTR wszFilespec, BOOL bRecursive, FILETIME ftLastModifyTime) = 0;
  virtual HRESULT STDMETHODCALLTYPE AddDifferencedFilesByLastModifyLSN(LPCWSTR wszPath,
                                                                       LPCWSTR wszFilespec,
                                                                       BOOL bRecursive,
                                                                       BSTR bstrLsnString) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetDifferencedFilesCount(UINT* pcDifferencedFiles) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetDifferencedFile(UINT iDifferencedFile, BSTR* pbstrPath,
                                                       BSTR* pbstrFilespec, BOOL* pbRecursive,
                                                       BSTR* pbstrLsnString,
                                                       FILETIME* pftLastModifyTime) = 0;
};

// IVssComponentEx (Windows Server 2008): failure messages, authoritative restore, roll-forward,
// restore name. Reached with QueryInterface(IID_IVssComponentEx).
inline constexpr IID IID_IVssComponentEx = {
    0x156C8B5E, 0xF131, 0x4BD7, {0x9C, 0x97, 0xD1, 0x92, 0x3B, 0xE7, 0xE1, 0xFA}};
struct IVssComponentEx : public IVssComponent {
  virtual HRESULT STDMETHODCALLTYPE SetPrepareForBackupFailureMsg(LPCWSTR wszFailureMsg) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetPostSnapshotFailureMsg(LPCWSTR wszFailureMsg) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetPrepareForBackupFailureMsg(BSTR* pbstrFailureMsg) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetPostSnapshotFailureMsg(BSTR* pbstrFailureMsg) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetAuthoritativeRestore(bool* pbAuth) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetRollForward(VSS_ROLLFORWARD_TYPE* pRollType,
                                                   BSTR* pbstrPoint) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetRestoreName(BSTR* pbstrName) = 0;
};

// IVssComponentEx2 (Windows 7): component-level failures.
inline constexpr IID IID_IVssComponentEx2 = {
    0x3B5BE0F2, 0x07A9, 0x4E4B, {0xBD, 0xD3, 0xCF, 0xDC, 0x8E, 0x2C, 0x0D, 0x2D}};
struct IVssComponentEx2 : public IVssComponentEx {
  virtual HRESULT STDMETHODCALLTYPE SetFailure(HRESULT hr, HRESULT hrApplication,
                                               LPCWSTR wszApplicationMessage, DWORD dwReserved) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetFailure(HRESULT* phr, HRESULT* phrApplication,
                                               BSTR* pbstrApplicationMessage,
                                               DWORD* pdwReserved) = 0;
};

// IVssWriterComponents: the writer's components in the Backup Components Document, passed to
// OnPrepareBackup, OnPostSnapshot, OnBackupComplete, OnPreRestore and OnPostRestore.
struct IVssWriterComponents {
  virtual HRESULT STDMETHODCALLTYPE GetComponentCount(UINT* pcComponents) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetWriterInfo(VSS_ID* pidInstance, VSS_ID* pidWriter) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetComponent(UINT iComponent, IVssComponent** ppComponent) = 0;
};

// IVssCreateWriterMetadata: builds the Writer Metadata Document in OnIdentify.
struct IVssCreateWriterMetadata {
  virtual HRESULT STDMETHODCALLTYPE AddIncludeFiles(LPCWSTR wszPath, LPCWSTR wszFilespec,
                                                    bool bRecursive,
                                                    LPCWSTR wszAlternateLocation) = 0;
  virtual HRESULT STDMETHODCALLTYPE AddExcludeFiles(LPCWSTR wszPath, LPCWSTR wszFilespec,
                                                    bool bRecursive) = 0;
  virtual HRESULT STDMETHODCALLTYPE AddComponent(
      VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName, LPCWSTR wszCaption,
      const BYTE* pbIcon, UINT cbIcon, bool bRestoreMetadata, bool bNotifyOnBackupComplete,
      bool bSelectable, bool bSelectableForRestore = false, DWORD dwComponentFlags = 0) = 0;
  virtual HRESULT STDMETHODCALLTYPE AddDatabaseFiles(
      LPCWSTR wszLogicalPath, LPCWSTR wszDatabaseName, LPCWSTR wszPath, LPCWSTR wszFilespec,
      DWORD dwBackupTypeMask = VSS_FSBT_ALL_BACKUP_REQUIRED | VSS_FSBT_ALL_SNAPSHOT_REQUIRED) = 0;
  virtual HRESULT STDMETHODCALLTYPE AddDatabaseLogFiles(
      LPCWSTR wszLogicalPath, LPCWSTR wszDatabaseName, LPCWSTR wszPath, LPCWSTR wszFilespec,
      DWORD dwBackupTypeMask = VSS_FSBT_ALL_BACKUP_REQUIRED | VSS_FSBT_ALL_SNAPSHOT_REQUIRED) = 0;
  virtual HRESULT STDMETHODCALLTYPE AddFilesToFileGroup(
      LPCWSTR wszLogicalPath, LPCWSTR wszGroupName, LPCWSTR wszPath, LPCWSTR wszFilespec,
      bool bRecursive, LPCWSTR wszAlternateLocation,
      DWORD dwBackupTypeMask = VSS_FSBT_ALL_BACKUP_REQUIRED | VSS_FSBT_ALL_SNAPSHOT_REQUIRED) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetRestoreMethod(VSS_RESTOREMETHOD_ENUM method,
                                                     LPCWSTR wszService, LPCWSTR wszUserProcedure,
                                                     VSS_WRITERRESTORE_ENUM writerRestore,
                                                     bool bRebootRequired) = 0;
  virtual HRESULT STDMETHODCALLTYPE AddAlternateLocationMapping(LPCWSTR wszSourcePath,
                                                                LPCWSTR wszSourceFilespec,
                                                                bool bRecursive,
                                                                LPCWSTR wszDestination) = 0;
  virtual HRESULT STDMETHODCALLTYPE AddComponentDependency(LPCWSTR wszForLogicalPath,
                                                           LPCWSTR wszForComponentName,
                                                           VSS_ID onWriterId,
                                                           LPCWSTR wszOnLogicalPath,
                                                           LPCWSTR wszOnComponentName) = 0;
  virtual HRESULT STDMETHODCALLTYPE SetBackupSchema(DWORD dwSchemaMask) = 0;
  virtual HRESULT STDMETHODCALLTYPE GetDocument(IXMLDOMDocument** pDoc) = 0;
  virtual HRESULT STDMETHODCALLTYPE SaveAsXML(BSTR* pbstrXML) = 0;
};

// IVssCreateWriterMetadataEx (Windows Server 2008): adds AddExcludeFilesFromSnapshot; passed
// to CVssWriterEx::OnIdentifyEx.
inline constexpr IID IID_IVssCreateWriterMetadataEx = {
    0x9F21981D, 0xD469, 0x4349, {0xB8, 0x07, 0x39, 0xE6, 0x4E, 0x46, 0x74, 0xE1}};
struct IVssCreateWriterMetadataEx : public IVssCreateWriterMetadata, public IUnknown {
  virtual HRESULT STDMETHODCALLTYPE AddExcludeFilesFromSnapshot(LPCWSTR wszPath,
                                                                LPCWSTR wszFilespec,
                                                                bool bRecursive) = 0;
};

#include "vsssim_cvsswriter.h"  // CVssWriter, CVssWriterEx, CVssWriterEx2 (include/common)

#endif  // VSSSIM_SDK_LINUX_VSWRITER_H_
