// A writer plug-in whose writer is also a WriterProbe and that exports vsssim_writer_probe
// (VSSSIM_WRITER_PLUGIN_PROBE_FUNCTION): the suite must see the probe through the proxy.
// Built with -fvisibility=hidden, where vsssim's own dynamic_cast may not find it.
#include "conformance/plugin/testing/minimal_writer.h"
#include "vsssim/conformance/writer_plugin.h"

namespace {

class ProbedWriter final : public vsssim::conformance::testing::MinimalWriter,
                           public vsssim::conformance::WriterProbe {
 public:
  using MinimalWriter::MinimalWriter;
  bool OnFreeze() override {
    frozen_ = true;
    return true;
  }
  bool OnAbort() override { return true; }  // never thaws: the probe must say so
  bool IsFrozen() const override { return frozen_; }
  std::string CheckConsistency() const override { return {}; }

 private:
  bool frozen_ = false;
};

}  // namespace

VSSSIM_WRITER_PLUGIN_ABI_VERSION_FUNCTION()
VSSSIM_WRITER_PLUGIN_PROBE_FUNCTION()

extern "C" VSSSIM_PLUGIN_EXPORT vsssim::writer::Writer* vsssim_create_writer(
    vsssim::conformance::WriterContext* context) {
  return new ProbedWriter(context);
}

extern "C" VSSSIM_PLUGIN_EXPORT void vsssim_destroy_writer(vsssim::writer::Writer* writer) {
  delete writer;
}
