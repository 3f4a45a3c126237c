// The coordinator over real storage: storage::CowProvider on VolumeManager volumes. Point-in-time
// data through a whole backup lifecycle, snapshot lifetime by context (REQ-LIFE-04, CTX-GEN-06),
// Query by context (CTX-QRY-01), the per-volume limit at AddToSnapshotSet (LIM-02), the
// flush-and-hold window (LIM-06, BUG-02) and the one provider-result mapping (PRV-07).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sim/coordinator/cow_harness.h"
#include "vsssim/storage/provider_rules.h"

namespace vsssim::coordinator {
namespace {

using testing::BackupDriver;
using testing::CowHarness;
using vss::SnapshotContext;

std::uint32_t Ctx(SnapshotContext c) { return static_cast<std::uint32_t>(c); }

HResult Await(HResult call, const AsyncPtr& async) {
  if (call.Failed()) return call;
  async->Wait();
  HResult status;
  async->QueryStatus(&status);
  return status == hr::VSS_S_ASYNC_FINISHED ? hr::S_OK : status;
}

// A writerless snapshot of C: in `context` (CTX-NW-01); returns the DoSnapshotSet result.
HResult WriterlessSnapshot(Requester& r, SnapshotContext context, Guid* snapshot_id) {
  Guid set;
  AsyncPtr async;
  EXPECT_EQ(r.InitializeForBackup(), hr::S_OK);
  EXPECT_EQ(r.SetContext(Ctx(context)), hr::S_OK);
  EXPECT_EQ(r.StartSnapshotSet(&set), hr::S_OK);
  EXPECT_EQ(r.AddToSnapshotSet("C:\\", kGuidNull, snapshot_id), hr::S_OK);
  return Await(r.DoSnapshotSet(&async), async);
}

// Checks that a backup over the COW provider gives point-in-time data: the shadow copy found by
// the id GetSnapshotProperties returns keeps the bytes of the moment of the snapshot while the
// live file is overwritten; Release removes the auto-release snapshot (REQ-LIFE-04).
TEST(Coordinator_Storage, PRV_02_ShadowCopyKeepsPointInTimeBytes) {
  CowHarness h;
  h.AddWriter("A");
  ASSERT_EQ(h.C().PutFile("C:\\A\\data.db", "old contents"), hr::S_OK);
  BackupDriver d(h.vss, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kSetBackupSucceeded), hr::S_OK);
  ASSERT_EQ(h.C().PutFile("C:\\A\\data.db", "NEW"), hr::S_OK);

  storage::SnapshotProperties props;
  ASSERT_EQ(d.requester().GetSnapshotProperties(d.snapshot_id(), &props), hr::S_OK);
  EXPECT_EQ(props.snapshot_id, d.snapshot_id());
  EXPECT_EQ(props.provider_id, storage::kCowProviderId);
  EXPECT_EQ(h.Shadow(props.snapshot_id, "C:\\A\\data.db"), "old contents");
  EXPECT_EQ(h.Live("C:\\A\\data.db"), "NEW");

  ASSERT_EQ(d.RunRange(BackupDriver::kSetBackupSucceeded, BackupDriver::kStepCount), hr::S_OK);
  EXPECT_EQ(h.provider.FindShadowCopy(props.snapshot_id), nullptr);
  EXPECT_TRUE(h.provider.Query().empty());
  EXPECT_TRUE(h.Findings("PRV-02").empty());  // the provider accepted the coordinator's order
}

// Checks REQ-LIFE-04 with real shadow copies: the requester process dies after DoSnapshotSet
// and its auto-release (BACKUP context) snapshot vanishes from the provider.
TEST(Coordinator_Storage, REQ_LIFE_04_AutoReleaseSnapshotVanishesWhenRequesterDies) {
  CowHarness h;
  h.AddWriter("A");
  ASSERT_EQ(h.C().PutFile("C:\\A\\data.db", "x"), hr::S_OK);
  BackupDriver d(h.vss, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kSetBackupSucceeded), hr::S_OK);
  ASSERT_NE(h.provider.FindShadowCopy(d.snapshot_id()), nullptr);
  h.vss.Terminate(d.requester());
  EXPECT_EQ(h.provider.FindShadowCopy(d.snapshot_id()), nullptr);
  EXPECT_TRUE(h.provider.Query().empty());
}

// Checks CTX-GEN-06 for both persistent contexts: APP_ROLLBACK (writers) and NAS_ROLLBACK
// (writerless) snapshots survive Release and termination and go only with DeleteSnapshots.
TEST(Coordinator_Storage, CTX_GEN_06_PersistentSnapshotsStayUntilDeleteSnapshots) {
  CowHarness h;
  h.AddWriter("A");
  ASSERT_EQ(h.C().PutFile("C:\\A\\data.db", "v1"), hr::S_OK);
  BackupDriver app(h.vss, "app");
  ASSERT_EQ(app.Run(BackupDriver::kInitialize), hr::S_OK);
  ASSERT_EQ(app.requester().SetContext(Ctx(SnapshotContext::VSS_CTX_APP_ROLLBACK)), hr::S_OK);
  ASSERT_EQ(app.RunRange(BackupDriver::kSetBackupState, BackupDriver::kStepCount), hr::S_OK);
  const Guid app_snapshot = app.snapshot_id();

  ASSERT_EQ(h.C().PutFile("C:\\A\\data.db", "v2"), hr::S_OK);
  std::unique_ptr<Requester> nas = h.vss.CreateVssBackupComponents("nas");
  Guid nas_snapshot;
  ASSERT_EQ(WriterlessSnapshot(*nas, SnapshotContext::VSS_CTX_NAS_ROLLBACK, &nas_snapshot),
            hr::S_OK);
  h.vss.Terminate(*nas);
  ASSERT_EQ(h.C().PutFile("C:\\A\\data.db", "v3"), hr::S_OK);

  EXPECT_EQ(h.provider.Query().size(), 2u);
  EXPECT_EQ(h.Shadow(app_snapshot, "C:\\A\\data.db"), "v1");
  EXPECT_EQ(h.Shadow(nas_snapshot, "C:\\A\\data.db"), "v2");

  std::unique_ptr<Requester> admin = h.vss.CreateVssBackupComponents("admin");
  ASSERT_EQ(admin->InitializeForBackup(), hr::S_OK);
  ASSERT_EQ(admin->SetContext(Ctx(SnapshotContext::VSS_CTX_ALL)), hr::S_OK);
  std::int32_t deleted = 0;
  Guid not_deleted;
  ASSERT_EQ(admin->DeleteSnapshots(app_snapshot, vss::ObjectType::VSS_OBJECT_SNAPSHOT, false,
                                   &deleted, &not_deleted),
            hr::S_OK);
  EXPECT_EQ(deleted, 1);
  EXPECT_EQ(h.provider.FindShadowCopy(app_snapshot), nullptr);
  EXPECT_NE(h.provider.FindShadowCopy(nas_snapshot), nullptr);
  EXPECT_EQ(admin->Release(), hr::S_OK);
  EXPECT_EQ(h.provider.Query().size(), 1u);
}

// Checks CTX-QRY-01 with the COW provider: each context's Query lists only its own snapshots,
// VSS_CTX_ALL lists both, and a context with none gives S_FALSE and an empty list.
TEST(Coordinator_Storage, CTX_QRY_01_QueryListsOnlyTheCurrentContext) {
  CowHarness h;
  ASSERT_EQ(h.C().PutFile("C:\\f.txt", "x"), hr::S_OK);
  std::unique_ptr<Requester> nas = h.vss.CreateVssBackupComponents("nas");
  std::unique_ptr<Requester> share = h.vss.CreateVssBackupComponents("share");
  Guid nas_snapshot;
  Guid share_snapshot;
  ASSERT_EQ(WriterlessSnapshot(*nas, SnapshotContext::VSS_CTX_NAS_ROLLBACK, &nas_snapshot),
            hr::S_OK);
  ASSERT_EQ(WriterlessSnapshot(*share, SnapshotContext::VSS_CTX_FILE_SHARE_BACKUP, &share_snapshot),
            hr::S_OK);

  auto query = [&h](SnapshotContext context, HResult expected) {
    std::unique_ptr<Requester> q = h.vss.CreateVssBackupComponents("q");
    EXPECT_EQ(q->InitializeForBackup(), hr::S_OK);
    EXPECT_EQ(q->SetContext(Ctx(context)), hr::S_OK);
    std::vector<storage::SnapshotProperties> found;
    EXPECT_EQ(q->Query(kGuidNull, vss::ObjectType::VSS_OBJECT_NONE,
                       vss::ObjectType::VSS_OBJECT_SNAPSHOT, &found),
              expected);
    std::vector<Guid> ids;
    for (const storage::SnapshotProperties& s : found) ids.push_back(s.snapshot_id);
    q->Release();
    return ids;
  };
  EXPECT_EQ(query(SnapshotContext::VSS_CTX_NAS_ROLLBACK, hr::S_OK),
            std::vector<Guid>{nas_snapshot});
  EXPECT_EQ(query(SnapshotContext::VSS_CTX_FILE_SHARE_BACKUP, hr::S_OK),
            std::vector<Guid>{share_snapshot});
  EXPECT_EQ(query(SnapshotContext::VSS_CTX_ALL, hr::S_OK),
            (std::vector<Guid>{nas_snapshot, share_snapshot}));
  EXPECT_TRUE(query(SnapshotContext::VSS_CTX_BACKUP, hr::S_FALSE).empty());
}

// Checks LIM-02: with D: at 511 committed snapshots AddToSnapshotSet still succeeds; at 512 it
// returns VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED (reported by VSS at AddToSnapshotSet, with
// the rule in the trace) before any provider call of the set.
TEST(Coordinator_Storage, LIM_02_AddToSnapshotSetRefusesTheVolumeAt512Snapshots) {
  CowHarness h;
  storage::VolumeOptions tiny;
  tiny.name = "D:";
  tiny.size_bytes = 16 * 1024;
  ASSERT_EQ(h.volumes.CreateVolume(tiny), hr::S_OK);
  runtime::Random ids(99);
  auto commit_one = [&] {  // one persistent snapshot of D:, straight through the provider
    const Guid set = ids.NextGuid();
    const auto attributes =
        static_cast<vss::VolumeSnapshotAttributes>(Ctx(SnapshotContext::VSS_CTX_NAS_ROLLBACK));
    ASSERT_EQ(h.provider.BeginPrepareSnapshot(set, ids.NextGuid(), "D:\\",
                                              SnapshotContext::VSS_CTX_NAS_ROLLBACK, attributes),
              hr::S_OK);
    ASSERT_EQ(h.provider.EndPrepareSnapshots(set), hr::S_OK);
    ASSERT_EQ(h.provider.PreCommitSnapshots(set), hr::S_OK);
    ASSERT_EQ(h.provider.CommitSnapshots(set), hr::S_OK);
    ASSERT_EQ(h.provider.PostCommitSnapshots(set, 1), hr::S_OK);
    ASSERT_EQ(h.provider.PreFinalCommitSnapshots(set), hr::S_OK);
    ASSERT_EQ(h.provider.PostFinalCommitSnapshots(set), hr::S_OK);
  };
  for (int i = 0; i < 511; ++i) commit_one();
  ASSERT_EQ(h.provider.Query().size(), 511u);

  auto add_d = [&h](const std::string& name) {
    std::unique_ptr<Requester> r = h.vss.CreateVssBackupComponents(name);
    Guid set;
    Guid snapshot;
    EXPECT_EQ(r->InitializeForBackup(), hr::S_OK);
    EXPECT_EQ(r->SetContext(Ctx(SnapshotContext::VSS_CTX_FILE_SHARE_BACKUP)), hr::S_OK);
    EXPECT_EQ(r->StartSnapshotSet(&set), hr::S_OK);
    const HResult added = r->AddToSnapshotSet("d:", kGuidNull, &snapshot);
    EXPECT_EQ(r->AbortBackup(), hr::S_OK);
    EXPECT_EQ(r->Release(), hr::S_OK);
    return added;
  };
  EXPECT_EQ(add_d("r511"), hr::S_OK);
  commit_one();
  const std::size_t before = h.trace.size();
  EXPECT_EQ(add_d("r512"), hr::VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED);
  bool ruled = false;
  for (std::size_t i = before; i < h.trace.size(); ++i) {
    const trace::Entry& e = h.trace.entries()[i];
    if (e.kind == trace::EntryKind::kResult && e.name == "AddToSnapshotSet") {
      ruled = e.rule == "LIM-02";
    }
    EXPECT_NE(e.kind, trace::EntryKind::kProvider) << e.name;  // refused before the provider
  }
  EXPECT_TRUE(ruled);
  EXPECT_EQ(h.provider.Query().size(), 512u);
}

// Checks LIM-06 and BUG-02 with the COW provider's slow commit: a hold phase past the 10 s
// flush-and-hold window surfaces VSS_E_HOLD_WRITES_TIMEOUT through the async, frozen writers get
// Abort (never Thaw), nothing is left on the provider, and AbortBackup then returns.
TEST(Coordinator_Storage, LIM_06_SlowCommitSurfacesHoldTimeoutAndAbortsWriters) {
  CowHarness h;
  h.AddWriter("A");
  h.provider.set_commit_duration(std::chrono::seconds(11));
  BackupDriver d(h.vss, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kDoSnapshotSet), hr::S_OK);
  EXPECT_EQ(d.Run(BackupDriver::kDoSnapshotSet), hr::VSS_E_HOLD_WRITES_TIMEOUT);
  const std::vector<std::string> events = h.EventsTo("writer:A");
  ASSERT_GE(events.size(), 2u);
  EXPECT_EQ(events[events.size() - 2], "Freeze");
  EXPECT_EQ(events.back(), "Abort");
  EXPECT_TRUE(h.provider.Query().empty());
  EXPECT_EQ(d.requester().AbortBackup(), hr::S_OK);  // BUG-02: returns, does not hang
  EXPECT_EQ(d.requester().Release(), hr::S_OK);
  EXPECT_TRUE(h.Findings("PRV-02").empty());  // AbortSnapshots after the failed commit is legal
}

// Checks LIM-06 for the flush phase: a flush longer than the window gives
// VSS_E_FLUSH_WRITES_TIMEOUT through the async and Abort to the frozen writer.
TEST(Coordinator_Storage, LIM_06_SlowFlushSurfacesFlushTimeout) {
  CowHarness h;
  h.AddWriter("A");
  h.provider.set_flush_duration(std::chrono::seconds(12));
  BackupDriver d(h.vss, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kDoSnapshotSet), hr::S_OK);
  EXPECT_EQ(d.Run(BackupDriver::kDoSnapshotSet), hr::VSS_E_FLUSH_WRITES_TIMEOUT);
  EXPECT_EQ(h.EventsTo("writer:A").back(), "Abort");
  EXPECT_EQ(d.requester().AbortBackup(), hr::S_OK);
}

// Checks PRV-07 / REQ-CALL-16 through the one mapping (storage::NormalizeProviderResult): an
// undocumented provider code becomes VSS_E_UNEXPECTED_PROVIDER_ERROR (the original kept as
// `returned`), a documented DoSnapshotSet code passes unchanged.
TEST(Coordinator_Storage, PRV_07_OneProviderResultMapping) {
  for (HResult passed : {hr::VSS_E_REBOOT_REQUIRED, hr::VSS_E_TRANSACTION_FREEZE_TIMEOUT,
                         hr::VSS_E_TRANSACTION_THAW_TIMEOUT, hr::VSS_E_NESTED_VOLUME_LIMIT,
                         hr::VSS_E_FLUSH_WRITES_TIMEOUT, hr::VSS_E_PROVIDER_VETO, hr::S_FALSE}) {
    EXPECT_EQ(storage::NormalizeProviderResult(passed), passed) << ToString(passed);
  }
  EXPECT_EQ(storage::NormalizeProviderResult(hr::E_FAIL), hr::VSS_E_UNEXPECTED_PROVIDER_ERROR);

  CowHarness h;
  h.AddWriter("A");
  h.provider.InjectFault({storage::ProviderMethod::kCommitSnapshots, hr::E_FAIL, 1});
  BackupDriver d(h.vss, "r1");
  ASSERT_EQ(d.RunRange(0, BackupDriver::kDoSnapshotSet), hr::S_OK);
  EXPECT_EQ(d.Run(BackupDriver::kDoSnapshotSet), hr::VSS_E_UNEXPECTED_PROVIDER_ERROR);
  bool kept = false;
  for (const trace::Entry& e : h.trace.entries()) {
    if (e.kind == trace::EntryKind::kProvider && e.name == "CommitSnapshots") {
      kept = e.Get("returned") == ToString(hr::E_FAIL) &&
             e.Get("hr") == ToString(hr::VSS_E_UNEXPECTED_PROVIDER_ERROR);
    }
  }
  EXPECT_TRUE(kept);

  CowHarness h2;
  h2.AddWriter("A");
  h2.provider.InjectFault(
      {storage::ProviderMethod::kCommitSnapshots, hr::VSS_E_REBOOT_REQUIRED, 1});
  BackupDriver d2(h2.vss, "r1");
  ASSERT_EQ(d2.RunRange(0, BackupDriver::kDoSnapshotSet), hr::S_OK);
  EXPECT_EQ(d2.Run(BackupDriver::kDoSnapshotSet), hr::VSS_E_REBOOT_REQUIRED);
}

}  // namespace
}  // namespace vsssim::coordinator
