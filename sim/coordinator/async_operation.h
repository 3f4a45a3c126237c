// AsyncOperation: the simulator's Async (async.h). The session runs the operation as steps on
// the virtual clock and calls Finish; Wait fires clock timers until then (ASYNC-01..04).
//
// Thread safety: none; simulator thread only.
#ifndef VSSSIM_SIM_COORDINATOR_ASYNC_OPERATION_H_
#define VSSSIM_SIM_COORDINATOR_ASYNC_OPERATION_H_

#include <functional>
#include <string>
#include <string_view>

#include "vsssim/coordinator/async.h"
#include "vsssim/runtime/clock.h"
#include "vsssim/trace/trace.h"

namespace vsssim::coordinator {

class AsyncOperation final : public Async {
 public:
  // `on_cancel` stops the session's remaining steps. `requester` is "requester:NAME" and
  // `method` the method's name, both kept by the trace (they live as long as it).
  AsyncOperation(runtime::Clock& clock, trace::Trace& trace, trace::KeptText requester,
                 trace::KeptText method, std::function<void()> on_cancel);

  HResult Wait(std::uint32_t milliseconds = kInfinite) override;
  HResult QueryStatus(HResult* status) override;
  HResult Cancel() override;

  // Session side.
  bool pending() const { return status_ == hr::VSS_S_ASYNC_PENDING; }
  // Ends the operation: S_OK becomes VSS_S_ASYNC_FINISHED. No effect once ended.
  void Finish(HResult result);
  // The session is gone: a pending operation can never end; it ends as cancelled.
  void Detach();

 private:
  runtime::Clock& clock_;
  trace::Trace& trace_;
  trace::KeptText requester_;
  trace::KeptText method_;
  std::function<void()> on_cancel_;
  HResult status_ = hr::VSS_S_ASYNC_PENDING;
};

}  // namespace vsssim::coordinator

#endif  // VSSSIM_SIM_COORDINATOR_ASYNC_OPERATION_H_
