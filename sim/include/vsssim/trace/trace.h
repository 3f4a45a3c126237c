// The trace: an append-only record of everything observable in a simulated run — requester
// calls and their results, events sent to writers and their replies, state changes, provider
// operations, findings (rule violations) and notes — each stamped with virtual time.
//
// Expectations, conformance checks, renderers and the explorer read the trace rather than the
// simulator's internals (ARCHITECTURE principle 6). Entries are never changed or removed.
//
// Thread safety: none; a trace belongs to one single-threaded run.
#ifndef VSSSIM_TRACE_TRACE_H_
#define VSSSIM_TRACE_TRACE_H_

#include <cstdint>
#include <functional>
#include <initializer_list>
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

struct Attribute {
  std::string key;
  std::string value;
  friend bool operator==(const Attribute& a, const Attribute& b) {
    return a.key == b.key && a.value == b.value;
  }
};

struct Entry {
  std::uint64_t sequence = 0;  // position in the trace, from 0
  runtime::TimePoint time;
  EntryKind kind = EntryKind::kNote;
  std::string from;  // actor: "requester:r1", "vss", "writer:DemoDB", "provider", "scenario"
  std::string to;    // may be empty
  std::string name;  // method, event, new state, or a short title
  std::vector<Attribute> attributes;  // in insertion order; part of the rendering
  std::string rule;                   // rule ID the entry enforces or breaks; may be empty

  // The value of attribute `key`, or an empty view.
  std::string_view Get(std::string_view key) const;
};

class Trace {
 public:
  // Room reserved up front: a backup with a few writers writes 100-400 entries, and growing
  // the vector moves every entry (bench/trace_bench.cc).
  static constexpr std::size_t kInitialCapacity = 512;

  // Entries are stamped with `clock`'s time. REQUIRES: clock outlives the trace.
  explicit Trace(const runtime::Clock& clock) : clock_(clock) {
    entries_.reserve(kInitialCapacity);
  }
  Trace(const Trace&) = delete;
  Trace& operator=(const Trace&) = delete;

  // Appends an entry, stamping sequence and time; returns the stored entry.
  const Entry& Append(EntryKind kind, std::string from, std::string to, std::string name,
                      std::vector<Attribute> attributes = {}, std::string rule = {});

  const std::vector<Entry>& entries() const { return entries_; }
  std::size_t size() const { return entries_.size(); }

  // Called after every append (e.g. to stream a live rendering). One observer at a time.
  void SetObserver(std::function<void(const Entry&)> observer) { observer_ = std::move(observer); }

 private:
  const runtime::Clock& clock_;
  std::vector<Entry> entries_;
  std::function<void(const Entry&)> observer_;
};

}  // namespace vsssim::trace

#endif  // VSSSIM_TRACE_TRACE_H_
