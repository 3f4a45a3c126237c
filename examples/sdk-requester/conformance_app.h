// vshadow-lite's backup and restore as the requester conformance suite's application (test
// harness, not part of the example): quiet (no log), C:\ and whatever else the suite asks for.
#ifndef VSHADOW_LITE_CONFORMANCE_APP_H_
#define VSHADOW_LITE_CONFORMANCE_APP_H_

#include <memory>

#include "vsssim/conformance/sdk_requester.h"

namespace vshadow_lite {

std::unique_ptr<vsssim::conformance::BackupApplication> MakeConformanceApplication();

}  // namespace vshadow_lite

#endif  // VSHADOW_LITE_CONFORMANCE_APP_H_
