#include "vsssim/coordinator/coordinator.h"

#include <algorithm>
#include <utility>

#include "sim/coordinator/delivery.h"
#include "sim/coordinator/session.h"
#include "sim/coordinator/timer_group.h"
#include "sim/coordinator/writer_data_monitor.h"
#include "vsssim/metadata/create_writer_metadata.h"

namespace vsssim::coordinator {

Coordinator::Coordinator(runtime::Clock& clock, trace::Trace& trace, storage::Provider& provider,
                         Choices choices, std::uint64_t seed)
    : clock_(clock),
      trace_(trace),
      choices_(choices),
      random_(runtime::Random(seed).Fork("vss")),
      identify_timers_(std::make_unique<TimerGroup>(clock)) {
  providers_.push_back(&provider);
}

Coordinator::~Coordinator() {
  for (Session* s : sessions_) s->Orphan();
}

RegisteredWriter Coordinator::RegisterWriter(writer::Writer& writer) {
  for (RegisteredWriter& known : writers_) {
    if (known.writer == &writer && known.unsubscribed) {  // its process came back (WRT-INIT-04)
      known.unsubscribed = false;
      known.instance_id = random_.NextGuid();
      trace_.Append(trace::EntryKind::kNote, known.actor, "vss", "Subscribe",
                    {{"instance", known.instance_id.ToString()}}, "WRT-INIT-04");
      return known;
    }
    if (known.writer == &writer) {  // WRT-INIT-03: a second Subscribe
      trace_.Append(trace::EntryKind::kFinding, known.actor, "vss", "Subscribe called twice",
                    {{"hr", ToString(hr::VSS_E_WRITER_ALREADY_SUBSCRIBED)}}, "WRT-INIT-03");
      return known;
    }
  }
  RegisteredWriter r;
  r.writer = &writer;
  r.instance_id = random_.NextGuid();  // WRT-INIT-04
  const writer::WriterIdentity& id = writer.identity();
  r.actor = "writer:" + id.name;
  if (!id.instance_name.empty()) r.actor += "(" + id.instance_name + ")";
  writers_.push_back(r);
  trace_.Append(trace::EntryKind::kNote, r.actor, "vss", "Subscribe",
                {{"class", id.class_id.ToString()},
                 {"instance", r.instance_id.ToString()},
                 {"level", ToString(id.level)},
                 {"freeze-timeout", runtime::FormatDuration(id.freeze_timeout)}});
  // WRT-INIT-05: instances of one writer class need non-empty, distinct instance names (VSS
  // routes restores by them); an instance that breaks this is a finding at Subscribe.
  for (const RegisteredWriter& known : writers_) {
    const writer::WriterIdentity& other = known.writer->identity();
    if (known.writer != &writer && other.class_id == id.class_id &&
        (id.instance_name.empty() || other.instance_name.empty() ||
         other.instance_name == id.instance_name)) {
      trace_.Append(trace::EntryKind::kFinding, r.actor, "vss",
                    "multi-instance writer without a unique instance name",
                    {{"other", known.actor}}, "WRT-INIT-05");
      break;
    }
  }
  return r;
}

void Coordinator::AttachStorage(storage::VolumeManager& volumes) {
  volumes_ = &volumes;
  owned_quiesce_ = std::make_unique<storage::QuiesceMonitor>(volumes, trace_);
  quiesce_ = owned_quiesce_.get();
  AttachWriterDataMonitor(volumes);
}

void Coordinator::AttachWriterDataMonitor(storage::VolumeManager& volumes) {
  data_monitor_ = std::make_unique<WriterDataMonitor>(volumes, trace_);
}

void Coordinator::AddProvider(storage::Provider& provider) { providers_.push_back(&provider); }

std::unique_ptr<Requester> Coordinator::CreateVssBackupComponents(std::string name) {
  auto session = std::make_unique<Session>(*this, std::move(name));
  sessions_.push_back(session.get());
  trace_.Append(trace::EntryKind::kCall, "requester:" + session->name(), "vss",
                "CreateVssBackupComponents");
  return session;
}

void Coordinator::Forget(Session* session) {
  sessions_.erase(std::remove(sessions_.begin(), sessions_.end(), session), sessions_.end());
  if (creating_ == session) creating_ = nullptr;
}

void Coordinator::KeepBackupWmds(const Guid& snapshot_set_id,
                                 std::vector<metadata::WriterMetadata> wmds) {
  if (stored_wmds_.size() == kStoredBackups) stored_wmds_.erase(stored_wmds_.begin());
  stored_wmds_.emplace_back(snapshot_set_id, std::move(wmds));
}

const metadata::WriterMetadata* Coordinator::StoredWmd(const Guid& snapshot_set_id,
                                                       const Guid& writer_id,
                                                       std::string_view instance_name) const {
  for (auto it = stored_wmds_.rbegin(); it != stored_wmds_.rend(); ++it) {
    if (it->first != snapshot_set_id) continue;
    for (const metadata::WriterMetadata& m : it->second) {
      if (m.identity.writer_id == writer_id && m.identity.instance_name == instance_name) return &m;
    }
    return nullptr;
  }
  return nullptr;
}

void Coordinator::InjectIdentify(std::string_view by, const writer::Writer* only) {
  // WRT-IDENTIFY-01/02: part of no session; every entry carries by=NAME.
  trace_.Append(trace::EntryKind::kNote, std::string(by), "vss", "Identify requested",
                {{"by", std::string(by)}}, "WRT-IDENTIFY-01");
  const std::string who(by);
  for (const RegisteredWriter& w : writers_) {
    if (only != nullptr && w.writer != only) continue;
    if (CheckWriterProcess(*w.writer)) DeliverInjectedIdentify(w, who);
  }
}

void Coordinator::DeliverInjectedIdentify(const RegisteredWriter& w, const std::string& by) {
  // Its hosting service is stopped (REQ-RST-11): not running, so not asked, as in a gather.
  if (!WriterRunning(*w.writer)) return;
  const std::vector<trace::Attribute> tag{{"by", by}};
  const runtime::TimePoint free_at = WriterFreeAt(*w.writer);
  const bool serialise = choices_.serialise_events_per_writer;
  if (free_at == kNever && serialise) {  // WRT-TIME-05: inside a handler that never returned
    trace_.Append(trace::EntryKind::kNote, "vss", w.actor,
                  "Identify not delivered: the writer is inside a handler that never returned", tag,
                  "WRT-TIME-05");
    return;
  }
  if (free_at > clock_.Now() && serialise) {
    identify_timers_->ScheduleAt(free_at, [this, w, by] { DeliverInjectedIdentify(w, by); });
    return;
  }
  trace_.Append(trace::EntryKind::kEvent, "vss", w.actor, "Identify", tag);
  metadata::FindingSink sink = [this, actor = w.actor, tag](std::string_view rule,
                                                            std::string message) {
    trace_.Append(trace::EntryKind::kFinding, actor, "vss", std::move(message), tag,
                  std::string(rule));
  };
  metadata::CreateWriterMetadata wmd(IdentityFor(w), sink);
  const DeliveryView no_session;
  Delivery delivery(trace_, choices_, w.actor, vss::WriterEvent::kIdentify, no_session,
                    {tag.front().key, tag.front().value});
  const DeliveryOutcome outcome = delivery.Run(*w.writer, nullptr, &wmd, kGuidNull);
  CheckWriterProcess(*w.writer);  // WRT-INIT-03: its process may have ended during the event
  std::vector<trace::Attribute> reply = tag;
  reply.push_back({"returned", outcome.returned ? "true" : "false"});
  if (outcome.spent.count() != 0) {
    reply.push_back({"spent", runtime::FormatDuration(outcome.spent)});
  }
  if (outcome.hung) reply.push_back({"hung", "yes"});
  auto trace_reply = [this, actor = w.actor, reply = std::move(reply)]() mutable {
    trace_.Append(trace::EntryKind::kReply, actor, "vss", "Identify", std::move(reply));
  };
  if (!outcome.hung && outcome.spent.count() == 0) return trace_reply();
  // The reply when the handler returns; a hung one when VSS stops waiting (WRT-TIME-05).
  const runtime::Duration wait = outcome.hung ? choices_.writer_event_timeout : outcome.spent;
  SetWriterBusyUntil(*w.writer, outcome.hung ? kNever : clock_.Now() + wait);
  identify_timers_->ScheduleAt(clock_.Now() + wait, std::move(trace_reply));
}

runtime::TimePoint Coordinator::WriterFreeAt(const writer::Writer& writer) const {
  for (const auto& [w, until] : busy_until_) {
    if (w == &writer) return until;
  }
  return runtime::TimePoint{};
}

void Coordinator::SetWriterBusyUntil(const writer::Writer& writer, runtime::TimePoint until) {
  for (auto& [w, known] : busy_until_) {
    if (w == &writer) {
      known = until;
      return;
    }
  }
  busy_until_.emplace_back(&writer, until);
}

void Coordinator::FinishRunningHandlers() {
  auto running = [this] {
    for (const auto& [w, until] : busy_until_) {
      if (until != kNever && until > clock_.Now()) return true;
    }
    return false;
  };
  while (running() && clock_.FireNext()) {
  }
}

bool Coordinator::TakeStatusSlot(const writer::Writer& writer) {
  if (choices_.writer_status_slots == 0) return true;
  for (auto& [w, used] : status_slots_used_) {
    if (w != &writer) continue;
    if (used >= choices_.writer_status_slots) return false;
    ++used;
    return true;
  }
  status_slots_used_.emplace_back(&writer, 1);
  return true;
}

void Coordinator::ReturnStatusSlot(const writer::Writer& writer) {
  for (auto& [w, used] : status_slots_used_) {
    if (w == &writer && used > 0) --used;
  }
}

void Coordinator::Terminate(Requester& requester) {
  if (auto* session = dynamic_cast<Session*>(&requester)) session->Terminate();
}

vss::WriterState Coordinator::WriterStateIn(const Requester& requester,
                                            const writer::Writer& writer) const {
  const auto* session = dynamic_cast<const Session*>(&requester);
  const Participant* p = session ? session->FindParticipant(writer) : nullptr;
  return p ? p->machine.state() : vss::WriterState::VSS_WS_UNKNOWN;
}

HResult Coordinator::WriterFailureIn(const Requester& requester,
                                     const writer::Writer& writer) const {
  const auto* session = dynamic_cast<const Session*>(&requester);
  const Participant* p = session ? session->FindParticipant(writer) : nullptr;
  return p ? p->machine.failure() : hr::S_OK;
}

}  // namespace vsssim::coordinator
