// vssapi.dll (sim/sdk/vssapi/CMakeLists.txt): the exports vssapi.def names are defined in the
// static vsssim_sdk library; this table makes the linker take their objects into the DLL.
#include "sim/sdk/common/sdk_api.h"
// clang-format off
#include <vsbackup.h>
// clang-format on

namespace {

[[maybe_unused]] const void* const kExports[] = {
    reinterpret_cast<const void*>(&CreateVssBackupComponentsInternal),
    reinterpret_cast<const void*>(&CreateVssExamineWriterMetadataInternal),
    reinterpret_cast<const void*>(&VssFreeSnapshotPropertiesInternal),
    reinterpret_cast<const void*>(&IsVolumeSnapshottedInternal),
    reinterpret_cast<const void*>(&ShouldBlockRevertInternal),
    reinterpret_cast<const void*>(&GetProviderMgmtInterfaceInternal),
};

}  // namespace
