// The COM objects the requester side hands out but shares with the writer side
// (sim/sdk/common/, sim/sdk/writer/): IVssWMFiledesc and IVssWMDependency of a writer's
// metadata, and IVssComponent, the view of a BCD component (GetWriterComponents).
//
// Thread safety: callers hold sdk::ServiceLock().
#ifndef VSSSIM_SDK_REQUESTER_WM_OBJECTS_H_
#define VSSSIM_SDK_REQUESTER_WM_OBJECTS_H_

#include "vsssim/metadata/component.h"
#include "vsssim/metadata/examine_writer_metadata.h"

#include "sim/sdk/requester/com_object.h"  // last (sim/sdk/common/sdk_api.h)
#include "sim/sdk/writer/handler_lease.h"

namespace vsssim::sdk::requester {

// New objects with one reference, owned by the caller.
IVssWMFiledesc* NewWMFiledesc(const metadata::WMFiledesc& file);
IVssWMDependency* NewWMDependency(const metadata::WMDependency& dependency);
// `component` is the coordinator's, alive while `lease` is (until the requester's release).
IVssComponent* NewComponent(metadata::Component* component, const LeasePtr& lease);

}  // namespace vsssim::sdk::requester

#endif  // VSSSIM_SDK_REQUESTER_WM_OBJECTS_H_
