#include "sim/coordinator/session_writer_components.h"

#include <utility>

namespace vsssim::coordinator {

SessionWriterComponents::SessionWriterComponents(metadata::WriterComponents* components,
                                                 vss::WriterEvent event,
                                                 metadata::FindingSink findings)
    : components_(components), event_(event), findings_(std::move(findings)) {}

std::uint32_t SessionWriterComponents::GetComponentCount() const {
  return components_ == nullptr ? 0 : static_cast<std::uint32_t>(components_->components.size());
}

HResult SessionWriterComponents::GetComponent(std::uint32_t index,
                                              metadata::Component** component) {
  if (component == nullptr) return hr::E_INVALIDARG;
  if (index >= GetComponentCount()) return hr::VSS_E_OBJECT_NOT_FOUND;
  handed_out_.push_back(std::make_unique<metadata::Component>(
      components_->components[index], metadata::Caller::Writer(event_), findings_));
  *component = handed_out_.back().get();
  return hr::S_OK;
}

}  // namespace vsssim::coordinator
