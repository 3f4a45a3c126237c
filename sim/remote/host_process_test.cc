// Checks real writer processes: tools/vsssim-writer-host started with posix_spawn, connected
// over a Unix socket or TCP loopback through WriterListener. A clean backup gives the same
// trace digest as the same scripted writer linked in; a process that exits inside Freeze is
// not responding (WRT-TIME-05) and the service goes on.
#include <gtest/gtest.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sim/coordinator/test_harness.h"
#include "vsssim/remote/remote_writer.h"
#include "vsssim/trace/text.h"

extern char** environ;

namespace vsssim::remote {
namespace {

using coordinator::testing::BackupDriver;
using coordinator::testing::Harness;

class WriterProcess {
 public:
  // `args` in the environment plus `env` ("NAME=VALUE").
  WriterProcess(std::vector<std::string> args, std::vector<std::string> env = {}) {
    for (char** e = environ; *e != nullptr; ++e) env.emplace_back(*e);
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (std::string& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);
    spawned_ = posix_spawn(&pid_, argv[0], nullptr, nullptr, argv.data(), envp.data()) == 0;
  }
  ~WriterProcess() { Wait(); }
  bool spawned() const { return spawned_; }
  // The exit status (-1 if it did not exit normally).
  int Wait() {
    if (!spawned_ || waited_) return status_;
    int raw = 0;
    waitpid(pid_, &raw, 0);
    waited_ = true;
    status_ = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return status_;
  }

 private:
  pid_t pid_ = 0;
  bool spawned_ = false;
  bool waited_ = false;
  int status_ = -1;
};

struct Served {
  HResult result;
  std::string digest;
  int exit_status = -1;
  bool connected = false;
  std::string trace;
};

// Serves a backup to the writer process `args` + `env` start (placeholders @ADDRESS@ and
// @TOKEN@ are replaced), on a Unix socket or TCP loopback.
Served Serve(const std::string& where, std::vector<std::string> args,
             std::vector<std::string> env = {}) {
  Served out;
  char tmpl[] = "/tmp/vsssim-host-XXXXXX";
  const std::string dir = mkdtemp(tmpl);
  std::string text = where == "unix" ? "unix:" + dir + "/s" : "tcp:127.0.0.1:0";
  std::string error;
  const std::string token = NewToken();
  auto listener = WriterListener::Listen(*ParseAddress(text, nullptr), token, {}, &error);
  EXPECT_NE(listener, nullptr) << error;
  if (listener == nullptr) return out;
  for (std::vector<std::string>* list : {&args, &env}) {
    for (std::string& a : *list) {
      if (a.find("@ADDRESS@") != std::string::npos) {
        a.replace(a.find("@ADDRESS@"), 9, ToString(listener->address()));
      }
      if (a.find("@TOKEN@") != std::string::npos) a.replace(a.find("@TOKEN@"), 7, token);
    }
  }
  WriterProcess process(std::move(args), std::move(env));
  EXPECT_TRUE(process.spawned());
  std::vector<std::string> refusals;
  std::unique_ptr<RemoteWriter> w = listener->Accept(std::chrono::seconds(20), &refusals);
  EXPECT_NE(w, nullptr);
  if (w != nullptr) {
    Harness h;
    w->AttachTrace(&h.trace);
    h.vss.RegisterWriter(*w);
    BackupDriver d(h, "r1");
    out.result = d.RunAll();
    out.connected = w->connected();
    w->Shutdown();
    out.digest = trace::Digest(h.trace);
    out.trace = trace::RenderText(h.trace);
  }
  out.exit_status = process.Wait();
  listener.reset();
  rmdir(dir.c_str());
  return out;
}

// The scripted writer of vsssim-writer-host as writer "A" (the harness's first class id).
std::vector<std::string> HostArgs(std::vector<std::string> script) {
  std::vector<std::string> args = {VSSSIM_WRITER_HOST,
                                   "--address",
                                   "@ADDRESS@",
                                   "--token",
                                   "@TOKEN@",
                                   "--scripted",
                                   "A",
                                   "--class-id",
                                   "5c000001-1234-0000-0000-000000000000"};
  args.insert(args.end(), script.begin(), script.end());
  return args;
}

std::string InProcessDigest() {
  Harness h;
  h.AddWriter("A");
  BackupDriver d(h, "r1");
  d.RunAll();
  return trace::Digest(h.trace);
}

// Checks that a writer process over a Unix socket and over TCP gives the linked-in digest,
// and exits 0 at the service's shutdown.
TEST(Remote_Process, CleanBackupHasTheInProcessDigestOnBothTransports) {
  const std::string expected = InProcessDigest();
  for (const char* transport : {"unix", "tcp"}) {
    const Served s = Serve(transport, HostArgs({}));
    EXPECT_EQ(s.result, hr::S_OK) << transport;
    EXPECT_EQ(s.digest, expected) << transport << "\n" << s.trace;
    EXPECT_EQ(s.exit_status, 0) << transport;
  }
}

// Checks that a process that exits inside Freeze fails the creation like a handler that never
// returns (WRT-TIME-05), is recorded as "process ended", and is disconnected.
TEST(Remote_Process, ExitInsideFreezeIsNotResponding) {
  const Served s = Serve("unix", HostArgs({"--exit-in", "Freeze"}));
  EXPECT_EQ(s.result, hr::VSS_E_UNEXPECTED_WRITER_ERROR);
  EXPECT_FALSE(s.connected);
  EXPECT_EQ(s.exit_status, 70);
  EXPECT_NE(s.trace.find("process ended"), std::string::npos) << s.trace;
  // As for a linked writer that hangs in Freeze: the freeze window expires first (WRT-TIME-01).
  EXPECT_NE(s.trace.find("VSS_WS_FAILED_AT_FREEZE"), std::string::npos) << s.trace;
  EXPECT_NE(s.trace.find("Freeze returned=true hung=yes"), std::string::npos) << s.trace;
}

// Checks examples/remote-cpp-writer: it finds the service through VSSSIM_ADDRESS and
// VSSSIM_TOKEN, its component is selected and backed up over TCP, its --veto-freeze fails the
// creation with its code, and it exits 0 at shutdown.
TEST(Remote_Process, ExampleWriterServesFromItsEnvironment) {
  const std::vector<std::string> env = {"VSSSIM_ADDRESS=@ADDRESS@", "VSSSIM_TOKEN=@TOKEN@"};
  const Served good = Serve("tcp", {VSSSIM_REMOTE_CPP_WRITER}, env);
  EXPECT_EQ(good.result, hr::S_OK) << good.trace;
  EXPECT_NE(good.trace.find("component=RemoteCppData"), std::string::npos) << good.trace;
  EXPECT_EQ(good.exit_status, 0);
  const Served veto = Serve("tcp", {VSSSIM_REMOTE_CPP_WRITER, "--veto-freeze"}, env);
  EXPECT_EQ(veto.result, hr::VSS_E_UNEXPECTED_WRITER_ERROR);
  EXPECT_NE(veto.trace.find("VSS_E_WRITERERROR_RETRYABLE"), std::string::npos) << veto.trace;
  EXPECT_EQ(veto.exit_status, 0);
}

}  // namespace
}  // namespace vsssim::remote
