// The free functions of vsbackup.h, exported under the names vssapi.dll exports
// (CreateVssBackupComponentsInternal, CreateVssExamineWriterMetadataInternal,
// VssFreeSnapshotPropertiesInternal); the documented names call them (vsbackup.h).
#include <memory>
#include <mutex>
#include <utility>

#include "sim/sdk/service.h"
#include "vsssim/metadata/examine_writer_metadata.h"

#include "sim/sdk/requester/backup_components.h"
#include "sim/sdk/requester/examine_writer_metadata.h"
#include "sim/sdk/requester/sdk_glue.h"
#include "sim/sdk/requester/snapshot_props.h"

using vsssim::sdk::requester::BackupComponents;
using vsssim::sdk::requester::BadArgument;
using vsssim::sdk::requester::BadCall;

// "CreateVssBackupComponents": E_INVALIDARG when ppBackup is NULL. REQ-LIFE-01: a new
// requester on the current service (sdk::CurrentService()).
extern "C" HRESULT STDAPICALLTYPE
CreateVssBackupComponentsInternal(IVssBackupComponents** ppBackup) {
  std::lock_guard<std::recursive_mutex> lock(vsssim::sdk::ServiceLock());
  if (ppBackup == nullptr) return BadArgument("CreateVssBackupComponents", "ppBackup is NULL");
  vsssim::sdk::Service& service = vsssim::sdk::CurrentService();
  *ppBackup = new BackupComponents(service, service.CreateRequester());
  return S_OK;
}

// "CreateVssExamineWriterMetadata": E_INVALIDARG for a NULL argument, VSS_E_INVALID_XML_DOCUMENT
// when bstrXML is not a valid Writer Metadata Document (XML-02).
extern "C" HRESULT STDAPICALLTYPE
CreateVssExamineWriterMetadataInternal(BSTR bstrXML, IVssExamineWriterMetadata** ppMetadata) {
  std::lock_guard<std::recursive_mutex> lock(vsssim::sdk::ServiceLock());
  if (ppMetadata == nullptr) {
    return BadArgument("CreateVssExamineWriterMetadata", "ppMetadata is NULL");
  }
  *ppMetadata = nullptr;
  if (bstrXML == nullptr) return BadArgument("CreateVssExamineWriterMetadata", "bstrXML is NULL");
  vsssim::metadata::ExamineWriterMetadata metadata;
  if (vsssim::sdk::requester::ToHresult(
          metadata.LoadFromXML(vsssim::sdk::requester::Utf8(bstrXML))) != S_OK) {
    std::string why = "bstrXML is not a valid Writer Metadata Document";
    if (!metadata.load_diagnostics().empty()) why += ": " + metadata.load_diagnostics()[0].message;
    return BadCall("XML-02", "CreateVssExamineWriterMetadata", why, VSS_E_INVALID_XML_DOCUMENT);
  }
  *ppMetadata = new vsssim::sdk::requester::ExamineWriterMetadata(std::move(metadata));
  return S_OK;
}

// "VssFreeSnapshotProperties": frees the strings of a VSS_SNAPSHOT_PROP (not the structure).
extern "C" void APIENTRY VssFreeSnapshotPropertiesInternal(VSS_SNAPSHOT_PROP* pProp) {
  if (pProp == nullptr) return;
  vsssim::sdk::requester::FreeSnapshotProp(pProp);
}
