// IVssAsync over the simulator's coordinator::Async (ASYNC-01..04).
//
// Wait(INFINITE) runs the virtual clock until the operation ends (coordinator::Async::Wait).
// QueryStatus on a pending operation first lets virtual time run to the service's next due
// event (Service::Sleep for the time until Clock::NextDue), so a requester that polls
//   do { async->QueryStatus(&hr, NULL); } while (hr == VSS_S_ASYNC_PENDING);
// — with or without a Sleep between polls, which takes no virtual time — sees the operation
// advance and end, deterministically: each poll is one step of the same event sequence Wait
// runs through. When nothing is left to run, QueryStatus ends the operation as Wait would.
//
// Thread safety: every method takes sdk::ServiceLock().
#ifndef VSSSIM_SDK_REQUESTER_VSS_ASYNC_H_
#define VSSSIM_SDK_REQUESTER_VSS_ASYNC_H_

#include "sim/sdk/service.h"
#include "vsssim/coordinator/async.h"

#include "sim/sdk/requester/com_object.h"

namespace vsssim::sdk::requester {

class VssAsync final : public IVssAsync {
 public:
  // `service` is where the operation runs. REQUIRES: it outlives this object.
  VssAsync(Service& service, coordinator::AsyncPtr operation);

  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID iid, void** object) override;
  ULONG STDMETHODCALLTYPE AddRef() override;
  ULONG STDMETHODCALLTYPE Release() override;

  HRESULT STDMETHODCALLTYPE Cancel() override;
  HRESULT STDMETHODCALLTYPE Wait(DWORD dwMilliseconds = INFINITE) override;
  HRESULT STDMETHODCALLTYPE QueryStatus(HRESULT* pHrResult, INT* pReserved) override;

 private:
  ~VssAsync() = default;

  RefCount refs_;
  Service& service_;
  coordinator::AsyncPtr operation_;
};

}  // namespace vsssim::sdk::requester

#endif  // VSSSIM_SDK_REQUESTER_VSS_ASYNC_H_
