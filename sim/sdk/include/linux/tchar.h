// <tchar.h> for SDK-shaped source on Linux (docs/sdk.md): the generic-text names, mapped to
// their wide forms as in a Unicode build (VSS code is Unicode): TCHAR is WCHAR, _T("x") is
// L"x", _tmain is wmain (link vsssim::sdk_wmain for the main that calls it), _tprintf
// is wprintf, and so on. Written for vsssim from Microsoft's "Generic-text mappings in
// tchar.h"; the multibyte (_MBCS) mappings are not provided.
#ifndef VSSSIM_SDK_LINUX_TCHAR_H_
#define VSSSIM_SDK_LINUX_TCHAR_H_

#include <cwchar>

#include "vsssim_msvc_compat.h"
#include "vsssim_win_types.h"

typedef WCHAR TCHAR;
typedef WCHAR _TCHAR;
typedef WCHAR* LPTSTR;
typedef const WCHAR* LPCTSTR;
typedef WCHAR* PTSTR;
typedef const WCHAR* PCTSTR;

#define __T(x) L##x
#define _T(x) __T(x)
#define _TEXT(x) __T(x)
#ifndef TEXT
#define TEXT(x) __T(x)
#endif

#define _tmain wmain
#define _tprintf wprintf
#define _ftprintf fwprintf
#define _stprintf_s swprintf_s
#define _sntprintf_s _snwprintf_s
#define _tcslen wcslen
#define _tcscpy wcscpy
#define _tcscpy_s wcscpy_s
#define _tcsncpy wcsncpy
#define _tcscat wcscat
#define _tcscat_s wcscat_s
#define _tcscmp wcscmp
#define _tcsncmp wcsncmp
#define _tcsicmp _wcsicmp
#define _tcsnicmp _wcsnicmp
#define _tcschr wcschr
#define _tcsrchr wcsrchr
#define _tcsstr wcsstr
#define _tcsdup _wcsdup
#define _tstoi _wtoi
#define _ttoi _wtoi

#endif  // VSSSIM_SDK_LINUX_TCHAR_H_
