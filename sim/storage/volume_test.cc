#include "vsssim/storage/volume.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "vsssim/storage/volume_manager.h"

namespace vsssim::storage {
namespace {

using std::chrono::seconds;

class Storage_Volume : public ::testing::Test {
 protected:
  Storage_Volume() : volumes_(clock_) {
    VolumeOptions o;
    o.name = "c:\\";
    o.size_bytes = 1 << 20;
    EXPECT_EQ(volumes_.CreateVolume(o, &c_), hr::S_OK);
  }
  runtime::Clock clock_;
  VolumeManager volumes_;
  Volume* c_ = nullptr;
};

// Checks that volumes are named by drive letter, found by any path on them, and unique.
TEST_F(Storage_Volume, VolumesByDriveLetter) {
  EXPECT_EQ(c_->name(), "C:");
  EXPECT_EQ(volumes_.Find("c:\\Data\\x.db"), c_);
  EXPECT_EQ(volumes_.Find("D:"), nullptr);
  VolumeOptions again;
  again.name = "C:";
  EXPECT_EQ(volumes_.CreateVolume(again), hr::VSS_E_OBJECT_ALREADY_EXISTS);
  VolumeOptions bad;
  bad.name = "CD";
  EXPECT_EQ(volumes_.CreateVolume(bad), hr::E_INVALIDARG);
}

// Checks that file content round-trips through blocks, across block boundaries, with sizes,
// zero-filled gaps and case-insensitive names that keep their created case.
TEST_F(Storage_Volume, FilesHoldRealBytes) {
  std::string big(10000, 'x');
  for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>('a' + i % 26);
  ASSERT_EQ(c_->PutFile("C:\\Data\\DB.mdf", big), hr::S_OK);
  std::string got;
  ASSERT_EQ(c_->ReadFile("c:\\data\\db.MDF", &got), hr::S_OK);
  EXPECT_EQ(got, big);
  ASSERT_EQ(c_->WriteFile("C:\\Data\\gap.bin", 5000, "end"), hr::S_OK);
  ASSERT_EQ(c_->ReadFile("C:\\Data\\gap.bin", &got), hr::S_OK);
  EXPECT_EQ(got, std::string(5000, '\0') + "end");
  ASSERT_EQ(c_->AppendFile("C:\\Data\\gap.bin", "!"), hr::S_OK);
  EXPECT_EQ(c_->Live().Stat("C:\\DATA\\GAP.BIN")->size, 5004u);
  EXPECT_EQ(c_->Live().Stat("C:\\data\\db.mdf")->path, "C:\\Data\\DB.mdf");
  EXPECT_EQ(c_->ReadFile("C:\\Data\\none", &got), hr::VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(c_->ReadFile("D:\\Data\\DB.mdf", &got), hr::E_INVALIDARG);
  EXPECT_EQ(c_->ReadFile("C:\\Data", &got), hr::E_ACCESSDENIED);
}

// Checks that reused blocks of a deleted file never leak old bytes into a new file.
TEST_F(Storage_Volume, ReusedBlocksReadAsZeros) {
  ASSERT_EQ(c_->PutFile("C:\\old", std::string(8192, 'Q')), hr::S_OK);
  ASSERT_EQ(c_->DeleteFile("C:\\old"), hr::S_OK);
  ASSERT_EQ(c_->SetFileSize("C:\\new", 10), hr::VSS_E_OBJECT_NOT_FOUND);
  ASSERT_EQ(c_->PutFile("C:\\new", ""), hr::S_OK);
  ASSERT_EQ(c_->SetFileSize("C:\\new", 8192), hr::S_OK);
  std::string got;
  ASSERT_EQ(c_->ReadFile("C:\\new", &got), hr::S_OK);
  EXPECT_EQ(got, std::string(8192, '\0'));
}

// Checks that last-modify times come from the virtual clock.
TEST_F(Storage_Volume, LastModifiedFromVirtualClock) {
  clock_.AdvanceBy(seconds(5));
  ASSERT_EQ(c_->PutFile("C:\\a.txt", "1"), hr::S_OK);
  clock_.AdvanceBy(seconds(3));
  ASSERT_EQ(c_->PutFile("C:\\b.txt", "2"), hr::S_OK);
  EXPECT_EQ(c_->Live().Stat("C:\\a.txt")->last_modified.since_start, seconds(5));
  EXPECT_EQ(c_->Live().Stat("C:\\b.txt")->last_modified.since_start, seconds(8));
}

// Checks directory listing (direct children only) and file-set search (MATCH-03).
TEST_F(Storage_Volume, ListAndFind) {
  ASSERT_EQ(c_->PutFile("C:\\D1\\File1.txt", "a"), hr::S_OK);
  ASSERT_EQ(c_->PutFile("C:\\D1\\D2\\File1.txt", "b"), hr::S_OK);
  ASSERT_EQ(c_->PutFile("C:\\D1\\Other.txt", "c"), hr::S_OK);
  ASSERT_EQ(c_->PutFile("C:\\D1-x\\File1.txt", "d"), hr::S_OK);
  std::vector<std::string> listed;
  for (const FileInfo& f : c_->Live().List("C:\\d1")) listed.push_back(f.path);
  EXPECT_EQ(listed,
            (std::vector<std::string>{"C:\\D1\\D2", "C:\\D1\\File1.txt", "C:\\D1\\Other.txt"}));
  std::vector<std::string> found;
  for (const FileInfo& f : c_->Live().Find({"C:\\D1", "File1.*", true})) found.push_back(f.path);
  EXPECT_EQ(found, (std::vector<std::string>{"C:\\D1\\D2\\File1.txt", "C:\\D1\\File1.txt"}));
  EXPECT_EQ(c_->Live().Find({"C:\\D1", "*", false}).size(), 2u);
  EXPECT_EQ(c_->Live().List("C:\\").size(), 2u);
}

// Checks that a snapshot keeps the files — names, sizes, bytes — as they were, while the live
// volume moves on (rewrite, delete, create, truncate).
TEST_F(Storage_Volume, SnapshotIsPointInTimeForFiles) {
  ASSERT_EQ(c_->PutFile("C:\\Data\\a.db", std::string(6000, 'A')), hr::S_OK);
  ASSERT_EQ(c_->PutFile("C:\\Data\\b.log", "log-1"), hr::S_OK);
  SnapshotHandle s = 0;
  ASSERT_EQ(c_->CreateSnapshot(&s), hr::S_OK);
  ASSERT_EQ(c_->WriteFile("C:\\Data\\a.db", 4000, "ZZZZ"), hr::S_OK);
  ASSERT_EQ(c_->DeleteFile("C:\\Data\\b.log"), hr::S_OK);
  ASSERT_EQ(c_->PutFile("C:\\Data\\c.new", std::string(9000, 'C')), hr::S_OK);
  ASSERT_EQ(c_->SetFileSize("C:\\Data\\a.db", 10), hr::S_OK);
  FileView shadow = *c_->SnapshotFiles(s);
  std::string got;
  ASSERT_EQ(shadow.ReadFile("C:\\Data\\a.db", &got), hr::S_OK);
  EXPECT_EQ(got, std::string(6000, 'A'));
  ASSERT_EQ(shadow.ReadFile("C:\\Data\\b.log", &got), hr::S_OK);
  EXPECT_EQ(got, "log-1");
  EXPECT_FALSE(shadow.Stat("C:\\Data\\c.new").has_value());
  ASSERT_EQ(c_->ReadFile("C:\\Data\\a.db", &got), hr::S_OK);
  EXPECT_EQ(got, std::string(10, 'A'));
  ASSERT_EQ(c_->DeleteSnapshot(s), hr::S_OK);
  EXPECT_FALSE(c_->SnapshotFiles(s).has_value());
}

// Checks that held writes are queued (S_FALSE), invisible until release, then applied in order
// and reported to observers at release time.
TEST_F(Storage_Volume, HeldWritesApplyAtRelease) {
  std::vector<std::string> seen;
  int id = c_->AddWriteObserver(
      [&](const WriteEvent& e) { seen.push_back(std::string(NameOf(e.kind)) + " " + e.path); });
  c_->HoldWrites();
  EXPECT_EQ(c_->PutFile("C:\\x", "1"), hr::S_FALSE);
  EXPECT_EQ(c_->AppendFile("C:\\x", "2"), hr::S_FALSE);
  EXPECT_EQ(c_->held_write_count(), 2u);
  EXPECT_FALSE(c_->Live().Stat("C:\\x").has_value());
  EXPECT_TRUE(seen.empty());
  EXPECT_EQ(c_->ReleaseWrites(), 2u);
  std::string got;
  ASSERT_EQ(c_->ReadFile("C:\\x", &got), hr::S_OK);
  EXPECT_EQ(got, "12");
  EXPECT_EQ(seen, (std::vector<std::string>{"create C:\\x", "write C:\\x", "write C:\\x"}));
  c_->RemoveWriteObserver(id);
  ASSERT_EQ(c_->PutFile("C:\\y", "1"), hr::S_OK);
  EXPECT_EQ(seen.size(), 3u);
}

// Checks that a full volume refuses growth with ERROR_DISK_FULL and keeps the file intact.
TEST_F(Storage_Volume, DiskFull) {
  ASSERT_EQ(c_->PutFile("C:\\fill", std::string((1 << 20) - 4096, 'f')), hr::S_OK);
  EXPECT_EQ(c_->AppendFile("C:\\fill", std::string(8192, 'g')), kDiskFull);
  EXPECT_EQ(c_->Live().Stat("C:\\fill")->size, (1u << 20) - 4096);
  EXPECT_EQ(c_->AppendFile("C:\\fill", std::string(4096, 'g')), hr::S_OK);
  EXPECT_EQ(c_->free_bytes(), 0u);
}

}  // namespace
}  // namespace vsssim::storage
