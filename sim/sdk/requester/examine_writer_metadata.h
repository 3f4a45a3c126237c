// IVssExamineWriterMetadata(Ex, Ex2) over metadata::ExamineWriterMetadata, and IVssWMComponent
// over metadata::WMComponent: what GetWriterMetadata(Ex) and CreateVssExamineWriterMetadata
// hand out. Each object holds its own copy of the document (a shared, never changed one), so it
// stays valid after FreeWriterMetadata and after the IVssBackupComponents is released.
//
// Out-parameters that are NULL, and indexes out of range, return E_INVALIDARG with a
// SIM-SDK-01 finding (the pages list E_INVALIDARG, "one of the parameter values is not
// valid"); GetDocument is E_NOTIMPL (no MSXML DOM here).
//
// Thread safety: every method takes sdk::ServiceLock().
#ifndef VSSSIM_SDK_REQUESTER_EXAMINE_WRITER_METADATA_H_
#define VSSSIM_SDK_REQUESTER_EXAMINE_WRITER_METADATA_H_

#include "sim/sdk/service.h"
#include "vsssim/metadata/component.h"
#include "vsssim/metadata/examine_writer_metadata.h"

#include "sim/sdk/requester/com_object.h"

namespace vsssim::sdk::requester {

class WMComponent final : public IVssWMComponent {
 public:
  explicit WMComponent(metadata::WMComponent component);

  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID iid, void** object) override;
  ULONG STDMETHODCALLTYPE AddRef() override;
  ULONG STDMETHODCALLTYPE Release() override;

  HRESULT STDMETHODCALLTYPE GetComponentInfo(PVSSCOMPONENTINFO* ppInfo) override;
  HRESULT STDMETHODCALLTYPE FreeComponentInfo(PVSSCOMPONENTINFO pInfo) override;
  HRESULT STDMETHODCALLTYPE GetFile(UINT iFile, IVssWMFiledesc** ppFiledesc) override;
  HRESULT STDMETHODCALLTYPE GetDatabaseFile(UINT iDBFile, IVssWMFiledesc** ppFiledesc) override;
  HRESULT STDMETHODCALLTYPE GetDatabaseLogFile(UINT iDbLogFile,
                                               IVssWMFiledesc** ppFiledesc) override;
  HRESULT STDMETHODCALLTYPE GetDependency(UINT iDependency,
                                          IVssWMDependency** ppDependency) override;

 private:
  ~WMComponent() = default;

  RefCount refs_;
  metadata::WMComponent component_;
};

class ExamineWriterMetadata final : public IVssExamineWriterMetadataEx2 {
 public:
  explicit ExamineWriterMetadata(metadata::ExamineWriterMetadata metadata = {});

  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID iid, void** object) override;
  ULONG STDMETHODCALLTYPE AddRef() override;
  ULONG STDMETHODCALLTYPE Release() override;

  HRESULT STDMETHODCALLTYPE GetIdentity(VSS_ID* pidInstance, VSS_ID* pidWriter,
                                        BSTR* pbstrWriterName, VSS_USAGE_TYPE* pUsage,
                                        VSS_SOURCE_TYPE* pSource) override;
  HRESULT STDMETHODCALLTYPE GetFileCounts(UINT* pcIncludeFiles, UINT* pcExcludeFiles,
                                          UINT* pcComponents) override;
  HRESULT STDMETHODCALLTYPE GetIncludeFile(UINT iFile, IVssWMFiledesc** ppFiledesc) override;
  HRESULT STDMETHODCALLTYPE GetExcludeFile(UINT iFile, IVssWMFiledesc** ppFiledesc) override;
  HRESULT STDMETHODCALLTYPE GetComponent(UINT iComponent, IVssWMComponent** ppComponent) override;
  HRESULT STDMETHODCALLTYPE GetRestoreMethod(VSS_RESTOREMETHOD_ENUM* pMethod, BSTR* pbstrService,
                                             BSTR* pbstrUserProcedure,
                                             VSS_WRITERRESTORE_ENUM* pwriterRestore,
                                             SdkBool* pbRebootRequired, UINT* pcMappings) override;
  HRESULT STDMETHODCALLTYPE GetAlternateLocationMapping(UINT iMapping,
                                                        IVssWMFiledesc** ppFiledesc) override;
  HRESULT STDMETHODCALLTYPE GetBackupSchema(DWORD* pdwSchemaMask) override;
  HRESULT STDMETHODCALLTYPE GetDocument(IXMLDOMDocument** pDoc) override;
  HRESULT STDMETHODCALLTYPE SaveAsXML(BSTR* pbstrXML) override;
  HRESULT STDMETHODCALLTYPE LoadFromXML(BSTR bstrXML) override;
  HRESULT STDMETHODCALLTYPE GetIdentityEx(VSS_ID* pidInstance, VSS_ID* pidWriter,
                                          BSTR* pbstrWriterName, BSTR* pbstrInstanceName,
                                          VSS_USAGE_TYPE* pUsage,
                                          VSS_SOURCE_TYPE* pSource) override;
  HRESULT STDMETHODCALLTYPE GetVersion(DWORD* pdwMajorVersion, DWORD* pdwMinorVersion) override;
  HRESULT STDMETHODCALLTYPE GetExcludeFromSnapshotCount(UINT* pcExcludedFromSnapshot) override;
  HRESULT STDMETHODCALLTYPE GetExcludeFromSnapshotFile(UINT iFile,
                                                       IVssWMFiledesc** ppFiledesc) override;

 private:
  ~ExamineWriterMetadata() = default;

  RefCount refs_;
  metadata::ExamineWriterMetadata metadata_;
};

}  // namespace vsssim::sdk::requester

#endif  // VSSSIM_SDK_REQUESTER_EXAMINE_WRITER_METADATA_H_
