#include "sim/sdk/requester/writer_components_ext.h"

#include <mutex>
#include <utility>

#include "sim/sdk/requester/sdk_glue.h"
#include "sim/sdk/requester/wm_objects.h"

namespace vsssim::sdk::requester {

WriterComponentsExt::WriterComponentsExt(coordinator::WriterComponentsExt* components,
                                         LeasePtr lease)
    : components_(components), lease_(std::move(lease)) {}

WriterComponentsExt::~WriterComponentsExt() = default;

// The coordinator's components live as long as the requester of the IVssBackupComponents they
// came from (REQ-CALL-25); once that was released (the lease ends), VSS_E_BAD_STATE.
HRESULT WriterComponentsExt::Live(const char* call) {
  if (lease_->alive) return S_OK;
  return BadCall("REQ-LIFE-02", call, "called after its IVssBackupComponents was released",
                 VSS_E_BAD_STATE);
}

HRESULT WriterComponentsExt::QueryInterface(REFIID iid, void** object) {
  if (object == nullptr) return E_POINTER;
  // A C++ interface without an IID of its own: only IUnknown answers.
  if (SameIid(iid, kIidUnknown)) {
    *object = static_cast<IUnknown*>(static_cast<SdkWriterComponentsExt*>(this));
    AddRef();
    return S_OK;
  }
  *object = nullptr;
  return E_NOINTERFACE;
}

ULONG WriterComponentsExt::AddRef() { return refs_.AddRef(); }

ULONG WriterComponentsExt::Release() {
  const ULONG left = refs_.Release();
  if (left == 0) {
    std::lock_guard<std::recursive_mutex> lock(ServiceLock());
    delete this;
  }
  return left;
}

HRESULT WriterComponentsExt::GetComponentCount(UINT* pcComponents) {
  std::lock_guard<std::recursive_mutex> lock(ServiceLock());
  if (HRESULT hr = Live("IVssWriterComponentsExt::GetComponentCount"); hr != S_OK) return hr;
  if (pcComponents == nullptr) {
    return BadArgument("IVssWriterComponentsExt::GetComponentCount", "pcComponents is NULL");
  }
  *pcComponents = components_->GetComponentCount();
  return S_OK;
}

HRESULT WriterComponentsExt::GetWriterInfo(VSS_ID* pidInstance, VSS_ID* pidWriter) {
  std::lock_guard<std::recursive_mutex> lock(ServiceLock());
  if (HRESULT hr = Live("IVssWriterComponentsExt::GetWriterInfo"); hr != S_OK) return hr;
  if (pidInstance == nullptr || pidWriter == nullptr) {
    return BadArgument("IVssWriterComponentsExt::GetWriterInfo", "an out-parameter is NULL");
  }
  Guid instance, writer;
  const HRESULT code = ToHresult(components_->GetWriterInfo(&instance, &writer));
  if (SUCCEEDED(code)) {
    *pidInstance = ToVssId(instance);
    *pidWriter = ToVssId(writer);
  }
  return code;
}

HRESULT WriterComponentsExt::GetComponent(UINT iComponent, IVssComponent** ppComponent) {
  std::lock_guard<std::recursive_mutex> lock(ServiceLock());
  if (HRESULT hr = Live("IVssWriterComponentsExt::GetComponent"); hr != S_OK) return hr;
  if (ppComponent == nullptr) {
    return BadArgument("IVssWriterComponentsExt::GetComponent", "ppComponent is NULL");
  }
  metadata::Component* component = nullptr;
  // VSS_E_OBJECT_NOT_FOUND for an index out of range (IVssWriterComponents::GetComponent).
  const HRESULT code = ToHresult(components_->GetComponent(iComponent, &component));
  if (FAILED(code)) return code;
  *ppComponent = NewComponent(component, lease_);
  return code;
}

}  // namespace vsssim::sdk::requester
