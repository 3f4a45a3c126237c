#include "vsssim/trace/trace.h"

namespace vsssim::trace {

std::string_view KindName(EntryKind kind) {
  switch (kind) {
    case EntryKind::kCall:
      return "call";
    case EntryKind::kResult:
      return "result";
    case EntryKind::kEvent:
      return "event";
    case EntryKind::kReply:
      return "reply";
    case EntryKind::kState:
      return "state";
    case EntryKind::kProvider:
      return "provider";
    case EntryKind::kFinding:
      return "finding";
    case EntryKind::kNote:
      return "note";
  }
  return "?";
}

std::string_view Entry::Get(std::string_view key) const {
  for (const Attribute& a : attributes) {
    if (a.key == key) return a.value;
  }
  return {};
}

const Entry& Trace::Append(EntryKind kind, std::string from, std::string to, std::string name,
                           std::vector<Attribute> attributes, std::string rule) {
  Entry& e = entries_.emplace_back();
  e.sequence = entries_.size() - 1;
  e.time = clock_.Now();
  e.kind = kind;
  e.from = std::move(from);
  e.to = std::move(to);
  e.name = std::move(name);
  e.attributes = std::move(attributes);
  e.rule = std::move(rule);
  if (observer_) observer_(e);
  return e;
}

}  // namespace vsssim::trace
