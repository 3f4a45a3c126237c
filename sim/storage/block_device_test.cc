#include "vsssim/storage/block_device.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vsssim::storage {
namespace {

BlockDeviceOptions Small(std::uint64_t blocks = 64, std::uint32_t block_size = 4096) {
  BlockDeviceOptions o;
  o.size_bytes = blocks * block_size;
  o.block_size = block_size;
  return o;
}

std::vector<std::uint8_t> Filled(std::size_t n, std::uint8_t v) {
  return std::vector<std::uint8_t>(n, v);
}

// Checks that a never-written volume reads as zeros and holds no block memory (sparse).
TEST(Storage_BlockDevice, SparseVolumeReadsZerosAndHoldsNoBlocks) {
  BlockDeviceOptions o;
  o.size_bytes = 64ull << 30;  // 64 GiB
  BlockDevice d(o);
  std::vector<std::uint8_t> out(4096, 0xFF);
  ASSERT_EQ(d.Read(40ull << 30, out.data(), out.size()), hr::S_OK);
  EXPECT_EQ(out, Filled(4096, 0));
  EXPECT_EQ(d.Stats().live_blocks, 0u);
  EXPECT_EQ(d.Stats().pool_reserved_bytes, 0u);
  ASSERT_EQ(d.Write(40ull << 30, Filled(10, 7).data(), 10), hr::S_OK);
  EXPECT_EQ(d.Stats().live_blocks, 1u);
  EXPECT_LE(d.Stats().pool_reserved_bytes, 16u * 4096);
}

// Checks that ranges leaving the volume are refused with E_INVALIDARG and change nothing.
TEST(Storage_BlockDevice, OutOfRangeIsInvalidArg) {
  BlockDevice d(Small(4));
  std::vector<std::uint8_t> buf(10, 1);
  EXPECT_EQ(d.Write(4 * 4096 - 5, buf.data(), buf.size()), hr::E_INVALIDARG);
  EXPECT_EQ(d.Read(4 * 4096 + 1, buf.data(), 0), hr::E_INVALIDARG);
  EXPECT_EQ(d.Stats().live_blocks, 0u);
}

// Checks that the first write after a snapshot preserves the old block once and that later
// writes to the same block copy nothing more for that snapshot (the COW rule).
TEST(Storage_BlockDevice, FirstWriteAfterSnapshotCopiesOnce) {
  BlockDevice d(Small());
  ASSERT_EQ(d.WriteBlock(3, Filled(4096, 1).data()), hr::S_OK);
  SnapshotHandle s = 0;
  ASSERT_EQ(d.CreateSnapshot(&s), hr::S_OK);
  EXPECT_EQ(d.DiffAreaBlocks(s), 0u);
  ASSERT_EQ(d.WriteBlock(3, Filled(4096, 2).data()), hr::S_OK);
  EXPECT_EQ(d.DiffAreaBlocks(s), 1u);
  ASSERT_EQ(d.Write(3 * 4096 + 100, Filled(50, 3).data(), 50), hr::S_OK);
  ASSERT_EQ(d.WriteBlock(3, Filled(4096, 4).data()), hr::S_OK);
  EXPECT_EQ(d.DiffAreaBlocks(s), 1u);
  std::vector<std::uint8_t> out(4096);
  ASSERT_EQ(d.ReadSnapshot(s, 3 * 4096, out.data(), out.size()), hr::S_OK);
  EXPECT_EQ(out, Filled(4096, 1));
  d.ReadBlock(3, out.data());
  EXPECT_EQ(out, Filled(4096, 4));
}

// Checks that a never-written block written after a snapshot reads as zeros in the snapshot
// and costs no diff-area data.
TEST(Storage_BlockDevice, NeverWrittenBlockStaysZeroInSnapshot) {
  BlockDevice d(Small());
  SnapshotHandle s = 0;
  ASSERT_EQ(d.CreateSnapshot(&s), hr::S_OK);
  ASSERT_EQ(d.Write(5, Filled(3, 9).data(), 3), hr::S_OK);
  std::vector<std::uint8_t> out(8, 0xEE);
  ASSERT_EQ(d.ReadSnapshot(s, 0, out.data(), out.size()), hr::S_OK);
  EXPECT_EQ(out, Filled(8, 0));
  EXPECT_EQ(d.diff_area_used_bytes(), 0u);
  EXPECT_EQ(d.Stats().diff_area_zero_blocks, 1u);
}

// Checks that ZeroBlocks makes whole blocks read as zeros and frees their memory, while a
// snapshot that saw their old content keeps it (handed to its diff area, not copied).
TEST(Storage_BlockDevice, ZeroBlocksDiscardsAndKeepsSnapshots) {
  BlockDevice d(Small());
  for (std::uint64_t b = 0; b < 4; ++b)
    ASSERT_EQ(d.WriteBlock(b, Filled(4096, 7).data()), hr::S_OK);
  ASSERT_EQ(d.ZeroBlocks(0, 1), hr::S_OK);  // no snapshot: freed
  EXPECT_EQ(d.Stats().live_blocks, 3u);
  SnapshotHandle s = 0;
  ASSERT_EQ(d.CreateSnapshot(&s), hr::S_OK);
  ASSERT_EQ(d.ZeroBlocks(1, 2), hr::S_OK);
  EXPECT_EQ(d.Stats().live_blocks, 1u);
  EXPECT_EQ(d.Stats().diff_area_blocks, 2u);
  std::vector<std::uint8_t> out(4096, 0xEE);
  d.ReadBlock(1, out.data());
  EXPECT_EQ(out, Filled(4096, 0));
  ASSERT_EQ(d.ReadSnapshot(s, 2 * 4096, out.data(), out.size()), hr::S_OK);
  EXPECT_EQ(out, Filled(4096, 7));
  ASSERT_EQ(d.ReadSnapshot(s, 0, out.data(), out.size()), hr::S_OK);
  EXPECT_EQ(out, Filled(4096, 0));
  ASSERT_EQ(d.ZeroBlocks(1, 1), hr::S_OK);  // already zero: nothing more held or copied
  EXPECT_EQ(d.Stats().diff_area_blocks, 2u);
  EXPECT_EQ(d.ZeroBlocks(60, 5), hr::E_INVALIDARG);
  d.set_diff_area_limit_bytes(2 * 4096);
  EXPECT_EQ(d.ZeroBlocks(3, 1), hr::VSS_E_INSUFFICIENT_STORAGE);  // would need a third copy
  d.ReadBlock(3, out.data());
  EXPECT_EQ(out, Filled(4096, 7));
}

// Checks LIM-02: 512 snapshots per volume by default, the 513th gives
// VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED, and deleting one makes room again.
TEST(Storage_BlockDevice, Lim02_MaximumSnapshotsPerVolume) {
  BlockDevice d(Small(4));
  EXPECT_EQ(d.max_snapshots(), 512u);
  std::vector<SnapshotHandle> handles;
  for (int i = 0; i < 512; ++i) {
    SnapshotHandle h = 0;
    ASSERT_EQ(d.CreateSnapshot(&h), hr::S_OK) << i;
    handles.push_back(h);
  }
  SnapshotHandle extra = 0;
  EXPECT_EQ(d.CreateSnapshot(&extra), hr::VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED);
  ASSERT_EQ(d.DeleteSnapshot(handles[100]), hr::S_OK);
  EXPECT_EQ(d.CreateSnapshot(&extra), hr::S_OK);
  EXPECT_EQ(d.DeleteSnapshot(handles[100]), hr::VSS_E_OBJECT_NOT_FOUND);
}

// Checks that the diff-area limit refuses, with VSS_E_INSUFFICIENT_STORAGE and no change, a
// write that would need one more copied block, and that deleting the snapshot reclaims it.
TEST(Storage_BlockDevice, DiffAreaLimitGivesInsufficientStorage) {
  BlockDeviceOptions o = Small(8);
  o.diff_area_limit_bytes = 2 * 4096;
  BlockDevice d(o);
  for (int b = 0; b < 4; ++b) ASSERT_EQ(d.WriteBlock(b, Filled(4096, 1).data()), hr::S_OK);
  SnapshotHandle s = 0;
  ASSERT_EQ(d.CreateSnapshot(&s), hr::S_OK);
  ASSERT_EQ(d.WriteBlock(0, Filled(4096, 2).data()), hr::S_OK);
  ASSERT_EQ(d.WriteBlock(1, Filled(4096, 2).data()), hr::S_OK);
  EXPECT_EQ(d.WriteBlock(2, Filled(4096, 2).data()), hr::VSS_E_INSUFFICIENT_STORAGE);
  // A range write that needs two copies is refused whole.
  EXPECT_EQ(d.Write(4096 * 2 + 10, Filled(4096, 3).data(), 4096), hr::VSS_E_INSUFFICIENT_STORAGE);
  std::vector<std::uint8_t> out(4096);
  d.ReadBlock(2, out.data());
  EXPECT_EQ(out, Filled(4096, 1));
  // Rewrites and never-written blocks need no diff-area data.
  EXPECT_EQ(d.WriteBlock(0, Filled(4096, 5).data()), hr::S_OK);
  EXPECT_EQ(d.WriteBlock(6, Filled(4096, 5).data()), hr::S_OK);
  EXPECT_EQ(d.diff_area_used_bytes(), 2u * 4096);
  ASSERT_EQ(d.DeleteSnapshot(s), hr::S_OK);
  EXPECT_EQ(d.diff_area_used_bytes(), 0u);
  EXPECT_EQ(d.WriteBlock(2, Filled(4096, 2).data()), hr::S_OK);
}

// Checks that deleting a newer snapshot hands the blocks an older snapshot still needs to it,
// and deleting the older one then reclaims everything.
TEST(Storage_BlockDevice, DeleteHandsSharedBlocksToOlderSnapshot) {
  BlockDevice d(Small());
  ASSERT_EQ(d.WriteBlock(0, Filled(4096, 1).data()), hr::S_OK);
  SnapshotHandle older = 0, newer = 0;
  ASSERT_EQ(d.CreateSnapshot(&older), hr::S_OK);
  ASSERT_EQ(d.CreateSnapshot(&newer), hr::S_OK);
  ASSERT_EQ(d.WriteBlock(0, Filled(4096, 2).data()), hr::S_OK);  // lands in newer's diff area
  EXPECT_EQ(d.DiffAreaBlocks(newer), 1u);
  EXPECT_EQ(d.DiffAreaBlocks(older), 0u);
  ASSERT_EQ(d.DeleteSnapshot(newer), hr::S_OK);
  EXPECT_EQ(d.DiffAreaBlocks(older), 1u);
  std::vector<std::uint8_t> out(4096);
  ASSERT_EQ(d.ReadSnapshot(older, 0, out.data(), out.size()), hr::S_OK);
  EXPECT_EQ(out, Filled(4096, 1));
  ASSERT_EQ(d.DeleteSnapshot(older), hr::S_OK);
  EXPECT_EQ(d.Stats().diff_area_blocks, 0u);
  EXPECT_EQ(d.Stats().diff_index_bytes, 0u);
}

// Checks that snapshot creation allocates no per-block state (O(1) whatever the volume size).
TEST(Storage_BlockDevice, SnapshotCreationTouchesNoBlockState) {
  BlockDeviceOptions o;
  o.size_bytes = 64ull << 30;
  BlockDevice d(o);
  ASSERT_EQ(d.WriteBlock(12345, Filled(4096, 1).data()), hr::S_OK);
  const BlockDeviceStats before = d.Stats();
  SnapshotHandle s = 0;
  ASSERT_EQ(d.CreateSnapshot(&s), hr::S_OK);
  const BlockDeviceStats after = d.Stats();
  EXPECT_EQ(after.live_index_bytes, before.live_index_bytes);
  EXPECT_EQ(after.diff_index_bytes, 0u);
  EXPECT_EQ(after.pool_reserved_bytes, before.pool_reserved_bytes);
}

// Checks the structural bound of the storage issue: at most 16 bytes of diff-area index per
// copied block at every diff-area size from 16 to 20000 blocks (below 16 a fixed 128-byte
// table is the floor).
TEST(Storage_BlockDevice, DiffIndexCostsAtMost16BytesPerCopiedBlock) {
  const std::uint64_t n = 20000;
  BlockDevice d(Small(n, 64));
  std::vector<std::uint8_t> block(64, 1);
  for (std::uint64_t b = 0; b < n; ++b) ASSERT_EQ(d.WriteBlock(b, block.data()), hr::S_OK);
  SnapshotHandle s = 0;
  ASSERT_EQ(d.CreateSnapshot(&s), hr::S_OK);
  double worst = 0;
  for (std::uint64_t b = 0; b < n; ++b) {
    ASSERT_EQ(d.WriteBlock((b * 7919) % n, block.data()), hr::S_OK);
    if (b >= 16) {
      double per_block = static_cast<double>(d.Stats().diff_index_bytes) / (b + 1);
      if (per_block > worst) worst = per_block;
    }
  }
  EXPECT_EQ(d.DiffAreaBlocks(s), n);
  EXPECT_LE(worst, 16.0);
  RecordProperty("worst_index_bytes_per_copied_block", std::to_string(worst));
}

}  // namespace
}  // namespace vsssim::storage
