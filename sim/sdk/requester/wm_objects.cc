#include "sim/sdk/requester/wm_objects.h"

#include <string>
#include <utility>

#include "sim/sdk/common/wm_dependency.h"
#include "sim/sdk/common/wm_filedesc.h"
#include "sim/sdk/writer/component_impl.h"

namespace vsssim::sdk::requester {

IVssWMFiledesc* NewWMFiledesc(const metadata::WMFiledesc& file) {
  FiledescData data;
  file.GetPath(&data.path);
  file.GetFilespec(&data.filespec);
  file.GetRecursive(&data.recursive);
  file.GetAlternateLocation(&data.alternate_location);  // S_FALSE and "" when none
  vss::FileSpecBackupType mask{};
  file.GetBackupTypeMask(&mask);
  data.backup_type_mask = static_cast<std::uint32_t>(mask);
  return NewWmFiledesc(std::move(data), "requester");
}

IVssWMDependency* NewWMDependency(const metadata::WMDependency& dependency) {
  DependencyData data;
  dependency.GetWriterId(&data.writer_id);
  dependency.GetLogicalPath(&data.logical_path);
  dependency.GetComponentName(&data.component_name);
  return NewWmDependency(std::move(data), "requester");
}

IVssComponent* NewComponent(metadata::Component* component, const LeasePtr& lease) {
  return sdk::NewComponent(component, lease);
}

}  // namespace vsssim::sdk::requester
