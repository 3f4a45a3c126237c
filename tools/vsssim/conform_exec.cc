// `vsssim conform --writer-exec "CMD"`: the writer conformance suite on a writer process.
// Every check (test case) gets a fresh process, as it gets a fresh simulated world: the
// command is started for it (remote::SpawnedWriter) and ended with it, so no state leaks
// from one check into the next and a crash in one check cannot fail another.
#include <cctype>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <utility>

#include "tools/vsssim/conform_command.h"
#include "vsssim/runtime/time.h"

#if VSSSIM_HAVE_WRITER_SUITE && !defined(_WIN32)
#include <gtest/gtest.h>

#include <unistd.h>
#include "vsssim/conformance/writer_suite.h"

#include <filesystem>
#include <system_error>

#include "vsssim/remote/spawned_writer.h"
#include "vsssim/runtime/clock.h"
#include "vsssim/storage/host_directory.h"
#include "vsssim/storage/volume_manager.h"
#include "vsssim/writer/scripted_writer.h"
#endif

namespace vsssim::tools {

#if VSSSIM_HAVE_WRITER_SUITE && !defined(_WIN32)
namespace {

// The probe process (the hello before any check) gets host directories of its own for C: and
// D:, like every check's world (WriterSuiteOptions::host_volumes), so a writer that opens its
// files at start-up starts. Removed when the probe ends.
class ProbeVolumes {
 public:
  ProbeVolumes() : volumes_(clock_) {
    std::error_code ec;
    root_ = std::filesystem::temp_directory_path(ec) /
            ("vsssim-conform-probe-" + std::to_string(static_cast<long>(::getpid())));
    std::filesystem::remove_all(root_, ec);
    for (const char* letter : {"C", "D"}) {
      const std::filesystem::path dir = root_ / (std::string("volume-") + letter);
      std::filesystem::create_directories(dir, ec);
      storage::VolumeOptions v;
      v.name = std::string(letter) + ":";
      v.host_dir = dir.string();
      volumes_.CreateVolume(v);
    }
  }
  ~ProbeVolumes() {
    std::error_code ignored;
    std::filesystem::remove_all(root_, ignored);
  }
  ProbeVolumes(const ProbeVolumes&) = delete;
  ProbeVolumes& operator=(const ProbeVolumes&) = delete;
  std::string Environment() const { return storage::HostVolumesEnvironment(volumes_); }

 private:
  std::filesystem::path root_;
  runtime::Clock clock_;
  storage::VolumeManager volumes_;
};

}  // namespace
#endif

int RunConformExec(const ConformCommandOptions& options, std::ostream& err) {
  if (!options.name.empty() && !IsValidSuiteName(options.name)) {
    err << "--name " << options.name << ": use only letters, digits and '_'\n";
    return 2;
  }
#if defined(_WIN32)
  err << "--writer-exec: this vsssim was built for Windows, which cannot start writer "
         "processes; run the Linux vsssim (docs/serve.md)\n";
  return 2;
#elif !VSSSIM_HAVE_WRITER_SUITE
  err << "--writer-exec: this vsssim was built without the writer conformance suite "
      << "(configure with -DVSSSIM_BUILD_TESTS=ON)\n";
  return 2;
#else
  remote::SpawnOptions spawn;
  spawn.command = options.writer_exec;
  if (!options.writer_guard.empty()) {
    std::optional<runtime::Duration> d = runtime::ParseDuration(options.writer_guard);
    if (!d || d->count() <= 0) {
      err << "--writer-guard " << options.writer_guard
          << ": not a positive duration (e.g. '30s', '500ms')\n";
      return 2;
    }
    spawn.remote.guard = std::chrono::duration_cast<std::chrono::milliseconds>(*d);
  }
  conformance::WriterUnderTest writer;
  for (const auto& [text, target, flag] :
       {std::make_tuple(&options.warmup, &writer.options.warmup, "--warmup"),
        std::make_tuple(&options.between_steps, &writer.options.between_steps,
                        "--between-steps")}) {
    if (text->empty()) continue;
    std::optional<runtime::Duration> d = runtime::ParseDuration(*text);
    if (!d || d->count() < 0) {
      err << flag << " " << *text << ": not a duration (e.g. '2s', '250ms')\n";
      return 2;
    }
    *target = *d;
  }
  // Once up front: a command that cannot start or say hello is bad input (exit 2), not a
  // failure of every check; and its hello gives the default suite name.
  writer::WriterIdentity identity;
  {
    std::string error;
    const ProbeVolumes probe_volumes;
    remote::SpawnOptions probe = spawn;
    probe.env.emplace_back("VSSSIM_VOLUMES", probe_volumes.Environment());
    std::unique_ptr<remote::SpawnedWriter> first = remote::SpawnedWriter::Start(probe, &error);
    if (first == nullptr) {
      err << "--writer-exec \"" << options.writer_exec << "\": " << error << "\n";
      return 2;
    }
    identity = first->identity();
  }
  if (options.name.empty()) {  // the hello's writer name, [A-Za-z0-9_] only
    for (char c : identity.name) {
      writer.name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    }
    if (writer.name.empty()) writer.name = "Writer";
  } else {
    writer.name = options.name;
  }
  // Each check's C: and D: are host directories the process reads and writes (docs/storage.md);
  // VSSSIM_VOLUMES tells it where (docs/serve.md).
  writer.options.host_volumes = true;
  writer.create = [spawn,
                   identity](conformance::WriterContext& ctx) -> std::unique_ptr<writer::Writer> {
    std::string error;
    remote::SpawnOptions with_volumes = spawn;
    with_volumes.env.emplace_back("VSSSIM_VOLUMES", storage::HostVolumesEnvironment(ctx.volumes()));
    std::unique_ptr<remote::SpawnedWriter> w = remote::SpawnedWriter::Start(with_volumes, &error);
    if (w != nullptr) return w;
    // It started before: say why not now, and let the check run on a writer that never
    // answers (what VSS would see of it).
    ADD_FAILURE() << "--writer-exec \"" << spawn.command << "\": " << error;
    auto stand_in = std::make_unique<writer::ScriptedWriter>(identity);
    writer::ScriptedWriter::Behavior hang;
    hang.hang = true;
    for (int e = 0; e <= static_cast<int>(vss::WriterEvent::kPostRestore); ++e) {
      stand_in->On(static_cast<vss::WriterEvent>(e), hang);
    }
    return stand_in;
  };
  conformance::RegisterWriterSuite(std::move(writer));
  return RunRegisteredSuite(options.junit_file, options.filter, err);
#endif
}

}  // namespace vsssim::tools
