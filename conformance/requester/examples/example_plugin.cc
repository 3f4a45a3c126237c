// One example requester as a plug-in (requester_plugin.h): built once per example with
// VSSSIM_EXAMPLE_REQUESTER set to its name, and run by `vsssim conform --requester-plugin`.
#include "conformance/requester/examples/example_requesters.h"
#include "vsssim/conformance/requester_plugin.h"

#ifndef VSSSIM_EXAMPLE_REQUESTER
#error "define VSSSIM_EXAMPLE_REQUESTER to the example's name"
#endif

VSSSIM_REQUESTER_PLUGIN_ABI_VERSION_FUNCTION()

extern "C" VSSSIM_PLUGIN_EXPORT vsssim::conformance::BackupApplication* vsssim_create_requester(
    void) {
  return vsssim::conformance::examples::CreateExample(VSSSIM_EXAMPLE_REQUESTER).release();
}

extern "C" VSSSIM_PLUGIN_EXPORT void vsssim_destroy_requester(
    vsssim::conformance::BackupApplication* application) {
  delete application;
}
