// Session: delivering writer events as steps on the virtual clock.
//
// A fan-out (Broadcast) hands one event to its targets group by group: for Freeze, Thaw and
// Abort one group per application level in freeze order (WRT-SEQ-09; Thaw reversed, GAP-07),
// for every other event one group. The writers of a group get the event at the same instant
// (Choices::parallel_delivery) and the next group starts when the group's last handler has
// returned. A reply is traced when its handler returns on the virtual clock (delivery time +
// spent time), or, for a handler that never returns, when VSS stops waiting
// (Choices::writer_event_timeout, WRT-TIME-05). An event for a writer still inside an earlier
// handler, of any session or an injected Identify, waits for it
// (Choices::serialise_events_per_writer).
#include <algorithm>
#include <optional>
#include <utility>

#include "sim/coordinator/session.h"
#include "sim/coordinator/session_writer_components.h"
#include "vsssim/metadata/create_writer_metadata.h"
#include "vsssim/metadata/examine_writer_metadata.h"

namespace vsssim::coordinator {

using namespace trace::literals;  // "vss"_kept: texts the trace keeps uncopied

namespace {

using vss::WriterEvent;

// The snapshot-set attribute of a BackupShutdown before any set was created (WRT-SEQ-08).
constexpr trace::KeptText kNullGuidText =
    trace::KeptText::Static("00000000-0000-0000-0000-000000000000");

bool TakesComponents(WriterEvent e) {  // §3.6: handlers with IVssWriterComponents
  return e == WriterEvent::kPrepareForBackup || e == WriterEvent::kPostSnapshot ||
         e == WriterEvent::kBackupComplete || e == WriterEvent::kPreRestore ||
         e == WriterEvent::kPostRestore;
}

// WRT-SEQ-09: FRONT_END first, then BACK_END, then SYSTEM (others after, documented choice).
int FreezeRank(vss::ApplicationLevel level) {
  switch (level) {
    case vss::ApplicationLevel::VSS_APP_FRONT_END:
      return 0;
    case vss::ApplicationLevel::VSS_APP_BACK_END:
      return 1;
    case vss::ApplicationLevel::VSS_APP_SYSTEM:
      return 2;
    case vss::ApplicationLevel::VSS_APP_SYSTEM_RM:
      return 3;
    default:
      return 4;
  }
}

}  // namespace

void Session::CancelPendingStep() {
  if (pending_step_ != 0) clock_.Cancel(pending_step_);
  pending_step_ = 0;
}

void Session::Broadcast(WriterEvent event, const ParticipantList& targets,
                        std::function<void(bool)> then) {
  Fanout& f = fanout_;
  f.event = event;
  FillView(&f.view);
  f.targets.assign(targets.begin(), targets.end());
  f.next = 0;
  f.outstanding = 0;
  f.any_veto = false;
  f.then = std::move(then);
  const std::uint64_t generation = ++f.generation;
  Schedule(runtime::Duration{0}, [this, generation] { FanoutStep(generation); });
}

// WRT-SEQ-09: Freeze, and Thaw and Abort which follow its order, go level by level; every
// other event goes to all its targets at once.
int Session::GroupRank(const Participant& p, WriterEvent event) {
  const bool by_level =
      event == WriterEvent::kFreeze || event == WriterEvent::kThaw || event == WriterEvent::kAbort;
  return by_level ? FreezeRank(p.registered.writer->identity().level) : 0;
}

// Delivers the event to the next group of targets (Choices::parallel_delivery: the writers of
// one level at once; otherwise one writer); the group ends when its last handler returned.
void Session::FanoutStep(std::uint64_t generation) {
  Fanout& f = fanout_;
  while (f.next < f.targets.size() && !f.targets[f.next]->responding) ++f.next;
  if (f.next == f.targets.size()) {
    // `then` may start the next fan-out, which replaces f.then: call a moved-out copy.
    std::function<void(bool)> then = std::move(f.then);
    then(f.any_veto);
    return;
  }
  const std::size_t first = f.next;
  const int rank = GroupRank(*f.targets[first], f.event);
  std::size_t end = first + 1;
  if (vss_.choices().parallel_delivery) {
    while (end < f.targets.size() && GroupRank(*f.targets[end], f.event) == rank) ++end;
  }
  f.next = end;
  f.outstanding = 1;  // held until every delivery of the group has started
  for (std::size_t i = first; i < end; ++i) {
    if (!f.targets[i]->responding) continue;
    ++f.outstanding;
    Dispatch(*f.targets[i], generation);
    if (f.generation != generation) return;  // something started another fan-out
  }
  DeliveryEnded(generation, false);  // releases the hold
}

void Session::DeliveryEnded(std::uint64_t generation, bool vetoed) {
  Fanout& f = fanout_;
  if (f.generation != generation) return;  // a reply to a fan-out that was replaced
  f.any_veto = f.any_veto || vetoed;
  if (--f.outstanding != 0) return;
  Schedule(runtime::Duration{0}, [this, generation] { FanoutStep(generation); });
}

void Session::Dispatch(Participant& p, std::uint64_t generation) {
  // Not responding since the event was due (its wait for a busy writer ended in a timeout).
  if (!p.responding) return DeliveryEnded(generation, false);
  const runtime::TimePoint now = clock_.Now();
  const runtime::TimePoint free_at = vss_.WriterFreeAt(*p.registered.writer);
  const bool serialise = vss_.choices().serialise_events_per_writer;
  Participant* target = &p;
  if (free_at == Coordinator::kNever && serialise) {
    // WRT-TIME-05: still inside a handler that never returned; VSS's call times out.
    vss_.trace().Append(trace::EntryKind::kNote, "vss", p.registered.actor,
                        "event not delivered: the writer is inside a handler that never returned",
                        {{"requester", name_}, {"event", NameOf(fanout_.event)}}, "WRT-TIME-05");
    timers_.ScheduleAt(now + vss_.choices().writer_event_timeout, [this, target, generation] {
      MarkNotResponding(*target);
      DeliveryEnded(generation, true);
    });
    return;
  }
  if (free_at > now && serialise) {
    timers_.ScheduleAt(free_at, [this, target, generation] {
      if (fanout_.generation == generation) Dispatch(*target, generation);
    });
    return;
  }
  const WriterEvent event = fanout_.event;
  std::optional<DeliveryOutcome> outcome = BeginDelivery(p, event, fanout_.view);
  if (!outcome) return DeliveryEnded(generation, false);  // refused by the state machine
  if (!outcome->hung && outcome->spent.count() == 0) {
    EndDelivery(p, event, *outcome);
    return DeliveryEnded(generation, outcome->vetoed());
  }
  // The reply comes when the handler returns; a hung one when VSS stops waiting (WRT-TIME-05).
  const runtime::Duration wait =
      outcome->hung ? vss_.choices().writer_event_timeout : outcome->spent;
  vss_.SetWriterBusyUntil(*p.registered.writer, outcome->hung ? Coordinator::kNever : now + wait);
  timers_.ScheduleAt(now + wait,
                     [this, target, event, generation, o = std::move(*outcome)]() mutable {
                       EndDelivery(*target, event, o);
                       DeliveryEnded(generation, o.vetoed());
                     });
}

void Session::MarkNotResponding(Participant& p) {
  p.responding = false;
  if (!p.machine.failed()) p.machine.Fail(hr::VSS_E_WRITER_NOT_RESPONDING);
  TraceState(p);
}

void Session::FillView(DeliveryView* view) const {
  view->backup_type = backup_state_set_ ? bcd_.backup_type : vss::BackupType::VSS_BT_UNDEFINED;
  view->context = context_;
  view->snapshot_set_id = creation_begun_ || snapshot_created_ ? bcd_.snapshot_set_id : kGuidNull;
  view->volumes.resize(volumes_.size());
  for (std::size_t i = 0; i < volumes_.size(); ++i) view->volumes[i] = volumes_[i].volume;
  view->components_selected = bcd_.select_components;
  view->bootable_system_state = bcd_.bootable_system_state_backup;
  view->partial_file_support = bcd_.partial_file_support;
  view->session_id = session_id_;
  view->restore_type = restore_ ? bcd_.restore_type : vss::RestoreType::VSS_RTYPE_UNDEFINED;
  view->machine = vss_.volumes();
}

std::optional<DeliveryOutcome> Session::BeginDelivery(Participant& p, WriterEvent event,
                                                      const DeliveryView& view) {
  const std::string& actor = p.registered.actor;
  if (const auto& hook = vss_.before_event_hook()) hook(name_, actor, event);
  trace::Trace& trace = vss_.trace();
  const trace::KeptText event_name = trace::KeptText::Static(NameOf(event));
  const Guid shutdown_set = snapshot_created_ ? bcd_.snapshot_set_id : kGuidNull;  // WRT-SEQ-08
  if (event == WriterEvent::kBackupShutdown) {
    trace.Append(trace::EntryKind::kEvent, "vss"_kept, p.actor, event_name,
                 {{"requester"_kept, name_text_},
                  {"snapshot-set"_kept, snapshot_created_ ? set_id_text_ : kNullGuidText}});
  } else {  // a braced list: no allocation per event (bench/coordinator_bench.cc)
    trace.Append(trace::EntryKind::kEvent, "vss"_kept, p.actor, event_name,
                 {{"requester"_kept, name_text_}});
  }
  if (event != WriterEvent::kIdentify && !p.machine.Deliver(event)) {
    return std::nullopt;  // refused by the writer state machine (already reported as a finding)
  }
  if (event == WriterEvent::kFreeze) {  // WRT-TIME-01: the window starts at Freeze delivery
    Participant* target = &p;
    p.freeze_window = clock_.ScheduleAfter(p.registered.writer->identity().freeze_timeout,
                                           [this, target] { OnFreezeWindowExpired(*target); });
  }
  const bool window_ends_now =
      event == WriterEvent::kAbort ||
      (event == WriterEvent::kThaw && !vss_.choices().freeze_window_until_thaw_returns);
  if (window_ends_now) CancelFreezeWindow(p);
  // SIM-QUIESCE-01: the writer's promise ends as its Thaw or Abort is delivered.
  if (event == WriterEvent::kThaw || event == WriterEvent::kAbort) EndQuiesce(p);

  WatchWriterData(p, event, view);  // SIM-SHUT-01, BT-05 (session_writer_data.cc)
  Delivery delivery(trace, vss_.choices(), actor, event, view, {"requester"_kept, name_text_});
  writer::Writer& writer = *p.registered.writer;
  DeliveryOutcome outcome;
  if (event == WriterEvent::kIdentify) {
    outcome = RunIdentify(p, delivery);
  } else if (TakesComponents(event) && bcd_.select_components) {  // SEL-01: null otherwise
    // Restore: the saved BCD's instance ids are stale; route by class and instance name.
    SessionWriterComponents components(
        restore_ ? RestoreComponentsOf(p) : bcd_.FindWriter(p.registered.instance_id), event,
        WriterFindings(actor));
    outcome = delivery.Run(writer, &components, nullptr, shutdown_set);
  } else {
    outcome = delivery.Run(writer, nullptr, nullptr, shutdown_set);
  }
  // SIM-SHUT-01, BT-05: what the handler did to its log files (its actions ran just now).
  CheckWriterData(p, outcome);
  // WRT-INIT-03: a writer whose process ended during the event has unsubscribed; this session
  // keeps it (its handler never returned: not responding), later ones do not see it.
  vss_.CheckWriterProcess(writer);
  return outcome;
}

void Session::EndDelivery(Participant& p, WriterEvent event, const DeliveryOutcome& outcome) {
  const std::string& actor = p.registered.actor;
  trace::Trace& trace = vss_.trace();
  const trace::KeptText event_name = trace::KeptText::Static(NameOf(event));
  const char* returned = outcome.returned ? "true" : "false";
  if (!outcome.failure && !outcome.threw && !outcome.hung && outcome.spent.count() == 0) {
    // The usual reply as a braced list: no allocation (bench/coordinator_bench.cc).
    trace.Append(trace::EntryKind::kReply, p.actor, "vss"_kept, event_name,
                 {{"returned"_kept, trace::KeptText::Static(returned)}});
  } else {
    std::vector<trace::Attribute> reply{{"returned", returned}};
    if (outcome.failure) reply.push_back({"failure", ToString(*outcome.failure)});
    if (outcome.threw) reply.push_back({"threw", "yes"});
    if (outcome.hung) reply.push_back({"hung", "yes"});
    if (outcome.spent.count() != 0)
      reply.push_back({"spent", runtime::FormatDuration(outcome.spent)});
    trace.Append(trace::EntryKind::kReply, actor, "vss", NameOf(event), reply);
  }
  // WRT-TIME-01, KB 2996928: the Freeze->Thaw window ends as OnThaw returns.
  if (event == WriterEvent::kThaw) CancelFreezeWindow(p);

  if (event == WriterEvent::kIdentify) {
    if (!outcome.vetoed()) {
      p.identified = true;
      const metadata::WriterMetadata& m = p.metadata.metadata();  // kept by RunIdentify
      if (!m.restore_method || m.components.empty()) {            // WRT-IDENTIFY-05 (warning level)
        trace.Append(trace::EntryKind::kFinding, actor, "vss",
                     m.restore_method ? "no component in the WMD" : "no restore method in the WMD",
                     {{"requester", name_}}, "WRT-IDENTIFY-05");
      }
      if (m.restore_method && !m.restore_method->service.empty() &&
          (m.restore_method->method == vss::RestoreMethod::VSS_RME_STOP_RESTORE_START ||
           m.restore_method->method == vss::RestoreMethod::VSS_RME_RESTORE_STOP_START)) {
        vss_.NoteRestoreService(*p.registered.writer, m.restore_method->service);  // WRT-SEQ-11
      }
    }
    return;
  }
  if (event == WriterEvent::kPrepareForBackup && outcome.vetoed()) p.vetoed_prepare = true;
  if (outcome.hung) {  // WRT-TIME-05, WRT-STATE-13: VSS reports it as not responding
    p.responding = false;
    // KB 2996928: a writer already failed while the handler hung (its freeze window expired
    // inside a deadlocked OnThaw) keeps that failure: FAILED_AT_FREEZE, WRITERERROR_TIMEOUT.
    if (!p.machine.failed()) p.machine.Fail(hr::VSS_E_WRITER_NOT_RESPONDING);
  } else if (outcome.vetoed()) {
    p.machine.Fail(outcome.failure.value_or(vss_.choices().failure_without_code));
  } else if (outcome.failure && vss_.choices().failure_without_veto_fails_writer) {
    p.machine.Fail(*outcome.failure);  // GAP-06, WRT-RET-08
  }
  if (outcome.failure) {
    p.application_failure = outcome.application_failure;
    p.application_message = outcome.message;
  }
  TraceState(p);
  // SIM-QUIESCE-01: a successful Freeze starts the writer's quiescence as the handler returns.
  if (event == WriterEvent::kFreeze && !outcome.vetoed()) QuiesceAfterFreeze(p);
}

void Session::FailOutsideHandler(const writer::Writer& w, WriterEvent phase, HResult code,
                                 HResult application_error, std::string_view message) {
  if (orphaned_) return;
  for (auto& p : participants_) {
    if (p->registered.writer != &w || p->machine.shut_down()) continue;
    p->machine.FailAt(phase, code);  // WRT-TIME-01, GAP-02: the phase the writer's timer serves
    p->application_failure = application_error;
    p->application_message = std::string(message);
    TraceState(*p);
  }
}

void Session::CancelFreezeWindow(Participant& p) {
  if (p.freeze_window != 0) clock_.Cancel(p.freeze_window);
  p.freeze_window = 0;
}

metadata::FindingSink Session::WriterFindings(const std::string& actor) {
  // Two pointers: small enough for std::function's inline storage (no allocation).
  return [this, writer_actor = &actor](std::string_view rule, std::string message) {
    vss_.trace().Append(trace::EntryKind::kFinding, *writer_actor, "vss", std::move(message),
                        {{"requester", name_}}, rule);
  };
}

DeliveryOutcome Session::RunIdentify(Participant& p, Delivery& delivery) {
  metadata::CreateWriterMetadata wmd(IdentityFor(p.registered), WriterFindings(p.registered.actor));
  DeliveryOutcome outcome = delivery.Run(*p.registered.writer, nullptr, &wmd, kGuidNull);
  // WRT-IDENTIFY-04: only a writer that answered has metadata; moved, not copied.
  if (!outcome.vetoed()) p.metadata = metadata::ExamineWriterMetadata(wmd.TakeMetadata());
  return outcome;
}

void Session::TraceState(Participant& p) {
  const vss::WriterState state_now = p.machine.state();
  const HResult failure_now = p.machine.failure();
  if (state_now == p.traced_state && failure_now == p.traced_failure) return;
  p.traced_state = state_now;
  p.traced_failure = failure_now;
  const trace::KeptText state = trace::KeptText::Static(vss::NameOf(state_now));
  if (failure_now != hr::S_OK) {
    vss_.trace().Append(trace::EntryKind::kState, p.actor, {}, state,
                        {{"requester"_kept, name_text_}, {"failure"_kept, ToString(failure_now)}});
  } else {
    vss_.trace().Append(trace::EntryKind::kState, p.actor, {}, state,
                        {{"requester"_kept, name_text_}});
  }
}

ParticipantList Session::Targets(bool with_vetoed) const {
  // A writer that vetoed PrepareForBackup, when the requester goes on anyway, takes no part in
  // the creation ("Writer Errors and Vetoes"; Choices::vetoing_writer_leaves_backup); an
  // Abort still reaches it.
  const bool drop_vetoed = !with_vetoed && vss_.choices().vetoing_writer_leaves_backup;
  ParticipantList out;
  for (const auto& p : participants_) {
    if (p->in_backup && !(drop_vetoed && p->vetoed_prepare)) out.push_back(p.get());
  }
  return out;
}

ParticipantList Session::FreezeOrder(bool with_vetoed) const {
  ParticipantList targets = Targets(with_vetoed);
  // An insertion sort: stable, in place (std::stable_sort takes a heap buffer), and quick for
  // the few writers of a backup.
  auto rank = [](const Participant* p) {
    return FreezeRank(p->registered.writer->identity().level);
  };
  for (std::size_t i = 1; i < targets.size(); ++i) {
    Participant* p = targets[i];
    const int r = rank(p);
    std::size_t j = i;
    for (; j > 0 && rank(targets[j - 1]) > r; --j) targets[j] = targets[j - 1];
    targets[j] = p;
  }
  return targets;
}

ParticipantList Session::AbortTargets() const {
  ParticipantList out;
  for (Participant* p : FreezeOrder(/*with_vetoed=*/true)) {
    // WRT-ABORT-04; a writer already aborted is not sent a second Abort (allowed by
    // WRT-ABORT-02, but noise).
    if (p->machine.AbortAllowed() && p->machine.SequenceName() != "Aborted") out.push_back(p);
  }
  return out;
}

void Session::PumpUntil(const std::function<bool()>& done) {
  while (!done() && clock_.FireNext()) {
  }
}

}  // namespace vsssim::coordinator
