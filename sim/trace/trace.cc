#include "vsssim/trace/trace.h"

#include <algorithm>
#include <ostream>

namespace vsssim::trace {

void PrintTo(const Text& text, std::ostream* os) { *os << '"' << std::string_view(text) << '"'; }

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
  for (const AttributeView& a : attributes) {
    if (a.key == key) return a.value;
  }
  return {};
}

Trace::Trace(const runtime::Clock& clock) : clock_(clock) {
  entries_.reserve(kInitialCapacity);
  Allocate(0);  // the first block, so a run's appends start without an allocation
}

char* Trace::AllocateInNewBlock(std::size_t bytes) {
  const std::size_t size =
      std::max(bytes, last_block_bytes_ == 0 ? kInitialBlockBytes : 2 * last_block_bytes_);
  blocks_.push_back(std::unique_ptr<char[]>(new char[size]));  // not zero-filled
  last_block_bytes_ = size;
  next_ = blocks_.back().get() + bytes;
  left_ = size - bytes;
  return blocks_.back().get();
}

const Entry& Trace::Append(EntryKind kind, TextArg from, TextArg to, TextArg name,
                           const std::vector<Attribute>& attributes, TextArg rule) {
  return AppendList(kind, from, to, name, attributes, rule);
}

const Entry& Trace::Append(EntryKind kind, TextArg from, TextArg to, TextArg name,
                           AttributeArgs attributes, TextArg rule) {
  return AppendList(kind, from, to, name, attributes, rule);
}

KeptText Trace::Intern(std::string_view text) {
  char* cursor = Allocate(text.size());
  return KeptText(internal::CopyTo(&cursor, text));
}

}  // namespace vsssim::trace
