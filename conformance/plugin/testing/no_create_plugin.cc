// A plug-in that forgot vsssim_create_writer and vsssim_destroy_writer: refused (exit 2).
#include "vsssim/conformance/writer_plugin.h"

VSSSIM_WRITER_PLUGIN_ABI_VERSION_FUNCTION()
