// <objbase.h> for SDK-shaped source on Linux (docs/sdk.md): the Windows base types VSS code needs,
// from vsssim_win_types.h. Nothing else of the Windows header is provided.
#ifndef VSSSIM_SDK_LINUX_OBJBASE_H_
#define VSSSIM_SDK_LINUX_OBJBASE_H_
#include "vsssim_win_types.h"
#endif  // VSSSIM_SDK_LINUX_OBJBASE_H_
