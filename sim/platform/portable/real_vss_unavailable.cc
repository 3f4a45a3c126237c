// Builds that are not for Windows have no real VSS to drive.
#include "vsssim/platform/real_vss.h"

namespace vsssim::platform {

bool RealVssAvailable() { return false; }

HResult CreateRealVssRequester(std::unique_ptr<coordinator::Requester>* requester) {
  if (requester == nullptr) return hr::E_INVALIDARG;
  requester->reset();
  return hr::E_NOTIMPL;
}

}  // namespace vsssim::platform
