// The trace: an append-only record of everything observable in a simulated run — requester
// calls and their results, events sent to writers and their replies, state changes, provider
// operations, findings (rule violations) and notes — each stamped with virtual time.
//
// Expectations, conformance checks, renderers and the explorer read the trace rather than the
// simulator's internals (ARCHITECTURE principle 6). Entries are never changed or removed.
//
// Storage: Append copies every text (actors, name, attribute keys and values, rule) into
// blocks the trace owns; an Entry's fields are views into them. So an Entry (and any copy of
// it) is valid as long as its Trace lives; copy a field into a std::string to keep it longer.
// One append costs no heap allocation once the first block is full of room (bench/).
//
// Thread safety: none; a trace belongs to one single-threaded run.
#ifndef VSSSIM_TRACE_TRACE_H_
#define VSSSIM_TRACE_TRACE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
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

// An attribute that owns its text: for building a list before Append (std::vector<Attribute>).
struct Attribute {
  std::string key;
  std::string value;
  friend bool operator==(const Attribute& a, const Attribute& b) {
    return a.key == b.key && a.value == b.value;
  }
};

// An attribute as passed to Append in a braced list ({{"hr", ToString(r)}}: the views only
// need to live until Append returns) and as stored in an Entry (views into the trace).
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

  // Appends an entry, stamping sequence and time, and copies every text into the trace;
  // returns the stored entry. The arguments need only live until Append returns.
  const Entry& Append(EntryKind kind, std::string_view from, std::string_view to,
                      std::string_view name, std::initializer_list<AttributeView> attributes = {},
                      std::string_view rule = {});
  // The same with a list built beforehand.
  const Entry& Append(EntryKind kind, std::string_view from, std::string_view to,
                      std::string_view name, const std::vector<Attribute>& attributes,
                      std::string_view rule = {});
  // The same with views built beforehand (e.g. a fixed array on the caller's stack).
  const Entry& Append(EntryKind kind, std::string_view from, std::string_view to,
                      std::string_view name, AttributeList attributes, std::string_view rule = {});

  const std::vector<Entry>& entries() const { return entries_; }
  std::size_t size() const { return entries_.size(); }

  // Called after every append (e.g. to stream a live rendering). One observer at a time.
  void SetObserver(std::function<void(const Entry&)> observer) { observer_ = std::move(observer); }

 private:
  // Room for `bytes` aligned for AttributeView, in the current block or a new one.
  char* Allocate(std::size_t bytes);
  char* AllocateInNewBlock(std::size_t bytes);  // REQUIRES: bytes is rounded up
  template <typename List>
  const Entry& AppendList(EntryKind kind, std::string_view from, std::string_view to,
                          std::string_view name, const List& attributes, std::string_view rule);

  const runtime::Clock& clock_;
  std::vector<Entry> entries_;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;  // free room in blocks_.back()
  std::size_t left_ = 0;
  std::size_t last_block_bytes_ = 0;
  std::function<void(const Entry&)> observer_;
};

}  // namespace vsssim::trace

#endif  // VSSSIM_TRACE_TRACE_H_
