// subscribe_at_start.cc linked into a program: the sample writer is subscribed to the
// process's in-process machine before main(), so a requester in the program sees it.
#include <gtest/gtest.h>

#include "sim/sdk/in_process_machine.h"
#include "sim/sdk/service.h"
#include "sim/sdk/writer/test_driver.h"

namespace {

// Checks that a requester of the default machine finds the writer started at program start
// and backs up both of its databases.
TEST(Examples_SdkWriter, WriterLinkedInIsSubscribedAtStart) {
  auto* machine = dynamic_cast<vsssim::sdk::InProcessMachine*>(&vsssim::sdk::CurrentService());
  ASSERT_NE(machine, nullptr);
  vsssim::sdk::TestDriver driver(*machine, "Sample Database Writer");
  ASSERT_TRUE(driver.Backup());
  EXPECT_EQ(driver.components.size(), 2u);
  EXPECT_EQ(driver.status.state, vsssim::vss::WriterState::VSS_WS_STABLE);
}

}  // namespace
