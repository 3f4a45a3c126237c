// Session: restore initialisation, the requester's view of the BCD, PreRestore and
// PostRestore with their writer policies, and the restore mistakes the simulator can see
// (CATALOGUE.md §2.4: REQ-RST-04/07/08/09/11, WRT-SEQ-11/12, REQ-CALL-25).
#include <string>
#include <utility>

#include "sim/coordinator/session.h"
#include "vsssim/metadata/xml_codec.h"

namespace vsssim::coordinator {
namespace {

using vss::RestoreMethod;
using vss::WriterEvent;

std::string ComponentText(const metadata::ComponentState& c) {
  return c.logical_path.empty() ? c.name : c.logical_path + "\\" + c.name;
}

// True when service_changes()[from..] stop `service` and later start it again.
bool StoppedAndStarted(const std::vector<ServiceChange>& changes, std::size_t from,
                       const std::string& service) {
  bool stopped = false;
  for (std::size_t i = from; i < changes.size(); ++i) {
    if (changes[i].service != service) continue;
    if (!changes[i].running) stopped = true;
    if (changes[i].running && stopped) return true;
  }
  return false;
}

// REQ-RST-12: the writer declared a writer-restore other than VSS_WRE_NEVER.
bool TakesRestoreEvents(const Participant& p) {
  const auto& rm = p.metadata.metadata().restore_method;
  return rm && rm->writer_restore != vss::WriterRestore::VSS_WRE_NEVER;
}

bool StoppedSince(const std::vector<ServiceChange>& changes, std::size_t from,
                  const std::string& service) {
  for (std::size_t i = from; i < changes.size(); ++i) {
    if (changes[i].service == service && !changes[i].running) return true;
  }
  return false;
}

}  // namespace

// --- initialisation ----------------------------------------------------------------------------

HResult Session::InitializeForRestore(std::string_view bcd_xml) {
  Call(Method::kInitializeForRestore);
  if (auto e = Gate(Method::kInitializeForRestore)) return *e;
  // REQ-CALL-02, REQ-RST-01: the saved, unedited BCD of the backup.
  metadata::ReadResult<metadata::BackupComponents> read =
      metadata::ReadBackupComponentsXml(bcd_xml);
  if (!read.ok()) return Done(Method::kInitializeForRestore, hr::VSS_E_INVALID_XML_DOCUMENT);
  bcd_ = std::move(*read.document);
  restore_ = true;
  restore_instance_.assign(bcd_.writers.size(), kGuidNull);
  ApplyPhase(RequesterPhaseMachine::Change::kInitializeForRestore);
  return Done(Method::kInitializeForRestore, hr::S_OK);
}

// --- which running writer gets a BCD writer's restore events -----------------------------------

Participant* Session::RestoreParticipant(const metadata::WriterComponents& w) const {
  const std::size_t index = static_cast<std::size_t>(&w - bcd_.writers.data());
  const Guid wanted = index < restore_instance_.size() ? restore_instance_[index] : kGuidNull;
  for (const auto& p : participants_) {
    const writer::WriterIdentity& id = p->registered.writer->identity();
    if (id.class_id != w.writer_id) continue;
    if (wanted != kGuidNull) {  // SetSelectedForRestoreEx (RESTORE_WITH_MOVE)
      if (p->registered.instance_id == wanted) return p.get();
      continue;
    }
    // WRT-INIT-04/05: the stored instance id is stale; the instance name routes the restore.
    if (id.instance_name != w.instance_name) continue;
    // REQ-RST-12 (Windows Server 2003 and older): one instance of the class that takes part
    // in restores gets them all; "which instance ... is indeterminate": the first identified.
    if (Applies(VersionRule::kOneRestoreInstancePerClass, vss_.choices().windows) &&
        TakesRestoreEvents(*p)) {
      for (const auto& q : participants_) {
        if (q->registered.writer->identity().class_id == w.writer_id && TakesRestoreEvents(*q)) {
          return q.get();
        }
      }
    }
    return p.get();
  }
  return nullptr;
}

metadata::WriterComponents* Session::RestoreComponentsOf(const Participant& p) {
  for (metadata::WriterComponents& w : bcd_.writers) {
    if (RestoreParticipant(w) == &p) return &w;
  }
  return nullptr;
}

std::string Session::HostingService(const Participant& p) const {
  return vss_.HostingService(*p.registered.writer);
}

// --- the requester's view of the BCD (REQ-CALL-25, REQ-RST-07) ---------------------------------

HResult Session::GetWriterComponentsCount(std::uint32_t* count) {
  Call(Method::kGetWriterComponentsCount);
  if (auto e = Gate(Method::kGetWriterComponentsCount)) return *e;
  if (count == nullptr) return Done(Method::kGetWriterComponentsCount, hr::E_INVALIDARG);
  *count = static_cast<std::uint32_t>(bcd_.writers.size());
  return Done(Method::kGetWriterComponentsCount, hr::S_OK);
}

HResult Session::GetWriterComponents(std::uint32_t index, WriterComponentsExt** components) {
  Call(Method::kGetWriterComponents, {{"index", std::to_string(index)}});
  if (auto e = Gate(Method::kGetWriterComponents)) return *e;
  if (components == nullptr) return Done(Method::kGetWriterComponents, hr::E_INVALIDARG);
  if (index >= bcd_.writers.size()) {
    return Done(Method::kGetWriterComponents, hr::VSS_E_OBJECT_NOT_FOUND);
  }
  if (restore_) {  // REQ-RST-07: when the requester reads the writers' component state
    (phase_.phase() == Phase::kPreRestored ? components_read_after_pre_restore_
                                           : components_read_before_pre_restore_) = true;
  }
  metadata::FindingSink sink = [this](std::string_view rule, std::string message) {
    RequesterFinding(rule, std::move(message));
  };
  handed_out_.push_back(std::make_unique<RequesterWriterComponents>(
      bcd_.writers[index],
      restore_ ? metadata::Caller::Operation::kRestore : metadata::Caller::Operation::kBackup,
      std::move(sink)));
  *components = handed_out_.back().get();
  return Done(Method::kGetWriterComponents, hr::S_OK);
}

void Session::InvalidateWriterComponents() {  // REQ-CALL-25
  for (auto& w : handed_out_) w->MakeStale();
}

// --- PreRestore --------------------------------------------------------------------------------

HResult Session::PreRestore(AsyncPtr* async) {
  Call(Method::kPreRestore);
  if (auto e = Gate(Method::kPreRestore)) return *e;
  HResult started = StartAsync(Method::kPreRestore, async);
  if (started != hr::S_OK) return started;
  pre_restore_called_ = true;
  InvalidateWriterComponents();
  RunPreRestore();
  return Done(Method::kPreRestore, hr::S_OK);
}

void Session::RunPreRestore() {
  // REQ-RST-04: only writers with a component selected for restore take part. A selected
  // component whose writer is not running is restored without it (REQ-RST-05).
  for (auto& p : participants_) p->in_backup = false;
  for (const metadata::WriterComponents& w : bcd_.writers) {
    bool selected = false;
    for (const metadata::ComponentState& c : w.components) selected |= c.selected_for_restore;
    if (Participant* p = selected ? RestoreParticipant(w) : nullptr) p->in_backup = true;
  }
  Broadcast(WriterEvent::kPreRestore, Targets(), [this](bool veto) {
    for (Participant* p : Targets()) {
      const bool failed =
          !p->responding || p->machine.state() == vss::WriterState::VSS_WS_FAILED_AT_PRE_RESTORE;
      if (failed && vss_.choices().stop_restore_after_pre_restore_veto) {
        p->restore_stopped = true;  // WRT-RET-03: the writer vetoed its restore
        vss_.trace().Append(trace::EntryKind::kNote, "vss", p->registered.actor,
                            "restore of the writer's components stopped", {{"requester", name_}},
                            "WRT-RET-03");
      }
      const metadata::WriterComponents* w = RestoreComponentsOf(*p);
      if (w == nullptr) continue;
      const auto& rm = p->metadata.metadata().restore_method;
      const bool has_mappings = rm && !rm->alternate_location_mappings.empty();
      for (const metadata::ComponentState& c : w->components) {
        // ALT-03: RT_ALTERNATE without any alternate location mapping is a writer error.
        if (c.restore_target == vss::RestoreTarget::VSS_RT_ALTERNATE && !has_mappings) {
          vss_.trace().Append(trace::EntryKind::kFinding, p->registered.actor, "vss",
                              "restore target ALTERNATE without alternate location mappings",
                              {{"requester", name_}, {"component", ComponentText(c)}}, "ALT-03");
        }
        // DT-01: RT_DIRECTED names the writer's directed targets; it added none.
        if (c.restore_target == vss::RestoreTarget::VSS_RT_DIRECTED && c.directed_targets.empty()) {
          vss_.trace().Append(trace::EntryKind::kFinding, p->registered.actor, "vss",
                              "restore target DIRECTED without a directed target",
                              {{"requester", name_}, {"component", ComponentText(c)}}, "DT-01");
        }
      }
    }
    services_at_pre_restore_ = vss_.service_changes().size();
    ApplyPhase(RequesterPhaseMachine::Change::kPreRestoreCompleted);
    FinishOp(veto ? vss_.choices().restore_veto_result : hr::S_OK);
  });
}

// --- PostRestore -------------------------------------------------------------------------------

HResult Session::PostRestore(AsyncPtr* async) {
  Call(Method::kPostRestore);
  if (auto e = Gate(Method::kPostRestore)) return *e;
  HResult started = StartAsync(Method::kPostRestore, async);
  if (started != hr::S_OK) return started;
  post_restore_called_ = true;
  CheckBeforePostRestore();
  InvalidateWriterComponents();
  RunPostRestore();
  return Done(Method::kPostRestore, hr::S_OK);
}

void Session::CheckBeforePostRestore() {
  // REQ-RST-07: targets and directed targets are final only after PreRestore.
  if (!components_read_after_pre_restore_) {
    RequesterFinding("REQ-RST-07", components_read_before_pre_restore_
                                       ? "component state read only before PreRestore"
                                       : "component state not read back after PreRestore");
  }
  // REQ-RST-08: a file restore status for every component selected for restore.
  for (const metadata::WriterComponents& w : bcd_.writers) {
    for (const metadata::ComponentState& c : w.components) {
      if (c.selected_for_restore &&
          c.file_restore_status == vss::FileRestoreStatus::VSS_RS_UNDEFINED) {
        RequesterFinding("REQ-RST-08", "no SetFileRestoreStatus for a selected component",
                         {{"component", ComponentText(c)}});
      }
    }
  }
  // REQ-RST-11: STOP_RESTORE_START = PreRestore, stop, copy, start, PostRestore.
  for (Participant* p : Targets()) {
    const auto& rm = p->metadata.metadata().restore_method;
    if (!rm || rm->method != RestoreMethod::VSS_RME_STOP_RESTORE_START || rm->service.empty()) {
      continue;
    }
    const auto& changes = vss_.service_changes();
    if (!StoppedSince(changes, services_at_pre_restore_, rm->service)) {
      RequesterFinding("REQ-RST-11", "service not stopped for a STOP_RESTORE_START restore",
                       {{"writer", p->registered.actor}, {"service", rm->service}});
    } else if (!StoppedAndStarted(changes, services_at_pre_restore_, rm->service)) {
      RequesterFinding("REQ-RST-11", "service not restarted before PostRestore",
                       {{"writer", p->registered.actor}, {"service", rm->service}});
    }
  }
}

void Session::RunPostRestore() {
  ParticipantList targets;
  bool lost_any = false;
  for (Participant* p : Targets()) {
    if (p->restore_stopped) continue;  // its PreRestore failed (Choices)
    const RegisteredWriter* now = vss_.Registration(*p->registered.writer);
    if ((now != nullptr && now->generation != p->registered.generation) ||
        !vss_.WriterRunning(*p->registered.writer)) {
      // WRT-SEQ-11: the writer lived in the stopped service; its instance is gone.
      p->lost = true;
      lost_any = true;
      vss_.trace().Append(trace::EntryKind::kNote, "vss", p->registered.actor,
                          "writer lost with its service: no PostRestore",
                          {{"requester", name_}, {"service", HostingService(*p)}}, "WRT-SEQ-11");
      continue;
    }
    const auto& rm = p->metadata.metadata().restore_method;
    if (rm && rm->writer_restore == vss::WriterRestore::VSS_WRE_IF_REPLACE_FAILS &&
        vss_.choices().if_replace_fails_post_restore_only_on_failure) {
      bool replace_failed = false;  // WRT-SEQ-12: PostRestore only after a failed replace
      if (const metadata::WriterComponents* w = RestoreComponentsOf(*p)) {
        for (const metadata::ComponentState& c : w->components) {
          replace_failed |=
              c.selected_for_restore && c.file_restore_status != vss::FileRestoreStatus::VSS_RS_ALL;
        }
      }
      if (!replace_failed) {
        vss_.trace().Append(trace::EntryKind::kNote, "vss", p->registered.actor,
                            "no PostRestore: every file was replaced", {{"requester", name_}},
                            "WRT-SEQ-12");
        continue;
      }
    }
    targets.push_back(p);
  }
  Broadcast(WriterEvent::kPostRestore, targets, [this, lost_any](bool veto) {
    services_at_post_restore_ = vss_.service_changes().size();
    ApplyPhase(RequesterPhaseMachine::Change::kPostRestoreCompleted);
    HResult result = veto ? vss_.choices().restore_veto_result : hr::S_OK;
    if (lost_any && result == hr::S_OK) result = vss_.choices().lost_writer_post_restore_result;
    FinishOp(result);
  });
}

// --- Release of a restore instance -------------------------------------------------------------

void Session::CheckServicesAtRelease() {
  // REQ-RST-09: writers read the BCD until they finished PostRestore.
  const bool running = op_ && op_->pending() && (pre_restore_called_ || post_restore_called_);
  if (phase_.phase() == Phase::kPreRestored || running) {
    RequesterFinding("REQ-RST-09", "released before the writers finished PostRestore",
                     {{"phase", std::string(NameOf(phase_.phase()))}});
  }
  if (!pre_restore_called_) return;
  for (Participant* p : Targets()) {
    const auto& rm = p->metadata.metadata().restore_method;
    if (!rm || rm->service.empty()) continue;
    const bool restore_stop_start = rm->method == RestoreMethod::VSS_RME_RESTORE_STOP_START;
    // REQ-RST-11: RESTORE_STOP_START = PreRestore, copy, PostRestore, stop, start.
    if (restore_stop_start && phase_.phase() == Phase::kPostRestored &&
        !StoppedAndStarted(vss_.service_changes(), services_at_post_restore_, rm->service)) {
      RequesterFinding("REQ-RST-11", "service not stopped and started after PostRestore",
                       {{"writer", p->registered.actor}, {"service", rm->service}});
    }
    if ((restore_stop_start || rm->method == RestoreMethod::VSS_RME_STOP_RESTORE_START) &&
        !vss_.ServiceRunning(rm->service)) {
      RequesterFinding("REQ-RST-11", "service left stopped",
                       {{"writer", p->registered.actor}, {"service", rm->service}});
    }
  }
}

}  // namespace vsssim::coordinator
