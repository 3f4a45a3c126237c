// CreateRealVssRequester on Windows: COM set-up and CreateVssBackupComponents.
#include "vsssim/platform/real_vss.h"

#include "sim/platform/windows/real_vss_requester.h"
#include "sim/platform/windows/wide_string.h"

// clang-format off
#include <objbase.h>
#include <vss.h>
#include <vswriter.h>
#include <vsbackup.h>
// clang-format on

namespace vsssim::platform {

bool RealVssAvailable() { return true; }

HResult CreateRealVssRequester(std::unique_ptr<coordinator::Requester>* requester) {
  using windows::FromHresult;
  if (requester == nullptr) return FromHresult(E_INVALIDARG);
  requester->reset();
  // Requesters run in the multithreaded apartment; VSS calls back into the requester process,
  // so the process must allow identify-level impersonation (as the VSS samples do).
  HRESULT hr = CoInitializeEx(nullptr, COINIT_MULTITHREADED);
  if (FAILED(hr) && hr != RPC_E_CHANGED_MODE) return FromHresult(hr);
  hr = CoInitializeSecurity(nullptr, -1, nullptr, nullptr, RPC_C_AUTHN_LEVEL_PKT_PRIVACY,
                            RPC_C_IMP_LEVEL_IDENTIFY, nullptr, EOAC_NONE, nullptr);
  if (FAILED(hr) && hr != RPC_E_TOO_LATE) return FromHresult(hr);
  IVssBackupComponents* backup = nullptr;
  hr = CreateVssBackupComponents(&backup);
  if (FAILED(hr)) return FromHresult(hr);
  *requester = std::make_unique<windows::RealVssRequester>(backup);
  return FromHresult(S_OK);
}

}  // namespace vsssim::platform
