// ScenarioWriter beyond its handlers: <timer>s, flags and <wedge/> (docs/scenario-format.md
// "Writer timers", "Writer flags"). A timer is armed when the writer enters its START handler
// (arm-delay 0) or arm-delay later (a worker thread of the writer, KB 915331); it fires `after`
// once armed, on the virtual clock, outside any handler, and runs its actions as the writer
// process. Its unless= events disarm it: any time after START (unless-since="start"), or only
// once armed (unless-since="armed": the race of BUG-01, where Thaw came before the worker
// thread armed the timer).
#include <utility>

#include "sim/scenario/scenario_writer.h"

namespace vsssim::scenario {
namespace {

using vss::WriterEvent;

// Which <timer>: its line (JSON: its element path); never the file path, which would make the
// trace depend on where the scenario was run from.
std::string Which(const Timer& t) {
  return t.where.line > 0 ? "line " + std::to_string(t.where.line) : t.where.path;
}

bool Contains(const std::vector<WriterEvent>& events, WriterEvent e) {
  for (WriterEvent x : events) {
    if (x == e) return true;
  }
  return false;
}

}  // namespace

std::string ScenarioWriter::Actor() const {
  if (vss_ != nullptr) {
    if (const coordinator::RegisteredWriter* r = vss_->Registration(*this)) return r->actor;
  }
  return "writer:" + model_.name;
}

void ScenarioWriter::Note(std::string title, std::vector<trace::Attribute> attributes,
                          std::string rule) {
  if (trace_ == nullptr) return;
  trace_->Append(trace::EntryKind::kNote, Actor(), "", std::move(title), std::move(attributes),
                 std::move(rule));
}

void ScenarioWriter::TimersOnEvent(WriterEvent event) {
  if (vss_ == nullptr) return;  // an external engine's writer runs no timers
  // Disarm first: an event that both ends one timer and starts another does both.
  for (std::size_t i = 0; i < live_.size(); ++i) {
    LiveTimer& t = live_[i];
    if (t.done) continue;
    const Timer& model = model_.timers[t.timer];
    if (!Contains(model.unless, event)) continue;
    if (model.unless_since_armed && !t.armed) continue;  // BUG-01: not armed yet, not disarmed
    Disarm(i, event);
  }
  timer_starts_.resize(model_.timers.size(), 0);
  for (std::size_t i = 0; i < model_.timers.size(); ++i) {
    const Timer& model = model_.timers[i];
    if (model.start != event) continue;
    if (model.times && timer_starts_[i] >= *model.times) continue;
    if (!Applies(model.if_flag, "")) continue;
    ++timer_starts_[i];
    live_.push_back(LiveTimer{i});
    const std::size_t live = live_.size() - 1;
    if (model.arm_delay.count() == 0) {
      ArmTimer(live);
    } else {  // a worker thread of the writer arms it later
      live_[live].arm = clock_.ScheduleAfter(model.arm_delay, [this, live] {
        live_[live].arm = 0;
        ArmTimer(live);
      });
    }
  }
}

void ScenarioWriter::ArmTimer(std::size_t live) {
  LiveTimer& t = live_[live];
  if (t.done) return;
  const Timer& model = model_.timers[t.timer];
  t.armed = true;
  Note("timer armed",
       {{"start", std::string(vss::NameOf(model.start))},
        {"fires-in", runtime::FormatDuration(model.after)},
        {"timer", Which(model)}},
       "WRT-TIME-01");
  t.fire = clock_.ScheduleAfter(model.after, [this, live] {
    live_[live].fire = 0;
    FireTimer(live);
  });
}

void ScenarioWriter::Disarm(std::size_t live, WriterEvent by) {
  LiveTimer& t = live_[live];
  if (t.arm != 0) clock_.Cancel(t.arm);
  if (t.fire != 0) clock_.Cancel(t.fire);
  t.arm = t.fire = 0;
  t.done = true;
  Note("timer disarmed",
       {{"by", std::string(vss::NameOf(by))}, {"timer", Which(model_.timers[t.timer])}},
       "WRT-TIME-01");
}

void ScenarioWriter::FireTimer(std::size_t live) {
  if (live_[live].done) return;
  live_[live].done = true;
  const Timer& model = model_.timers[live_[live].timer];
  // WRT-TIME-01: what the writer does on its own timer, outside any handler (no EventHost).
  Note("timer fired", {{"start", std::string(vss::NameOf(model.start))}, {"timer", Which(model)}},
       "WRT-TIME-01");
  for (const Action& action : model.actions) {
    if (action.kind == ActionKind::kWrite) {
      Write(action);
    } else if (IsProcessAction(action.kind)) {
      RunProcessAction(action, model.start);
    }
  }
}

void ScenarioWriter::RunProcessAction(const Action& action, WriterEvent phase) {
  switch (action.kind) {
    case ActionKind::kSetFlag:
      flags_.insert(action.flag);
      break;
    case ActionKind::kClearFlag:
      flags_.erase(action.flag);
      break;
    case ActionKind::kWedge:  // WRT-TIME-05: every later event hangs until a restart
      if (!wedged_) Note("wedged: the writer process stops answering", {}, "WRT-TIME-05");
      wedged_ = true;
      break;
    case ActionKind::kSetWriterFailure:  // WRT-TIME-01, LIM-05, GAP-02 (KB 915331)
      if (vss_ != nullptr) {
        vss_->FailWriterOutsideHandler(*this, phase, action.code, action.application_error,
                                       action.message);
      }
      break;
    default:
      break;
  }
}

void ScenarioWriter::EndProcess() {
  for (std::size_t i = 0; i < live_.size(); ++i) {
    LiveTimer& t = live_[i];
    if (t.done) continue;
    if (t.arm != 0) clock_.Cancel(t.arm);
    if (t.fire != 0) clock_.Cancel(t.fire);
    t.arm = t.fire = 0;
    t.done = true;
  }
  flags_.clear();
  wedged_ = false;
}

}  // namespace vsssim::scenario
