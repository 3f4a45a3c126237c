// <timer> (a writer's action outside its handlers, armed by one of its events) and <extend
// writer=> (more <on> and <timer> for a writer read earlier, e.g. from an <include>d library).
// docs/scenario-format.md "Writer timers" and "Extending a writer".
#include <algorithm>
#include <chrono>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "sim/scenario/load.h"
#include "vsssim/runtime/time.h"

namespace vsssim::scenario::internal {
namespace {

const ElementSpec& Spec(std::string_view name) { return *FindElement(name); }

// Limits (docs/scenario-format.md "Limits"): a timer waits at most a year of virtual time.
constexpr runtime::Duration kMaxTimerDuration = std::chrono::hours(24 * 366);

std::vector<std::string_view> EventNames() {
  return {std::begin(vss::kWriterEventNames), std::end(vss::kWriterEventNames)};
}

void ReadTimerDuration(const Element& e, std::string_view attribute, runtime::Duration* out) {
  auto parse = [](const std::string& t) { return runtime::ParseDuration(t); };
  if (e.Read(attribute, parse, "a virtual duration (\"60s\", \"250ms\")", out) &&
      e.Has(attribute) && *out > kMaxTimerDuration) {
    e.AttrError(attribute, "must be at most 8784h (a year of virtual time)");
  }
}

}  // namespace

void ReadTimer(const Element& e, Writer* writer) {
  Timer t;
  t.where = e.where();
  e.CheckShape(Spec("timer"));
  const bool start_known =
      e.Read("start", vss::ParseWriterEvent, "a writer event (Identify, Freeze, ...)", &t.start,
             EventNames()) &&
      e.Has("start");
  ReadTimerDuration(e, "after", &t.after);
  if (e.Has("after") && t.after.count() == 0) {
    e.AttrError("after", "must be more than 0s (an action at once belongs in <on>)");
  }
  ReadTimerDuration(e, "arm-delay", &t.arm_delay);
  if (auto unless = e.Attr("unless")) {
    std::string list = *unless;
    std::replace(list.begin(), list.end(), ' ', ',');
    list.erase(
        std::unique(list.begin(), list.end(), [](char x, char y) { return x == ',' && y == ','; }),
        list.end());
    std::vector<std::string> names;
    for (const std::string& item : SplitList(list).value_or(std::vector<std::string>{})) {
      if (!item.empty()) names.push_back(item);
    }
    if (names.empty()) e.BadValue("unless", *unless, "a list of writer events (Thaw Abort)", {});
    for (const std::string& name : names) {
      if (auto event = vss::ParseWriterEvent(name)) {
        if (start_known && *event == t.start) {
          e.AttrError("unless", Quote(name) + " is the timer's own start= event");
        }
        t.unless.push_back(*event);
      } else {
        e.BadValue("unless", name, "a writer event (Thaw, Abort, ...)", EventNames());
      }
    }
  }
  if (auto since = e.Attr("unless-since")) {
    if (*since == "armed") {
      t.unless_since_armed = true;
    } else if (*since != "start") {
      e.BadValue("unless-since", *since, "start or armed", {"start", "armed"});
    }
    if (!e.Has("unless")) e.AttrError("unless-since", "needs unless= (the events it is about)");
  }
  int times = 0;
  auto parse_times = [](const std::string& text) { return ParseUnsigned(text, 1000000); };
  if (e.Read("times", parse_times, "a count from 1 to 1000000", &times) && e.Has("times")) {
    if (times == 0) e.AttrError("times", "must be at least 1");
    t.times = times;
  }
  t.if_flag = ReadFlagName(e, "if");
  for (const Element& child : e.Children()) {
    if (!IsChild(Spec("timer"), child.name())) continue;  // reported by CheckShape
    t.actions.push_back(ReadAction(child));
  }
  if (e.Children().empty()) e.Error("needs at least one action to run when it fires");
  for (const Action& a : t.actions) {
    // WRT-IDENTIFY-01: Identify belongs to no session, so there is no writer state to fail.
    if (a.kind == ActionKind::kSetWriterFailure && start_known &&
        t.start == vss::WriterEvent::kIdentify) {
      e.errors()->Add(a.where,
                      "<set-writer-failure>: a timer started by Identify has no session whose "
                      "writer state it could fail (start= another event)");
    }
  }
  writer->timers.push_back(std::move(t));
}

void ReadExtend(const Element& e, Scenario* scenario) {
  e.CheckShape(Spec("extend"));
  const std::string name = e.RequiredName("writer");
  if (name.empty()) return;
  Writer* target = nullptr;
  for (Writer& w : scenario->writers) {
    if (w.name == name) target = &w;
  }
  if (target == nullptr) {
    std::vector<std::string_view> names;
    for (const Writer& w : scenario->writers) names.push_back(w.name);
    e.BadValue("writer", name, "a writer declared before this <extend> (or <include>d)", names);
    return;
  }
  if (!target->exec.empty()) {
    e.AttrError("writer", "writer " + Quote(name) +
                              " is a writer process (exec=): it declares its own behaviour");
    return;
  }
  const std::size_t errors_before = e.errors()->count();
  Writer added;  // the extension, read and checked as the writer's own would be
  added.name = target->name;
  added.components = target->components;
  for (const Element& child : e.Children()) {
    if (child.name() == "on") ReadBehaviour(child, &added);
    if (child.name() == "timer") ReadTimer(child, &added);
  }
  if (e.Children().empty()) e.Error("needs at least one <on> or <timer>");
  if (e.errors()->count() != errors_before) return;
  CheckActionTargets(added, e.errors());
  // Only the extension's own <on>s are checked against each other: an unconditional one of
  // the extension overrides the writer's own <on>s for its event, which is what it is for.
  CheckBehaviours(added, e.errors());
  // The extension's behaviours take precedence: before the writer's own.
  target->behaviours.insert(target->behaviours.begin(),
                            std::make_move_iterator(added.behaviours.begin()),
                            std::make_move_iterator(added.behaviours.end()));
  target->timers.insert(target->timers.begin(), std::make_move_iterator(added.timers.begin()),
                        std::make_move_iterator(added.timers.end()));
}

}  // namespace vsssim::scenario::internal
