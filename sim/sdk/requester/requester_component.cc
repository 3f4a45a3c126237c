// A minimal IVssComponent for the requester's view of a BCD component (GetWriterComponents),
// until the writer side's IVssComponent (sim/sdk/common/) is merged. The getters answer from
// the coordinator's metadata::Component (which judges the caller's placement itself, §3.6);
// the writer-side setters and the partial / differenced / directed-target / new-target /
// subcomponent / mapping item getters return E_NOTIMPL with a SIM-SDK-02 finding.
#include <mutex>
#include <string>

#include "sim/sdk/requester/sdk_glue.h"
#include "sim/sdk/requester/wm_objects.h"

namespace vsssim::sdk::requester {
namespace {

using Lock = std::lock_guard<std::recursive_mutex>;

class RequesterComponent final : public IVssComponent {
 public:
  RequesterComponent(metadata::Component* component, IUnknown* owner)
      : component_(component), owner_(owner) {
    owner_->AddRef();
  }

  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID iid, void** object) override {
    if (object == nullptr) return E_POINTER;
    if (SameIid(iid, kIidUnknown) || SameIid(iid, IID_IVssComponent)) {
      *object = static_cast<IVssComponent*>(this);
      AddRef();
      return S_OK;
    }
    *object = nullptr;
    return E_NOINTERFACE;
  }
  ULONG STDMETHODCALLTYPE AddRef() override { return refs_.Add(); }
  ULONG STDMETHODCALLTYPE Release() override {
    const ULONG left = refs_.Drop();
    if (left == 0) delete this;
    return left;
  }

  // --- getters ---
  HRESULT STDMETHODCALLTYPE GetLogicalPath(BSTR* out) override {
    return Text("GetLogicalPath", out, &metadata::Component::GetLogicalPath);
  }
  HRESULT STDMETHODCALLTYPE GetComponentName(BSTR* out) override {
    return Text("GetComponentName", out, &metadata::Component::GetComponentName);
  }
  HRESULT STDMETHODCALLTYPE GetComponentType(VSS_COMPONENT_TYPE* out) override {
    Lock lock(ServiceLock());
    if (out == nullptr) return BadArgument("IVssComponent::GetComponentType", "pct is NULL");
    vss::ComponentType type;
    const HRESULT code = ToHresult(component_->GetComponentType(&type));
    if (SUCCEEDED(code)) *out = static_cast<VSS_COMPONENT_TYPE>(type);
    return code;
  }
  HRESULT STDMETHODCALLTYPE GetBackupSucceeded(SdkBool* out) override {
    return Flag("GetBackupSucceeded", out, &metadata::Component::GetBackupSucceeded);
  }
  HRESULT STDMETHODCALLTYPE IsSelectedForRestore(SdkBool* out) override {
    return Flag("IsSelectedForRestore", out, &metadata::Component::IsSelectedForRestore);
  }
  HRESULT STDMETHODCALLTYPE GetAdditionalRestores(SdkBool* out) override {
    return Flag("GetAdditionalRestores", out, &metadata::Component::GetAdditionalRestores);
  }
  HRESULT STDMETHODCALLTYPE GetBackupMetadata(BSTR* out) override {
    return Text("GetBackupMetadata", out, &metadata::Component::GetBackupMetadata);
  }
  HRESULT STDMETHODCALLTYPE GetRestoreMetadata(BSTR* out) override {
    return Text("GetRestoreMetadata", out, &metadata::Component::GetRestoreMetadata);
  }
  HRESULT STDMETHODCALLTYPE GetPreRestoreFailureMsg(BSTR* out) override {
    return Text("GetPreRestoreFailureMsg", out, &metadata::Component::GetPreRestoreFailureMsg);
  }
  HRESULT STDMETHODCALLTYPE GetPostRestoreFailureMsg(BSTR* out) override {
    return Text("GetPostRestoreFailureMsg", out, &metadata::Component::GetPostRestoreFailureMsg);
  }
  HRESULT STDMETHODCALLTYPE GetBackupStamp(BSTR* out) override {
    return Text("GetBackupStamp", out, &metadata::Component::GetBackupStamp);
  }
  HRESULT STDMETHODCALLTYPE GetPreviousBackupStamp(BSTR* out) override {
    return Text("GetPreviousBackupStamp", out, &metadata::Component::GetPreviousBackupStamp);
  }
  HRESULT STDMETHODCALLTYPE GetBackupOptions(BSTR* out) override {
    return Text("GetBackupOptions", out, &metadata::Component::GetBackupOptions);
  }
  HRESULT STDMETHODCALLTYPE GetRestoreOptions(BSTR* out) override {
    return Text("GetRestoreOptions", out, &metadata::Component::GetRestoreOptions);
  }
  HRESULT STDMETHODCALLTYPE GetRestoreTarget(VSS_RESTORE_TARGET* out) override {
    Lock lock(ServiceLock());
    if (out == nullptr) return BadArgument("IVssComponent::GetRestoreTarget", "pTarget is NULL");
    vss::RestoreTarget target;
    const HRESULT code = ToHresult(component_->GetRestoreTarget(&target));
    if (SUCCEEDED(code)) *out = static_cast<VSS_RESTORE_TARGET>(target);
    return code;
  }
  HRESULT STDMETHODCALLTYPE GetFileRestoreStatus(VSS_FILE_RESTORE_STATUS* out) override {
    Lock lock(ServiceLock());
    if (out == nullptr)
      return BadArgument("IVssComponent::GetFileRestoreStatus", "pStatus is NULL");
    vss::FileRestoreStatus status;
    const HRESULT code = ToHresult(component_->GetFileRestoreStatus(&status));
    if (SUCCEEDED(code)) *out = static_cast<VSS_FILE_RESTORE_STATUS>(status);
    return code;
  }
  HRESULT STDMETHODCALLTYPE GetAlternateLocationMappingCount(UINT* out) override {
    return Count("GetAlternateLocationMappingCount", out,
                 &metadata::Component::GetAlternateLocationMappingCount);
  }
  HRESULT STDMETHODCALLTYPE GetPartialFileCount(UINT* out) override {
    return Count("GetPartialFileCount", out, &metadata::Component::GetPartialFileCount);
  }
  HRESULT STDMETHODCALLTYPE GetNewTargetCount(UINT* out) override {
    return Count("GetNewTargetCount", out, &metadata::Component::GetNewTargetCount);
  }
  HRESULT STDMETHODCALLTYPE GetDirectedTargetCount(UINT* out) override {
    return Count("GetDirectedTargetCount", out, &metadata::Component::GetDirectedTargetCount);
  }
  HRESULT STDMETHODCALLTYPE GetRestoreSubcomponentCount(UINT* out) override {
    return Count("GetRestoreSubcomponentCount", out,
                 &metadata::Component::GetRestoreSubcomponentCount);
  }
  HRESULT STDMETHODCALLTYPE GetDifferencedFilesCount(UINT* out) override {
    return Count("GetDifferencedFilesCount", out, &metadata::Component::GetDifferencedFilesCount);
  }

  // --- not in this minimal object ---
  HRESULT STDMETHODCALLTYPE GetAlternateLocationMapping(UINT, IVssWMFiledesc**) override {
    return Missing("GetAlternateLocationMapping");
  }
  HRESULT STDMETHODCALLTYPE SetBackupMetadata(LPCWSTR) override {
    return Missing("SetBackupMetadata");
  }
  HRESULT STDMETHODCALLTYPE AddPartialFile(LPCWSTR, LPCWSTR, LPCWSTR, LPCWSTR) override {
    return Missing("AddPartialFile");
  }
  HRESULT STDMETHODCALLTYPE GetPartialFile(UINT, BSTR*, BSTR*, BSTR*, BSTR*) override {
    return Missing("GetPartialFile");
  }
  HRESULT STDMETHODCALLTYPE GetNewTarget(UINT, IVssWMFiledesc**) override {
    return Missing("GetNewTarget");
  }
  HRESULT STDMETHODCALLTYPE AddDirectedTarget(LPCWSTR, LPCWSTR, LPCWSTR, LPCWSTR, LPCWSTR,
                                              LPCWSTR) override {
    return Missing("AddDirectedTarget");
  }
  HRESULT STDMETHODCALLTYPE GetDirectedTarget(UINT, BSTR*, BSTR*, BSTR*, BSTR*, BSTR*,
                                              BSTR*) override {
    return Missing("GetDirectedTarget");
  }
  HRESULT STDMETHODCALLTYPE SetRestoreMetadata(LPCWSTR) override {
    return Missing("SetRestoreMetadata");
  }
  HRESULT STDMETHODCALLTYPE SetRestoreTarget(VSS_RESTORE_TARGET) override {
    return Missing("SetRestoreTarget");
  }
  HRESULT STDMETHODCALLTYPE SetPreRestoreFailureMsg(LPCWSTR) override {
    return Missing("SetPreRestoreFailureMsg");
  }
  HRESULT STDMETHODCALLTYPE SetPostRestoreFailureMsg(LPCWSTR) override {
    return Missing("SetPostRestoreFailureMsg");
  }
  HRESULT STDMETHODCALLTYPE SetBackupStamp(LPCWSTR) override { return Missing("SetBackupStamp"); }
  HRESULT STDMETHODCALLTYPE GetRestoreSubcomponent(UINT, BSTR*, BSTR*, SdkBool*) override {
    return Missing("GetRestoreSubcomponent");
  }
  HRESULT STDMETHODCALLTYPE AddDifferencedFilesByLastModifyTime(LPCWSTR, LPCWSTR, BOOL,
                                                                FILETIME) override {
    return Missing("AddDifferencedFilesByLastModifyTime");
  }
  HRESULT STDMETHODCALLTYPE AddDifferencedFilesByLastModifyLSN(LPCWSTR, LPCWSTR, BOOL,
                                                               BSTR) override {
    return Missing("AddDifferencedFilesByLastModifyLSN");
  }
  HRESULT STDMETHODCALLTYPE GetDifferencedFile(UINT, BSTR*, BSTR*, BOOL*, BSTR*,
                                               FILETIME*) override {
    return Missing("GetDifferencedFile");
  }

 private:
  ~RequesterComponent() { owner_->Release(); }

  HRESULT Text(const char* method, BSTR* out,
               HResult (metadata::Component::*get)(std::string*) const) {
    Lock lock(ServiceLock());
    if (out == nullptr) return BadArgument(std::string("IVssComponent::") + method, "NULL out");
    std::string text;
    const HRESULT code = ToHresult((component_->*get)(&text));
    if (FAILED(code)) return code;
    *out = code == S_OK ? NewBstr(text) : nullptr;  // S_FALSE: none
    return code;
  }
  HRESULT Flag(const char* method, SdkBool* out, HResult (metadata::Component::*get)(bool*) const) {
    Lock lock(ServiceLock());
    if (out == nullptr) return BadArgument(std::string("IVssComponent::") + method, "NULL out");
    bool value = false;
    const HRESULT code = ToHresult((component_->*get)(&value));
    if (SUCCEEDED(code)) *out = value;
    return code;
  }
  HRESULT Count(const char* method, UINT* out,
                HResult (metadata::Component::*get)(std::uint32_t*) const) {
    Lock lock(ServiceLock());
    if (out == nullptr) return BadArgument(std::string("IVssComponent::") + method, "NULL out");
    std::uint32_t value = 0;
    const HRESULT code = ToHresult((component_->*get)(&value));
    if (SUCCEEDED(code)) *out = value;
    return code;
  }
  HRESULT Missing(const char* method) {
    Lock lock(ServiceLock());
    return BadCall("SIM-SDK-02", std::string("IVssComponent::") + method,
                   "not in vsssim's minimal requester-side IVssComponent", E_NOTIMPL);
  }

  RefCount refs_;
  metadata::Component* component_;
  IUnknown* owner_;
};

}  // namespace

IVssComponent* NewComponent(metadata::Component* component, IUnknown* owner) {
  return new RequesterComponent(component, owner);
}

}  // namespace vsssim::sdk::requester
