// The virtual clock and its timer queue: the only notion of time inside the simulator.
//
// Timers fire in order of (due time, scheduling order), so two timers due at the same instant
// fire in the order they were scheduled: runs are deterministic by construction. Advancing the
// clock fires every timer due up to the new time, each with Now() equal to its due time.
// Callbacks may schedule and cancel timers (also ones due at the current instant).
//
// Storage: a binary heap of (due, sequence) keys over a slab of timer slots that are reused,
// callbacks kept inline (runtime::Callback); scheduling, firing and cancelling allocate
// nothing once the slab and heap have grown to a run's working set (bench/runtime_bench.cc).
// A cancelled timer's heap key stays until it reaches the top (lazy deletion; the heap is
// compacted when stale keys outnumber live ones).
//
// Thread safety: none. The simulator core is single-threaded; one Clock belongs to one run.
#ifndef VSSSIM_RUNTIME_CLOCK_H_
#define VSSSIM_RUNTIME_CLOCK_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "vsssim/runtime/callback.h"
#include "vsssim/runtime/time.h"

namespace vsssim::runtime {

// Identifies a scheduled timer; 0 is never used, and an id is never reused within a run.
using TimerId = std::uint64_t;

class Clock {
 public:
  Clock();
  Clock(const Clock&) = delete;
  Clock& operator=(const Clock&) = delete;

  TimePoint Now() const { return now_; }

  // Schedules `callback` to run at Now() + delay. REQUIRES: delay >= 0.
  TimerId ScheduleAfter(Duration delay, Callback callback);
  // Schedules `callback` at `due`; a due time in the past fires at the next advance.
  TimerId ScheduleAt(TimePoint due, Callback callback);
  // Cancels a pending timer. Returns false if it already fired or never existed.
  bool Cancel(TimerId id);
  bool IsPending(TimerId id) const;

  // Fires every timer due at or before `target`, then sets Now() to `target`.
  // REQUIRES: target >= Now().
  void AdvanceTo(TimePoint target);
  void AdvanceBy(Duration d) { AdvanceTo(now_ + d); }
  // Fires the earliest pending timer, moving Now() to its due time. False if none is pending.
  bool FireNext();
  // Fires timers until none is pending or `limit` timers have fired; returns how many fired.
  std::size_t RunUntilIdle(std::size_t limit = SIZE_MAX);

  std::size_t PendingCount() const { return pending_; }
  // The due time of the earliest pending timer; Now() if none.
  TimePoint NextDue() const;

 private:
  // A timer's place in the slab; its id is (generation << 32 | index + 1). A slot's generation
  // changes whenever its timer fires or is cancelled, so old ids and heap keys go stale.
  struct Slot {
    std::uint32_t generation = 1;
    bool pending = false;
    Callback callback;
  };
  struct Key {
    TimePoint due;
    std::uint64_t sequence;
    std::uint32_t slot;
    std::uint32_t generation;
  };
  // Heap order for std::push_heap/pop_heap: the earliest (due, sequence) on top.
  static bool Later(const Key& a, const Key& b) {
    if (a.due != b.due) return a.due > b.due;
    return a.sequence > b.sequence;
  }
  bool Live(const Key& k) const {
    const Slot& s = slots_[k.slot];
    return s.pending && s.generation == k.generation;
  }
  // The pending slot an id names, or nullptr.
  const Slot* Find(TimerId id) const;
  void Release(std::uint32_t index);
  // Drops stale keys from the top of the heap (so the top, if any, is live), and rebuilds the
  // heap when stale keys outnumber live ones.
  void Prune();

  TimePoint now_{};
  std::uint64_t next_sequence_ = 1;
  std::size_t pending_ = 0;
  std::vector<Key> heap_;
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> free_;
};

}  // namespace vsssim::runtime

#endif  // VSSSIM_RUNTIME_CLOCK_H_
