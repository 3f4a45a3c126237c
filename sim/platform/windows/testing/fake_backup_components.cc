#include "sim/platform/windows/testing/fake_backup_components.h"

#include <objbase.h>

namespace vsssim::platform::windows::testing {
namespace {

wchar_t* CoTaskString(const wchar_t* text) {
  std::size_t bytes = (wcslen(text) + 1) * sizeof(wchar_t);
  auto* out = static_cast<wchar_t*>(CoTaskMemAlloc(bytes));
  memcpy(out, text, bytes);
  return out;
}

}  // namespace

HRESULT FakeEnumObject::Next(ULONG count, VSS_OBJECT_PROP* out, ULONG* fetched) {
  ULONG n = 0;
  while (n < count && next_ < snapshots_.size()) {
    out[n].Type = VSS_OBJECT_SNAPSHOT;
    out[n].Obj.Snap = snapshots_[next_++];
    ++n;
  }
  *fetched = n;
  return n == count ? S_OK : S_FALSE;
}

ULONG FakeBackupComponents::Release() {
  calls.push_back("Release()");
  ULONG left = --references_;
  if (left == 0) delete this;
  return left;
}

HRESULT FakeBackupComponents::QueryInterface(REFIID iid, void** out) {
  bool known = IsEqualIID(iid, IID_IUnknown) || IsEqualIID(iid, __uuidof(IVssBackupComponents)) ||
               IsEqualIID(iid, __uuidof(IVssBackupComponentsEx)) ||
               IsEqualIID(iid, __uuidof(IVssBackupComponentsEx2));
  if (supports_ex3 && IsEqualIID(iid, __uuidof(IVssBackupComponentsEx3))) known = true;
  if (!known) {
    *out = nullptr;
    return E_NOINTERFACE;
  }
  *out = static_cast<IVssBackupComponentsEx3*>(this);
  AddRef();
  return S_OK;
}

HRESULT FakeBackupComponents::HandOutAsync(const char* name, IVssAsync** async) {
  HRESULT hr = Record(std::string(name) + "(*)");
  *async = SUCCEEDED(hr) ? new FakeAsync(async_status) : nullptr;
  return hr;
}

HRESULT FakeBackupComponents::GatherWriterMetadata(IVssAsync** a) {
  return HandOutAsync("GatherWriterMetadata", a);
}
HRESULT FakeBackupComponents::PrepareForBackup(IVssAsync** a) {
  return HandOutAsync("PrepareForBackup", a);
}
HRESULT FakeBackupComponents::DoSnapshotSet(IVssAsync** a) {
  return HandOutAsync("DoSnapshotSet", a);
}
HRESULT FakeBackupComponents::BackupComplete(IVssAsync** a) {
  return HandOutAsync("BackupComplete", a);
}
HRESULT FakeBackupComponents::GatherWriterStatus(IVssAsync** a) {
  return HandOutAsync("GatherWriterStatus", a);
}

HRESULT FakeBackupComponents::GetWriterMetadataCount(UINT* count) {
  *count = static_cast<UINT>(writer_documents.size());
  return Record("GetWriterMetadataCount(*)");
}

HRESULT FakeBackupComponents::GetWriterMetadata(UINT index, VSS_ID* instance,
                                                IVssExamineWriterMetadata** metadata) {
  HRESULT hr = Record("GetWriterMetadata(" + FakeArg(index) + ",*,*)");
  if (FAILED(hr)) return hr;
  if (index >= writer_documents.size()) return VSS_E_OBJECT_NOT_FOUND;
  *instance = snapshot_id;  // any recognisable id
  *metadata = new FakeExamineWriterMetadata(writer_documents[index]);
  return S_OK;
}

HRESULT FakeBackupComponents::StartSnapshotSet(VSS_ID* id) {
  *id = snapshot_set_id;
  return Record("StartSnapshotSet(*)");
}

HRESULT FakeBackupComponents::AddToSnapshotSet(VSS_PWSZ volume, VSS_ID provider, VSS_ID* id) {
  *id = snapshot_id;
  return Record("AddToSnapshotSet(" + FakeArg(volume) + "," + FakeArg(provider) + ",*)");
}

HRESULT FakeBackupComponents::IsVolumeSupported(VSS_ID provider, VSS_PWSZ volume,
                                                WINBOOL* supported) {
  *supported = TRUE;
  return Record("IsVolumeSupported(" + FakeArg(provider) + "," + FakeArg(volume) + ",*)");
}

VSS_SNAPSHOT_PROP FakeBackupComponents::MakeSnapshotProp() const {
  VSS_SNAPSHOT_PROP p{};
  p.m_SnapshotId = snapshot_id;
  p.m_SnapshotSetId = snapshot_set_id;
  p.m_lSnapshotsCount = 1;
  p.m_pwszSnapshotDeviceObject =
      CoTaskString(L"\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy7");
  p.m_pwszOriginalVolumeName =
      CoTaskString(L"\\\\?\\Volume{5a1e0000-0000-0000-0000-000000000001}\\");
  p.m_lSnapshotAttributes = 0x19;  // VSS_CTX_NAS_ROLLBACK's bits
  p.m_eStatus = VSS_SS_CREATED;
  return p;
}

HRESULT FakeBackupComponents::GetSnapshotProperties(VSS_ID id, VSS_SNAPSHOT_PROP* prop) {
  HRESULT hr = Record("GetSnapshotProperties(" + FakeArg(id) + ",*)");
  if (SUCCEEDED(hr)) *prop = MakeSnapshotProp();
  return hr;
}

HRESULT FakeBackupComponents::Query(VSS_ID object, VSS_OBJECT_TYPE object_type,
                                    VSS_OBJECT_TYPE returned_type, IVssEnumObject** out) {
  HRESULT hr = Record("Query(" + FakeArg(object) + "," + FakeArg(object_type) + "," +
                      FakeArg(returned_type) + ",*)");
  *out = SUCCEEDED(hr) ? new FakeEnumObject({MakeSnapshotProp(), MakeSnapshotProp()}) : nullptr;
  return hr;
}

HRESULT FakeBackupComponents::SaveAsXML(BSTR* xml) {
  *xml = SysAllocString(bcd_document.c_str());
  return Record("SaveAsXML(*)");
}

HRESULT FakeBackupComponents::PreRestore(IVssAsync** a) { return HandOutAsync("PreRestore", a); }
HRESULT FakeBackupComponents::PostRestore(IVssAsync** a) { return HandOutAsync("PostRestore", a); }

HRESULT FakeBackupComponents::GetWriterComponentsCount(UINT* count) {
  *count = static_cast<UINT>(bcd_writers.size());
  return Record("GetWriterComponentsCount(*)");
}

HRESULT FakeBackupComponents::GetWriterComponents(UINT index, IVssWriterComponentsExt** out) {
  HRESULT hr = Record("GetWriterComponents(" + std::to_string(index) + ",*)");
  if (FAILED(hr)) return hr;
  if (index >= bcd_writers.size()) return VSS_E_OBJECT_NOT_FOUND;
  handed_out_.push_back(std::make_unique<FakeWriterComponentsExt>(bcd_writers[index].first,
                                                                  bcd_writers[index].second));
  *out = handed_out_.back().get();
  return S_OK;
}

HRESULT FakeBackupComponents::GetWriterStatusCount(UINT* count) {
  *count = 1;
  return Record("GetWriterStatusCount(*)");
}

HRESULT FakeBackupComponents::GetWriterStatusEx(UINT index, VSS_ID* instance, VSS_ID* writer,
                                                BSTR* name, VSS_WRITER_STATE* state,
                                                HRESULT* failure, HRESULT* application,
                                                BSTR* message) {
  HRESULT hr = Record("GetWriterStatusEx(" + FakeArg(index) + ",*,*,*,*,*,*,*)");
  if (FAILED(hr)) return hr;
  *instance = snapshot_id;
  *writer = snapshot_set_id;
  *name = SysAllocString(L"SqlServerWriter");
  *state = VSS_WS_FAILED_AT_FREEZE;
  *failure = VSS_E_WRITERERROR_TIMEOUT;
  if (application != nullptr) *application = E_FAIL;
  if (message != nullptr) *message = SysAllocString(L"freeze took too long");
  return S_OK;
}

HRESULT FakeBackupComponents::DeleteSnapshots(VSS_ID source, VSS_OBJECT_TYPE type, WINBOOL force,
                                              LONG* deleted, VSS_ID* non_deleted) {
  *deleted = 3;
  *non_deleted = GUID_NULL;
  return Record("DeleteSnapshots(" + FakeArg(source) + "," + FakeArg(type) + "," + FakeArg(force) +
                ",*,*)");
}

HRESULT FakeBackupComponents::GetSessionId(VSS_ID* id) {
  *id = session_id;
  return Record("GetSessionId(*)");
}

}  // namespace vsssim::platform::windows::testing
