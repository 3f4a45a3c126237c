// Session: the simulator's Requester — one IVssBackupComponents instance and the VSS session
// behind it. Calls are checked against the call-order data table (call_order.h) and move the
// phase machine (requester_phase_machine.h); asynchronous calls run as steps on the virtual
// clock (one writer event per step, each after the previous handler's spent time); each
// participating writer has its own WriterStateMachine for this session (WRT-STATE-14).
//
// Files: session.cc (synchronous calls), session_ops.cc (gather, prepare, complete, status,
// abort, shutdown), session_snapshot.cc (DoSnapshotSet), session_events.cc (event delivery),
// session_quiesce.cc (SIM-QUIESCE-01 with a storage::QuiesceMonitor), session_writer_data.cc
// (SIM-SHUT-01, BT-05 with a WriterDataMonitor), session_restore.cc
// (restore selection calls), session_restore_ops.cc (PreRestore, PostRestore, the requester's
// view of the BCD and the restore findings REQ-RST-*).
//
// Thread safety: none; simulator thread only. Requester calls must not be made from inside a
// Coordinator hook (InjectIdentify may).
#ifndef VSSSIM_SIM_COORDINATOR_SESSION_H_
#define VSSSIM_SIM_COORDINATOR_SESSION_H_

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/container/small_vector.hpp>

#include "sim/coordinator/async_operation.h"
#include "sim/coordinator/call_order.h"
#include "sim/coordinator/delivery.h"
#include "sim/coordinator/requester_phase_machine.h"
#include "sim/coordinator/requester_writer_components.h"
#include "sim/coordinator/timer_group.h"
#include "vsssim/coordinator/coordinator.h"
#include "vsssim/coordinator/requester.h"
#include "vsssim/metadata/backup_components.h"
#include "vsssim/metadata/examine_writer_metadata.h"
#include "vsssim/writer/writer_state_machine.h"

namespace vsssim::coordinator {

// One writer that answered this session's Identify.
struct Participant {
  RegisteredWriter registered;
  trace::KeptText actor;  // registered.actor, interned in the trace (Session::RunGather)
  metadata::ExamineWriterMetadata metadata;
  writer::WriterStateMachine machine;
  bool responding = true;
  bool status_slot = false;     // holds one of the writer's status slots (LIM-09)
  bool identified = false;      // answered this session's Identify
  bool in_backup = false;       // a target of this backup's events after PrepareForBackup
  bool vetoed_prepare = false;  // PrepareForBackup: returned false, threw or hung
  runtime::TimerId freeze_window = 0;
  HResult application_failure;
  std::string application_message;
  // The state and failure last traced (TraceState traces changes only).
  vss::WriterState traced_state = vss::WriterState::VSS_WS_STABLE;
  HResult traced_failure;
  // Restore (§2.4).
  bool restore_stopped = false;  // PreRestore failed: out of the restore (Choices)
  bool lost = false;             // hosting service stopped: no PostRestore (WRT-SEQ-11)

  explicit Participant(RegisteredWriter r, vss::WriterState timeout_state)
      : registered(std::move(r)), machine(timeout_state) {}
};

// The writers of one fan-out or selection. A backup has a few: up to 8 are kept inline, so
// building a target list costs no heap allocation (bench/coordinator_bench.cc).
using ParticipantList = boost::container::small_vector<Participant*, 8>;

struct VolumeInSet {
  std::string volume;
  storage::Provider* provider = nullptr;
  Guid snapshot_id;
};

// The identity a writer's CreateWriterMetadata starts with (WMD-01).
metadata::WriterIdentity IdentityFor(const RegisteredWriter& w);

class Session final : public Requester {
 public:
  Session(Coordinator& vss, std::string name);
  ~Session() override;

  HResult InitializeForBackup(std::string_view bcd_xml) override;
  HResult SetContext(std::uint32_t context) override;
  HResult SetBackupState(bool select_components, bool bootable_system_state,
                         vss::BackupType backup_type, bool partial_file_support) override;
  HResult EnableWriterClasses(const std::vector<Guid>& ids) override;
  HResult DisableWriterClasses(const std::vector<Guid>& ids) override;
  HResult DisableWriterInstances(const std::vector<Guid>& ids) override;
  HResult GatherWriterMetadata(AsyncPtr* async) override;
  HResult GetWriterMetadataCount(std::uint32_t* count) override;
  HResult GetWriterMetadata(std::uint32_t index, Guid* instance_id,
                            const metadata::ExamineWriterMetadata** metadata) override;
  HResult FreeWriterMetadata() override;
  HResult AddComponent(const Guid& instance_id, const Guid& writer_id, vss::ComponentType type,
                       std::string_view logical_path, std::string_view component_name) override;
  HResult SetBackupOptions(const Guid& writer_id, vss::ComponentType type,
                           std::string_view logical_path, std::string_view component_name,
                           std::string_view options) override;
  HResult SetPreviousBackupStamp(const Guid& writer_id, vss::ComponentType type,
                                 std::string_view logical_path, std::string_view component_name,
                                 std::string_view previous_stamp) override;
  HResult StartSnapshotSet(Guid* snapshot_set_id) override;
  HResult AddToSnapshotSet(std::string_view volume, const Guid& provider_id,
                           Guid* snapshot_id) override;
  HResult IsVolumeSupported(const Guid& provider_id, std::string_view volume,
                            bool* supported) override;
  HResult PrepareForBackup(AsyncPtr* async) override;
  HResult DoSnapshotSet(AsyncPtr* async) override;
  HResult GetSnapshotProperties(const Guid& snapshot_id,
                                storage::SnapshotProperties* properties) override;
  HResult SetBackupSucceeded(const Guid& instance_id, const Guid& writer_id,
                             vss::ComponentType type, std::string_view logical_path,
                             std::string_view component_name, bool succeeded) override;
  HResult SaveAsXML(std::string* bcd_xml) override;
  HResult BackupComplete(AsyncPtr* async) override;
  HResult AbortBackup() override;
  HResult GatherWriterStatus(AsyncPtr* async) override;
  HResult GetWriterStatusCount(std::uint32_t* count) override;
  HResult GetWriterStatus(std::uint32_t index, WriterStatus* status) override;
  HResult FreeWriterStatus() override;
  HResult Query(const Guid& query_object, vss::ObjectType query_object_type,
                vss::ObjectType returned_type,
                std::vector<storage::SnapshotProperties>* snapshots) override;
  HResult DeleteSnapshots(const Guid& source_id, vss::ObjectType source_type, bool force_delete,
                          std::int32_t* deleted_count, Guid* non_deleted_snapshot_id) override;
  HResult GetSessionId(Guid* session_id) override;
  HResult Release() override;

  // §2.4 restore (session_restore.cc, session_restore_ops.cc).
  HResult InitializeForRestore(std::string_view bcd_xml) override;
  HResult GetWriterComponentsCount(std::uint32_t* count) override;
  HResult GetWriterComponents(std::uint32_t index, WriterComponentsExt** components) override;
  HResult SetRestoreState(vss::RestoreType restore_type) override;
  HResult SetSelectedForRestore(const Guid& writer_id, vss::ComponentType type,
                                std::string_view logical_path, std::string_view component_name,
                                bool selected) override;
  HResult SetSelectedForRestoreEx(const Guid& writer_id, vss::ComponentType type,
                                  std::string_view logical_path, std::string_view component_name,
                                  bool selected, const Guid& instance_id) override;
  HResult AddRestoreSubcomponent(const Guid& writer_id, vss::ComponentType type,
                                 std::string_view logical_path, std::string_view component_name,
                                 std::string_view sub_logical_path,
                                 std::string_view sub_component_name, bool repair) override;
  HResult SetRestoreOptions(const Guid& writer_id, vss::ComponentType type,
                            std::string_view logical_path, std::string_view component_name,
                            std::string_view options) override;
  HResult SetAdditionalRestores(const Guid& writer_id, vss::ComponentType type,
                                std::string_view logical_path, std::string_view component_name,
                                bool additional_restores) override;
  HResult AddNewTarget(const Guid& writer_id, vss::ComponentType type,
                       std::string_view logical_path, std::string_view component_name,
                       std::string_view path, std::string_view filespec, bool recursive,
                       std::string_view alternate_path) override;
  HResult SetAuthoritativeRestore(const Guid& writer_id, vss::ComponentType type,
                                  std::string_view logical_path, std::string_view component_name,
                                  bool authoritative) override;
  HResult SetRollForward(const Guid& writer_id, vss::ComponentType type,
                         std::string_view logical_path, std::string_view component_name,
                         vss::RollForwardType roll_forward_type,
                         std::string_view roll_forward_point) override;
  HResult SetRestoreName(const Guid& writer_id, vss::ComponentType type,
                         std::string_view logical_path, std::string_view component_name,
                         std::string_view restore_name) override;
  HResult PreRestore(AsyncPtr* async) override;
  HResult SetFileRestoreStatus(const Guid& writer_id, vss::ComponentType type,
                               std::string_view logical_path, std::string_view component_name,
                               vss::FileRestoreStatus status) override;
  HResult AddAlternativeLocationMapping(const Guid& writer_id, vss::ComponentType type,
                                        std::string_view logical_path,
                                        std::string_view component_name, std::string_view path,
                                        std::string_view filespec, bool recursive,
                                        std::string_view destination) override;
  HResult SetRangesFilePath(const Guid& writer_id, vss::ComponentType type,
                            std::string_view logical_path, std::string_view component_name,
                            std::uint32_t partial_file_index,
                            std::string_view ranges_file) override;
  HResult PostRestore(AsyncPtr* async) override;

  // REQ-LIFE-04: the requester process died (Coordinator::Terminate).
  void Terminate();
  // The coordinator is being destroyed: touch it no more.
  void Orphan() { orphaned_ = true; }
  const std::string& name() const { return name_; }
  const Participant* FindParticipant(const writer::Writer& w) const;
  // Coordinator::FailWriterOutsideHandler for this session (session_events.cc).
  void FailOutsideHandler(const writer::Writer& w, vss::WriterEvent phase, HResult code,
                          HResult application_error, std::string_view message);

 private:
  // --- call bookkeeping (session.cc) ---
  // Traces a requester call; a braced list of views costs no allocation.
  void Call(Method method, std::initializer_list<trace::AttributeArg> attributes = {});
  HResult Done(Method method, HResult result, std::string_view rule = {});
  // Done for a refusal that is VSS's own limit, not a requester mistake: the result entry
  // carries `rule` and no finding is made (LIM-12).
  HResult DoneAtLimit(Method method, HResult result, std::string_view rule);
  void ReturnStatusSlots();  // LIM-09 (session_ops.cc)
  // The error for a call that is not legal now (released, wrong phase), already recorded.
  std::optional<HResult> Gate(Method method);
  void ApplyPhase(RequesterPhaseMachine::Change change);
  void RequesterFinding(std::string_view rule, std::string title,
                        std::vector<trace::Attribute> attributes = {});
  bool WriterContext() const;
  bool AutoRelease() const;
  vss::VolumeSnapshotAttributes SnapshotAttributes() const;
  bool WriterIncluded(const RegisteredWriter& w) const;
  metadata::WriterComponents* FindBcdWriter(const Guid& writer_id);
  metadata::ComponentState* FindBcdComponent(const Guid& writer_id, vss::ComponentType type,
                                             std::string_view logical_path, std::string_view name);
  HResult StartAsync(Method method, AsyncPtr* async);

  // --- restore (session_restore.cc, session_restore_ops.cc) ---
  // The component a restore call names, after the documented checks (REQ-CALL-32..41);
  // nullptr with `*error` set (already recorded by Done) otherwise.
  metadata::ComponentState* RestoreComponent(Method method, const Guid& writer_id,
                                             vss::ComponentType type, std::string_view logical_path,
                                             std::string_view component_name, HResult* error);
  HResult SelectForRestore(Method method, const Guid& writer_id, vss::ComponentType type,
                           std::string_view logical_path, std::string_view component_name,
                           bool selected, const Guid& instance_id);
  // The running writer a BCD writer's restore events go to (WRT-INIT-04/05), or nullptr.
  Participant* RestoreParticipant(const metadata::WriterComponents& w) const;
  metadata::WriterComponents* RestoreComponentsOf(const Participant& p);
  // The WMD description of a BCD component, from the running writer's metadata.
  // REQ-RST-01: the WMD a restore checks the requester's calls against: the one stored with
  // the backup (Coordinator::StoredWmd), else the running writer's; nullptr if neither.
  const metadata::WriterMetadata* RestoreWmd(const metadata::WriterComponents& w) const;
  const metadata::ComponentDescription* Describe(const Guid& writer_id, std::string_view lpath,
                                                 std::string_view name) const;
  void InvalidateWriterComponents();
  void RunPreRestore();
  void RunPostRestore();
  void CheckBeforePostRestore();
  void CheckServicesAtRelease();
  std::string HostingService(const Participant& p) const;

  // --- steps on the clock (session_events.cc) ---
  // The session's next step (one at a time: a new one replaces it). A template so `step` is
  // wrapped once: one std::function per step, not two.
  template <class Step>
  void Schedule(runtime::Duration delay, Step step) {
    CancelPendingStep();
    pending_step_ = clock_.ScheduleAfter(delay, [this, step = std::move(step)]() mutable {
      pending_step_ = 0;
      step();
    });
  }
  void CancelPendingStep();
  // Delivers `event` to the targets, group by group (session_events.cc), then calls
  // `then(any_veto)`. A new Broadcast replaces a fan-out still under way: the replies of the
  // old one are still traced, but it goes no further.
  void Broadcast(vss::WriterEvent event, const ParticipantList& targets,
                 std::function<void(bool)> then);
  void FanoutStep(std::uint64_t generation);
  static int GroupRank(const Participant& p, vss::WriterEvent event);
  // The fan-out's event to one participant: now, or when its running handler returns.
  void Dispatch(Participant& p, std::uint64_t generation);
  // One delivery of fan-out `generation` ended (its reply traced).
  void DeliveryEnded(std::uint64_t generation, bool vetoed);
  // The event traced and the handler run; nullopt when the writer state machine refused it.
  std::optional<DeliveryOutcome> BeginDelivery(Participant& p, vss::WriterEvent event,
                                               const DeliveryView& view);
  // The handler returned (or VSS stopped waiting): the reply traced, the machine updated.
  void EndDelivery(Participant& p, vss::WriterEvent event, const DeliveryOutcome& outcome);
  void MarkNotResponding(Participant& p);
  void CancelFreezeWindow(Participant& p);
  // OnIdentify with a fresh WMD builder; a writer that answers keeps the WMD as p.metadata.
  DeliveryOutcome RunIdentify(Participant& p, Delivery& delivery);
  // The sink for findings of `actor`'s metadata calls. REQUIRES: `actor` outlives it.
  metadata::FindingSink WriterFindings(const std::string& actor);
  // What the writers may see now (§3.6), written over `view` (its buffers are reused).
  void FillView(DeliveryView* view) const;
  // Traces p's state when it differs from the one last traced.
  void TraceState(Participant& p);
  // The writers of this backup's events after PrepareForBackup; without `with_vetoed`, not
  // those that vetoed PrepareForBackup (Choices::vetoing_writer_leaves_backup).
  ParticipantList Targets(bool with_vetoed = false) const;
  // Targets() in freeze order (WRT-SEQ-09): stably sorted by application level.
  ParticipantList FreezeOrder(bool with_vetoed = false) const;
  ParticipantList AbortTargets() const;
  void PumpUntil(const std::function<bool()>& done);

  // --- operations (session_ops.cc, session_snapshot.cc) ---
  void FinishOp(HResult result);
  void RunGather();
  void RunPrepare();
  void RunBackupComplete();
  void CheckBackupWithoutSnapshot();
  void RunStatus();
  void SnapshotBegin();
  void SnapshotAfterPrepare(bool veto);
  void SnapshotCommit();
  // SnapshotCommit, provider by provider: Pre/Commit/PostCommitSnapshots of the i-th provider
  // of the set; a CommitSnapshots held by its provider (VSS_S_ASYNC_PENDING) resumes in
  // AfterCommit when it returns (Provider::WhenCommitReturns, LIM-06).
  void CommitFrom(std::size_t i);
  void AfterCommit(std::size_t i, HResult commit_result);
  void SnapshotCommitted();
  void SnapshotAfterThaw(bool veto);
  void SnapshotFinalCommit();
  void AbortCreation();
  void FailCreation(HResult result);
  void OnFreezeWindowExpired(Participant& p);
  // Traces a provider call (`method`, its result `r`, one optional attribute) and returns the
  // result the requester sees (PRV-07). Call as ProviderCall("X", provider.X(...)).
  HResult ProviderCall(trace::KeptText method, HResult r, trace::AttributeArg extra = {});
  // The providers of the set's volumes, each once, in order of first use.
  boost::container::small_vector<storage::Provider*, 4> SetProviders() const;
  void DeleteSetSnapshots();
  void ReleaseCreationSlot();
  void EndSession(bool terminated);
  void CancelFreezeWindows();
  void CancelOperation();

  // --- SIM-SHUT-01, BT-05, only with a WriterDataMonitor (session_writer_data.cc) ---
  void WatchWriterData(const Participant& p, vss::WriterEvent event, const DeliveryView& view);
  void CheckWriterData(const Participant& p, const DeliveryOutcome& outcome);

  // --- SIM-QUIESCE-01, only with a QuiesceMonitor (session_quiesce.cc) ---
  void QuiesceAfterFreeze(Participant& p);
  void CheckQuiesce();
  void EndQuiesce(Participant& p);
  void EndAllQuiesce();

  Coordinator& vss_;
  runtime::Clock& clock_;  // outlives the coordinator (an orphaned session still cancels timers)
  std::string name_;
  std::string actor_;  // "requester:NAME"
  // actor_ and name_ interned in the trace: the entries of the session keep them, uncopied.
  trace::KeptText actor_text_;
  trace::KeptText name_text_;
  RequesterPhaseMachine phase_;
  Guid session_id_;
  bool released_ = false;
  bool orphaned_ = false;
  bool cancelled_ = false;  // the running operation was cancelled (Async::Cancel / AbortBackup)

  // Settings.
  bool context_set_ = false;
  std::uint32_t context_value_ = 0;
  vss::SnapshotContext context_ = vss::SnapshotContext::VSS_CTX_BACKUP;
  std::uint32_t modifiers_ = 0;
  bool backup_state_set_ = false;
  std::vector<Guid> enabled_classes_;
  std::vector<Guid> disabled_classes_;
  std::vector<Guid> disabled_instances_;

  // Discovery and BCD.
  bool gather_called_ = false;
  bool gathered_ = false;
  bool bcd_saved_ = false;  // SaveAsXML succeeded: the WMDs are kept with it (REQ-RST-01)
  bool metadata_freed_ = false;
  std::vector<std::unique_ptr<Participant>> participants_;
  metadata::BackupComponents bcd_;

  // Snapshot set.
  bool set_started_ = false;
  std::vector<VolumeInSet> volumes_;
  bool prepare_called_ = false;
  bool prepare_failed_ = false;
  bool creation_begun_ = false;    // BeginPrepareSnapshot was called
  bool end_prepared_ = false;      // EndPrepareSnapshots was called (PRV-06)
  bool committed_ = false;         // PostCommitSnapshots returned
  bool snapshot_created_ = false;  // DoSnapshotSet succeeded
  // LIM-12: StartSnapshotSet was refused with VSS_E_SNAPSHOT_SET_IN_PROGRESS and no later one
  // succeeded; a release in this state is traced (the requester gave up, duplicati #5570).
  bool refused_in_progress_ = false;
  bool abort_requested_ = false;
  bool backup_complete_called_ = false;
  bool status_after_complete_ = false;
  bool aborted_ = false;
  HResult failure_result_;       // a provider failure that made VSS abort the creation
  trace::KeptText set_id_text_;  // bcd_.snapshot_set_id as text, interned for trace entries

  // Restore.
  bool restore_ = false;                // InitializeForRestore succeeded
  std::vector<Guid> restore_instance_;  // per bcd_.writers: SetSelectedForRestoreEx target
  std::vector<std::unique_ptr<RequesterWriterComponents>> handed_out_;  // GetWriterComponents
  bool components_read_before_pre_restore_ = false;                     // REQ-RST-07
  bool components_read_after_pre_restore_ = false;
  bool pre_restore_called_ = false;
  bool post_restore_called_ = false;
  std::size_t services_at_pre_restore_ = 0;  // service_changes() size when PreRestore ended
  std::size_t services_at_post_restore_ = 0;

  // Status.
  bool status_gathered_ = false;
  std::vector<WriterStatus> status_;

  // The fan-out under way (Broadcast): one per session, its buffers reused event after event.
  struct Fanout {
    vss::WriterEvent event = vss::WriterEvent::kIdentify;
    DeliveryView view;  // fixed for the whole fan-out
    ParticipantList targets;
    std::size_t next = 0;
    std::size_t outstanding = 0;  // deliveries of the current group whose reply is still due
    bool any_veto = false;
    std::function<void(bool)> then;
    std::uint64_t generation = 0;  // tells a stale step from the current fan-out
  };
  Fanout fanout_;

  // The running asynchronous operation and its next step.
  std::shared_ptr<AsyncOperation> op_;
  runtime::TimerId pending_step_ = 0;
  // Timers that run alongside the step (a handler returning, an event waiting for a busy
  // writer); cancelled when the session goes.
  TimerGroup timers_;
};

}  // namespace vsssim::coordinator

#endif  // VSSSIM_SIM_COORDINATOR_SESSION_H_
