// The requester side's conversions at the boundary between the SDK's types and the
// simulator's (strings, GUIDs, HRESULTs) and its one way to report a bad call: a trace finding
// naming the rule, then the documented HRESULT.
//
// Thread safety: callers hold sdk::ServiceLock().
#ifndef VSSSIM_SDK_REQUESTER_SDK_GLUE_H_
#define VSSSIM_SDK_REQUESTER_SDK_GLUE_H_

#include <string>
#include <string_view>

#include "sim/sdk/service.h"
#include "vsssim/vss/guid.h"
#include "vsssim/vss/hresult.h"

#include <vsbackup.h>

namespace vsssim::sdk::requester {

// UTF-8 of a wide string (UTF-32 on Linux, UTF-16 on Windows); "" for NULL.
std::string Utf8(const WCHAR* text);
// A new BSTR (SysAllocString) / CoTaskMemAlloc'ed wide string holding `utf8`.
BSTR NewBstr(std::string_view utf8);
VSS_PWSZ NewTaskString(std::string_view utf8);

VSS_ID ToVssId(const Guid& guid);
Guid ToGuid(const VSS_ID& id);

inline HRESULT ToHresult(HResult result) { return static_cast<HRESULT>(result.value); }

// Appends a finding of `rule` ("SIM-SDK-01" for a bad argument) for `method` to the current
// service's trace, saying `what`; returns `result`.
HRESULT BadCall(std::string_view rule, std::string_view method, std::string_view what,
                HRESULT result);
// A NULL (or otherwise bad) argument: SIM-SDK-01 and E_INVALIDARG.
inline HRESULT BadArgument(std::string_view method, std::string_view what) {
  return BadCall("SIM-SDK-01", method, what, E_INVALIDARG);
}

}  // namespace vsssim::sdk::requester

#endif  // VSSSIM_SDK_REQUESTER_SDK_GLUE_H_
