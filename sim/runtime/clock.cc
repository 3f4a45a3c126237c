#include "vsssim/runtime/clock.h"

#include <algorithm>
#include <cassert>
#include <utility>

namespace vsssim::runtime {

Clock::Clock() {
  // Room for a run's usual working set (a backup keeps a handful of timers pending), so the
  // first steps of a run do not grow the vectors.
  constexpr std::size_t kReserved = 16;
  heap_.reserve(kReserved);
  slots_.reserve(kReserved);
  free_.reserve(kReserved);
}

TimerId Clock::ScheduleAfter(Duration delay, Callback callback) {
  assert(delay.count() >= 0);
  return ScheduleAt(now_ + delay, std::move(callback));
}

TimerId Clock::ScheduleAt(TimePoint due, Callback callback) {
  if (due < now_) due = now_;
  std::uint32_t index;
  if (free_.empty()) {
    index = static_cast<std::uint32_t>(slots_.size());
    slots_.emplace_back();
  } else {
    index = free_.back();
    free_.pop_back();
  }
  Slot& slot = slots_[index];
  slot.pending = true;
  slot.callback = std::move(callback);
  ++pending_;
  heap_.push_back(Key{due, next_sequence_++, index, slot.generation});
  std::push_heap(heap_.begin(), heap_.end(), Later);
  return (static_cast<TimerId>(slot.generation) << 32) | (index + 1);
}

const Clock::Slot* Clock::Find(TimerId id) const {
  const std::uint64_t index = (id & 0xffffffffu) - 1;  // id 0 wraps to an index out of range
  if (index >= slots_.size()) return nullptr;
  const Slot& slot = slots_[index];
  if (!slot.pending || slot.generation != static_cast<std::uint32_t>(id >> 32)) return nullptr;
  return &slot;
}

void Clock::Release(std::uint32_t index) {
  Slot& slot = slots_[index];
  slot.pending = false;
  ++slot.generation;
  free_.push_back(index);
  --pending_;
}

bool Clock::Cancel(TimerId id) {
  if (Find(id) == nullptr) return false;
  const auto index = static_cast<std::uint32_t>((id & 0xffffffffu) - 1);
  Callback dropped = std::move(slots_[index].callback);
  Release(index);
  Prune();
  return true;  // `dropped` (and what it captured) goes last: its destructor may cancel more
}

bool Clock::IsPending(TimerId id) const { return Find(id) != nullptr; }

void Clock::Prune() {
  while (!heap_.empty() && !Live(heap_.front())) {
    std::pop_heap(heap_.begin(), heap_.end(), Later);
    heap_.pop_back();
  }
  if (heap_.size() > 2 * pending_ + 64) {
    heap_.erase(
        std::remove_if(heap_.begin(), heap_.end(), [this](const Key& k) { return !Live(k); }),
        heap_.end());
    std::make_heap(heap_.begin(), heap_.end(), Later);
  }
}

TimePoint Clock::NextDue() const { return heap_.empty() ? now_ : heap_.front().due; }

bool Clock::FireNext() {
  if (heap_.empty()) return false;
  std::pop_heap(heap_.begin(), heap_.end(), Later);
  const Key key = heap_.back();
  heap_.pop_back();
  // The callback leaves the slab before it runs: it may schedule timers (growing the slab).
  Callback callback = std::move(slots_[key.slot].callback);
  Release(key.slot);
  Prune();
  if (now_ < key.due) now_ = key.due;
  callback();
  return true;
}

void Clock::AdvanceTo(TimePoint target) {
  assert(target >= now_);
  while (!heap_.empty() && heap_.front().due <= target) FireNext();
  if (now_ < target) now_ = target;
}

std::size_t Clock::RunUntilIdle(std::size_t limit) {
  std::size_t fired = 0;
  while (fired < limit && FireNext()) ++fired;
  return fired;
}

}  // namespace vsssim::runtime
