// The real-VSS engine: the requester API (coordinator::Requester) implemented over Windows'
// own IVssBackupComponents, so the same scenario steps that drive the simulator can drive real
// VSS and check real writers on a Windows machine (`vsssim run --engine=windows-vss ...`).
//
// Portable header: on non-Windows builds RealVssAvailable() is false and
// CreateRealVssRequester returns E_NOTIMPL. The Windows implementation lives in
// sim/platform/windows/ and nowhere else (no #ifdef _WIN32 in the simulator core).
//
// The real engine keeps no trace and no virtual clock: results are whatever Windows returns.
// Thread safety: a requester belongs to the thread that created it (COM apartment rules).
#ifndef VSSSIM_PLATFORM_REAL_VSS_H_
#define VSSSIM_PLATFORM_REAL_VSS_H_

#include <memory>

#include "vsssim/coordinator/requester.h"
#include "vsssim/vss/hresult.h"

namespace vsssim::platform {

// True only in Windows builds.
bool RealVssAvailable();

// Initialises COM on this thread (multithreaded apartment, with the security settings VSS
// requesters need) and creates a requester on the local VSS service
// (CreateVssBackupComponents). Needs administrator rights and the backup privilege on Windows
// (E_ACCESSDENIED otherwise). REQUIRES: requester != nullptr.
HResult CreateRealVssRequester(std::unique_ptr<coordinator::Requester>* requester);

}  // namespace vsssim::platform

#endif  // VSSSIM_PLATFORM_REAL_VSS_H_
