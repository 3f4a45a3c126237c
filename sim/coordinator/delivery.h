// Delivery: one writer event handed to one writer's handler. It is the EventHost the writer
// sees while the handler runs (CVssWriter getters and SetWriterFailure), it catches what the
// handler does wrong and records findings (WRT-THREAD-01, WRT-IDENTIFY-03, WRT-ERR-01/02,
// WRT-RET-02, WRT-SHUT-03), and it reports how the handler ended.
//
// Thread safety: the host answers any thread; only the entering thread's calls count.
#ifndef VSSSIM_SIM_COORDINATOR_DELIVERY_H_
#define VSSSIM_SIM_COORDINATOR_DELIVERY_H_

#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "vsssim/coordinator/choices.h"
#include "vsssim/trace/trace.h"
#include "vsssim/vss/writer_event.h"
#include "vsssim/writer/event_host.h"
#include "vsssim/writer/writer.h"

namespace vsssim::metadata {
class CreateWriterMetadata;
}  // namespace vsssim::metadata
namespace vsssim::storage {
class VolumeManager;
}  // namespace vsssim::storage

namespace vsssim::coordinator {

// What the writer may see during the event (§3.6 getters).
struct DeliveryView {
  vss::BackupType backup_type = vss::BackupType::VSS_BT_UNDEFINED;
  vss::SnapshotContext context = vss::SnapshotContext::VSS_CTX_BACKUP;
  Guid snapshot_set_id;
  std::vector<std::string> volumes;
  bool components_selected = false;
  bool bootable_system_state = false;
  bool partial_file_support = false;
  Guid session_id;
  vss::RestoreType restore_type = vss::RestoreType::VSS_RTYPE_UNDEFINED;  // SetRestoreState
  // The machine's volumes when the coordinator knows them: IsPathAffected finds the volume a
  // path lies on (through mount folders) instead of comparing text.
  const storage::VolumeManager* machine = nullptr;
};

// How the handler ended.
struct DeliveryOutcome {
  bool returned = true;  // the handler's bool
  bool threw = false;    // WRT-RET-02
  bool hung = false;     // Hang(): never returned
  runtime::Duration spent{0};
  std::optional<HResult> failure;  // SetWriterFailure(Ex), last value
  HResult application_failure;
  std::string message;
  // The writer failed the event: returned false, threw, or never answered.
  bool vetoed() const { return !returned || threw || hung; }
};

class Delivery final : public writer::EventHost {
 public:
  // `actor` is "writer:NAME"; `extra` goes on findings (requester=NAME, or by=WHO).
  // REQUIRES: `actor`, `view` and the texts of `extra` outlive the Delivery.
  Delivery(trace::Trace& trace, const Choices& choices, std::string_view actor,
           vss::WriterEvent event, const DeliveryView& view, trace::AttributeArg extra);

  // Runs the handler of `event_` on `writer` with this host attached. `components` for the
  // handlers that take IVssWriterComponents, `wmd` for Identify, `shutdown_set_id` for
  // BackupShutdown. Never throws. Call once: the outcome is moved out.
  DeliveryOutcome Run(writer::Writer& writer, writer::WriterComponents* components,
                      metadata::CreateWriterMetadata* wmd, const Guid& shutdown_set_id);

  // EventHost.
  vss::BackupType GetBackupType() const override { return view_.backup_type; }
  // WRT-CALL-20: defined from OnPreRestore on (restore handlers only).
  vss::RestoreType GetRestoreType() const override {
    const bool restore_event =
        event_ == vss::WriterEvent::kPreRestore || event_ == vss::WriterEvent::kPostRestore;
    return restore_event ? view_.restore_type : vss::RestoreType::VSS_RTYPE_UNDEFINED;
  }
  vss::SnapshotContext GetContext() const override { return view_.context; }
  Guid GetCurrentSnapshotSetId() const override;
  std::vector<std::string> GetCurrentVolumeArray() const override { return view_.volumes; }
  bool IsPathAffected(std::string_view path) const override;
  bool AreComponentsSelected() const override { return view_.components_selected; }
  bool IsBootableSystemStateBackedUp() const override { return view_.bootable_system_state; }
  bool IsPartialFileSupportEnabled() const override { return view_.partial_file_support; }
  bool IsWriterShuttingDown() const override { return false; }
  Guid GetSessionId() override;
  HResult SetWriterFailure(HResult hr) override;
  HResult SetWriterFailureEx(HResult hr_writer, HResult hr_application,
                             std::string_view message) override;
  void Spend(runtime::Duration d) override { outcome_.spent += d; }
  void Hang() override { outcome_.hung = true; }

 private:
  bool OnHandlerThread(std::string_view method) const;
  HResult RecordFailure(HResult hr, bool ex, std::string_view method);
  void Finding(std::string_view rule, std::string title,
               std::vector<trace::Attribute> attributes = {}) const;

  trace::Trace& trace_;
  const Choices& choices_;
  std::string_view actor_;
  vss::WriterEvent event_;
  const DeliveryView& view_;
  trace::AttributeArg extra_;
  std::thread::id handler_thread_;
  DeliveryOutcome outcome_;
};

}  // namespace vsssim::coordinator

#endif  // VSSSIM_SIM_COORDINATOR_DELIVERY_H_
