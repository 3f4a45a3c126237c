// Out-parameters of Microsoft's API from simulator values: a BSTR the caller frees with
// SysFreeString (as documented for every BSTR* out-parameter), from UTF-8 text.
//
// Thread safety: pure functions.
#ifndef VSSSIM_SDK_COMMON_BSTR_H_
#define VSSSIM_SDK_COMMON_BSTR_H_

#include <string>
#include <string_view>

#include "sim/sdk/common/sdk_api.h"  // last (sdk_api.h)

namespace vsssim::sdk {

// A new BSTR holding `utf8` (SysAllocString); nullptr only when out of memory.
BSTR NewBstr(std::string_view utf8);
// *out = NewBstr(utf8); S_OK, or E_OUTOFMEMORY. REQUIRES: out != nullptr.
HRESULT SetBstr(std::string_view utf8, BSTR* out);
// UTF-8 of an LPCWSTR argument; nullptr gives "".
std::string Utf8(LPCWSTR text);

}  // namespace vsssim::sdk

#endif  // VSSSIM_SDK_COMMON_BSTR_H_
