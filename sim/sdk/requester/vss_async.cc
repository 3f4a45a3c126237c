#include "sim/sdk/requester/vss_async.h"

#include <mutex>
#include <utility>

#include "sim/sdk/requester/sdk_glue.h"

namespace vsssim::sdk::requester {

VssAsync::VssAsync(Service& service, coordinator::AsyncPtr operation)
    : service_(service), operation_(std::move(operation)) {}

HRESULT VssAsync::QueryInterface(REFIID iid, void** object) {
  if (object == nullptr) return E_POINTER;
  if (SameIid(iid, kIidUnknown) || SameIid(iid, kIidAsync)) {
    *object = static_cast<IVssAsync*>(this);
    AddRef();
    return S_OK;
  }
  *object = nullptr;
  return E_NOINTERFACE;
}

ULONG VssAsync::AddRef() { return refs_.AddRef(); }

ULONG VssAsync::Release() {
  const ULONG left = refs_.Release();
  if (left == 0) delete this;
  return left;
}

HRESULT VssAsync::Cancel() {
  std::lock_guard<std::recursive_mutex> lock(ServiceLock());
  return ToHresult(operation_->Cancel());  // ASYNC-04
}

HRESULT VssAsync::Wait(DWORD dwMilliseconds) {
  std::lock_guard<std::recursive_mutex> lock(ServiceLock());
  return ToHresult(operation_->Wait(dwMilliseconds));  // ASYNC-03
}

HRESULT VssAsync::QueryStatus(HRESULT* pHrResult, INT* /*pReserved: must be NULL, unused*/) {
  std::lock_guard<std::recursive_mutex> lock(ServiceLock());
  if (pHrResult == nullptr) {
    return BadArgument("IVssAsync::QueryStatus", "pHrResult is NULL");  // ASYNC-02
  }
  HResult status;
  operation_->QueryStatus(&status);
  if (ToHresult(status) == VSS_S_ASYNC_PENDING) {
    // Let the operation advance by one step of virtual time (vss_async.h).
    runtime::Clock& clock = service_.clock();
    if (clock.PendingCount() == 0) {
      operation_->Wait();  // nothing left to run: it ends as Wait ends it
    } else {
      service_.Sleep(clock.NextDue() - clock.Now());
    }
    operation_->QueryStatus(&status);
  }
  *pHrResult = ToHresult(status);
  return S_OK;
}

}  // namespace vsssim::sdk::requester
