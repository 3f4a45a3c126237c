// Session: the asynchronous calls other than DoSnapshotSet, AbortBackup, Release and
// termination (CATALOGUE.md §2.2, §2.5, §2.6, REQ-LIFE-04, WRT-SEQ-07).
#include <utility>

#include "sim/coordinator/session.h"
#include "vsssim/metadata/file_semantics.h"

namespace vsssim::coordinator {

using namespace trace::literals;  // "vss"_kept: texts the trace keeps uncopied

using vss::WriterEvent;

metadata::WriterIdentity IdentityFor(const RegisteredWriter& w) {
  const writer::WriterIdentity& id = w.writer->identity();
  metadata::WriterIdentity out;
  out.writer_id = id.class_id;
  out.instance_id = w.instance_id;
  out.writer_name = id.name;
  out.instance_name = id.instance_name;
  out.usage = id.usage;
  out.source_type = id.source;
  return out;
}

HResult Session::StartAsync(Method method, AsyncPtr* async) {
  if (async == nullptr) return Done(method, hr::E_INVALIDARG);
  if (op_ && op_->pending()) return Done(method, vss_.choices().async_call_while_pending);
  cancelled_ = false;
  op_ = std::make_shared<AsyncOperation>(vss_.clock(), vss_.trace(), actor_text_,
                                         trace::KeptText::Static(NameOf(method)),
                                         [this] { CancelOperation(); });
  *async = op_;
  return hr::S_OK;
}

void Session::FinishOp(HResult result) {
  if (op_) op_->Finish(cancelled_ ? hr::VSS_S_ASYNC_CANCELLED : result);
}

void Session::CancelOperation() {  // ASYNC-04
  cancelled_ = true;
  CancelPendingStep();
  if (creation_begun_ && !snapshot_created_ && vss_.creating_session() == this) {
    AbortCreation();  // WRT-SEQ-06: frozen writers still get their Abort
    PumpUntil([this] { return vss_.creating_session() != this; });
  }
}

// --- GatherWriterMetadata ----------------------------------------------------------------------

HResult Session::GatherWriterMetadata(AsyncPtr* async) {
  Call(Method::kGatherWriterMetadata);
  if (auto e = Gate(Method::kGatherWriterMetadata)) return *e;
  if (gather_called_) {  // REQ-ORDER-05: exactly once; GAP-04
    return Done(Method::kGatherWriterMetadata, vss_.choices().repeated_call, "REQ-ORDER-05");
  }
  HResult started = StartAsync(Method::kGatherWriterMetadata, async);
  if (started != hr::S_OK) return started;
  gather_called_ = true;
  RunGather();
  return Done(Method::kGatherWriterMetadata, hr::S_OK);
}

void Session::RunGather() {
  ParticipantList asked;
  participants_.reserve(vss_.writers().size());
  for (const RegisteredWriter& w : vss_.writers()) {
    if (!WriterIncluded(w)) continue;  // REQ-CALL-04
    // Its hosting service is stopped (REQ-RST-11) or its process ended (WRT-INIT-03).
    if (!vss_.CheckWriterProcess(*w.writer)) continue;
    participants_.push_back(std::make_unique<Participant>(w, vss_.choices().freeze_timeout_state));
    // An event the writer state machine refuses is a bug of the coordinator, made visible.
    // Two pointers (the participant is heap-stable): no allocation for the handler.
    Participant* participant = participants_.back().get();
    participant->actor = vss_.trace().Intern(participant->registered.actor);
    participant->status_slot = vss_.TakeStatusSlot(*w.writer);
    if (!participant->status_slot) {  // LIM-09: every slot is held by sessions not cleaned up
      vss_.trace().Append(trace::EntryKind::kNote, "vss", participant->registered.actor,
                          "no writer status slot free", {{"requester", name_}}, "LIM-09");
    }
    participant->machine.SetUnexpectedHandler([this, participant](std::string_view event,
                                                                  std::string_view state) {
      vss_.trace().Append(trace::EntryKind::kFinding, "vss", participant->registered.actor,
                          "event out of the writer sequence",
                          {{"requester", name_}, {"event", event}, {"state", state}}, "WRT-SEQ-01");
    });
    asked.push_back(participants_.back().get());
  }
  Broadcast(WriterEvent::kIdentify, asked, [this](bool) {
    // WRT-IDENTIFY-04, BUG-06/07: a writer whose Identify failed or never answered is absent.
    auto kept = participants_.begin();
    for (auto& p : participants_) {
      if (p->identified) {
        if (&*kept != &p) *kept = std::move(p);
        ++kept;
      } else {
        vss_.trace().Append(trace::EntryKind::kNote, "vss", actor_, "writer omitted",
                            {{"writer", p->registered.actor}}, "WRT-IDENTIFY-04");
      }
    }
    participants_.erase(kept, participants_.end());
    gathered_ = true;
    ApplyPhase(RequesterPhaseMachine::Change::kGatherCompleted);
    FinishOp(hr::S_OK);
  });
}

// --- PrepareForBackup --------------------------------------------------------------------------

HResult Session::PrepareForBackup(AsyncPtr* async) {
  Call(Method::kPrepareForBackup);
  if (!WriterContext() && !released_) {  // CTX-NW-02, GAP-03
    return Done(Method::kPrepareForBackup, vss_.choices().writerless_context_call, "CTX-NW-02");
  }
  if (auto e = Gate(Method::kPrepareForBackup)) return *e;
  if (!backup_state_set_) {
    return Done(Method::kPrepareForBackup, hr::VSS_E_BAD_STATE, "REQ-ORDER-04");
  }
  if (!gathered_) return Done(Method::kPrepareForBackup, hr::VSS_E_BAD_STATE, "REQ-ORDER-05");
  if (prepare_called_) {
    return Done(Method::kPrepareForBackup, vss_.choices().repeated_call, "REQ-CALL-15");
  }
  HResult started = StartAsync(Method::kPrepareForBackup, async);
  if (started != hr::S_OK) return started;
  prepare_called_ = true;
  RunPrepare();
  return Done(Method::kPrepareForBackup, hr::S_OK);
}

void Session::RunPrepare() {
  // GAP-08, settled for backups by "Shadow Copy Creation Details": PrepareForBackup "causes VSS
  // to generate a PrepareForBackup event, in which VSS calls the CVssWriter::OnPrepareBackup
  // method for each participating writer", selected components or not. In component mode only
  // the writers with an added component take part after it (WRT-SEQ-04, SEL-02).
  ParticipantList prepared;
  for (auto& p : participants_) {
    p->in_backup = !bcd_.select_components || bcd_.FindWriter(p->registered.instance_id) != nullptr;
    prepared.push_back(p.get());
  }
  Broadcast(WriterEvent::kPrepareForBackup, prepared, [this](bool veto) {
    if (veto) {
      // "Writer Errors and Vetoes": "The requester can accept the veto or continue with the
      // backup, ignoring the veto." The async reports the veto (writer_veto_result), yet
      // PrepareForBackup has completed: DoSnapshotSet may follow (REQ-ORDER-11). A writer that
      // vetoed takes no part in the creation (Targets(), Choices::vetoing_writer_leaves_backup).
      prepare_failed_ = true;
    }
    ApplyPhase(RequesterPhaseMachine::Change::kPrepareCompleted);
    FinishOp(veto ? vss_.choices().writer_veto_result : hr::S_OK);
  });
}

// --- BackupComplete ----------------------------------------------------------------------------

HResult Session::BackupComplete(AsyncPtr* async) {
  Call(Method::kBackupComplete);
  if (!released_ &&
      (phase_.phase() == Phase::kSnapshotFailed || (prepare_failed_ && !snapshot_created_))) {
    // REQ-ORDER-15, BUG-10: no BackupComplete after a failed sequence (a PrepareForBackup veto
    // the requester did not override with a successful DoSnapshotSet).
    return Done(Method::kBackupComplete, hr::VSS_E_BAD_STATE, "REQ-ORDER-15");
  }
  if (!WriterContext() && !released_) {  // CTX-NW-02, GAP-03
    return Done(Method::kBackupComplete, vss_.choices().writerless_context_call, "CTX-NW-02");
  }
  if (auto e = Gate(Method::kBackupComplete)) return *e;
  HResult started = StartAsync(Method::kBackupComplete, async);
  if (started != hr::S_OK) return started;
  backup_complete_called_ = true;
  if (bcd_.select_components) {  // REQ-ORDER-15: SetBackupSucceeded for each added component
    for (const metadata::WriterComponents& w : bcd_.writers) {
      for (const metadata::ComponentState& c : w.components) {
        if (!c.backup_succeeded) {
          RequesterFinding("REQ-ORDER-15", "BackupComplete before SetBackupSucceeded",
                           {{"component", c.logical_path + "\\" + c.name}});
        }
      }
    }
  }
  if (!snapshot_created_) CheckBackupWithoutSnapshot();
  RunBackupComplete();
  return Done(Method::kBackupComplete, hr::S_OK);
}

// REQ-ORDER-13, FSBT-04: DoSnapshotSet may be skipped only when no selected file set needs a
// shadow copy for this backup type ("snapshot required" bits clear): data is then read from
// the live volumes.
void Session::CheckBackupWithoutSnapshot() {
  std::vector<const metadata::ComponentDescription*> selected;
  for (const auto& p : participants_) {
    if (!p->in_backup) continue;
    const metadata::WriterMetadata& wmd = p->metadata.metadata();
    if (!bcd_.select_components) {
      for (const metadata::ComponentDescription& c : wmd.components) selected.push_back(&c);
      continue;
    }
    if (const metadata::WriterComponents* w = bcd_.FindWriter(p->registered.instance_id)) {
      for (const metadata::ComponentState& c : w->components) {
        if (const auto* d = wmd.FindComponent(c.logical_path, c.name)) selected.push_back(d);
      }
    }
  }
  std::string volumes;
  for (const std::string& v : metadata::VolumesNeedingSnapshot(selected, bcd_.backup_type)) {
    volumes += volumes.empty() ? v : " " + v;
  }
  if (!volumes.empty()) {
    RequesterFinding("FSBT-04", "backup without a shadow copy of volumes whose file sets need one",
                     {{"volumes", volumes}});
  }
}

void Session::RunBackupComplete() {
  // REQ-ORDER-13: in a backup without a shadow copy the writers wait in STABLE after
  // PrepareForBackup ("the PostSnapshot event will not be sent").
  const std::string_view waiting = snapshot_created_ ? "WaitingForBackupComplete" : "Stable";
  ParticipantList targets;
  for (Participant* p : Targets()) {
    if (p->machine.SequenceName() == waiting) targets.push_back(p);
  }
  Broadcast(WriterEvent::kBackupComplete, targets, [this](bool veto) {
    ApplyPhase(RequesterPhaseMachine::Change::kBackupCompleted);
    FinishOp(veto ? vss_.choices().writer_veto_result : hr::S_OK);
  });
}

// --- GatherWriterStatus ------------------------------------------------------------------------

HResult Session::GatherWriterStatus(AsyncPtr* async) {
  Call(Method::kGatherWriterStatus);
  if (auto e = Gate(Method::kGatherWriterStatus)) return *e;
  // REQ-CALL-17: legal once GatherWriterMetadata has completed ("Determining Writer Status"
  // calls it unnecessary there, not wrong; VShadow -ws makes exactly that call). Before it, in a
  // writerless context's snapshot set, there is no writer to report.
  if (!gathered_) return Done(Method::kGatherWriterStatus, hr::VSS_E_BAD_STATE, "REQ-CALL-17");
  HResult started = StartAsync(Method::kGatherWriterStatus, async);
  if (started != hr::S_OK) return started;
  Schedule(runtime::Duration{0}, [this] { RunStatus(); });
  return Done(Method::kGatherWriterStatus, hr::S_OK);
}

void Session::RunStatus() {
  // REQ-STAT-03: only writers that answered Identify, in metadata order.
  status_.clear();
  status_.reserve(participants_.size());
  for (const auto& p : participants_) {
    WriterStatus s;
    s.instance_id = p->registered.instance_id;
    s.writer_id = p->registered.writer->identity().class_id;
    s.writer_name = p->registered.writer->identity().name;
    s.state = p->machine.state();
    // WRT-STATE-13, REQ-STAT-04: VSS substitutes NOT_RESPONDING for a writer that hangs, and
    // STATUS_NOT_AVAILABLE for one whose status it has no slot for (LIM-09).
    s.failure = p->responding ? p->machine.failure() : hr::VSS_E_WRITER_NOT_RESPONDING;
    if (!p->status_slot) s.failure = hr::VSS_E_WRITER_STATUS_NOT_AVAILABLE;
    s.application_failure = p->application_failure;
    s.application_message = p->application_message;
    status_.push_back(std::move(s));
  }
  status_gathered_ = true;
  if (backup_complete_called_) status_after_complete_ = true;  // REQ-ORDER-18
  FinishOp(hr::S_OK);
}

// --- AbortBackup -------------------------------------------------------------------------------

HResult Session::AbortBackup() {
  Call(Method::kAbortBackup);
  if (restore_ && !released_) {  // REQ-RST-10, WRT-ABORT-05: no aborts during restores
    return Done(Method::kAbortBackup, vss_.choices().abort_during_restore, "REQ-RST-10");
  }
  if (auto e = Gate(Method::kAbortBackup)) return *e;
  const Phase phase = phase_.phase();
  const bool in_progress = phase == Phase::kSnapshotSetStarted ||
                           phase == Phase::kPreparedForBackup || phase == Phase::kSnapshotCreated ||
                           phase == Phase::kSnapshotFailed;
  if (!in_progress) return Done(Method::kAbortBackup, hr::S_OK);  // REQ-ABORT-05: ignored
  if (op_ && op_->pending()) op_->Cancel();                       // stops a running creation
  bool done = false;
  Broadcast(WriterEvent::kAbort, AbortTargets(), [&done](bool) { done = true; });  // REQ-ABORT-06
  PumpUntil([&done] { return done; });
  EndAllQuiesce();
  if (committed_ && AutoRelease()) DeleteSetSnapshots();
  ReleaseCreationSlot();  // REQ-ABORT-01
  aborted_ = true;
  ApplyPhase(RequesterPhaseMachine::Change::kAbortBackup);
  return Done(Method::kAbortBackup, hr::S_OK);
}

// --- Release and termination -------------------------------------------------------------------

HResult Session::Release() {
  Call(Method::kRelease);
  if (released_) return Done(Method::kRelease, vss_.choices().call_after_release, "REQ-LIFE-02");
  if (restore_) CheckServicesAtRelease();  // REQ-RST-09, REQ-RST-11
  switch (restore_ ? Phase::kNew : phase_.phase()) {
    case Phase::kSnapshotSetStarted:
      if (!prepare_called_) {
        RequesterFinding("REQ-ABORT-01", "stopped after StartSnapshotSet without AbortBackup");
      } else {  // PrepareForBackup still running
        RequesterFinding("REQ-ABORT-02", "stopped after PrepareForBackup without AbortBackup");
      }
      break;
    case Phase::kPreparedForBackup:
      // REQ-ABORT-03: after a vetoed PrepareForBackup the requester may simply release.
      if (!prepare_failed_) {
        RequesterFinding("REQ-ABORT-02", "stopped after PrepareForBackup without AbortBackup");
      }
      break;
    case Phase::kSnapshotFailed:
      RequesterFinding("REQ-ABORT-02", "stopped after PrepareForBackup without AbortBackup");
      break;
    case Phase::kSnapshotCreated:
      // In a writerless context BackupComplete is refused (CTX-NW-02), so releasing the
      // created set is the normal end there, not a missing AbortBackup.
      if (WriterContext()) {
        RequesterFinding("REQ-ABORT-02", "stopped without BackupComplete or AbortBackup");
      }
      break;
    case Phase::kBackupCompleted:
      // REQ-ORDER-18, BUG-09: "only necessary on Windows Server 2008 with SP2 and earlier".
      if (!status_after_complete_ &&
          Applies(VersionRule::kStatusAfterBackupComplete, vss_.choices().windows)) {
        RequesterFinding("REQ-ORDER-18", "no GatherWriterStatus after BackupComplete");
      }
      break;
    default:
      break;
  }
  EndSession(/*terminated=*/false);
  return Done(Method::kRelease, hr::S_OK);
}

void Session::Terminate() {
  if (released_) return;
  vss_.trace().Append(trace::EntryKind::kNote, actor_, "vss", "terminated", {}, "REQ-LIFE-04");
  EndSession(/*terminated=*/true);
}

// LIM-09: the session's writer status slots go back when it is cleaned up — except a backup
// ended after BackupComplete without GatherWriterStatus where REQ-ORDER-18 holds (BUG-09).
void Session::ReturnStatusSlots() {
  if (vss_.choices().writer_status_slots == 0) return;  // no limit: nothing is counted
  const bool leaked = !restore_ && backup_complete_called_ && !status_after_complete_ &&
                      Applies(VersionRule::kStatusAfterBackupComplete, vss_.choices().windows);
  for (auto& p : participants_) {
    if (!p->status_slot) continue;
    if (leaked) {
      vss_.trace().Append(trace::EntryKind::kNote, "vss", p->registered.actor,
                          "writer status slot kept: session not cleaned up", {{"requester", name_}},
                          "REQ-ORDER-18");
      continue;
    }
    vss_.ReturnStatusSlot(*p->registered.writer);
    p->status_slot = false;
  }
}

void Session::EndSession(bool terminated) {
  if (released_) return;
  if (refused_in_progress_) {  // LIM-12: it never retried after the refusal (duplicati #5570)
    vss_.trace().Append(trace::EntryKind::kNote, "vss", actor_,
                        "ended without a snapshot set after VSS_E_SNAPSHOT_SET_IN_PROGRESS", {},
                        "LIM-12");
  }
  const bool creating = creation_begun_ && !snapshot_created_ && vss_.creating_session() == this;
  if (op_ && op_->pending()) {
    cancelled_ = true;
    CancelPendingStep();
  }
  if (creating && committed_) DeleteSetSnapshots();
  if (creating && !committed_ && end_prepared_) {
    for (storage::Provider* p : SetProviders()) {  // PRV-06
      ProviderCall("AbortSnapshots"_kept, p->AbortSnapshots(bcd_.snapshot_set_id));
    }
  }
  CancelFreezeWindows();
  // WRT-SEQ-06: a frozen writer still gets exactly one of Thaw or Abort: VSS aborts it. And
  // WRT-ABORT-01 (d), CVssWriter::OnAbort: Abort is sent when a failure occurs "during shadow
  // copy creation after the PrepareForSnapshot event" — the requester's death is one, so a
  // writer waiting for Freeze is aborted too.
  ParticipantList frozen;
  for (Participant* p : FreezeOrder()) {
    const bool prepared_for_snapshot =
        creating && p->machine.SequenceName() == "WaitingForFreeze" && p->machine.AbortAllowed();
    if (p->machine.AwaitingThawOrAbort() || prepared_for_snapshot) frozen.push_back(p);
  }
  // REQ-LIFE-04, WRT-SEQ-07: BackupShutdown to the session's writers, without BackupComplete.
  ParticipantList shutdown;
  if (gathered_ && (!restore_ || vss_.choices().shutdown_after_restore)) {
    for (const auto& p : participants_) {
      if (p->in_backup || vss_.choices().shutdown_to_unselected_writers) {
        shutdown.push_back(p.get());
      }
    }
  }
  bool done = false;
  // By reference (small enough for std::function's inline storage): both fan-outs end within
  // PumpUntil below, and the handler is dropped before the locals go.
  Broadcast(WriterEvent::kAbort, frozen, [this, &shutdown, &done](bool) {
    Broadcast(WriterEvent::kBackupShutdown, shutdown, [&done](bool) { done = true; });
  });
  PumpUntil([&done] { return done; });
  fanout_.then = nullptr;
  EndAllQuiesce();
  if (committed_ && AutoRelease()) {  // REQ-LIFE-04, CTX-GEN-06
    if (terminated && vss_.choices().killed_requester_keeps_snapshots) {
      vss_.trace().Append(trace::EntryKind::kNote, "vss", actor_,
                          "auto-release snapshots kept after the requester was killed",
                          {{"choice", "killed_requester_keeps_snapshots"}}, "REQ-LIFE-04");
    } else {
      DeleteSetSnapshots();
    }
  }
  ReleaseCreationSlot();
  ReturnStatusSlots();
  if (op_) op_->Detach();
  if (bcd_saved_ && !restore_ && gathered_) {  // REQ-RST-01: kept with the saved BCD
    std::vector<metadata::WriterMetadata> wmds;
    wmds.reserve(participants_.size());
    for (auto& p : participants_) wmds.push_back(p->metadata.TakeMetadata());
    vss_.KeepBackupWmds(bcd_.snapshot_set_id, std::move(wmds));
  }
  released_ = true;
  vss_.trace().Append(trace::EntryKind::kState, actor_, "", terminated ? "Terminated" : "Released");
}

}  // namespace vsssim::coordinator
