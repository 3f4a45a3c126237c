// The writer the suite sees for a plug-in's writer: it forwards every handler to the writer that
// vsssim_create_writer returned and gives it back to vsssim_destroy_writer when destroyed, so
// that the plug-in's own allocator frees what it allocated.
//
// The coordinator attaches its EventHost to this proxy for the duration of a handler; the proxy
// attaches the same host to the plug-in's writer for exactly that duration (and detaches it
// afterwards, also when the handler throws), so the plug-in's getters, SetWriterFailure and
// thread checks (WRT-THREAD-01) see what a directly linked writer would see.
//
// The proxy's identity and hosting service are the plug-in writer's, copied at construction.
// It names the plug-in writer's WriterProbe (WriterProbeSource): the one the plug-in's optional
// vsssim_writer_probe returns, else a dynamic_cast here, else none.
//
// Thread safety: as writer::Writer (handlers on the simulator thread).
#ifndef VSSSIM_CONFORMANCE_PLUGIN_PLUGIN_WRITER_H_
#define VSSSIM_CONFORMANCE_PLUGIN_PLUGIN_WRITER_H_

#include <memory>

#include "vsssim/conformance/writer_plugin.h"
#include "vsssim/writer/writer.h"

namespace vsssim::conformance {

class PluginWriter : public writer::Writer, public WriterProbeSource {
 public:
  // Takes ownership of `inner`, freed with `destroy`. `library` keeps the plug-in loaded until
  // then. `probe` is the plug-in's vsssim_writer_probe (may be null).
  // REQUIRES: inner != nullptr, destroy != nullptr.
  PluginWriter(writer::Writer* inner, plugin_abi::DestroyWriterFunction destroy,
               std::shared_ptr<const void> library,
               plugin_abi::WriterProbeFunction probe = nullptr);

  // WriterProbeSource.
  const WriterProbe* probe() const override { return probe_; }
  ~PluginWriter() override;

  bool OnIdentify(metadata::CreateWriterMetadata& metadata) override;
  bool OnPrepareBackup(writer::WriterComponents* components) override;
  bool OnPrepareSnapshot() override;
  bool OnFreeze() override;
  bool OnThaw() override;
  bool OnPostSnapshot(writer::WriterComponents* components) override;
  bool OnAbort() override;
  bool OnBackupComplete(writer::WriterComponents* components) override;
  bool OnBackupShutdown(const Guid& snapshot_set_id) override;
  bool OnPreRestore(writer::WriterComponents* components) override;
  bool OnPostRestore(writer::WriterComponents* components) override;

 private:
  // Runs `handler` on the inner writer with this proxy's host attached to it.
  template <typename Handler>
  bool Forward(Handler handler);

  writer::Writer* inner_;
  plugin_abi::DestroyWriterFunction destroy_;
  std::shared_ptr<const void> library_;
  const WriterProbe* probe_ = nullptr;
};

}  // namespace vsssim::conformance

#endif  // VSSSIM_CONFORMANCE_PLUGIN_PLUGIN_WRITER_H_
