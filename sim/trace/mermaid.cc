#include "vsssim/trace/mermaid.h"

#include <map>
#include <vector>

namespace vsssim::trace {
namespace {

// Mermaid treats ';' and '#' specially and a newline ends a message.
std::string Clean(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ';' || c == '#' || c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

int Rank(std::string_view actor) {
  if (actor.rfind("requester:", 0) == 0) return 0;
  if (actor == "vss") return 1;
  if (actor.rfind("writer:", 0) == 0) return 2;
  if (actor == "provider") return 3;
  return 4;
}

class Diagram {
 public:
  explicit Diagram(const Trace& trace) {
    std::vector<std::string> ordered[5];
    for (const Entry& e : trace.entries()) {
      for (std::string_view a : {e.from, e.to}) {
        if (a.empty() || ids_.count(a) != 0) continue;
        ids_[std::string(a)] = "";
        ordered[Rank(a)].push_back(std::string(a));
      }
    }
    out_ = "sequenceDiagram\n";
    int n = 0;
    for (const auto& group : ordered) {
      for (const std::string& actor : group) {
        std::string id = "P" + std::to_string(n++);
        ids_[actor] = id;
        out_ += "  participant " + id + " as " + Clean(actor) + "\n";
      }
    }
  }

  void Add(const Entry& e) {
    const std::string from = Id(e.from);
    const std::string to = e.to.empty() ? "" : Id(e.to);
    std::string text = Clean(e.name) + Attributes(e);
    switch (e.kind) {
      case EntryKind::kCall:
      case EntryKind::kEvent:
      case EntryKind::kProvider:
        out_ += "  " + from + "->>" + (to.empty() ? from : to) + ": " + text + "\n";
        break;
      case EntryKind::kResult:
      case EntryKind::kReply:
        out_ += "  " + from + "-->>" + (to.empty() ? from : to) + ": " + text + "\n";
        break;
      case EntryKind::kFinding:
        out_ += "  Note over " + from + ": FINDING " + Clean(e.rule) + " " + text + "\n";
        break;
      case EntryKind::kState:
      case EntryKind::kNote:
        out_ += "  Note over " + from + ": " + text + "\n";
        break;
    }
  }

  const std::string& text() const { return out_; }

 private:
  // The participant id of `actor` ("" for an actor never seen, i.e. an empty one).
  std::string Id(std::string_view actor) const {
    auto it = ids_.find(actor);
    return it == ids_.end() ? std::string() : it->second;
  }

  static std::string Attributes(const Entry& e) {
    std::string out;
    for (const AttributeView& a : e.attributes) {
      if (a.key == "requester" || a.key == "snapshot-set" || a.key == "snapshot") continue;
      out += " " + Clean(a.key) + "=" + Clean(a.value);
    }
    return out;
  }

  std::map<std::string, std::string, std::less<>> ids_;
  std::string out_;
};

}  // namespace

std::string RenderMermaid(const Trace& trace) {
  Diagram diagram(trace);
  for (const Entry& e : trace.entries()) diagram.Add(e);
  return diagram.text();
}

}  // namespace vsssim::trace
