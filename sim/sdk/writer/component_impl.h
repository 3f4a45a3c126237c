// IVssComponentEx2 (and so IVssComponentEx, IVssComponent) over one metadata::Component of the
// Backup Components Document, for a writer's handler (docs/sdk.md). The metadata layer checks
// the handler-placement matrix (WRT-CALL-*, BCD-WIN-*) and reports its findings; this object
// converts strings and out-parameters, and reports bad arguments (SIM-SDK-01).
//
// Thread safety: the handler's thread only.
#ifndef VSSSIM_SDK_WRITER_COMPONENT_IMPL_H_
#define VSSSIM_SDK_WRITER_COMPONENT_IMPL_H_

#include "sim/sdk/writer/handler_lease.h"
#include "vsssim/metadata/component.h"

#include "sim/sdk/common/com_object.h"  // last (sdk_api.h)

namespace vsssim::sdk {

// A new IVssComponentEx2 (count 1) over `component`, usable while `lease` is alive.
// REQUIRES: `component` lives while the lease is alive.
IVssComponentEx2* NewComponent(metadata::Component* component, LeasePtr lease);

}  // namespace vsssim::sdk

#endif  // VSSSIM_SDK_WRITER_COMPONENT_IMPL_H_
