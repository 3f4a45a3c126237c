// The writer plug-in ABI (vsssim/conformance/writer_plugin.h) for NotesWriter:
//   vsssim conform --writer-plugin libnotes_writer_plugin.so --junit report.xml
#include "notes_writer.h"
#include "vsssim/conformance/writer_plugin.h"

VSSSIM_WRITER_PLUGIN_ABI_VERSION_FUNCTION()

extern "C" VSSSIM_PLUGIN_EXPORT vsssim::writer::Writer* vsssim_create_writer(
    vsssim::conformance::WriterContext* context) {
  return new notes::NotesWriter(*context);
}

extern "C" VSSSIM_PLUGIN_EXPORT void vsssim_destroy_writer(vsssim::writer::Writer* writer) {
  delete writer;
}
