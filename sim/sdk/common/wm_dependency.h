// IVssWMDependency over one component dependency of a writer's metadata (SEL-11): a
// reference-counted copy. Shared by the writer and requester sides.
//
// Thread safety: immutable after creation; the count is atomic.
#ifndef VSSSIM_SDK_COMMON_WM_DEPENDENCY_H_
#define VSSSIM_SDK_COMMON_WM_DEPENDENCY_H_

#include <string>

#include "vsssim/vss/guid.h"

#include "sim/sdk/common/com_object.h"  // last (sdk_api.h)

namespace vsssim::sdk {

struct DependencyData {
  Guid writer_id;
  std::string logical_path;
  std::string component_name;
};

// A new IVssWMDependency (count 1) holding `data`; `actor` names the caller in findings.
IVssWMDependency* NewWmDependency(DependencyData data, std::string actor);

}  // namespace vsssim::sdk

#endif  // VSSSIM_SDK_COMMON_WM_DEPENDENCY_H_
