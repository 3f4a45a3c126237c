// Volumes on host directories (volume.h, host_directory.h): live files, writes, snapshots,
// virtual times, the VSSSIM_VOLUMES value.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "sim/storage/scoped_host_dir.h"
#include "vsssim/runtime/random.h"
#include "vsssim/storage/cow_provider.h"
#include "vsssim/storage/host_directory.h"
#include "vsssim/storage/volume_manager.h"

namespace vsssim::storage {
namespace {

namespace fs = std::filesystem;
using std::chrono::seconds;
using testing::ScopedHostDir;

class Storage_HostVolume : public ::testing::Test {
 protected:
  Storage_HostVolume() : dir_(::testing::UnitTest::GetInstance()->current_test_info()->name()) {
    dir_.Put("Data/db.mdf", std::string(5000, 'd'));
    dir_.Put("Logs/2026/log1.ldf", "l1");
  }

  Volume* Make(HostCloneMode clone = HostCloneMode::kReflinkOrCopy) {
    VolumeOptions o;
    o.size_bytes = 1 << 20;
    o.host_dir = dir_.dir().string();
    o.host_clone = clone;
    Volume* c = nullptr;
    EXPECT_EQ(volumes_.CreateVolume(o, &c), hr::S_OK);
    return c;
  }

  static std::vector<std::string> Paths(const std::vector<FileInfo>& files) {
    std::vector<std::string> out;
    for (const FileInfo& f : files) out.push_back(f.path);
    return out;
  }

  ScopedHostDir dir_;
  runtime::Clock clock_;
  VolumeManager volumes_{clock_};
};

// Checks that the live files are the directory's files, found case-insensitively, shown in the
// host's spelling, and that names Windows cannot have are not on the volume.
TEST_F(Storage_HostVolume, LiveFilesAreTheDirectoryFiles) {
#if !defined(_WIN32)  // Windows has no such name (':' names an NTFS stream)
  dir_.Put("Data/a:b", "not a Windows name");
#endif
  Volume* c = Make();
  std::string content;
  ASSERT_EQ(c->ReadFile("c:\\DATA\\DB.MDF", &content), hr::S_OK);
  EXPECT_EQ(content, std::string(5000, 'd'));
  std::optional<FileInfo> info = c->Live().Stat("C:\\data\\db.mdf");
  ASSERT_TRUE(info.has_value());
  EXPECT_EQ(info->path, "C:\\Data\\db.mdf");
  EXPECT_EQ(info->size, 5000u);
  EXPECT_EQ(Paths(c->Live().AllFiles()),
            (std::vector<std::string>{"C:\\Data\\db.mdf", "C:\\Logs\\2026\\log1.ldf"}));
  EXPECT_EQ(Paths(c->Live().Find({"C:\\Logs", "*.ldf", true})),
            (std::vector<std::string>{"C:\\Logs\\2026\\log1.ldf"}));
  EXPECT_EQ(Paths(c->Live().List("C:\\")), (std::vector<std::string>{"C:\\Data", "C:\\Logs"}));
  EXPECT_EQ(c->ReadFile("C:\\Data\\missing", &content), hr::VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(c->ReadFile("C:\\Data", &content), hr::E_ACCESSDENIED);
  EXPECT_EQ(HostPathOf(volumes_, "C:\\DATA\\db.mdf"), (dir_.dir() / "Data" / "db.mdf").string());
}

// Checks that writes through the Volume API reach the host files (existing names in their own
// case, zero-filled gaps, resize, delete) and that held writes wait for the release.
TEST_F(Storage_HostVolume, WritesThroughTheApiReachTheDirectory) {
  Volume* c = Make();
  ASSERT_EQ(c->PutFile("C:\\DATA\\New\\x.txt", "abc"), hr::S_OK);
  EXPECT_EQ(dir_.Get("Data/New/x.txt"), "abc");
  ASSERT_EQ(c->WriteFile("C:\\Data\\New\\x.txt", 5, "Z"), hr::S_OK);
  EXPECT_EQ(dir_.Get("Data/New/x.txt"), std::string("abc\0\0Z", 6));
  ASSERT_EQ(c->AppendFile("C:\\Data\\New\\x.txt", "!"), hr::S_OK);
  ASSERT_EQ(c->SetFileSize("C:\\Data\\New\\x.txt", 2), hr::S_OK);
  EXPECT_EQ(dir_.Get("Data/New/x.txt"), "ab");
  EXPECT_EQ(c->PutFile("C:\\Data", "a directory"), hr::E_ACCESSDENIED);
  c->HoldWrites();
  EXPECT_EQ(c->DeleteFile("C:\\Data\\db.mdf"), hr::S_FALSE);
  EXPECT_TRUE(fs::exists(dir_.dir() / "Data" / "db.mdf"));
  EXPECT_EQ(c->ReleaseWrites(), 1u);
  EXPECT_FALSE(fs::exists(dir_.dir() / "Data" / "db.mdf"));
  EXPECT_EQ(c->DeleteFile("C:\\Data\\db.mdf"), hr::VSS_E_OBJECT_NOT_FOUND);
}

// Checks that a snapshot is the tree as it was when taken, whatever processes do to the
// directory afterwards, and that deleting it (and the volume) leaves no directory behind.
TEST_F(Storage_HostVolume, SnapshotIsThePointInTimeTree) {
  {
    VolumeManager volumes(clock_);
    VolumeOptions o;
    o.host_dir = dir_.dir().string();
    Volume* c = nullptr;
    ASSERT_EQ(volumes.CreateVolume(o, &c), hr::S_OK);
    SnapshotHandle snap = 0;
    ASSERT_EQ(c->CreateSnapshot(&snap), hr::S_OK);
    EXPECT_EQ(dir_.RootEntries(), 2);  // the volume and its snapshot area
    dir_.Put("Data/db.mdf", "changed by a process");
    dir_.Put("Data/new.mdf", "new");
    std::string content;
    ASSERT_EQ(c->SnapshotFiles(snap)->ReadFile("C:\\Data\\db.mdf", &content), hr::S_OK);
    EXPECT_EQ(content, std::string(5000, 'd'));
    EXPECT_FALSE(c->SnapshotFiles(snap)->Stat("C:\\Data\\new.mdf").has_value());
    ASSERT_EQ(c->ReadFile("C:\\Data\\db.mdf", &content), hr::S_OK);
    EXPECT_EQ(content, "changed by a process");
    SnapshotHandle second = 0;
    ASSERT_EQ(c->CreateSnapshot(&second), hr::S_OK);
    ASSERT_EQ(c->DeleteSnapshot(snap), hr::S_OK);
    EXPECT_FALSE(c->SnapshotFiles(snap).has_value());
    ASSERT_EQ(c->SnapshotFiles(second)->ReadFile("C:\\Data\\new.mdf", &content), hr::S_OK);
    EXPECT_EQ(content, "new");
  }
  EXPECT_EQ(dir_.RootEntries(), 1);  // only the volume's own directory
  EXPECT_EQ(dir_.Get("Data/new.mdf"), "new");
}

// Checks that last-modify times are virtual: the volume's creation time for files found then,
// the virtual time a change is first seen for a file a process rewrote, frozen in a snapshot.
TEST_F(Storage_HostVolume, LastModifiedIsVirtualTime) {
  clock_.AdvanceBy(seconds(5));
  Volume* c = Make();
  clock_.AdvanceBy(seconds(10));
  EXPECT_EQ(c->Live().Stat("C:\\Data\\db.mdf")->last_modified.since_start, seconds(5));
  dir_.Put("Data/db.mdf", "shorter");
  clock_.AdvanceBy(seconds(1));
  SnapshotHandle snap = 0;
  ASSERT_EQ(c->CreateSnapshot(&snap), hr::S_OK);
  clock_.AdvanceBy(seconds(1));
  EXPECT_EQ(c->Live().Stat("C:\\Data\\db.mdf")->last_modified.since_start, seconds(16));
  EXPECT_EQ(c->SnapshotFiles(snap)->Stat("C:\\Data\\db.mdf")->last_modified.since_start,
            seconds(16));
  ASSERT_EQ(c->PutFile("C:\\Data\\db.mdf", "via the API"), hr::S_OK);
  EXPECT_EQ(c->Live().Stat("C:\\Data\\db.mdf")->last_modified.since_start, seconds(17));
}

// Checks the VSSSIM_VOLUMES value: host-directory volumes by canonical name, others left out.
TEST_F(Storage_HostVolume, EnvironmentNamesHostVolumes) {
  EXPECT_EQ(HostVolumesEnvironment(volumes_), "{}");
  Make();
  VolumeOptions d;
  d.name = "D:";
  d.size_bytes = 1 << 20;
  ASSERT_EQ(volumes_.CreateVolume(d), hr::S_OK);
  std::string dir;  // as a JSON string: a Windows path's '\\' are escaped
  for (char c : dir_.dir().lexically_normal().string())
    dir += c == '\\' ? std::string("\\\\") : std::string(1, c);
  EXPECT_EQ(HostVolumesEnvironment(volumes_), R"({"C:\\":")" + dir + R"("})");
  EXPECT_FALSE(HostPathOf(volumes_, "D:\\x").has_value());
}

// Checks that the provider's shadow copy of a host volume reads the image taken at commit
// through ShadowCopy, and that deleting the shadow copy removes its image.
TEST_F(Storage_HostVolume, ProviderShadowCopyReadsTheImage) {
  Make();
  trace::Trace trace(clock_);
  CowProvider provider(volumes_, clock_, &trace);
  runtime::Random random(7);
  const Guid set = random.NextGuid();
  const Guid id = random.NextGuid();
  ASSERT_EQ(provider.BeginPrepareSnapshot(set, id, "C:", vss::SnapshotContext::VSS_CTX_BACKUP,
                                          vss::VolumeSnapshotAttributes{0}),
            hr::S_OK);
  ASSERT_EQ(provider.EndPrepareSnapshots(set), hr::S_OK);
  ASSERT_EQ(provider.PreCommitSnapshots(set), hr::S_OK);
  ASSERT_EQ(provider.CommitSnapshots(set), hr::S_OK);
  dir_.Put("Logs/2026/log1.ldf", "later");
  std::string content;
  ASSERT_EQ(provider.FindShadowCopy(id)->ReadFile("C:\\Logs\\2026\\log1.ldf", &content), hr::S_OK);
  EXPECT_EQ(content, "l1");
  EXPECT_EQ(dir_.RootEntries(), 2);
  ASSERT_EQ(provider.DeleteSnapshot(id), hr::S_OK);
  int images = 0;
  for (const auto& area : fs::directory_iterator(dir_.root())) {
    if (area.path() == dir_.dir()) continue;
    for ([[maybe_unused]] const auto& image : fs::directory_iterator(area.path())) ++images;
  }
  EXPECT_EQ(images, 0);
}

// Checks the copy path (reflinks off): every file copied byte for byte, none reflinked, and
// the image keeps its bytes when a process then overwrites the file in place.
TEST_F(Storage_HostVolume, ForcedCopySnapshotIsAPointInTimeCopy) {
  Volume* c = Make(HostCloneMode::kCopyOnly);
  SnapshotHandle snap = 0;
  ASSERT_EQ(c->CreateSnapshot(&snap), hr::S_OK);
  EXPECT_EQ(c->host_clone_stats().files, 2u);
  EXPECT_EQ(c->host_clone_stats().bytes, 5002u);
  EXPECT_EQ(c->host_clone_stats().reflinked_files, 0u);
  dir_.Patch("Data/db.mdf", 100, "XYZ");
  std::string content;
  ASSERT_EQ(c->SnapshotFiles(snap)->ReadFile("C:\\Data\\db.mdf", &content), hr::S_OK);
  EXPECT_EQ(content, std::string(5000, 'd'));
  EXPECT_EQ(dir_.Get("Data/db.mdf").substr(99, 5), "dXYZd");
}

// Checks the reflink path where the file system has reflinks (FICLONE; XFS, Btrfs): every file
// reflinked, and the image keeps its bytes when a process overwrites the file in place (the
// clone shares blocks until then). Skipped on a file system without reflinks (ext4, tmpfs):
// there the same volume falls back to copies, which the other tests check.
TEST_F(Storage_HostVolume, ReflinkSnapshotIsAPointInTimeImage) {
  Volume* c = Make();
  SnapshotHandle snap = 0;
  ASSERT_EQ(c->CreateSnapshot(&snap), hr::S_OK);
  EXPECT_EQ(c->host_clone_stats().files, 2u);
  EXPECT_EQ(c->host_clone_stats().bytes, 5002u);
  if (c->host_clone_stats().reflinked_files == 0) {
    GTEST_SKIP() << "no reflinks on the file system of " << dir_.root()
                 << " (set TMPDIR to a directory on XFS or Btrfs to run this test)";
  }
  EXPECT_EQ(c->host_clone_stats().reflinked_files, 2u);
  dir_.Patch("Data/db.mdf", 100, "XYZ");
  std::string content;
  ASSERT_EQ(c->SnapshotFiles(snap)->ReadFile("C:\\Data\\db.mdf", &content), hr::S_OK);
  EXPECT_EQ(content, std::string(5000, 'd'));
  ASSERT_EQ(c->Live().ReadFile("C:\\Data\\db.mdf", &content), hr::S_OK);
  EXPECT_EQ(content.substr(99, 5), "dXYZd");
}

// Checks that CreateVolume refuses a host directory that is missing or a file, and a mount
// folder on a host-directory volume (which would make a folder in the directory).
TEST_F(Storage_HostVolume, CreateRefusesBadDirectories) {
  VolumeOptions o;
  o.name = "D:";
  o.host_dir = (dir_.root() / "missing").string();
  EXPECT_EQ(volumes_.CreateVolume(o), hr::E_INVALIDARG);
  o.host_dir = (dir_.dir() / "Data" / "db.mdf").string();
  EXPECT_EQ(volumes_.CreateVolume(o), hr::E_INVALIDARG);
  EXPECT_EQ(volumes_.FindByName("D:"), nullptr);
  Make();
  VolumeOptions mounted;
  mounted.name = "C:\\mnt\\data\\";
  mounted.size_bytes = 1 << 20;
  EXPECT_EQ(volumes_.CreateVolume(mounted), hr::E_ACCESSDENIED);
  EXPECT_FALSE(fs::exists(dir_.dir() / "mnt"));
}

// Checks CloneHostTree's copy: every file and directory, byte for byte, counted.
TEST_F(Storage_HostVolume, CloneCopiesTheTree) {
  HostCloneStats stats;
  std::string error;
  const fs::path to = dir_.root() / "clone";
  ASSERT_TRUE(
      CloneHostTree(dir_.dir().string(), to.string(), HostCloneMode::kCopyOnly, &stats, &error))
      << error;
  EXPECT_EQ(stats.files, 2u);
  EXPECT_EQ(stats.directories, 3u);  // Data, Logs, Logs/2026
  EXPECT_EQ(stats.bytes, 5002u);
  EXPECT_EQ(stats.reflinked_files, 0u);
  EXPECT_FALSE(CloneHostTree(dir_.dir().string(), to.string(), HostCloneMode::kCopyOnly, &stats,
                             &error));  // `to` exists
}

}  // namespace
}  // namespace vsssim::storage
