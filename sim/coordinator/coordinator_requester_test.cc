// Checks the requester-side rules the simulator enforces (CATALOGUE.md §2.1-§2.8): illegal
// calls return the documented HRESULT and leave a trace entry with the rule ID; findings for
// MUST rules the coordinator observes.
#include <gtest/gtest.h>

#include "sim/coordinator/test_harness.h"

namespace vsssim::coordinator {
namespace {

using testing::BackupDriver;
using testing::Harness;
using vss::WriterEvent;

HResult WaitStatus(const AsyncPtr& async) {
  async->Wait();
  HResult status;
  async->QueryStatus(&status);
  return status;
}

// Checks that every method but InitializeForBackup fails with VSS_E_BAD_STATE on a fresh
// object, with a result entry carrying the rule (REQ-LIFE-03, REQ-CALL-*).
TEST(Coordinator_Requester, REQ_LIFE_03_CallsBeforeInitializeAreBadState) {
  Harness h;
  auto r = h.vss.CreateVssBackupComponents("r1");
  AsyncPtr async;
  Guid g;
  std::uint32_t n = 0;
  EXPECT_EQ(r->SetContext(0), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(r->SetBackupState(true, false, vss::BackupType::VSS_BT_FULL), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(r->GatherWriterMetadata(&async), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(r->GetWriterMetadataCount(&n), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(r->StartSnapshotSet(&g), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(r->PrepareForBackup(&async), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(r->DoSnapshotSet(&async), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(r->BackupComplete(&async), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(r->AbortBackup(), hr::VSS_E_BAD_STATE);  // REQ-CALL-24
  EXPECT_EQ(r->GatherWriterStatus(&async), hr::VSS_E_BAD_STATE);
  const auto results = h.Entries(trace::EntryKind::kResult);
  ASSERT_FALSE(results.empty());
  for (const trace::Entry* e : results) {
    if (e->name == "CreateVssBackupComponents") continue;
    EXPECT_FALSE(e->rule.empty()) << e->name;
  }
  EXPECT_TRUE(h.HasFinding("REQ-LIFE-03") || h.HasFinding("REQ-ORDER-02"));
}

// Checks that a second InitializeForBackup and a second GatherWriterMetadata are refused
// (REQ-LIFE-03, REQ-ORDER-05, GAP-04).
TEST(Coordinator_Requester, REQ_ORDER_05_InitializeAndGatherOnlyOnce) {
  Harness h;
  h.AddWriter("A");
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kAddComponents), hr::S_OK);
  EXPECT_EQ(d.requester().InitializeForBackup(), hr::VSS_E_BAD_STATE);
  AsyncPtr async;
  EXPECT_EQ(d.requester().GatherWriterMetadata(&async), hr::VSS_E_BAD_STATE);
  EXPECT_TRUE(h.HasFinding("REQ-ORDER-05"));
}

// Checks that metadata cannot be read before the gather completed (REQ-ORDER-06) and that a
// bad index is VSS_E_OBJECT_NOT_FOUND (REQ-CALL-07).
TEST(Coordinator_Requester, REQ_ORDER_06_MetadataOnlyAfterGatherCompleted) {
  Harness h;
  h.AddWriter("A");
  auto r = h.vss.CreateVssBackupComponents("r1");
  r->InitializeForBackup();
  AsyncPtr async;
  ASSERT_EQ(r->GatherWriterMetadata(&async), hr::S_OK);
  HResult status;
  async->QueryStatus(&status);
  EXPECT_EQ(status, hr::VSS_S_ASYNC_PENDING);  // ASYNC-02
  std::uint32_t count = 0;
  EXPECT_EQ(r->GetWriterMetadataCount(&count), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(async->Wait(), hr::S_OK);
  async->QueryStatus(&status);
  EXPECT_EQ(status, hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(async->Cancel(), hr::VSS_S_ASYNC_FINISHED);  // ASYNC-04
  EXPECT_EQ(async->Wait(5000), hr::E_INVALIDARG);        // ASYNC-03
  ASSERT_EQ(r->GetWriterMetadataCount(&count), hr::S_OK);
  EXPECT_EQ(count, 1u);
  Guid instance;
  const metadata::ExamineWriterMetadata* wmd = nullptr;
  EXPECT_EQ(r->GetWriterMetadata(1, &instance, &wmd), hr::VSS_E_OBJECT_NOT_FOUND);
  ASSERT_EQ(r->GetWriterMetadata(0, &instance, &wmd), hr::S_OK);
  EXPECT_EQ(instance, h.vss.writers()[0].instance_id);
  EXPECT_EQ(r->FreeWriterMetadata(), hr::S_OK);
  EXPECT_EQ(r->GetWriterMetadataCount(&count), hr::VSS_E_BAD_STATE);  // REQ-CALL-08
}

// Checks Async::Cancel on a pending gather (ASYNC-04).
TEST(Coordinator_Requester, ASYNC_04_CancelPending) {
  Harness h;
  h.AddWriter("A");
  auto r = h.vss.CreateVssBackupComponents("r1");
  r->InitializeForBackup();
  AsyncPtr async;
  ASSERT_EQ(r->GatherWriterMetadata(&async), hr::S_OK);
  EXPECT_EQ(async->Cancel(), hr::VSS_S_ASYNC_CANCELLED);
  HResult status;
  async->QueryStatus(&status);
  EXPECT_EQ(status, hr::VSS_S_ASYNC_CANCELLED);
  EXPECT_EQ(async->Cancel(), hr::VSS_S_ASYNC_CANCELLED);
  EXPECT_TRUE(h.EventsTo("writer:A").empty());
}

// Checks AddComponent: duplicate -> VSS_E_OBJECT_ALREADY_EXISTS, unknown writer ->
// VSS_E_OBJECT_NOT_FOUND, after StartSnapshotSet -> VSS_E_BAD_STATE (REQ-CALL-09, REQ-ORDER-07).
TEST(Coordinator_Requester, REQ_ORDER_07_AddComponentRules) {
  Harness h;
  auto& a = h.AddWriter("A");
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kStartSnapshotSet), hr::S_OK);
  const Guid instance = h.vss.writers()[0].instance_id;
  const Guid cls = a.identity().class_id;
  const auto fg = vss::ComponentType::VSS_CT_FILEGROUP;
  EXPECT_EQ(d.requester().AddComponent(instance, cls, fg, "", "AData"),
            hr::VSS_E_OBJECT_ALREADY_EXISTS);
  EXPECT_EQ(d.requester().AddComponent(instance, testing::ClassId(99), fg, "", "X"),
            hr::VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(d.requester().SetBackupOptions(cls, fg, "", "Nope", "o"), hr::VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(d.requester().SetBackupOptions(cls, fg, "", "AData", "opts"), hr::S_OK);
  EXPECT_EQ(d.requester().SetPreviousBackupStamp(cls, fg, "", "AData", "stamp1"), hr::S_OK);
  ASSERT_EQ(d.Run(BackupDriver::kStartSnapshotSet), hr::S_OK);
  EXPECT_EQ(d.requester().AddComponent(instance, cls, fg, "", "Other"), hr::VSS_E_BAD_STATE);
  EXPECT_TRUE(h.HasFinding("REQ-ORDER-07"));
}

// Checks the prerequisites of DoSnapshotSet: StartSnapshotSet (REQ-ORDER-01), the gather in a
// writer context (REQ-ORDER-05) and a completed PrepareForBackup (REQ-ORDER-11); and that
// PrepareForBackup needs SetBackupState (REQ-ORDER-04).
TEST(Coordinator_Requester, REQ_ORDER_01_04_05_11_DoSnapshotSetPrerequisites) {
  Harness h;
  h.AddWriter("A");
  auto r = h.vss.CreateVssBackupComponents("r1");
  r->InitializeForBackup();
  AsyncPtr async;
  EXPECT_EQ(r->DoSnapshotSet(&async), hr::VSS_E_BAD_STATE);  // no StartSnapshotSet
  EXPECT_TRUE(h.HasFinding("REQ-ORDER-11"));
  Guid set, snap;
  ASSERT_EQ(r->StartSnapshotSet(&set), hr::S_OK);
  ASSERT_EQ(r->AddToSnapshotSet("C:\\", kGuidNull, &snap), hr::S_OK);
  EXPECT_EQ(r->DoSnapshotSet(&async), hr::VSS_E_BAD_STATE);  // no gather in a writer context
  EXPECT_TRUE(h.HasFinding("REQ-ORDER-05"));
  ASSERT_EQ(r->GatherWriterMetadata(&async), hr::S_OK);
  async->Wait();
  EXPECT_EQ(r->PrepareForBackup(&async), hr::VSS_E_BAD_STATE);  // no SetBackupState
  EXPECT_TRUE(h.HasFinding("REQ-ORDER-04"));
  EXPECT_EQ(r->DoSnapshotSet(&async), hr::VSS_E_BAD_STATE);  // no PrepareForBackup
  ASSERT_EQ(r->SetBackupState(false, false, vss::BackupType::VSS_BT_FULL), hr::S_OK);
  ASSERT_EQ(r->PrepareForBackup(&async), hr::S_OK);
  EXPECT_EQ(r->DoSnapshotSet(&async), hr::VSS_E_BAD_STATE);  // REQ-ORDER-11: still pending
  async->Wait();
  ASSERT_EQ(r->DoSnapshotSet(&async), hr::S_OK);
  EXPECT_EQ(WaitStatus(async), hr::VSS_S_ASYNC_FINISHED);
  EXPECT_EQ(r->AddToSnapshotSet("D:\\", kGuidNull, &snap), hr::VSS_E_BAD_STATE);  // REQ-ORDER-12
}

// Checks LIM-12 / BUG-11: while one requester creates a set, another's StartSnapshotSet gets
// VSS_E_SNAPSHOT_SET_IN_PROGRESS; after the first DoSnapshotSet ends, it succeeds. Each
// session keeps its own writer states (WRT-STATE-14).
TEST(Coordinator_Concurrency, LIM_12_OneSnapshotSetInCreation) {
  Harness h;
  auto& a = h.AddWriter("A");
  BackupDriver one(h, "r1");
  BackupDriver two(h, "r2");
  ASSERT_EQ(one.RunRange(0, BackupDriver::kStartSnapshotSet + 1), hr::S_OK);
  ASSERT_EQ(two.RunRange(0, BackupDriver::kStartSnapshotSet), hr::S_OK);
  EXPECT_EQ(two.Run(BackupDriver::kStartSnapshotSet), hr::VSS_E_SNAPSHOT_SET_IN_PROGRESS);
  ASSERT_EQ(one.RunRange(BackupDriver::kAddToSnapshotSet, BackupDriver::kDoSnapshotSet + 1),
            hr::S_OK);
  EXPECT_EQ(h.vss.WriterStateIn(one.requester(), a),
            vss::WriterState::VSS_WS_WAITING_FOR_BACKUP_COMPLETE);
  EXPECT_EQ(h.vss.WriterStateIn(two.requester(), a), vss::WriterState::VSS_WS_STABLE);
  EXPECT_EQ(two.Run(BackupDriver::kStartSnapshotSet), hr::S_OK);
  ASSERT_EQ(two.RunRange(BackupDriver::kAddToSnapshotSet, BackupDriver::kStepCount), hr::S_OK);
  ASSERT_EQ(one.RunRange(BackupDriver::kStatusAfterSnapshot, BackupDriver::kStepCount), hr::S_OK);
  EXPECT_TRUE(h.Entries(trace::EntryKind::kFinding).empty());
}

// Checks REQ-ORDER-15 / BUG-10: after a failed DoSnapshotSet, SetBackupSucceeded and
// BackupComplete return VSS_E_BAD_STATE with a finding; AbortBackup then Release is clean.
TEST(Coordinator_Requester, REQ_ORDER_15_NoBackupCompleteAfterFailedSnapshot) {
  Harness h;
  auto& a = h.AddWriter("A");
  writer::ScriptedWriter::Behavior veto;
  veto.failure = hr::VSS_E_WRITERERROR_RETRYABLE;
  veto.returns = false;
  a.On(WriterEvent::kFreeze, veto);
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kDoSnapshotSet), hr::S_OK);
  EXPECT_EQ(d.Run(BackupDriver::kDoSnapshotSet), hr::VSS_E_UNEXPECTED_WRITER_ERROR);
  EXPECT_EQ(d.Run(BackupDriver::kSetBackupSucceeded), hr::VSS_E_BAD_STATE);
  AsyncPtr async;
  EXPECT_EQ(d.requester().BackupComplete(&async), hr::VSS_E_BAD_STATE);
  EXPECT_TRUE(h.HasFinding("REQ-ORDER-15"));
  EXPECT_EQ(d.requester().AbortBackup(), hr::S_OK);
  EXPECT_EQ(d.requester().Release(), hr::S_OK);
  EXPECT_FALSE(h.HasFinding("REQ-ABORT-02"));
}

// Checks REQ-ABORT-02: stopping after PrepareForBackup without AbortBackup is a finding;
// AbortBackup sends Abort to the writers (REQ-ABORT-06) and frees the creation slot
// (REQ-ABORT-01); AbortBackup with nothing in progress is ignored (REQ-ABORT-05).
TEST(Coordinator_Requester, REQ_ABORT_01_02_05_06_AbortRules) {
  {
    Harness h;
    h.AddWriter("A");
    BackupDriver d(h, "r1");
    ASSERT_EQ(d.RunRange(0, BackupDriver::kPrepareForBackup + 1), hr::S_OK);
    ASSERT_EQ(d.Run(BackupDriver::kRelease), hr::S_OK);
    EXPECT_TRUE(h.HasFinding("REQ-ABORT-02"));
  }
  {
    Harness h;
    h.AddWriter("A");
    BackupDriver d(h, "r1");
    ASSERT_EQ(d.RunRange(0, BackupDriver::kStartSnapshotSet + 1), hr::S_OK);
    ASSERT_EQ(d.Run(BackupDriver::kRelease), hr::S_OK);
    EXPECT_TRUE(h.HasFinding("REQ-ABORT-01"));
  }
  {
    Harness h;
    h.AddWriter("A");
    BackupDriver d(h, "r1");
    ASSERT_EQ(d.RunRange(0, BackupDriver::kGatherWriterMetadata + 1), hr::S_OK);
    EXPECT_EQ(d.requester().AbortBackup(), hr::S_OK);  // REQ-ABORT-05
    ASSERT_EQ(d.RunRange(BackupDriver::kAddComponents, BackupDriver::kPrepareForBackup + 1),
              hr::S_OK);
    EXPECT_EQ(d.requester().AbortBackup(), hr::S_OK);
    EXPECT_EQ(h.EventsTo("writer:A").back(), "Abort");  // REQ-ABORT-06
    BackupDriver other(h, "r2");
    EXPECT_EQ(other.RunRange(0, BackupDriver::kStartSnapshotSet + 1), hr::S_OK);  // slot free
    ASSERT_EQ(d.Run(BackupDriver::kRelease), hr::S_OK);
    EXPECT_FALSE(h.HasFinding("REQ-ABORT-02"));
  }
}

// Checks REQ-ORDER-18 / BUG-09: under the Windows Server 2008 SP2 profile, Release after
// BackupComplete without GatherWriterStatus is a finding; REQ-ORDER-15: BackupComplete
// without SetBackupSucceeded is a finding.
TEST(Coordinator_Requester, REQ_ORDER_18_StatusAfterBackupComplete) {
  Choices choices;
  choices.windows = WindowsProfile::kServer2008Sp2;
  Harness h(choices);
  h.AddWriter("A");
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kSetBackupSucceeded), hr::S_OK);
  ASSERT_EQ(d.Run(BackupDriver::kBackupComplete), hr::S_OK);
  EXPECT_TRUE(h.HasFinding("REQ-ORDER-15"));
  ASSERT_EQ(d.Run(BackupDriver::kRelease), hr::S_OK);
  EXPECT_TRUE(h.HasFinding("REQ-ORDER-18"));
}

// Checks SaveAsXML before PrepareForBackup -> VSS_E_BAD_STATE (REQ-ORDER-16) and the BCD
// written after it names the selected component.
TEST(Coordinator_Requester, REQ_ORDER_16_SaveAsXml) {
  Harness h;
  h.AddWriter("A");
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kStartSnapshotSet), hr::S_OK);
  std::string xml;
  EXPECT_EQ(d.requester().SaveAsXML(&xml), hr::VSS_E_BAD_STATE);
  ASSERT_EQ(d.RunRange(BackupDriver::kStartSnapshotSet, BackupDriver::kSetBackupSucceeded + 1),
            hr::S_OK);
  ASSERT_EQ(d.requester().SaveAsXML(&xml), hr::S_OK);
  EXPECT_NE(xml.find("AData"), std::string::npos);
}

// Checks calls after Release fail (REQ-LIFE-02) and a second Release is refused.
TEST(Coordinator_Requester, REQ_LIFE_02_NoUseAfterRelease) {
  Harness h;
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.Run(BackupDriver::kInitialize), hr::S_OK);
  ASSERT_EQ(d.Run(BackupDriver::kRelease), hr::S_OK);
  EXPECT_EQ(d.Run(BackupDriver::kSetBackupState), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(d.requester().Release(), hr::VSS_E_BAD_STATE);
  EXPECT_TRUE(h.HasFinding("REQ-LIFE-02"));
}

// Checks writer status: only writers that answered Identify, count equal to the metadata
// count, failure codes as set (REQ-STAT-03/04, WRT-IDENTIFY-04, BUG-07).
TEST(Coordinator_Status, REQ_STAT_03_OnlyIdentifiedWritersAreListed) {
  Harness h;
  h.AddWriter("Good");
  auto& bad = h.AddWriter("Bad");
  auto& failing = h.AddWriter("Failing");
  writer::ScriptedWriter::Behavior no;
  no.returns = false;
  bad.On(WriterEvent::kIdentify, no);
  writer::ScriptedWriter::Behavior veto;
  veto.failure = hr::VSS_E_WRITERERROR_OUTOFRESOURCES;
  veto.returns = false;
  failing.On(WriterEvent::kPrepareForBackup, veto);
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kPrepareForBackup), hr::S_OK);
  EXPECT_EQ(d.Run(BackupDriver::kPrepareForBackup), hr::VSS_E_UNEXPECTED_WRITER_ERROR);
  std::uint32_t metadata_count = 0, status_count = 0;
  ASSERT_EQ(d.requester().GetWriterMetadataCount(&metadata_count), hr::S_OK);
  AsyncPtr async;
  ASSERT_EQ(d.requester().GatherWriterStatus(&async), hr::S_OK);
  async->Wait();
  ASSERT_EQ(d.requester().GetWriterStatusCount(&status_count), hr::S_OK);
  EXPECT_EQ(metadata_count, 2u);
  EXPECT_EQ(status_count, metadata_count);
  WriterStatus s;
  ASSERT_EQ(d.requester().GetWriterStatus(1, &s), hr::S_OK);
  EXPECT_EQ(s.writer_name, "Failing");
  EXPECT_EQ(s.state, vss::WriterState::VSS_WS_FAILED_AT_PREPARE_BACKUP);
  EXPECT_EQ(s.failure, hr::VSS_E_WRITERERROR_OUTOFRESOURCES);
  EXPECT_EQ(d.requester().GetWriterStatus(2, &s), hr::VSS_E_OBJECT_NOT_FOUND);
  EXPECT_TRUE(bad.received().size() == 1);  // Identify only
  // REQ-ABORT-03: a failed PrepareForBackup may simply be released.
  ASSERT_EQ(d.requester().Release(), hr::S_OK);
  EXPECT_FALSE(h.HasFinding("REQ-ABORT-02"));
}

// Checks BUG-06: a writer that never answers Identify is left out after the event timeout.
TEST(Coordinator_Status, BUG_06_HangInIdentifyDropsTheWriter) {
  Harness h;
  auto& hung = h.AddWriter("Hung");
  h.AddWriter("Good");
  writer::ScriptedWriter::Behavior hang;
  hang.hang = true;
  hung.On(WriterEvent::kIdentify, hang);
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kAddComponents), hr::S_OK);
  std::uint32_t count = 0;
  ASSERT_EQ(d.requester().GetWriterMetadataCount(&count), hr::S_OK);
  EXPECT_EQ(count, 1u);
  EXPECT_EQ(h.clock.Now().since_start, std::chrono::seconds(180));  // Choices default
}

}  // namespace
}  // namespace vsssim::coordinator
