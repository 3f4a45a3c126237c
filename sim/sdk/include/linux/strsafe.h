// <strsafe.h> for SDK-shaped source on Linux (docs/sdk.md): the wide StringCch* functions VSS
// samples use, with the results Microsoft documents ("StringCchCopyW function", ...): S_OK,
// STRSAFE_E_INVALID_PARAMETER for a zero size or a size over STRSAFE_MAX_CCH, and
// STRSAFE_E_INSUFFICIENT_BUFFER when the result was truncated (the destination then holds the
// truncated, null-terminated text). The unsuffixed names are the W ones (VSS code is Unicode).
//
// Written for vsssim; not Microsoft's header. Thread safety: pure functions.
#ifndef VSSSIM_SDK_LINUX_STRSAFE_H_
#define VSSSIM_SDK_LINUX_STRSAFE_H_

#include <cstdarg>
#include <cstddef>
#include <cwchar>

#include "vsssim_win_types.h"

#define STRSAFE_MAX_CCH 2147483647
#define STRSAFE_E_INSUFFICIENT_BUFFER static_cast<HRESULT>(0x8007007AL)
#define STRSAFE_E_INVALID_PARAMETER static_cast<HRESULT>(0x80070057L)

inline HRESULT StringCchLengthW(const wchar_t* psz, std::size_t cchMax, std::size_t* pcchLength) {
  if (psz == nullptr || cchMax > STRSAFE_MAX_CCH) {
    if (pcchLength != nullptr) *pcchLength = 0;
    return STRSAFE_E_INVALID_PARAMETER;
  }
  std::size_t n = 0;
  while (n < cchMax && psz[n] != L'\0') ++n;
  if (n == cchMax) {
    if (pcchLength != nullptr) *pcchLength = 0;
    return STRSAFE_E_INVALID_PARAMETER;
  }
  if (pcchLength != nullptr) *pcchLength = n;
  return S_OK;
}

inline HRESULT StringCchCopyNW(wchar_t* pszDest, std::size_t cchDest, const wchar_t* pszSrc,
                               std::size_t cchToCopy) {
  if (pszDest == nullptr || cchDest == 0 || cchDest > STRSAFE_MAX_CCH) {
    return STRSAFE_E_INVALID_PARAMETER;
  }
  if (pszSrc == nullptr) pszSrc = L"";
  std::size_t i = 0;
  for (; i + 1 < cchDest && i < cchToCopy && pszSrc[i] != L'\0'; ++i) pszDest[i] = pszSrc[i];
  pszDest[i] = L'\0';
  const bool truncated = i < cchToCopy && pszSrc[i] != L'\0';
  return truncated ? STRSAFE_E_INSUFFICIENT_BUFFER : S_OK;
}

inline HRESULT StringCchCopyW(wchar_t* pszDest, std::size_t cchDest, const wchar_t* pszSrc) {
  return StringCchCopyNW(pszDest, cchDest, pszSrc, STRSAFE_MAX_CCH);
}

inline HRESULT StringCchCatW(wchar_t* pszDest, std::size_t cchDest, const wchar_t* pszSrc) {
  std::size_t have = 0;
  if (pszDest == nullptr || FAILED(StringCchLengthW(pszDest, cchDest, &have))) {
    return STRSAFE_E_INVALID_PARAMETER;
  }
  return StringCchCopyW(pszDest + have, cchDest - have, pszSrc);
}

inline HRESULT StringCchVPrintfW(wchar_t* pszDest, std::size_t cchDest, const wchar_t* pszFormat,
                                 std::va_list args) {
  if (pszDest == nullptr || cchDest == 0 || cchDest > STRSAFE_MAX_CCH || pszFormat == nullptr) {
    return STRSAFE_E_INVALID_PARAMETER;
  }
  const int n = std::vswprintf(pszDest, cchDest, pszFormat, args);
  if (n < 0) {
    // vswprintf gives no partial output on overflow; an empty result is still terminated.
    pszDest[cchDest - 1] = L'\0';
    return STRSAFE_E_INSUFFICIENT_BUFFER;
  }
  return S_OK;
}

inline HRESULT StringCchPrintfW(wchar_t* pszDest, std::size_t cchDest, const wchar_t* pszFormat,
                                ...) {
  std::va_list args;
  va_start(args, pszFormat);
  const HRESULT hr = StringCchVPrintfW(pszDest, cchDest, pszFormat, args);
  va_end(args);
  return hr;
}

#define StringCchLength StringCchLengthW
#define StringCchCopy StringCchCopyW
#define StringCchCopyN StringCchCopyNW
#define StringCchCat StringCchCatW
#define StringCchPrintf StringCchPrintfW
#define StringCchVPrintf StringCchVPrintfW

#endif  // VSSSIM_SDK_LINUX_STRSAFE_H_
