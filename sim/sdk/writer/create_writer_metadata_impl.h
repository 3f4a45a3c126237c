// IVssCreateWriterMetadataEx (and so IVssCreateWriterMetadata) over the coordinator's
// metadata::CreateWriterMetadata for one OnIdentify(Ex) call (docs/sdk.md). The metadata layer
// checks the Writer Metadata Document rules (WMD-*, COMP-*, FS-*) and reports their findings;
// this object converts strings and reports bad arguments (SIM-SDK-01).
//
// Thread safety: the handler's thread only.
#ifndef VSSSIM_SDK_WRITER_CREATE_WRITER_METADATA_IMPL_H_
#define VSSSIM_SDK_WRITER_CREATE_WRITER_METADATA_IMPL_H_

#include "sim/sdk/writer/handler_lease.h"
#include "vsssim/metadata/create_writer_metadata.h"

#include "sim/sdk/common/com_object.h"  // last (sdk_api.h)

namespace vsssim::sdk {

class CreateWriterMetadataImpl final : public IVssCreateWriterMetadataEx {
 public:
  // REQUIRES: `metadata` lives while `lease` is alive.
  CreateWriterMetadataImpl(metadata::CreateWriterMetadata* metadata, LeasePtr lease);

  HRESULT STDMETHODCALLTYPE AddIncludeFiles(LPCWSTR wszPath, LPCWSTR wszFilespec,
                                            SdkBool bRecursive,
                                            LPCWSTR wszAlternateLocation) override;
  HRESULT STDMETHODCALLTYPE AddExcludeFiles(LPCWSTR wszPath, LPCWSTR wszFilespec,
                                            SdkBool bRecursive) override;
  HRESULT STDMETHODCALLTYPE AddComponent(VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath,
                                         LPCWSTR wszComponentName, LPCWSTR wszCaption,
                                         const BYTE* pbIcon, UINT cbIcon, SdkBool bRestoreMetadata,
                                         SdkBool bNotifyOnBackupComplete, SdkBool bSelectable,
                                         SdkBool bSelectableForRestore,
                                         DWORD dwComponentFlags) override;
  HRESULT STDMETHODCALLTYPE AddDatabaseFiles(LPCWSTR wszLogicalPath, LPCWSTR wszDatabaseName,
                                             LPCWSTR wszPath, LPCWSTR wszFilespec,
                                             DWORD dwBackupTypeMask) override;
  HRESULT STDMETHODCALLTYPE AddDatabaseLogFiles(LPCWSTR wszLogicalPath, LPCWSTR wszDatabaseName,
                                                LPCWSTR wszPath, LPCWSTR wszFilespec,
                                                DWORD dwBackupTypeMask) override;
  HRESULT STDMETHODCALLTYPE AddFilesToFileGroup(LPCWSTR wszLogicalPath, LPCWSTR wszGroupName,
                                                LPCWSTR wszPath, LPCWSTR wszFilespec,
                                                SdkBool bRecursive, LPCWSTR wszAlternateLocation,
                                                DWORD dwBackupTypeMask) override;
  HRESULT STDMETHODCALLTYPE SetRestoreMethod(VSS_RESTOREMETHOD_ENUM method, LPCWSTR wszService,
                                             LPCWSTR wszUserProcedure,
                                             VSS_WRITERRESTORE_ENUM writerRestore,
                                             SdkBool bRebootRequired) override;
  HRESULT STDMETHODCALLTYPE AddAlternateLocationMapping(LPCWSTR wszSourcePath,
                                                        LPCWSTR wszSourceFilespec,
                                                        SdkBool bRecursive,
                                                        LPCWSTR wszDestination) override;
  HRESULT STDMETHODCALLTYPE AddComponentDependency(LPCWSTR wszForLogicalPath,
                                                   LPCWSTR wszForComponentName, VSS_ID onWriterId,
                                                   LPCWSTR wszOnLogicalPath,
                                                   LPCWSTR wszOnComponentName) override;
  HRESULT STDMETHODCALLTYPE SetBackupSchema(DWORD dwSchemaMask) override;
  HRESULT STDMETHODCALLTYPE GetDocument(IXMLDOMDocument** pDoc) override;
  HRESULT STDMETHODCALLTYPE SaveAsXML(BSTR* pbstrXML) override;
  HRESULT STDMETHODCALLTYPE AddExcludeFilesFromSnapshot(LPCWSTR wszPath, LPCWSTR wszFilespec,
                                                        SdkBool bRecursive) override;

  // IUnknown (IVssCreateWriterMetadataEx only; the object belongs to the handler call, so the
  // count is kept for balance but never deletes it).
  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid,
                                           void** ppvObject) VSSSIM_SDK_IUNKNOWN_OVERRIDE_ON_LINUX;
  ULONG STDMETHODCALLTYPE AddRef() VSSSIM_SDK_IUNKNOWN_OVERRIDE_ON_LINUX;
  ULONG STDMETHODCALLTYPE Release() VSSSIM_SDK_IUNKNOWN_OVERRIDE_ON_LINUX;

 private:
  HRESULT Live(const char* call);
  HRESULT Bad(const char* call, const char* what);

  metadata::CreateWriterMetadata* const metadata_;
  const LeasePtr lease_;
  RefCount refs_;
};

}  // namespace vsssim::sdk

#endif  // VSSSIM_SDK_WRITER_CREATE_WRITER_METADATA_IMPL_H_
