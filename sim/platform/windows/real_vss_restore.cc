// RealVssRequester: the restore half of the requester API (CATALOGUE.md §2.4) over the real
// IVssBackupComponents. Same mapping as the backup half (sdk_call.h): component-naming calls
// pass writer class id, type, logical path (NULL when empty) and name; results come back as
// the SDK returns them.
#include "sim/platform/windows/real_vss_requester.h"

#include "sim/coordinator/requester_writer_components.h"
#include "sim/platform/windows/sdk_call.h"
#include "sim/platform/windows/wide_string.h"
#include "vsssim/metadata/xml_codec.h"

namespace vsssim::platform::windows {

HResult RealVssRequester::InitializeForRestore(std::string_view bcd_xml) {
  VSSSIM_REQUIRE_LIVE_();
  BSTR xml = SysAllocString(Widen(bcd_xml).c_str());  // REQ-RST-01: the saved document
  HRESULT hr = backup_->InitializeForRestore(xml);
  SysFreeString(xml);
  if (SUCCEEDED(hr)) restoring_ = true;
  return FromHresult(hr);
}

HResult RealVssRequester::GetWriterComponentsCount(std::uint32_t* count) {
  VSSSIM_REQUIRE_LIVE_();
  if (count == nullptr) return FromHresult(E_INVALIDARG);
  UINT raw = 0;
  HRESULT hr = backup_->GetWriterComponentsCount(&raw);
  *count = raw;
  return FromHresult(hr);
}

// The real IVssWriterComponentsExt names the writer (GetWriterInfo); its components are read
// from the Backup Components Document real VSS saves now (SaveAsXML), so requester code gets
// the simulator's metadata::Component for real and simulated writers alike. Each call reads a
// fresh document: the SDK's object also reflects the BCD at the time it was fetched
// (REQ-CALL-25). A document the simulator cannot read: VSS_E_INVALID_XML_DOCUMENT (XML-02).
HResult RealVssRequester::GetWriterComponents(std::uint32_t index,
                                              coordinator::WriterComponentsExt** components) {
  VSSSIM_REQUIRE_LIVE_();
  if (components == nullptr) return FromHresult(E_INVALIDARG);
  IVssWriterComponentsExt* ext = nullptr;
  HRESULT hr = backup_->GetWriterComponents(index, &ext);
  if (FAILED(hr)) return FromHresult(hr);
  VSS_ID instance{}, writer{};
  hr = ext->GetWriterInfo(&instance, &writer);
#if defined(_MSC_VER)
  ext->Release();  // the Windows SDK's IVssWriterComponentsExt is also an IUnknown
#endif  // mingw-w64's vsbackup.h omits that base, so the small object stays with the process
  if (FAILED(hr)) return FromHresult(hr);
  BSTR xml = nullptr;
  hr = backup_->SaveAsXML(&xml);
  if (FAILED(hr)) return FromHresult(hr);
  std::string bytes(reinterpret_cast<const char*>(xml), SysStringLen(xml) * sizeof(wchar_t));
  SysFreeString(xml);
  auto read = metadata::ReadBackupComponentsXml(bytes, "GetWriterComponents");
  if (!read.ok()) return FromHresult(VSS_E_INVALID_XML_DOCUMENT);
  auto document = std::make_unique<metadata::BackupComponents>(std::move(*read.document));
  metadata::WriterComponents* found = document->FindWriter(FromGuid(instance));
  if (found == nullptr) return FromHresult(VSS_E_OBJECT_NOT_FOUND);
  auto view = std::make_unique<coordinator::RequesterWriterComponents>(
      *found,
      restoring_ ? metadata::Caller::Operation::kRestore : metadata::Caller::Operation::kBackup,
      metadata::FindingSink{});
  *components = view.get();
  component_documents_.push_back(std::move(document));
  component_views_.push_back(std::move(view));
  return FromHresult(S_OK);
}

HResult RealVssRequester::SetRestoreState(vss::RestoreType restore_type) {
  VSSSIM_REQUIRE_LIVE_();
  return FromHresult(backup_->SetRestoreState(static_cast<VSS_RESTORE_TYPE>(restore_type)));
}

HResult RealVssRequester::SetSelectedForRestore(const Guid& writer_id, vss::ComponentType type,
                                                std::string_view logical_path,
                                                std::string_view component_name, bool selected) {
  VSSSIM_REQUIRE_LIVE_();
  SdkComponent c(writer_id, type, logical_path, component_name);
  return FromHresult(
      backup_->SetSelectedForRestore(c.writer, c.type, c.path.get(), c.name.c_str(), selected));
}

// SetSelectedForRestoreEx is IVssBackupComponentsEx's (Windows Server 2003 and later).
HResult RealVssRequester::SetSelectedForRestoreEx(const Guid& writer_id, vss::ComponentType type,
                                                  std::string_view logical_path,
                                                  std::string_view component_name, bool selected,
                                                  const Guid& instance_id) {
  VSSSIM_REQUIRE_LIVE_();
  SdkComponent c(writer_id, type, logical_path, component_name);
  return CallOnInterface<IVssBackupComponentsEx>(backup_, [&](IVssBackupComponentsEx* ex) {
    return ex->SetSelectedForRestoreEx(c.writer, c.type, c.path.get(), c.name.c_str(), selected,
                                       ToGuid(instance_id));
  });
}

HResult RealVssRequester::AddRestoreSubcomponent(const Guid& writer_id, vss::ComponentType type,
                                                 std::string_view logical_path,
                                                 std::string_view component_name,
                                                 std::string_view sub_logical_path,
                                                 std::string_view sub_component_name, bool repair) {
  VSSSIM_REQUIRE_LIVE_();
  SdkComponent c(writer_id, type, logical_path, component_name);
  std::wstring sub_path = Widen(sub_logical_path), sub_name = Widen(sub_component_name);
  return FromHresult(backup_->AddRestoreSubcomponent(c.writer, c.type, c.path.get(), c.name.c_str(),
                                                     sub_path.c_str(), sub_name.c_str(), repair));
}

HResult RealVssRequester::SetRestoreOptions(const Guid& writer_id, vss::ComponentType type,
                                            std::string_view logical_path,
                                            std::string_view component_name,
                                            std::string_view options) {
  VSSSIM_REQUIRE_LIVE_();
  SdkComponent c(writer_id, type, logical_path, component_name);
  std::wstring text = Widen(options);
  return FromHresult(
      backup_->SetRestoreOptions(c.writer, c.type, c.path.get(), c.name.c_str(), text.c_str()));
}

HResult RealVssRequester::SetAdditionalRestores(const Guid& writer_id, vss::ComponentType type,
                                                std::string_view logical_path,
                                                std::string_view component_name,
                                                bool additional_restores) {
  VSSSIM_REQUIRE_LIVE_();
  SdkComponent c(writer_id, type, logical_path, component_name);
  return FromHresult(backup_->SetAdditionalRestores(c.writer, c.type, c.path.get(), c.name.c_str(),
                                                    additional_restores));
}

HResult RealVssRequester::AddNewTarget(const Guid& writer_id, vss::ComponentType type,
                                       std::string_view logical_path,
                                       std::string_view component_name, std::string_view path,
                                       std::string_view filespec, bool recursive,
                                       std::string_view alternate_path) {
  VSSSIM_REQUIRE_LIVE_();
  SdkComponent c(writer_id, type, logical_path, component_name);
  std::wstring p = Widen(path), f = Widen(filespec), alt = Widen(alternate_path);
  return FromHresult(backup_->AddNewTarget(c.writer, c.type, c.path.get(), c.name.c_str(),
                                           p.c_str(), f.c_str(), recursive, alt.c_str()));
}

// SetAuthoritativeRestore, SetRollForward and SetRestoreName are IVssBackupComponentsEx2's
// (Windows Server 2008 and later).
HResult RealVssRequester::SetAuthoritativeRestore(const Guid& writer_id, vss::ComponentType type,
                                                  std::string_view logical_path,
                                                  std::string_view component_name,
                                                  bool authoritative) {
  VSSSIM_REQUIRE_LIVE_();
  SdkComponent c(writer_id, type, logical_path, component_name);
  return CallOnInterface<IVssBackupComponentsEx2>(backup_, [&](IVssBackupComponentsEx2* ex) {
    return ex->SetAuthoritativeRestore(c.writer, c.type, c.path.get(), c.name.c_str(),
                                       authoritative);
  });
}

HResult RealVssRequester::SetRollForward(const Guid& writer_id, vss::ComponentType type,
                                         std::string_view logical_path,
                                         std::string_view component_name,
                                         vss::RollForwardType roll_forward_type,
                                         std::string_view roll_forward_point) {
  VSSSIM_REQUIRE_LIVE_();
  SdkComponent c(writer_id, type, logical_path, component_name);
  OptionalWide point(roll_forward_point);
  return CallOnInterface<IVssBackupComponentsEx2>(backup_, [&](IVssBackupComponentsEx2* ex) {
    return ex->SetRollForward(c.writer, c.type, c.path.get(), c.name.c_str(),
                              static_cast<VSS_ROLLFORWARD_TYPE>(roll_forward_type), point.get());
  });
}

HResult RealVssRequester::SetRestoreName(const Guid& writer_id, vss::ComponentType type,
                                         std::string_view logical_path,
                                         std::string_view component_name,
                                         std::string_view restore_name) {
  VSSSIM_REQUIRE_LIVE_();
  SdkComponent c(writer_id, type, logical_path, component_name);
  std::wstring name = Widen(restore_name);
  return CallOnInterface<IVssBackupComponentsEx2>(backup_, [&](IVssBackupComponentsEx2* ex) {
    return ex->SetRestoreName(c.writer, c.type, c.path.get(), c.name.c_str(), name.c_str());
  });
}

HResult RealVssRequester::PreRestore(coordinator::AsyncPtr* async) {
  return CallAsync(backup_, &IVssBackupComponents::PreRestore, async);
}

HResult RealVssRequester::SetFileRestoreStatus(const Guid& writer_id, vss::ComponentType type,
                                               std::string_view logical_path,
                                               std::string_view component_name,
                                               vss::FileRestoreStatus status) {
  VSSSIM_REQUIRE_LIVE_();
  SdkComponent c(writer_id, type, logical_path, component_name);
  return FromHresult(backup_->SetFileRestoreStatus(c.writer, c.type, c.path.get(), c.name.c_str(),
                                                   static_cast<VSS_FILE_RESTORE_STATUS>(status)));
}

HResult RealVssRequester::AddAlternativeLocationMapping(
    const Guid& writer_id, vss::ComponentType type, std::string_view logical_path,
    std::string_view component_name, std::string_view path, std::string_view filespec,
    bool recursive, std::string_view destination) {
  VSSSIM_REQUIRE_LIVE_();
  SdkComponent c(writer_id, type, logical_path, component_name);
  std::wstring p = Widen(path), f = Widen(filespec), d = Widen(destination);
  return FromHresult(backup_->AddAlternativeLocationMapping(
      c.writer, c.type, c.path.get(), c.name.c_str(), p.c_str(), f.c_str(), recursive, d.c_str()));
}

HResult RealVssRequester::SetRangesFilePath(const Guid& writer_id, vss::ComponentType type,
                                            std::string_view logical_path,
                                            std::string_view component_name,
                                            std::uint32_t partial_file_index,
                                            std::string_view ranges_file) {
  VSSSIM_REQUIRE_LIVE_();
  SdkComponent c(writer_id, type, logical_path, component_name);
  std::wstring file = Widen(ranges_file);
  return FromHresult(backup_->SetRangesFilePath(c.writer, c.type, c.path.get(), c.name.c_str(),
                                                partial_file_index, file.c_str()));
}

HResult RealVssRequester::PostRestore(coordinator::AsyncPtr* async) {
  return CallAsync(backup_, &IVssBackupComponents::PostRestore, async);
}

}  // namespace vsssim::platform::windows
