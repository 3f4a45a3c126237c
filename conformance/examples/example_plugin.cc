// One example writer as a writer plug-in (vsssim/conformance/writer_plugin.h), for the plug-in
// route of the suite's self-test: built once per writer with
// -DVSSSIM_EXAMPLE_WRITER=<class name> -DVSSSIM_EXAMPLE_NAME=<writer name>.
#include "conformance/examples/broken_writers.h"
#include "conformance/examples/journal_broken_writers.h"
#include "conformance/examples/journal_writer.h"
#include "conformance/examples/tiny_store_writer.h"
#include "vsssim/conformance/writer_plugin.h"

#if !defined(VSSSIM_EXAMPLE_WRITER) || !defined(VSSSIM_EXAMPLE_NAME)
#error "build with -DVSSSIM_EXAMPLE_WRITER=<writer class> -DVSSSIM_EXAMPLE_NAME=<writer name>"
#endif
#define VSSSIM_EXAMPLE_STRING2(x) #x
#define VSSSIM_EXAMPLE_STRING(x) VSSSIM_EXAMPLE_STRING2(x)

VSSSIM_WRITER_PLUGIN_ABI_VERSION_FUNCTION()
VSSSIM_WRITER_PLUGIN_PROBE_FUNCTION()

extern "C" VSSSIM_PLUGIN_EXPORT vsssim::writer::Writer* vsssim_create_writer(
    vsssim::conformance::WriterContext* context) {
  return new vsssim::examples::VSSSIM_EXAMPLE_WRITER(*context,
                                                     VSSSIM_EXAMPLE_STRING(VSSSIM_EXAMPLE_NAME));
}

extern "C" VSSSIM_PLUGIN_EXPORT void vsssim_destroy_writer(vsssim::writer::Writer* writer) {
  delete writer;
}
