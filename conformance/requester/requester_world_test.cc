// Checks the requester suite's simulated machine: the competing backup holds the creation
// slot (LIM-12) until its time, and Sleep moves only virtual time.
#include <gtest/gtest.h>

#include "conformance/requester/requester_world.h"

namespace vsssim::conformance {
namespace {

// Checks that StartSnapshotSet is VSS_E_SNAPSHOT_SET_IN_PROGRESS while the competitor holds
// the slot and succeeds after Sleep past its end (LIM-12, BUG-11).
TEST(RequesterSuite_World, CompetitorHoldsTheSlotUntilItsTime) {
  RequesterWorldOptions options;
  options.competitor_holds = std::chrono::seconds(120);
  RequesterWorld world(options);
  auto r = world.CreateVssBackupComponents();
  ASSERT_EQ(r->InitializeForBackup(), hr::S_OK);
  Guid set;
  EXPECT_EQ(r->StartSnapshotSet(&set), hr::VSS_E_SNAPSHOT_SET_IN_PROGRESS);
  world.Sleep(std::chrono::seconds(60));
  EXPECT_EQ(r->StartSnapshotSet(&set), hr::VSS_E_SNAPSHOT_SET_IN_PROGRESS);
  world.Sleep(std::chrono::seconds(61));
  EXPECT_FALSE(world.competitor_holding());
  EXPECT_EQ(world.competitor_ended().since_start, std::chrono::seconds(120));
  EXPECT_EQ(r->StartSnapshotSet(&set), hr::S_OK);
  EXPECT_EQ(r->AbortBackup(), hr::S_OK);
  EXPECT_EQ(r->Release(), hr::S_OK);
  EXPECT_EQ(world.clock().Now().since_start, std::chrono::seconds(121));
}

// Checks that without a competitor the slot is free at once and instances are numbered.
TEST(RequesterSuite_World, NoCompetitorByDefault) {
  RequesterWorld world(RequesterWorldOptions{});
  auto r = world.CreateVssBackupComponents();
  auto q = world.CreateVssBackupComponents();
  ASSERT_EQ(r->InitializeForBackup(), hr::S_OK);
  Guid set;
  EXPECT_EQ(r->StartSnapshotSet(&set), hr::S_OK);
  EXPECT_EQ(world.instances(), 2);
  EXPECT_EQ(RequesterWorld::Actor(2), "requester:app2");
  r->AbortBackup();
  r->Release();
  q->Release();
}

}  // namespace
}  // namespace vsssim::conformance
