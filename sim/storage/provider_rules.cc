#include "vsssim/storage/provider_rules.h"

namespace vsssim::storage {

HResult NormalizeProviderResult(HResult result) {
  if (result.Succeeded()) return result;
  static constexpr HResult kPassed[] = {
      hr::E_INVALIDARG,
      hr::E_OUTOFMEMORY,
      hr::VSS_E_OBJECT_NOT_FOUND,
      hr::VSS_E_PROVIDER_VETO,
      hr::VSS_E_INSUFFICIENT_STORAGE,
      hr::VSS_E_UNSUPPORTED_CONTEXT,
      hr::VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER,
      hr::VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED,
      hr::VSS_E_FLUSH_WRITES_TIMEOUT,
      hr::VSS_E_HOLD_WRITES_TIMEOUT,
      // REQ-CALL-16: further codes DoSnapshotSet documents; VSS produces them in the
      // provider's place (kernel transaction and reboot conditions, nested volumes).
      hr::VSS_E_TRANSACTION_FREEZE_TIMEOUT,
      hr::VSS_E_TRANSACTION_THAW_TIMEOUT,
      hr::VSS_E_REBOOT_REQUIRED,
      hr::VSS_E_NESTED_VOLUME_LIMIT,
  };
  for (HResult passed : kPassed) {
    if (result == passed) return result;
  }
  return hr::VSS_E_UNEXPECTED_PROVIDER_ERROR;
}

bool IsAutoRelease(const SnapshotProperties& snapshot) {
  return !vss::HasAll(snapshot.attributes,
                      vss::VolumeSnapshotAttributes::VSS_VOLSNAP_ATTR_NO_AUTO_RELEASE);
}

bool IsPersistent(const SnapshotProperties& snapshot) {
  return vss::HasAll(snapshot.attributes,
                     vss::VolumeSnapshotAttributes::VSS_VOLSNAP_ATTR_PERSISTENT);
}

std::vector<SnapshotProperties> FilterByContext(const std::vector<SnapshotProperties>& all,
                                                vss::SnapshotContext context) {
  std::vector<SnapshotProperties> out;
  for (const SnapshotProperties& s : all) {
    if (context == vss::SnapshotContext::VSS_CTX_ALL || s.context == context) out.push_back(s);
  }
  return out;
}

}  // namespace vsssim::storage
