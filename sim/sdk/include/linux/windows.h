// <windows.h> for SDK-shaped source on Linux (docs/sdk.md): the Windows base types VSS code needs,
// from vsssim_win_types.h, and the MSVC / CRT extensions such code commonly uses
// (vsssim_msvc_compat.h: L__FUNCTION__, wcscpy_s, Sleep, ...). Nothing else of the Windows
// header is provided.
#ifndef VSSSIM_SDK_LINUX_WINDOWS_H_
#define VSSSIM_SDK_LINUX_WINDOWS_H_
#include "vsssim_msvc_compat.h"
#include "vsssim_win_types.h"
#endif  // VSSSIM_SDK_LINUX_WINDOWS_H_
