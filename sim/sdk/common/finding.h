// Findings of the SDK layer: a call on Microsoft's API that broke a rule (a null out-parameter,
// a bad index, a call on an object whose handler has returned, ...) is answered with the
// documented HRESULT and recorded in the current service's trace (CurrentService().trace()) as
// a finding naming its rule: the catalogue's rule where one fits, else SIM-SDK-01 ("an SDK call
// with a bad argument or on a released object", docs/sdk.md).
//
// Thread safety: takes ServiceLock() for the append.
#ifndef VSSSIM_SDK_COMMON_FINDING_H_
#define VSSSIM_SDK_COMMON_FINDING_H_

#include <string>
#include <string_view>

#include "sim/sdk/common/sdk_api.h"  // last (sdk_api.h)

namespace vsssim::sdk {

// SIM-SDK-01: an SDK call with a bad argument or on a released object.
inline constexpr std::string_view kSdkRule = "SIM-SDK-01";

// Appends a finding from `actor` (a writer name, "requester", or "sdk") for the call `call`
// ("IVssComponent::GetBackupStamp") saying `what`, with attribute hr = `hr`; returns `hr`, so a
// check reads `return RecordFinding(...)`.
HRESULT RecordFinding(std::string_view actor, std::string_view call, HRESULT hr,
                      std::string_view what, std::string_view rule = kSdkRule);

}  // namespace vsssim::sdk

#endif  // VSSSIM_SDK_COMMON_FINDING_H_
