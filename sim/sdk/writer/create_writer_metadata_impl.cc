#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "vsssim/metadata/create_writer_metadata.h"

#include "sim/sdk/common/bstr.h"  // last (sdk_api.h)
#include "sim/sdk/common/finding.h"
#include "sim/sdk/common/vss_id.h"
#include "sim/sdk/writer/create_writer_metadata_impl.h"

namespace vsssim::sdk {
namespace {

vss::FileSpecBackupType Mask(DWORD mask) { return vss::FileSpecBackupType{mask}; }

}  // namespace

CreateWriterMetadataImpl::CreateWriterMetadataImpl(metadata::CreateWriterMetadata* metadata,
                                                   LeasePtr lease)
    : metadata_(metadata), lease_(std::move(lease)) {}

HRESULT CreateWriterMetadataImpl::Live(const char* call) {
  if (lease_->alive) return S_OK;
  return RecordFinding(lease_->actor, call, VSS_E_BAD_STATE,
                       "called after " + lease_->handler + " returned");
}

HRESULT CreateWriterMetadataImpl::Bad(const char* call, const char* what) {
  return RecordFinding(lease_->actor, call, E_INVALIDARG, what);
}

// Required strings NULL: E_INVALIDARG ("One of the parameter values is not valid") on every
// IVssCreateWriterMetadata method page; optional ones (logical path, caption, alternate
// location, service, user procedure) may be NULL and mean "none".
HRESULT CreateWriterMetadataImpl::AddIncludeFiles(LPCWSTR wszPath, LPCWSTR wszFilespec,
                                                  SdkBool bRecursive,
                                                  LPCWSTR wszAlternateLocation) {
  const char* call = "IVssCreateWriterMetadata::AddIncludeFiles";
  if (HRESULT hr = Live(call); hr != S_OK) return hr;
  if (wszPath == nullptr || wszFilespec == nullptr) return Bad(call, "NULL path or file spec");
  return ToHRESULT(metadata_->AddIncludeFiles(Utf8(wszPath), Utf8(wszFilespec), bRecursive != 0,
                                              Utf8(wszAlternateLocation)));
}

HRESULT CreateWriterMetadataImpl::AddExcludeFiles(LPCWSTR wszPath, LPCWSTR wszFilespec,
                                                  SdkBool bRecursive) {
  const char* call = "IVssCreateWriterMetadata::AddExcludeFiles";
  if (HRESULT hr = Live(call); hr != S_OK) return hr;
  if (wszPath == nullptr || wszFilespec == nullptr) return Bad(call, "NULL path or file spec");
  return ToHRESULT(metadata_->AddExcludeFiles(Utf8(wszPath), Utf8(wszFilespec), bRecursive != 0));
}

HRESULT CreateWriterMetadataImpl::AddComponent(
    VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName, LPCWSTR wszCaption,
    const BYTE* pbIcon, UINT cbIcon, SdkBool bRestoreMetadata, SdkBool bNotifyOnBackupComplete,
    SdkBool bSelectable, SdkBool bSelectableForRestore, DWORD dwComponentFlags) {
  const char* call = "IVssCreateWriterMetadata::AddComponent";
  if (HRESULT hr = Live(call); hr != S_OK) return hr;
  if (wszComponentName == nullptr) return Bad(call, "NULL wszComponentName");
  if (pbIcon == nullptr && cbIcon != 0) return Bad(call, "cbIcon not 0 with a NULL pbIcon");
  std::vector<std::uint8_t> icon;
  if (pbIcon != nullptr) icon.assign(pbIcon, pbIcon + cbIcon);
  return ToHRESULT(metadata_->AddComponent(
      static_cast<vss::ComponentType>(ct), Utf8(wszLogicalPath), Utf8(wszComponentName),
      Utf8(wszCaption), icon, bRestoreMetadata != 0, bNotifyOnBackupComplete != 0, bSelectable != 0,
      bSelectableForRestore != 0, vss::ComponentFlags{dwComponentFlags}));
}

HRESULT CreateWriterMetadataImpl::AddDatabaseFiles(LPCWSTR wszLogicalPath, LPCWSTR wszDatabaseName,
                                                   LPCWSTR wszPath, LPCWSTR wszFilespec,
                                                   DWORD dwBackupTypeMask) {
  const char* call = "IVssCreateWriterMetadata::AddDatabaseFiles";
  if (HRESULT hr = Live(call); hr != S_OK) return hr;
  if (wszDatabaseName == nullptr || wszPath == nullptr || wszFilespec == nullptr) {
    return Bad(call, "NULL database name, path or file spec");
  }
  return ToHRESULT(metadata_->AddDatabaseFiles(Utf8(wszLogicalPath), Utf8(wszDatabaseName),
                                               Utf8(wszPath), Utf8(wszFilespec),
                                               Mask(dwBackupTypeMask)));
}

HRESULT CreateWriterMetadataImpl::AddDatabaseLogFiles(LPCWSTR wszLogicalPath,
                                                      LPCWSTR wszDatabaseName, LPCWSTR wszPath,
                                                      LPCWSTR wszFilespec, DWORD dwBackupTypeMask) {
  const char* call = "IVssCreateWriterMetadata::AddDatabaseLogFiles";
  if (HRESULT hr = Live(call); hr != S_OK) return hr;
  if (wszDatabaseName == nullptr || wszPath == nullptr || wszFilespec == nullptr) {
    return Bad(call, "NULL database name, path or file spec");
  }
  return ToHRESULT(metadata_->AddDatabaseLogFiles(Utf8(wszLogicalPath), Utf8(wszDatabaseName),
                                                  Utf8(wszPath), Utf8(wszFilespec),
                                                  Mask(dwBackupTypeMask)));
}

HRESULT CreateWriterMetadataImpl::AddFilesToFileGroup(LPCWSTR wszLogicalPath, LPCWSTR wszGroupName,
                                                      LPCWSTR wszPath, LPCWSTR wszFilespec,
                                                      SdkBool bRecursive,
                                                      LPCWSTR wszAlternateLocation,
                                                      DWORD dwBackupTypeMask) {
  const char* call = "IVssCreateWriterMetadata::AddFilesToFileGroup";
  if (HRESULT hr = Live(call); hr != S_OK) return hr;
  if (wszGroupName == nullptr || wszPath == nullptr || wszFilespec == nullptr) {
    return Bad(call, "NULL group name, path or file spec");
  }
  return ToHRESULT(metadata_->AddFilesToFileGroup(
      Utf8(wszLogicalPath), Utf8(wszGroupName), Utf8(wszPath), Utf8(wszFilespec), bRecursive != 0,
      Utf8(wszAlternateLocation), Mask(dwBackupTypeMask)));
}

HRESULT CreateWriterMetadataImpl::SetRestoreMethod(VSS_RESTOREMETHOD_ENUM method,
                                                   LPCWSTR wszService, LPCWSTR wszUserProcedure,
                                                   VSS_WRITERRESTORE_ENUM writerRestore,
                                                   SdkBool bRebootRequired) {
  if (HRESULT hr = Live("IVssCreateWriterMetadata::SetRestoreMethod"); hr != S_OK) return hr;
  return ToHRESULT(metadata_->SetRestoreMethod(
      static_cast<vss::RestoreMethod>(method), Utf8(wszService), Utf8(wszUserProcedure),
      static_cast<vss::WriterRestore>(writerRestore), bRebootRequired != 0));
}

HRESULT CreateWriterMetadataImpl::AddAlternateLocationMapping(LPCWSTR wszSourcePath,
                                                              LPCWSTR wszSourceFilespec,
                                                              SdkBool bRecursive,
                                                              LPCWSTR wszDestination) {
  const char* call = "IVssCreateWriterMetadata::AddAlternateLocationMapping";
  if (HRESULT hr = Live(call); hr != S_OK) return hr;
  if (wszSourcePath == nullptr || wszSourceFilespec == nullptr || wszDestination == nullptr) {
    return Bad(call, "NULL path, file spec or destination");
  }
  return ToHRESULT(metadata_->AddAlternateLocationMapping(
      Utf8(wszSourcePath), Utf8(wszSourceFilespec), bRecursive != 0, Utf8(wszDestination)));
}

HRESULT CreateWriterMetadataImpl::AddComponentDependency(LPCWSTR wszForLogicalPath,
                                                         LPCWSTR wszForComponentName,
                                                         VSS_ID onWriterId,
                                                         LPCWSTR wszOnLogicalPath,
                                                         LPCWSTR wszOnComponentName) {
  const char* call = "IVssCreateWriterMetadata::AddComponentDependency";
  if (HRESULT hr = Live(call); hr != S_OK) return hr;
  if (wszForComponentName == nullptr || wszOnComponentName == nullptr) {
    return Bad(call, "NULL component name");
  }
  return ToHRESULT(metadata_->AddComponentDependency(
      Utf8(wszForLogicalPath), Utf8(wszForComponentName), ToGuid(onWriterId),
      Utf8(wszOnLogicalPath), Utf8(wszOnComponentName)));
}

HRESULT CreateWriterMetadataImpl::SetBackupSchema(DWORD dwSchemaMask) {
  if (HRESULT hr = Live("IVssCreateWriterMetadata::SetBackupSchema"); hr != S_OK) return hr;
  return ToHRESULT(metadata_->SetBackupSchema(vss::BackupSchema{dwSchemaMask}));
}

// vsssim has no MSXML: GetDocument is not implemented (E_NOTIMPL), documented in docs/sdk.md.
HRESULT CreateWriterMetadataImpl::GetDocument(IXMLDOMDocument** pDoc) {
  const char* call = "IVssCreateWriterMetadata::GetDocument";
  if (HRESULT hr = Live(call); hr != S_OK) return hr;
  if (pDoc == nullptr) return Bad(call, "NULL out-parameter");
  *pDoc = nullptr;
  return E_NOTIMPL;
}

HRESULT CreateWriterMetadataImpl::SaveAsXML(BSTR* pbstrXML) {
  const char* call = "IVssCreateWriterMetadata::SaveAsXML";
  if (HRESULT hr = Live(call); hr != S_OK) return hr;
  if (pbstrXML == nullptr) return Bad(call, "NULL out-parameter");
  *pbstrXML = nullptr;
  std::string xml;
  const HRESULT hr = ToHRESULT(metadata_->SaveAsXML(&xml));
  if (FAILED(hr)) return hr;
  return SetBstr(xml, pbstrXML);
}

HRESULT CreateWriterMetadataImpl::AddExcludeFilesFromSnapshot(LPCWSTR wszPath, LPCWSTR wszFilespec,
                                                              SdkBool bRecursive) {
  const char* call = "IVssCreateWriterMetadataEx::AddExcludeFilesFromSnapshot";
  if (HRESULT hr = Live(call); hr != S_OK) return hr;
  if (wszPath == nullptr || wszFilespec == nullptr) return Bad(call, "NULL path or file spec");
  return ToHRESULT(
      metadata_->AddExcludeFilesFromSnapshot(Utf8(wszPath), Utf8(wszFilespec), bRecursive != 0));
}

HRESULT CreateWriterMetadataImpl::QueryInterface(REFIID riid, void** ppvObject) {
  if (ppvObject == nullptr) return E_POINTER;
  *ppvObject = nullptr;
  if (!SameIid(riid, kIidIUnknown) && !SameIid(riid, kIidIVssCreateWriterMetadataEx)) {
    return E_NOINTERFACE;
  }
  *ppvObject = static_cast<IVssCreateWriterMetadataEx*>(this);
  AddRef();
  return S_OK;
}

ULONG CreateWriterMetadataImpl::AddRef() { return refs_.AddRef(); }

ULONG CreateWriterMetadataImpl::Release() { return refs_.Release(); }

}  // namespace vsssim::sdk
