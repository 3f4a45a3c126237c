#include "sim/coordinator/async_operation.h"

#include <utility>

namespace vsssim::coordinator {

using namespace trace::literals;  // "vss"_kept: texts the trace keeps uncopied

AsyncOperation::AsyncOperation(runtime::Clock& clock, trace::Trace& trace,
                               trace::KeptText requester, trace::KeptText method,
                               std::function<void()> on_cancel)
    : clock_(clock),
      trace_(trace),
      requester_(requester),
      method_(method),
      on_cancel_(std::move(on_cancel)) {}

HResult AsyncOperation::Wait(std::uint32_t milliseconds) {
  if (milliseconds != kInfinite) return hr::E_INVALIDARG;  // ASYNC-03 (WS2003 rule)
  // Every step and every writer timeout is a clock timer, so this always ends.
  while (pending() && clock_.FireNext()) {
  }
  if (pending()) Finish(hr::VSS_E_UNEXPECTED);  // our bug: nothing left to run
  return status_.Failed() ? status_ : hr::S_OK;
}

HResult AsyncOperation::QueryStatus(HResult* status) {
  if (status == nullptr) return hr::E_INVALIDARG;  // ASYNC-02
  *status = status_;
  return hr::S_OK;
}

HResult AsyncOperation::Cancel() {
  if (!pending()) return status_;  // ASYNC-04: FINISHED, CANCELLED or the failure
  if (on_cancel_) on_cancel_();
  Finish(hr::VSS_S_ASYNC_CANCELLED);
  return hr::VSS_S_ASYNC_CANCELLED;
}

void AsyncOperation::Finish(HResult result) {
  if (!pending()) return;
  status_ = result == hr::S_OK ? hr::VSS_S_ASYNC_FINISHED : result;
  trace_.Append(trace::EntryKind::kResult, "vss"_kept, requester_, method_,
                {{"async"_kept, "done"_kept}, {"hr"_kept, HResultText(status_).view()}});
}

void AsyncOperation::Detach() {
  on_cancel_ = nullptr;
  Finish(hr::VSS_S_ASYNC_CANCELLED);
}

}  // namespace vsssim::coordinator
