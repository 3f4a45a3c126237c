#include "conformance_app.h"

#include <cstdint>
#include <string>
#include <vector>

#include "vshadow_lite.h"  // last: the SDK's headers define S_OK, ... as macros

namespace vshadow_lite {

std::unique_ptr<vsssim::conformance::BackupApplication> MakeConformanceApplication() {
  return vsssim::conformance::MakeSdkBackupApplication(
      {[](const std::vector<std::wstring>& volumes, std::wstring* bcd_xml) -> std::int32_t {
         return Backup(volumes, bcd_xml, nullptr);
       },
       [](const std::wstring& bcd_xml) -> std::int32_t { return Restore(bcd_xml, nullptr); }});
}

}  // namespace vshadow_lite
