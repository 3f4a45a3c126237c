// The sample database writer as a plug-in for `vsssim conform --writer-plugin`
// (vsssim/conformance/sdk_writer.h). VSSSIM_SDK_WRITER_FACTORY picks the writer (build definition).
#include "vsssim/conformance/sdk_writer.h"
#include "vsssim/conformance/writer_plugin.h"

#include "sdk_writer_factories.h"  // after vsssim's headers (its SDK macros)

VSSSIM_SDK_WRITER_PLUGIN(VSSSIM_SDK_WRITER_FACTORY)
