// The COM objects the requester side hands out but the writer side owns (sim/sdk/common/):
// IVssWMFiledesc, IVssWMDependency (shared with IVssCreateWriterMetadata's world) and
// IVssComponent (the requester's view of a BCD component, GetWriterComponents).
//
// Thread safety: callers hold sdk::ServiceLock().
#ifndef VSSSIM_SDK_REQUESTER_WM_OBJECTS_H_
#define VSSSIM_SDK_REQUESTER_WM_OBJECTS_H_

#include "vsssim/metadata/component.h"
#include "vsssim/metadata/examine_writer_metadata.h"

#include "sim/sdk/requester/com_object.h"

namespace vsssim::sdk::requester {

// New objects with one reference, owned by the caller.
IVssWMFiledesc* NewWMFiledesc(const metadata::WMFiledesc& file);
IVssWMDependency* NewWMDependency(const metadata::WMDependency& dependency);
// `component` stays owned by the coordinator; `owner` is kept referenced while the object
// lives (the IVssWriterComponentsExt that handed it out).
IVssComponent* NewComponent(metadata::Component* component, IUnknown* owner);

}  // namespace vsssim::sdk::requester

#endif  // VSSSIM_SDK_REQUESTER_WM_OBJECTS_H_
