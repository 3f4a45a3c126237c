// coordinator::Async over a real IVssAsync (catalogue §2.8, ASYNC-01..04). Owns one reference.
#ifndef VSSSIM_SIM_PLATFORM_WINDOWS_REAL_VSS_ASYNC_H_
#define VSSSIM_SIM_PLATFORM_WINDOWS_REAL_VSS_ASYNC_H_

#include "vsssim/coordinator/async.h"

struct IVssAsync;

namespace vsssim::platform::windows {

class RealVssAsync final : public coordinator::Async {
 public:
  // Takes over the caller's reference to `async`. REQUIRES: async != nullptr.
  explicit RealVssAsync(IVssAsync* async) : async_(async) {}
  ~RealVssAsync() override;
  RealVssAsync(const RealVssAsync&) = delete;
  RealVssAsync& operator=(const RealVssAsync&) = delete;

  // Waits, then reports the operation's own result: S_OK when it finished, else its failure
  // (the simulator's Wait contract; the SDK's Wait alone only says whether waiting worked).
  HResult Wait(std::uint32_t milliseconds) override;
  HResult QueryStatus(HResult* status) override;
  HResult Cancel() override;

 private:
  IVssAsync* async_;
};

}  // namespace vsssim::platform::windows

#endif  // VSSSIM_SIM_PLATFORM_WINDOWS_REAL_VSS_ASYNC_H_
