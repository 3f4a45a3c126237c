#include "vsssim/remote/spawned_writer.h"

#include <stdlib.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "vsssim/remote/address.h"

namespace vsssim::remote {
namespace {

// A writer that closed its connection is usually exiting, and one told to shut down should:
// how long to wait (real time) before saying how it ended or killing it. Only messages and
// cleanup depend on it, never the simulation.
constexpr std::chrono::milliseconds kExitGrace{2000};
// How often, while waiting for a hello, to look whether the process is still there.
constexpr std::chrono::milliseconds kHelloSlice{100};

// mkdtemp under $TMPDIR (else /tmp): mode 0700, only this user reaches the socket in it.
std::string MakePrivateDirectory(std::string* error) {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern =
      std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/vsssim-writer-XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) {
    *error = "cannot make a private directory for the writer socket (" + pattern + ")";
    return "";
  }
  return pattern;
}

void RemoveDirectory(const std::string& directory) {
  if (directory.empty()) return;
  std::error_code ec;
  std::filesystem::remove_all(directory, ec);
}

}  // namespace

struct SpawnedWriter::Parts {
  std::string directory;
  std::unique_ptr<WriterListener> listener;
  std::unique_ptr<ChildProcess> process;
  std::unique_ptr<RemoteWriter> remote;
};

SpawnedWriter::SpawnedWriter(Parts parts)
    : writer::Writer(parts.remote->identity()),
      directory_(std::move(parts.directory)),
      listener_(std::move(parts.listener)),
      process_(std::move(parts.process)),
      remote_(std::move(parts.remote)) {
  // A connection given up (garbage, guard expiry): the process vsssim started is ended.
  remote_->SetDisconnectHook([this](const std::string& reason) {
    // Its own end (EOF, kill -9) or our shutdown: nothing to end; the reaping says how.
    if (reason.rfind("process ended", 0) == 0 || reason == "shutdown") return;
    if (process_->Running()) {
      ended_by_vsssim_ = true;
      process_->Kill();
    }
  });
}

std::unique_ptr<SpawnedWriter> SpawnedWriter::Start(const SpawnOptions& options,
                                                    std::string* error) {
  Parts parts;
  parts.directory = MakePrivateDirectory(error);
  if (parts.directory.empty()) return nullptr;
  Address where;
  where.kind = Address::Kind::kUnix;
  where.path = parts.directory + "/writer.sock";
  std::string listen_error;
  parts.listener = WriterListener::Listen(where, NewToken(), options.remote, &listen_error);
  if (parts.listener == nullptr) {
    *error = "cannot listen on " + ToString(where) + ": " + listen_error;
    RemoveDirectory(parts.directory);
    return nullptr;
  }
  ChildOptions child;
  child.command = options.command;
  child.cwd = options.cwd;
  child.output_file = options.output_file;
  child.env = options.env;
  child.env.emplace_back("VSSSIM_ADDRESS", ToString(parts.listener->address()));
  child.env.emplace_back("VSSSIM_TOKEN", parts.listener->token());
  parts.process = ChildProcess::Start(child, error);
  if (parts.process != nullptr) {
    // Waits for the hello in slices, so a process that ended at once (a typo in the command:
    // exit 127) is reported at once instead of after the whole hello timeout.
    std::vector<std::string> refusals;
    const auto slices = std::max<std::chrono::milliseconds::rep>(
        1, options.remote.hello_timeout.count() / kHelloSlice.count());
    for (std::chrono::milliseconds::rep i = 0; i < slices && parts.remote == nullptr; ++i) {
      parts.remote =
          parts.listener->Accept(std::min(kHelloSlice, options.remote.hello_timeout), &refusals);
      if (parts.remote == nullptr && !parts.process->Running()) break;
    }
    if (parts.remote == nullptr) {
      *error = "no hello within " + std::to_string(options.remote.hello_timeout.count()) + " ms";
      if (!parts.process->Running()) {
        *error += " (the process ended: " + parts.process->exit()->Describe() + ")";
      }
      for (const std::string& r : refusals) *error += "; refused a connection: " + r;
    }
  }
  if (parts.remote == nullptr) {
    parts.process.reset();  // killed and reaped
    parts.listener.reset();
    RemoveDirectory(parts.directory);
    return nullptr;
  }
  return std::unique_ptr<SpawnedWriter>(new SpawnedWriter(std::move(parts)));
}

SpawnedWriter::~SpawnedWriter() {
  remote_->SetDisconnectHook(nullptr);
  if (remote_->connected()) remote_->Shutdown();
  if (!process_->Wait(kExitGrace)) process_->KillAndReap();
  remote_.reset();
  listener_.reset();  // removes the socket file
  RemoveDirectory(directory_);
}

std::string SpawnedWriter::GoneReason() {
  if (remote_->CheckAlive()) return "";
  std::string reason = remote_->disconnect_reason();
  if (reason.empty()) reason = "connection closed";
  if (ended_by_vsssim_) return reason + "; vsssim ended the process";
  if (process_->Wait(kExitGrace)) {
    return reason + "; the process ended: " + process_->exit()->Describe();
  }
  return reason + "; the process still runs";
}

template <typename Call>
bool SpawnedWriter::Forward(Call call) {
  remote_->AttachHost(host());
  const bool result = call(*remote_);
  remote_->AttachHost(nullptr);
  return result;
}

bool SpawnedWriter::OnIdentify(metadata::CreateWriterMetadata& metadata) {
  return Forward([&](RemoteWriter& w) { return w.OnIdentify(metadata); });
}
bool SpawnedWriter::OnPrepareBackup(writer::WriterComponents* components) {
  return Forward([&](RemoteWriter& w) { return w.OnPrepareBackup(components); });
}
bool SpawnedWriter::OnPrepareSnapshot() {
  return Forward([](RemoteWriter& w) { return w.OnPrepareSnapshot(); });
}
bool SpawnedWriter::OnFreeze() {
  return Forward([](RemoteWriter& w) { return w.OnFreeze(); });
}
bool SpawnedWriter::OnThaw() {
  return Forward([](RemoteWriter& w) { return w.OnThaw(); });
}
bool SpawnedWriter::OnPostSnapshot(writer::WriterComponents* components) {
  return Forward([&](RemoteWriter& w) { return w.OnPostSnapshot(components); });
}
bool SpawnedWriter::OnAbort() {
  return Forward([](RemoteWriter& w) { return w.OnAbort(); });
}
bool SpawnedWriter::OnBackupComplete(writer::WriterComponents* components) {
  return Forward([&](RemoteWriter& w) { return w.OnBackupComplete(components); });
}
bool SpawnedWriter::OnBackupShutdown(const Guid& snapshot_set_id) {
  return Forward([&](RemoteWriter& w) { return w.OnBackupShutdown(snapshot_set_id); });
}
bool SpawnedWriter::OnPreRestore(writer::WriterComponents* components) {
  return Forward([&](RemoteWriter& w) { return w.OnPreRestore(components); });
}
bool SpawnedWriter::OnPostRestore(writer::WriterComponents* components) {
  return Forward([&](RemoteWriter& w) { return w.OnPostRestore(components); });
}

}  // namespace vsssim::remote
