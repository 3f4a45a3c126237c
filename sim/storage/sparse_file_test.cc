// Sparse files (issue #23 item 3): a declared file of any size holds no block memory until it is
// written, a large write costs the blocks it fills, and every byte still reads back right — the
// seeded pattern where nothing was written, zeros in gaps, the written bytes elsewhere, and the
// point-in-time content in a snapshot. Memory is asserted on the device's own accounting
// (BlockDevice::Stats), never on the process.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sim/storage/pattern.h"
#include "vsssim/storage/volume.h"
#include "vsssim/storage/volume_manager.h"

namespace vsssim::storage {
namespace {

constexpr std::uint64_t kBlock = 4096;

std::string Pattern(std::uint64_t seed, std::uint64_t position, std::size_t size) {
  std::string out(size, '\0');
  FillPattern(seed, position, out.data(), out.size());
  return out;
}

class Storage_SparseFiles : public ::testing::Test {
 protected:
  Storage_SparseFiles() : volumes_(clock_) {
    VolumeOptions o;
    o.name = "C:";
    o.size_bytes = 4ull << 30;  // 4 GiB
    EXPECT_EQ(volumes_.CreateVolume(o, &c_), hr::S_OK);
  }
  std::uint64_t LiveBlocks() const { return c_->device().Stats().live_blocks; }
  std::string Read(const FileView& view, const std::string& path) {
    std::string content;
    EXPECT_EQ(view.ReadFile(path, &content), hr::S_OK);
    return content;
  }
  runtime::Clock clock_;
  VolumeManager volumes_;
  Volume* c_ = nullptr;
};

// Checks that any range of the pattern equals the same bytes of the whole (random access, as
// the blocks of a file are read one at a time and at any offset).
TEST(Storage_Pattern, AnyRangeIsTheSameBytesOfTheWhole) {
  const std::string whole = Pattern(77, 0, 100);
  for (std::uint64_t at : {0, 1, 7, 8, 13, 64}) {
    for (std::size_t n : {0, 1, 5, 8, 9, 30}) {
      EXPECT_EQ(Pattern(77, at, n), whole.substr(at, n)) << at << "+" << n;
    }
  }
  EXPECT_NE(Pattern(78, 0, 100), whole);
}

// Checks that a declared 1 GiB file takes its space from the volume but no block memory.
TEST_F(Storage_SparseFiles, DeclaredFileHoldsNoBlockMemory) {
  const std::uint64_t free_before = c_->free_bytes();
  ASSERT_EQ(c_->PutPatternFile("C:\\db\\big.mdf", 1ull << 30, 42), hr::S_OK);
  EXPECT_EQ(c_->Live().Stat("C:\\db\\big.mdf")->size, 1ull << 30);
  EXPECT_EQ(c_->free_bytes(), free_before - (1ull << 30));
  const BlockDeviceStats stats = c_->device().Stats();
  EXPECT_EQ(stats.live_blocks, 0u);
  EXPECT_EQ(stats.pool_reserved_bytes, 0u);
  EXPECT_EQ(c_->PutPatternFile("C:\\db\\more.mdf", 4ull << 30, 1), kDiskFull);
}

// Checks that a declared file reads as its seed's pattern at its own offsets, whole or in
// chunks, and that another seed gives other bytes.
TEST_F(Storage_SparseFiles, DeclaredFileReadsItsSeedsPattern) {
  const std::size_t size = 3 * FileView::kReadChunkBytes + 123;
  ASSERT_EQ(c_->PutPatternFile("C:\\a.bin", size, 7), hr::S_OK);
  ASSERT_EQ(c_->PutPatternFile("C:\\b.bin", size, 8), hr::S_OK);
  const std::string a = Read(c_->Live(), "C:\\a.bin");
  EXPECT_EQ(a, Pattern(7, 0, size));
  EXPECT_NE(a, Read(c_->Live(), "C:\\b.bin"));
  std::vector<std::size_t> pieces;
  std::string joined;
  ASSERT_EQ(c_->Live().ReadFileInChunks("C:\\a.bin",
                                        [&](std::string_view piece) {
                                          pieces.push_back(piece.size());
                                          joined.append(piece);
                                        }),
            hr::S_OK);
  EXPECT_EQ(pieces, (std::vector<std::size_t>{FileView::kReadChunkBytes, FileView::kReadChunkBytes,
                                              FileView::kReadChunkBytes, 123}));
  EXPECT_EQ(joined, a);
}

// Checks that a write into a declared file round-trips, keeps the pattern around it and costs
// only the blocks it touches.
TEST_F(Storage_SparseFiles, WriteIntoDeclaredFileRoundTrips) {
  const std::size_t size = 10 * kBlock;
  ASSERT_EQ(c_->PutPatternFile("C:\\db.mdf", size, 3), hr::S_OK);
  const std::string data(kBlock + 200, 'w');  // blocks 1..2, partly
  const std::uint64_t offset = kBlock + kBlock / 2;
  ASSERT_EQ(c_->WriteFile("C:\\db.mdf", offset, data), hr::S_OK);
  std::string expected = Pattern(3, 0, size);
  expected.replace(offset, data.size(), data);
  EXPECT_EQ(Read(c_->Live(), "C:\\db.mdf"), expected);
  EXPECT_EQ(LiveBlocks(), 2u);
}

// Checks that a generated write far into a new file costs the blocks it fills (not the gap,
// which reads as zeros) and reads back as its pattern.
TEST_F(Storage_SparseFiles, LargeWriteCostsTheBlocksItFills) {
  const std::uint64_t offset = 64ull << 20;
  const std::uint64_t size = (1ull << 20) + 100;
  ASSERT_EQ(c_->WritePattern("C:\\log.ldf", offset, size, 9), hr::S_OK);
  EXPECT_EQ(LiveBlocks(), (size + kBlock - 1) / kBlock);
  const std::string content = Read(c_->Live(), "C:\\log.ldf");
  ASSERT_EQ(content.size(), offset + size);
  EXPECT_EQ(content.substr(0, offset), std::string(offset, '\0'));
  EXPECT_EQ(content.substr(offset), Pattern(9, 0, size));
}

// Checks that a snapshot keeps a declared file's pattern after the live file is written, and
// that the written block is the only one held (the snapshot's old content is the pattern,
// which needs no copy).
TEST_F(Storage_SparseFiles, SnapshotKeepsThePatternAfterAWrite) {
  ASSERT_EQ(c_->PutPatternFile("C:\\db.mdf", 4 * kBlock, 5), hr::S_OK);
  SnapshotHandle snap = 0;
  ASSERT_EQ(c_->CreateSnapshot(&snap), hr::S_OK);
  ASSERT_EQ(c_->WriteFile("C:\\db.mdf", 2 * kBlock, "changed"), hr::S_OK);
  EXPECT_EQ(Read(*c_->SnapshotFiles(snap), "C:\\db.mdf"), Pattern(5, 0, 4 * kBlock));
  std::string live = Pattern(5, 0, 4 * kBlock);
  live.replace(2 * kBlock, 7, "changed");
  EXPECT_EQ(Read(c_->Live(), "C:\\db.mdf"), live);
  EXPECT_EQ(LiveBlocks(), 1u);
  EXPECT_EQ(c_->device().Stats().diff_area_blocks, 0u);
}

// Checks that extending a file over blocks another file gave back reads as zeros without
// writing them (the blocks are discarded: no block memory), and that a snapshot taken before
// still reads the old file's bytes.
TEST_F(Storage_SparseFiles, ExtendingOverReusedBlocksReadsZeros) {
  ASSERT_EQ(c_->PutFile("C:\\old.bin", std::string(3 * kBlock, 'o')), hr::S_OK);
  SnapshotHandle snap = 0;
  ASSERT_EQ(c_->CreateSnapshot(&snap), hr::S_OK);
  ASSERT_EQ(c_->DeleteFile("C:\\old.bin"), hr::S_OK);
  ASSERT_EQ(c_->PutFile("C:\\new.bin", "n"), hr::S_OK);  // reuses one of old.bin's blocks
  ASSERT_EQ(c_->SetFileSize("C:\\new.bin", 3 * kBlock), hr::S_OK);
  EXPECT_EQ(Read(c_->Live(), "C:\\new.bin"), "n" + std::string(3 * kBlock - 1, '\0'));
  EXPECT_EQ(LiveBlocks(), 1u);  // the first block, written; the others discarded
  EXPECT_EQ(Read(*c_->SnapshotFiles(snap), "C:\\old.bin"), std::string(3 * kBlock, 'o'));
}

// Checks that shrinking a declared file and growing it again gives zeros past the cut, the
// pattern before it.
TEST_F(Storage_SparseFiles, ShrinkThenGrowZeroesTheCut) {
  ASSERT_EQ(c_->PutPatternFile("C:\\f.bin", 2 * kBlock, 11), hr::S_OK);
  ASSERT_EQ(c_->SetFileSize("C:\\f.bin", 100), hr::S_OK);
  ASSERT_EQ(c_->SetFileSize("C:\\f.bin", 2 * kBlock), hr::S_OK);
  EXPECT_EQ(Read(c_->Live(), "C:\\f.bin"),
            Pattern(11, 0, 100) + std::string(2 * kBlock - 100, '\0'));
}

// Checks that a volume of more than 2^31 blocks is refused (the block list's pattern bit needs
// the top bit of a 32-bit block number).
TEST(Storage_SparseVolumes, MoreThan2Pow31BlocksIsRefused) {
  runtime::Clock clock;
  VolumeManager volumes(clock);
  VolumeOptions o;
  o.name = "C:";
  o.block_size = 512;
  o.size_bytes = (Volume::kMaxBlocks + 1) * 512;
  EXPECT_EQ(volumes.CreateVolume(o), hr::E_INVALIDARG);
  EXPECT_EQ(volumes.FindByName("C:"), nullptr);
}

}  // namespace
}  // namespace vsssim::storage
