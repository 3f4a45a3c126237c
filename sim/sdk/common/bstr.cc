#include "sim/sdk/common/bstr.h"

#include "sim/sdk/common/wide_string.h"

namespace vsssim::sdk {

BSTR NewBstr(std::string_view utf8) {
  const std::wstring wide = ToWide(utf8);
  return SysAllocStringLen(wide.c_str(), static_cast<UINT>(wide.size()));
}

HRESULT SetBstr(std::string_view utf8, BSTR* out) {
  *out = NewBstr(utf8);
  return *out == nullptr ? E_OUTOFMEMORY : S_OK;
}

std::string Utf8(LPCWSTR text) { return ToUtf8(text); }

}  // namespace vsssim::sdk
