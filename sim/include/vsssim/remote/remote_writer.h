// RemoteWriter: a writer that runs in another process and speaks the wire protocol
// (docs/wire-protocol.md) over one connection. It is one more writer::Writer, so the
// coordinator delivers its events, applies its timeouts and checks its rules exactly as for a
// linked writer; nothing above the coordinator knows it is remote (ARCHITECTURE.md,
// sim/remote/).
//
// Each On* handler sends the event with the context the EventHost gives, serves the writer's
// calls (IsPathAffected, SetWriterFailure(Ex), Spend, Hang, getters) through that host, and
// waits for the reply under a real-time guard. The virtual clock does not move meanwhile.
// Identify: the reply's WMD XML is read and handed to the coordinator's CreateWriterMetadata
// (WMD-01: identity stays VSS's). Component events: the writer's components go out as a BCD,
// and what the writer changed comes back through the real metadata::Component setters, so
// misplaced calls are findings (WRT-CALL-03..15) here too.
//
// Faults (docs/wire-protocol.md "Faults"): EOF, a dead process, guard expiry or garbage during
// an event end in host()->Hang() for that event — the coordinator's not-responding path
// (VSS_E_WRITER_NOT_RESPONDING, WRT-TIME-05; Choices::remote_fault_is_hang) — plus a trace
// entry saying what happened; then the writer is disconnected and every later event is
// answered at once the same way, without touching the socket.
//
// Determinism: nothing real-time enters the trace (no pid, no measured duration).
// Thread safety: like any Writer, on the simulator's thread only.
#ifndef VSSSIM_REMOTE_REMOTE_WRITER_H_
#define VSSSIM_REMOTE_REMOTE_WRITER_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vsssim/coordinator/choices.h"
#include "vsssim/remote/address.h"
#include "vsssim/vss/writer_event.h"
#include "vsssim/writer/writer.h"

namespace vsssim::trace {
class Trace;
}  // namespace vsssim::trace

namespace vsssim::remote {

class Connection;
struct EventContext;

struct RemoteOptions {
  std::chrono::milliseconds guard{30000};          // real time per event, calls included
  std::chrono::milliseconds hello_timeout{10000};  // real time from connect to hello
  // Choices::remote_fault_is_hang: a fault during an event is a handler that never returns
  // (true) or one that returns false (false). RemoteOptionsFor copies it from the Choices.
  bool fault_is_hang = coordinator::Choices{}.remote_fault_is_hang;
};

// `base` with what the coordinator's Choices say about remote writers.
inline RemoteOptions RemoteOptionsFor(const coordinator::Choices& choices,
                                      RemoteOptions base = {}) {
  base.fault_is_hang = choices.remote_fault_is_hang;
  return base;
}

class RemoteWriter : public writer::Writer {
 public:
  ~RemoteWriter() override;

  // Where faults and forwarded findings go (kFinding / kNote, actor "writer:NAME"); may change
  // between runs; null = nowhere. REQUIRES: the trace outlives its attachment.
  void AttachTrace(trace::Trace* trace) { trace_ = trace; }
  // False after EOF, garbage, guard expiry or Shutdown.
  bool connected() const;
  const std::string& disconnect_reason() const { return disconnect_reason_; }
  // From the hello; 0 = unknown. Never put it in the trace (it changes from run to run).
  std::int64_t pid() const { return pid_; }
  // Sends `shutdown` and closes (docs/wire-protocol.md "shutdown").
  void Shutdown();
  // Between events: notices a writer process that closed its connection (Unsubscribe,
  // WRT-INIT-03) without waiting; false when disconnected. Records nothing in the trace.
  bool CheckAlive();
  // Called once when the connection is given up (fault, EOF, Shutdown), with the reason: a
  // server can kill a process it started. Runs on the simulator's thread.
  void SetDisconnectHook(std::function<void(const std::string& reason)> hook) {
    disconnect_hook_ = std::move(hook);
  }
  // "writer:NAME" or "writer:NAME(INSTANCE)", as the coordinator names the writer.
  const std::string& actor() const { return actor_; }
  // For poll() in a serve loop; -1 when disconnected.
  int fd() const;

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

  // Made by WriterListener::Accept (or, in tests, over any connected socket).
  RemoteWriter(writer::WriterIdentity identity, std::unique_ptr<Connection> connection,
               std::int64_t pid, RemoteOptions options);

 private:
  struct EventRun;
  bool Deliver(vss::WriterEvent event, writer::WriterComponents* components,
               metadata::CreateWriterMetadata* wmd, const Guid* shutdown_set);
  EventContext ContextFromHost(vss::WriterEvent event) const;
  bool Serve(EventRun& run);
  bool ServeCall(EventRun& run, const std::string& method);  // false: faulted (Fail)
  bool Getter(EventRun& run, const std::string& name);       // the value into run.value
  void ForwardFinding(EventRun& run, std::string_view rule, std::string message);
  bool Fail(EventRun& run, std::string_view kind, std::string what);
  // The handler's result for a writer that faulted (RemoteOptions::fault_is_hang).
  bool FaultResult();
  // Fail, for ServeCall: always false (the call was not served).
  bool CallFailed(EventRun& run, std::string_view kind, std::string what);
  void Disconnect(std::string reason);

  std::unique_ptr<Connection> connection_;
  std::int64_t pid_ = 0;
  RemoteOptions options_;
  std::string actor_;
  trace::Trace* trace_ = nullptr;
  std::int64_t next_id_ = 0;
  std::string disconnect_reason_;
  std::function<void(const std::string&)> disconnect_hook_;
};

class WriterListener {
 public:
  ~WriterListener();
  // Listens on `where`: tcp port 0 = a free port (address() has it); unix: creates the socket
  // file (mode 0600; the caller picks a private directory) and removes it on destruction.
  // Null and *error on failure.
  static std::unique_ptr<WriterListener> Listen(const Address& where, std::string token,
                                                RemoteOptions options, std::string* error);
  const Address& address() const { return address_; }
  const std::string& token() const { return token_; }
  int fd() const;

  // The next connection that completes a valid hello within `timeout` (nullptr on timeout).
  // Connections refused (bad token, protocol or hello; no hello within hello_timeout) are
  // answered `refused`, closed and described in *refusals (may be null).
  std::unique_ptr<RemoteWriter> Accept(std::chrono::milliseconds timeout,
                                       std::vector<std::string>* refusals);

 private:
  struct Impl;
  WriterListener() = default;
  std::unique_ptr<Impl> impl_;
  Address address_;
  std::string token_;
  RemoteOptions options_;
};

// Completes the service side of a hello on an accepted connection: the writer, or nullptr
// with the refusal (already answered `refused` and closed). For WriterListener and tests.
std::unique_ptr<RemoteWriter> AcceptHello(std::unique_ptr<Connection> connection,
                                          std::string_view token, RemoteOptions options,
                                          std::string* refusal);

}  // namespace vsssim::remote

#endif  // VSSSIM_REMOTE_REMOTE_WRITER_H_
