#include "sim/sdk/requester/examine_writer_metadata.h"

#include <cstring>
#include <mutex>
#include <string>
#include <utility>

#include "sim/sdk/requester/sdk_glue.h"
#include "sim/sdk/requester/wm_objects.h"

namespace vsssim::sdk::requester {
namespace {

using Lock = std::lock_guard<std::recursive_mutex>;

// A failed index lookup of the model (E_INVALIDARG, "index out of range") with its finding.
HRESULT Checked(HResult result, const char* method) {
  const HRESULT code = ToHresult(result);
  if (code == E_INVALIDARG) return BadArgument(method, "index out of range");
  return code;
}

// The common tail of the Get*File methods: a new IVssWMFiledesc for `file`.
HRESULT GiveFiledesc(HResult found, const metadata::WMFiledesc& file, const char* method,
                     IVssWMFiledesc** out) {
  const HRESULT code = Checked(found, method);
  if (FAILED(code)) return code;
  *out = NewWMFiledesc(file);
  return S_OK;
}

}  // namespace

// --- IVssWMComponent ---

WMComponent::WMComponent(metadata::WMComponent component) : component_(std::move(component)) {}

HRESULT WMComponent::QueryInterface(REFIID iid, void** object) {
  if (object == nullptr) return E_POINTER;
  // IVssWMComponent is a C++ interface without an IID of its own: only IUnknown answers.
  if (SameIid(iid, kIidUnknown)) {
    *object = static_cast<IUnknown*>(this);
    AddRef();
    return S_OK;
  }
  *object = nullptr;
  return E_NOINTERFACE;
}

ULONG WMComponent::AddRef() { return refs_.AddRef(); }

ULONG WMComponent::Release() {
  const ULONG left = refs_.Release();
  if (left == 0) delete this;
  return left;
}

HRESULT WMComponent::GetComponentInfo(PVSSCOMPONENTINFO* ppInfo) {
  Lock lock(ServiceLock());
  if (ppInfo == nullptr) return BadArgument("IVssWMComponent::GetComponentInfo", "ppInfo is NULL");
  metadata::ComponentInfo info;
  component_.GetComponentInfo(&info);
  auto* out = new VSS_COMPONENTINFO{};
  out->type = static_cast<VSS_COMPONENT_TYPE>(info.type);
  out->bstrLogicalPath = info.logical_path.empty() ? nullptr : NewBstr(info.logical_path);
  out->bstrComponentName = NewBstr(info.component_name);
  out->bstrCaption = info.caption.empty() ? nullptr : NewBstr(info.caption);
  if (!info.icon.empty()) {
    out->pbIcon = new BYTE[info.icon.size()];
    std::memcpy(out->pbIcon, info.icon.data(), info.icon.size());
  }
  out->cbIcon = static_cast<UINT>(info.icon.size());
  out->bRestoreMetadata = info.restore_metadata;
  out->bNotifyOnBackupComplete = info.notify_on_backup_complete;
  out->bSelectable = info.selectable;
  out->bSelectableForRestore = info.selectable_for_restore;
  out->dwComponentFlags = static_cast<DWORD>(info.component_flags);
  out->cFileCount = info.file_count;
  out->cDatabases = info.database_count;
  out->cLogFiles = info.log_file_count;
  out->cDependencies = info.dependency_count;
  *ppInfo = out;
  return S_OK;
}

HRESULT WMComponent::FreeComponentInfo(PVSSCOMPONENTINFO pInfo) {
  Lock lock(ServiceLock());
  if (pInfo == nullptr) return BadArgument("IVssWMComponent::FreeComponentInfo", "pInfo is NULL");
  SysFreeString(pInfo->bstrLogicalPath);
  SysFreeString(pInfo->bstrComponentName);
  SysFreeString(pInfo->bstrCaption);
  delete[] pInfo->pbIcon;
  delete pInfo;
  return S_OK;
}

HRESULT WMComponent::GetFile(UINT iFile, IVssWMFiledesc** ppFiledesc) {
  Lock lock(ServiceLock());
  if (ppFiledesc == nullptr) return BadArgument("IVssWMComponent::GetFile", "ppFiledesc is NULL");
  metadata::WMFiledesc file;
  return GiveFiledesc(component_.GetFile(iFile, &file), file, "IVssWMComponent::GetFile",
                      ppFiledesc);
}

HRESULT WMComponent::GetDatabaseFile(UINT iDBFile, IVssWMFiledesc** ppFiledesc) {
  Lock lock(ServiceLock());
  if (ppFiledesc == nullptr) {
    return BadArgument("IVssWMComponent::GetDatabaseFile", "ppFiledesc is NULL");
  }
  metadata::WMFiledesc file;
  return GiveFiledesc(component_.GetDatabaseFile(iDBFile, &file), file,
                      "IVssWMComponent::GetDatabaseFile", ppFiledesc);
}

HRESULT WMComponent::GetDatabaseLogFile(UINT iDbLogFile, IVssWMFiledesc** ppFiledesc) {
  Lock lock(ServiceLock());
  if (ppFiledesc == nullptr) {
    return BadArgument("IVssWMComponent::GetDatabaseLogFile", "ppFiledesc is NULL");
  }
  metadata::WMFiledesc file;
  return GiveFiledesc(component_.GetDatabaseLogFile(iDbLogFile, &file), file,
                      "IVssWMComponent::GetDatabaseLogFile", ppFiledesc);
}

HRESULT WMComponent::GetDependency(UINT iDependency, IVssWMDependency** ppDependency) {
  Lock lock(ServiceLock());
  if (ppDependency == nullptr) {
    return BadArgument("IVssWMComponent::GetDependency", "ppDependency is NULL");
  }
  metadata::WMDependency dependency;
  const HRESULT code =
      Checked(component_.GetDependency(iDependency, &dependency), "IVssWMComponent::GetDependency");
  if (FAILED(code)) return code;
  *ppDependency = NewWMDependency(dependency);
  return S_OK;
}

// --- IVssExamineWriterMetadata(Ex, Ex2) ---

ExamineWriterMetadata::ExamineWriterMetadata(metadata::ExamineWriterMetadata metadata)
    : metadata_(std::move(metadata)) {}

HRESULT ExamineWriterMetadata::QueryInterface(REFIID iid, void** object) {
  if (object == nullptr) return E_POINTER;
  if (SameIid(iid, kIidUnknown) || SameIid(iid, kIidExamineWriterMetadata) ||
      SameIid(iid, kIidExamineWriterMetadataEx) || SameIid(iid, kIidExamineWriterMetadataEx2)) {
    *object = static_cast<IVssExamineWriterMetadataEx2*>(this);
    AddRef();
    return S_OK;
  }
  *object = nullptr;
  return E_NOINTERFACE;
}

ULONG ExamineWriterMetadata::AddRef() { return refs_.AddRef(); }

ULONG ExamineWriterMetadata::Release() {
  const ULONG left = refs_.Release();
  if (left == 0) delete this;
  return left;
}

HRESULT ExamineWriterMetadata::GetIdentity(VSS_ID* pidInstance, VSS_ID* pidWriter,
                                           BSTR* pbstrWriterName, VSS_USAGE_TYPE* pUsage,
                                           VSS_SOURCE_TYPE* pSource) {
  Lock lock(ServiceLock());
  if (pidInstance == nullptr || pidWriter == nullptr || pbstrWriterName == nullptr ||
      pUsage == nullptr || pSource == nullptr) {
    return BadArgument("IVssExamineWriterMetadata::GetIdentity", "an out-parameter is NULL");
  }
  Guid instance, writer;
  std::string name;
  vss::UsageType usage;
  vss::SourceType source;
  const HRESULT code = ToHresult(metadata_.GetIdentity(&instance, &writer, &name, &usage, &source));
  if (FAILED(code)) return code;
  *pidInstance = ToVssId(instance);
  *pidWriter = ToVssId(writer);
  *pbstrWriterName = NewBstr(name);
  *pUsage = static_cast<VSS_USAGE_TYPE>(usage);
  *pSource = static_cast<VSS_SOURCE_TYPE>(source);
  return code;
}

HRESULT ExamineWriterMetadata::GetIdentityEx(VSS_ID* pidInstance, VSS_ID* pidWriter,
                                             BSTR* pbstrWriterName, BSTR* pbstrInstanceName,
                                             VSS_USAGE_TYPE* pUsage, VSS_SOURCE_TYPE* pSource) {
  Lock lock(ServiceLock());
  if (pbstrInstanceName == nullptr) {
    return BadArgument("IVssExamineWriterMetadataEx::GetIdentityEx", "pbstrInstanceName is NULL");
  }
  const HRESULT code = GetIdentity(pidInstance, pidWriter, pbstrWriterName, pUsage, pSource);
  if (FAILED(code)) return code;
  Guid instance, writer;
  std::string name, instance_name;
  vss::UsageType usage;
  vss::SourceType source;
  metadata_.GetIdentityEx(&instance, &writer, &name, &instance_name, &usage, &source);
  *pbstrInstanceName = NewBstr(instance_name);
  return code;
}

HRESULT ExamineWriterMetadata::GetVersion(DWORD* pdwMajorVersion, DWORD* pdwMinorVersion) {
  Lock lock(ServiceLock());
  if (pdwMajorVersion == nullptr || pdwMinorVersion == nullptr) {
    return BadArgument("IVssExamineWriterMetadataEx2::GetVersion", "an out-parameter is NULL");
  }
  std::uint32_t major = 0, minor = 0;
  const HRESULT code = ToHresult(metadata_.GetVersion(&major, &minor));
  *pdwMajorVersion = major;
  *pdwMinorVersion = minor;
  return code;
}

HRESULT ExamineWriterMetadata::GetFileCounts(UINT* pcIncludeFiles, UINT* pcExcludeFiles,
                                             UINT* pcComponents) {
  Lock lock(ServiceLock());
  if (pcIncludeFiles == nullptr || pcExcludeFiles == nullptr || pcComponents == nullptr) {
    return BadArgument("IVssExamineWriterMetadata::GetFileCounts", "an out-parameter is NULL");
  }
  std::uint32_t include = 0, exclude = 0, components = 0;
  const HRESULT code = ToHresult(metadata_.GetFileCounts(&include, &exclude, &components));
  *pcIncludeFiles = include;
  *pcExcludeFiles = exclude;
  *pcComponents = components;
  return code;
}

HRESULT ExamineWriterMetadata::GetIncludeFile(UINT iFile, IVssWMFiledesc** ppFiledesc) {
  Lock lock(ServiceLock());
  const char* method = "IVssExamineWriterMetadata::GetIncludeFile";
  if (ppFiledesc == nullptr) return BadArgument(method, "ppFiledesc is NULL");
  metadata::WMFiledesc file;
  return GiveFiledesc(metadata_.GetIncludeFile(iFile, &file), file, method, ppFiledesc);
}

HRESULT ExamineWriterMetadata::GetExcludeFile(UINT iFile, IVssWMFiledesc** ppFiledesc) {
  Lock lock(ServiceLock());
  const char* method = "IVssExamineWriterMetadata::GetExcludeFile";
  if (ppFiledesc == nullptr) return BadArgument(method, "ppFiledesc is NULL");
  metadata::WMFiledesc file;
  return GiveFiledesc(metadata_.GetExcludeFile(iFile, &file), file, method, ppFiledesc);
}

HRESULT ExamineWriterMetadata::GetExcludeFromSnapshotCount(UINT* pcExcludedFromSnapshot) {
  Lock lock(ServiceLock());
  if (pcExcludedFromSnapshot == nullptr) {
    return BadArgument("IVssExamineWriterMetadataEx2::GetExcludeFromSnapshotCount",
                       "pcExcludedFromSnapshot is NULL");
  }
  std::uint32_t count = 0;
  const HRESULT code = ToHresult(metadata_.GetExcludeFromSnapshotCount(&count));
  *pcExcludedFromSnapshot = count;
  return code;
}

HRESULT ExamineWriterMetadata::GetExcludeFromSnapshotFile(UINT iFile, IVssWMFiledesc** ppFiledesc) {
  Lock lock(ServiceLock());
  const char* method = "IVssExamineWriterMetadataEx2::GetExcludeFromSnapshotFile";
  if (ppFiledesc == nullptr) return BadArgument(method, "ppFiledesc is NULL");
  metadata::WMFiledesc file;
  return GiveFiledesc(metadata_.GetExcludeFromSnapshotFile(iFile, &file), file, method, ppFiledesc);
}

HRESULT ExamineWriterMetadata::GetComponent(UINT iComponent, IVssWMComponent** ppComponent) {
  Lock lock(ServiceLock());
  const char* method = "IVssExamineWriterMetadata::GetComponent";
  if (ppComponent == nullptr) return BadArgument(method, "ppComponent is NULL");
  metadata::WMComponent component;
  const HRESULT code = Checked(metadata_.GetComponent(iComponent, &component), method);
  if (FAILED(code)) return code;
  *ppComponent = new WMComponent(std::move(component));
  return S_OK;
}

HRESULT ExamineWriterMetadata::GetRestoreMethod(VSS_RESTOREMETHOD_ENUM* pMethod, BSTR* pbstrService,
                                                BSTR* pbstrUserProcedure,
                                                VSS_WRITERRESTORE_ENUM* pwriterRestore,
                                                SdkBool* pbRebootRequired, UINT* pcMappings) {
  Lock lock(ServiceLock());
  if (pMethod == nullptr || pbstrService == nullptr || pbstrUserProcedure == nullptr ||
      pwriterRestore == nullptr || pbRebootRequired == nullptr || pcMappings == nullptr) {
    return BadArgument("IVssExamineWriterMetadata::GetRestoreMethod", "an out-parameter is NULL");
  }
  vss::RestoreMethod restore_method;
  std::string service, user_procedure;
  vss::WriterRestore writer_restore;
  bool reboot = false;
  std::uint32_t mappings = 0;
  const HRESULT code = ToHresult(metadata_.GetRestoreMethod(
      &restore_method, &service, &user_procedure, &writer_restore, &reboot, &mappings));
  if (FAILED(code)) return code;
  *pMethod = static_cast<VSS_RESTOREMETHOD_ENUM>(restore_method);
  *pbstrService = service.empty() ? nullptr : NewBstr(service);
  *pbstrUserProcedure = user_procedure.empty() ? nullptr : NewBstr(user_procedure);
  *pwriterRestore = static_cast<VSS_WRITERRESTORE_ENUM>(writer_restore);
  *pbRebootRequired = reboot;
  *pcMappings = mappings;
  return code;  // S_FALSE: the document has no restore method (WMDX-08)
}

HRESULT ExamineWriterMetadata::GetAlternateLocationMapping(UINT iMapping,
                                                           IVssWMFiledesc** ppFiledesc) {
  Lock lock(ServiceLock());
  const char* method = "IVssExamineWriterMetadata::GetAlternateLocationMapping";
  if (ppFiledesc == nullptr) return BadArgument(method, "ppFiledesc is NULL");
  metadata::WMFiledesc file;
  return GiveFiledesc(metadata_.GetAlternateLocationMapping(iMapping, &file), file, method,
                      ppFiledesc);
}

HRESULT ExamineWriterMetadata::GetBackupSchema(DWORD* pdwSchemaMask) {
  Lock lock(ServiceLock());
  if (pdwSchemaMask == nullptr) {
    return BadArgument("IVssExamineWriterMetadata::GetBackupSchema", "pdwSchemaMask is NULL");
  }
  vss::BackupSchema schema;
  const HRESULT code = ToHresult(metadata_.GetBackupSchema(&schema));
  if (FAILED(code)) return code;
  *pdwSchemaMask = static_cast<DWORD>(schema);
  return code;
}

HRESULT ExamineWriterMetadata::GetDocument(IXMLDOMDocument** pDoc) {
  Lock lock(ServiceLock());
  if (pDoc != nullptr) *pDoc = nullptr;
  return BadCall("SIM-SDK-01", "IVssExamineWriterMetadata::GetDocument",
                 "no MSXML document in the simulator; use SaveAsXML", E_NOTIMPL);
}

HRESULT ExamineWriterMetadata::SaveAsXML(BSTR* pbstrXML) {
  Lock lock(ServiceLock());
  if (pbstrXML == nullptr) {
    return BadArgument("IVssExamineWriterMetadata::SaveAsXML", "pbstrXML is NULL");
  }
  std::string xml;
  const HRESULT code = ToHresult(metadata_.SaveAsXML(&xml));
  if (FAILED(code)) return code;
  *pbstrXML = NewBstr(xml);
  return code;
}

HRESULT ExamineWriterMetadata::LoadFromXML(BSTR bstrXML) {
  Lock lock(ServiceLock());
  if (bstrXML == nullptr) {
    return BadArgument("IVssExamineWriterMetadata::LoadFromXML", "bstrXML is NULL");
  }
  // XML-02: S_FALSE when the text is not a valid Writer Metadata Document.
  return ToHresult(metadata_.LoadFromXML(Utf8(bstrXML)));
}

}  // namespace vsssim::sdk::requester
