#include "vsssim/storage/cow_provider.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "vsssim/runtime/random.h"
#include "vsssim/storage/provider_rules.h"

namespace vsssim::storage {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using Attr = vss::VolumeSnapshotAttributes;
using Ctx = vss::SnapshotContext;

class Storage_CowProvider : public ::testing::Test {
 protected:
  Storage_CowProvider() : trace_(clock_), volumes_(clock_), random_(17) {
    for (const char* name : {"C:", "D:"}) {
      VolumeOptions o;
      o.name = name;
      o.size_bytes = 1 << 20;
      EXPECT_EQ(volumes_.CreateVolume(o), hr::S_OK);
    }
    CowProviderOptions options;
    options.record_calls = true;  // standalone: no coordinator records the calls
    provider_ = std::make_unique<CowProvider>(volumes_, clock_, &trace_, options);
  }

  Volume& C() { return *volumes_.Find("C:"); }
  Volume& D() { return *volumes_.Find("D:"); }

  // Prepares a set over `vols`; fills ids_. Returns the first failure.
  HResult Prepare(const Guid& set, std::vector<std::string> vols, Ctx ctx = Ctx::VSS_CTX_BACKUP) {
    ids_.clear();
    for (const std::string& v : vols) {
      ids_.push_back(random_.NextGuid());
      HResult r = provider_->BeginPrepareSnapshot(set, ids_.back(), v, ctx, Attr{0});
      if (r.Failed()) return r;
    }
    return provider_->EndPrepareSnapshots(set);
  }
  // The whole PRV-02 sequence; returns the first failure.
  HResult CreateSet(const Guid& set, std::vector<std::string> vols, Ctx ctx = Ctx::VSS_CTX_BACKUP) {
    const auto n = static_cast<std::int32_t>(vols.size());
    HResult r = Prepare(set, std::move(vols), ctx);
    if (r.Succeeded()) r = provider_->PreCommitSnapshots(set);
    if (r.Succeeded()) r = provider_->CommitSnapshots(set);
    if (r.Succeeded()) r = provider_->PostCommitSnapshots(set, n);
    if (r.Succeeded()) r = provider_->PreFinalCommitSnapshots(set);
    if (r.Succeeded()) r = provider_->PostFinalCommitSnapshots(set);
    return r;
  }
  std::vector<std::string> Entries(trace::EntryKind kind) const {
    std::vector<std::string> out;
    for (const trace::Entry& e : trace_.entries()) {
      if (e.kind == kind) out.push_back(e.name + (e.rule.empty() ? "" : " " + e.rule));
    }
    return out;
  }

  runtime::Clock clock_;
  trace::Trace trace_;
  VolumeManager volumes_;
  runtime::Random random_;
  std::unique_ptr<CowProvider> provider_;
  std::vector<Guid> ids_;
};

// Checks PRV-02: the documented call order succeeds, is recorded in the trace in order, and
// yields one CREATED snapshot per volume with complete VSS_SNAPSHOT_PROP.
TEST_F(Storage_CowProvider, Prv02_CallOrderRecordedAndPropertiesComplete) {
  const Guid set = random_.NextGuid();
  ASSERT_EQ(CreateSet(set, {"C:\\", "d:"}), hr::S_OK);
  EXPECT_EQ(Entries(trace::EntryKind::kProvider),
            (std::vector<std::string>{"BeginPrepareSnapshot PRV-02", "BeginPrepareSnapshot PRV-02",
                                      "EndPrepareSnapshots PRV-02", "PreCommitSnapshots PRV-02",
                                      "CommitSnapshots PRV-02", "PostCommitSnapshots PRV-02",
                                      "PreFinalCommitSnapshots PRV-02",
                                      "PostFinalCommitSnapshots PRV-02"}));
  EXPECT_TRUE(Entries(trace::EntryKind::kFinding).empty());
  std::vector<SnapshotProperties> all = provider_->Query();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].snapshot_id, ids_[0]);
  EXPECT_EQ(all[0].snapshot_set_id, set);
  EXPECT_EQ(all[0].snapshots_in_set, 2);
  EXPECT_EQ(all[0].original_volume, "C:\\");
  EXPECT_EQ(all[1].original_volume, "D:\\");
  EXPECT_EQ(all[0].device_object, "\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy1");
  EXPECT_EQ(all[0].provider_id, kCowProviderId);
  EXPECT_EQ(all[0].state, vss::SnapshotState::VSS_SS_CREATED);
  EXPECT_TRUE(vss::HasAll(all[0].attributes, Attr::VSS_VOLSNAP_ATTR_DIFFERENTIAL));
}

// Checks PRV-02: a call out of order is VSS_E_BAD_STATE plus a PRV-02 finding, and a call for
// an unknown set is VSS_E_OBJECT_NOT_FOUND.
TEST_F(Storage_CowProvider, Prv02_OutOfOrderIsBadStateAndFinding) {
  const Guid set = random_.NextGuid();
  ASSERT_EQ(Prepare(set, {"C:"}), hr::S_OK);
  EXPECT_EQ(provider_->CommitSnapshots(set), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(provider_->PreCommitSnapshots(random_.NextGuid()), hr::VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(Entries(trace::EntryKind::kFinding),
            (std::vector<std::string>{"CommitSnapshots out of order PRV-02",
                                      "PreCommitSnapshots names an unknown snapshot set PRV-02"}));
  EXPECT_EQ(provider_->PreCommitSnapshots(set), hr::S_OK);  // the set is still usable
}

// Checks PRV-06: BeginPrepareSnapshot with a new set id is accepted at any time and drops the
// unfinished set (also one already committed).
TEST_F(Storage_CowProvider, Prv06_NewSetDropsUnfinishedSet) {
  const Guid first = random_.NextGuid();
  ASSERT_EQ(Prepare(first, {"C:"}), hr::S_OK);
  ASSERT_EQ(provider_->PreCommitSnapshots(first), hr::S_OK);
  ASSERT_EQ(provider_->CommitSnapshots(first), hr::S_OK);
  EXPECT_EQ(provider_->Query().size(), 1u);
  const Guid second = random_.NextGuid();
  ASSERT_EQ(CreateSet(second, {"C:"}), hr::S_OK);
  ASSERT_EQ(provider_->Query().size(), 1u);
  EXPECT_EQ(provider_->Query()[0].snapshot_set_id, second);
  EXPECT_EQ(C().device().snapshot_count(), 1u);
  EXPECT_EQ(provider_->AbortSnapshots(first), hr::VSS_E_OBJECT_NOT_FOUND);
}

// Checks the flush-and-hold window (LIM-06, PRV-04): writes that arrive during the hold phase
// are queued and land after the images, on every volume of the set (atomic commit).
TEST_F(Storage_CowProvider, Lim06_WritesDuringHoldAreHeldOnEveryVolume) {
  ASSERT_EQ(C().PutFile("C:\\db.mdf", "before"), hr::S_OK);
  ASSERT_EQ(D().PutFile("D:\\db.ldf", "before"), hr::S_OK);
  provider_->set_commit_duration(seconds(2));
  clock_.ScheduleAfter(seconds(1), [&] {
    EXPECT_EQ(C().PutFile("C:\\db.mdf", "during"), hr::S_FALSE);
    EXPECT_EQ(D().PutFile("D:\\db.ldf", "during"), hr::S_FALSE);
  });
  const Guid set = random_.NextGuid();
  ASSERT_EQ(CreateSet(set, {"C:", "D:"}), hr::S_OK);
  std::string got;
  for (const ShadowCopy* s : provider_->ShadowCopiesOfSet(set)) {
    EXPECT_EQ(s->properties().created.since_start, seconds(2));
    std::string path = s->volume().name() + (s->volume().name() == "C:" ? "\\db.mdf" : "\\db.ldf");
    ASSERT_EQ(s->ReadFile(path, &got), hr::S_OK);
    EXPECT_EQ(got, "before") << path;
    ASSERT_EQ(s->volume().ReadFile(path, &got), hr::S_OK);
    EXPECT_EQ(got, "during") << path;
  }
}

// Checks the documented choice for the flush phase: writes still pass while flushing, so a
// write during the flush is in the shadow copy.
TEST_F(Storage_CowProvider, Lim06_WritesDuringFlushPass) {
  provider_->set_flush_duration(seconds(1));
  provider_->set_commit_duration(seconds(1));
  clock_.ScheduleAfter(milliseconds(500), [&] { EXPECT_EQ(C().PutFile("C:\\f", "x"), hr::S_OK); });
  const Guid set = random_.NextGuid();
  ASSERT_EQ(CreateSet(set, {"C:"}), hr::S_OK);
  std::string got;
  ASSERT_EQ(provider_->FindShadowCopy(ids_[0])->ReadFile("C:\\f", &got), hr::S_OK);
  EXPECT_EQ(got, "x");
}

// Checks LIM-06: a flush longer than the 10 s window gives VSS_E_FLUSH_WRITES_TIMEOUT at the
// window's end, takes nothing, and the set can be aborted.
TEST_F(Storage_CowProvider, Lim06_FlushTimeout) {
  provider_->set_flush_duration(seconds(11));
  const Guid set = random_.NextGuid();
  ASSERT_EQ(Prepare(set, {"C:"}), hr::S_OK);
  ASSERT_EQ(provider_->PreCommitSnapshots(set), hr::S_OK);
  EXPECT_EQ(provider_->CommitSnapshots(set), hr::VSS_E_FLUSH_WRITES_TIMEOUT);
  EXPECT_EQ(clock_.Now().since_start, seconds(10));
  EXPECT_TRUE(provider_->Query().empty());
  EXPECT_FALSE(C().writes_held());
  EXPECT_EQ(provider_->AbortSnapshots(set), hr::S_OK);
}

// Checks LIM-06: flush plus hold beyond 10 s gives VSS_E_HOLD_WRITES_TIMEOUT, releases the held
// writes, takes nothing; exactly 10 s still succeeds.
TEST_F(Storage_CowProvider, Lim06_HoldTimeoutAndBoundary) {
  provider_->set_flush_duration(seconds(4));
  provider_->set_commit_duration(milliseconds(6001));
  clock_.ScheduleAfter(seconds(5), [&] { EXPECT_EQ(C().PutFile("C:\\h", "held"), hr::S_FALSE); });
  const Guid set = random_.NextGuid();
  ASSERT_EQ(Prepare(set, {"C:"}), hr::S_OK);
  ASSERT_EQ(provider_->PreCommitSnapshots(set), hr::S_OK);
  EXPECT_EQ(provider_->CommitSnapshots(set), hr::VSS_E_HOLD_WRITES_TIMEOUT);
  EXPECT_EQ(clock_.Now().since_start, seconds(10));
  std::string got;
  ASSERT_EQ(C().ReadFile("C:\\h", &got), hr::S_OK);
  EXPECT_EQ(got, "held");
  EXPECT_TRUE(provider_->Query().empty());
  ASSERT_EQ(provider_->AbortSnapshots(set), hr::S_OK);
  provider_->set_commit_duration(seconds(6));
  EXPECT_EQ(CreateSet(random_.NextGuid(), {"C:"}), hr::S_OK);
}

// Checks the hold released by another party (hold_until_released, kubevirt #16653): writes are
// held until ReleaseHold, which takes the images and returns CommitSnapshots' result through
// WhenCommitReturns; when the LIM-06 window ends first the result is VSS_E_HOLD_WRITES_TIMEOUT,
// writes go, and ReleaseHold reports the timeout once, then VSS_E_BAD_STATE.
TEST_F(Storage_CowProvider, Lim06_HoldUntilReleased) {
  CowProviderOptions options;
  options.hold_until_released = true;
  provider_ = std::make_unique<CowProvider>(volumes_, clock_, &trace_, options);
  EXPECT_EQ(provider_->ReleaseHold(), hr::VSS_E_BAD_STATE);  // nothing held
  HResult returned = hr::VSS_S_ASYNC_PENDING;
  const Guid set = random_.NextGuid();
  ASSERT_EQ(Prepare(set, {"C:"}), hr::S_OK);
  ASSERT_EQ(provider_->PreCommitSnapshots(set), hr::S_OK);
  ASSERT_EQ(provider_->CommitSnapshots(set), hr::VSS_S_ASYNC_PENDING);
  provider_->WhenCommitReturns(set, [&](HResult r) { returned = r; });
  EXPECT_TRUE(C().writes_held());
  clock_.AdvanceBy(seconds(9));
  EXPECT_EQ(returned, hr::VSS_S_ASYNC_PENDING);
  EXPECT_EQ(provider_->ReleaseHold(), hr::S_OK);
  EXPECT_EQ(returned, hr::S_OK);
  EXPECT_FALSE(C().writes_held());
  EXPECT_EQ(provider_->PostCommitSnapshots(set, 1), hr::S_OK);
  EXPECT_EQ(provider_->PreFinalCommitSnapshots(set), hr::S_OK);
  EXPECT_EQ(provider_->PostFinalCommitSnapshots(set), hr::S_OK);
  EXPECT_EQ(provider_->Query().size(), 1u);

  const Guid late = random_.NextGuid();
  ASSERT_EQ(Prepare(late, {"D:"}), hr::S_OK);
  ASSERT_EQ(provider_->PreCommitSnapshots(late), hr::S_OK);
  ASSERT_EQ(provider_->CommitSnapshots(late), hr::VSS_S_ASYNC_PENDING);
  provider_->WhenCommitReturns(late, [&](HResult r) { returned = r; });
  clock_.AdvanceBy(seconds(10));
  EXPECT_EQ(returned, hr::VSS_E_HOLD_WRITES_TIMEOUT);
  EXPECT_FALSE(D().writes_held());
  EXPECT_EQ(provider_->Query().size(), 1u);  // nothing taken of D:
  EXPECT_EQ(provider_->ReleaseHold(), hr::VSS_E_HOLD_WRITES_TIMEOUT);
  EXPECT_EQ(provider_->ReleaseHold(), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(provider_->AbortSnapshots(late), hr::S_OK);
}

// Checks injected faults (PRV-07): a veto and insufficient storage come back as is; an
// undocumented code is what the coordinator turns into VSS_E_UNEXPECTED_PROVIDER_ERROR; a
// fault armed for the 2nd call spares the 1st.
TEST_F(Storage_CowProvider, Prv07_InjectedFaults) {
  provider_->InjectFault({ProviderMethod::kEndPrepareSnapshots, hr::VSS_E_PROVIDER_VETO, 1});
  EXPECT_EQ(Prepare(random_.NextGuid(), {"C:"}), hr::VSS_E_PROVIDER_VETO);
  provider_->InjectFault({ProviderMethod::kEndPrepareSnapshots, hr::VSS_E_INSUFFICIENT_STORAGE});
  EXPECT_EQ(Prepare(random_.NextGuid(), {"C:"}), hr::VSS_E_INSUFFICIENT_STORAGE);
  provider_->InjectFault({ProviderMethod::kCommitSnapshots, hr::E_FAIL, 2});
  EXPECT_EQ(CreateSet(random_.NextGuid(), {"C:"}), hr::S_OK);
  const Guid set = random_.NextGuid();
  HResult r = CreateSet(set, {"C:"});
  EXPECT_EQ(r, hr::E_FAIL);
  EXPECT_EQ(NormalizeProviderResult(r), hr::VSS_E_UNEXPECTED_PROVIDER_ERROR);
  EXPECT_EQ(NormalizeProviderResult(hr::VSS_E_PROVIDER_VETO), hr::VSS_E_PROVIDER_VETO);
  EXPECT_EQ(NormalizeProviderResult(hr::VSS_E_HOLD_WRITES_TIMEOUT), hr::VSS_E_HOLD_WRITES_TIMEOUT);
  EXPECT_EQ(provider_->AbortSnapshots(set), hr::S_OK);
  EXPECT_EQ(provider_->Query().size(), 1u);
}

// Checks PRV-07 / the diff-area limit: a volume whose diff area is full refuses a new set at
// EndPrepareSnapshots with VSS_E_INSUFFICIENT_STORAGE.
TEST_F(Storage_CowProvider, Prv07_FullDiffAreaIsInsufficientStorage) {
  ASSERT_EQ(C().PutFile("C:\\big", std::string(8192, 'a')), hr::S_OK);
  C().device().set_diff_area_limit_bytes(8192);
  ASSERT_EQ(CreateSet(random_.NextGuid(), {"C:"}), hr::S_OK);
  ASSERT_EQ(C().PutFile("C:\\big", std::string(8192, 'b')), hr::S_OK);  // fills the diff area
  EXPECT_EQ(Prepare(random_.NextGuid(), {"C:"}), hr::VSS_E_INSUFFICIENT_STORAGE);
}

// Checks LIM-02 and PRV-08 at BeginPrepareSnapshot: a volume at its maximum gives
// VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED; PLEX, an unknown volume and VSS_CTX_ALL are
// refused.
TEST_F(Storage_CowProvider, Lim02_Prv08_BeginPrepareRefusals) {
  VolumeOptions o;
  o.name = "E:";
  o.size_bytes = 1 << 16;
  o.max_snapshots = 2;
  ASSERT_EQ(volumes_.CreateVolume(o), hr::S_OK);
  ASSERT_EQ(CreateSet(random_.NextGuid(), {"E:"}), hr::S_OK);
  ASSERT_EQ(CreateSet(random_.NextGuid(), {"E:"}), hr::S_OK);
  EXPECT_EQ(Prepare(random_.NextGuid(), {"E:"}), hr::VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED);
  const Guid set = random_.NextGuid();
  EXPECT_EQ(provider_->BeginPrepareSnapshot(set, random_.NextGuid(), "C:", Ctx::VSS_CTX_BACKUP,
                                            Attr::VSS_VOLSNAP_ATTR_PLEX),
            hr::VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER);
  EXPECT_EQ(
      provider_->BeginPrepareSnapshot(set, random_.NextGuid(), "Q:", Ctx::VSS_CTX_BACKUP, Attr{0}),
      hr::VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER);
  EXPECT_EQ(
      provider_->BeginPrepareSnapshot(set, random_.NextGuid(), "C:", Ctx::VSS_CTX_ALL, Attr{0}),
      hr::VSS_E_UNSUPPORTED_CONTEXT);
  EXPECT_FALSE(provider_->IsVolumeSupported("Q:", Ctx::VSS_CTX_BACKUP));
  EXPECT_TRUE(provider_->IsVolumeSupported("c:\\", Ctx::VSS_CTX_BACKUP));
}

// Checks the abort window: AbortSnapshots after CommitSnapshots removes the images; after
// PostCommitSnapshots it is out of order (the set exists; DeleteSnapshot removes it).
TEST_F(Storage_CowProvider, Prv06_AbortWindow) {
  const Guid set = random_.NextGuid();
  ASSERT_EQ(Prepare(set, {"C:", "D:"}), hr::S_OK);
  ASSERT_EQ(provider_->PreCommitSnapshots(set), hr::S_OK);
  ASSERT_EQ(provider_->CommitSnapshots(set), hr::S_OK);
  ASSERT_EQ(provider_->AbortSnapshots(set), hr::S_OK);
  EXPECT_TRUE(provider_->Query().empty());
  EXPECT_EQ(C().device().snapshot_count() + D().device().snapshot_count(), 0u);
  const Guid done = random_.NextGuid();
  ASSERT_EQ(CreateSet(done, {"C:"}), hr::S_OK);
  EXPECT_EQ(provider_->AbortSnapshots(done), hr::VSS_E_BAD_STATE);
  EXPECT_EQ(provider_->DeleteSnapshot(ids_[0]), hr::S_OK);
  EXPECT_EQ(provider_->DeleteSnapshot(ids_[0]), hr::VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(C().device().snapshot_count(), 0u);
}

// Checks auto-release vs persistent (§1.6): BACKUP snapshots are auto-release and go when the
// requester releases them; APP_ROLLBACK ones are persistent and stay until DeleteSnapshot; and
// CTX-QRY-01 filtering by context.
TEST_F(Storage_CowProvider, AutoReleaseVsPersistent_AndCtxQry01) {
  ASSERT_EQ(CreateSet(random_.NextGuid(), {"C:"}, Ctx::VSS_CTX_BACKUP), hr::S_OK);
  ASSERT_EQ(CreateSet(random_.NextGuid(), {"C:"}, Ctx::VSS_CTX_APP_ROLLBACK), hr::S_OK);
  ASSERT_EQ(CreateSet(random_.NextGuid(), {"D:"}, Ctx::VSS_CTX_FILE_SHARE_BACKUP), hr::S_OK);
  std::vector<SnapshotProperties> all = provider_->Query();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_TRUE(IsAutoRelease(all[0]));
  EXPECT_FALSE(IsPersistent(all[0]));
  EXPECT_FALSE(IsAutoRelease(all[1]));
  EXPECT_TRUE(IsPersistent(all[1]));
  EXPECT_EQ(FilterByContext(all, Ctx::VSS_CTX_BACKUP).size(), 1u);
  EXPECT_EQ(FilterByContext(all, Ctx::VSS_CTX_FILE_SHARE_BACKUP)[0].original_volume, "D:\\");
  EXPECT_EQ(FilterByContext(all, Ctx::VSS_CTX_ALL).size(), 3u);
  // The requester goes away: the coordinator deletes what is auto-release.
  for (const SnapshotProperties& s : all) {
    if (IsAutoRelease(s)) {
      ASSERT_EQ(provider_->DeleteSnapshot(s.snapshot_id), hr::S_OK);
    }
  }
  ASSERT_EQ(provider_->Query().size(), 1u);
  EXPECT_EQ(provider_->Query()[0].context, Ctx::VSS_CTX_APP_ROLLBACK);
}

// Checks that a shadow copy found by snapshot id reads its files as of the commit while the
// live volume changes, and that deleting another snapshot does not disturb it.
TEST_F(Storage_CowProvider, ShadowCopyFilesById) {
  ASSERT_EQ(C().PutFile("C:\\Data\\a.db", std::string(5000, '1')), hr::S_OK);
  ASSERT_EQ(CreateSet(random_.NextGuid(), {"C:"}), hr::S_OK);
  const Guid first = ids_[0];
  ASSERT_EQ(C().PutFile("C:\\Data\\a.db", std::string(5000, '2')), hr::S_OK);
  ASSERT_EQ(CreateSet(random_.NextGuid(), {"C:"}), hr::S_OK);
  const Guid second = ids_[0];
  ASSERT_EQ(C().PutFile("C:\\Data\\a.db", std::string(5000, '3')), hr::S_OK);
  ASSERT_EQ(provider_->DeleteSnapshot(second), hr::S_OK);
  std::string got;
  ASSERT_EQ(provider_->FindShadowCopy(first)->ReadFile("C:\\Data\\a.db", &got), hr::S_OK);
  EXPECT_EQ(got, std::string(5000, '1'));
  EXPECT_EQ(provider_->FindShadowCopy(second), nullptr);
}

}  // namespace
}  // namespace vsssim::storage
