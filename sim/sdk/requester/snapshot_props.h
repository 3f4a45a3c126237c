// VSS_SNAPSHOT_PROP from the simulator's storage::SnapshotProperties (GetSnapshotProperties,
// Query), and VssFreeSnapshotProperties's counterpart. Strings are CoTaskMemAlloc'ed, as
// "VssFreeSnapshotProperties" frees them; the creation time is the virtual time since the
// clock's start in 100 ns units (VSS_TIMESTAMP's unit). The originating and service machine
// are "localhost"; a snapshot is never exposed here (ExposeSnapshot is E_NOTIMPL), so the
// exposed name and path are NULL.
//
// Thread safety: pure functions.
#ifndef VSSSIM_SDK_REQUESTER_SNAPSHOT_PROPS_H_
#define VSSSIM_SDK_REQUESTER_SNAPSHOT_PROPS_H_

#include "vsssim/storage/provider.h"

#include "sim/sdk/requester/com_object.h"

namespace vsssim::sdk::requester {

void FillSnapshotProp(const storage::SnapshotProperties& snapshot, VSS_SNAPSHOT_PROP* prop);
void FreeSnapshotProp(VSS_SNAPSHOT_PROP* prop);

}  // namespace vsssim::sdk::requester

#endif  // VSSSIM_SDK_REQUESTER_SNAPSHOT_PROPS_H_
