// vshadow-lite as a requester plug-in: `vsssim conform --requester-plugin
// libvshadow_lite_plugin.so` runs the requester conformance suite over it.
#include "conformance_app.h"
#include "vsssim/conformance/requester_plugin.h"

VSSSIM_REQUESTER_PLUGIN_ABI_VERSION_FUNCTION()

extern "C" VSSSIM_PLUGIN_EXPORT vsssim::conformance::BackupApplication* vsssim_create_requester(
    void) {
  return vshadow_lite::MakeConformanceApplication().release();
}

extern "C" VSSSIM_PLUGIN_EXPORT void vsssim_destroy_requester(
    vsssim::conformance::BackupApplication* application) {
  delete application;
}
