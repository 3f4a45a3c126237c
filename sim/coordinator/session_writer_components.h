// IVssWriterComponents for one delivery: the BCD components of one writer instance, each
// handed out as a metadata::Component that knows the current event (§3.6 placement rules).
//
// Thread safety: none; lives for one handler call.
#ifndef VSSSIM_SIM_COORDINATOR_SESSION_WRITER_COMPONENTS_H_
#define VSSSIM_SIM_COORDINATOR_SESSION_WRITER_COMPONENTS_H_

#include <memory>
#include <vector>

#include "vsssim/metadata/backup_components.h"
#include "vsssim/metadata/component.h"
#include "vsssim/writer/writer_components.h"

namespace vsssim::coordinator {

class SessionWriterComponents final : public writer::WriterComponents {
 public:
  // REQUIRES: `components` outlives this object (may be null: no components).
  SessionWriterComponents(metadata::WriterComponents* components, vss::WriterEvent event,
                          metadata::FindingSink findings);
  std::uint32_t GetComponentCount() const override;
  HResult GetComponent(std::uint32_t index, metadata::Component** component) override;

 private:
  metadata::WriterComponents* components_;
  vss::WriterEvent event_;
  metadata::FindingSink findings_;
  std::vector<std::unique_ptr<metadata::Component>> handed_out_;
};

}  // namespace vsssim::coordinator

#endif  // VSSSIM_SIM_COORDINATOR_SESSION_WRITER_COMPONENTS_H_
