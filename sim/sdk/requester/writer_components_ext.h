// IVssWriterComponentsExt over the coordinator's WriterComponentsExt (REQ-CALL-25): what
// GetWriterComponents hands out. Its IVssComponent objects are the writer side's
// (sim/sdk/writer/component_impl.h), over the coordinator's requester view of each BCD
// component, which judges the requester's calls itself (BCD-WIN-05: writer-only setters give
// VSS_E_BAD_STATE). They stay usable until the IVssBackupComponents is released; after that
// they answer VSS_E_BAD_STATE with a SIM-SDK-01 finding (the lease).
//
// A C++ interface that counts references ("IVssWriterComponentsExt": "inherits from
// IVssWriterComponents and IUnknown"); it keeps the IVssBackupComponents that made it
// referenced, since the coordinator's object lives as long as that requester. Stale objects
// (after the next event-generating call) answer as the coordinator's do: VSS_E_BAD_STATE.
//
// Thread safety: every method takes sdk::ServiceLock().
#ifndef VSSSIM_SDK_REQUESTER_WRITER_COMPONENTS_EXT_H_
#define VSSSIM_SDK_REQUESTER_WRITER_COMPONENTS_EXT_H_

#include "sim/sdk/service.h"
#include "vsssim/coordinator/writer_components_ext.h"
#include "vsssim/metadata/component.h"

#include "sim/sdk/requester/com_object.h"
#include "sim/sdk/writer/handler_lease.h"

namespace vsssim::sdk::requester {

// Microsoft's vsbackup.h declares IVssWriterComponentsExt as deriving from IVssWriterComponents
// and IUnknown ("IVssWriterComponentsExt interface": "inherits from IVssWriterComponents and
// IUnknown"); mingw-w64's declares the first base only. On Windows the object takes IUnknown as
// its second base itself, so its layout is the SDK's — IVssWriterComponents' vtable, then
// IUnknown's — and a requester built with Microsoft's headers releases it through the IUnknown
// it expects (ci/test-windows.sh runs one).
#if defined(_WIN32)
struct SdkWriterComponentsExt : public IVssWriterComponentsExt, public IUnknown {};
#else
using SdkWriterComponentsExt = IVssWriterComponentsExt;
#endif

class WriterComponentsExt final : public SdkWriterComponentsExt {
 public:
  // `components` lives while `lease` is alive: the IVssBackupComponents it came from ends the
  // lease at its release (then every call answers VSS_E_BAD_STATE, as do the IVssComponent
  // objects handed out, which hold the lease too). This object holds no reference on that
  // IVssBackupComponents: a requester that cannot release this one (code built against
  // mingw-w64's header, which declares it without IUnknown) still releases its requester.
  WriterComponentsExt(coordinator::WriterComponentsExt* components, LeasePtr lease);

  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID iid, void** object) override;
  ULONG STDMETHODCALLTYPE AddRef() override;
  ULONG STDMETHODCALLTYPE Release() override;

  HRESULT STDMETHODCALLTYPE GetComponentCount(UINT* pcComponents) override;
  HRESULT STDMETHODCALLTYPE GetWriterInfo(VSS_ID* pidInstance, VSS_ID* pidWriter) override;
  HRESULT STDMETHODCALLTYPE GetComponent(UINT iComponent, IVssComponent** ppComponent) override;

 private:
  ~WriterComponentsExt();
  HRESULT Live(const char* call);

  RefCount refs_;
  coordinator::WriterComponentsExt* components_;
  LeasePtr lease_;
};

}  // namespace vsssim::sdk::requester

#endif  // VSSSIM_SDK_REQUESTER_WRITER_COMPONENTS_EXT_H_
