// IVssWriterComponentsExt: what a requester sees of one writer's components in its Backup
// Components Document (GetWriterComponents, REQ-CALL-25). Each metadata::Component it hands
// out is the requester's view: getters answer, writer-only setters return VSS_E_BAD_STATE
// (BCD-WIN-05, the §3.6 placement table of metadata::Component).
//
// Lifetime (REQ-CALL-25): the object becomes stale after PrepareForBackup, DoSnapshotSet,
// BackupComplete, PreRestore and PostRestore; a stale object answers VSS_E_BAD_STATE and the
// requester must fetch it again. It stays allocated until the requester is released.
//
// Thread safety: none; simulator thread only.
#ifndef VSSSIM_COORDINATOR_WRITER_COMPONENTS_EXT_H_
#define VSSSIM_COORDINATOR_WRITER_COMPONENTS_EXT_H_

#include <cstdint>

#include "vsssim/vss/guid.h"
#include "vsssim/vss/hresult.h"
#include "vsssim/writer/writer_components.h"

namespace vsssim::coordinator {

class WriterComponentsExt : public writer::WriterComponents {
 public:
  // IVssWriterComponentsExt::GetWriterInfo: the instance and class ids recorded in the BCD.
  virtual HResult GetWriterInfo(Guid* instance_id, Guid* writer_id) const = 0;
};

}  // namespace vsssim::coordinator

#endif  // VSSSIM_COORDINATOR_WRITER_COMPONENTS_EXT_H_
