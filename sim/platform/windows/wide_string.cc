#include "sim/platform/windows/wide_string.h"

namespace vsssim::platform::windows {

std::wstring Widen(std::string_view utf8) {
  if (utf8.empty()) return {};
  int size =
      MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), nullptr, 0);
  std::wstring out(static_cast<std::size_t>(size), L'\0');
  MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), out.data(), size);
  return out;
}

std::string Narrow(const wchar_t* utf16, std::size_t length) {
  if (utf16 == nullptr || length == 0) return {};
  int size = WideCharToMultiByte(CP_UTF8, 0, utf16, static_cast<int>(length), nullptr, 0, nullptr,
                                 nullptr);
  std::string out(static_cast<std::size_t>(size), '\0');
  WideCharToMultiByte(CP_UTF8, 0, utf16, static_cast<int>(length), out.data(), size, nullptr,
                      nullptr);
  return out;
}

std::string Narrow(const wchar_t* utf16) {
  return utf16 == nullptr ? std::string() : Narrow(utf16, wcslen(utf16));
}

}  // namespace vsssim::platform::windows
