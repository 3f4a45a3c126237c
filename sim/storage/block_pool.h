// BlockPool: fixed-size block buffers for one BlockDevice, addressed by 32-bit slot numbers.
//
// Blocks are carved from slabs of kSlabBlocks blocks; freed slots go on a stack of slot numbers
// (4 bytes per free block; not an intrusive list, whose pop would first have to read the cold
// freed block). Memory grows with the number of blocks in use at the same time and is kept for
// reuse by the same device (never returned before the device dies).
//
// Thread safety: none. Private to sim/storage.
#ifndef VSSSIM_SIM_STORAGE_BLOCK_POOL_H_
#define VSSSIM_SIM_STORAGE_BLOCK_POOL_H_

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace vsssim::storage {

class BlockPool {
 public:
  // No block allocated (a never-written live block).
  static constexpr std::uint32_t kNoSlot = 0xFFFFFFFFu;
  // A block of zeros that was never allocated (a diff-area entry for a never-written block).
  static constexpr std::uint32_t kZeroSlot = 0xFFFFFFFEu;
  static constexpr std::uint32_t kSlabShift = 4;
  static constexpr std::uint32_t kSlabBlocks = 1u << kSlabShift;

  explicit BlockPool(std::uint32_t block_size) : block_size_(block_size) {}
  BlockPool(const BlockPool&) = delete;
  BlockPool& operator=(const BlockPool&) = delete;

  // A slot whose bytes are unspecified.
  std::uint32_t Allocate() {
    ++in_use_;
    if (!free_.empty()) {
      std::uint32_t slot = free_.back();
      free_.pop_back();
      return slot;
    }
    if ((next_fresh_ >> kSlabShift) == slabs_.size()) {
      assert(next_fresh_ < kZeroSlot - kSlabBlocks);
      // Default-initialised on purpose: zeroing would cost a second pass over every block.
      slabs_.emplace_back(new std::uint8_t[std::size_t{block_size_} * kSlabBlocks]);
    }
    return next_fresh_++;
  }

  void Free(std::uint32_t slot) {
    assert(slot < next_fresh_);
    --in_use_;
    free_.push_back(slot);
  }

  // Frees many slots so that later allocations hand them out in ascending address order
  // (sequential writes into the pool are cheaper than scattered ones).
  void FreeMany(std::vector<std::uint32_t>& slots) {
    std::sort(slots.begin(), slots.end(), std::greater<std::uint32_t>());
    in_use_ -= slots.size();
    free_.insert(free_.end(), slots.begin(), slots.end());
  }

  std::uint8_t* Address(std::uint32_t slot) {
    return slabs_[slot >> kSlabShift].get() + std::size_t{slot & (kSlabBlocks - 1)} * block_size_;
  }
  const std::uint8_t* Address(std::uint32_t slot) const {
    return slabs_[slot >> kSlabShift].get() + std::size_t{slot & (kSlabBlocks - 1)} * block_size_;
  }

  std::uint64_t blocks_in_use() const { return in_use_; }
  // Bytes of block memory held (in use or free for reuse).
  std::uint64_t reserved_bytes() const {
    return std::uint64_t{slabs_.size()} * kSlabBlocks * block_size_;
  }
  // Bookkeeping bytes: the slab table and the free stack.
  std::uint64_t bookkeeping_bytes() const {
    return slabs_.capacity() * sizeof(std::unique_ptr<std::uint8_t[]>) +
           free_.capacity() * sizeof(std::uint32_t);
  }

 private:
  std::uint32_t block_size_;
  std::vector<std::uint32_t> free_;
  std::uint32_t next_fresh_ = 0;
  std::uint64_t in_use_ = 0;
  std::vector<std::unique_ptr<std::uint8_t[]>> slabs_;
};

}  // namespace vsssim::storage

#endif  // VSSSIM_SIM_STORAGE_BLOCK_POOL_H_
