#include "vsssim/storage/block_device.h"

#include <algorithm>
#include <cassert>
#include <cstring>

#include "sim/storage/block_pool.h"
#include "sim/storage/diff_map.h"

namespace vsssim::storage {

struct BlockDevice::Snapshot {
  SnapshotHandle handle;
  std::uint32_t epoch;  // blocks stamped with a later epoch were written after this snapshot
  DiffMap diff;         // block -> old content, for blocks first written while this was newest
};

BlockDevice::BlockDevice(const BlockDeviceOptions& options)
    : block_size_(options.block_size),
      block_count_(options.size_bytes / options.block_size),
      max_snapshots_(options.max_snapshots),
      diff_area_limit_bytes_(options.diff_area_limit_bytes),
      pool_(std::make_unique<BlockPool>(options.block_size)) {
  assert(block_size_ >= 8);
  assert(block_count_ < BlockPool::kZeroSlot);
  live_.resize((block_count_ + kChunkEntries - 1) >> kChunkShift);
}

BlockDevice::~BlockDevice() = default;

BlockDevice::LiveEntry* BlockDevice::FindLive(std::uint64_t block) const {
  LiveEntry* chunk = live_[block >> kChunkShift].get();
  return chunk == nullptr ? nullptr : &chunk[block & (kChunkEntries - 1)];
}

BlockDevice::LiveEntry& BlockDevice::LiveFor(std::uint64_t block) {
  std::unique_ptr<LiveEntry[]>& chunk = live_[block >> kChunkShift];
  if (chunk == nullptr) {
    chunk.reset(new LiveEntry[kChunkEntries]);
    std::fill_n(chunk.get(), kChunkEntries, LiveEntry{BlockPool::kNoSlot, 0});
  }
  return chunk[block & (kChunkEntries - 1)];
}

bool BlockDevice::InRange(std::uint64_t offset, std::size_t size) const {
  return offset <= size_bytes() && size <= size_bytes() - offset;
}

bool BlockDevice::NeedsCopy(std::uint64_t block) const {
  if (snapshots_.empty()) return false;
  const LiveEntry* e = FindLive(block);
  // Never written (epoch 0) or not written since the newest snapshot was taken.
  return e == nullptr || e->epoch <= newest_epoch_;
}

void BlockDevice::WriteInBlock(std::uint64_t block, std::uint32_t offset, const std::uint8_t* data,
                               std::uint32_t size) {
  LiveEntry& e = LiveFor(block);
  const bool whole = offset == 0 && size == block_size_;
  if (!snapshots_.empty() && e.epoch <= newest_epoch_) {
    // First write since the newest snapshot: its diff area takes the old buffer (or a zero
    // marker for a never-written block) and the live volume gets a fresh one.
    std::uint32_t old_slot = e.slot == BlockPool::kNoSlot ? BlockPool::kZeroSlot : e.slot;
    snapshots_.back()->diff.Insert(static_cast<std::uint32_t>(block), old_slot);
    if (old_slot == BlockPool::kZeroSlot) {
      ++diff_area_zero_blocks_;
    } else {
      ++diff_area_blocks_;
    }
    std::uint32_t fresh = pool_->Allocate();
    if (!whole) {
      std::uint8_t* dst = pool_->Address(fresh);
      if (old_slot == BlockPool::kZeroSlot) {
        std::memset(dst, 0, block_size_);
      } else {
        std::memcpy(dst, pool_->Address(old_slot), block_size_);
      }
    }
    if (e.slot == BlockPool::kNoSlot) ++live_blocks_;
    e.slot = fresh;
  } else if (e.slot == BlockPool::kNoSlot) {
    e.slot = pool_->Allocate();
    ++live_blocks_;
    if (!whole) std::memset(pool_->Address(e.slot), 0, block_size_);
  }
  e.epoch = epoch_;
  std::memcpy(pool_->Address(e.slot) + offset, data, size);
}

HResult BlockDevice::Write(std::uint64_t offset, const void* data, std::size_t size) {
  if (!InRange(offset, size)) return hr::E_INVALIDARG;
  if (size == 0) return hr::S_OK;
  const std::uint64_t first = offset / block_size_;
  const std::uint64_t last = (offset + size - 1) / block_size_;
  if (diff_area_limit_bytes_ != std::numeric_limits<std::uint64_t>::max()) {
    std::uint64_t copies = 0;
    for (std::uint64_t b = first; b <= last; ++b) {
      const LiveEntry* e = FindLive(b);
      if (NeedsCopy(b) && e != nullptr && e->slot != BlockPool::kNoSlot) ++copies;
    }
    if ((diff_area_blocks_ + copies) * block_size_ > diff_area_limit_bytes_) {
      return hr::VSS_E_INSUFFICIENT_STORAGE;
    }
  }
  const auto* src = static_cast<const std::uint8_t*>(data);
  std::uint64_t pos = offset;
  while (size > 0) {
    std::uint64_t block = pos / block_size_;
    std::uint32_t in_block = static_cast<std::uint32_t>(pos % block_size_);
    std::uint32_t n = static_cast<std::uint32_t>(
        std::min<std::uint64_t>(size, std::uint64_t{block_size_} - in_block));
    WriteInBlock(block, in_block, src, n);
    src += n;
    pos += n;
    size -= n;
  }
  return hr::S_OK;
}

template <typename Fn>
void BlockDevice::ForEachHeld(std::uint64_t first, std::uint64_t end, Fn&& fn) {
  std::uint64_t b = first;
  while (b < end) {
    LiveEntry* chunk = live_[b >> kChunkShift].get();
    const std::uint64_t chunk_end = std::min(end, ((b >> kChunkShift) + 1) << kChunkShift);
    if (chunk == nullptr) {  // never written: nothing held
      b = chunk_end;
      continue;
    }
    for (; b < chunk_end; ++b) {
      LiveEntry& e = chunk[b & (kChunkEntries - 1)];
      if (e.slot != BlockPool::kNoSlot) fn(b, e);
    }
  }
}

HResult BlockDevice::ZeroBlocks(std::uint64_t first, std::uint64_t count) {
  if (first > block_count_ || count > block_count_ - first) return hr::E_INVALIDARG;
  const std::uint64_t end = first + count;
  if (diff_area_limit_bytes_ != std::numeric_limits<std::uint64_t>::max() && !snapshots_.empty()) {
    std::uint64_t copies = 0;
    ForEachHeld(first, end, [&](std::uint64_t, const LiveEntry& e) {
      if (e.epoch <= newest_epoch_) ++copies;
    });
    if ((diff_area_blocks_ + copies) * block_size_ > diff_area_limit_bytes_) {
      return hr::VSS_E_INSUFFICIENT_STORAGE;
    }
  }
  std::vector<std::uint32_t> freed;
  ForEachHeld(first, end, [&](std::uint64_t block, LiveEntry& e) {
    if (!snapshots_.empty() && e.epoch <= newest_epoch_) {
      // Not written since the newest snapshot: its diff area takes the buffer (redirect on
      // write, as in WriteInBlock).
      snapshots_.back()->diff.Insert(static_cast<std::uint32_t>(block), e.slot);
      ++diff_area_blocks_;
    } else {
      freed.push_back(e.slot);  // only the live volume sees this buffer
    }
    e.slot = BlockPool::kNoSlot;
    e.epoch = epoch_;
    --live_blocks_;
  });
  pool_->FreeMany(freed);
  return hr::S_OK;
}

HResult BlockDevice::WriteBlock(std::uint64_t block, const void* data) {
  assert(block < block_count_);
  if (diff_area_limit_bytes_ != std::numeric_limits<std::uint64_t>::max() && NeedsCopy(block)) {
    const LiveEntry* e = FindLive(block);
    if (e != nullptr && e->slot != BlockPool::kNoSlot &&
        (diff_area_blocks_ + 1) * block_size_ > diff_area_limit_bytes_) {
      return hr::VSS_E_INSUFFICIENT_STORAGE;
    }
  }
  WriteInBlock(block, 0, static_cast<const std::uint8_t*>(data), block_size_);
  return hr::S_OK;
}

void BlockDevice::CopySlot(std::uint32_t slot, std::uint32_t offset, std::uint8_t* out,
                           std::uint32_t size) const {
  if (slot == BlockPool::kNoSlot || slot == BlockPool::kZeroSlot) {
    std::memset(out, 0, size);
  } else {
    std::memcpy(out, pool_->Address(slot) + offset, size);
  }
}

void BlockDevice::ReadLiveInBlock(std::uint64_t block, std::uint32_t offset, std::uint8_t* out,
                                  std::uint32_t size) const {
  const LiveEntry* e = FindLive(block);
  CopySlot(e == nullptr ? BlockPool::kNoSlot : e->slot, offset, out, size);
}

void BlockDevice::ReadSnapshotInBlock(std::size_t index, std::uint64_t block, std::uint32_t offset,
                                      std::uint8_t* out, std::uint32_t size) const {
  const LiveEntry* e = FindLive(block);
  if (e == nullptr || e->epoch <= snapshots_[index]->epoch) {
    // Not written since the snapshot: the live block is the snapshot's block.
    CopySlot(e == nullptr ? BlockPool::kNoSlot : e->slot, offset, out, size);
    return;
  }
  const auto key = static_cast<std::uint32_t>(block);
  for (std::size_t j = index; j < snapshots_.size(); ++j) {
    std::uint32_t slot = snapshots_[j]->diff.Find(key, BlockPool::kNoSlot);
    if (slot != BlockPool::kNoSlot) {
      CopySlot(slot, offset, out, size);
      return;
    }
  }
  assert(false && "a block written after a snapshot must be in a diff area");
  std::memset(out, 0, size);
}

HResult BlockDevice::Read(std::uint64_t offset, void* out, std::size_t size) const {
  if (!InRange(offset, size)) return hr::E_INVALIDARG;
  auto* dst = static_cast<std::uint8_t*>(out);
  while (size > 0) {
    std::uint32_t in_block = static_cast<std::uint32_t>(offset % block_size_);
    std::uint32_t n = static_cast<std::uint32_t>(
        std::min<std::uint64_t>(size, std::uint64_t{block_size_} - in_block));
    ReadLiveInBlock(offset / block_size_, in_block, dst, n);
    dst += n;
    offset += n;
    size -= n;
  }
  return hr::S_OK;
}

void BlockDevice::ReadBlock(std::uint64_t block, void* out) const {
  assert(block < block_count_);
  ReadLiveInBlock(block, 0, static_cast<std::uint8_t*>(out), block_size_);
}

HResult BlockDevice::ReadSnapshot(SnapshotHandle snapshot, std::uint64_t offset, void* out,
                                  std::size_t size) const {
  std::size_t index = IndexOf(snapshot);
  if (index == snapshots_.size()) return hr::VSS_E_OBJECT_NOT_FOUND;
  if (!InRange(offset, size)) return hr::E_INVALIDARG;
  auto* dst = static_cast<std::uint8_t*>(out);
  while (size > 0) {
    std::uint32_t in_block = static_cast<std::uint32_t>(offset % block_size_);
    std::uint32_t n = static_cast<std::uint32_t>(
        std::min<std::uint64_t>(size, std::uint64_t{block_size_} - in_block));
    ReadSnapshotInBlock(index, offset / block_size_, in_block, dst, n);
    dst += n;
    offset += n;
    size -= n;
  }
  return hr::S_OK;
}

HResult BlockDevice::CreateSnapshot(SnapshotHandle* out) {
  // LIM-02: at most 512 software shadow copies per volume (configurable here).
  if (snapshots_.size() >= max_snapshots_) return hr::VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED;
  assert(epoch_ < 0xFFFFFFFFu);
  auto snapshot = std::make_unique<Snapshot>();
  snapshot->handle = next_handle_++;
  snapshot->epoch = epoch_;
  newest_epoch_ = epoch_++;
  *out = snapshot->handle;
  snapshots_.push_back(std::move(snapshot));
  return hr::S_OK;
}

HResult BlockDevice::DeleteSnapshot(SnapshotHandle snapshot) {
  std::size_t index = IndexOf(snapshot);
  if (index == snapshots_.size()) return hr::VSS_E_OBJECT_NOT_FOUND;
  Snapshot* previous = index == 0 ? nullptr : snapshots_[index - 1].get();
  std::vector<std::uint32_t> freed;
  snapshots_[index]->diff.ForEach([&](std::uint32_t block, std::uint32_t slot) {
    // The previous snapshot reads this block here unless it holds its own older copy.
    if (previous != nullptr &&
        previous->diff.Find(block, BlockPool::kNoSlot) == BlockPool::kNoSlot) {
      previous->diff.Insert(block, slot);
      return;
    }
    if (slot == BlockPool::kZeroSlot) {
      --diff_area_zero_blocks_;
    } else {
      --diff_area_blocks_;
      freed.push_back(slot);
    }
  });
  pool_->FreeMany(freed);
  snapshots_.erase(snapshots_.begin() + static_cast<std::ptrdiff_t>(index));
  newest_epoch_ = snapshots_.empty() ? 0 : snapshots_.back()->epoch;
  return hr::S_OK;
}

std::size_t BlockDevice::IndexOf(SnapshotHandle snapshot) const {
  // Handles grow with creation order, so the vector is sorted by handle.
  auto it = std::lower_bound(
      snapshots_.begin(), snapshots_.end(), snapshot,
      [](const std::unique_ptr<Snapshot>& s, SnapshotHandle h) { return s->handle < h; });
  if (it == snapshots_.end() || (*it)->handle != snapshot) return snapshots_.size();
  return static_cast<std::size_t>(it - snapshots_.begin());
}

bool BlockDevice::HasSnapshot(SnapshotHandle snapshot) const {
  return IndexOf(snapshot) != snapshots_.size();
}

std::vector<SnapshotHandle> BlockDevice::snapshots() const {
  std::vector<SnapshotHandle> out;
  out.reserve(snapshots_.size());
  for (const auto& s : snapshots_) out.push_back(s->handle);
  return out;
}

std::uint64_t BlockDevice::DiffAreaBlocks(SnapshotHandle snapshot) const {
  std::size_t index = IndexOf(snapshot);
  if (index == snapshots_.size()) return 0;
  std::uint64_t n = 0;
  snapshots_[index]->diff.ForEach([&](std::uint32_t, std::uint32_t slot) {
    if (slot != BlockPool::kZeroSlot) ++n;
  });
  return n;
}

BlockDeviceStats BlockDevice::Stats() const {
  BlockDeviceStats s;
  s.live_blocks = live_blocks_;
  s.diff_area_blocks = diff_area_blocks_;
  s.diff_area_zero_blocks = diff_area_zero_blocks_;
  for (const auto& snap : snapshots_) s.diff_index_bytes += snap->diff.bookkeeping_bytes();
  s.live_index_bytes = live_.capacity() * sizeof(live_[0]);
  for (const auto& chunk : live_) {
    if (chunk != nullptr) s.live_index_bytes += kChunkEntries * sizeof(LiveEntry);
  }
  s.pool_reserved_bytes = pool_->reserved_bytes();
  return s;
}

}  // namespace vsssim::storage
