// ScriptedWriter: a writer whose handlers do what a script says, per event — fail with a code
// (SetWriterFailure + return false), veto-only (SetWriterFailure, return true), return false,
// take virtual time, hang, throw, or run a custom action. For tests, benchmarks and the
// scenario interpreter's mock writers. Every handler call is recorded in received().
//
// Identify: by default declares one selectable FILEGROUP component "<name>Data" with the file
// set C:\<name>\*, and restore method RESTORE_IF_CAN_REPLACE; SetIdentify replaces that.
//
// Thread safety: as Writer.
#ifndef VSSSIM_WRITER_SCRIPTED_WRITER_H_
#define VSSSIM_WRITER_SCRIPTED_WRITER_H_

#include <functional>
#include <map>
#include <optional>
#include <vector>

#include "vsssim/vss/writer_event.h"
#include "vsssim/writer/writer.h"

namespace vsssim::writer {

class ScriptedWriter : public Writer {
 public:
  struct Behavior {
    std::optional<HResult> failure;               // SetWriterFailure(failure) inside the handler
    bool returns = true;                          // the handler's return value
    runtime::Duration delay{0};                   // Spend(delay)
    bool hang = false;                            // Hang()
    bool throws = false;                          // throw std::runtime_error
    std::function<void(ScriptedWriter&)> action;  // runs first, inside the handler
  };

  explicit ScriptedWriter(WriterIdentity identity) : Writer(std::move(identity)) {
    received_.reserve(16);  // a backup's events, without regrowing during the run
  }

  void On(vss::WriterEvent event, Behavior behavior) { script_[event] = std::move(behavior); }
  void SetIdentify(std::function<void(metadata::CreateWriterMetadata&)> identify) {
    identify_ = std::move(identify);
  }
  const std::vector<vss::WriterEvent>& received() const { return received_; }
  const Guid& last_shutdown_snapshot_set() const { return last_shutdown_set_; }

  bool OnIdentify(metadata::CreateWriterMetadata& metadata) override;
  bool OnPrepareBackup(WriterComponents* components) override;
  bool OnPrepareSnapshot() override { return Run(vss::WriterEvent::kPrepareForSnapshot); }
  bool OnFreeze() override { return Run(vss::WriterEvent::kFreeze); }
  bool OnThaw() override { return Run(vss::WriterEvent::kThaw); }
  bool OnPostSnapshot(WriterComponents* components) override;
  bool OnAbort() override { return Run(vss::WriterEvent::kAbort); }
  bool OnBackupComplete(WriterComponents* components) override;
  bool OnBackupShutdown(const Guid& snapshot_set_id) override;
  // Restore handlers expose their components to actions through current_components(), so an
  // action can SetRestoreTarget, AddDirectedTarget, SetPreRestoreFailureMsg (WRT-CALL-10..14).
  bool OnPreRestore(WriterComponents* components) override;
  bool OnPostRestore(WriterComponents* components) override;

  // The CVssWriter API, public so that actions can call it.
  using Writer::AreComponentsSelected;
  using Writer::GetBackupType;
  using Writer::GetContext;
  using Writer::GetCurrentSnapshotSetId;
  using Writer::GetCurrentVolumeArray;
  using Writer::GetRestoreType;
  using Writer::GetSessionId;
  using Writer::Hang;
  using Writer::IsBootableSystemStateBackedUp;
  using Writer::IsPartialFileSupportEnabled;
  using Writer::IsPathAffected;
  using Writer::IsWriterShuttingDown;
  using Writer::SetWriterFailure;
  using Writer::SetWriterFailureEx;
  using Writer::Spend;

  // The components handed to the current handler (null outside, or when not in component mode).
  WriterComponents* current_components() const { return components_; }

 private:
  bool Run(vss::WriterEvent event);

  std::map<vss::WriterEvent, Behavior> script_;
  std::function<void(metadata::CreateWriterMetadata&)> identify_;
  std::vector<vss::WriterEvent> received_;
  Guid last_shutdown_set_;
  WriterComponents* components_ = nullptr;
};

}  // namespace vsssim::writer

#endif  // VSSSIM_WRITER_SCRIPTED_WRITER_H_
