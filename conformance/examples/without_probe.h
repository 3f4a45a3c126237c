// WithoutProbe<W>: writer W as the suite sees a writer that offers no WriterProbe (a plug-in
// without vsssim_writer_probe, a writer that does not derive from WriterProbe). It forwards
// every handler to W with the host attached, and hides W's probe, so the self-test shows the
// abort checks' probe-free look at work ("the application writes again after OnAbort").
//
// Thread safety: as W.
#ifndef VSSSIM_CONFORMANCE_EXAMPLES_WITHOUT_PROBE_H_
#define VSSSIM_CONFORMANCE_EXAMPLES_WITHOUT_PROBE_H_

#include <memory>
#include <string>
#include <utility>

#include "vsssim/writer/writer.h"

namespace vsssim::examples {

template <class W>
class WithoutProbe final : public writer::Writer {
 public:
  template <typename... Args>
  explicit WithoutProbe(Args&&... args)
      : WithoutProbe(std::make_unique<W>(std::forward<Args>(args)...)) {}

  bool OnIdentify(metadata::CreateWriterMetadata& m) override {
    return Forward([&] { return inner_->OnIdentify(m); });
  }
  bool OnPrepareBackup(writer::WriterComponents* c) override {
    return Forward([&] { return inner_->OnPrepareBackup(c); });
  }
  bool OnPrepareSnapshot() override {
    return Forward([&] { return inner_->OnPrepareSnapshot(); });
  }
  bool OnFreeze() override {
    return Forward([&] { return inner_->OnFreeze(); });
  }
  bool OnThaw() override {
    return Forward([&] { return inner_->OnThaw(); });
  }
  bool OnPostSnapshot(writer::WriterComponents* c) override {
    return Forward([&] { return inner_->OnPostSnapshot(c); });
  }
  bool OnAbort() override {
    return Forward([&] { return inner_->OnAbort(); });
  }
  bool OnBackupComplete(writer::WriterComponents* c) override {
    return Forward([&] { return inner_->OnBackupComplete(c); });
  }
  bool OnBackupShutdown(const Guid& set) override {
    return Forward([&] { return inner_->OnBackupShutdown(set); });
  }
  bool OnPreRestore(writer::WriterComponents* c) override {
    return Forward([&] { return inner_->OnPreRestore(c); });
  }
  bool OnPostRestore(writer::WriterComponents* c) override {
    return Forward([&] { return inner_->OnPostRestore(c); });
  }

 private:
  explicit WithoutProbe(std::unique_ptr<W> inner)
      : writer::Writer(inner->identity()), inner_(std::move(inner)) {}

  template <typename Handler>
  bool Forward(Handler handler) {
    inner_->AttachHost(host());
    struct Detach {
      writer::Writer& w;
      ~Detach() { w.AttachHost(nullptr); }
    } detach{*inner_};
    return handler();
  }

  std::unique_ptr<W> inner_;
};

}  // namespace vsssim::examples

#endif  // VSSSIM_CONFORMANCE_EXAMPLES_WITHOUT_PROBE_H_
