#include <utility>

#include "vsssim/metadata/component.h"
#include "vsssim/writer/writer_components.h"

#include "sim/sdk/common/finding.h"  // last (sdk_api.h)
#include "sim/sdk/common/vss_id.h"
#include "sim/sdk/writer/component_impl.h"
#include "sim/sdk/writer/writer_components_impl.h"

namespace vsssim::sdk {

WriterComponentsImpl::WriterComponentsImpl(writer::WriterComponents* components, Guid instance_id,
                                           Guid writer_id, LeasePtr lease)
    : components_(components),
      instance_id_(instance_id),
      writer_id_(writer_id),
      lease_(std::move(lease)) {}

HRESULT WriterComponentsImpl::Live(const char* call) {
  if (lease_->alive) return S_OK;
  return RecordFinding(lease_->actor, call, VSS_E_BAD_STATE,
                       "called after " + lease_->handler + " returned");
}

// IVssWriterComponents::GetComponentCount: E_INVALIDARG for a NULL out-parameter.
HRESULT WriterComponentsImpl::GetComponentCount(UINT* pcComponents) {
  const char* call = "IVssWriterComponents::GetComponentCount";
  if (HRESULT hr = Live(call); hr != S_OK) return hr;
  if (pcComponents == nullptr) {
    return RecordFinding(lease_->actor, call, E_INVALIDARG, "NULL out-parameter");
  }
  *pcComponents = components_->GetComponentCount();
  return S_OK;
}

// IVssWriterComponents::GetWriterInfo: the instance and class ids of the writer.
HRESULT WriterComponentsImpl::GetWriterInfo(VSS_ID* pidInstance, VSS_ID* pidWriter) {
  const char* call = "IVssWriterComponents::GetWriterInfo";
  if (HRESULT hr = Live(call); hr != S_OK) return hr;
  if (pidInstance == nullptr || pidWriter == nullptr) {
    return RecordFinding(lease_->actor, call, E_INVALIDARG, "NULL out-parameter");
  }
  *pidInstance = ToVssId(instance_id_);
  *pidWriter = ToVssId(writer_id_);
  return S_OK;
}

// IVssWriterComponents::GetComponent: E_INVALIDARG for a NULL out-parameter; an index past
// the count gives what the coordinator documents (VSS_E_OBJECT_NOT_FOUND), with a finding.
HRESULT WriterComponentsImpl::GetComponent(UINT iComponent, IVssComponent** ppComponent) {
  const char* call = "IVssWriterComponents::GetComponent";
  if (HRESULT hr = Live(call); hr != S_OK) return hr;
  if (ppComponent == nullptr) {
    return RecordFinding(lease_->actor, call, E_INVALIDARG, "NULL out-parameter");
  }
  *ppComponent = nullptr;
  metadata::Component* component = nullptr;
  const HRESULT hr = ToHRESULT(components_->GetComponent(iComponent, &component));
  if (FAILED(hr) || component == nullptr) {
    return RecordFinding(lease_->actor, call, FAILED(hr) ? hr : VSS_E_OBJECT_NOT_FOUND,
                         "index " + std::to_string(iComponent) + " past the count " +
                             std::to_string(components_->GetComponentCount()));
  }
  *ppComponent = NewComponent(component, lease_);
  return S_OK;
}

}  // namespace vsssim::sdk
