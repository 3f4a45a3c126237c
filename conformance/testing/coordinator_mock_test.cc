// Checks the event order the real Coordinator delivers, with GoogleMock writers
// (vsssim/testing/mock_writer.h) and EXPECT_CALL(...).InSequence: a full backup (WRT-SEQ-01,
// WRT-SEQ-08), freeze/thaw order across writers (WRT-SEQ-09), AbortBackup after Freeze and
// after the snapshot (exactly one of Thaw or Abort: WRT-SEQ-06, WRT-ABORT-01, WRT-ABORT-04),
// and requester death (BackupShutdown without BackupComplete: REQ-LIFE-04, WRT-SHUT-04).
//
// Inside namespace vsssim::coordinator, `testing` is the harness namespace: GoogleTest is
// spelled ::testing, the mocks vsssim::testing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "sim/coordinator/test_harness.h"
#include "vsssim/testing/mock_writer.h"

namespace vsssim::coordinator {
namespace {

using ::testing::_;
using testing::BackupDriver;
using testing::Harness;
using ::testing::NiceMock;
using ::testing::NotNull;
using ::testing::Sequence;
using vsssim::testing::MockWriter;

writer::WriterIdentity Identity(
    const std::string& name, int n,
    vss::ApplicationLevel level = vss::ApplicationLevel::VSS_APP_FRONT_END) {
  writer::WriterIdentity id;
  id.class_id = testing::ClassId(n);
  id.name = name;
  id.level = level;
  return id;
}

// Expects Identify, PrepareForBackup, PrepareForSnapshot and Freeze in `s`; Freeze sets `frozen`.
void ExpectUpToFreeze(MockWriter& w, Sequence& s, bool* frozen) {
  EXPECT_CALL(w, OnIdentify(_)).InSequence(s);
  EXPECT_CALL(w, OnPrepareBackup(NotNull())).InSequence(s);  // component mode: a BCD view
  EXPECT_CALL(w, OnPrepareSnapshot()).InSequence(s);
  EXPECT_CALL(w, OnFreeze()).InSequence(s).WillOnce([frozen] {
    *frozen = true;
    return true;
  });
}

// Checks that a full backup calls each handler once, in the documented order, and that
// BackupShutdown names the snapshot set the writer saw while frozen (WRT-SEQ-01, WRT-SEQ-08).
TEST(Coordinator_Mock, WRT_SEQ_01_FullBackupInOrder) {
  MockWriter w(Identity("A", 1));
  Harness h;
  h.vss.RegisterWriter(w);
  Guid frozen_set;
  Guid shutdown_set;
  Sequence s;
  EXPECT_CALL(w, OnIdentify(_)).InSequence(s);
  EXPECT_CALL(w, OnPrepareBackup(NotNull())).InSequence(s);
  EXPECT_CALL(w, OnPrepareSnapshot()).InSequence(s);
  EXPECT_CALL(w, OnFreeze()).InSequence(s).WillOnce([&w, &frozen_set] {
    frozen_set = w.GetCurrentSnapshotSetId();
    return true;
  });
  EXPECT_CALL(w, OnThaw()).InSequence(s);
  EXPECT_CALL(w, OnPostSnapshot(NotNull())).InSequence(s);
  EXPECT_CALL(w, OnBackupComplete(NotNull())).InSequence(s);
  EXPECT_CALL(w, OnBackupShutdown(_)).InSequence(s).WillOnce([&shutdown_set](const Guid& set) {
    shutdown_set = set;
    return true;
  });
  EXPECT_CALL(w, OnAbort()).Times(0);

  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunAll(), hr::S_OK);
  EXPECT_FALSE(frozen_set.IsNull());
  EXPECT_EQ(shutdown_set, frozen_set);
  EXPECT_TRUE(h.Entries(trace::EntryKind::kFinding).empty());
}

// Checks one Sequence across two writers: Freeze FRONT_END before BACK_END, Thaw in reverse
// (WRT-SEQ-09; the thaw order is GAP-07's documented choice).
TEST(Coordinator_Mock, WRT_SEQ_09_FreezeAndThawOrderAcrossWriters) {
  NiceMock<MockWriter> back(Identity("Back", 1, vss::ApplicationLevel::VSS_APP_BACK_END));
  NiceMock<MockWriter> front(Identity("Front", 2, vss::ApplicationLevel::VSS_APP_FRONT_END));
  Harness h;
  h.vss.RegisterWriter(back);
  h.vss.RegisterWriter(front);
  Sequence s;
  EXPECT_CALL(front, OnFreeze()).InSequence(s);
  EXPECT_CALL(back, OnFreeze()).InSequence(s);
  EXPECT_CALL(back, OnThaw()).InSequence(s);
  EXPECT_CALL(front, OnThaw()).InSequence(s);
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunAll(), hr::S_OK);
}

// Checks AbortBackup between Freeze and Thaw: the writer gets Abort instead of Thaw (exactly one
// of the two, WRT-SEQ-06, WRT-ABORT-01 (c)), no PostSnapshot or BackupComplete after it
// (WRT-ABORT-04), a second AbortBackup sends no second Abort, and Release still sends
// BackupShutdown (REQ-LIFE-04).
TEST(Coordinator_Mock, WRT_ABORT_01_AbortBackupAfterFreezeGivesAbortNotThaw) {
  MockWriter w(Identity("A", 1));
  Harness h;
  h.vss.RegisterWriter(w);
  bool frozen = false;
  Sequence s;
  ExpectUpToFreeze(w, s, &frozen);
  EXPECT_CALL(w, OnAbort()).InSequence(s);
  EXPECT_CALL(w, OnBackupShutdown(_)).InSequence(s);
  EXPECT_CALL(w, OnThaw()).Times(0);
  EXPECT_CALL(w, OnPostSnapshot(_)).Times(0);
  EXPECT_CALL(w, OnBackupComplete(_)).Times(0);

  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kDoSnapshotSet), hr::S_OK);
  AsyncPtr async;
  ASSERT_EQ(d.requester().DoSnapshotSet(&async), hr::S_OK);
  while (!frozen) ASSERT_TRUE(h.clock.FireNext());
  EXPECT_EQ(d.requester().AbortBackup(), hr::S_OK);  // REQ-ABORT-02
  async->Wait();
  HResult status;
  async->QueryStatus(&status);
  EXPECT_NE(status, hr::VSS_S_ASYNC_FINISHED);       // the set was not created
  EXPECT_EQ(d.requester().AbortBackup(), hr::S_OK);  // WRT-ABORT-02: no second Abort
  EXPECT_EQ(d.requester().Release(), hr::S_OK);
  EXPECT_TRUE(h.provider.Query().empty());
}

// Checks AbortBackup after DoSnapshotSet completed: the writer already had Thaw and
// PostSnapshot, so it gets no Abort (WRT-ABORT-04) -- again exactly one of Thaw or Abort -- and
// no BackupComplete; Release ends it with BackupShutdown (REQ-ABORT-02, REQ-LIFE-04).
TEST(Coordinator_Mock, WRT_ABORT_04_AbortBackupAfterSnapshotGivesNoAbort) {
  MockWriter w(Identity("A", 1));
  Harness h;
  h.vss.RegisterWriter(w);
  bool frozen = false;
  Sequence s;
  ExpectUpToFreeze(w, s, &frozen);
  EXPECT_CALL(w, OnThaw()).InSequence(s);
  EXPECT_CALL(w, OnPostSnapshot(NotNull())).InSequence(s);
  EXPECT_CALL(w, OnBackupShutdown(_)).InSequence(s);
  EXPECT_CALL(w, OnAbort()).Times(0);
  EXPECT_CALL(w, OnBackupComplete(_)).Times(0);

  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kStatusAfterSnapshot), hr::S_OK);
  EXPECT_TRUE(frozen);
  EXPECT_EQ(d.requester().AbortBackup(), hr::S_OK);
  EXPECT_EQ(d.requester().Release(), hr::S_OK);
}

// Checks requester death after the snapshot, before BackupComplete: VSS sends BackupShutdown
// (with the set's id) and never BackupComplete or Abort (REQ-LIFE-04, WRT-SHUT-04,
// WRT-ABORT-04, WRT-SEQ-07).
TEST(Coordinator_Mock, REQ_LIFE_04_DeathBeforeBackupCompleteSendsOnlyShutdown) {
  MockWriter w(Identity("A", 1));
  Harness h;
  h.vss.RegisterWriter(w);
  bool frozen = false;
  Sequence s;
  ExpectUpToFreeze(w, s, &frozen);
  EXPECT_CALL(w, OnThaw()).InSequence(s);
  EXPECT_CALL(w, OnPostSnapshot(NotNull())).InSequence(s);
  EXPECT_CALL(w, OnBackupShutdown(::testing::Truly([](const Guid& set) { return !set.IsNull(); })))
      .InSequence(s);
  EXPECT_CALL(w, OnBackupComplete(_)).Times(0);
  EXPECT_CALL(w, OnAbort()).Times(0);

  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kBackupComplete), hr::S_OK);
  h.vss.Terminate(d.requester());
  EXPECT_TRUE(h.provider.Query().empty());  // REQ-LIFE-04: auto-release snapshot deleted
}

// Checks that destroying the requester without Release counts as the process dying: between
// Freeze and Thaw, the frozen writer gets Abort, then BackupShutdown, never Thaw (REQ-LIFE-04,
// WRT-SEQ-06).
TEST(Coordinator_Mock, REQ_LIFE_04_DestroyedWhileFrozenAbortsThenShutsDown) {
  MockWriter w(Identity("A", 1));
  Harness h;
  h.vss.RegisterWriter(w);
  bool frozen = false;
  Sequence s;
  ExpectUpToFreeze(w, s, &frozen);
  EXPECT_CALL(w, OnAbort()).InSequence(s);
  EXPECT_CALL(w, OnBackupShutdown(_)).InSequence(s);
  EXPECT_CALL(w, OnThaw()).Times(0);
  EXPECT_CALL(w, OnBackupComplete(_)).Times(0);
  {
    BackupDriver d(h, "r1");
    ASSERT_EQ(d.RunRange(0, BackupDriver::kDoSnapshotSet), hr::S_OK);
    AsyncPtr async;
    ASSERT_EQ(d.requester().DoSnapshotSet(&async), hr::S_OK);
    while (!frozen) ASSERT_TRUE(h.clock.FireNext());
  }                                       // the requester object is destroyed here, without Release
  EXPECT_EQ(h.clock.PendingCount(), 0u);  // no freeze window left behind
}

}  // namespace
}  // namespace vsssim::coordinator
