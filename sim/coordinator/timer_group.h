// TimerGroup: timers of one owner on the runtime::Clock, each forgotten as it fires and all
// cancelled with the owner, so no step can run into a destroyed Session or Coordinator.
//
// Thread safety: none (simulator thread). REQUIRES: the clock outlives the group.
#ifndef VSSSIM_SIM_COORDINATOR_TIMER_GROUP_H_
#define VSSSIM_SIM_COORDINATOR_TIMER_GROUP_H_

#include <algorithm>
#include <memory>
#include <utility>
#include <vector>

#include "vsssim/runtime/callback.h"
#include "vsssim/runtime/clock.h"

namespace vsssim::coordinator {

class TimerGroup {
 public:
  explicit TimerGroup(runtime::Clock& clock) : clock_(clock) {}
  ~TimerGroup() {
    for (runtime::TimerId id : ids_) clock_.Cancel(id);
  }
  TimerGroup(const TimerGroup&) = delete;
  TimerGroup& operator=(const TimerGroup&) = delete;

  void ScheduleAt(runtime::TimePoint due, runtime::Callback step) {
    // The id is only known after scheduling: the step finds and drops it through a shared slot.
    auto id = std::make_shared<runtime::TimerId>(0);
    *id = clock_.ScheduleAt(due, [this, id, step = std::move(step)]() mutable {
      ids_.erase(std::remove(ids_.begin(), ids_.end(), *id), ids_.end());
      step();
    });
    ids_.push_back(*id);
  }

 private:
  runtime::Clock& clock_;
  std::vector<runtime::TimerId> ids_;  // still due
};

}  // namespace vsssim::coordinator

#endif  // VSSSIM_SIM_COORDINATOR_TIMER_GROUP_H_
