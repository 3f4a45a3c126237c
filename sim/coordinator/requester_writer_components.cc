#include "sim/coordinator/requester_writer_components.h"

#include <utility>

namespace vsssim::coordinator {

RequesterWriterComponents::RequesterWriterComponents(metadata::WriterComponents& components,
                                                     metadata::Caller::Operation operation,
                                                     metadata::FindingSink findings)
    : components_(components), operation_(operation), findings_(std::move(findings)) {}

HResult RequesterWriterComponents::GetWriterInfo(Guid* instance_id, Guid* writer_id) const {
  if (instance_id == nullptr || writer_id == nullptr) return hr::E_INVALIDARG;
  if (stale_) return hr::VSS_E_BAD_STATE;  // REQ-CALL-25
  *instance_id = components_.instance_id;
  *writer_id = components_.writer_id;
  return hr::S_OK;
}

std::uint32_t RequesterWriterComponents::GetComponentCount() const {
  return stale_ ? 0 : static_cast<std::uint32_t>(components_.components.size());
}

HResult RequesterWriterComponents::GetComponent(std::uint32_t index,
                                                metadata::Component** component) {
  if (component == nullptr) return hr::E_INVALIDARG;
  if (stale_) {  // REQ-CALL-25: re-fetch after PreRestore / PostRestore / ...
    if (findings_) findings_("REQ-CALL-25", "GetComponent on a stale IVssWriterComponentsExt");
    return hr::VSS_E_BAD_STATE;
  }
  if (index >= components_.components.size()) return hr::VSS_E_OBJECT_NOT_FOUND;
  handed_out_.push_back(std::make_unique<metadata::Component>(
      components_.components[index], metadata::Caller::Requester(operation_), findings_));
  *component = handed_out_.back().get();
  return hr::S_OK;
}

}  // namespace vsssim::coordinator
