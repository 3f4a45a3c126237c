// The simulator's IVssWriterComponentsExt (writer_components_ext.h): one BCD writer as the
// requester sees it. Components are handed out as metadata::Component with a requester Caller
// (backup or restore), so writer-only setters return VSS_E_BAD_STATE (BCD-WIN-05). The
// session marks the object stale after each event-generating call (REQ-CALL-25).
//
// Thread safety: none; simulator thread only.
#ifndef VSSSIM_SIM_COORDINATOR_REQUESTER_WRITER_COMPONENTS_H_
#define VSSSIM_SIM_COORDINATOR_REQUESTER_WRITER_COMPONENTS_H_

#include <memory>
#include <vector>

#include "vsssim/coordinator/writer_components_ext.h"
#include "vsssim/metadata/backup_components.h"
#include "vsssim/metadata/component.h"

namespace vsssim::coordinator {

class RequesterWriterComponents final : public WriterComponentsExt {
 public:
  // REQUIRES: `components` outlives this object and does not move (the session hands these out
  // only once the BCD's writer list is fixed).
  RequesterWriterComponents(metadata::WriterComponents& components,
                            metadata::Caller::Operation operation, metadata::FindingSink findings);

  HResult GetWriterInfo(Guid* instance_id, Guid* writer_id) const override;
  std::uint32_t GetComponentCount() const override;
  HResult GetComponent(std::uint32_t index, metadata::Component** component) override;

  // REQ-CALL-25: after an event-generating call the object must be fetched again.
  void MakeStale() { stale_ = true; }
  bool stale() const { return stale_; }

 private:
  metadata::WriterComponents& components_;
  metadata::Caller::Operation operation_;
  metadata::FindingSink findings_;
  bool stale_ = false;
  std::vector<std::unique_ptr<metadata::Component>> handed_out_;
};

}  // namespace vsssim::coordinator

#endif  // VSSSIM_SIM_COORDINATOR_REQUESTER_WRITER_COMPONENTS_H_
