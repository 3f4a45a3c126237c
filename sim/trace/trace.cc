#include "vsssim/trace/trace.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <new>
#include <ostream>

namespace vsssim::trace {
namespace {

constexpr std::size_t kAlign = alignof(AttributeView);

constexpr std::size_t RoundUp(std::size_t bytes) { return (bytes + kAlign - 1) & ~(kAlign - 1); }

template <class List>
std::size_t TextBytes(const List& attributes) {
  std::size_t n = 0;
  for (const auto& a : attributes) n += a.key.size() + a.value.size();
  return n;
}

// Copies n bytes. Trace texts are mostly names of a few bytes: up to 16 bytes are moved by two
// overlapping fixed-size loads and stores (no call into the library memcpy, whose call and
// size dispatch cost more than the copy).
inline void CopyBytes(char* dst, const char* src, std::size_t n) {
  if (n > 16) {
    std::memcpy(dst, src, n);
  } else if (n >= 8) {
    std::uint64_t head, tail;
    std::memcpy(&head, src, 8);
    std::memcpy(&tail, src + n - 8, 8);
    std::memcpy(dst, &head, 8);
    std::memcpy(dst + n - 8, &tail, 8);
  } else if (n >= 4) {
    std::uint32_t head, tail;
    std::memcpy(&head, src, 4);
    std::memcpy(&tail, src + n - 4, 4);
    std::memcpy(dst, &head, 4);
    std::memcpy(dst + n - 4, &tail, 4);
  } else if (n > 0) {
    dst[0] = src[0];
    dst[n / 2] = src[n / 2];
    dst[n - 1] = src[n - 1];
  }
}

// Copies `text` to `*cursor` and advances it; the copy as a view (empty text: an empty view).
inline Text CopyTo(char** cursor, std::string_view text) {
  if (text.empty()) return {};
  CopyBytes(*cursor, text.data(), text.size());
  Text stored(*cursor, text.size());
  *cursor += text.size();
  return stored;
}

}  // namespace

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

inline char* Trace::Allocate(std::size_t bytes) {
  bytes = RoundUp(bytes);
  if (bytes > left_ || blocks_.empty()) return AllocateInNewBlock(bytes);
  char* out = next_;
  next_ += bytes;
  left_ -= bytes;
  return out;
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

// One allocation per entry: the attribute array first (aligned), then every text.
template <typename List>
const Entry& Trace::AppendList(EntryKind kind, std::string_view from, std::string_view to,
                               std::string_view name, const List& attributes,
                               std::string_view rule) {
  const std::size_t count = attributes.size();
  const std::size_t array_bytes = count * sizeof(AttributeView);
  char* block = Allocate(array_bytes + from.size() + to.size() + name.size() + rule.size() +
                         TextBytes(attributes));
  auto* stored = reinterpret_cast<AttributeView*>(block);
  char* cursor = block + array_bytes;
  std::size_t i = 0;
  for (const auto& a : attributes) {
    const Text key = CopyTo(&cursor, a.key);
    new (&stored[i++]) AttributeView{key, CopyTo(&cursor, a.value)};
  }
  // Built field by field: emplace_back() would first value-initialise the whole entry.
  entries_.push_back(Entry{entries_.size(), clock_.Now(), kind, CopyTo(&cursor, from),
                           CopyTo(&cursor, to), CopyTo(&cursor, name),
                           AttributeList(count == 0 ? nullptr : stored, count),
                           CopyTo(&cursor, rule)});
  const Entry& e = entries_.back();
  if (observer_) observer_(e);
  return e;
}

const Entry& Trace::Append(EntryKind kind, std::string_view from, std::string_view to,
                           std::string_view name, std::initializer_list<AttributeView> attributes,
                           std::string_view rule) {
  return AppendList(kind, from, to, name, attributes, rule);
}

const Entry& Trace::Append(EntryKind kind, std::string_view from, std::string_view to,
                           std::string_view name, const std::vector<Attribute>& attributes,
                           std::string_view rule) {
  return AppendList(kind, from, to, name, attributes, rule);
}

const Entry& Trace::Append(EntryKind kind, std::string_view from, std::string_view to,
                           std::string_view name, AttributeList attributes, std::string_view rule) {
  return AppendList(kind, from, to, name, attributes, rule);
}

}  // namespace vsssim::trace
