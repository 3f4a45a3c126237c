#include "vsssim/storage/quiesce_monitor.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "vsssim/runtime/random.h"
#include "vsssim/storage/cow_provider.h"

namespace vsssim::storage {
namespace {

using std::chrono::seconds;

// A direct driver: one writer "DemoDB" with a database set and a recursive log set on C:,
// frozen, snapshotted by the CowProvider, thawed — the coordinator's calls in miniature.
class Storage_QuiesceMonitor : public ::testing::Test {
 protected:
  Storage_QuiesceMonitor()
      : trace_(clock_), volumes_(clock_), monitor_(volumes_, trace_), random_(3) {
    VolumeOptions o;
    o.size_bytes = 1 << 20;
    EXPECT_EQ(volumes_.CreateVolume(o, &c_), hr::S_OK);
    provider_ = std::make_unique<CowProvider>(volumes_, clock_, &trace_);
    EXPECT_EQ(c_->PutFile("C:\\Data\\db.mdf", std::string(6000, 'd')), hr::S_OK);
    EXPECT_EQ(c_->PutFile("C:\\Data\\notes.txt", "n"), hr::S_OK);
    EXPECT_EQ(c_->PutFile("C:\\Logs\\2026\\log1.ldf", "l1"), hr::S_OK);
  }

  std::vector<FileSetSpec> Sets() const {
    return {{"C:\\Data", "*.mdf", false}, {"C:\\Logs", "*.ldf", true}};
  }

  // Commits a one-volume set and returns its shadow copies.
  std::vector<const ShadowCopy*> Snapshot() {
    const Guid set = random_.NextGuid();
    EXPECT_EQ(provider_->BeginPrepareSnapshot(set, random_.NextGuid(),
                                              "C:", vss::SnapshotContext::VSS_CTX_BACKUP,
                                              vss::VolumeSnapshotAttributes{0}),
              hr::S_OK);
    EXPECT_EQ(provider_->EndPrepareSnapshots(set), hr::S_OK);
    EXPECT_EQ(provider_->PreCommitSnapshots(set), hr::S_OK);
    EXPECT_EQ(provider_->CommitSnapshots(set), hr::S_OK);
    return provider_->ShadowCopiesOfSet(set);
  }

  std::vector<std::string> Findings() const {
    std::vector<std::string> out;
    for (const trace::Entry& e : trace_.entries()) {
      if (e.kind != trace::EntryKind::kFinding) continue;
      EXPECT_EQ(e.rule, "SIM-QUIESCE-01");
      EXPECT_EQ(e.from, "writer:DemoDB");
      out.push_back(e.name + " " + std::string(e.Get("path")) + " " + std::string(e.Get("op")));
    }
    return out;
  }

  runtime::Clock clock_;
  trace::Trace trace_;
  VolumeManager volumes_;
  QuiesceMonitor monitor_;
  runtime::Random random_;
  std::unique_ptr<CowProvider> provider_;
  Volume* c_ = nullptr;
};

// Checks that a well-behaved writer (no writes between Freeze and Thaw) yields no finding and
// that writes outside the window or outside its file sets are not findings.
TEST_F(Storage_QuiesceMonitor, QuietWriterHasNoFinding) {
  monitor_.BeginQuiesce("DemoDB", Sets());
  EXPECT_EQ(monitor_.CapturedFiles("DemoDB"),
            (std::vector<std::string>{"C:\\Data\\db.mdf", "C:\\Logs\\2026\\log1.ldf"}));
  ASSERT_EQ(c_->PutFile("C:\\Data\\notes.txt", "other file"), hr::S_OK);
  EXPECT_EQ(monitor_.CheckShadowCopies("DemoDB", Snapshot()), 0u);
  monitor_.EndQuiesce("DemoDB");
  EXPECT_FALSE(monitor_.IsQuiescing("DemoDB"));
  ASSERT_EQ(c_->PutFile("C:\\Data\\db.mdf", "after thaw"), hr::S_OK);
  EXPECT_TRUE(Findings().empty());
}

// Checks the exclude sets of BeginQuiesce (a writer's AddExcludeFiles): an excluded file of a
// watched set is neither captured nor reported when written during the freeze.
TEST_F(Storage_QuiesceMonitor, SimQuiesce01_ExcludedFilesAreNotWatched) {
  ASSERT_EQ(c_->PutFile("C:\\Logs\\2026\\temp.ldf", "t"), hr::S_OK);
  monitor_.BeginQuiesce("DemoDB", Sets(), {{"C:\\Logs", "temp.*", true}});
  EXPECT_EQ(monitor_.CapturedFiles("DemoDB"),
            (std::vector<std::string>{"C:\\Data\\db.mdf", "C:\\Logs\\2026\\log1.ldf"}));
  ASSERT_EQ(c_->PutFile("C:\\Logs\\2026\\temp.ldf", "scratch"), hr::S_OK);
  EXPECT_TRUE(Findings().empty());
  ASSERT_EQ(c_->AppendFile("C:\\Logs\\2026\\log1.ldf", "+"), hr::S_OK);
  EXPECT_EQ(Findings(),
            (std::vector<std::string>{"write during freeze C:\\Logs\\2026\\log1.ldf write"}));
}

// Checks SIM-QUIESCE-01 on a torn snapshot: a write to the database between Freeze and the
// commit is reported, and the shadow copy differs from the content when Freeze returned.
TEST_F(Storage_QuiesceMonitor, SimQuiesce01_TornSnapshotIsCaught) {
  monitor_.BeginQuiesce("DemoDB", Sets());
  clock_.AdvanceBy(seconds(1));
  ASSERT_EQ(c_->WriteFile("C:\\data\\DB.MDF", 100, "torn"), hr::S_OK);
  EXPECT_EQ(monitor_.CheckShadowCopies("DemoDB", Snapshot()), 1u);
  monitor_.EndQuiesce("DemoDB");
  EXPECT_EQ(Findings(),
            (std::vector<std::string>{"write during freeze C:\\Data\\db.mdf write",
                                      "shadow copy differs from freeze C:\\Data\\db.mdf "}));
  EXPECT_EQ(trace_.entries()[0].time.since_start, seconds(1));
}

// Checks that a write held by the flush-and-hold window still breaks the promise (reported at
// release) although the shadow copy itself is intact.
TEST_F(Storage_QuiesceMonitor, SimQuiesce01_HeldWriteIsStillAFinding) {
  provider_->set_commit_duration(seconds(2));
  clock_.ScheduleAfter(
      seconds(1), [&] { EXPECT_EQ(c_->AppendFile("C:\\Logs\\2026\\log1.ldf", "+"), hr::S_FALSE); });
  monitor_.BeginQuiesce("DemoDB", Sets());
  EXPECT_EQ(monitor_.CheckShadowCopies("DemoDB", Snapshot()), 0u);
  EXPECT_EQ(Findings(),
            (std::vector<std::string>{"write during freeze C:\\Logs\\2026\\log1.ldf write"}));
}

// Checks that creating a new file in a set and deleting a captured one are both caught; the
// deleted file is missing from the shadow copy.
TEST_F(Storage_QuiesceMonitor, SimQuiesce01_CreateAndDeleteAreCaught) {
  monitor_.BeginQuiesce("DemoDB", Sets());
  ASSERT_EQ(c_->PutFile("C:\\Logs\\new.ldf", "x"), hr::S_OK);
  ASSERT_EQ(c_->DeleteFile("C:\\Data\\db.mdf"), hr::S_OK);
  EXPECT_EQ(monitor_.CheckShadowCopies("DemoDB", Snapshot()), 1u);
  EXPECT_EQ(Findings(),
            (std::vector<std::string>{"write during freeze C:\\Logs\\new.ldf create",
                                      "write during freeze C:\\Logs\\new.ldf write",
                                      "write during freeze C:\\Data\\db.mdf delete",
                                      "shadow copy differs from freeze C:\\Data\\db.mdf "}));
  EXPECT_EQ(trace_.entries().back().Get("shadow_size"), "missing");
}

}  // namespace
}  // namespace vsssim::storage
