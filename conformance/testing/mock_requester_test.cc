// Shows MockRequester in use: a user's requester-driving code (BackUpVolume below, the kind of
// routine a backup application has) tested against the mock, without any simulator. Also the
// build-time guard: instantiating StrictMock<MockRequester> fails to compile when a method of
// coordinator::Requester is not mocked.
#include "vsssim/testing/mock_requester.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string_view>

namespace {

using ::testing::_;
using ::testing::Return;
using ::testing::Sequence;
using ::testing::StrictMock;
using vsssim::Guid;
using vsssim::HResult;
using vsssim::coordinator::AsyncPtr;
using vsssim::coordinator::Requester;
using vsssim::testing::MockRequester;
using vsssim::testing::ReturnFinishedAsync;
namespace hr = vsssim::hr;

// --- The "user code" under test -------------------------------------------------------------

HResult Await(HResult call, const AsyncPtr& async) {
  if (call.Failed()) return call;
  return async->Wait();
}

// A non-component full backup of one volume: the canonical order of CATALOGUE.md 2.2; any
// failure after PrepareForBackup is followed by AbortBackup (REQ-ABORT-02), BackupComplete only
// follows a good DoSnapshotSet (REQ-ORDER-15), and writer status is gathered after it
// (REQ-ORDER-18).
HResult BackUpVolume(Requester& r, std::string_view volume) {
  HResult result = r.InitializeForBackup();
  if (result.Failed()) return result;
  result = r.SetBackupState(false, false, vsssim::vss::BackupType::VSS_BT_FULL);
  if (result.Failed()) return result;
  AsyncPtr async;
  result = Await(r.GatherWriterMetadata(&async), async);
  if (result.Failed()) return result;
  Guid set_id;
  Guid snapshot_id;
  result = r.StartSnapshotSet(&set_id);
  if (result.Failed()) return result;
  result = r.AddToSnapshotSet(volume, vsssim::kGuidNull, &snapshot_id);
  if (result.Succeeded()) result = Await(r.PrepareForBackup(&async), async);
  if (result.Succeeded()) result = Await(r.DoSnapshotSet(&async), async);
  if (result.Failed()) {
    r.AbortBackup();
    return result;
  }
  result = Await(r.BackupComplete(&async), async);
  if (result.Failed()) return result;
  return Await(r.GatherWriterStatus(&async), async);
}

// --- Tests ----------------------------------------------------------------------------------

// Checks that the user code makes the backup calls in the documented order with the mock's
// defaults answering them (REQ-ORDER-04, REQ-ORDER-09, REQ-ORDER-11, REQ-ORDER-18).
TEST(Testing_MockRequester, REQ_ORDER_UserCodeCallsInCanonicalOrder) {
  StrictMock<MockRequester> r;
  Sequence s;
  EXPECT_CALL(r, InitializeForBackup(_)).InSequence(s);
  EXPECT_CALL(r, SetBackupState(false, false, vsssim::vss::BackupType::VSS_BT_FULL, false))
      .InSequence(s);
  EXPECT_CALL(r, GatherWriterMetadata(_)).InSequence(s);
  EXPECT_CALL(r, StartSnapshotSet(_)).InSequence(s);
  EXPECT_CALL(r, AddToSnapshotSet(std::string_view("C:\\"), _, _)).InSequence(s);
  EXPECT_CALL(r, PrepareForBackup(_)).InSequence(s);
  EXPECT_CALL(r, DoSnapshotSet(_)).InSequence(s);
  EXPECT_CALL(r, BackupComplete(_)).InSequence(s);
  EXPECT_CALL(r, GatherWriterStatus(_)).InSequence(s);
  EXPECT_EQ(BackUpVolume(r, "C:\\"), hr::S_OK);
}

// Checks that when DoSnapshotSet's operation fails, the user code calls AbortBackup once and
// never BackupComplete, and reports the failure (REQ-ABORT-02, REQ-ORDER-15).
TEST(Testing_MockRequester, REQ_ABORT_02_FailedSnapshotIsAborted) {
  ::testing::NiceMock<MockRequester> r;
  EXPECT_CALL(r, DoSnapshotSet(_)).WillOnce(ReturnFinishedAsync(hr::VSS_E_WRITERERROR_RETRYABLE));
  EXPECT_CALL(r, AbortBackup()).Times(1);
  EXPECT_CALL(r, BackupComplete(_)).Times(0);
  EXPECT_EQ(BackUpVolume(r, "C:\\"), hr::VSS_E_WRITERERROR_RETRYABLE);
}

// Checks that a call failing before any snapshot work stops the user code without
// AbortBackup (nothing to abort yet) and with the call's code.
TEST(Testing_MockRequester, FailedInitializeStopsEarly) {
  ::testing::NiceMock<MockRequester> r;
  EXPECT_CALL(r, InitializeForBackup(_)).WillOnce(Return(hr::VSS_E_BAD_STATE));
  EXPECT_CALL(r, SetBackupState(_, _, _, _)).Times(0);
  EXPECT_CALL(r, AbortBackup()).Times(0);
  EXPECT_EQ(BackUpVolume(r, "C:\\"), hr::VSS_E_BAD_STATE);
}

// Checks the mock's documented defaults: asynchronous calls hand out a finished operation,
// count getters give 0, everything else S_OK.
TEST(Testing_MockRequester, DefaultsLetCanonicalCodeRun) {
  ::testing::NiceMock<MockRequester> r;
  AsyncPtr async;
  ASSERT_EQ(r.PrepareForBackup(&async), hr::S_OK);
  ASSERT_NE(async, nullptr);
  HResult status;
  EXPECT_EQ(async->QueryStatus(&status), hr::S_OK);
  EXPECT_EQ(status, hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(async->Wait(), hr::S_OK);
  EXPECT_EQ(async->Wait(5), hr::E_INVALIDARG);  // ASYNC-03: only INFINITE
  std::uint32_t count = 7;
  EXPECT_EQ(r.GetWriterMetadataCount(&count), hr::S_OK);
  EXPECT_EQ(count, 0u);
  EXPECT_EQ(r.Release(), hr::S_OK);
  AsyncPtr failed = vsssim::testing::FinishedAsync(hr::VSS_E_FLUSH_WRITES_TIMEOUT);
  EXPECT_EQ(failed->Wait(), hr::VSS_E_FLUSH_WRITES_TIMEOUT);
  EXPECT_EQ(failed->Cancel(), hr::VSS_E_FLUSH_WRITES_TIMEOUT);
}

}  // namespace
