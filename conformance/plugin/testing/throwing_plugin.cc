// A writer plug-in whose writer throws from OnThaw: `vsssim conform` must exit 1 (WRT-RET-02).
#include "conformance/plugin/testing/minimal_writer.h"
#include "vsssim/conformance/writer_plugin.h"

VSSSIM_WRITER_PLUGIN_ABI_VERSION_FUNCTION()

extern "C" VSSSIM_PLUGIN_EXPORT vsssim::writer::Writer* vsssim_create_writer(
    vsssim::conformance::WriterContext* context) {
  return new vsssim::conformance::testing::MinimalWriter(context, /*throw_in_thaw=*/true);
}

extern "C" VSSSIM_PLUGIN_EXPORT void vsssim_destroy_writer(vsssim::writer::Writer* writer) {
  delete writer;
}
