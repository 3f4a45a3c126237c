// <winerror.h> for SDK-shaped source on Linux (docs/sdk.md): the HRESULT codes and macros VSS
// code uses, from vsssim_win_types.h.
#ifndef VSSSIM_SDK_LINUX_WINERROR_H_
#define VSSSIM_SDK_LINUX_WINERROR_H_
#include "vsssim_win_types.h"
#endif  // VSSSIM_SDK_LINUX_WINERROR_H_
