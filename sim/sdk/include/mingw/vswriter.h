// vsssim's <vswriter.h> for mingw-w64 builds (docs/sdk.md): mingw-w64's own vswriter.h declares
// the writer-side COM interfaces (IVssCreateWriterMetadata, IVssComponent, ...) but not the
// CVssWriter class every writer derives from. This header includes mingw-w64's and adds
// CVssWriter, CVssWriterEx and CVssWriterEx2 (include/common/vsssim_cvsswriter.h), implemented
// by vsssim over the simulator. It is first on the include path of mingw-w64 builds only.
#ifndef VSSSIM_SDK_MINGW_VSWRITER_H_
#define VSSSIM_SDK_MINGW_VSWRITER_H_

#if defined(__GNUC__)
#pragma GCC system_header  // #include_next is a GNU extension; -Wpedantic would say so
#endif
#include_next <vswriter.h>

#include <vss.h>

#include "vsssim_cvsswriter.h"

#endif  // VSSSIM_SDK_MINGW_VSWRITER_H_
