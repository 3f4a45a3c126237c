// TimedWriter: the writer the coordinator of a World talks to. It forwards every handler to
// the writer under test (attaching the coordinator's EventHost to it for exactly that call, as
// the plug-in proxy does) and measures the handler's wall time with std::chrono::steady_clock
// (docs/conformance.md, "Wall time"). It names the forwarded-to writer's probe
// (WriterProbeSource), so wrapping hides nothing from the checks.
//
// Thread safety: as writer::Writer (handlers on the simulator thread).
#ifndef VSSSIM_CONFORMANCE_WRITER_TIMED_WRITER_H_
#define VSSSIM_CONFORMANCE_WRITER_TIMED_WRITER_H_

#include <functional>
#include <memory>
#include <string_view>

#include "conformance/writer/wall_times.h"
#include "vsssim/conformance/writer_suite.h"
#include "vsssim/writer/writer.h"

namespace vsssim::conformance {

class TimedWriter final : public writer::Writer, public WriterProbeSource {
 public:
  // Called after each handler returned (or threw) with its name ("OnFreeze") and wall time.
  using OnHandler = std::function<void(std::string_view handler, WallDuration wall)>;

  // REQUIRES: inner != nullptr.
  TimedWriter(std::unique_ptr<writer::Writer> inner, OnHandler on_handler);

  writer::Writer& inner() { return *inner_; }

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

  // WriterProbeSource.
  const WriterProbe* probe() const override { return FindWriterProbe(*inner_); }

 private:
  template <typename Handler>
  bool Forward(std::string_view event, Handler handler);

  std::unique_ptr<writer::Writer> inner_;
  OnHandler on_handler_;
};

}  // namespace vsssim::conformance

#endif  // VSSSIM_CONFORMANCE_WRITER_TIMED_WRITER_H_
