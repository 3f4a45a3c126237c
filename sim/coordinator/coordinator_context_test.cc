// Checks contexts and administration (CATALOGUE.md §2.7, CTX-*), limits (LIM-01), discovery
// options (REQ-ORDER-03, REQ-LIFE-07) and subscription (WRT-INIT-03).
#include <gtest/gtest.h>

#include "sim/coordinator/test_harness.h"

namespace vsssim::coordinator {
namespace {

using testing::BackupDriver;
using testing::Harness;
using vss::WriterEvent;

// Checks SetContext (CTX-GEN-01/02, REQ-ORDER-02): default BACKUP as writers see it, legal
// modifiers, illegal combinations -> E_INVALIDARG, only once, not after StartSnapshotSet.
TEST(Coordinator_Requester, CTX_GEN_02_SetContextValues) {
  const std::vector<std::pair<std::uint32_t, HResult>> cases = {
      {0x0, hr::S_OK},                              // BACKUP
      {0x9 | 0x20, hr::S_OK},                       // APP_ROLLBACK | TRANSPORTABLE
      {0x0 | 0x20000, hr::S_OK},                    // BACKUP | DIFFERENTIAL
      {0x0 | 0x20000 | 0x40000, hr::E_INVALIDARG},  // DIFFERENTIAL and PLEX
      {0x1D | 0x20, hr::E_INVALIDARG},              // no modifier on CLIENT_ACCESSIBLE
      {0x1, hr::E_INVALIDARG},                      // PERSISTENT alone is not a context
      {0x3, hr::E_INVALIDARG},                      // nor PERSISTENT | NO_AUTORECOVERY
      {0x10 | 0x2, hr::S_OK},                       // FILE_SHARE_BACKUP | NO_AUTORECOVERY (CONF-03)
      {0xFFFFFFFF, hr::S_OK},                       // ALL, for administrative calls
  };
  for (const auto& [value, expected] : cases) {
    Harness h;
    auto r = h.vss.CreateVssBackupComponents("r1");
    r->InitializeForBackup();
    EXPECT_EQ(r->SetContext(value), expected) << std::hex << value;
  }
  Harness h;
  auto& a = h.AddWriter("A");
  writer::ScriptedWriter::Behavior look;
  vss::SnapshotContext seen = vss::SnapshotContext::VSS_CTX_ALL;
  look.action = [&seen](writer::ScriptedWriter& w) { seen = w.GetContext(); };
  a.On(WriterEvent::kPrepareForSnapshot, look);
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kRelease), hr::S_OK);
  EXPECT_EQ(seen, vss::SnapshotContext::VSS_CTX_BACKUP);  // CTX-GEN-01
  auto r = h.vss.CreateVssBackupComponents("r2");
  r->InitializeForBackup();
  EXPECT_EQ(r->SetContext(0x9), hr::S_OK);
  EXPECT_EQ(r->SetContext(0x9), hr::VSS_E_BAD_STATE);  // REQ-ORDER-02: once
  EXPECT_TRUE(h.HasFinding("REQ-ORDER-02"));
  Guid set;
  auto r3 = h.vss.CreateVssBackupComponents("r3");
  r3->InitializeForBackup();
  r3->SetContext(0xFFFFFFFF);
  EXPECT_EQ(r3->StartSnapshotSet(&set), hr::VSS_E_BAD_STATE);  // CTX-ALL-01
  EXPECT_TRUE(h.HasFinding("CTX-ALL-01"));
}

// Checks LIM-01 (64 volumes per set) and provider selection errors (REQ-CALL-13).
TEST(Coordinator_Requester, LIM_01_SixtyFourVolumes) {
  Harness h;
  auto r = h.vss.CreateVssBackupComponents("r1");
  r->InitializeForBackup();
  Guid set, snap;
  ASSERT_EQ(r->StartSnapshotSet(&set), hr::S_OK);
  EXPECT_EQ(r->AddToSnapshotSet("Z:\\", testing::ClassId(5), &snap),
            hr::VSS_E_PROVIDER_NOT_REGISTERED);
  for (int i = 0; i < 64; ++i) {  // well-formed volume GUID names (REQ-CALL-13)
    const std::string name = "\\\\?\\Volume{" + testing::ClassId(i + 1).ToString() + "}\\";
    ASSERT_EQ(r->AddToSnapshotSet(name, kGuidNull, &snap), hr::S_OK) << name;
  }
  EXPECT_EQ(r->AddToSnapshotSet("Z:\\", kGuidNull, &snap),
            hr::VSS_E_MAXIMUM_NUMBER_OF_VOLUMES_REACHED);
}

// Checks Query filters by context (CTX-QRY-01) and DeleteSnapshots removes a set (REQ-CALL-27).
TEST(Coordinator_Requester, CTX_QRY_01_QueryAndDelete) {
  Harness h;
  auto r = h.vss.CreateVssBackupComponents("nas");
  r->InitializeForBackup();
  r->SetContext(static_cast<std::uint32_t>(vss::SnapshotContext::VSS_CTX_NAS_ROLLBACK));
  Guid set, snap;
  r->StartSnapshotSet(&set);
  r->AddToSnapshotSet("C:\\", kGuidNull, &snap);
  AsyncPtr async;
  ASSERT_EQ(r->DoSnapshotSet(&async), hr::S_OK);
  async->Wait();
  r->Release();
  auto backup = h.vss.CreateVssBackupComponents("q1");
  backup->InitializeForBackup();
  std::vector<storage::SnapshotProperties> found;
  EXPECT_EQ(backup->Query(kGuidNull, vss::ObjectType::VSS_OBJECT_NONE,
                          vss::ObjectType::VSS_OBJECT_SNAPSHOT, &found),
            hr::S_FALSE);
  auto all = h.vss.CreateVssBackupComponents("q2");
  all->InitializeForBackup();
  all->SetContext(0xFFFFFFFF);
  ASSERT_EQ(all->Query(kGuidNull, vss::ObjectType::VSS_OBJECT_NONE,
                       vss::ObjectType::VSS_OBJECT_SNAPSHOT, &found),
            hr::S_OK);
  ASSERT_EQ(found.size(), 1u);
  std::int32_t deleted = 0;
  Guid not_deleted;
  EXPECT_EQ(all->DeleteSnapshots(set, vss::ObjectType::VSS_OBJECT_SNAPSHOT_SET, true, &deleted,
                                 &not_deleted),
            hr::S_OK);
  EXPECT_EQ(deleted, 1);
  EXPECT_TRUE(h.provider.Query().empty());
}

// Checks REQ-LIFE-07 / REQ-ABORT-03: a metadata-only instance is simply released, no finding.
TEST(Coordinator_Requester, REQ_LIFE_07_ThrowAwayMetadataInstance) {
  Harness h;
  h.AddWriter("A");
  BackupDriver d(h, "probe");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kGatherWriterMetadata + 1), hr::S_OK);
  ASSERT_EQ(d.Run(BackupDriver::kRelease), hr::S_OK);
  EXPECT_TRUE(h.Entries(trace::EntryKind::kFinding).empty());
}

// Checks REQ-ORDER-03 / REQ-CALL-04: disabled classes and instances get no Identify and are not
// listed; calls after the gather are accepted but have no effect.
TEST(Coordinator_Requester, REQ_ORDER_03_EnableDisableWriters) {
  Harness h;
  auto& a = h.AddWriter("A");
  auto& b = h.AddWriter("B");
  h.AddWriter("C");
  auto r = h.vss.CreateVssBackupComponents("r1");
  r->InitializeForBackup();
  EXPECT_EQ(r->DisableWriterClasses({a.identity().class_id}), hr::S_OK);
  EXPECT_EQ(r->DisableWriterInstances({h.vss.writers()[1].instance_id}), hr::S_OK);
  AsyncPtr async;
  r->GatherWriterMetadata(&async);
  async->Wait();
  std::uint32_t count = 0;
  r->GetWriterMetadataCount(&count);
  EXPECT_EQ(count, 1u);
  EXPECT_TRUE(h.EventsTo("writer:A").empty());
  EXPECT_TRUE(h.EventsTo("writer:B").empty());
  EXPECT_EQ(r->EnableWriterClasses({b.identity().class_id}), hr::S_OK);  // too late: no effect
  r->GetWriterMetadataCount(&count);
  EXPECT_EQ(count, 1u);
  auto only = h.vss.CreateVssBackupComponents("r2");
  only->InitializeForBackup();
  only->EnableWriterClasses({b.identity().class_id});
  only->GatherWriterMetadata(&async);
  async->Wait();
  only->GetWriterMetadataCount(&count);
  EXPECT_EQ(count, 1u);
  EXPECT_EQ(h.EventsTo("writer:B").size(), 1u);
}

// Checks REQ-ORDER-08: options and stamps only before PrepareForBackup.
TEST(Coordinator_Requester, REQ_ORDER_08_OptionsBeforePrepareForBackup) {
  Harness h;
  auto& a = h.AddWriter("A");
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kPrepareForBackup + 1), hr::S_OK);
  const auto fg = vss::ComponentType::VSS_CT_FILEGROUP;
  EXPECT_EQ(d.requester().SetBackupOptions(a.identity().class_id, fg, "", "AData", "o"),
            hr::VSS_E_BAD_STATE);
  EXPECT_EQ(d.requester().SetPreviousBackupStamp(a.identity().class_id, fg, "", "AData", "s"),
            hr::VSS_E_BAD_STATE);
  EXPECT_TRUE(h.HasFinding("REQ-ORDER-08"));
}

// Checks CTX-W-02: an empty snapshot set is fine in a writer context; REQ-CALL-14
// IsVolumeSupported answers for the provider's volumes.
TEST(Coordinator_Requester, CTX_W_02_EmptySetInWriterContext) {
  Harness h;
  h.AddWriter("A");
  BackupDriver d(h, "r1");
  d.volumes.clear();
  ASSERT_EQ(d.RunAll(), hr::S_OK);
  EXPECT_EQ(h.EventsTo("writer:A").size(), 8u);
  RecordingProvider only_c(h.clock, {"C:\\"});
  Harness h2;
  h2.vss.AddProvider(only_c);
  auto r = h2.vss.CreateVssBackupComponents("r2");
  r->InitializeForBackup();
  bool supported = false;
  EXPECT_EQ(r->IsVolumeSupported(only_c.provider_id(), "c:", &supported), hr::S_OK);
  EXPECT_TRUE(supported);
}

// Checks WRT-INIT-03: a second Subscribe is a finding and does not duplicate the writer.
TEST(Coordinator_Requester, WRT_INIT_03_SubscribeTwice) {
  Harness h;
  auto& a = h.AddWriter("A");
  h.vss.RegisterWriter(a);
  EXPECT_TRUE(h.HasFinding("WRT-INIT-03"));
  EXPECT_EQ(h.vss.writers().size(), 1u);
}

// Checks a persistent writer context (APP_ROLLBACK): writers get the full sequence and the
// snapshot survives Release (CTX-W-01, CTX-GEN-06); VSS_WS_UNKNOWN for a writer outside the
// session (WRT-STATE-12).
TEST(Coordinator_Context, CTX_GEN_06_AppRollbackKeepsSnapshot) {
  Harness h;
  auto& a = h.AddWriter("A");
  BackupDriver d(h, "r1");
  ASSERT_EQ(d.Run(BackupDriver::kInitialize), hr::S_OK);
  ASSERT_EQ(d.requester().SetContext(
                static_cast<std::uint32_t>(vss::SnapshotContext::VSS_CTX_APP_ROLLBACK)),
            hr::S_OK);
  ASSERT_EQ(d.RunRange(BackupDriver::kSetBackupState, BackupDriver::kStepCount), hr::S_OK);
  EXPECT_EQ(h.EventsTo("writer:A").size(), 8u);
  ASSERT_EQ(h.provider.Query().size(), 1u);
  EXPECT_EQ(h.provider.Query()[0].context, vss::SnapshotContext::VSS_CTX_APP_ROLLBACK);
  auto other = h.vss.CreateVssBackupComponents("r2");
  EXPECT_EQ(h.vss.WriterStateIn(*other, a), vss::WriterState::VSS_WS_UNKNOWN);
}

// Checks provider selection for GUID_NULL: a volume no provider supports is
// VSS_E_VOLUME_NOT_SUPPORTED (REQ-CALL-13, PRV-01).
TEST(Coordinator_Context, REQ_CALL_13_VolumeNotSupported) {
  runtime::Clock clock;
  trace::Trace trace(clock);
  RecordingProvider only_c(clock, {"C:\\"});
  Coordinator vss(clock, trace, only_c);
  auto r = vss.CreateVssBackupComponents("r1");
  r->InitializeForBackup();
  Guid set, snap;
  ASSERT_EQ(r->StartSnapshotSet(&set), hr::S_OK);
  EXPECT_EQ(r->AddToSnapshotSet("D:\\", kGuidNull, &snap), hr::VSS_E_VOLUME_NOT_SUPPORTED);
  EXPECT_EQ(r->AddToSnapshotSet("c:", kGuidNull, &snap), hr::S_OK);
  EXPECT_EQ(r->AddToSnapshotSet("C:\\", kGuidNull, &snap), hr::VSS_E_OBJECT_ALREADY_EXISTS);
}

}  // namespace
}  // namespace vsssim::coordinator
