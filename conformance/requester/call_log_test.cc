// Checks the call log and proxy the requester suite judges from: pending operations the
// application leaves (ASYNC-02), the call budget, and the record of calls and saves.
#include <gtest/gtest.h>

#include "conformance/requester/requester_world.h"

namespace vsssim::conformance {
namespace {

RequesterWorldOptions OneSlowWriter() {
  RequesterWorldOptions options;
  ProbeWriter w;
  w.name = "Slow";
  writer::ScriptedWriter::Behavior slow;
  slow.delay = std::chrono::seconds(5);
  w.script[vss::WriterEvent::kIdentify] = slow;
  options.writers = {w};
  return options;
}

// Checks that a call made while GatherWriterMetadata is still pending marks the operation
// abandoned by that call (ASYNC-02), and that waiting first does not.
TEST(RequesterSuite_CallLog, CallWhilePendingAbandonsTheOperation) {
  for (bool wait : {false, true}) {
    RequesterWorld world(OneSlowWriter());
    auto r = world.CreateVssBackupComponents();
    ASSERT_EQ(r->InitializeForBackup(), hr::S_OK);
    coordinator::AsyncPtr async;
    ASSERT_EQ(r->GatherWriterMetadata(&async), hr::S_OK);
    if (wait) async->Wait();
    std::uint32_t count = 0;
    r->GetWriterMetadataCount(&count);
    r->Release();
    ASSERT_EQ(world.log().operations().size(), 1u);
    EXPECT_EQ(world.log().operations()[0].abandoned_by, wait ? "" : "GetWriterMetadataCount")
        << wait;
  }
}

// Checks that every call is recorded with its instance, method and result, and that
// SaveAsXML's document is kept with whether DoSnapshotSet had finished.
TEST(RequesterSuite_CallLog, RecordsCallsResultsAndSaves) {
  RequesterWorld world(OneSlowWriter());
  auto r = world.CreateVssBackupComponents();
  std::string xml;
  EXPECT_EQ(r->SaveAsXML(&xml), hr::VSS_E_BAD_STATE);  // REQ-CALL-22: not before Prepare
  ASSERT_EQ(r->InitializeForBackup(), hr::S_OK);
  r->Release();
  const auto& calls = world.log().calls();
  ASSERT_EQ(calls.size(), 3u);
  EXPECT_EQ(calls[0].method, "SaveAsXML");
  EXPECT_EQ(calls[0].result, hr::VSS_E_BAD_STATE);
  EXPECT_EQ(calls[1].instance, 1);
  EXPECT_EQ(calls[2].method, "Release");
  EXPECT_TRUE(world.log().saves().empty());
}

// Checks that a loop that never lets time pass is stopped by the call budget.
TEST(RequesterSuite_CallLog, BudgetStopsALoopThatNeverWaits) {
  RequesterWorld world(OneSlowWriter());
  int calls = 0;
  EXPECT_THROW(
      for (;;) {
        world.Sleep(runtime::Duration{0});
        ++calls;
      },
      CallBudgetExceeded);
  EXPECT_EQ(calls, RequesterContext::kMaxCalls);
}

}  // namespace
}  // namespace vsssim::conformance
