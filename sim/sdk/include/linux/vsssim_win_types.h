// The few Windows base types, macros and COM/OLE functions that Microsoft's vss.h, vswriter.h
// and vsbackup.h rely on, for building SDK-shaped source on Linux against vsssim (docs/sdk.md).
// Written from Microsoft's documentation (Windows Data Types, Common HRESULT Values, the COM
// and OLE Automation references); names and values are the SDK's.
//
// The one unavoidable difference: Linux's wchar_t is 32 bits, so WCHAR (and OLECHAR, BSTR,
// LPCWSTR) are wchar_t of 32 bits here and strings are converted to UTF-8 where they reach the
// simulator. Sizes that Windows fixes (LONG, ULONG, DWORD: 32 bits; HRESULT: 32 bits) are fixed
// here too, so the LP64 `long` never leaks in.
//
// COM on Linux is simulated and harmless: CoInitialize(Ex)/CoUninitialize count nothing and
// return S_OK, CoInitializeSecurity returns S_OK, CoCreateGuid returns a deterministic
// sequence (SIM-DET-01: same program, same trace), StringFromGUID2 formats as Windows does.
//
// Thread safety: declarations only; the functions are thread-safe.
#ifndef VSSSIM_SDK_LINUX_VSSSIM_WIN_TYPES_H_
#define VSSSIM_SDK_LINUX_VSSSIM_WIN_TYPES_H_

#include <cstddef>
#include <cstdint>
#include <cstring>

// ---- Calling conventions and declaration macros (no meaning on Linux x86-64 / arm64). ----
#ifndef WINAPI
#define WINAPI
#endif
#ifndef STDMETHODCALLTYPE
#define STDMETHODCALLTYPE
#endif
#ifndef STDAPICALLTYPE
#define STDAPICALLTYPE
#endif
#ifndef CALLBACK
#define CALLBACK
#endif
#ifndef APIENTRY
#define APIENTRY
#endif
#ifndef __stdcall
#define __stdcall
#endif
#ifndef __cdecl
#define __cdecl
#endif
#ifndef IN
#define IN
#endif
#ifndef OUT
#define OUT
#endif
#ifndef OPTIONAL
#define OPTIONAL
#endif
#ifndef PURE
#define PURE = 0
#endif
#ifndef interface
#define interface struct
#endif
#define STDMETHOD(method) virtual HRESULT STDMETHODCALLTYPE method
#define STDMETHOD_(type, method) virtual type STDMETHODCALLTYPE method
#define STDMETHODIMP HRESULT STDMETHODCALLTYPE
#define STDMETHODIMP_(type) type STDMETHODCALLTYPE
#define STDAPI extern "C" HRESULT STDAPICALLTYPE
#define STDAPI_(type) extern "C" type STDAPICALLTYPE
#define DECLSPEC_UUID(x)
#define DECLSPEC_NOVTABLE
#define MIDL_INTERFACE(x) struct
#define UNREFERENCED_PARAMETER(p) ((void)(p))

// ---- Integer and character types (Windows Data Types). ----
typedef int BOOL;
typedef int INT;
typedef unsigned int UINT;
typedef std::int32_t LONG;
typedef std::uint32_t ULONG;
typedef std::uint32_t DWORD;
typedef std::uint16_t WORD;
typedef std::uint8_t BYTE;
typedef std::int64_t LONGLONG;
typedef std::uint64_t ULONGLONG;
typedef std::size_t SIZE_T;
typedef unsigned char boolean;  // MIDL's boolean
typedef char CHAR;
typedef wchar_t WCHAR;  // 32-bit on Linux (see above)
typedef WCHAR OLECHAR;
typedef OLECHAR* BSTR;
typedef OLECHAR* LPOLESTR;
typedef const OLECHAR* LPCOLESTR;
typedef WCHAR* LPWSTR;
typedef WCHAR* PWSTR;
typedef const WCHAR* LPCWSTR;
typedef const WCHAR* PCWSTR;
typedef CHAR* LPSTR;
typedef const CHAR* LPCSTR;
typedef void* LPVOID;
typedef void* PVOID;
typedef void* HANDLE;
typedef DWORD* LPDWORD;
typedef BOOL* LPBOOL;
typedef void* PSECURITY_DESCRIPTOR;
typedef std::int32_t HRESULT;

#ifndef TRUE
#define TRUE 1
#endif
#ifndef FALSE
#define FALSE 0
#endif
#ifndef INFINITE
#define INFINITE 0xFFFFFFFFu
#endif
#ifndef MAX_PATH
#define MAX_PATH 260
#endif
#define ZeroMemory(destination, length) std::memset((destination), 0, (length))
#define ARRAYSIZE(a) (sizeof(a) / sizeof((a)[0]))
#define _countof(a) (sizeof(a) / sizeof((a)[0]))

typedef struct _FILETIME {
  DWORD dwLowDateTime;
  DWORD dwHighDateTime;
} FILETIME, *PFILETIME, *LPFILETIME;

// ---- HRESULT (Common HRESULT Values; Structure of COM Error Codes). ----
#define SUCCEEDED(hr) (static_cast<HRESULT>(hr) >= 0)
#define FAILED(hr) (static_cast<HRESULT>(hr) < 0)
#define IS_ERROR(hr) (static_cast<std::uint32_t>(hr) >> 31 == 1)
#define HRESULT_CODE(hr) ((hr)&0xFFFF)
#define HRESULT_FACILITY(hr) (((hr) >> 16) & 0x1FFF)
#define HRESULT_SEVERITY(hr) (((hr) >> 31) & 0x1)
#define MAKE_HRESULT(sev, fac, code)                             \
  static_cast<HRESULT>((static_cast<std::uint32_t>(sev) << 31) | \
                       (static_cast<std::uint32_t>(fac) << 16) | static_cast<std::uint32_t>(code))
#define FACILITY_WIN32 7
#define HRESULT_FROM_WIN32(x)                                                                     \
  (static_cast<HRESULT>(x) <= 0 ? static_cast<HRESULT>(x)                                         \
                                : static_cast<HRESULT>((static_cast<std::uint32_t>(x) & 0xFFFF) | \
                                                       (FACILITY_WIN32 << 16) | 0x80000000u))

#define S_OK static_cast<HRESULT>(0x00000000)
#define S_FALSE static_cast<HRESULT>(0x00000001)
#define E_NOTIMPL static_cast<HRESULT>(0x80004001)
#define E_NOINTERFACE static_cast<HRESULT>(0x80004002)
#define E_POINTER static_cast<HRESULT>(0x80004003)
#define E_ABORT static_cast<HRESULT>(0x80004004)
#define E_FAIL static_cast<HRESULT>(0x80004005)
#define E_UNEXPECTED static_cast<HRESULT>(0x8000FFFF)
#define E_ACCESSDENIED static_cast<HRESULT>(0x80070005)
#define E_HANDLE static_cast<HRESULT>(0x80070006)
#define E_OUTOFMEMORY static_cast<HRESULT>(0x8007000E)
#define E_INVALIDARG static_cast<HRESULT>(0x80070057)
#define RPC_E_CHANGED_MODE static_cast<HRESULT>(0x80010106)
#define RPC_E_TOO_LATE static_cast<HRESULT>(0x80010119)
#define CO_E_NOTINITIALIZED static_cast<HRESULT>(0x800401F0)
#define ERROR_SUCCESS 0L
#define ERROR_ACCESS_DENIED 5L
#define ERROR_NOT_FOUND 1168L

// ---- GUID (guiddef.h as documented: the GUID structure). ----
typedef struct _GUID {
  std::uint32_t Data1;
  std::uint16_t Data2;
  std::uint16_t Data3;
  std::uint8_t Data4[8];
} GUID;
typedef GUID IID;
typedef GUID CLSID;
typedef GUID* LPGUID;
typedef IID* LPIID;
typedef CLSID* LPCLSID;
typedef const GUID& REFGUID;
typedef const IID& REFIID;
typedef const CLSID& REFCLSID;

inline bool IsEqualGUID(REFGUID a, REFGUID b) { return std::memcmp(&a, &b, sizeof(GUID)) == 0; }
#define IsEqualIID(a, b) IsEqualGUID((a), (b))
#define IsEqualCLSID(a, b) IsEqualGUID((a), (b))
inline bool operator==(REFGUID a, REFGUID b) { return IsEqualGUID(a, b); }
inline bool operator!=(REFGUID a, REFGUID b) { return !IsEqualGUID(a, b); }

inline constexpr GUID GUID_NULL = {0, 0, 0, {0, 0, 0, 0, 0, 0, 0, 0}};
#define IID_NULL GUID_NULL
#define CLSID_NULL GUID_NULL

// ---- IUnknown (unknwn.h): the three methods every COM interface starts with. ----
inline constexpr IID IID_IUnknown = {
    0x00000000, 0x0000, 0x0000, {0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46}};
struct IUnknown {
  virtual HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void** ppvObject) = 0;
  virtual ULONG STDMETHODCALLTYPE AddRef() = 0;
  virtual ULONG STDMETHODCALLTYPE Release() = 0;
};
typedef IUnknown* LPUNKNOWN;

// The MSXML document IVssCreateWriterMetadata::GetDocument hands out; vsssim does not provide
// MSXML (GetDocument returns E_NOTIMPL), so it is only named.
struct IXMLDOMDocument;

// ---- BSTR, task memory, COM initialisation (OLE Automation and COM references). ----
typedef enum tagCOINIT {
  COINIT_MULTITHREADED = 0x0,
  COINIT_APARTMENTTHREADED = 0x2,
  COINIT_DISABLE_OLE1DDE = 0x4,
  COINIT_SPEED_OVER_MEMORY = 0x8
} COINIT;

#define RPC_C_AUTHN_LEVEL_DEFAULT 0
#define RPC_C_AUTHN_LEVEL_NONE 1
#define RPC_C_AUTHN_LEVEL_CONNECT 2
#define RPC_C_AUTHN_LEVEL_CALL 3
#define RPC_C_AUTHN_LEVEL_PKT 4
#define RPC_C_AUTHN_LEVEL_PKT_INTEGRITY 5
#define RPC_C_AUTHN_LEVEL_PKT_PRIVACY 6
#define RPC_C_IMP_LEVEL_DEFAULT 0
#define RPC_C_IMP_LEVEL_ANONYMOUS 1
#define RPC_C_IMP_LEVEL_IDENTIFY 2
#define RPC_C_IMP_LEVEL_IMPERSONATE 3
#define RPC_C_IMP_LEVEL_DELEGATE 4

typedef enum tagEOLE_AUTHENTICATION_CAPABILITIES {
  EOAC_NONE = 0x0,
  EOAC_MUTUAL_AUTH = 0x1,
  EOAC_STATIC_CLOAKING = 0x20,
  EOAC_DYNAMIC_CLOAKING = 0x40,
  EOAC_ANY_AUTHORITY = 0x80,
  EOAC_SECURE_REFS = 0x2,
  EOAC_ACCESS_CONTROL = 0x4,
  EOAC_APPID = 0x8,
  EOAC_DYNAMIC = 0x10,
  EOAC_REQUIRE_FULLSIC = 0x200,
  EOAC_AUTO_IMPERSONATE = 0x400,
  EOAC_DISABLE_AAA = 0x1000,
  EOAC_NO_CUSTOM_MARSHAL = 0x2000,
  EOAC_DEFAULT = 0x800
} EOLE_AUTHENTICATION_CAPABILITIES;

typedef struct tagSOLE_AUTHENTICATION_SERVICE {
  DWORD dwAuthnSvc;
  DWORD dwAuthzSvc;
  OLECHAR* pPrincipalName;
  HRESULT hr;
} SOLE_AUTHENTICATION_SERVICE;

extern "C" {
// A BSTR is a length-prefixed, null-terminated OLECHAR string (BSTR data type). NULL is the
// empty string to SysStringLen and SysFreeString.
BSTR SysAllocString(const OLECHAR* psz);
BSTR SysAllocStringLen(const OLECHAR* strIn, UINT ui);
void SysFreeString(BSTR bstrString);
UINT SysStringLen(BSTR pbstr);
UINT SysStringByteLen(BSTR bstr);

LPVOID CoTaskMemAlloc(SIZE_T cb);
void CoTaskMemFree(LPVOID pv);

HRESULT CoInitialize(LPVOID pvReserved);
HRESULT CoInitializeEx(LPVOID pvReserved, DWORD dwCoInit);
void CoUninitialize(void);
HRESULT CoInitializeSecurity(PSECURITY_DESCRIPTOR pSecDesc, LONG cAuthSvc,
                             SOLE_AUTHENTICATION_SERVICE* asAuthSvc, void* pReserved1,
                             DWORD dwAuthnLevel, DWORD dwImpLevel, void* pAuthList,
                             DWORD dwCapabilities, void* pReserved3);
HRESULT CoCreateGuid(GUID* pguid);
// Writes "{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}" and a null; returns the characters written
// including the null, or 0 when cchMax is too small (StringFromGUID2).
int StringFromGUID2(REFGUID rguid, LPOLESTR lpsz, int cchMax);
}

#endif  // VSSSIM_SDK_LINUX_VSSSIM_WIN_TYPES_H_
