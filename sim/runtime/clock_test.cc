#include "vsssim/runtime/clock.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace vsssim::runtime {
namespace {

using std::chrono::seconds;

TEST(Runtime_Clock, StartsAtZeroAndOnlyMovesWhenAdvanced) {
  Clock clock;
  EXPECT_EQ(clock.Now(), TimePoint{});
  clock.AdvanceBy(seconds(60));
  EXPECT_EQ(clock.Now().since_start, seconds(60));
}

TEST(Runtime_Clock, FiresTimersInDueOrderThenSchedulingOrder) {
  Clock clock;
  std::vector<std::string> fired;
  clock.ScheduleAfter(seconds(2), [&] { fired.push_back("b@2"); });
  clock.ScheduleAfter(seconds(1), [&] { fired.push_back("a@1"); });
  clock.ScheduleAfter(seconds(2), [&] { fired.push_back("c@2"); });
  clock.ScheduleAfter(seconds(5), [&] { fired.push_back("d@5"); });
  clock.AdvanceTo(TimePoint{seconds(2)});
  EXPECT_EQ(fired, (std::vector<std::string>{"a@1", "b@2", "c@2"}));
  EXPECT_EQ(clock.PendingCount(), 1u);
  EXPECT_EQ(clock.NextDue(), TimePoint{seconds(5)});
}

TEST(Runtime_Clock, CallbacksSeeTheirDueTimeAndMayScheduleMore) {
  Clock clock;
  std::vector<std::int64_t> times;
  clock.ScheduleAfter(seconds(1), [&] {
    times.push_back(clock.Now().since_start.count());
    clock.ScheduleAfter(seconds(0), [&] { times.push_back(-clock.Now().since_start.count()); });
  });
  clock.AdvanceBy(seconds(10));
  ASSERT_EQ(times.size(), 2u);
  EXPECT_EQ(times[0], 1'000'000'000);
  EXPECT_EQ(times[1], -1'000'000'000);
  EXPECT_EQ(clock.Now().since_start, seconds(10));
}

TEST(Runtime_Clock, CancelledTimersDoNotFire) {
  Clock clock;
  int fired = 0;
  TimerId id = clock.ScheduleAfter(seconds(1), [&] { ++fired; });
  EXPECT_TRUE(clock.IsPending(id));
  EXPECT_TRUE(clock.Cancel(id));
  EXPECT_FALSE(clock.Cancel(id));
  clock.AdvanceBy(seconds(2));
  EXPECT_EQ(fired, 0);
  EXPECT_FALSE(clock.IsPending(id));
}

TEST(Runtime_Clock, FireNextJumpsToTheNextTimer) {
  Clock clock;
  int fired = 0;
  clock.ScheduleAfter(seconds(60), [&] { ++fired; });
  EXPECT_TRUE(clock.FireNext());
  EXPECT_EQ(fired, 1);
  EXPECT_EQ(clock.Now().since_start, seconds(60));
  EXPECT_FALSE(clock.FireNext());
}

TEST(Runtime_Clock, RunUntilIdleStopsAtTheLimit) {
  Clock clock;
  int fired = 0;
  // A timer that reschedules itself forever: the limit keeps this finite.
  std::function<void()> again = [&] {
    ++fired;
    clock.ScheduleAfter(seconds(1), again);
  };
  clock.ScheduleAfter(seconds(1), again);
  EXPECT_EQ(clock.RunUntilIdle(100), 100u);
  EXPECT_EQ(fired, 100);
}

// Checks that a fired or cancelled timer's id stays dead after its slot is reused by a new
// timer: cancelling the old id must not cancel the new timer.
TEST(Runtime_Clock, OldIdsStayDeadWhenTheirSlotIsReused) {
  Clock clock;
  int fired = 0;
  TimerId first = clock.ScheduleAfter(seconds(1), [&] { ++fired; });
  ASSERT_TRUE(clock.Cancel(first));
  TimerId second = clock.ScheduleAfter(seconds(1), [&] { fired += 10; });
  EXPECT_NE(first, second);
  EXPECT_FALSE(clock.IsPending(first));
  EXPECT_FALSE(clock.Cancel(first));
  EXPECT_TRUE(clock.IsPending(second));
  clock.AdvanceBy(seconds(1));
  EXPECT_EQ(fired, 10);
  EXPECT_FALSE(clock.Cancel(second));
  EXPECT_FALSE(clock.IsPending(0));
  EXPECT_FALSE(clock.Cancel(0));
}

// Checks that many cancellations leave order, counts and NextDue right (cancelled keys are
// dropped lazily and the heap is compacted).
TEST(Runtime_Clock, ManyCancelledTimersLeaveOrderAndCountsRight) {
  Clock clock;
  std::vector<int> fired;
  std::vector<TimerId> ids;
  for (int i = 0; i < 1000; ++i) {
    ids.push_back(clock.ScheduleAfter(seconds(1000 - i), [&fired, i] { fired.push_back(i); }));
  }
  for (int i = 0; i < 1000; ++i) {
    if (i % 10 != 3) {
      ASSERT_TRUE(clock.Cancel(ids[i]));
    }
  }
  EXPECT_EQ(clock.PendingCount(), 100u);
  EXPECT_EQ(clock.NextDue(), TimePoint{seconds(1000 - 993)});
  clock.AdvanceBy(seconds(2000));
  ASSERT_EQ(fired.size(), 100u);
  for (std::size_t k = 0; k < fired.size(); ++k)
    EXPECT_EQ(fired[k], 993 - 10 * static_cast<int>(k));
  EXPECT_EQ(clock.PendingCount(), 0u);
}

// Checks that a callback may cancel another pending timer due at the same instant, and that a
// callback's captures are destroyed (not leaked) when its timer is cancelled.
TEST(Runtime_Clock, CallbacksMayCancelAndCancelledCapturesAreDestroyed) {
  Clock clock;
  int fired = 0;
  auto token = std::make_shared<int>(0);
  TimerId second = 0;
  clock.ScheduleAfter(seconds(1), [&] {
    ++fired;
    EXPECT_TRUE(clock.Cancel(second));
  });
  second = clock.ScheduleAfter(seconds(1), [&fired, token] { fired += 100; });
  EXPECT_EQ(token.use_count(), 2);
  clock.AdvanceBy(seconds(1));
  EXPECT_EQ(fired, 1);
  EXPECT_EQ(token.use_count(), 1);
}

}  // namespace
}  // namespace vsssim::runtime
