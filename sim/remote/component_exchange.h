// The components of a component event on the wire (docs/wire-protocol.md "event", "reply"):
// the service sends a Backup Components Document holding only this writer's WRITER_COMPONENTS,
// the writer process hands its handler IVssWriterComponents over a local copy, and the
// service applies back what the writer changed through the real metadata::Component setters
// (caller = the writer in this handler), so the placement rules (WRT-CALL-03..15, BCD-WIN-*)
// fire on the service side as for a linked writer.
//
// Thread safety: none; one event at a time.
#ifndef VSSSIM_SIM_REMOTE_COMPONENT_EXCHANGE_H_
#define VSSSIM_SIM_REMOTE_COMPONENT_EXCHANGE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sim/remote/wire.h"
#include "vsssim/metadata/backup_components.h"
#include "vsssim/metadata/component.h"
#include "vsssim/metadata/finding_sink.h"
#include "vsssim/writer/writer_components.h"

namespace vsssim::remote {

// Service side: the writer's components as the BCD the event carries. *sent keeps a copy of
// each component's state as sent (the reply is compared with it).
std::string ComponentsToXml(writer::WriterComponents& components,
                            const writer::WriterIdentity& identity, const EventContext& context,
                            std::vector<metadata::ComponentState>* sent);

// Service side: applies the writer-settable differences between `sent` and the reply's BCD to
// `components`. False and *error when the XML is unreadable.
bool ApplyComponentsReply(std::string_view xml, const std::vector<metadata::ComponentState>& sent,
                          writer::WriterComponents& components, std::string* error);

// Applies the writer-settable differences between `before` and `after` through `target`'s
// setters (each one checks its placement and reports findings).
void ApplyWriterChanges(const metadata::ComponentState& before,
                        const metadata::ComponentState& after, metadata::Component& target);

// Writer side: IVssWriterComponents over the event's BCD.
class LocalComponents final : public writer::WriterComponents {
 public:
  LocalComponents(metadata::BackupComponents bcd, vss::WriterEvent event,
                  metadata::FindingSink findings);
  std::uint32_t GetComponentCount() const override;
  HResult GetComponent(std::uint32_t index, metadata::Component** component) override;
  // The BCD as the handler left it.
  std::string ToXml() const;

 private:
  metadata::BackupComponents bcd_;
  vss::WriterEvent event_;
  metadata::FindingSink findings_;
  std::vector<std::unique_ptr<metadata::Component>> handed_out_;
};

}  // namespace vsssim::remote

#endif  // VSSSIM_SIM_REMOTE_COMPONENT_EXCHANGE_H_
