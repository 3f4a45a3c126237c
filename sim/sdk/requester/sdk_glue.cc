#include "sim/sdk/requester/sdk_glue.h"

#include <cstring>
#include <string>

#include "sim/sdk/common/wide_string.h"

namespace vsssim::sdk::requester {

VSS_PWSZ NewTaskString(std::string_view utf8) {
  const std::wstring wide = ToWide(utf8);
  const std::size_t bytes = (wide.size() + 1) * sizeof(wchar_t);
  auto* out = static_cast<VSS_PWSZ>(CoTaskMemAlloc(bytes));
  if (out != nullptr) std::memcpy(out, wide.c_str(), bytes);
  return out;
}

}  // namespace vsssim::sdk::requester
