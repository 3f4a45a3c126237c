// IVssWriterComponents over the coordinator's writer::WriterComponents for one handler call
// (docs/sdk.md): GetComponent hands out IVssComponentEx2 objects (component_impl.h) the caller
// releases; GetWriterInfo gives the writer's instance and class ids.
//
// Thread safety: the handler's thread only.
#ifndef VSSSIM_SDK_WRITER_WRITER_COMPONENTS_IMPL_H_
#define VSSSIM_SDK_WRITER_WRITER_COMPONENTS_IMPL_H_

#include "sim/sdk/writer/handler_lease.h"
#include "vsssim/vss/guid.h"
#include "vsssim/writer/writer_components.h"

#include "sim/sdk/common/sdk_api.h"  // last (sdk_api.h)

namespace vsssim::sdk {

class WriterComponentsImpl final : public IVssWriterComponents {
 public:
  // REQUIRES: `components` lives while `lease` is alive.
  WriterComponentsImpl(writer::WriterComponents* components, Guid instance_id, Guid writer_id,
                       LeasePtr lease);

  HRESULT STDMETHODCALLTYPE GetComponentCount(UINT* pcComponents) override;
  HRESULT STDMETHODCALLTYPE GetWriterInfo(VSS_ID* pidInstance, VSS_ID* pidWriter) override;
  HRESULT STDMETHODCALLTYPE GetComponent(UINT iComponent, IVssComponent** ppComponent) override;

 private:
  HRESULT Live(const char* call);

  writer::WriterComponents* const components_;
  const Guid instance_id_;
  const Guid writer_id_;
  const LeasePtr lease_;
};

}  // namespace vsssim::sdk

#endif  // VSSSIM_SDK_WRITER_WRITER_COMPONENTS_IMPL_H_
