#include "sim/platform/windows/real_vss_requester.h"

#include "sim/platform/windows/real_vss_async.h"
#include "sim/platform/windows/sdk_call.h"
#include "sim/platform/windows/wide_string.h"

// clang-format off
#include <vss.h>
#include <vswriter.h>
#include <vsbackup.h>
#include <objbase.h>
#include <oleauto.h>
// clang-format on

namespace vsssim::platform::windows {
namespace {

storage::SnapshotProperties ToProperties(const VSS_SNAPSHOT_PROP& p) {
  storage::SnapshotProperties out;
  out.snapshot_id = FromGuid(p.m_SnapshotId);
  out.snapshot_set_id = FromGuid(p.m_SnapshotSetId);
  out.snapshots_in_set = p.m_lSnapshotsCount;
  out.original_volume = Narrow(p.m_pwszOriginalVolumeName);
  out.device_object = Narrow(p.m_pwszSnapshotDeviceObject);
  out.provider_id = FromGuid(p.m_ProviderId);
  // The context is the attribute bits VSS_SNAPSHOT_CONTEXT is made of (§1.6).
  auto attributes = static_cast<std::uint32_t>(p.m_lSnapshotAttributes);
  out.attributes = static_cast<vss::VolumeSnapshotAttributes>(attributes);
  out.context = static_cast<vss::SnapshotContext>(attributes & 0x1Du);
  out.state = static_cast<vss::SnapshotState>(p.m_eStatus);
  return out;
}

// What VssFreeSnapshotProperties does (A:vsbackup/nf-vsbackup-vssfreesnapshotproperties): free
// the CoTaskMemAlloc'd strings. Done here so the engine does not need that vssapi.dll export
// (Wine's is an unimplemented stub).
void FreeProperties(VSS_SNAPSHOT_PROP* p) {
  for (VSS_PWSZ* text :
       {&p->m_pwszSnapshotDeviceObject, &p->m_pwszOriginalVolumeName, &p->m_pwszOriginatingMachine,
        &p->m_pwszServiceMachine, &p->m_pwszExposedName, &p->m_pwszExposedPath}) {
    CoTaskMemFree(*text);
    *text = nullptr;
  }
}

std::vector<VSS_ID> ToIds(const std::vector<Guid>& ids) {
  std::vector<VSS_ID> out;
  out.reserve(ids.size());
  for (const Guid& g : ids) out.push_back(ToGuid(g));
  return out;
}

}  // namespace

RealVssRequester::RealVssRequester(IVssBackupComponents* backup) : backup_(backup) {}

RealVssRequester::~RealVssRequester() {
  if (backup_ != nullptr) backup_->Release();
}

HResult RealVssRequester::InitializeForBackup(std::string_view bcd_xml) {
  VSSSIM_REQUIRE_LIVE_();
  BSTR xml = bcd_xml.empty() ? nullptr : SysAllocString(Widen(bcd_xml).c_str());
  HRESULT hr = backup_->InitializeForBackup(xml);
  if (xml != nullptr) SysFreeString(xml);
  return FromHresult(hr);
}

HResult RealVssRequester::SetContext(std::uint32_t context) {
  VSSSIM_REQUIRE_LIVE_();
  return FromHresult(backup_->SetContext(static_cast<LONG>(context)));
}

HResult RealVssRequester::SetBackupState(bool select_components, bool bootable_system_state,
                                         vss::BackupType backup_type, bool partial_file_support) {
  VSSSIM_REQUIRE_LIVE_();
  return FromHresult(backup_->SetBackupState(select_components, bootable_system_state,
                                             static_cast<VSS_BACKUP_TYPE>(backup_type),
                                             partial_file_support));
}

HResult RealVssRequester::EnableWriterClasses(const std::vector<Guid>& ids) {
  VSSSIM_REQUIRE_LIVE_();
  std::vector<VSS_ID> raw = ToIds(ids);
  return FromHresult(backup_->EnableWriterClasses(raw.data(), static_cast<UINT>(raw.size())));
}

HResult RealVssRequester::DisableWriterClasses(const std::vector<Guid>& ids) {
  VSSSIM_REQUIRE_LIVE_();
  std::vector<VSS_ID> raw = ToIds(ids);
  return FromHresult(backup_->DisableWriterClasses(raw.data(), static_cast<UINT>(raw.size())));
}

HResult RealVssRequester::DisableWriterInstances(const std::vector<Guid>& ids) {
  VSSSIM_REQUIRE_LIVE_();
  std::vector<VSS_ID> raw = ToIds(ids);
  return FromHresult(backup_->DisableWriterInstances(raw.data(), static_cast<UINT>(raw.size())));
}

HResult RealVssRequester::GatherWriterMetadata(coordinator::AsyncPtr* async) {
  return CallAsync(backup_, &IVssBackupComponents::GatherWriterMetadata, async);
}

HResult RealVssRequester::GetWriterMetadataCount(std::uint32_t* count) {
  VSSSIM_REQUIRE_LIVE_();
  if (count == nullptr) return FromHresult(E_INVALIDARG);
  UINT raw = 0;
  HRESULT hr = backup_->GetWriterMetadataCount(&raw);
  *count = raw;
  return FromHresult(hr);
}

// The real document comes over as the XML IVssExamineWriterMetadata::SaveAsXML writes
// (UTF-16); the simulator's reader loads it. A document it cannot read is reported as
// VSS_E_INVALID_XML_DOCUMENT (XML-02), the code VSS itself uses for such documents.
HResult RealVssRequester::GetWriterMetadata(std::uint32_t index, Guid* instance_id,
                                            const metadata::ExamineWriterMetadata** metadata) {
  VSSSIM_REQUIRE_LIVE_();
  if (instance_id == nullptr || metadata == nullptr) return FromHresult(E_INVALIDARG);
  VSS_ID id{};
  IVssExamineWriterMetadata* examine = nullptr;
  HRESULT hr = backup_->GetWriterMetadata(index, &id, &examine);
  if (FAILED(hr)) return FromHresult(hr);
  BSTR xml = nullptr;
  hr = examine->SaveAsXML(&xml);
  examine->Release();
  if (FAILED(hr)) return FromHresult(hr);
  UINT length = SysStringLen(xml);
  std::string bytes(reinterpret_cast<const char*>(xml), length * sizeof(wchar_t));
  SysFreeString(xml);
  auto loaded = std::make_unique<metadata::ExamineWriterMetadata>();
  if (loaded->LoadFromXML(bytes, "GetWriterMetadata") != FromHresult(S_OK)) {
    return FromHresult(VSS_E_INVALID_XML_DOCUMENT);
  }
  *instance_id = FromGuid(id);
  *metadata = loaded.get();
  metadata_.push_back(std::move(loaded));
  return FromHresult(S_OK);
}

HResult RealVssRequester::FreeWriterMetadata() {
  VSSSIM_REQUIRE_LIVE_();
  metadata_.clear();
  return FromHresult(backup_->FreeWriterMetadata());
}

HResult RealVssRequester::AddComponent(const Guid& instance_id, const Guid& writer_id,
                                       vss::ComponentType type, std::string_view logical_path,
                                       std::string_view component_name) {
  VSSSIM_REQUIRE_LIVE_();
  OptionalWide path(logical_path);
  std::wstring name = Widen(component_name);
  return FromHresult(backup_->AddComponent(ToGuid(instance_id), ToGuid(writer_id),
                                           static_cast<VSS_COMPONENT_TYPE>(type), path.get(),
                                           name.c_str()));
}

HResult RealVssRequester::SetBackupOptions(const Guid& writer_id, vss::ComponentType type,
                                           std::string_view logical_path,
                                           std::string_view component_name,
                                           std::string_view options) {
  VSSSIM_REQUIRE_LIVE_();
  OptionalWide path(logical_path);
  std::wstring name = Widen(component_name), opts = Widen(options);
  return FromHresult(backup_->SetBackupOptions(ToGuid(writer_id),
                                               static_cast<VSS_COMPONENT_TYPE>(type), path.get(),
                                               name.c_str(), opts.c_str()));
}

HResult RealVssRequester::SetPreviousBackupStamp(const Guid& writer_id, vss::ComponentType type,
                                                 std::string_view logical_path,
                                                 std::string_view component_name,
                                                 std::string_view previous_stamp) {
  VSSSIM_REQUIRE_LIVE_();
  OptionalWide path(logical_path);
  std::wstring name = Widen(component_name), stamp = Widen(previous_stamp);
  return FromHresult(backup_->SetPreviousBackupStamp(ToGuid(writer_id),
                                                     static_cast<VSS_COMPONENT_TYPE>(type),
                                                     path.get(), name.c_str(), stamp.c_str()));
}

HResult RealVssRequester::StartSnapshotSet(Guid* snapshot_set_id) {
  VSSSIM_REQUIRE_LIVE_();
  if (snapshot_set_id == nullptr) return FromHresult(E_INVALIDARG);
  VSS_ID id{};
  HRESULT hr = backup_->StartSnapshotSet(&id);
  *snapshot_set_id = FromGuid(id);
  return FromHresult(hr);
}

HResult RealVssRequester::AddToSnapshotSet(std::string_view volume, const Guid& provider_id,
                                           Guid* snapshot_id) {
  VSSSIM_REQUIRE_LIVE_();
  if (snapshot_id == nullptr) return FromHresult(E_INVALIDARG);
  std::wstring name = VolumeName(volume);
  VSS_ID id{};
  HRESULT hr = backup_->AddToSnapshotSet(name.data(), ToGuid(provider_id), &id);
  *snapshot_id = FromGuid(id);
  return FromHresult(hr);
}

HResult RealVssRequester::IsVolumeSupported(const Guid& provider_id, std::string_view volume,
                                            bool* supported) {
  VSSSIM_REQUIRE_LIVE_();
  if (supported == nullptr) return FromHresult(E_INVALIDARG);
  std::wstring name = VolumeName(volume);
  WINBOOL raw = FALSE;
  HRESULT hr = backup_->IsVolumeSupported(ToGuid(provider_id), name.data(), &raw);
  *supported = raw != FALSE;
  return FromHresult(hr);
}

HResult RealVssRequester::PrepareForBackup(coordinator::AsyncPtr* async) {
  return CallAsync(backup_, &IVssBackupComponents::PrepareForBackup, async);
}

HResult RealVssRequester::DoSnapshotSet(coordinator::AsyncPtr* async) {
  return CallAsync(backup_, &IVssBackupComponents::DoSnapshotSet, async);
}

HResult RealVssRequester::GetSnapshotProperties(const Guid& snapshot_id,
                                                storage::SnapshotProperties* properties) {
  VSSSIM_REQUIRE_LIVE_();
  if (properties == nullptr) return FromHresult(E_INVALIDARG);
  VSS_SNAPSHOT_PROP raw{};  // REQ-CALL-20: the caller zeroes it and frees it afterwards
  HRESULT hr = backup_->GetSnapshotProperties(ToGuid(snapshot_id), &raw);
  if (SUCCEEDED(hr)) {
    *properties = ToProperties(raw);
    FreeProperties(&raw);
  }
  return FromHresult(hr);
}

HResult RealVssRequester::SetBackupSucceeded(const Guid& instance_id, const Guid& writer_id,
                                             vss::ComponentType type, std::string_view logical_path,
                                             std::string_view component_name, bool succeeded) {
  VSSSIM_REQUIRE_LIVE_();
  OptionalWide path(logical_path);
  std::wstring name = Widen(component_name);
  return FromHresult(backup_->SetBackupSucceeded(ToGuid(instance_id), ToGuid(writer_id),
                                                 static_cast<VSS_COMPONENT_TYPE>(type), path.get(),
                                                 name.c_str(), succeeded));
}

HResult RealVssRequester::SaveAsXML(std::string* bcd_xml) {
  VSSSIM_REQUIRE_LIVE_();
  if (bcd_xml == nullptr) return FromHresult(E_INVALIDARG);
  BSTR raw = nullptr;
  HRESULT hr = backup_->SaveAsXML(&raw);
  *bcd_xml = TakeBstr(raw);
  return FromHresult(hr);
}

HResult RealVssRequester::BackupComplete(coordinator::AsyncPtr* async) {
  return CallAsync(backup_, &IVssBackupComponents::BackupComplete, async);
}

HResult RealVssRequester::AbortBackup() {
  VSSSIM_REQUIRE_LIVE_();
  return FromHresult(backup_->AbortBackup());
}

HResult RealVssRequester::GatherWriterStatus(coordinator::AsyncPtr* async) {
  return CallAsync(backup_, &IVssBackupComponents::GatherWriterStatus, async);
}

HResult RealVssRequester::GetWriterStatusCount(std::uint32_t* count) {
  VSSSIM_REQUIRE_LIVE_();
  if (count == nullptr) return FromHresult(E_INVALIDARG);
  UINT raw = 0;
  HRESULT hr = backup_->GetWriterStatusCount(&raw);
  *count = raw;
  return FromHresult(hr);
}

HResult RealVssRequester::GetWriterStatus(std::uint32_t index, coordinator::WriterStatus* status) {
  VSSSIM_REQUIRE_LIVE_();
  if (status == nullptr) return FromHresult(E_INVALIDARG);
  VSS_ID instance{}, writer{};
  BSTR name = nullptr, message = nullptr;
  VSS_WRITER_STATE state = VSS_WS_UNKNOWN;
  HRESULT failure = S_OK, application = S_OK, hr;
  IVssBackupComponentsEx3* ex3 = nullptr;
  if (SUCCEEDED(backup_->QueryInterface(__uuidof(IVssBackupComponentsEx3),
                                        reinterpret_cast<void**>(&ex3)))) {
    hr = ex3->GetWriterStatusEx(index, &instance, &writer, &name, &state, &failure, &application,
                                &message);
    ex3->Release();
  } else {
    hr = backup_->GetWriterStatus(index, &instance, &writer, &name, &state, &failure);
  }
  if (FAILED(hr)) {
    if (name != nullptr) SysFreeString(name);
    if (message != nullptr) SysFreeString(message);
    return FromHresult(hr);
  }
  status->instance_id = FromGuid(instance);
  status->writer_id = FromGuid(writer);
  status->writer_name = TakeBstr(name);
  status->state = static_cast<vss::WriterState>(state);
  status->failure = FromHresult(failure);
  status->application_failure = FromHresult(application);
  status->application_message = TakeBstr(message);
  return FromHresult(hr);
}

HResult RealVssRequester::FreeWriterStatus() {
  VSSSIM_REQUIRE_LIVE_();
  return FromHresult(backup_->FreeWriterStatus());
}

HResult RealVssRequester::Query(const Guid& query_object, vss::ObjectType query_object_type,
                                vss::ObjectType returned_type,
                                std::vector<storage::SnapshotProperties>* snapshots) {
  VSSSIM_REQUIRE_LIVE_();
  if (snapshots == nullptr) return FromHresult(E_INVALIDARG);
  snapshots->clear();
  IVssEnumObject* objects = nullptr;
  HRESULT hr = backup_->Query(ToGuid(query_object), static_cast<VSS_OBJECT_TYPE>(query_object_type),
                              static_cast<VSS_OBJECT_TYPE>(returned_type), &objects);
  if (FAILED(hr) || objects == nullptr) return FromHresult(hr);
  for (;;) {
    VSS_OBJECT_PROP prop{};
    ULONG fetched = 0;
    HRESULT next = objects->Next(1, &prop, &fetched);
    if (FAILED(next) || fetched == 0) break;
    if (prop.Type == VSS_OBJECT_SNAPSHOT) {
      snapshots->push_back(ToProperties(prop.Obj.Snap));
      FreeProperties(&prop.Obj.Snap);
    }
  }
  objects->Release();
  return FromHresult(hr);
}

HResult RealVssRequester::DeleteSnapshots(const Guid& source_id, vss::ObjectType source_type,
                                          bool force_delete, std::int32_t* deleted_count,
                                          Guid* non_deleted_snapshot_id) {
  VSSSIM_REQUIRE_LIVE_();
  if (deleted_count == nullptr || non_deleted_snapshot_id == nullptr) {
    return FromHresult(E_INVALIDARG);
  }
  LONG deleted = 0;
  VSS_ID failed{};
  HRESULT hr =
      backup_->DeleteSnapshots(ToGuid(source_id), static_cast<VSS_OBJECT_TYPE>(source_type),
                               force_delete ? TRUE : FALSE, &deleted, &failed);
  *deleted_count = deleted;
  *non_deleted_snapshot_id = FromGuid(failed);
  return FromHresult(hr);
}

HResult RealVssRequester::GetSessionId(Guid* session_id) {
  VSSSIM_REQUIRE_LIVE_();
  if (session_id == nullptr) return FromHresult(E_INVALIDARG);
  IVssBackupComponentsEx3* ex3 = nullptr;
  if (FAILED(backup_->QueryInterface(__uuidof(IVssBackupComponentsEx3),
                                     reinterpret_cast<void**>(&ex3)))) {
    return FromHresult(E_NOTIMPL);  // older VSS: no IVssBackupComponentsEx3
  }
  VSS_ID id{};
  HRESULT hr = ex3->GetSessionId(&id);
  ex3->Release();
  *session_id = FromGuid(id);
  return FromHresult(hr);
}

// REQ-LIFE-04: dropping the last reference is what makes VSS send BackupShutdown.
HResult RealVssRequester::Release() {
  VSSSIM_REQUIRE_LIVE_();
  metadata_.clear();
  backup_->Release();
  backup_ = nullptr;
  return FromHresult(S_OK);
}

#undef VSSSIM_REQUIRE_LIVE_

}  // namespace vsssim::platform::windows
