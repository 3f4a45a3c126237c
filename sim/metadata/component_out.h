// Out-parameter helpers and the placement check shared by the two halves of Component
// (component.cc: backup side, component_restore.cc: restore side). Internal to sim/metadata.
#ifndef VSSSIM_SIM_METADATA_COMPONENT_OUT_H_
#define VSSSIM_SIM_METADATA_COMPONENT_OUT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "vsssim/vss/hresult.h"

namespace vsssim::metadata::internal {

// E_INVALIDARG for a null out-pointer, else S_OK with the value.
template <class T>
HResult Out(T* out, const T& value) {
  if (out == nullptr) return hr::E_INVALIDARG;
  *out = value;
  return hr::S_OK;
}

// S_FALSE with an empty string when the value was never set.
inline HResult OutOptional(std::string* out, const std::optional<std::string>& value) {
  if (out == nullptr) return hr::E_INVALIDARG;
  *out = value.value_or(std::string());
  return value ? hr::S_OK : hr::S_FALSE;
}

// E_INVALIDARG for a null out-pointer or an index out of range.
template <class T>
HResult At(const std::vector<T>& items, std::uint32_t index, T* out) {
  if (out == nullptr || index >= items.size()) return hr::E_INVALIDARG;
  *out = items[index];
  return hr::S_OK;
}

inline std::uint32_t Count(std::size_t n) { return static_cast<std::uint32_t>(n); }

}  // namespace vsssim::metadata::internal

// Inside a Component method: return the refusal when the call is placed in the wrong handler
// (§3.6 placement matrix, WRT-CALL-*).
#define VSSSIM_CHECK_PLACEMENT_(method, name)   \
  do {                                          \
    HResult placement_ = Check(method, name);   \
    if (placement_.Failed()) return placement_; \
  } while (false)

#endif  // VSSSIM_SIM_METADATA_COMPONENT_OUT_H_
