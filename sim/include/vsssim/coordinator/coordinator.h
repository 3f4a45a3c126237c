// The VSS service model: a registry of writers and providers, requester sessions with their
// call-order machines, event fan-out to writers through per-session writer state machines on
// the virtual clock, writer status, and the system-wide snapshot-creation slot (LIM-12).
//
// Usage:
//   runtime::Clock clock; trace::Trace trace(clock); RecordingProvider provider(clock);
//   Coordinator vss(clock, trace, provider);
//   vss.RegisterWriter(my_writer);
//   std::unique_ptr<Requester> r = vss.CreateVssBackupComponents("r1");
//   r->InitializeForBackup(); ... r->Release();
//
// Storage wiring (optional; without it nothing below happens and traces are unchanged):
//   storage::VolumeManager volumes(clock); storage::CowProvider cow(volumes, clock, &trace);
//   Coordinator vss(clock, trace, cow); vss.AttachStorage(volumes);
// AttachStorage makes the coordinator own a storage::QuiesceMonitor over `volumes` (or
// SetQuiesceMonitor hands it one the caller owns). Then, SIM-QUIESCE-01: when a writer's Freeze
// returns true (at the virtual instant the handler returns, i.e. after its spent time), the
// coordinator begins quiescence of the writer's file sets from its writer metadata (file
// groups, database and log files, minus excludes and excludes-from-snapshot); once the
// provider commit of the set succeeded it compares the shadow copies (of providers that are
// storage::CowProvider) with the capture; just before delivering the writer's Thaw or Abort
// (or when the creation ends otherwise) it ends quiescence. Findings: kFinding, rule
// SIM-QUIESCE-01 (see quiesce_monitor.h). Writers reach the volumes through volumes().
// AttachStorage (or AttachWriterDataMonitor alone) also checks what a writer does to its log
// files in its handlers: SIM-SHUT-01 and BT-05 findings (sim/coordinator/writer_data_monitor.h).
//
// Simulated service control (REQ-RST-11, WRT-SEQ-11): StopService / StartService stand for the
// Service Control Manager calls a requester makes around a STOP_RESTORE_START or
// RESTORE_STOP_START restore. A writer hosted in a stopped service (Writer::hosting_service(),
// or by Choices::writer_hosted_in_restore_service the service its restore method names) is not
// running: it is not asked to Identify, loses the session it was in (no PostRestore), and on
// StartService subscribes again with a new instance id (WRT-INIT-04). Without these calls
// nothing changes (backup traces are unaffected).
//
// Writers in processes of their own (sim/remote): a writer whose process ended (its connection
// closed, it exited or was killed) has unsubscribed (WRT-INIT-03). SetWriterGoneProbe tells the
// coordinator how to ask; it asks after every event it delivered to a writer and before every
// gather. The session the writer failed in keeps it (the handler never returned: the hang path,
// VSS_E_WRITER_NOT_RESPONDING, WRT-TIME-05); later gathers, status lists and injected
// Identify no longer see it. Registering the same writer again subscribes it with a new
// instance id (WRT-INIT-04). Without a probe nothing changes.
//
// Test and scenario hooks: InjectIdentify (WRT-IDENTIFY-01: any party, any moment),
// Terminate (REQ-LIFE-04: the requester process dies), SetBeforeEventHook (a callback before
// every writer event of a session, e.g. to inject an Identify between Freeze and Thaw).
//
// Determinism: ids (instances, sessions, snapshot sets, snapshots) come from a Random seeded
// by `seed`; time only moves through the Clock. Thread safety: none (single simulator thread).
#ifndef VSSSIM_COORDINATOR_COORDINATOR_H_
#define VSSSIM_COORDINATOR_COORDINATOR_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vsssim/coordinator/choices.h"
#include "vsssim/coordinator/requester.h"
#include "vsssim/metadata/writer_metadata.h"
#include "vsssim/runtime/clock.h"
#include "vsssim/runtime/random.h"
#include "vsssim/storage/provider.h"
#include "vsssim/storage/quiesce_monitor.h"
#include "vsssim/storage/volume_manager.h"
#include "vsssim/trace/trace.h"
#include "vsssim/vss/writer_event.h"
#include "vsssim/writer/writer.h"

namespace vsssim::coordinator {

class Session;
class TimerGroup;
class WriterDataMonitor;

// A writer known to the service (after Initialize + Subscribe).
struct RegisteredWriter {
  writer::Writer* writer = nullptr;
  Guid instance_id;              // made by VSS (WRT-INIT-04)
  std::string actor;             // "writer:NAME" in the trace
  std::uint32_t generation = 0;  // +1 each time its hosting service stops (WRT-SEQ-11)
                                 // or its process ends (Unsubscribe, WRT-INIT-03)
  bool unsubscribed = false;     // its process ended: no events until it subscribes again
};

// One StopService / StartService call, in call order (REQ-RST-11 checks use the index).
struct ServiceChange {
  std::string service;
  bool running = false;  // false: stopped
};

class Coordinator {
 public:
  // REQUIRES: clock, trace and provider outlive the coordinator and its requesters.
  Coordinator(runtime::Clock& clock, trace::Trace& trace, storage::Provider& provider,
              Choices choices = {}, std::uint64_t seed = 1);
  ~Coordinator();
  Coordinator(const Coordinator&) = delete;
  Coordinator& operator=(const Coordinator&) = delete;

  // Subscribe. A second Subscribe of the same writer is a WRT-INIT-03 finding
  // (VSS_E_WRITER_ALREADY_SUBSCRIBED) and returns the first registration.
  // REQUIRES: the writer outlives the coordinator.
  RegisteredWriter RegisterWriter(writer::Writer& writer);
  // More providers; PRV-01 picks among them for GUID_NULL.
  void AddProvider(storage::Provider& provider);

  // SIM-QUIESCE-01 wiring (see the file comment). AttachStorage creates and owns a monitor
  // over `volumes`; SetQuiesceMonitor uses the caller's (nullptr: no torn-snapshot checks).
  // REQUIRES: `volumes` / `monitor` outlive the coordinator; call before any requester runs.
  void AttachStorage(storage::VolumeManager& volumes);
  // `watched` (empty: every writer) limits the capture at Freeze to the writers it accepts by
  // name, when the caller checks the others its own way (the scenario world checks scripted
  // writers from the scenario's file sets and writer processes through this monitor).
  void SetQuiesceMonitor(storage::QuiesceMonitor* monitor,
                         std::function<bool(std::string_view writer)> watched = {}) {
    quiesce_ = monitor;
    quiesce_watched_ = std::move(watched);
  }
  // True when the quiesce monitor captures `writer`'s files at its Freeze (SIM-QUIESCE-01).
  bool QuiesceWatches(std::string_view writer) const {
    return quiesce_ != nullptr && (!quiesce_watched_ || quiesce_watched_(writer));
  }
  // Sets what volumes() returns without a monitor of the coordinator's own (AttachStorage does
  // both).
  void SetVolumes(storage::VolumeManager* volumes) { volumes_ = volumes; }
  // The machine's volumes (nullptr unless attached): where writers write their files.
  storage::VolumeManager* volumes() const { return volumes_; }
  storage::QuiesceMonitor* quiesce_monitor() const { return quiesce_; }
  // SIM-SHUT-01, BT-05: a monitor of what writers do to their log files while their handlers
  // run (sim/coordinator/writer_data_monitor.h). AttachStorage attaches one as well.
  void AttachWriterDataMonitor(storage::VolumeManager& volumes);
  WriterDataMonitor* writer_data_monitor() const { return data_monitor_.get(); }

  // CreateVssBackupComponents (REQ-LIFE-01). `name` appears as "requester:NAME".
  std::unique_ptr<Requester> CreateVssBackupComponents(std::string name);

  // WRT-IDENTIFY-01: another party (`by`) asks every writer (or `only` that one) to identify,
  // now. A writer whose hosting service is stopped is not asked (REQ-RST-11), as in a session's
  // gather. Touches no session state. Like every writer event it reaches a writer that is
  // inside another handler when that handler returns (Choices::serialise_events_per_writer),
  // and its reply is traced when the handler returns on the virtual clock (it may run inside a
  // hook: nothing waits).
  void InjectIdentify(std::string_view by, const writer::Writer* only = nullptr);

  // Writer activity on the virtual clock, across sessions: when the handler a writer is
  // running returns. <= clock().Now(): none runs; kNever: it never returns (Hang()).
  static constexpr runtime::TimePoint kNever{runtime::Duration::max()};
  runtime::TimePoint WriterFreeAt(const writer::Writer& writer) const;
  void SetWriterBusyUntil(const writer::Writer& writer, runtime::TimePoint until);
  // Runs the clock until no writer handler that will return is still running (the replies of
  // handlers that spend virtual time are traced then). A scenario calls it after its last step.
  void FinishRunningHandlers();
  // REQ-LIFE-04, WRT-SEQ-07: the requester's process dies without Release.
  void Terminate(Requester& requester);
  // Called before each writer event a session delivers: (requester name, writer actor, event).
  using BeforeEventHook =
      std::function<void(std::string_view requester, std::string_view writer, vss::WriterEvent)>;
  void SetBeforeEventHook(BeforeEventHook hook) { before_event_ = std::move(hook); }

  // REQ-RST-11: `by` (a trace actor) stops / starts a simulated service. S_FALSE when it is
  // already in that state.
  HResult StopService(std::string_view by, std::string_view service);
  HResult StartService(std::string_view by, std::string_view service);
  bool ServiceRunning(std::string_view service) const;
  const std::vector<ServiceChange>& service_changes() const { return service_changes_; }
  // The service hosting `writer` ("" = none): Writer::hosting_service(), else (choice) the
  // service its restore method names, as learnt from its last Identify.
  std::string HostingService(const writer::Writer& writer) const;
  // Sessions note the restore-method service a writer declared (Identify).
  void NoteRestoreService(const writer::Writer& writer, std::string service);
  // REQ-RST-01: a requester keeps the WMDs it gathered with the BCD it saved, and restores
  // from those, not from what live writers say at restore time. The simulator keeps them for
  // it: a backup session that saved its BCD hands its writers' WMDs over as it ends, by
  // snapshot set id (the last kStoredBackups backups). Restore sessions of that BCD check
  // the requester's restore-time calls against them (docs/rules-enforced.md).
  static constexpr std::size_t kStoredBackups = 64;
  void KeepBackupWmds(const Guid& snapshot_set_id, std::vector<metadata::WriterMetadata> wmds);
  // The stored WMD of writer class `writer_id` / `instance_name` in that backup, or nullptr
  // (a BCD this coordinator did not make).
  const metadata::WriterMetadata* StoredWmd(const Guid& snapshot_set_id, const Guid& writer_id,
                                            std::string_view instance_name) const;
  // The registration as it is now (nullptr when unknown).
  const RegisteredWriter* Registration(const writer::Writer& writer) const;
  // False while the writer's hosting service is stopped, or once its process ended.
  bool WriterRunning(const writer::Writer& writer) const;
  // Why `writer`'s process is gone, or "" while it runs (e.g. remote::RemoteWriter's
  // disconnect_reason() when not connected()). Writers of this process always run.
  using WriterGoneProbe = std::function<std::string(const writer::Writer&)>;
  void SetWriterGoneProbe(WriterGoneProbe probe) { gone_probe_ = std::move(probe); }
  // Asks the probe about `writer`; when its process ended, unsubscribes it (WRT-INIT-03: a
  // trace note with the reason, generation + 1). Returns WriterRunning(writer).
  bool CheckWriterProcess(const writer::Writer& writer);

  // Writer behaviour outside handlers (docs/scenario-format.md "Writer timers"): the writer
  // (its framework's own timer thread, KB 915331) fails itself outside any handler. Every live
  // session that holds `writer` and has not shut it down records FAILED_AT_<phase> with `code`
  // (and the SetWriterFailureEx application error and message); traced as a state change.
  // WRT-TIME-01, LIM-05, GAP-02. Not a WRT-THREAD-01 finding: no handler is running.
  void FailWriterOutsideHandler(const writer::Writer& writer, vss::WriterEvent phase, HResult code,
                                HResult application_error, std::string_view message);
  // Service control of a writer in a process of its own (no hosting service): its process ends
  // (Unsubscribe, WRT-INIT-03: no events, a handler it hung in is gone) / starts again and
  // subscribes with a new instance id (WRT-INIT-04). S_FALSE when already in that state.
  HResult StopWriterProcess(std::string_view by, const writer::Writer& writer);
  HResult StartWriterProcess(std::string_view by, const writer::Writer& writer);

  // The state/failure `requester`'s session holds for `writer` (VSS_WS_UNKNOWN if none).
  vss::WriterState WriterStateIn(const Requester& requester, const writer::Writer& writer) const;
  HResult WriterFailureIn(const Requester& requester, const writer::Writer& writer) const;

  // Accessors for sessions.
  runtime::Clock& clock() { return clock_; }
  trace::Trace& trace() { return trace_; }
  const Choices& choices() const { return choices_; }
  runtime::Random& random() { return random_; }
  const std::vector<RegisteredWriter>& writers() const { return writers_; }
  const std::vector<storage::Provider*>& providers() const { return providers_; }
  const BeforeEventHook& before_event_hook() const { return before_event_; }

  // LIM-12: the one session allowed to create a snapshot set; nullptr when free.
  Session* creating_session() const { return creating_; }
  void set_creating_session(Session* session) { creating_ = session; }
  // LIM-09 (Choices::writer_status_slots): takes one of `writer`'s status slots; false when
  // none is free. Always true without a limit.
  bool TakeStatusSlot(const writer::Writer& writer);
  void ReturnStatusSlot(const writer::Writer& writer);
  void Forget(Session* session);

 private:
  runtime::Clock& clock_;
  trace::Trace& trace_;
  Choices choices_;
  runtime::Random random_;
  std::vector<storage::Provider*> providers_;
  std::vector<RegisteredWriter> writers_;
  std::vector<Session*> sessions_;
  Session* creating_ = nullptr;
  BeforeEventHook before_event_;
  WriterGoneProbe gone_probe_;
  storage::VolumeManager* volumes_ = nullptr;
  std::unique_ptr<storage::QuiesceMonitor> owned_quiesce_;
  storage::QuiesceMonitor* quiesce_ = nullptr;
  std::function<bool(std::string_view)> quiesce_watched_;
  std::unique_ptr<WriterDataMonitor> data_monitor_;
  std::vector<ServiceChange> service_changes_;
  std::vector<std::string> stopped_services_;
  std::vector<std::pair<const writer::Writer*, std::string>> restore_services_;
  std::vector<std::pair<Guid, std::vector<metadata::WriterMetadata>>> stored_wmds_;  // oldest first
  std::vector<std::pair<const writer::Writer*, runtime::TimePoint>> busy_until_;
  std::vector<std::pair<const writer::Writer*, std::uint32_t>> status_slots_used_;  // LIM-09
  std::unique_ptr<TimerGroup> identify_timers_;  // injected Identify steps still due

  // One injected Identify to one writer: now, or when its running handler returns.
  void DeliverInjectedIdentify(const RegisteredWriter& w, const std::string& by);
};

}  // namespace vsssim::coordinator

#endif  // VSSSIM_COORDINATOR_COORDINATOR_H_
