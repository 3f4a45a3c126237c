#include "conformance/writer/timed_writer.h"

#include <chrono>
#include <utility>

namespace vsssim::conformance {
namespace {

// Attaches the host and starts the wall clock for one handler; on every way out (also an
// exception, which the coordinator reports as WRT-RET-02) detaches and reports the time.
class Measured {
 public:
  Measured(writer::Writer& inner, writer::EventHost* host, std::string_view event,
           const TimedWriter::OnHandler& done)
      // wall-clock-ok: the handler's real time is what is measured; never fed to the clock.
      : inner_(inner), event_(event), done_(done), start_(std::chrono::steady_clock::now()) {
    inner_.AttachHost(host);
  }
  ~Measured() {
    inner_.AttachHost(nullptr);
    if (done_) done_(event_, std::chrono::steady_clock::now() - start_);  // wall-clock-ok
  }
  Measured(const Measured&) = delete;
  Measured& operator=(const Measured&) = delete;

 private:
  writer::Writer& inner_;
  std::string_view event_;
  const TimedWriter::OnHandler& done_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace

TimedWriter::TimedWriter(std::unique_ptr<writer::Writer> inner, OnHandler on_handler)
    : writer::Writer(inner->identity()),
      inner_(std::move(inner)),
      on_handler_(std::move(on_handler)) {
  SetHostingService(inner_->hosting_service());  // WRT-SEQ-11
}

template <typename Handler>
bool TimedWriter::Forward(std::string_view event, Handler handler) {
  Measured measured(*inner_, host(), event, on_handler_);
  return handler(*inner_);
}

bool TimedWriter::OnIdentify(metadata::CreateWriterMetadata& metadata) {
  return Forward("OnIdentify", [&](writer::Writer& w) { return w.OnIdentify(metadata); });
}
bool TimedWriter::OnPrepareBackup(writer::WriterComponents* components) {
  return Forward("OnPrepareBackup",
                 [&](writer::Writer& w) { return w.OnPrepareBackup(components); });
}
bool TimedWriter::OnPrepareSnapshot() {
  return Forward("OnPrepareSnapshot", [](writer::Writer& w) { return w.OnPrepareSnapshot(); });
}
bool TimedWriter::OnFreeze() {
  return Forward("OnFreeze", [](writer::Writer& w) { return w.OnFreeze(); });
}
bool TimedWriter::OnThaw() {
  return Forward("OnThaw", [](writer::Writer& w) { return w.OnThaw(); });
}
bool TimedWriter::OnPostSnapshot(writer::WriterComponents* components) {
  return Forward("OnPostSnapshot", [&](writer::Writer& w) { return w.OnPostSnapshot(components); });
}
bool TimedWriter::OnAbort() {
  return Forward("OnAbort", [](writer::Writer& w) { return w.OnAbort(); });
}
bool TimedWriter::OnBackupComplete(writer::WriterComponents* components) {
  return Forward("OnBackupComplete",
                 [&](writer::Writer& w) { return w.OnBackupComplete(components); });
}
bool TimedWriter::OnBackupShutdown(const Guid& snapshot_set_id) {
  return Forward("OnBackupShutdown",
                 [&](writer::Writer& w) { return w.OnBackupShutdown(snapshot_set_id); });
}
bool TimedWriter::OnPreRestore(writer::WriterComponents* components) {
  return Forward("OnPreRestore", [&](writer::Writer& w) { return w.OnPreRestore(components); });
}
bool TimedWriter::OnPostRestore(writer::WriterComponents* components) {
  return Forward("OnPostRestore", [&](writer::Writer& w) { return w.OnPostRestore(components); });
}

}  // namespace vsssim::conformance
