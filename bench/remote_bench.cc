// Benchmarks of writers in their own processes (docs/wire-protocol.md): one event round trip
// (event -> reply, the RemoteWriter's OnFreeze) over a Unix socket and over TCP loopback, and
// the 3-writer backup lifecycle (Identify -> BackupShutdown, as coordinator_bench's
// BM_BackupLifecycle) with the writers in vsssim-writer-host processes against the same
// lifecycle with the writers linked in, in the same run. Goal (issue #17): <= 2 ms per 3-writer
// lifecycle over a Unix socket. Figures go in closing notes, never into test assertions.
#include <benchmark/benchmark.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <memory>
#include <string>
#include <vector>

#include "sim/coordinator/test_harness.h"
#include "sim/remote/testing/fixed_host.h"
#include "vsssim/remote/remote_writer.h"

extern char** environ;

namespace vsssim::remote {
namespace {

using coordinator::testing::BackupDriver;
using coordinator::testing::Harness;

// A listener and N vsssim-writer-host processes (scripted writers W0..W(N-1)) connected to it.
class Writers {
 public:
  Writers(const std::string& transport, int n) {
    char tmpl[] = "/tmp/vsssim-bench-XXXXXX";
    dir_ = mkdtemp(tmpl);
    const std::string text = transport == "unix" ? "unix:" + dir_ + "/s" : "tcp:127.0.0.1:0";
    const std::string token = NewToken();
    std::string error;
    listener_ = WriterListener::Listen(*ParseAddress(text, nullptr), token, {}, &error);
    if (listener_ == nullptr) return;
    const std::string address = ToString(listener_->address());
    for (int i = 0; i < n; ++i) {
      char class_id[64];
      std::snprintf(class_id, sizeof class_id, "6d6b7f2e-0000-4000-8000-%012d", i + 1);
      std::vector<std::string> args = {
          VSSSIM_WRITER_HOST,      "--address",  address, "--token", token, "--scripted",
          "W" + std::to_string(i), "--class-id", class_id};
      std::vector<char*> argv;
      for (std::string& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      pid_t pid = 0;
      if (posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0) return;
      pids_.push_back(pid);
      std::unique_ptr<RemoteWriter> w = listener_->Accept(std::chrono::seconds(20), nullptr);
      if (w == nullptr) return;
      writers_.push_back(std::move(w));
    }
  }
  ~Writers() {
    for (auto& w : writers_) w->Shutdown();
    for (pid_t pid : pids_) waitpid(pid, nullptr, 0);
    listener_.reset();
    rmdir(dir_.c_str());
  }
  bool ok(int n) const { return static_cast<int>(writers_.size()) == n; }
  RemoteWriter& at(int i) { return *writers_[static_cast<std::size_t>(i)]; }

 private:
  std::string dir_;
  std::unique_ptr<WriterListener> listener_;
  std::vector<pid_t> pids_;
  std::vector<std::unique_ptr<RemoteWriter>> writers_;
};

// One Freeze event to a writer process and its reply.
void BM_RemoteEventRoundTrip(benchmark::State& state, const char* transport) {
  Writers writers(transport, 1);
  if (!writers.ok(1)) return state.SkipWithError("could not start vsssim-writer-host");
  remote::testing::FixedEventHost host;
  RemoteWriter& w = writers.at(0);
  w.AttachHost(&host);
  for (auto _ : state) benchmark::DoNotOptimize(w.OnFreeze());
  w.AttachHost(nullptr);
  if (!w.connected()) state.SkipWithError(w.disconnect_reason().c_str());
}
BENCHMARK_CAPTURE(BM_RemoteEventRoundTrip, unix, "unix")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_RemoteEventRoundTrip, tcp, "tcp")->Unit(benchmark::kMicrosecond);

// The full 3-writer backup lifecycle with the writers in their own processes. A new
// coordinator per lifecycle (its construction is timed, as in the in-process twin below); the
// writer processes stay connected across lifecycles, as under `vsssim serve`.
void BM_RemoteLifecycle3(benchmark::State& state, const char* transport) {
  Writers writers(transport, 3);
  if (!writers.ok(3)) return state.SkipWithError("could not start vsssim-writer-host");
  for (auto _ : state) {
    Harness h;
    for (int i = 0; i < 3; ++i) h.vss.RegisterWriter(writers.at(i));
    BackupDriver d(h, "r1");
    if (d.RunAll() != hr::S_OK) return state.SkipWithError("the backup failed");
  }
}
BENCHMARK_CAPTURE(BM_RemoteLifecycle3, unix, "unix")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_RemoteLifecycle3, tcp, "tcp")->Unit(benchmark::kMicrosecond);

// The same lifecycle with the three writers linked in (the baseline, in the same run).
void BM_InProcessLifecycle3(benchmark::State& state) {
  for (auto _ : state) {
    Harness h;
    for (int i = 0; i < 3; ++i) h.AddWriter("W" + std::to_string(i));
    BackupDriver d(h, "r1");
    if (d.RunAll() != hr::S_OK) return state.SkipWithError("the backup failed");
  }
}
BENCHMARK(BM_InProcessLifecycle3)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace vsssim::remote
