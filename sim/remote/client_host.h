// The EventHost a writer's handler sees inside a writer process: getters from the event's
// context, IsPathAffected / SetWriterFailure(Ex) / Spend / Hang / late getters as calls to the
// service, findings sent as `finding` (docs/wire-protocol.md "call / return", "finding").
//
// Like the coordinator's Delivery, SetWriterFailure(Ex) and GetSessionId compare the calling
// thread with the handler's and report WRT-THREAD-01 on a mismatch (not recorded). Calls from
// any thread are serialised on the connection; none is sent after the reply.
//
// Thread safety: any thread may call while the handler runs.
#ifndef VSSSIM_SIM_REMOTE_CLIENT_HOST_H_
#define VSSSIM_SIM_REMOTE_CLIENT_HOST_H_

#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "sim/remote/wire.h"
#include "vsssim/writer/event_host.h"

namespace vsssim::remote {

class ClientHost final : public writer::EventHost {
 public:
  ClientHost(Connection& connection, std::int64_t id, EventContext context);

  vss::BackupType GetBackupType() const override { return context_.backup_type; }
  vss::RestoreType GetRestoreType() const override { return context_.restore_type; }
  vss::SnapshotContext GetContext() const override { return context_.snapshot_context; }
  Guid GetCurrentSnapshotSetId() const override;
  std::vector<std::string> GetCurrentVolumeArray() const override { return context_.volumes; }
  bool IsPathAffected(std::string_view path) const override;
  bool AreComponentsSelected() const override { return context_.components_selected; }
  bool IsBootableSystemStateBackedUp() const override { return context_.bootable_system_state; }
  bool IsPartialFileSupportEnabled() const override { return context_.partial_file_support; }
  bool IsWriterShuttingDown() const override { return context_.shutting_down; }
  Guid GetSessionId() override;
  HResult SetWriterFailure(HResult hr) override;
  HResult SetWriterFailureEx(HResult hr_writer, HResult hr_application,
                             std::string_view message) override;
  void Spend(runtime::Duration d) override;
  void Hang() override;

  // A finding of the writer (forwarded to the service's trace).
  void Finding(std::string_view rule, std::string message);
  // The handler has returned: nothing more goes out for this event.
  void End();
  // The connection failed or the service broke the protocol during a call.
  bool broken() const;
  std::string error() const;

 private:
  bool OnHandlerThread(std::string_view method);
  // Sends a call and waits for its return; nullopt when broken or after End().
  std::optional<Json> Call(Json call) const;

  Connection& connection_;
  std::int64_t id_;
  EventContext context_;
  std::thread::id handler_thread_;
  mutable std::mutex mutex_;  // guards the connection and the fields below
  mutable bool active_ = true;
  mutable std::string error_;
};

}  // namespace vsssim::remote

#endif  // VSSSIM_SIM_REMOTE_CLIENT_HOST_H_
