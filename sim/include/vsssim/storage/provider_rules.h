// Small rules over provider results and snapshot properties that the coordinator applies and
// the CowProvider documents (catalogue §4 PRV-07, §2.7 CTX-QRY-01, §1.6 contexts).
//
// Thread safety: pure functions.
#ifndef VSSSIM_STORAGE_PROVIDER_RULES_H_
#define VSSSIM_STORAGE_PROVIDER_RULES_H_

#include <vector>

#include "vsssim/storage/provider.h"
#include "vsssim/vss/hresult.h"

namespace vsssim::storage {

// PRV-07: what VSS passes on from a provider. Success codes, the documented provider codes
// (E_INVALIDARG, E_OUTOFMEMORY, VSS_E_OBJECT_NOT_FOUND, VSS_E_PROVIDER_VETO,
// VSS_E_INSUFFICIENT_STORAGE, VSS_E_UNSUPPORTED_CONTEXT,
// VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER) and the codes the simulated VSS-plus-VolSnap itself
// produces in the provider's place (VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED, LIM-02;
// VSS_E_FLUSH_WRITES_TIMEOUT / VSS_E_HOLD_WRITES_TIMEOUT, LIM-06; and, from DoSnapshotSet's
// documented list REQ-CALL-16, VSS_E_TRANSACTION_FREEZE_TIMEOUT,
// VSS_E_TRANSACTION_THAW_TIMEOUT, VSS_E_REBOOT_REQUIRED, VSS_E_NESTED_VOLUME_LIMIT) pass
// unchanged; anything else becomes VSS_E_UNEXPECTED_PROVIDER_ERROR.
// The ONE provider-result mapping: the coordinator applies it to every provider call.
HResult NormalizeProviderResult(HResult result);

// VSS_VOLSNAP_ATTR_NO_AUTO_RELEASE is not set: the snapshot goes when its requester releases
// its IVssBackupComponents or dies (§1.5, §1.6).
bool IsAutoRelease(const SnapshotProperties& snapshot);
// VSS_VOLSNAP_ATTR_PERSISTENT is set.
bool IsPersistent(const SnapshotProperties& snapshot);

// CTX-QRY-01: the snapshots whose context equals `context`, in the given order;
// VSS_CTX_ALL (administrative) keeps every snapshot.
std::vector<SnapshotProperties> FilterByContext(const std::vector<SnapshotProperties>& all,
                                                vss::SnapshotContext context);

}  // namespace vsssim::storage

#endif  // VSSSIM_STORAGE_PROVIDER_RULES_H_
