#include "sim/sdk/requester/snapshot_props.h"

#include "sim/sdk/requester/sdk_glue.h"

namespace vsssim::sdk::requester {

void FillSnapshotProp(const storage::SnapshotProperties& snapshot, VSS_SNAPSHOT_PROP* prop) {
  prop->m_SnapshotId = ToVssId(snapshot.snapshot_id);
  prop->m_SnapshotSetId = ToVssId(snapshot.snapshot_set_id);
  prop->m_lSnapshotsCount = snapshot.snapshots_in_set;
  prop->m_pwszSnapshotDeviceObject = NewTaskString(snapshot.device_object);
  prop->m_pwszOriginalVolumeName = NewTaskString(snapshot.original_volume);
  prop->m_pwszOriginatingMachine = NewTaskString("localhost");
  prop->m_pwszServiceMachine = NewTaskString("localhost");
  prop->m_pwszExposedName = nullptr;
  prop->m_pwszExposedPath = nullptr;
  prop->m_ProviderId = ToVssId(snapshot.provider_id);
  prop->m_lSnapshotAttributes = static_cast<LONG>(snapshot.attributes);
  // VSS_TIMESTAMP counts 100 ns units.
  prop->m_tsCreationTimestamp =
      static_cast<VSS_TIMESTAMP>(snapshot.created.since_start.count() / 100);
  prop->m_eStatus = static_cast<VSS_SNAPSHOT_STATE>(snapshot.state);
}

void FreeSnapshotProp(VSS_SNAPSHOT_PROP* prop) {
  for (VSS_PWSZ* text : {&prop->m_pwszSnapshotDeviceObject, &prop->m_pwszOriginalVolumeName,
                         &prop->m_pwszOriginatingMachine, &prop->m_pwszServiceMachine,
                         &prop->m_pwszExposedName, &prop->m_pwszExposedPath}) {
    CoTaskMemFree(*text);
    *text = nullptr;
  }
}

}  // namespace vsssim::sdk::requester
