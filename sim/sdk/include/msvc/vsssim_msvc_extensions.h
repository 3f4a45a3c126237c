// L__FUNCTION__ and __FUNCTIONW__ — MSVC's wide name of the enclosing function — for compilers
// that lack them (g++ on Linux and g++ for mingw-w64; clang has L__FUNCTION__ with
// -fms-extensions and keeps its own). Linux: <windows.h> includes this header. mingw-w64 g++:
// build the unchanged source with `-include vsssim_msvc_extensions.h` (docs/sdk.md).
//
// Written for vsssim. Thread safety: names are interned in a process-wide table under a mutex;
// the returned pointers live until the process ends.
#ifndef VSSSIM_SDK_MSVC_EXTENSIONS_H_
#define VSSSIM_SDK_MSVC_EXTENSIONS_H_

#ifdef __cplusplus

#include <map>
#include <mutex>
#include <string>

namespace vsssim_msvc_extensions {

// The wide form of `name` (a __func__, so ASCII), interned: same pointer for the same name.
inline const wchar_t* InternWide(const char* name) {
  static std::mutex mutex;
  static auto* names = new std::map<const char*, std::wstring>();  // never freed: see above
  std::lock_guard<std::mutex> lock(mutex);
  auto it = names->find(name);
  if (it == names->end()) {
    std::wstring wide;
    for (const char* c = name; *c != '\0'; ++c) wide.push_back(static_cast<unsigned char>(*c));
    it = names->emplace(name, std::move(wide)).first;
  }
  return it->second.c_str();
}

}  // namespace vsssim_msvc_extensions

#if !(defined(__clang__) && defined(_MSC_EXTENSIONS)) && !defined(_MSC_VER)
#ifndef L__FUNCTION__
#define L__FUNCTION__ (::vsssim_msvc_extensions::InternWide(__func__))
#endif
#endif
#if !defined(_MSC_VER) && !defined(__FUNCTIONW__)
#define __FUNCTIONW__ (::vsssim_msvc_extensions::InternWide(__func__))
#endif

#endif  // __cplusplus

#endif  // VSSSIM_SDK_MSVC_EXTENSIONS_H_
