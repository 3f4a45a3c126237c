// A complete writer plug-in around MinimalWriter; it also exports how many of its writers are
// alive, so tests can see that vsssim_destroy_writer ran.
#include "conformance/plugin/testing/minimal_writer.h"
#include "vsssim/conformance/writer_plugin.h"

namespace {
int live_writers = 0;
}  // namespace

VSSSIM_WRITER_PLUGIN_ABI_VERSION_FUNCTION()

extern "C" VSSSIM_PLUGIN_EXPORT vsssim::writer::Writer* vsssim_create_writer(
    vsssim::conformance::WriterContext* context) {
  ++live_writers;
  return new vsssim::conformance::testing::MinimalWriter(context);
}

extern "C" VSSSIM_PLUGIN_EXPORT void vsssim_destroy_writer(vsssim::writer::Writer* writer) {
  --live_writers;
  delete writer;
}

extern "C" VSSSIM_PLUGIN_EXPORT int vsssim_test_live_writers(void) { return live_writers; }
