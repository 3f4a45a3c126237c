// IVssWMFiledesc over one file set of the simulator (a metadata::FileSpec, an alternate
// location mapping or a new target): a reference-counted copy, so it stays valid as long as
// the caller holds it. Used by IVssComponent (writer side) and by IVssWMComponent /
// IVssExamineWriterMetadata (requester side).
//
// Thread safety: immutable after creation; the count is atomic.
#ifndef VSSSIM_SDK_COMMON_WM_FILEDESC_H_
#define VSSSIM_SDK_COMMON_WM_FILEDESC_H_

#include <cstdint>
#include <string>

#include "sim/sdk/common/com_object.h"  // last (sdk_api.h)

namespace vsssim::sdk {

struct FiledescData {
  std::string path;
  std::string filespec;
  bool recursive = false;
  std::string alternate_location;  // empty: none (GetAlternateLocation gives S_FALSE)
  std::uint32_t backup_type_mask = 0;
};

// A new IVssWMFiledesc (count 1) holding `data`; `actor` names the caller in findings.
IVssWMFiledesc* NewWmFiledesc(FiledescData data, std::string actor);

}  // namespace vsssim::sdk

#endif  // VSSSIM_SDK_COMMON_WM_FILEDESC_H_
