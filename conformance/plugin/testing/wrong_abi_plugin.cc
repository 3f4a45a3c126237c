// A plug-in built against a future ABI: the loader must refuse it (exit 2), not call it.
#include "conformance/plugin/testing/minimal_writer.h"
#include "vsssim/conformance/writer_plugin.h"

extern "C" VSSSIM_PLUGIN_EXPORT int vsssim_writer_plugin_abi_version(void) { return 99; }

extern "C" VSSSIM_PLUGIN_EXPORT vsssim::writer::Writer* vsssim_create_writer(
    vsssim::conformance::WriterContext* /*context*/) {
  return new vsssim::conformance::testing::MinimalWriter(nullptr);
}

extern "C" VSSSIM_PLUGIN_EXPORT void vsssim_destroy_writer(vsssim::writer::Writer* writer) {
  delete writer;
}
