#include "sim/platform/windows/real_vss_async.h"

#include "sim/platform/windows/wide_string.h"

// clang-format off
#include <vss.h>
// clang-format on

namespace vsssim::platform::windows {

RealVssAsync::~RealVssAsync() { async_->Release(); }

HResult RealVssAsync::Wait(std::uint32_t milliseconds) {
  HRESULT waited = async_->Wait(milliseconds);
  if (FAILED(waited)) return FromHresult(waited);
  HRESULT status = S_OK;
  HRESULT queried = async_->QueryStatus(&status, nullptr);
  if (FAILED(queried)) return FromHresult(queried);
  if (status == VSS_S_ASYNC_PENDING) return FromHresult(VSS_S_ASYNC_PENDING);  // timed wait
  if (status == VSS_S_ASYNC_FINISHED) return FromHresult(S_OK);
  return FromHresult(status);  // a failure, or VSS_S_ASYNC_CANCELLED
}

HResult RealVssAsync::QueryStatus(HResult* status) {
  if (status == nullptr) return FromHresult(E_INVALIDARG);
  HRESULT raw = S_OK;
  HRESULT queried = async_->QueryStatus(&raw, nullptr);
  *status = FromHresult(raw);
  return FromHresult(queried);
}

HResult RealVssAsync::Cancel() { return FromHresult(async_->Cancel()); }

}  // namespace vsssim::platform::windows
