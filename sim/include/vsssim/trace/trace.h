// The trace: an append-only record of everything observable in a simulated run — requester
// calls and their results, events sent to writers and their replies, state changes, provider
// operations, findings (rule violations) and notes — each stamped with virtual time.
//
// Expectations, conformance checks, renderers and the explorer read the trace rather than the
// simulator's internals (ARCHITECTURE principle 6). Entries are never changed or removed.
//
// Storage: Append copies every text (actors, name, attribute keys and values, rule) into
// blocks the trace owns, except a KeptText, which lives at least as long as the trace anyway
// (a string literal, a static table's entry, a text the trace interned); an Entry's fields
// are views. So an Entry (and any copy of it) is valid as long as its Trace lives; copy a
// field into a std::string to keep it longer. One append costs no heap allocation once the
// first block is full of room, and no copy of its kept texts. The append of a braced list is
// inline (bottom of this file), so a call site's kept texts cost nothing at run time
// (bench/coordinator_bench.cc: appends were a quarter of a backup lifecycle's cost).
//
// Thread safety: none; a trace belongs to one single-threaded run.
#ifndef VSSSIM_TRACE_TRACE_H_
#define VSSSIM_TRACE_TRACE_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <initializer_list>
#include <iosfwd>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "vsssim/runtime/clock.h"
#include "vsssim/runtime/time.h"

namespace vsssim::trace {

enum class EntryKind {
  kCall,      // a requester calls the coordinator (from = requester, to = "vss")
  kResult,    // the HRESULT a call returned (or an async operation finished with)
  kEvent,     // the coordinator delivers an event to a writer (from = "vss", to = writer)
  kReply,     // a writer's handler returned (bool result, failure set)
  kState,     // a state machine changed state (writer status, requester phase, snapshot)
  kProvider,  // the coordinator drives the provider (from = "vss", to = "provider")
  kFinding,   // a rule was broken; `rule` names it
  kNote,      // anything else worth reading (scenario step, clock advance)
};

// "call", "result", "event", "reply", "state", "provider", "finding", "note".
std::string_view KindName(EntryKind kind);

// Text stored in a trace: a std::string_view that also converts implicitly to std::string (a
// copy), so readers written when entries held std::strings (`names.push_back(e.name)`,
// `std::string actor = e.from`) keep compiling. substr() keeps the type for the same reason.
class Text : public std::string_view {
 public:
  constexpr Text() = default;
  constexpr Text(std::string_view text) : std::string_view(text) {}  // NOLINT: implicit
  constexpr Text(const char* text) : std::string_view(text) {}       // NOLINT: implicit
  Text(const std::string& text) : std::string_view(text) {}          // NOLINT: implicit
  constexpr Text(const char* text, size_type size) : std::string_view(text, size) {}
  operator std::string() const { return std::string(data(), size()); }  // NOLINT: implicit
  constexpr Text substr(size_type pos = 0, size_type count = npos) const {
    return Text(std::string_view::substr(pos, count));
  }
  // Concatenation gives a std::string, as it did when entries held std::strings.
  friend std::string operator+(const Text& a, const Text& b) { return Cat(a, b); }
  friend std::string operator+(const Text& a, const std::string& b) { return Cat(a, b); }
  friend std::string operator+(const Text& a, const char* b) { return Cat(a, b); }
  friend std::string operator+(const Text& a, char b) { return Cat(a, std::string_view(&b, 1)); }
  friend std::string operator+(const std::string& a, const Text& b) { return Cat(a, b); }
  friend std::string operator+(const char* a, const Text& b) { return Cat(a, b); }
  friend std::string operator+(char a, const Text& b) { return Cat(std::string_view(&a, 1), b); }

 private:
  static std::string Cat(std::string_view a, std::string_view b) {
    std::string out;
    out.reserve(a.size() + b.size());
    out.append(a).append(b);
    return out;
  }
};
// GoogleTest prints a Text as a quoted string (not as a range of chars).
void PrintTo(const Text& text, std::ostream* os);

class Trace;
class KeptText;
namespace literals {
constexpr KeptText operator""_kept(const char* text, std::size_t size);
}  // namespace literals

// A text Append stores as a view instead of copying it, because it lives at least as long as
// the trace: a string literal (`"vss"_kept`, with `using namespace vsssim::trace::literals`),
// an entry of a static table (`KeptText::Static(vss::NameOf(event))`), or a text the trace
// stores already (`Trace::Intern`).
class KeptText {
 public:
  constexpr KeptText() = default;
  // REQUIRES: `text` has static storage duration (a literal, a constant table's entry).
  static constexpr KeptText Static(std::string_view text) { return KeptText(text); }
  constexpr std::string_view view() const { return text_; }

 private:
  friend class Trace;
  friend constexpr KeptText literals::operator""_kept(const char* text, std::size_t size);
  constexpr explicit KeptText(std::string_view text) : text_(text) {}
  std::string_view text_;
};

namespace literals {
// Only a string literal can be written this way, so the text is static.
constexpr KeptText operator""_kept(const char* text, std::size_t size) {
  return KeptText(std::string_view(text, size));
}
}  // namespace literals

// A text argument of Append: copied into the trace, unless it is a KeptText.
class TextArg {
 public:
  constexpr TextArg() = default;
  constexpr TextArg(std::string_view text) : text_(text) {}              // NOLINT: implicit
  constexpr TextArg(const char* text) : text_(text) {}                   // NOLINT: implicit
  TextArg(const std::string& text) : text_(text) {}                      // NOLINT: implicit
  constexpr TextArg(KeptText text) : text_(text.view()), kept_(true) {}  // NOLINT: implicit

  constexpr std::string_view view() const { return text_; }
  constexpr bool kept() const { return kept_; }

 private:
  std::string_view text_;
  bool kept_ = false;
};

// An attribute as passed to Append in a braced list ({{"hr", ToString(r)}}): the copied views
// only need to live until Append returns.
struct AttributeArg {
  TextArg key;
  TextArg value;
};

// Attributes built beforehand as arguments, e.g. a fixed array on the caller's stack.
class AttributeArgs {
 public:
  AttributeArgs(const AttributeArg* data, std::size_t size) : data_(data), size_(size) {}
  const AttributeArg* begin() const { return data_; }
  const AttributeArg* end() const { return data_ + size_; }
  std::size_t size() const { return size_; }

 private:
  const AttributeArg* data_;
  std::size_t size_;
};

// An attribute that owns its text: for building a list before Append (std::vector<Attribute>).
struct Attribute {
  std::string key;
  std::string value;
  friend bool operator==(const Attribute& a, const Attribute& b) {
    return a.key == b.key && a.value == b.value;
  }
};

// An attribute as stored in an Entry: views into the trace (or kept texts).
struct AttributeView {
  Text key;
  Text value;
  friend bool operator==(const AttributeView& a, const AttributeView& b) {
    return a.key == b.key && a.value == b.value;
  }
};

// The attributes of an entry, in insertion order: a read-only range into the trace.
class AttributeList {
 public:
  using value_type = AttributeView;
  using const_iterator = const AttributeView*;
  using iterator = const_iterator;

  AttributeList() = default;
  AttributeList(const AttributeView* data, std::size_t size) : data_(data), size_(size) {}

  const AttributeView* begin() const { return data_; }
  const AttributeView* end() const { return data_ + size_; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  // REQUIRES: i < size().
  const AttributeView& operator[](std::size_t i) const { return data_[i]; }
  const AttributeView& front() const { return data_[0]; }
  const AttributeView& back() const { return data_[size_ - 1]; }

 private:
  const AttributeView* data_ = nullptr;
  std::size_t size_ = 0;
};

struct Entry {
  std::uint64_t sequence = 0;  // position in the trace, from 0
  runtime::TimePoint time;
  EntryKind kind = EntryKind::kNote;
  Text from;                 // actor: "requester:r1", "vss", "writer:DemoDB", "provider", ...
  Text to;                   // may be empty
  Text name;                 // method, event, new state, or a short title
  AttributeList attributes;  // in insertion order; part of the rendering
  Text rule;                 // rule ID the entry enforces or breaks; may be empty

  // The value of attribute `key`, or an empty view.
  std::string_view Get(std::string_view key) const;
};

class Trace {
 public:
  // Room reserved up front: a backup with a few writers writes 100-400 entries, and growing
  // the vector moves every entry (bench/trace_bench.cc).
  static constexpr std::size_t kInitialCapacity = 512;
  // Text storage reserved up front (a 3-writer backup stores about 16 KiB); later blocks double.
  static constexpr std::size_t kInitialBlockBytes = 32 * 1024;

  // Entries are stamped with `clock`'s time. REQUIRES: clock outlives the trace.
  explicit Trace(const runtime::Clock& clock);
  Trace(const Trace&) = delete;
  Trace& operator=(const Trace&) = delete;

  // Appends an entry, stamping sequence and time, and copies every text but the KeptTexts
  // into the trace; returns the stored entry. The other arguments need only live until
  // Append returns.
  const Entry& Append(EntryKind kind, TextArg from, TextArg to, TextArg name,
                      std::initializer_list<AttributeArg> attributes = {}, TextArg rule = {});
  // The same with a list built beforehand (every attribute text copied).
  const Entry& Append(EntryKind kind, TextArg from, TextArg to, TextArg name,
                      const std::vector<Attribute>& attributes, TextArg rule = {});
  // The same with arguments built beforehand.
  const Entry& Append(EntryKind kind, TextArg from, TextArg to, TextArg name,
                      AttributeArgs attributes, TextArg rule = {});

  // Stores `text` once, for appends to keep instead of copying: for a text many entries
  // repeat (an actor's name). The result is valid as long as the trace.
  KeptText Intern(std::string_view text);

  const std::vector<Entry>& entries() const { return entries_; }
  std::size_t size() const { return entries_.size(); }

  // Called after every append (e.g. to stream a live rendering). One observer at a time.
  void SetObserver(std::function<void(const Entry&)> observer) { observer_ = std::move(observer); }

 private:
  // Room for `bytes` aligned for AttributeView, in the current block or a new one.
  char* Allocate(std::size_t bytes);
  char* AllocateInNewBlock(std::size_t bytes);  // REQUIRES: bytes is rounded up
  template <typename List>
  const Entry& AppendList(EntryKind kind, TextArg from, TextArg to, TextArg name,
                          const List& attributes, TextArg rule);

  const runtime::Clock& clock_;
  std::vector<Entry> entries_;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;  // free room in blocks_.back()
  std::size_t left_ = 0;
  std::size_t last_block_bytes_ = 0;
  std::function<void(const Entry&)> observer_;
};

// --- Append's fast path, inline: at a call site the kept texts are known, so their tests and
// sizes fold away (bench/coordinator_bench.cc: appends were a quarter of a backup's cost).

// The per-text helpers run several times per append: inlined, a kept text costs a test.
#if defined(__GNUC__)
#define VSSSIM_TRACE_INLINE inline __attribute__((always_inline))
#else
#define VSSSIM_TRACE_INLINE inline
#endif

namespace internal {

constexpr std::size_t kAlign = alignof(AttributeView);

constexpr std::size_t RoundUp(std::size_t bytes) { return (bytes + kAlign - 1) & ~(kAlign - 1); }

// The bytes a text takes in a block: none when it is kept as it is. (Templates: a std::string
// converts to both TextArg and std::string_view, so overloads would be ambiguous.)
template <class T>
VSSSIM_TRACE_INLINE std::size_t Bytes(const T& text) {
  if constexpr (std::is_same_v<T, TextArg>) {
    return text.kept() ? 0 : text.view().size();
  } else {
    return text.size();
  }
}

template <class List>
std::size_t TextBytes(const List& attributes) {
  std::size_t n = 0;
  for (const auto& a : attributes) n += Bytes(a.key) + Bytes(a.value);
  return n;
}

// Copies n bytes. Trace texts are mostly names of a few bytes: up to 16 bytes are moved by two
// overlapping fixed-size loads and stores (no call into the library memcpy, whose call and
// size dispatch cost more than the copy).
VSSSIM_TRACE_INLINE void CopyBytes(char* dst, const char* src, std::size_t n) {
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
VSSSIM_TRACE_INLINE Text CopyTo(char** cursor, std::string_view text) {
  if (text.empty()) return {};
  CopyBytes(*cursor, text.data(), text.size());
  Text stored(*cursor, text.size());
  *cursor += text.size();
  return stored;
}
// The stored form of a text argument: itself when kept, else a copy at `*cursor`.
template <class T>
VSSSIM_TRACE_INLINE Text Store(char** cursor, const T& text) {
  if constexpr (std::is_same_v<T, TextArg>) {
    return text.kept() ? Text(text.view()) : CopyTo(cursor, text.view());
  } else {
    return CopyTo(cursor, std::string_view(text));
  }
}

}  // namespace internal

inline char* Trace::Allocate(std::size_t bytes) {
  bytes = internal::RoundUp(bytes);
  if (bytes > left_ || blocks_.empty()) return AllocateInNewBlock(bytes);
  char* out = next_;
  next_ += bytes;
  left_ -= bytes;
  return out;
}

// One allocation per entry: the attribute array first (aligned), then every text.
template <typename List>
VSSSIM_TRACE_INLINE const Entry& Trace::AppendList(EntryKind kind, TextArg from, TextArg to,
                                                   TextArg name, const List& attributes,
                                                   TextArg rule) {
  using internal::Bytes;
  using internal::Store;
  const std::size_t count = attributes.size();
  const std::size_t array_bytes = count * sizeof(AttributeView);
  char* block = Allocate(array_bytes + Bytes(from) + Bytes(to) + Bytes(name) + Bytes(rule) +
                         internal::TextBytes(attributes));
  auto* stored = reinterpret_cast<AttributeView*>(block);
  char* cursor = block + array_bytes;
  std::size_t i = 0;
  for (const auto& a : attributes) {
    const Text key = Store(&cursor, a.key);
    new (&stored[i++]) AttributeView{key, Store(&cursor, a.value)};
  }
  // Built field by field: emplace_back() would first value-initialise the whole entry.
  entries_.push_back(Entry{entries_.size(), clock_.Now(), kind, Store(&cursor, from),
                           Store(&cursor, to), Store(&cursor, name),
                           AttributeList(count == 0 ? nullptr : stored, count),
                           Store(&cursor, rule)});
  const Entry& e = entries_.back();
  if (observer_) observer_(e);
  return e;
}

VSSSIM_TRACE_INLINE const Entry& Trace::Append(EntryKind kind, TextArg from, TextArg to,
                                               TextArg name,
                                               std::initializer_list<AttributeArg> attributes,
                                               TextArg rule) {
  return AppendList(kind, from, to, name, attributes, rule);
}

#undef VSSSIM_TRACE_INLINE

}  // namespace vsssim::trace

#endif  // VSSSIM_TRACE_TRACE_H_
