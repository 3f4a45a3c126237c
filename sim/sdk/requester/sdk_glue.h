// The requester side's view of the shared SDK pieces (sim/sdk/common/): conversions at the
// boundary between the SDK's types and the simulator's, and its one way to report a bad call
// (a trace finding naming the rule, then the documented HRESULT).
//
// Thread safety: callers hold sdk::ServiceLock().
#ifndef VSSSIM_SDK_REQUESTER_SDK_GLUE_H_
#define VSSSIM_SDK_REQUESTER_SDK_GLUE_H_

#include <string>
#include <string_view>

#include "sim/sdk/service.h"
#include "vsssim/vss/guid.h"
#include "vsssim/vss/hresult.h"

#include "sim/sdk/common/bstr.h"
#include "sim/sdk/common/finding.h"
#include "sim/sdk/common/vss_id.h"
#include "sim/sdk/requester/com_object.h"  // last (sim/sdk/common/sdk_api.h)

namespace vsssim::sdk::requester {

using sdk::NewBstr;
using sdk::ToGuid;
using sdk::ToVssId;
using sdk::Utf8;

// A CoTaskMemAlloc'ed wide string holding `utf8` (VSS_SNAPSHOT_PROP's strings).
VSS_PWSZ NewTaskString(std::string_view utf8);

inline HRESULT ToHresult(HResult result) { return static_cast<HRESULT>(result.value); }

// Appends a finding of `rule` for `method` to the current service's trace, saying `what`;
// returns `result`.
inline HRESULT BadCall(std::string_view rule, std::string_view method, std::string_view what,
                       HRESULT result) {
  return RecordFinding("requester", method, result, what, rule);
}
// A NULL (or otherwise bad) argument: SIM-SDK-01 and E_INVALIDARG.
inline HRESULT BadArgument(std::string_view method, std::string_view what) {
  return BadCall(kSdkRule, method, what, E_INVALIDARG);
}

}  // namespace vsssim::sdk::requester

#endif  // VSSSIM_SDK_REQUESTER_SDK_GLUE_H_
