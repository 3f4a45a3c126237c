// The backup half of the example: the sequence of Microsoft's "Overview of Processing a Backup
// Under VSS" with IVssBackupComponents, as VShadow does it.
#include <string>
#include <vector>

#include "vshadow_lite.h"
#include "vshadow_util.h"

namespace vshadow_lite {
namespace {

struct Selected {
  VSS_ID instance;
  VSS_ID writer;
  VSS_COMPONENT_TYPE type;
  std::wstring logical_path;
  std::wstring name;
};

// Adds every top-level selectable component of every writer (the writers' metadata has been
// gathered).
HRESULT SelectComponents(IVssBackupComponents* backup, std::vector<Selected>* selected,
                         std::FILE* log) {
  UINT writers = 0;
  HRESULT hr = backup->GetWriterMetadataCount(&writers);
  for (UINT i = 0; SUCCEEDED(hr) && i < writers; ++i) {
    VSS_ID instance;
    IVssExamineWriterMetadata* metadata = nullptr;
    hr = backup->GetWriterMetadata(i, &instance, &metadata);
    if (FAILED(hr)) break;
    VSS_ID instance_id, writer_id;
    BSTR writer_name = nullptr;
    VSS_USAGE_TYPE usage;
    VSS_SOURCE_TYPE source;
    UINT includes = 0, excludes = 0, components = 0;
    hr = metadata->GetIdentity(&instance_id, &writer_id, &writer_name, &usage, &source);
    if (SUCCEEDED(hr)) hr = metadata->GetFileCounts(&includes, &excludes, &components);
    if (SUCCEEDED(hr) && log != nullptr) {
      std::fprintf(log, "  writer '%s' %s: %u component(s)\n", Narrow(writer_name).c_str(),
                   GuidText(writer_id).c_str(), components);
    }
    for (UINT k = 0; SUCCEEDED(hr) && k < components; ++k) {
      IVssWMComponent* component = nullptr;
      hr = metadata->GetComponent(k, &component);
      if (FAILED(hr)) break;
      PVSSCOMPONENTINFO info = nullptr;
      hr = component->GetComponentInfo(&info);
      // Top-level selectable components only: their subcomponents come with them.
      if (SUCCEEDED(hr) && info->bSelectable && info->bstrLogicalPath == nullptr) {
        Selected s{instance, writer_id, info->type, L"", info->bstrComponentName};
        hr = backup->AddComponent(s.instance, s.writer, s.type, nullptr, s.name.c_str());
        if (log != nullptr) {
          std::fprintf(log, "    AddComponent '%s': 0x%08lX\n", Narrow(s.name.c_str()).c_str(),
                       static_cast<unsigned long>(hr));
        }
        if (SUCCEEDED(hr)) selected->push_back(s);
      }
      if (info != nullptr) component->FreeComponentInfo(info);
      component->Release();
    }
    SysFreeString(writer_name);
    metadata->Release();
  }
  return hr;
}

void PrintSnapshot(IVssBackupComponents* backup, const VSS_ID& snapshot, std::FILE* log) {
  VSS_SNAPSHOT_PROP prop;
  if (log == nullptr || FAILED(backup->GetSnapshotProperties(snapshot, &prop))) return;
  std::fprintf(log, "  shadow copy %s of %s: %s, %ld in set %s\n",
               GuidText(prop.m_SnapshotId).c_str(), Narrow(prop.m_pwszOriginalVolumeName).c_str(),
               Narrow(prop.m_pwszSnapshotDeviceObject).c_str(),
               static_cast<long>(prop.m_lSnapshotsCount), GuidText(prop.m_SnapshotSetId).c_str());
  VssFreeSnapshotProperties(&prop);
}

// After StartSnapshotSet: the rest of the backup. On failure the caller aborts.
HRESULT SnapshotAndComplete(IVssBackupComponents* backup, const std::vector<std::wstring>& volumes,
                            const std::vector<Selected>& selected, std::wstring* bcd_xml,
                            std::FILE* log) {
  std::vector<VSS_ID> snapshots;
  HRESULT hr = S_OK;
  for (const std::wstring& volume : volumes) {
    VSS_ID snapshot;
    std::wstring name = volume;
    hr = backup->AddToSnapshotSet(&name[0], GUID_NULL, &snapshot);
    if (log != nullptr) {
      std::fprintf(log, "AddToSnapshotSet %s: 0x%08lX\n", Narrow(volume.c_str()).c_str(),
                   static_cast<unsigned long>(hr));
    }
    if (FAILED(hr)) return hr;
    snapshots.push_back(snapshot);
  }
  if (log != nullptr) std::fprintf(log, "PrepareForBackup\n");
  IVssAsync* async = nullptr;
  hr = WaitFor(backup->PrepareForBackup(&async), &async, "PrepareForBackup", log);
  // Writer status after each step, whether it succeeded or not: a writer's failure is only
  // seen there ("Writer Errors and Vetoes").
  int failed = 0;
  HRESULT status = PrintWriterStatus(backup, log, &failed);
  if (SUCCEEDED(hr)) hr = FAILED(status) ? status : failed > 0 ? VSS_E_UNEXPECTED_WRITER_ERROR : hr;
  if (FAILED(hr)) return hr;
  if (log != nullptr) std::fprintf(log, "DoSnapshotSet\n");
  hr = WaitFor(backup->DoSnapshotSet(&async), &async, "DoSnapshotSet", log);
  status = PrintWriterStatus(backup, log, &failed);
  if (SUCCEEDED(hr)) hr = FAILED(status) ? status : failed > 0 ? VSS_E_UNEXPECTED_WRITER_ERROR : hr;
  if (FAILED(hr)) return hr;
  for (const VSS_ID& snapshot : snapshots) PrintSnapshot(backup, snapshot, log);
  // ... here a real backup application copies the files from the shadow copies ...
  for (const Selected& s : selected) {
    hr = backup->SetBackupSucceeded(s.instance, s.writer, s.type, nullptr, s.name.c_str(), true);
    if (FAILED(hr)) return hr;
  }
  BSTR xml = nullptr;
  hr = backup->SaveAsXML(&xml);
  if (FAILED(hr)) return hr;
  bcd_xml->assign(xml, SysStringLen(xml));
  SysFreeString(xml);
  if (log != nullptr) {
    std::fprintf(log, "SaveAsXML: %lu characters\nBackupComplete\n",
                 static_cast<unsigned long>(bcd_xml->size()));
  }
  hr = WaitFor(backup->BackupComplete(&async), &async, "BackupComplete", log);
  if (SUCCEEDED(hr)) hr = PrintWriterStatus(backup, log, nullptr);
  return hr;
}

}  // namespace

HRESULT Backup(const std::vector<std::wstring>& volumes, std::wstring* bcd_xml, std::FILE* log) {
  IVssBackupComponents* backup = nullptr;
  HRESULT hr = CreateVssBackupComponents(&backup);
  if (FAILED(hr)) return hr;
  hr = backup->InitializeForBackup();
  if (SUCCEEDED(hr)) hr = backup->SetBackupState(true, false, VSS_BT_FULL, false);
  IVssAsync* async = nullptr;
  if (SUCCEEDED(hr)) {
    if (log != nullptr) std::fprintf(log, "GatherWriterMetadata\n");
    hr = PollFor(backup->GatherWriterMetadata(&async), &async, "GatherWriterMetadata", log);
  }
  std::vector<Selected> selected;
  if (SUCCEEDED(hr)) hr = SelectComponents(backup, &selected, log);
  VSS_ID snapshot_set;
  if (SUCCEEDED(hr)) hr = backup->StartSnapshotSet(&snapshot_set);
  if (FAILED(hr)) {  // nothing to abort before the snapshot set
    backup->Release();
    return hr;
  }
  if (log != nullptr) {
    std::fprintf(log, "StartSnapshotSet %s\n", GuidText(snapshot_set).c_str());
  }
  hr = SnapshotAndComplete(backup, volumes, selected, bcd_xml, log);
  if (FAILED(hr)) {
    if (log != nullptr)
      std::fprintf(log, "AbortBackup after 0x%08lX\n", static_cast<unsigned long>(hr));
    backup->AbortBackup();
  }
  backup->Release();
  return hr;
}

}  // namespace vshadow_lite
