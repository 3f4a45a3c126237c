#include "vsssim/runtime/clock.h"

#include <cassert>

namespace vsssim::runtime {

TimerId Clock::ScheduleAfter(Duration delay, std::function<void()> callback) {
  assert(delay.count() >= 0);
  return ScheduleAt(now_ + delay, std::move(callback));
}

TimerId Clock::ScheduleAt(TimePoint due, std::function<void()> callback) {
  if (due < now_) due = now_;
  TimerId id = next_sequence_;
  Key key{due, next_sequence_++};
  queue_.emplace(key, Timer{id, std::move(callback)});
  index_.emplace(id, key);
  return id;
}

bool Clock::Cancel(TimerId id) {
  auto it = index_.find(id);
  if (it == index_.end()) return false;
  queue_.erase(it->second);
  index_.erase(it);
  return true;
}

bool Clock::IsPending(TimerId id) const { return index_.count(id) != 0; }

TimePoint Clock::NextDue() const { return queue_.empty() ? now_ : queue_.begin()->first.due; }

bool Clock::FireNext() {
  if (queue_.empty()) return false;
  auto it = queue_.begin();
  Key key = it->first;
  Timer timer = std::move(it->second);
  queue_.erase(it);
  index_.erase(timer.id);
  if (now_ < key.due) now_ = key.due;
  timer.callback();
  return true;
}

void Clock::AdvanceTo(TimePoint target) {
  assert(target >= now_);
  while (!queue_.empty() && queue_.begin()->first.due <= target) FireNext();
  if (now_ < target) now_ = target;
}

std::size_t Clock::RunUntilIdle(std::size_t limit) {
  std::size_t fired = 0;
  while (fired < limit && FireNext()) ++fired;
  return fired;
}

}  // namespace vsssim::runtime
