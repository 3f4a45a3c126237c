// UTF-8 <-> UTF-16 for the Windows engine, plus GUID and HRESULT conversion between the
// simulator's types and the SDK's. Include vsssim headers before this one (hresult.h).
#ifndef VSSSIM_SIM_PLATFORM_WINDOWS_WIDE_STRING_H_
#define VSSSIM_SIM_PLATFORM_WINDOWS_WIDE_STRING_H_

#include <string>
#include <string_view>

#include "vsssim/vss/guid.h"
#include "vsssim/vss/hresult.h"

// clang-format off
#include <windows.h>
#include <guiddef.h>
// clang-format on

namespace vsssim::platform::windows {

std::wstring Widen(std::string_view utf8);
std::string Narrow(const wchar_t* utf16);
std::string Narrow(const wchar_t* utf16, std::size_t length);

inline GUID ToGuid(const Guid& g) {
  GUID out;
  out.Data1 = g.data1;
  out.Data2 = g.data2;
  out.Data3 = g.data3;
  for (int i = 0; i < 8; ++i) out.Data4[i] = g.data4[static_cast<std::size_t>(i)];
  return out;
}

inline Guid FromGuid(const GUID& g) {
  Guid out;
  out.data1 = g.Data1;
  out.data2 = g.Data2;
  out.data3 = g.Data3;
  for (int i = 0; i < 8; ++i) out.data4[static_cast<std::size_t>(i)] = g.Data4[i];
  return out;
}

inline HResult FromHresult(HRESULT hr) { return HResult{static_cast<std::uint32_t>(hr)}; }

}  // namespace vsssim::platform::windows

#endif  // VSSSIM_SIM_PLATFORM_WINDOWS_WIDE_STRING_H_
