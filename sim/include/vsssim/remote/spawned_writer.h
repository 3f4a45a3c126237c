// SpawnedWriter: a writer process that vsssim starts itself (a scenario's <writer exec=...>,
// `vsssim conform --writer-exec`), seen by the coordinator as one more writer::Writer.
//
// Start() makes a private directory (mkdtemp under $TMPDIR, mode 0700) holding a Unix-domain
// socket, makes a random token, starts the command (ChildProcess: `/bin/sh -c`, a process
// group of its own) with VSSSIM_ADDRESS and VSSSIM_TOKEN added to its environment, and waits
// up to RemoteOptions::hello_timeout of real time for its hello (docs/wire-protocol.md).
// The writer's identity is the hello's. Every handler is forwarded to the RemoteWriter of
// that connection, with this writer's EventHost attached to it for the call.
//
// Faults: what RemoteWriter does (a hang for the event, a trace entry). When it gives the
// connection up (garbage, guard expiry) the process is killed: vsssim started it, vsssim
// ends it. GoneReason() says why the process is gone, for the coordinator's
// WriterGoneProbe (WRT-INIT-03).
//
// Lifetime: the destructor sends shutdown when still connected, waits a little (real time)
// for the process to exit, kills what is left, reaps it and removes the directory: no
// process, socket or directory outlives the writer.
//
// POSIX only (ChildProcess); the mingw build does not compile it. Thread safety: the
// simulator's thread only.
#ifndef VSSSIM_REMOTE_SPAWNED_WRITER_H_
#define VSSSIM_REMOTE_SPAWNED_WRITER_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "vsssim/remote/child_process.h"
#include "vsssim/remote/remote_writer.h"
#include "vsssim/writer/writer.h"

namespace vsssim::remote {

struct SpawnOptions {
  std::string command;  // run by /bin/sh -c
  std::string cwd;      // empty: vsssim's current directory
  // Added to the environment besides VSSSIM_ADDRESS and VSSSIM_TOKEN (e.g. VSSSIM_VOLUMES).
  std::vector<std::pair<std::string, std::string>> env;
  std::string output_file;  // empty: the process's output goes to vsssim's stderr
  RemoteOptions remote;     // the real-time guard per event, the hello timeout
};

class SpawnedWriter final : public writer::Writer {
 public:
  // The running, subscribed-to-be writer; null and *error ("no hello within 10000 ms (the
  // process ended: exit 127)", ...) when the process could not start or say hello.
  static std::unique_ptr<SpawnedWriter> Start(const SpawnOptions& options, std::string* error);
  ~SpawnedWriter() override;

  RemoteWriter& remote() { return *remote_; }
  ChildProcess& process() { return *process_; }
  void AttachTrace(trace::Trace* trace) { remote_->AttachTrace(trace); }
  // Why the process is gone: the connection's end and how the process ended ("connection
  // closed; the process ended: killed by signal 9"); "" while it is connected.
  std::string GoneReason();

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
  struct Parts;
  explicit SpawnedWriter(Parts parts);
  template <typename Call>
  bool Forward(Call call);

  std::string directory_;
  std::unique_ptr<WriterListener> listener_;
  std::unique_ptr<ChildProcess> process_;
  std::unique_ptr<RemoteWriter> remote_;
  bool ended_by_vsssim_ = false;
};

}  // namespace vsssim::remote

#endif  // VSSSIM_REMOTE_SPAWNED_WRITER_H_
