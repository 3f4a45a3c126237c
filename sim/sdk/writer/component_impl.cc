#include <cstdint>
#include <string>
#include <utility>

#include "vsssim/metadata/backup_components.h"
#include "vsssim/metadata/component.h"

#include "sim/sdk/common/bstr.h"  // last (sdk_api.h)
#include "sim/sdk/common/finding.h"
#include "sim/sdk/common/wm_filedesc.h"
#include "sim/sdk/writer/component_impl.h"

namespace vsssim::sdk {
namespace {

std::uint64_t FromFiletime(const FILETIME& t) {
  return (static_cast<std::uint64_t>(t.dwHighDateTime) << 32) | t.dwLowDateTime;
}

FILETIME ToFiletime(std::uint64_t t) {
  FILETIME out;
  out.dwLowDateTime = static_cast<DWORD>(t & 0xFFFFFFFFu);
  out.dwHighDateTime = static_cast<DWORD>(t >> 32);
  return out;
}

// IVssComponent / IVssComponentEx / IVssComponentEx2 (vswriter.h). Bad arguments: a NULL
// out-parameter, or a NULL where the documentation requires a string, gives E_INVALIDARG
// ("One of the parameter values is not valid"); an index at or past the count gives what the
// metadata layer documents for it. Both with a SIM-SDK-01 finding. A call after the handler
// returned: VSS_E_BAD_STATE and SIM-SDK-01.
class ComponentImpl final : public IVssComponentEx2 {
 public:
  ComponentImpl(metadata::Component* component, LeasePtr lease)
      : component_(component), lease_(std::move(lease)) {}

  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void** out) override {
    return QueryInterfaceOf<IVssComponentEx2>(
        this, this, riid, out, {kIidIVssComponent, kIidIVssComponentEx, kIidIVssComponentEx2});
  }
  ULONG STDMETHODCALLTYPE AddRef() override { return refs_.AddRef(); }
  ULONG STDMETHODCALLTYPE Release() override {
    const ULONG count = refs_.Release();
    if (count == 0) delete this;
    return count;
  }

  // ---- IVssComponent ----
  HRESULT STDMETHODCALLTYPE GetLogicalPath(BSTR* out) override {
    return GetString("IVssComponent::GetLogicalPath", out, &metadata::Component::GetLogicalPath);
  }
  HRESULT STDMETHODCALLTYPE GetComponentType(VSS_COMPONENT_TYPE* out) override {
    if (HRESULT hr = Check("IVssComponent::GetComponentType", out); hr != S_OK) return hr;
    vss::ComponentType type{};
    const HRESULT hr = ToHRESULT(component_->GetComponentType(&type));
    *out = static_cast<VSS_COMPONENT_TYPE>(type);
    return hr;
  }
  HRESULT STDMETHODCALLTYPE GetComponentName(BSTR* out) override {
    return GetString("IVssComponent::GetComponentName", out,
                     &metadata::Component::GetComponentName);
  }
  HRESULT STDMETHODCALLTYPE GetBackupSucceeded(SdkBool* out) override {
    return GetBool("IVssComponent::GetBackupSucceeded", out,
                   &metadata::Component::GetBackupSucceeded);
  }
  HRESULT STDMETHODCALLTYPE GetAlternateLocationMappingCount(UINT* out) override {
    return GetCount("IVssComponent::GetAlternateLocationMappingCount", out,
                    &metadata::Component::GetAlternateLocationMappingCount);
  }
  HRESULT STDMETHODCALLTYPE GetAlternateLocationMapping(UINT index, IVssWMFiledesc** out) override {
    const char* call = "IVssComponent::GetAlternateLocationMapping";
    if (HRESULT hr = Check(call, out); hr != S_OK) return hr;
    *out = nullptr;
    metadata::AlternateLocationMapping m;
    const HRESULT hr = Indexed(call, component_->GetAlternateLocationMapping(index, &m));
    if (hr != S_OK) return hr;
    *out = NewWmFiledesc({m.path, m.filespec, m.recursive, m.destination, 0}, lease_->actor);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE SetBackupMetadata(LPCWSTR data) override {
    return SetString("IVssComponent::SetBackupMetadata", data,
                     &metadata::Component::SetBackupMetadata);
  }
  HRESULT STDMETHODCALLTYPE GetBackupMetadata(BSTR* out) override {
    return GetString("IVssComponent::GetBackupMetadata", out,
                     &metadata::Component::GetBackupMetadata);
  }
  HRESULT STDMETHODCALLTYPE AddPartialFile(LPCWSTR path, LPCWSTR filename, LPCWSTR ranges,
                                           LPCWSTR metadata) override {
    const char* call = "IVssComponent::AddPartialFile";
    if (HRESULT hr = Live(call); hr != S_OK) return hr;
    if (path == nullptr || filename == nullptr || ranges == nullptr) return Bad(call, "NULL path");
    return ToHRESULT(
        component_->AddPartialFile(Utf8(path), Utf8(filename), Utf8(ranges), Utf8(metadata)));
  }
  HRESULT STDMETHODCALLTYPE GetPartialFileCount(UINT* out) override {
    return GetCount("IVssComponent::GetPartialFileCount", out,
                    &metadata::Component::GetPartialFileCount);
  }
  HRESULT STDMETHODCALLTYPE GetPartialFile(UINT index, BSTR* path, BSTR* filename, BSTR* range,
                                           BSTR* metadata) override {
    const char* call = "IVssComponent::GetPartialFile";
    if (HRESULT hr = CheckAll(call, {path, filename, range, metadata}); hr != S_OK) return hr;
    metadata::PartialFile file;
    const HRESULT hr = Indexed(call, component_->GetPartialFile(index, &file));
    if (hr != S_OK) return hr;
    return Bstrs({{file.path, path},
                  {file.filename, filename},
                  {file.ranges, range},
                  {file.metadata, metadata}});
  }
  HRESULT STDMETHODCALLTYPE IsSelectedForRestore(SdkBool* out) override {
    return GetBool("IVssComponent::IsSelectedForRestore", out,
                   &metadata::Component::IsSelectedForRestore);
  }
  HRESULT STDMETHODCALLTYPE GetAdditionalRestores(SdkBool* out) override {
    return GetBool("IVssComponent::GetAdditionalRestores", out,
                   &metadata::Component::GetAdditionalRestores);
  }
  HRESULT STDMETHODCALLTYPE GetNewTargetCount(UINT* out) override {
    return GetCount("IVssComponent::GetNewTargetCount", out,
                    &metadata::Component::GetNewTargetCount);
  }
  HRESULT STDMETHODCALLTYPE GetNewTarget(UINT index, IVssWMFiledesc** out) override {
    const char* call = "IVssComponent::GetNewTarget";
    if (HRESULT hr = Check(call, out); hr != S_OK) return hr;
    *out = nullptr;
    metadata::NewTarget t;
    const HRESULT hr = Indexed(call, component_->GetNewTarget(index, &t));
    if (hr != S_OK) return hr;
    *out = NewWmFiledesc({t.path, t.filespec, t.recursive, t.alternate_path, 0}, lease_->actor);
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE AddDirectedTarget(LPCWSTR source_path, LPCWSTR source_filename,
                                              LPCWSTR source_ranges, LPCWSTR destination_path,
                                              LPCWSTR destination_filename,
                                              LPCWSTR destination_ranges) override {
    const char* call = "IVssComponent::AddDirectedTarget";
    if (HRESULT hr = Live(call); hr != S_OK) return hr;
    if (source_path == nullptr || source_filename == nullptr || destination_path == nullptr ||
        destination_filename == nullptr) {
      return Bad(call, "NULL path or file name");
    }
    return ToHRESULT(component_->AddDirectedTarget(
        Utf8(source_path), Utf8(source_filename), Utf8(source_ranges), Utf8(destination_path),
        Utf8(destination_filename), Utf8(destination_ranges)));
  }
  HRESULT STDMETHODCALLTYPE GetDirectedTargetCount(UINT* out) override {
    return GetCount("IVssComponent::GetDirectedTargetCount", out,
                    &metadata::Component::GetDirectedTargetCount);
  }
  HRESULT STDMETHODCALLTYPE GetDirectedTarget(UINT index, BSTR* source_path, BSTR* source_filename,
                                              BSTR* source_ranges, BSTR* destination_path,
                                              BSTR* destination_filename,
                                              BSTR* destination_ranges) override {
    const char* call = "IVssComponent::GetDirectedTarget";
    if (HRESULT hr = CheckAll(call, {source_path, source_filename, source_ranges, destination_path,
                                     destination_filename, destination_ranges});
        hr != S_OK) {
      return hr;
    }
    metadata::DirectedTarget t;
    const HRESULT hr = Indexed(call, component_->GetDirectedTarget(index, &t));
    if (hr != S_OK) return hr;
    return Bstrs({{t.source_path, source_path},
                  {t.source_filename, source_filename},
                  {t.source_ranges, source_ranges},
                  {t.destination_path, destination_path},
                  {t.destination_filename, destination_filename},
                  {t.destination_ranges, destination_ranges}});
  }
  HRESULT STDMETHODCALLTYPE SetRestoreMetadata(LPCWSTR data) override {
    return SetString("IVssComponent::SetRestoreMetadata", data,
                     &metadata::Component::SetRestoreMetadata);
  }
  HRESULT STDMETHODCALLTYPE GetRestoreMetadata(BSTR* out) override {
    return GetString("IVssComponent::GetRestoreMetadata", out,
                     &metadata::Component::GetRestoreMetadata);
  }
  HRESULT STDMETHODCALLTYPE SetRestoreTarget(VSS_RESTORE_TARGET target) override {
    if (HRESULT hr = Live("IVssComponent::SetRestoreTarget"); hr != S_OK) return hr;
    return ToHRESULT(component_->SetRestoreTarget(static_cast<vss::RestoreTarget>(target)));
  }
  HRESULT STDMETHODCALLTYPE GetRestoreTarget(VSS_RESTORE_TARGET* out) override {
    if (HRESULT hr = Check("IVssComponent::GetRestoreTarget", out); hr != S_OK) return hr;
    vss::RestoreTarget target{};
    const HRESULT hr = ToHRESULT(component_->GetRestoreTarget(&target));
    *out = static_cast<VSS_RESTORE_TARGET>(target);
    return hr;
  }
  HRESULT STDMETHODCALLTYPE SetPreRestoreFailureMsg(LPCWSTR message) override {
    return SetString("IVssComponent::SetPreRestoreFailureMsg", message,
                     &metadata::Component::SetPreRestoreFailureMsg);
  }
  HRESULT STDMETHODCALLTYPE GetPreRestoreFailureMsg(BSTR* out) override {
    return GetString("IVssComponent::GetPreRestoreFailureMsg", out,
                     &metadata::Component::GetPreRestoreFailureMsg);
  }
  HRESULT STDMETHODCALLTYPE SetPostRestoreFailureMsg(LPCWSTR message) override {
    return SetString("IVssComponent::SetPostRestoreFailureMsg", message,
                     &metadata::Component::SetPostRestoreFailureMsg);
  }
  HRESULT STDMETHODCALLTYPE GetPostRestoreFailureMsg(BSTR* out) override {
    return GetString("IVssComponent::GetPostRestoreFailureMsg", out,
                     &metadata::Component::GetPostRestoreFailureMsg);
  }
  HRESULT STDMETHODCALLTYPE SetBackupStamp(LPCWSTR stamp) override {
    return SetString("IVssComponent::SetBackupStamp", stamp, &metadata::Component::SetBackupStamp);
  }
  HRESULT STDMETHODCALLTYPE GetBackupStamp(BSTR* out) override {
    return GetString("IVssComponent::GetBackupStamp", out, &metadata::Component::GetBackupStamp);
  }
  HRESULT STDMETHODCALLTYPE GetPreviousBackupStamp(BSTR* out) override {
    return GetString("IVssComponent::GetPreviousBackupStamp", out,
                     &metadata::Component::GetPreviousBackupStamp);
  }
  HRESULT STDMETHODCALLTYPE GetBackupOptions(BSTR* out) override {
    return GetString("IVssComponent::GetBackupOptions", out,
                     &metadata::Component::GetBackupOptions);
  }
  HRESULT STDMETHODCALLTYPE GetRestoreOptions(BSTR* out) override {
    return GetString("IVssComponent::GetRestoreOptions", out,
                     &metadata::Component::GetRestoreOptions);
  }
  HRESULT STDMETHODCALLTYPE GetRestoreSubcomponentCount(UINT* out) override {
    return GetCount("IVssComponent::GetRestoreSubcomponentCount", out,
                    &metadata::Component::GetRestoreSubcomponentCount);
  }
  HRESULT STDMETHODCALLTYPE GetRestoreSubcomponent(UINT index, BSTR* logical_path, BSTR* name,
                                                   SdkBool* repair) override {
    const char* call = "IVssComponent::GetRestoreSubcomponent";
    if (HRESULT hr = CheckAll(call, {logical_path, name}); hr != S_OK) return hr;
    if (repair == nullptr) return Bad(call, "NULL out-parameter");
    metadata::RestoreSubcomponent sub;
    const HRESULT hr = Indexed(call, component_->GetRestoreSubcomponent(index, &sub));
    if (hr != S_OK) return hr;
    *repair = sub.repair;
    return Bstrs({{sub.logical_path, logical_path}, {sub.component_name, name}});
  }
  HRESULT STDMETHODCALLTYPE GetFileRestoreStatus(VSS_FILE_RESTORE_STATUS* out) override {
    if (HRESULT hr = Check("IVssComponent::GetFileRestoreStatus", out); hr != S_OK) return hr;
    vss::FileRestoreStatus status{};
    const HRESULT hr = ToHRESULT(component_->GetFileRestoreStatus(&status));
    *out = static_cast<VSS_FILE_RESTORE_STATUS>(status);
    return hr;
  }
  HRESULT STDMETHODCALLTYPE AddDifferencedFilesByLastModifyTime(LPCWSTR path, LPCWSTR filespec,
                                                                BOOL recursive,
                                                                FILETIME time) override {
    const char* call = "IVssComponent::AddDifferencedFilesByLastModifyTime";
    if (HRESULT hr = Live(call); hr != S_OK) return hr;
    if (path == nullptr || filespec == nullptr) return Bad(call, "NULL path or file spec");
    return ToHRESULT(component_->AddDifferencedFilesByLastModifyTime(
        Utf8(path), Utf8(filespec), recursive != FALSE, FromFiletime(time)));
  }
  HRESULT STDMETHODCALLTYPE AddDifferencedFilesByLastModifyLSN(LPCWSTR path, LPCWSTR filespec,
                                                               BOOL recursive, BSTR lsn) override {
    const char* call = "IVssComponent::AddDifferencedFilesByLastModifyLSN";
    if (HRESULT hr = Live(call); hr != S_OK) return hr;
    if (path == nullptr || filespec == nullptr) return Bad(call, "NULL path or file spec");
    return ToHRESULT(component_->AddDifferencedFilesByLastModifyLSN(Utf8(path), Utf8(filespec),
                                                                    recursive != FALSE, Utf8(lsn)));
  }
  HRESULT STDMETHODCALLTYPE GetDifferencedFilesCount(UINT* out) override {
    return GetCount("IVssComponent::GetDifferencedFilesCount", out,
                    &metadata::Component::GetDifferencedFilesCount);
  }
  HRESULT STDMETHODCALLTYPE GetDifferencedFile(UINT index, BSTR* path, BSTR* filespec,
                                               BOOL* recursive, BSTR* lsn,
                                               FILETIME* time) override {
    const char* call = "IVssComponent::GetDifferencedFile";
    if (HRESULT hr = CheckAll(call, {path, filespec, lsn}); hr != S_OK) return hr;
    if (recursive == nullptr || time == nullptr) return Bad(call, "NULL out-parameter");
    metadata::DifferencedFile file;
    const HRESULT hr = Indexed(call, component_->GetDifferencedFile(index, &file));
    if (hr != S_OK) return hr;
    *recursive = file.recursive ? TRUE : FALSE;
    *time = ToFiletime(file.last_modify_time);
    return Bstrs({{file.path, path}, {file.filespec, filespec}, {std::string(), lsn}});
  }

  // ---- IVssComponentEx ----
  HRESULT STDMETHODCALLTYPE SetPrepareForBackupFailureMsg(LPCWSTR message) override {
    return SetString("IVssComponentEx::SetPrepareForBackupFailureMsg", message,
                     &metadata::Component::SetPrepareForBackupFailureMsg);
  }
  HRESULT STDMETHODCALLTYPE SetPostSnapshotFailureMsg(LPCWSTR message) override {
    return SetString("IVssComponentEx::SetPostSnapshotFailureMsg", message,
                     &metadata::Component::SetPostSnapshotFailureMsg);
  }
  HRESULT STDMETHODCALLTYPE GetPrepareForBackupFailureMsg(BSTR* out) override {
    return GetString("IVssComponentEx::GetPrepareForBackupFailureMsg", out,
                     &metadata::Component::GetPrepareForBackupFailureMsg);
  }
  HRESULT STDMETHODCALLTYPE GetPostSnapshotFailureMsg(BSTR* out) override {
    return GetString("IVssComponentEx::GetPostSnapshotFailureMsg", out,
                     &metadata::Component::GetPostSnapshotFailureMsg);
  }
  HRESULT STDMETHODCALLTYPE GetAuthoritativeRestore(SdkBool* out) override {
    return GetBool("IVssComponentEx::GetAuthoritativeRestore", out,
                   &metadata::Component::GetAuthoritativeRestore);
  }
  HRESULT STDMETHODCALLTYPE GetRollForward(VSS_ROLLFORWARD_TYPE* type, BSTR* point) override {
    const char* call = "IVssComponentEx::GetRollForward";
    if (HRESULT hr = CheckAll(call, {point}); hr != S_OK) return hr;
    if (type == nullptr) return Bad(call, "NULL out-parameter");
    vss::RollForwardType roll{};
    std::string text;
    const HRESULT hr = ToHRESULT(component_->GetRollForward(&roll, &text));
    *type = static_cast<VSS_ROLLFORWARD_TYPE>(roll);
    if (FAILED(hr)) return hr;
    const HRESULT out = SetBstr(text, point);
    return FAILED(out) ? out : hr;
  }
  HRESULT STDMETHODCALLTYPE GetRestoreName(BSTR* out) override {
    return GetString("IVssComponentEx::GetRestoreName", out, &metadata::Component::GetRestoreName);
  }

  // ---- IVssComponentEx2 ----
  HRESULT STDMETHODCALLTYPE SetFailure(HRESULT hr, HRESULT hr_application, LPCWSTR message,
                                       DWORD reserved) override {
    if (HRESULT live = Live("IVssComponentEx2::SetFailure"); live != S_OK) return live;
    return ToHRESULT(
        component_->SetFailure(ToHResult(hr), ToHResult(hr_application), Utf8(message), reserved));
  }
  HRESULT STDMETHODCALLTYPE GetFailure(HRESULT* hr, HRESULT* hr_application, BSTR* message,
                                       DWORD* reserved) override {
    const char* call = "IVssComponentEx2::GetFailure";
    if (HRESULT live = CheckAll(call, {message}); live != S_OK) return live;
    if (hr == nullptr || hr_application == nullptr || reserved == nullptr) {
      return Bad(call, "NULL out-parameter");
    }
    HResult failure, application;
    std::string text;
    std::uint32_t reserved_value = 0;
    const HRESULT result =
        ToHRESULT(component_->GetFailure(&failure, &application, &text, &reserved_value));
    *hr = ToHRESULT(failure);
    *hr_application = ToHRESULT(application);
    *reserved = reserved_value;
    if (FAILED(result)) return result;
    const HRESULT out = SetBstr(text, message);
    return FAILED(out) ? out : result;
  }

 private:
  struct BstrOut {
    std::string value;
    BSTR* out;
  };

  // S_OK while the handler that received this object runs; else VSS_E_BAD_STATE + finding.
  HRESULT Live(const char* call) {
    if (lease_->alive) return S_OK;
    return RecordFinding(lease_->actor, call, VSS_E_BAD_STATE,
                         "called after " + lease_->handler + " returned");
  }
  HRESULT Bad(const char* call, const std::string& what) {
    return RecordFinding(lease_->actor, call, E_INVALIDARG, what);
  }
  template <class T>
  HRESULT Check(const char* call, T* out) {
    if (HRESULT hr = Live(call); hr != S_OK) return hr;
    return out == nullptr ? Bad(call, "NULL out-parameter") : S_OK;
  }
  HRESULT CheckAll(const char* call, std::initializer_list<BSTR*> outs) {
    if (HRESULT hr = Live(call); hr != S_OK) return hr;
    for (BSTR* out : outs) {
      if (out == nullptr) return Bad(call, "NULL out-parameter");
    }
    for (BSTR* out : outs) *out = nullptr;
    return S_OK;
  }
  // An index the metadata layer refused: a finding as well (it reports none for indexes).
  HRESULT Indexed(const char* call, HResult result) {
    const HRESULT hr = ToHRESULT(result);
    if (hr == E_INVALIDARG || hr == VSS_E_OBJECT_NOT_FOUND) {
      return RecordFinding(lease_->actor, call, hr, "index past the count");
    }
    return hr;
  }
  HRESULT Bstrs(std::initializer_list<BstrOut> outs) {
    for (const BstrOut& o : outs) {
      if (FAILED(SetBstr(o.value, o.out))) return E_OUTOFMEMORY;
    }
    return S_OK;
  }
  HRESULT GetString(const char* call, BSTR* out,
                    HResult (metadata::Component::*getter)(std::string*) const) {
    if (HRESULT hr = Check(call, out); hr != S_OK) return hr;
    *out = nullptr;
    std::string value;
    const HRESULT hr = ToHRESULT((component_->*getter)(&value));
    if (hr != S_OK) return hr;  // S_FALSE: nothing there, *out stays NULL
    return SetBstr(value, out);
  }
  HRESULT SetString(const char* call, LPCWSTR value,
                    HResult (metadata::Component::*setter)(std::string_view)) {
    if (HRESULT hr = Live(call); hr != S_OK) return hr;
    if (value == nullptr) return Bad(call, "NULL string");
    return ToHRESULT((component_->*setter)(Utf8(value)));
  }
  HRESULT GetBool(const char* call, SdkBool* out,
                  HResult (metadata::Component::*getter)(bool*) const) {
    if (HRESULT hr = Check(call, out); hr != S_OK) return hr;
    bool value = false;
    const HRESULT hr = ToHRESULT((component_->*getter)(&value));
    *out = value;
    return hr;
  }
  HRESULT GetCount(const char* call, UINT* out,
                   HResult (metadata::Component::*getter)(std::uint32_t*) const) {
    if (HRESULT hr = Check(call, out); hr != S_OK) return hr;
    std::uint32_t value = 0;
    const HRESULT hr = ToHRESULT((component_->*getter)(&value));
    *out = value;
    return hr;
  }

  RefCount refs_;
  metadata::Component* const component_;
  const LeasePtr lease_;
};

}  // namespace

IVssComponentEx2* NewComponent(metadata::Component* component, LeasePtr lease) {
  return new ComponentImpl(component, std::move(lease));
}

}  // namespace vsssim::sdk
