// Microsoft's VSS API as the SDK layer's own sources see it: <windows.h>, <vss.h>,
// <vswriter.h> (vsssim's Linux headers, or mingw-w64's plus include/mingw on Windows), and the
// one type that differs between the two: SdkBool, the type the SDK documents as `bool` and
// mingw-w64's MIDL-generated headers declare as `boolean`.
//
// INCLUDE ORDER: the Windows headers define S_OK, E_INVALIDARG, ... as macros, which would
// break vsssim's own constants of the same names (vsssim::hr::S_OK, vsssim/vss/hresult.h). So
// a source of sim/sdk includes every vsssim header it needs FIRST and this header (or a header
// that includes it) LAST, and refers to simulator HRESULTs by value, never as hr::NAME.
#ifndef VSSSIM_SDK_COMMON_SDK_API_H_
#define VSSSIM_SDK_COMMON_SDK_API_H_

#include "vsssim/vss/hresult.h"  // before the Windows macros (see above)

// clang-format off
#include <windows.h>
#include <vss.h>
#include <vswriter.h>
// clang-format on

namespace vsssim::sdk {

#if defined(_WIN32)
using SdkBool = boolean;
#else
using SdkBool = bool;
#endif

// mingw-w64 declares IVssCreateWriterMetadataEx without IUnknown, the SDK (and vsssim's Linux
// header) with it: its QueryInterface/AddRef/Release override only on Linux.
#if defined(_WIN32)
#define VSSSIM_SDK_IUNKNOWN_OVERRIDE_ON_LINUX
#else
#define VSSSIM_SDK_IUNKNOWN_OVERRIDE_ON_LINUX override
#endif

// The simulator's HRESULT of an SDK one, and back (same 32 bits).
inline HResult ToHResult(HRESULT hr) { return HResult{static_cast<std::uint32_t>(hr)}; }
inline HRESULT ToHRESULT(HResult hr) { return static_cast<HRESULT>(hr.value); }

}  // namespace vsssim::sdk

#endif  // VSSSIM_SDK_COMMON_SDK_API_H_
