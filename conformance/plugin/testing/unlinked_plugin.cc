// A plug-in built with vsssim's headers but without its libraries (CMake: no
// vsssim::writer_plugin in target_link_libraries): loading it fails on the first vsssim symbol,
// and vsssim conform must say what to link instead of printing a bare mangled name.
#include "conformance/plugin/testing/minimal_writer.h"
#include "vsssim/conformance/writer_plugin.h"

VSSSIM_WRITER_PLUGIN_ABI_VERSION_FUNCTION()

extern "C" VSSSIM_PLUGIN_EXPORT vsssim::writer::Writer* vsssim_create_writer(
    vsssim::conformance::WriterContext* context) {
  return new vsssim::conformance::testing::MinimalWriter(context);
}

extern "C" VSSSIM_PLUGIN_EXPORT void vsssim_destroy_writer(vsssim::writer::Writer* writer) {
  delete writer;
}
