// BlockDevice: an in-memory, sparse volume of fixed-size blocks holding real bytes, with
// copy-on-write snapshots (catalogue §4 PRV-*, §1.11 LIM-02; the storage issue).
//
// Sparse: memory grows only with blocks ever written; a never-written block reads as zeros.
// Snapshots: CreateSnapshot is O(1) whatever the volume size. The first write to a block after
// the newest snapshot moves the block's old content into that snapshot's diff area (redirect on
// write: the old buffer itself is handed over, so the old bytes are preserved without a second
// copy); later writes to the same block copy nothing for that snapshot. An older snapshot finds
// a block in the diff area of the first snapshot at or after it that holds the block, else on
// the live volume. Deleting a snapshot hands the blocks an older snapshot still needs to the
// previous snapshot and frees the rest.
//
// Limits: at most `max_snapshots` live snapshots (512 by default, LIM-02; the next
// CreateSnapshot gives VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED). Diff-area data is capped by
// `diff_area_limit_bytes`: a write that would need more fails with VSS_E_INSUFFICIENT_STORAGE
// and changes nothing (a documented simulator choice, see docs/storage.md).
//
// Determinism: no randomness, no time. Thread safety: none (single simulator thread).
#ifndef VSSSIM_STORAGE_BLOCK_DEVICE_H_
#define VSSSIM_STORAGE_BLOCK_DEVICE_H_

#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

#include "vsssim/vss/hresult.h"

namespace vsssim::storage {

class BlockPool;

struct BlockDeviceOptions {
  std::uint64_t size_bytes = 0;       // rounded down to whole blocks
  std::uint32_t block_size = 4096;    // bytes; REQUIRES: >= 8
  std::uint32_t max_snapshots = 512;  // LIM-02
  std::uint64_t diff_area_limit_bytes = std::numeric_limits<std::uint64_t>::max();
};

// Names one snapshot of one device; handed out in increasing order, never reused. 0 is none.
using SnapshotHandle = std::uint32_t;

// Memory held by a device, for tests and benchmarks.
struct BlockDeviceStats {
  std::uint64_t live_blocks = 0;            // blocks of the live volume that hold a buffer
  std::uint64_t diff_area_blocks = 0;       // copied blocks held for snapshots (data)
  std::uint64_t diff_area_zero_blocks = 0;  // never-written blocks recorded as zeros (no data)
  std::uint64_t diff_index_bytes = 0;       // bytes of every snapshot's diff-area index
  std::uint64_t live_index_bytes = 0;       // bytes of the live block table
  std::uint64_t pool_reserved_bytes = 0;    // block memory held (in use or free for reuse)
};

class BlockDevice {
 public:
  // REQUIRES: options.block_size >= 8; block count < 2^32 - 2.
  explicit BlockDevice(const BlockDeviceOptions& options);
  ~BlockDevice();
  BlockDevice(const BlockDevice&) = delete;
  BlockDevice& operator=(const BlockDevice&) = delete;

  std::uint64_t size_bytes() const { return block_count_ * block_size_; }
  std::uint32_t block_size() const { return block_size_; }
  std::uint64_t block_count() const { return block_count_; }

  // Byte-range I/O on the live volume. E_INVALIDARG if the range leaves the volume;
  // VSS_E_INSUFFICIENT_STORAGE (nothing written) if the diff area would exceed its limit.
  HResult Write(std::uint64_t offset, const void* data, std::size_t size);
  HResult Read(std::uint64_t offset, void* out, std::size_t size) const;
  // Reads the point-in-time image of `snapshot`. VSS_E_OBJECT_NOT_FOUND if it does not exist.
  HResult ReadSnapshot(SnapshotHandle snapshot, std::uint64_t offset, void* out,
                       std::size_t size) const;

  // Whole blocks [first, first + count) read as zeros afterwards and hold no memory on the live
  // volume (a discard, as TRIM: how a volume clears a block it hands to a file, without writing
  // a block of zeros); a snapshot that still sees a block's old content gets it in its diff
  // area, as on a write. Cost: O(chunks of the range) plus O(1) per block that held data.
  // E_INVALIDARG if the range leaves the volume; VSS_E_INSUFFICIENT_STORAGE (nothing changed)
  // if the diff area would exceed its limit.
  HResult ZeroBlocks(std::uint64_t first, std::uint64_t count);

  // Whole-block fast paths. REQUIRES: block < block_count(); buffers of block_size() bytes.
  HResult WriteBlock(std::uint64_t block, const void* data);
  void ReadBlock(std::uint64_t block, void* out) const;

  // O(1). VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED at the limit (LIM-02).
  HResult CreateSnapshot(SnapshotHandle* out);
  // VSS_E_OBJECT_NOT_FOUND if there is no such snapshot. Reclaims its diff area.
  HResult DeleteSnapshot(SnapshotHandle snapshot);
  bool HasSnapshot(SnapshotHandle snapshot) const;
  std::size_t snapshot_count() const { return snapshots_.size(); }
  std::uint32_t max_snapshots() const { return max_snapshots_; }
  // Live snapshots, oldest first.
  std::vector<SnapshotHandle> snapshots() const;

  void set_diff_area_limit_bytes(std::uint64_t limit) { diff_area_limit_bytes_ = limit; }
  std::uint64_t diff_area_limit_bytes() const { return diff_area_limit_bytes_; }
  // Bytes of copied block data held in diff areas (what the limit applies to).
  std::uint64_t diff_area_used_bytes() const { return diff_area_blocks_ * block_size_; }
  // Copied blocks held in `snapshot`'s own diff area (0 if there is no such snapshot).
  std::uint64_t DiffAreaBlocks(SnapshotHandle snapshot) const;
  BlockDeviceStats Stats() const;

 private:
  struct LiveEntry {
    std::uint32_t slot;   // BlockPool slot, or BlockPool::kNoSlot
    std::uint32_t epoch;  // epoch_ at the last write
  };
  struct Snapshot;
  static constexpr std::uint32_t kChunkShift = 10;
  static constexpr std::uint32_t kChunkEntries = 1u << kChunkShift;

  LiveEntry* FindLive(std::uint64_t block) const;
  LiveEntry& LiveFor(std::uint64_t block);
  // Calls fn(block, entry) for every block of [first, end) that holds a live buffer.
  template <typename Fn>
  void ForEachHeld(std::uint64_t first, std::uint64_t end, Fn&& fn);
  // Copies (part of) one block; `offset`+`size` stay inside the block.
  void WriteInBlock(std::uint64_t block, std::uint32_t offset, const std::uint8_t* data,
                    std::uint32_t size);
  bool NeedsCopy(std::uint64_t block) const;
  void ReadLiveInBlock(std::uint64_t block, std::uint32_t offset, std::uint8_t* out,
                       std::uint32_t size) const;
  void ReadSnapshotInBlock(std::size_t index, std::uint64_t block, std::uint32_t offset,
                           std::uint8_t* out, std::uint32_t size) const;
  void CopySlot(std::uint32_t slot, std::uint32_t offset, std::uint8_t* out,
                std::uint32_t size) const;
  std::size_t IndexOf(SnapshotHandle snapshot) const;  // snapshots_.size() if absent
  bool InRange(std::uint64_t offset, std::size_t size) const;

  std::uint32_t block_size_;
  std::uint64_t block_count_;
  std::uint32_t max_snapshots_;
  std::uint64_t diff_area_limit_bytes_;
  std::unique_ptr<BlockPool> pool_;
  std::vector<std::unique_ptr<LiveEntry[]>> live_;    // chunks of kChunkEntries, made on write
  std::vector<std::unique_ptr<Snapshot>> snapshots_;  // oldest first
  std::uint32_t epoch_ = 1;                           // stamped on writes; snapshots take one
  std::uint32_t newest_epoch_ = 0;                    // epoch of the newest snapshot; 0 if none
  SnapshotHandle next_handle_ = 1;
  std::uint64_t live_blocks_ = 0;
  std::uint64_t diff_area_blocks_ = 0;
  std::uint64_t diff_area_zero_blocks_ = 0;
};

}  // namespace vsssim::storage

#endif  // VSSSIM_STORAGE_BLOCK_DEVICE_H_
