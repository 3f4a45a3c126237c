// IVssAsync: the handle an asynchronous requester call returns (CATALOGUE.md §2.8, ASYNC-01..04).
//
// QueryStatus gives VSS_S_ASYNC_PENDING while the operation runs, VSS_S_ASYNC_FINISHED on
// success, VSS_S_ASYNC_CANCELLED after a successful Cancel, or the operation's failure code.
// In the simulator the operation runs on the virtual clock: Wait() advances the clock until the
// operation ends (which it always does: every writer event has a virtual timeout), so waiting
// costs no wall time.
//
// Thread safety: none; used on the simulator thread.
#ifndef VSSSIM_COORDINATOR_ASYNC_H_
#define VSSSIM_COORDINATOR_ASYNC_H_

#include <cstdint>
#include <memory>

#include "vsssim/vss/hresult.h"

namespace vsssim::coordinator {

class Async {
 public:
  static constexpr std::uint32_t kInfinite = 0xFFFFFFFFu;
  virtual ~Async() = default;
  // ASYNC-03: waits for the end (only INFINITE is supported, as on Windows Server 2003; any
  // other value is E_INVALIDARG). Returns S_OK, or the failure if the operation failed.
  virtual HResult Wait(std::uint32_t milliseconds = kInfinite) = 0;
  // ASYNC-02: `*status` = PENDING / FINISHED / CANCELLED / failure. E_INVALIDARG for null.
  virtual HResult QueryStatus(HResult* status) = 0;
  // ASYNC-04: cancels a pending operation; if it already ended, returns how it ended
  // (VSS_S_ASYNC_FINISHED, VSS_S_ASYNC_CANCELLED or the failure).
  virtual HResult Cancel() = 0;
};

using AsyncPtr = std::shared_ptr<Async>;

}  // namespace vsssim::coordinator

#endif  // VSSSIM_COORDINATOR_ASYNC_H_
