// MSVC and CRT extensions that VSS writer and requester sources written for Windows commonly use,
// for building them unchanged on Linux with g++ or clang (docs/sdk.md, "Code that uses MSVC
// extensions"). Written for vsssim from Microsoft's documentation of each function; only the
// behaviour those pages document, nothing of Microsoft's implementation.
//
//   L__FUNCTION__, __FUNCTIONW__   the enclosing function's name as a wide string (clang with
//                                  -fms-extensions has L__FUNCTION__ itself; it is kept).
//   wcscpy_s, wcsncpy_s, wcscat_s, swprintf_s, _snwprintf_s, _wcsicmp, _wcsnicmp, _stricmp,
//   _wcsdup, _wtoi                 the secure-CRT / Microsoft CRT functions, returning what
//                                  the CRT documents (errno_t 0 or an errno value; on a
//                                  too-small buffer the destination gets "" and ERANGE, where
//                                  the CRT would call the invalid-parameter handler).
//   Sleep, GetTickCount (wall-clock-ok: real time, below), GetLastError, SetLastError,
//   OutputDebugStringW/A, SecureZeroMemory, lstrlenW, lstrcmpW, lstrcmpiW,
//   InterlockedIncrement/Decrement/Exchange
//   DEFINE_GUID (an inline variable: one definition however many files include it),
//   CLSIDFromString, IIDFromString, UuidFromStringW, StringFromCLSID
//
// Sleep and the tick count use the real clock: they are the application's own time, not the
// simulator's (which never reads the wall clock); a writer that sleeps in a handler really
// takes that long, as on Windows, and the conformance suite's wall-time checks see it.
//
// Thread safety: as the CRT's.
#ifndef VSSSIM_SDK_LINUX_VSSSIM_MSVC_COMPAT_H_
#define VSSSIM_SDK_LINUX_VSSSIM_MSVC_COMPAT_H_

#include <cerrno>
#include <chrono>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cwchar>
#include <cwctype>
#include <string>
#include <thread>

#include "vsssim_msvc_extensions.h"  // L__FUNCTION__, __FUNCTIONW__ (include/msvc)
#include "vsssim_win_types.h"

namespace vsssim_msvc_compat {

inline std::uint32_t& LastError() {
  thread_local std::uint32_t error = 0;
  return error;
}

}  // namespace vsssim_msvc_compat

typedef int errno_t;

// wcscpy_s / wcsncpy_s / wcscat_s (Microsoft CRT, "strcpy_s, wcscpy_s, _mbscpy_s", ...).
inline errno_t wcscpy_s(wchar_t* dest, std::size_t size, const wchar_t* src) {
  if (dest == nullptr || size == 0) return EINVAL;
  if (src == nullptr) {
    dest[0] = L'\0';
    return EINVAL;
  }
  const std::size_t n = std::wcslen(src);
  if (n >= size) {
    dest[0] = L'\0';
    return ERANGE;
  }
  std::wmemcpy(dest, src, n + 1);
  return 0;
}
template <std::size_t N>
errno_t wcscpy_s(wchar_t (&dest)[N], const wchar_t* src) {
  return wcscpy_s(dest, N, src);
}
inline errno_t wcsncpy_s(wchar_t* dest, std::size_t size, const wchar_t* src, std::size_t count) {
  if (dest == nullptr || size == 0) return EINVAL;
  if (src == nullptr) {
    dest[0] = L'\0';
    return EINVAL;
  }
  std::size_t n = 0;
  while (n < count && src[n] != L'\0') ++n;
  if (n >= size) {
    dest[0] = L'\0';
    return ERANGE;
  }
  std::wmemcpy(dest, src, n);
  dest[n] = L'\0';
  return 0;
}
inline errno_t wcscat_s(wchar_t* dest, std::size_t size, const wchar_t* src) {
  if (dest == nullptr || size == 0) return EINVAL;
  if (src == nullptr) {
    dest[0] = L'\0';
    return EINVAL;
  }
  const std::size_t have = wcsnlen(dest, size);
  if (have == size) {
    dest[0] = L'\0';
    return EINVAL;
  }
  const std::size_t add = std::wcslen(src);
  if (have + add >= size) {
    dest[0] = L'\0';
    return ERANGE;
  }
  std::wmemcpy(dest + have, src, add + 1);
  return 0;
}
template <std::size_t N>
errno_t wcscat_s(wchar_t (&dest)[N], const wchar_t* src) {
  return wcscat_s(dest, N, src);
}

// swprintf_s: the characters written, or -1 (and "" in `dest`) when they do not fit. Format
// strings are the C library's: on Linux "%s" in a wide format takes a narrow string; write
// "%ls" for a wide one (as portable code does; MSVC reads both).
inline int swprintf_s(wchar_t* dest, std::size_t size, const wchar_t* format, ...) {
  if (dest == nullptr || size == 0 || format == nullptr) return -1;
  std::va_list args;
  va_start(args, format);
  const int n = std::vswprintf(dest, size, format, args);
  va_end(args);
  if (n < 0) dest[0] = L'\0';
  return n;
}
template <std::size_t N, typename... Args>
int swprintf_s(wchar_t (&dest)[N], const wchar_t* format, Args... args) {
  return swprintf_s(dest, N, format, args...);
}

// _snwprintf_s: at most `count` characters (_TRUNCATE: as many as fit) and the terminator; -1
// when the output was cut.
#ifndef _TRUNCATE
#define _TRUNCATE (static_cast<std::size_t>(-1))
#endif
inline int _snwprintf_s(wchar_t* dest, std::size_t size, std::size_t count, const wchar_t* format,
                        ...) {
  if (dest == nullptr || size == 0 || format == nullptr) return -1;
  const std::size_t room = count == _TRUNCATE || count >= size ? size : count + 1;
  std::va_list args;
  va_start(args, format);
  const int n = std::vswprintf(dest, room, format, args);
  va_end(args);
  if (n < 0) dest[room - 1] = L'\0';
  return n;
}

inline int _wcsicmp(const wchar_t* a, const wchar_t* b) {
  for (;; ++a, ++b) {
    const std::wint_t x = std::towlower(static_cast<std::wint_t>(*a));
    const std::wint_t y = std::towlower(static_cast<std::wint_t>(*b));
    if (x != y) return x < y ? -1 : 1;
    if (x == 0) return 0;
  }
}
inline int _wcsnicmp(const wchar_t* a, const wchar_t* b, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) {
    const std::wint_t x = std::towlower(static_cast<std::wint_t>(a[i]));
    const std::wint_t y = std::towlower(static_cast<std::wint_t>(b[i]));
    if (x != y) return x < y ? -1 : 1;
    if (x == 0) return 0;
  }
  return 0;
}
inline int _stricmp(const char* a, const char* b) { return strcasecmp(a, b); }
inline wchar_t* _wcsdup(const wchar_t* s) {
  if (s == nullptr) return nullptr;
  const std::size_t n = std::wcslen(s) + 1;
  auto* copy = static_cast<wchar_t*>(std::malloc(n * sizeof(wchar_t)));
  if (copy != nullptr) std::wmemcpy(copy, s, n);
  return copy;
}
inline int _wtoi(const wchar_t* s) {
  return s == nullptr ? 0 : static_cast<int>(std::wcstol(s, nullptr, 10));
}

// Kernel32 odds and ends. Sleep and the tick count are the application's real time.
inline void Sleep(DWORD milliseconds) {
  const auto step = milliseconds == INFINITE ? std::chrono::milliseconds(86400000)
                                             : std::chrono::milliseconds(milliseconds);
  do {
    std::this_thread::sleep_for(step);  // wall-clock-ok: Win32 Sleep, the application's time
  } while (milliseconds == INFINITE);
}
inline DWORD GetTickCount() {  // wall-clock-ok: Win32 GetTickCount, the application's time
  using Clock = std::chrono::steady_clock;  // wall-clock-ok: as above
  return static_cast<DWORD>(
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now().time_since_epoch())
          .count());
}
inline DWORD GetLastError() { return vsssim_msvc_compat::LastError(); }
inline void SetLastError(DWORD error) { vsssim_msvc_compat::LastError() = error; }
// To stderr (no debugger here); characters outside ASCII print as '?', so stderr keeps its
// narrow orientation.
inline void OutputDebugStringW(LPCWSTR text) {
  if (text == nullptr) return;
  std::string narrow;
  for (; *text != L'\0'; ++text) narrow.push_back(*text < 0x80 ? static_cast<char>(*text) : '?');
  std::fputs(narrow.c_str(), stderr);
}
inline void OutputDebugStringA(LPCSTR text) {
  if (text != nullptr) std::fputs(text, stderr);
}
inline int lstrlenW(LPCWSTR s) { return s == nullptr ? 0 : static_cast<int>(std::wcslen(s)); }
inline int lstrcmpW(LPCWSTR a, LPCWSTR b) { return std::wcscmp(a, b); }
inline int lstrcmpiW(LPCWSTR a, LPCWSTR b) { return _wcsicmp(a, b); }

inline LONG InterlockedIncrement(LONG volatile* p) {
  return __atomic_add_fetch(p, 1, __ATOMIC_SEQ_CST);
}
inline LONG InterlockedDecrement(LONG volatile* p) {
  return __atomic_sub_fetch(p, 1, __ATOMIC_SEQ_CST);
}
inline LONG InterlockedExchange(LONG volatile* p, LONG v) {
  return __atomic_exchange_n(p, v, __ATOMIC_SEQ_CST);
}

// ---- GUIDs from and to text (COM's CLSIDFromString / IIDFromString / StringFromCLSID, RPC's
// UuidFromStringW). ----
#ifndef DEFINE_GUID
#define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) \
  inline const GUID name = {l, w1, w2, {b1, b2, b3, b4, b5, b6, b7, b8}}
#endif
#define CO_E_CLASSSTRING static_cast<HRESULT>(0x800401F3)
#define RPC_S_OK 0L
#define RPC_S_INVALID_STRING_UUID 1705L

namespace vsssim_msvc_compat {

// "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" (36 characters, hex digits either case) into *out.
inline bool ParseGuid36(const wchar_t* s, GUID* out) {
  static const int kDash[] = {8, 13, 18, 23};
  unsigned char bytes[16];
  int nibbles = 0;
  for (int i = 0; i < 36; ++i) {
    const wchar_t c = s[i];
    if (i == kDash[0] || i == kDash[1] || i == kDash[2] || i == kDash[3]) {
      if (c != L'-') return false;
      continue;
    }
    int v = -1;
    if (c >= L'0' && c <= L'9') v = c - L'0';
    if (c >= L'a' && c <= L'f') v = c - L'a' + 10;
    if (c >= L'A' && c <= L'F') v = c - L'A' + 10;
    if (v < 0) return false;
    if (nibbles % 2 == 0)
      bytes[nibbles / 2] = static_cast<unsigned char>(v << 4);
    else
      bytes[nibbles / 2] = static_cast<unsigned char>(bytes[nibbles / 2] | v);
    ++nibbles;
  }
  out->Data1 = (std::uint32_t{bytes[0]} << 24) | (std::uint32_t{bytes[1]} << 16) |
               (std::uint32_t{bytes[2]} << 8) | bytes[3];
  out->Data2 = static_cast<std::uint16_t>((bytes[4] << 8) | bytes[5]);
  out->Data3 = static_cast<std::uint16_t>((bytes[6] << 8) | bytes[7]);
  for (int i = 0; i < 8; ++i) out->Data4[i] = bytes[8 + i];
  return true;
}

// "{xxxxxxxx-...}" (38 characters and the end).
inline bool ParseBracedGuid(const wchar_t* s, GUID* out) {
  if (s == nullptr || s[0] != L'{' || std::wcslen(s) != 38 || s[37] != L'}') return false;
  return ParseGuid36(s + 1, out);
}

}  // namespace vsssim_msvc_compat

inline HRESULT CLSIDFromString(LPCOLESTR lpsz, CLSID* pclsid) {
  if (pclsid == nullptr) return E_INVALIDARG;
  return vsssim_msvc_compat::ParseBracedGuid(lpsz, pclsid) ? S_OK : CO_E_CLASSSTRING;
}
inline HRESULT IIDFromString(LPCOLESTR lpsz, IID* lpiid) {
  if (lpiid == nullptr) return E_INVALIDARG;
  return vsssim_msvc_compat::ParseBracedGuid(lpsz, lpiid) ? S_OK : E_INVALIDARG;
}
inline LONG UuidFromStringW(const wchar_t* StringUuid, GUID* Uuid) {
  if (Uuid == nullptr) return RPC_S_INVALID_STRING_UUID;
  if (StringUuid == nullptr) {
    *Uuid = GUID{};
    return RPC_S_OK;
  }
  if (std::wcslen(StringUuid) != 36) return RPC_S_INVALID_STRING_UUID;
  return vsssim_msvc_compat::ParseGuid36(StringUuid, Uuid) ? RPC_S_OK : RPC_S_INVALID_STRING_UUID;
}
inline HRESULT StringFromCLSID(REFCLSID rclsid, LPOLESTR* lplpsz) {
  if (lplpsz == nullptr) return E_INVALIDARG;
  *lplpsz = static_cast<LPOLESTR>(CoTaskMemAlloc(39 * sizeof(OLECHAR)));
  if (*lplpsz == nullptr) return E_OUTOFMEMORY;
  StringFromGUID2(rclsid, *lplpsz, 39);
  return S_OK;
}
#define StringFromIID StringFromCLSID

#ifndef SecureZeroMemory
#define SecureZeroMemory(destination, length) std::memset((destination), 0, (length))
#endif

#endif  // VSSSIM_SDK_LINUX_VSSSIM_MSVC_COMPAT_H_
