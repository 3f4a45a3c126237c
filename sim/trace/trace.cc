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
  // Built field by field and moved in: emplace_back() would first value-initialise (zero)
  // the whole entry, which showed up as the hottest instruction of Append.
  entries_.push_back(Entry{entries_.size(), clock_.Now(), kind, std::move(from), std::move(to),
                           std::move(name), std::move(attributes), std::move(rule)});
  const Entry& e = entries_.back();
  if (observer_) observer_(e);
  return e;
}

}  // namespace vsssim::trace
