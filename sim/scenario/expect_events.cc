#include "sim/scenario/expect_events.h"

#include <algorithm>
#include <cstdio>

#include "vsssim/vss/enum_table.h"

namespace vsssim::scenario {
namespace {

bool DefaultScope(const EventScope& s) {
  return s.requester.empty() && s.injected == InjectedEvents::kInclude;
}

std::string Join(const std::vector<vss::WriterEvent>& events) {
  std::string out;
  for (vss::WriterEvent e : events) {
    if (!out.empty()) out += ' ';
    out += std::string(vss::NameOf(e));
  }
  return out.empty() ? "(none)" : out;
}

std::vector<vss::WriterEvent> EventsIn(const std::vector<Delivered>& all, const EventScope& s) {
  std::vector<vss::WriterEvent> out;
  for (const Delivered& d : all) {
    if (InScope(d, s)) out.push_back(d.event);
  }
  return out;
}

bool IsSubsequence(const std::vector<vss::WriterEvent>& want,
                   const std::vector<vss::WriterEvent>& got) {
  std::size_t i = 0;
  for (vss::WriterEvent e : got) {
    if (i < want.size() && want[i] == e) ++i;
  }
  return i == want.size();
}

std::string Hex(std::uint32_t v) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "0x%x", v);
  return buffer;
}

std::string Ordinal(std::uint32_t n) { return "delivery " + std::to_string(n); }

// The `occurrence`th delivery of `event` in `scope`, or null (and a failure).
const Delivered* Nth(const std::vector<Delivered>& all, vss::WriterEvent event,
                     const EventScope& scope, std::uint32_t occurrence, const SourceLocation& where,
                     const std::string& what, std::vector<ExpectationFailure>& failures) {
  std::uint32_t seen = 0;
  for (const Delivered& d : all) {
    if (d.event != event || !InScope(d, scope)) continue;
    if (++seen == occurrence) return &d;
  }
  failures.push_back(
      {where, what, Ordinal(occurrence) + " of " + std::string(vss::NameOf(event)),
       seen == 0 ? "it was never delivered"
                 : "only " + std::to_string(seen) + " deliver" + (seen == 1 ? "y" : "ies")});
  return nullptr;
}

std::string Label(const char* element, const std::string& writer, vss::WriterEvent event,
                  std::uint32_t occurrence, const EventScope& scope) {
  std::string out = std::string("<") + element + " writer=" + writer +
                    " event=" + std::string(vss::NameOf(event));
  if (occurrence != 1) out += " occurrence=" + std::to_string(occurrence);
  return out + DescribeScope(scope) + ">";
}

// The snapshot set a delivery carried: BackupShutdown's is in its trace entry (WRT-SEQ-08);
// the others' is what GetCurrentSnapshotSetId answered in the handler (observations.h).
std::optional<Guid> CarriedSet(const Delivered& d) {
  if (d.entry != nullptr) {
    std::string_view text = d.entry->Get("snapshot-set");
    if (!text.empty()) return Guid::Parse(text);
  }
  if (d.observation != nullptr) return d.observation->snapshot_set;
  return std::nullopt;
}

void CheckSet(const World& world, const SnapshotSetMatch& m, const Delivered& d,
              const SourceLocation& where, const std::string& what,
              std::vector<ExpectationFailure>& failures) {
  std::optional<Guid> got = CarriedSet(d);
  std::string expected = m.kind == SnapshotSetMatch::Kind::kNull ? "snapshot set GUID_NULL"
                         : m.kind == SnapshotSetMatch::Kind::kAny
                             ? "a snapshot set (not GUID_NULL)"
                             : "the snapshot set of " + m.requester;
  if (!got) {
    failures.push_back({where, what + " snapshot-set", expected,
                        "not observable: a writer process's handler is not observed (only "
                        "BackupShutdown's set is in the trace)"});
    return;
  }
  bool ok = false;
  switch (m.kind) {
    case SnapshotSetMatch::Kind::kNull:
      ok = got->IsNull();
      break;
    case SnapshotSetMatch::Kind::kAny:
      ok = !got->IsNull();
      break;
    case SnapshotSetMatch::Kind::kOfRequester: {
      Guid set = world.snapshot_set(m.requester);
      ok = !set.IsNull() && *got == set;
      expected += " (" + (set.IsNull() ? std::string("it started none") : set.ToString()) + ")";
      break;
    }
  }
  if (!ok) {
    failures.push_back(
        {where, what + " snapshot-set", expected, got->IsNull() ? "GUID_NULL" : got->ToString()});
  }
}

}  // namespace

std::vector<Delivered> DeliveredTo(const World& world, const trace::Trace& trace,
                                   const std::string& name) {
  std::vector<Delivered> out;
  const auto& entries = trace.entries();
  if (world.scripted(name)) {
    for (const Observation& o : world.observations().Of(name)) {
      Delivered d;
      d.event = o.event;
      d.observation = &o;
      if (o.sequence && *o.sequence < entries.size()) d.entry = &entries[*o.sequence];
      out.push_back(d);
    }
    return out;
  }
  const std::string& actor = world.registered(name).actor;
  for (const trace::Entry& e : entries) {
    if (e.kind != trace::EntryKind::kEvent || e.to != actor) continue;
    if (auto event = vss::ParseWriterEvent(e.name)) out.push_back({*event, &e, nullptr});
  }
  return out;
}

bool InScope(const Delivered& d, const EventScope& scope) {
  // An entry with by= is an Identify another application asked for (Coordinator::InjectIdentify).
  const bool injected = d.entry != nullptr && !d.entry->Get("by").empty();
  switch (scope.injected) {
    case InjectedEvents::kOnly:
      return injected;
    case InjectedEvents::kExclude:
      if (injected) return false;
      break;
    case InjectedEvents::kInclude:
      if (injected) return true;
      break;
  }
  if (scope.requester.empty()) return true;
  return d.entry != nullptr && d.entry->Get("requester") == scope.requester;
}

std::string DescribeScope(const EventScope& scope) {
  std::string out;
  if (!scope.requester.empty()) out += " as=" + scope.requester;
  const bool default_injected = scope.requester.empty()
                                    ? scope.injected == InjectedEvents::kInclude
                                    : scope.injected == InjectedEvents::kExclude;
  if (!default_injected) {
    out += std::string(" injected=") + (scope.injected == InjectedEvents::kInclude   ? "include"
                                        : scope.injected == InjectedEvents::kExclude ? "exclude"
                                                                                     : "only");
  }
  return out;
}

// The events writer `name` got in `scope`: for the default scope the writer's own record (every
// session, injected Identify included: what <events> always meant), else the trace's deliveries.
std::vector<vss::WriterEvent> EventsOf(const World& world, const trace::Trace& trace,
                                       const std::string& name, const EventScope& scope) {
  if (DefaultScope(scope)) return world.received(name);
  return EventsIn(DeliveredTo(world, trace, name), scope);
}

void CheckEvents(const World& world, const trace::Trace& trace, const Expectations& expect,
                 std::vector<ExpectationFailure>& failures) {
  for (const EventsExpectation& e : expect.events) {
    const auto got = EventsOf(world, trace, e.writer, e.scope);
    bool ok = e.subsequence ? IsSubsequence(e.events, got) : e.events == got;
    if (!ok) {
      failures.push_back({e.where,
                          "<events writer=" + e.writer + DescribeScope(e.scope) +
                              (e.subsequence ? " subsequence>" : ">"),
                          Join(e.events), Join(got)});
    }
  }
  for (const NoEventExpectation& e : expect.no_events) {
    const auto got = EventsOf(world, trace, e.writer, e.scope);
    if (std::find(got.begin(), got.end(), e.event) != got.end()) {
      failures.push_back({e.where, "<no-event writer=" + e.writer + DescribeScope(e.scope) + ">",
                          "no " + std::string(vss::NameOf(e.event)), Join(got)});
    }
  }
}

void CheckEventTimes(const World& world, const trace::Trace& trace, const Expectations& expect,
                     std::vector<ExpectationFailure>& failures) {
  for (const EventExpectation& x : expect.event_times) {
    const std::string what = Label("event", x.writer, x.event, x.occurrence, x.scope);
    const auto all = DeliveredTo(world, trace, x.writer);
    const Delivered* d = Nth(all, x.event, x.scope, x.occurrence, x.where, what, failures);
    if (d == nullptr) continue;
    if (x.at || x.within) {
      if (d->entry == nullptr) {
        failures.push_back({x.where, what, "a delivery time", "no event entry in the trace"});
        continue;
      }
      const runtime::Duration t = d->entry->time.since_start;
      const std::string got = "delivered at " + runtime::FormatDuration(t);
      if (x.at && t != *x.at) {
        failures.push_back(
            {x.where, what + " at", "delivered at " + runtime::FormatDuration(*x.at), got});
      }
      if (x.within && (t < x.within->first || t > x.within->second)) {
        failures.push_back({x.where, what + " within",
                            "delivered within " + runtime::FormatDuration(x.within->first) + ".." +
                                runtime::FormatDuration(x.within->second),
                            got});
      }
    }
    if (x.snapshot_set) CheckSet(world, *x.snapshot_set, *d, x.where, what, failures);
  }
}

void CheckObserved(const World& world, const trace::Trace& trace, const Expectations& expect,
                   std::vector<ExpectationFailure>& failures) {
  for (const ObservedExpectation& x : expect.observed) {
    const std::string what = Label("observed", x.writer, x.event, x.occurrence, x.scope);
    const auto all = DeliveredTo(world, trace, x.writer);
    const Delivered* d = Nth(all, x.event, x.scope, x.occurrence, x.where, what, failures);
    if (d == nullptr) continue;
    if (d->observation == nullptr) {  // the loader refuses writer processes: never here
      failures.push_back({x.where, what, "an observed handler", "not observed"});
      continue;
    }
    const Observation& o = *d->observation;
    auto fail = [&](const std::string& attribute, std::string want, std::string got) {
      failures.push_back({x.where, what + " " + attribute, std::move(want), std::move(got)});
    };
    if (x.backup_type && *x.backup_type != o.backup_type) {  // WRT-CALL-19
      fail("backup-type", std::string(vss::NameOf(*x.backup_type)),
           std::string(vss::NameOf(o.backup_type)));
    }
    if (x.restore_type && *x.restore_type != o.restore_type) {  // WRT-CALL-20
      fail("restore-type", std::string(vss::NameOf(*x.restore_type)),
           std::string(vss::NameOf(o.restore_type)));
    }
    if (x.context && *x.context != o.context) {  // WRT-CALL-21
      fail("context", Hex(*x.context), Hex(o.context));
    }
    if (x.components_selected && *x.components_selected != o.components_selected) {
      fail("components-selected", *x.components_selected ? "yes" : "no",
           o.components_selected ? "yes" : "no");
    }
    if (x.volumes && *x.volumes != o.volumes) {  // WRT-CALL-22
      auto join = [](const std::vector<std::string>& v) {
        std::string out;
        for (const std::string& s : v) out += (out.empty() ? "" : " ") + s;
        return out.empty() ? std::string("(none)") : out;
      };
      fail("volumes", join(*x.volumes), join(o.volumes));
    }
    auto key = [](const std::string& lp, const std::string& name) {
      return lp.empty() ? name : lp + "\\" + name;
    };
    if (x.components) {
      std::vector<std::string> want, got;
      for (const ObservedComponent& c : *x.components) want.push_back(key(c.logical_path, c.name));
      for (const ObservedComponentState& c : o.components) {
        got.push_back(key(c.logical_path, c.name));
      }
      std::sort(want.begin(), want.end());
      std::sort(got.begin(), got.end());
      if (want != got) {
        std::string w, g;
        for (const std::string& s : want) w += (w.empty() ? "" : " ") + s;
        for (const std::string& s : got) g += (g.empty() ? "" : " ") + s;
        fail("components", w.empty() ? "(none)" : w,
             g.empty() ? (o.given_components ? "(none)" : "(no component list)") : g);
      }
    }
    if (x.component) {
      const ObservedComponentState* c = nullptr;
      for (const ObservedComponentState& s : o.components) {
        if (key(s.logical_path, s.name) == *x.component) c = &s;
      }
      if (c == nullptr) {
        fail("component", "component " + *x.component + " given to the handler",
             "not among its components");
      } else {
        auto opt = [](const std::optional<std::string>& v) {
          return v ? "\"" + *v + "\"" : std::string("none (S_FALSE)");
        };
        if (x.previous_stamp && c->previous_stamp != x.previous_stamp) {  // STAMP-02/03
          fail("previous-stamp", opt(x.previous_stamp), opt(c->previous_stamp));
        }
        if (x.backup_options && c->backup_options != x.backup_options) {
          fail("backup-options", opt(x.backup_options), opt(c->backup_options));
        }
        if (x.additional_restores && *x.additional_restores != c->additional_restores) {  // AR-01
          fail("additional-restores", *x.additional_restores ? "yes" : "no",
               c->additional_restores ? "yes" : "no");
        }
      }
    }
    if (x.snapshot_set) CheckSet(world, *x.snapshot_set, *d, x.where, what, failures);
  }
}

}  // namespace vsssim::scenario
