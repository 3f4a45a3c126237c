// Linux implementations of the Windows functions vsssim_win_types.h declares (compiled only
// when not WIN32; on Windows the real ones are used). Behaviour as documented by Microsoft
// (SysAllocString, SysAllocStringLen, SysFreeString, SysStringLen, SysStringByteLen,
// CoTaskMemAlloc, CoTaskMemFree, StringFromGUID2); the COM set-up calls are simulated
// (vsssim_win_types.h).
#include <windows.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

// A BSTR points just past a 4-byte length prefix holding the string's size in bytes (the BSTR
// data type); the string is followed by a null character. The prefix sits in an 8-byte header
// so the characters stay aligned for wchar_t.
constexpr std::size_t kHeader = 8;

std::uint32_t* LengthOf(BSTR bstr) {
  return reinterpret_cast<std::uint32_t*>(reinterpret_cast<char*>(bstr) - sizeof(std::uint32_t));
}

}  // namespace

extern "C" {

BSTR SysAllocStringLen(const OLECHAR* strIn, UINT ui) {
  const std::size_t bytes = static_cast<std::size_t>(ui) * sizeof(OLECHAR);
  char* block = static_cast<char*>(std::malloc(kHeader + bytes + sizeof(OLECHAR)));
  if (block == nullptr) return nullptr;
  BSTR bstr = reinterpret_cast<BSTR>(block + kHeader);
  *LengthOf(bstr) = static_cast<std::uint32_t>(bytes);
  if (strIn != nullptr) {
    std::memcpy(bstr, strIn, bytes);
  } else {
    std::memset(bstr, 0, bytes);
  }
  bstr[ui] = 0;
  return bstr;
}

BSTR SysAllocString(const OLECHAR* psz) {
  if (psz == nullptr) return nullptr;
  UINT length = 0;
  while (psz[length] != 0) ++length;
  return SysAllocStringLen(psz, length);
}

void SysFreeString(BSTR bstrString) {
  if (bstrString == nullptr) return;
  std::free(reinterpret_cast<char*>(bstrString) - kHeader);
}

UINT SysStringByteLen(BSTR bstr) { return bstr == nullptr ? 0 : *LengthOf(bstr); }

UINT SysStringLen(BSTR pbstr) {
  return static_cast<UINT>(SysStringByteLen(pbstr) / sizeof(OLECHAR));
}

LPVOID CoTaskMemAlloc(SIZE_T cb) { return std::malloc(cb == 0 ? 1 : cb); }

void CoTaskMemFree(LPVOID pv) { std::free(pv); }

// COM needs no set-up in the simulator; every thread may call VSS.
HRESULT CoInitialize(LPVOID) { return S_OK; }
HRESULT CoInitializeEx(LPVOID, DWORD) { return S_OK; }
void CoUninitialize(void) {}
HRESULT CoInitializeSecurity(PSECURITY_DESCRIPTOR, LONG, SOLE_AUTHENTICATION_SERVICE*, void*, DWORD,
                             DWORD, void*, DWORD, void*) {
  return S_OK;
}

// Deterministic (SIM-DET-01): the n-th call of a process returns the same GUID on every run,
// shaped as a version-4 GUID so tools that check the variant accept it.
HRESULT CoCreateGuid(GUID* pguid) {
  if (pguid == nullptr) return E_INVALIDARG;
  static std::atomic<std::uint64_t> counter{0};
  const std::uint64_t n = ++counter;
  pguid->Data1 = 0x5eed0000u | static_cast<std::uint32_t>(n >> 32 & 0xFFFF);
  pguid->Data2 = 0x7a7a;
  pguid->Data3 = 0x4000;
  pguid->Data4[0] = 0x80;
  pguid->Data4[1] = 0x00;
  for (int i = 0; i < 6; ++i) pguid->Data4[2 + i] = static_cast<BYTE>(n >> (8 * (5 - i)));
  return S_OK;
}

int StringFromGUID2(REFGUID rguid, LPOLESTR lpsz, int cchMax) {
  constexpr int kChars = 39;  // braces, 32 digits, 4 dashes, null
  if (lpsz == nullptr || cchMax < kChars) return 0;
  char text[kChars + 1];
  std::snprintf(text, sizeof text, "{%08X-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X}",
                static_cast<unsigned>(rguid.Data1), static_cast<unsigned>(rguid.Data2),
                static_cast<unsigned>(rguid.Data3), rguid.Data4[0], rguid.Data4[1], rguid.Data4[2],
                rguid.Data4[3], rguid.Data4[4], rguid.Data4[5], rguid.Data4[6], rguid.Data4[7]);
  for (int i = 0; i < kChars; ++i) lpsz[i] = static_cast<OLECHAR>(text[i]);
  return kChars;
}

}  // extern "C"
