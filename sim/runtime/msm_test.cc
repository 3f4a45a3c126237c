// Checks the shared Boost.MSM configuration: a machine built on RecordingMachine transitions
// by its table, names its states, and reports an event with no row instead of asserting.
#include "sim/runtime/msm.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vsssim::msm {
namespace {

struct Open {
  static constexpr std::string_view kName = "Open";
};
struct Close {
  static constexpr std::string_view kName = "Close";
};

struct DoorDef : RecordingMachine<DoorDef> {
  struct Closed : front::state<> {
    static constexpr std::string_view kName = "Closed";
  };
  struct Opened : front::state<> {
    static constexpr std::string_view kName = "Opened";
  };
  using initial_state = Closed;

  struct CountOpen {
    template <class Event, class Fsm, class Source, class Target>
    void operator()(const Event&, Fsm& fsm, Source&, Target&) const {
      ++fsm.opens;
    }
  };

  // clang-format off
  struct transition_table : boost::mpl::vector<
    //    Source   Event  Target  Action     Guard
    Row < Closed,  Open,  Opened, CountOpen, none >,
    Row < Opened,  Close, Closed, none,      none >
  > {};
  // clang-format on

  void OnUnexpectedEvent(std::string_view event, std::string_view state) {
    unexpected.push_back(std::string(event) + " in " + std::string(state));
  }

  int opens = 0;
  std::vector<std::string> unexpected;
};
using Door = back::state_machine<DoorDef>;

TEST(Runtime_Msm, TransitionsFollowTheTable) {
  Door door;
  door.start();
  EXPECT_EQ(CurrentStateName(door), "Closed");
  door.process_event(Open{});
  EXPECT_EQ(CurrentStateName(door), "Opened");
  EXPECT_EQ(door.opens, 1);
  door.process_event(Close{});
  EXPECT_EQ(CurrentStateName(door), "Closed");
  EXPECT_TRUE(door.unexpected.empty());
}

TEST(Runtime_Msm, AnEventWithNoRowIsRecordedNotAsserted) {
  Door door;
  door.start();
  door.process_event(Close{});
  door.process_event(Open{});
  door.process_event(Open{});
  EXPECT_EQ(door.unexpected, (std::vector<std::string>{"Close in Closed", "Open in Opened"}));
  EXPECT_EQ(CurrentStateName(door), "Opened");
  EXPECT_EQ(door.opens, 1);
}

}  // namespace
}  // namespace vsssim::msm
