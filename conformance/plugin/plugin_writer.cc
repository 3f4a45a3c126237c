#include "conformance/plugin/plugin_writer.h"

#include <utility>

namespace vsssim::conformance {
namespace {

// Attaches `host` to `writer` for one handler call; detaches on every way out.
class HostAttachment {
 public:
  HostAttachment(writer::Writer& writer, writer::EventHost* host) : writer_(writer) {
    writer_.AttachHost(host);
  }
  ~HostAttachment() { writer_.AttachHost(nullptr); }
  HostAttachment(const HostAttachment&) = delete;
  HostAttachment& operator=(const HostAttachment&) = delete;

 private:
  writer::Writer& writer_;
};

}  // namespace

PluginWriter::PluginWriter(writer::Writer* inner, plugin_abi::DestroyWriterFunction destroy,
                           std::shared_ptr<const void> library,
                           plugin_abi::WriterProbeFunction probe)
    : writer::Writer(inner->identity()),
      inner_(inner),
      destroy_(destroy),
      library_(std::move(library)),
      // The plug-in's own cast first (its type information); the fallback may fail across the
      // library boundary, and then the suite looks without a probe or skips.
      probe_(probe != nullptr ? probe(inner) : FindWriterProbe(*inner)) {
  // Simulation state the plug-in's writer set up in its constructor (WRT-SEQ-11).
  SetHostingService(inner->hosting_service());
}

PluginWriter::~PluginWriter() { destroy_(inner_); }

template <typename Handler>
bool PluginWriter::Forward(Handler handler) {
  HostAttachment attachment(*inner_, host());
  return handler(*inner_);
}

bool PluginWriter::OnIdentify(metadata::CreateWriterMetadata& metadata) {
  return Forward([&](writer::Writer& w) { return w.OnIdentify(metadata); });
}
bool PluginWriter::OnPrepareBackup(writer::WriterComponents* components) {
  return Forward([&](writer::Writer& w) { return w.OnPrepareBackup(components); });
}
bool PluginWriter::OnPrepareSnapshot() {
  return Forward([](writer::Writer& w) { return w.OnPrepareSnapshot(); });
}
bool PluginWriter::OnFreeze() {
  return Forward([](writer::Writer& w) { return w.OnFreeze(); });
}
bool PluginWriter::OnThaw() {
  return Forward([](writer::Writer& w) { return w.OnThaw(); });
}
bool PluginWriter::OnPostSnapshot(writer::WriterComponents* components) {
  return Forward([&](writer::Writer& w) { return w.OnPostSnapshot(components); });
}
bool PluginWriter::OnAbort() {
  return Forward([](writer::Writer& w) { return w.OnAbort(); });
}
bool PluginWriter::OnBackupComplete(writer::WriterComponents* components) {
  return Forward([&](writer::Writer& w) { return w.OnBackupComplete(components); });
}
bool PluginWriter::OnBackupShutdown(const Guid& snapshot_set_id) {
  return Forward([&](writer::Writer& w) { return w.OnBackupShutdown(snapshot_set_id); });
}
bool PluginWriter::OnPreRestore(writer::WriterComponents* components) {
  return Forward([&](writer::Writer& w) { return w.OnPreRestore(components); });
}
bool PluginWriter::OnPostRestore(writer::WriterComponents* components) {
  return Forward([&](writer::Writer& w) { return w.OnPostRestore(components); });
}

}  // namespace vsssim::conformance
