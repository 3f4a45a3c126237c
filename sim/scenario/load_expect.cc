// <expect>: <events>, <no-event>, <state>, <finding>.
#include <cctype>
#include <sstream>
#include <utility>

#include "sim/scenario/load.h"
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

void ReadEvents(const Element& e, Expectations* expect) {
  EventsExpectation x;
  x.where = e.where();
  e.CheckShape(Spec("events"));
  x.writer = e.RequiredName("writer");
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
