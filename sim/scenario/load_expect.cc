// <expect>: <events>, <no-event>, <state>, <finding>, <same-data>, <event>, <observed>.
#include <cctype>
#include <chrono>
#include <sstream>
#include <utility>

#include "sim/scenario/load.h"
#include "vsssim/runtime/time.h"
#include "vsssim/storage/path.h"

namespace vsssim::scenario::internal {
namespace {

const ElementSpec& Spec(std::string_view name) { return *FindElement(name); }

std::vector<std::string_view> EventNames() {
  return {std::begin(vss::kWriterEventNames), std::end(vss::kWriterEventNames)};
}

// Rule IDs look like "WRT-IDENTIFY-03", "SIM-QUIESCE-01", "LIM-05": upper-case words joined by
// '-', ending in a number.
bool IsRuleId(std::string_view id) {
  if (id.empty() || id.size() > 40) return false;
  std::size_t dash = id.rfind('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 == id.size()) return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    char c = id[i];
    bool ok = i > dash ? std::isdigit(static_cast<unsigned char>(c)) != 0
                       : (c == '-' || std::isupper(static_cast<unsigned char>(c)) ||
                          std::isdigit(static_cast<unsigned char>(c)));
    if (!ok || (c == '-' && i > 0 && id[i - 1] == '-')) return false;
  }
  return std::isupper(static_cast<unsigned char>(id[0])) != 0;
}

// Limits of <event>/<observed>: an occurrence past this, or a time past a year of virtual
// time, is a mistake in the file, not a run to make (docs/scenario-format.md "Limits").
constexpr std::uint32_t kMaxOccurrence = 100000;
constexpr runtime::Duration kMaxEventTime = std::chrono::hours(24 * 366);

// as= and injected= of <events>, <no-event>, <event>, <observed> (EventScope).
EventScope ReadScope(const Element& e) {
  EventScope scope;
  if (auto as = e.Attr("as")) {
    if (as->empty()) e.AttrError("as", "must name a requester");
    scope.requester = *as;
    scope.injected = InjectedEvents::kExclude;
  }
  if (auto injected = e.Attr("injected")) {
    if (*injected == "include") {
      scope.injected = InjectedEvents::kInclude;
    } else if (*injected == "exclude") {
      scope.injected = InjectedEvents::kExclude;
    } else if (*injected == "only") {
      scope.injected = InjectedEvents::kOnly;
      if (!scope.requester.empty()) {
        e.AttrError("injected", "\"only\" counts no session's events; drop as= or say include");
      }
    } else {
      e.BadValue("injected", *injected, "include, exclude or only", {"include", "exclude", "only"});
    }
  }
  return scope;
}

std::optional<runtime::Duration> ReadTime(const Element& e, std::string_view attribute,
                                          const std::string& text) {
  auto d = runtime::ParseDuration(text);
  if (!d) {
    e.BadValue(attribute, text, "a virtual duration since the run began (\"12s\")", {});
  } else if (*d > kMaxEventTime) {
    e.AttrError(attribute, "must be at most 8784h (a year of virtual time)");
    d.reset();
  }
  return d;
}

// occurrence= (1..kMaxOccurrence, default 1).
std::uint32_t ReadOccurrence(const Element& e) {
  std::uint32_t n = 1;
  auto parse = [](const std::string& t) { return ParseUnsigned(t, kMaxOccurrence); };
  if (e.Read("occurrence", parse, "a count from 1 to 100000", &n) && n == 0) {
    e.AttrError("occurrence", "counts from 1 (the first delivery)");
  }
  return n;
}

// snapshot-set="null|any|REQ".
std::optional<SnapshotSetMatch> ReadSnapshotSet(const Element& e) {
  auto text = e.Attr("snapshot-set");
  if (!text) return std::nullopt;
  SnapshotSetMatch m;
  if (*text == "null") {
    m.kind = SnapshotSetMatch::Kind::kNull;
  } else if (*text == "any") {
    m.kind = SnapshotSetMatch::Kind::kAny;
  } else if (text->empty()) {
    e.AttrError("snapshot-set", "must be null, any or a requester name");
  } else {
    m.kind = SnapshotSetMatch::Kind::kOfRequester;
    m.requester = *text;
  }
  return m;
}

void ReadEventTime(const Element& e, Expectations* expect) {  // <event>
  EventExpectation x;
  x.where = e.where();
  e.CheckShape(Spec("event"));
  x.writer = e.RequiredName("writer");
  e.Read("event", vss::ParseWriterEvent, "a writer event", &x.event, EventNames());
  x.occurrence = ReadOccurrence(e);
  x.scope = ReadScope(e);
  if (auto at = e.Attr("at")) x.at = ReadTime(e, "at", *at);
  if (auto within = e.Attr("within")) {
    std::size_t dots = within->find("..");
    if (dots == std::string::npos) {
      e.BadValue("within", *within, "a range of virtual time \"FROM..TO\" (\"10s..20s\")", {});
    } else {
      auto from = ReadTime(e, "within", within->substr(0, dots));
      auto to = ReadTime(e, "within", within->substr(dots + 2));
      if (from && to && *from > *to) {
        e.AttrError("within", "the range ends before it begins");
      } else if (from && to) {
        x.within = std::make_pair(*from, *to);
      }
    }
  }
  if (e.Has("at") && e.Has("within")) e.Error("<event> takes at= or within=, not both");
  x.snapshot_set = ReadSnapshotSet(e);
  expect->event_times.push_back(std::move(x));
}

void ReadObserved(const Element& e, Expectations* expect) {  // <observed>
  ObservedExpectation x;
  x.where = e.where();
  e.CheckShape(Spec("observed"));
  x.writer = e.RequiredName("writer");
  e.Read("event", vss::ParseWriterEvent, "a writer event", &x.event, EventNames());
  x.occurrence = ReadOccurrence(e);
  x.scope = ReadScope(e);
  vss::BackupType backup_type{};
  if (e.Has("backup-type") &&
      e.Read("backup-type", vss::Parse<vss::BackupType>, "a VSS_BACKUP_TYPE", &backup_type,
             EnumNames<vss::BackupType>())) {
    x.backup_type = backup_type;
  }
  vss::RestoreType restore_type{};
  if (e.Has("restore-type") &&
      e.Read("restore-type", vss::Parse<vss::RestoreType>, "a VSS_RESTORE_TYPE", &restore_type,
             EnumNames<vss::RestoreType>())) {
    x.restore_type = restore_type;
  }
  std::uint32_t context = 0;
  if (e.Has("context") &&
      e.Read("context", ParseContext, "a snapshot context (VSS_CTX_BACKUP, ...)", &context,
             EnumNames<vss::SnapshotContext>())) {
    x.context = context;
  }
  auto yes_no = [](const std::string& t) { return ParseBool(t); };
  bool flag = false;
  if (e.Has("components-selected") && e.Read("components-selected", yes_no, "yes or no", &flag)) {
    x.components_selected = flag;
  }
  if (auto components = e.Attr("components")) {  // "lp\name lp2\name2" or "-" for none
    std::vector<ObservedComponent> list;
    std::istringstream words(*components);
    std::string word;
    while (words >> word) {
      if (word == "-") continue;
      std::size_t slash = word.rfind('\\');
      ObservedComponent c;
      if (slash == std::string::npos) {
        c.name = word;
      } else {
        c.logical_path = word.substr(0, slash);
        c.name = word.substr(slash + 1);
      }
      if (c.name.empty()) e.BadValue("components", word, "LOGICAL-PATH\\NAME or NAME", {});
      list.push_back(std::move(c));
    }
    x.components = std::move(list);
  }
  if (auto volumes = e.Attr("volumes")) {
    std::vector<std::string> list;
    std::istringstream words(*volumes);
    std::string word;
    while (words >> word) {
      std::string why;
      if (auto v = CanonicalVolume(word, &why)) {
        list.push_back(*v);
      } else {
        e.AttrError("volumes", Quote(word) + " is not a volume name: " + why);
      }
    }
    x.volumes = std::move(list);
  }
  if (auto component = e.Attr("component")) {
    if (component->empty()) e.AttrError("component", "must name a component (LP\\NAME)");
    x.component = *component;
  }
  x.previous_stamp = e.Attr("previous-stamp");
  x.backup_options = e.Attr("backup-options");
  if (e.Has("additional-restores") && e.Read("additional-restores", yes_no, "yes or no", &flag)) {
    x.additional_restores = flag;
  }
  for (std::string_view attribute : {"previous-stamp", "backup-options", "additional-restores"}) {
    if (e.Has(attribute) && !e.Has("component")) {
      e.AttrError(attribute, "is a component's: give component= (LP\\NAME) too");
    }
  }
  x.snapshot_set = ReadSnapshotSet(e);
  expect->observed.push_back(std::move(x));
}

void ReadEvents(const Element& e, Expectations* expect) {
  EventsExpectation x;
  x.where = e.where();
  e.CheckShape(Spec("events"));
  x.writer = e.RequiredName("writer");
  x.scope = ReadScope(e);
  if (auto match = e.Attr("match")) {
    if (*match == "subsequence") {
      x.subsequence = true;
    } else if (*match != "exact") {
      e.BadValue("match", *match, "exact or subsequence", {"exact", "subsequence"});
    }
  }
  std::istringstream words(e.Text());
  std::string word;
  while (words >> word) {
    if (auto event = vss::ParseWriterEvent(word)) {
      x.events.push_back(*event);
    } else {
      std::string message = Quote(word) + " is not a writer event";
      std::string_view hint = Suggest(word, EventNames());
      if (!hint.empty()) message += "; did you mean " + std::string(hint) + "?";
      e.Error(std::move(message));
    }
  }
  if (x.subsequence && x.events.empty() && e.Text().empty()) {
    e.Error("an empty subsequence matches anything; list the events or use match=\"exact\"");
  }
  expect->events.push_back(std::move(x));
}

}  // namespace

void ReadExpect(const Element& e, Scenario* scenario) {
  e.CheckShape(Spec("expect"));
  Expectations* expect = &scenario->expect;
  for (const Element& child : e.Children()) {
    const std::string& n = child.name();
    if (n == "events") {
      ReadEvents(child, expect);
    } else if (n == "no-event") {
      NoEventExpectation x;
      x.where = child.where();
      child.CheckShape(Spec(n));
      x.writer = child.RequiredName("writer");
      child.Read("event", vss::ParseWriterEvent, "a writer event", &x.event, EventNames());
      x.scope = ReadScope(child);
      expect->no_events.push_back(std::move(x));
    } else if (n == "state") {
      StateExpectation x;
      x.where = child.where();
      child.CheckShape(Spec(n));
      x.writer = child.RequiredName("writer");
      x.requester = child.Attr("as").value_or(std::string(kDefaultRequester));
      if (x.requester.empty()) child.AttrError("as", "must name a requester");
      child.Read("state", vss::Parse<vss::WriterState>, "a VSS_WRITER_STATE", &x.state,
                 EnumNames<vss::WriterState>());
      HResult failure;
      if (child.Read("failure", ParseHResult, "an HRESULT", &failure) && child.Has("failure")) {
        x.failure = failure;
      }
      expect->states.push_back(std::move(x));
    } else if (n == "finding") {
      FindingExpectation x;
      x.where = child.where();
      child.CheckShape(Spec(n));
      x.rule = child.Attr("rule").value_or("");
      if (child.Has("rule") && !IsRuleId(x.rule)) {
        child.BadValue("rule", x.rule, "a rule ID (e.g. WRT-IDENTIFY-03)", {});
      }
      x.writer = child.Attr("writer").value_or("");
      x.requester = child.Attr("as").value_or("");
      for (std::string_view attribute : {"writer", "as"}) {
        if (child.Has(attribute) && child.Attr(attribute)->empty()) {
          child.AttrError(attribute, "must not be empty");
        }
      }
      expect->findings.push_back(std::move(x));
    } else if (n == "event") {
      ReadEventTime(child, expect);
    } else if (n == "observed") {
      ReadObserved(child, expect);
    } else if (n == "same-data") {  // SIM-DATA-01 (data_step.h)
      SameDataExpectation x;
      x.where = child.where();
      child.CheckShape(Spec(n));
      x.path = child.RequiredName("path");
      x.label = child.RequiredName("as-snapshot-of");
      x.at = child.Attr("at").value_or("");
      for (std::string_view attribute : {"path", "at"}) {
        std::string text = child.Attr(attribute).value_or("C:");
        if (!storage::ParsePath(text)) {
          child.BadValue(attribute, text, "an absolute path (C:\\db)", {});
        }
      }
      child.Read(
          "exact", [](const std::string& t) { return ParseBool(t); }, "yes or no", &x.exact);
      expect->same_data.push_back(std::move(x));
    }
  }
}

}  // namespace vsssim::scenario::internal
