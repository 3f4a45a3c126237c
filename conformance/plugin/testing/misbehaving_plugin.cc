// Writer plug-ins that take vsssim's process down with them (issue #23 item 5), built once per
// way of doing it (VSSSIM_MISBEHAVE): "abort" calls abort() in OnFreeze, "exit" calls exit(0)
// in OnFreeze (a false pass, were the suite in the same process), "loop" never returns from
// OnFreeze, "load" aborts while the library is loaded. `vsssim conform` runs each check in a
// process of its own, so each is a failed check (WRT-TIME-05) and the report is still written;
// "load" leaves no check to run (exit 2).
#include <cstdlib>
#include <cstring>

#include "conformance/plugin/testing/minimal_writer.h"
#include "vsssim/conformance/writer_plugin.h"

namespace {

constexpr const char* kMisbehave = VSSSIM_MISBEHAVE;

bool Is(const char* what) { return std::strcmp(kMisbehave, what) == 0; }

class MisbehavingWriter : public vsssim::conformance::testing::MinimalWriter {
 public:
  using MinimalWriter::MinimalWriter;
  bool OnFreeze() override {
    if (Is("abort")) std::abort();
    if (Is("exit")) std::exit(0);
    if (Is("loop")) {
      volatile bool forever = true;
      while (forever) {
      }
    }
    return true;
  }
};

// "load": the library's own initialisation fails before any writer exists.
const bool kLoaded = Is("load") ? (std::abort(), false) : true;

}  // namespace

VSSSIM_WRITER_PLUGIN_ABI_VERSION_FUNCTION()

extern "C" VSSSIM_PLUGIN_EXPORT vsssim::writer::Writer* vsssim_create_writer(
    vsssim::conformance::WriterContext* context) {
  return kLoaded ? new MisbehavingWriter(context) : nullptr;
}

extern "C" VSSSIM_PLUGIN_EXPORT void vsssim_destroy_writer(vsssim::writer::Writer* writer) {
  delete writer;
}
