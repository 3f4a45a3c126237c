// The virtual clock and its timer queue: the only notion of time inside the simulator.
//
// Timers fire in order of (due time, scheduling order), so two timers due at the same instant
// fire in the order they were scheduled: runs are deterministic by construction. Advancing the
// clock fires every timer due up to the new time, each with Now() equal to its due time.
// Callbacks may schedule and cancel timers (also ones due at the current instant).
//
// Thread safety: none. The simulator core is single-threaded; one Clock belongs to one run.
#ifndef VSSSIM_RUNTIME_CLOCK_H_
#define VSSSIM_RUNTIME_CLOCK_H_

#include <cstdint>
#include <functional>
#include <map>
#include <utility>

#include "vsssim/runtime/time.h"

namespace vsssim::runtime {

// Identifies a scheduled timer; 0 is never used.
using TimerId = std::uint64_t;

class Clock {
 public:
  Clock() = default;
  Clock(const Clock&) = delete;
  Clock& operator=(const Clock&) = delete;

  TimePoint Now() const { return now_; }

  // Schedules `callback` to run at Now() + delay. REQUIRES: delay >= 0.
  TimerId ScheduleAfter(Duration delay, std::function<void()> callback);
  // Schedules `callback` at `due`; a due time in the past fires at the next advance.
  TimerId ScheduleAt(TimePoint due, std::function<void()> callback);
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

  std::size_t PendingCount() const { return queue_.size(); }
  // The due time of the earliest pending timer; Now() if none.
  TimePoint NextDue() const;

 private:
  struct Key {
    TimePoint due;
    std::uint64_t sequence;
    friend bool operator<(const Key& a, const Key& b) {
      if (a.due != b.due) return a.due < b.due;
      return a.sequence < b.sequence;
    }
  };
  struct Timer {
    TimerId id;
    std::function<void()> callback;
  };

  TimePoint now_{};
  std::uint64_t next_sequence_ = 1;
  std::map<Key, Timer> queue_;
  std::map<TimerId, Key> index_;
};

}  // namespace vsssim::runtime

#endif  // VSSSIM_RUNTIME_CLOCK_H_
